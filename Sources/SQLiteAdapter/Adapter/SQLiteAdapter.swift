import Foundation
import GRDB
import Warehouse

/// The embedded SQLite warehouse: one database file per schema, on a GRDB `DatabasePool`.
///
/// The pool runs in WAL mode: readers (introspection, `select`s through ``execute(_:fetch:)``)
/// run concurrently on their own connections, and every write goes through the pool's single,
/// serialized writer connection, so `--threads N` builds never corrupt the file or deadlock.
/// ``transaction(_:)`` is one `BEGIN IMMEDIATE` write transaction on that writer.
///
/// Every connection is prepared alike: the schemas of ``SQLiteProfile/schemasAndPaths`` and of
/// ``SQLiteProfile/schemaDirectory`` are attached, `legacy_alter_table` is on (so renaming a
/// table never rewrites or re-checks the views of its schema, and a view keeps pointing at the
/// name it was written against, as a swap needs), and the Postgres/Redshift-flavoured
/// function library (``registerWarehouseFunctions(on:)``) is registered.
///
/// ```swift
/// let adapter = try SQLiteAdapter(
///     profile: SQLiteProfile(schemasAndPaths: ["main": "warehouse.db"], schemaDirectory: "schemas"),
///     baseDirectory: projectDirectory)
/// try adapter.createSchema(database: nil, schema: "staging")   // attaches schemas/staging.db
/// try adapter.transaction { connection in
///     try connection.execute("create table \"staging\".\"orders\" (id integer)", fetch: false)
///     try connection.insert(into: RelationInfo(database: nil, schema: "staging", identifier: "orders"),
///                           columns: ["id"], rows: [[.int(1)], [.int(2)]])
/// }
/// ```
///
/// Calls made on the adapter from inside a ``transaction(_:)`` body (a hook's `run_query`,
/// `adapter.get_relation`) run on the transaction's own connection and see its uncommitted
/// work; a nested ``transaction(_:)`` becomes a savepoint.
///
/// Errors are ``WarehouseError``s that keep the SQL: `.locked` when another process holds the
/// database (after the busy timeout) or a file or its directory is read-only, `.configuration`
/// for a missing directory or a bad profile, `.database` for everything SQLite rejects.
public final class SQLiteAdapter: WarehouseAdapter, Sendable {
    /// The profile the adapter was opened with.
    public let profile: SQLiteProfile
    /// The directory relative paths resolve against.
    public let baseDirectory: String
    /// How long a statement waits for another process's lock before failing as `.locked`.
    public let busyTimeout: TimeInterval

    let pool: DatabasePool
    let catalog: SQLiteSchemaCatalog

    /// The `application_id` ingot writes into schema files it creates, so `dropSchema` deletes
    /// only those ("ingt").
    static let applicationID: Int32 = 0x696E_6774

    // See WarehouseAdapter.typeName.
    public var typeName: String { "sqlite" }
    // See WarehouseAdapter.dialect.
    public var dialect: WarehouseDialect { .sqlite }

    /// Opens (creating when missing) the main database file and attaches every schema file.
    ///
    /// - Parameters:
    ///   - profile: The profile output's settings.
    ///   - baseDirectory: The directory relative paths resolve against: the project directory.
    ///   - busyTimeout: Seconds a statement waits for a lock held by another process (another
    ///     `ingot` or `dbt` run, a SQLite browser) before it fails with `.locked`.
    /// - Throws: ``WarehouseError``: `.configuration` when `schemas_and_paths` lacks `main` or a
    ///   file's directory does not exist; `.locked` when a file or its directory is read-only or
    ///   another process holds the database; `.connection` when SQLite cannot open it.
    public init(profile: SQLiteProfile, baseDirectory: String, busyTimeout: TimeInterval = 5) throws {
        try profile.validate()
        self.profile = profile
        self.baseDirectory = baseDirectory
        self.busyTimeout = busyTimeout

        let configured = profile.schemasAndPaths.map { (schema: $0.key, path: SQLiteProfile.resolve($0.value, against: baseDirectory)) }
        let mainPath = configured.first { $0.schema.lowercased() == "main" }!.path
        if mainPath == ":memory:" {
            throw WarehouseError(.configuration, """
                sqlite profile: `main` must be a file; the adapter runs in WAL mode, which an \
                in-memory database does not support
                """)
        }
        try Self.checkFile(mainPath, schema: "main")
        let catalog = SQLiteSchemaCatalog(mainPath: mainPath)
        var usedPaths: Set<String> = [mainPath]
        for entry in configured.sorted(by: { $0.schema < $1.schema }) where entry.schema.lowercased() != "main" {
            try Self.checkSchemaName(entry.schema)
            try Self.checkFile(entry.path, schema: entry.schema)
            catalog.add(.init(schema: entry.schema, path: entry.path, configured: true))
            usedPaths.insert(entry.path)
        }
        if let directory = profile.schemaDirectory.map({ SQLiteProfile.resolve($0, against: baseDirectory) }),
           let names = try? FileManager.default.contentsOfDirectory(atPath: directory) {
            // As dbt-sqlite does: every `<schema>.db` in the schema directory is a schema.
            for name in names.sorted() where name.hasSuffix(".db") {
                let schema = String(name.dropLast(3))
                let path = (directory as NSString).appendingPathComponent(name)
                guard !schema.isEmpty, !usedPaths.contains(path), !catalog.contains(schema) else { continue }
                try Self.checkFile(path, schema: schema)
                catalog.add(.init(schema: schema, path: path, configured: false))
                usedPaths.insert(path)
            }
        }
        self.catalog = catalog

        var configuration = Configuration()
        configuration.label = "ingot.sqlite"
        configuration.busyMode = .timeout(busyTimeout)
        configuration.maximumReaderCount = max(2, profile.threads)
        // SQL that opens its own transaction (`begin; …; commit;` in a hook) runs through
        // execute(_:fetch:) on the writer without GRDB stopping the process.
        configuration.allowsUnsafeTransactions = true
        configuration.prepareDatabase { db in
            try Self.prepare(db, catalog: catalog)
        }
        do {
            pool = try DatabasePool(path: mainPath, configuration: configuration)
        } catch {
            throw Self.warehouseError(error, sql: nil, catalog: catalog, busyTimeout: busyTimeout, opening: true)
        }
    }

