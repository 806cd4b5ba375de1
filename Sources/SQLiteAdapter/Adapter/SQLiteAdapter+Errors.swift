import Foundation
import GRDB
import Warehouse

extension SQLiteAdapter {
    /// `error` as a ``WarehouseError`` that keeps `sql` (never the bound values).
    ///
    /// A busy or locked database and a read-only file become `.locked`, naming the file and
    /// what to do; a file SQLite cannot open becomes `.connection`; the rest `.database`.
    static func warehouseError(_ error: any Error, sql: String?, catalog: SQLiteSchemaCatalog,
                               busyTimeout: TimeInterval, opening: Bool = false) -> WarehouseError {
        if let error = error as? WarehouseError { return error }
        guard let error = error as? DatabaseError else {
            return WarehouseError(.database, "\(error)", sql: sql)
        }
        let statement = sql ?? error.sql
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            let files = catalog.files(mentionedIn: statement).joined(separator: ", ")
            let waited = busyTimeout == 0 ? "" : " (waited \(formatSeconds(busyTimeout)))"
            return WarehouseError(.locked, """
                the SQLite database \(files) is locked by another connection\(waited): \(message). \
                Close the other program using it (another ingot or dbt run, a SQLite browser) and retry.
                """, sql: statement)
        case .SQLITE_READONLY:
            let unwritable = ([catalog.mainPath] + catalog.attached.map(\.path)).filter { !isWritable($0) }
            let files = unwritable.isEmpty ? catalog.files(mentionedIn: statement) : unwritable
            return WarehouseError(.locked, """
                the SQLite database \(files.joined(separator: ", ")) is read-only: \(message). \
                Make the file and its directory writable (SQLite writes `-wal` and `-shm` files \
                beside it), or point `schemas_and_paths` at a writable copy.
                """, sql: statement)
        case .SQLITE_CANTOPEN where opening:
            return WarehouseError(.connection, "cannot open the SQLite database \(catalog.mainPath): \(message)", sql: statement)
        default:
            return WarehouseError(.database, message, sql: statement)
        }
    }

    /// Whether the file (when it exists) and its directory can be written.
    static func isWritable(_ path: String) -> Bool {
        let directory = (path as NSString).deletingLastPathComponent
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 { return false }
        return access(directory.isEmpty ? "." : directory, W_OK) == 0
    }

    /// Checks that a schema's file can be opened for writing before SQLite tries.
    ///
    /// - Throws: `.configuration` when the directory does not exist; `.locked` when the file or
    ///   the directory is read-only.
    static func checkFile(_ path: String, schema: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw WarehouseError(.configuration, """
                the directory \(directory) for schema `\(schema)` (\(path)) does not exist: create it, \
                or change `schemas_and_paths` / `schema_directory` in the profile
                """)
        }
        if FileManager.default.fileExists(atPath: path), access(path, W_OK) != 0 {
            throw WarehouseError(.locked, """
                the SQLite database \(path) (schema `\(schema)`) is read-only: make it writable \
                (chmod u+w), or point `schemas_and_paths` at a writable copy
                """)
        }
        if access(directory, W_OK) != 0 {
            throw WarehouseError(.locked, """
                the directory \(directory) holding the SQLite database \(path) (schema `\(schema)`) \
                is not writable; SQLite needs to create `-wal` and `-shm` files beside the database: \
                make the directory writable
                """)
        }
    }

    /// Schema names become file names and SQL identifiers: no path separators, no NUL.
    static func checkSchemaName(_ schema: String) throws {
        if schema.isEmpty || schema.contains("/") || schema.contains("\0") || schema == "." || schema == ".." {
            throw WarehouseError(.configuration, "`\(schema)` cannot be a SQLite schema name (it names a file)")
        }
    }

    private static func formatSeconds(_ seconds: TimeInterval) -> String {
        seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }
}
