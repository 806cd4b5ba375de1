import Foundation

/// The schemas an adapter's connections see: `main` and every attached file.
///
/// Shared by all connections of a pool: `prepareDatabase` attaches what it lists when a
/// connection opens, and `createSchema`/`dropSchema` update it before re-opening the readers.
final class SQLiteSchemaCatalog: @unchecked Sendable {
    struct Entry: Sendable, Hashable {
        /// The schema name as attached.
        var schema: String
        /// The file's absolute path.
        var path: String
        /// Whether the profile's `schemas_and_paths` names it (never deleted by `dropSchema`).
        var configured: Bool
    }

    private let lock = NSLock()
    private var entries: [Entry] = []
    /// The main database file.
    let mainPath: String

    init(mainPath: String) {
        self.mainPath = mainPath
    }

    /// The attached schemas, in attach order (`main` is not among them).
    var attached: [Entry] {
        lock.lock(); defer { lock.unlock() }
        return entries
    }

    func add(_ entry: Entry) {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.schema.lowercased() == entry.schema.lowercased() }
        entries.append(entry)
    }

    func remove(schema: String) {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.schema.lowercased() == schema.lowercased() }
    }

    /// The attached entry for `schema` (matched without case, as SQLite matches schema names).
    func entry(for schema: String) -> Entry? {
        attached.first { $0.schema.lowercased() == schema.lowercased() }
    }

    /// Whether `schema` is visible: `main`, `temp` or attached.
    func contains(_ schema: String) -> Bool {
        let s = schema.lowercased()
        return s == "main" || s == "temp" || entry(for: schema) != nil
    }

    /// The canonical spelling of a visible schema (`MAIN` → `main`).
    func canonicalName(_ schema: String) -> String? {
        let s = schema.lowercased()
        if s == "main" || s == "temp" { return s }
        return entry(for: schema)?.schema
    }

    /// The file behind `schema`, if it has one.
    func path(of schema: String) -> String? {
        schema.lowercased() == "main" ? mainPath : entry(for: schema)?.path
    }

    /// The files a statement may touch: those of the schemas it names (`"s".` or `s.`), else the
    /// main file. Used to name the file in a locked or read-only error.
    func files(mentionedIn sql: String?) -> [String] {
        guard let sql = sql?.lowercased() else { return [mainPath] }
        var files: [String] = []
        if sql.contains("\"main\".") || sql.contains("main.") { files.append(mainPath) }
        for e in attached {
            let s = e.schema.lowercased()
            if sql.contains("\"\(s)\".") || sql.contains("\(s).") { files.append(e.path) }
        }
        return files.isEmpty ? [mainPath] : files
    }
}