    /// Sets up one connection: pragmas, attached schemas, functions.
    static func prepare(_ db: Database, catalog: SQLiteSchemaCatalog) throws {
        let writer = !db.configuration.readonly
        try db.execute(sql: "pragma legacy_alter_table = on")
        if writer { try db.execute(sql: "pragma synchronous = normal") }
        for entry in catalog.attached {
            try attach(entry, on: db, writer: writer)
        }
        registerWarehouseFunctions(on: db)
    }

    static func attach(_ entry: SQLiteSchemaCatalog.Entry, on db: Database, writer: Bool) throws {
        let schema = WarehouseDialect.sqlite.quote(entry.schema)
        try db.execute(sql: "attach database ? as \(schema)", arguments: [entry.path])
        if writer {
            try db.execute(sql: "pragma \(schema).journal_mode = wal")
            try db.execute(sql: "pragma \(schema).synchronous = normal")
        }
    }

    // See WarehouseAdapter.transaction(_:).
    public func transaction<T>(_ body: (any WarehouseConnection) throws -> T) throws -> T {
        try mapErrors(sql: nil) {
            try pool.unsafeReentrantWrite { db in
                let connection = SQLiteConnection(db: db, adapter: self)
                var result: T?
                if db.isInsideTransaction {
                    try db.inSavepoint {
                        result = try body(connection)
                        return .commit
                    }
                } else {
                    try db.inTransaction(.immediate) {
                        result = try body(connection)
                        return .commit
                    }
                }
                return result!
            }
        }
    }

    // See WarehouseAdapter.close().
    public func close() {
        try? pool.close()
    }

    // See WarehouseIntrospecting.execute(_:fetch:).
    //
    // A single read-only statement that returns rows runs on a reader connection, concurrently
    // with other readers; everything else runs in autocommit mode on the writer.
    @discardableResult
    public func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome {
        try mapErrors(sql: sql) {
            if fetch, let outcome = try pool.unsafeReentrantRead({ db -> QueryOutcome? in
                guard Self.isPlainQuery(sql), let statement = try? db.makeStatement(sql: sql),
                      statement.isReadonly, !statement.columnNames.isEmpty
                else { return nil }
                return try SQLiteStatementRunner.run(statement, fetch: true, db: db)
            }) {
                return outcome
            }
            return try pool.unsafeReentrantWrite { db in
                try SQLiteStatementRunner.run(sql, fetch: fetch, db: db)
            }
        }
    }

    /// Whether `sql` starts like a query (not a pragma or a transaction statement), so a
    /// reader connection may run it.
    static func isPlainQuery(_ sql: String) -> Bool {
        let head = sql.drop { $0.isWhitespace || $0 == "(" }.prefix(7).lowercased()
        return head.hasPrefix("select") || head.hasPrefix("with") || head.hasPrefix("values")
    }

    /// Reads on a reader connection (or the transaction's own connection when called from
    /// inside a transaction), mapping errors.
    func read<T>(sql: String?, _ body: (Database) throws -> T) throws -> T {
        try mapErrors(sql: sql) { try pool.unsafeReentrantRead(body) }
    }

    /// Writes on the writer connection (inside the current transaction, if any), mapping errors.
    func write<T>(sql: String?, _ body: (Database) throws -> T) throws -> T {
        try mapErrors(sql: sql) { try pool.unsafeReentrantWrite(body) }
    }

    func mapErrors<T>(sql: String?, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.warehouseError(error, sql: sql, catalog: catalog, busyTimeout: busyTimeout)
        }
    }
}
