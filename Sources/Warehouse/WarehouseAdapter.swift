/// A warehouse ingot builds in: SQLite (the embedded default), PostgreSQL, Redshift.
///
/// Materializations are written against this protocol only. Everything that differs between
/// warehouses is either a fact of `dialect` or an operation here; a materialization never
/// branches on `typeName`.
///
/// ```swift
/// try adapter.transaction { connection in
///     try connection.execute("create table \"main\".\"orders__tmp\" as select 1 as id", fetch: false)
///     try connection.execute("drop table if exists \"main\".\"orders\"", fetch: false)
///     try connection.execute("alter table \"main\".\"orders__tmp\" rename to \"orders\"", fetch: false)
/// }
/// ```
public protocol WarehouseAdapter: WarehouseIntrospecting {
    /// The profile `type:` this adapter serves (`sqlite`, `postgres`, `redshift`).
    var typeName: String { get }
    /// Facts and small SQL hooks of the adapter's dialect.
    var dialect: WarehouseDialect { get }
    /// Runs `body` on one connection inside one transaction: committed when `body` returns,
    /// rolled back when it throws, so a failed build leaves the warehouse as it was.
    func transaction<T>(_ body: (any WarehouseConnection) throws -> T) throws -> T
    /// Releases connections; the adapter may not be used afterwards.
    func close()
}

/// One connection inside a transaction.
public protocol WarehouseConnection {
    /// Runs one statement; with `fetch` the rows come back.
    @discardableResult
    func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome
    /// Bulk-loads rows into an existing table through the adapter's fastest path (prepared,
    /// batched inserts on SQLite; COPY on PostgreSQL). Returns the number of rows loaded.
    @discardableResult
    func insert(into relation: RelationInfo, columns: [String], rows: [[QueryCell]]) throws -> Int
    /// The relation as it exists, seen from inside the transaction.
    func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo?
    /// The columns of a relation, seen from inside the transaction.
    func columns(in relation: RelationInfo) throws -> [ColumnInfo]
}

/// An error from the warehouse, keeping the SQL it rejected.
///
/// `description` shows the warehouse's message and the statement; bound values are never part
/// of it.
public struct WarehouseError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The warehouse rejected a statement.
        case database
        /// The database could not be opened or reached.
        case connection
        /// The database is locked by another process, or read-only.
        case locked
        /// A profile setting is missing or wrong.
        case configuration
    }

    public var kind: Kind
    public var message: String
    /// The statement that failed, when one did.
    public var sql: String?

    public init(_ kind: Kind, _ message: String, sql: String? = nil) {
        self.kind = kind
        self.message = message
        self.sql = sql
    }

    public var description: String {
        guard let sql else { return message }
        return "\(message)\n  while executing:\n    \(sql.replacingOccurrences(of: "\n", with: "\n    "))"
    }
}
