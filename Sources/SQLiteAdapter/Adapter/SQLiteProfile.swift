import Foundation
import Warehouse

/// A `type: sqlite` profile output, with dbt-sqlite's keys.
///
/// ```yaml
/// dev:
///   type: sqlite
///   threads: 4
///   database: database
///   schema: main
///   schemas_and_paths:
///     main: jaffle.db
///     raw: data/raw.db
///   schema_directory: schemas
/// ```
///
/// Each schema is one database file: `main` is the main file, every other entry of
/// `schemas_and_paths` is attached under its schema name, and a schema that is not listed lives
/// in `<schema_directory>/<schema>.db` (attached when it exists, created by `create schema`).
/// Relative paths resolve against the base directory the adapter is given (the project dir).
public struct SQLiteProfile: Sendable, Hashable {
    /// `database`: a name only (dbt-sqlite's convention is `database`); relations never include it.
    public var database: String
    /// `schema`: the target's default schema (`main`).
    public var schema: String
    /// `schemas_and_paths`: schema name → database file. Must name `main`.
    public var schemasAndPaths: [String: String]
    /// `schema_directory`: where schemas that are not listed get their own file.
    public var schemaDirectory: String?
    /// `threads`: how many nodes run at once; the pool keeps as many reader connections.
    public var threads: Int

    /// Creates a profile from its typed settings.
    public init(database: String = "database", schema: String = "main", schemasAndPaths: [String: String],
                schemaDirectory: String? = nil, threads: Int = 1) {
        self.database = database
        self.schema = schema
        self.schemasAndPaths = schemasAndPaths
        self.schemaDirectory = schemaDirectory
        self.threads = threads
    }

    /// Creates a profile from an output's scalar settings (`database`, `schema`,
    /// `schema_directory`, `threads`) and its `schemas_and_paths` mapping.
    ///
    /// - Throws: ``WarehouseError`` `.configuration` when `threads` is not a positive integer or
    ///   `schemas_and_paths` has no `main` entry.
    public init(settings: [String: String], schemasAndPaths: [String: String]) throws {
        var threads = 1
        if let text = settings["threads"] {
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n > 0 else {
                throw WarehouseError(.configuration, "sqlite profile: `threads` must be a positive integer, got `\(text)`")
            }
            threads = n
        }
        self.init(database: settings["database"] ?? "database", schema: settings["schema"] ?? "main",
                  schemasAndPaths: schemasAndPaths, schemaDirectory: settings["schema_directory"], threads: threads)
        try validate()
    }

    /// Checks what can be checked without touching files.
    func validate() throws {
        guard let main = schemasAndPaths.first(where: { $0.key.lowercased() == "main" })?.value, !main.isEmpty else {
            throw WarehouseError(.configuration, """
                sqlite profile: `schemas_and_paths` must name the main database file, e.g. \
                `schemas_and_paths: {main: warehouse.db}`
                """)
        }
        if threads < 1 {
            throw WarehouseError(.configuration, "sqlite profile: `threads` must be at least 1")
        }
    }

    /// `path` resolved against `base` (absolute paths and `:memory:` stay as they are; `~` expands).
    static func resolve(_ path: String, against base: String) -> String {
        if path == ":memory:" { return path }
        let expanded = (path as NSString).expandingTildeInPath
        if expanded.hasPrefix("/") { return (expanded as NSString).standardizingPath }
        return ((base as NSString).appendingPathComponent(expanded) as NSString).standardizingPath
    }
}
