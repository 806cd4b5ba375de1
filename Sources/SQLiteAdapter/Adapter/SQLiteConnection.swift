import GRDB
import Warehouse

/// The writer connection inside one ``SQLiteAdapter/transaction(_:)``.
///
/// Valid only while the transaction's body runs; everything it does commits or rolls back
/// with the transaction.
struct SQLiteConnection: WarehouseConnection {
    let db: Database
    let adapter: SQLiteAdapter

    /// Rows per multi-row `insert … values (…), (…)` statement in ``insert(into:columns:rows:)``.
    /// Measured (release build, 100,000 rows of 5 columns, one transaction): one row per
    /// statement 0.75 s; 16 to 256 rows per statement 0.20 to 0.24 s (128 best); 1,024 and
    /// more rows get slower again.
    static let insertBatchRows = 128

    // See WarehouseConnection.execute(_:fetch:).
    func execute(_ sql: String, fetch: Bool) throws -> QueryOutcome {
        try adapter.mapErrors(sql: sql) { try SQLiteStatementRunner.run(sql, fetch: fetch, db: db) }
    }

    // See WarehouseConnection.insert(into:columns:rows:).
    //
    // One prepared statement for full batches of `insertBatchRows` rows, reused until the rows
    // run out, and one for the remainder; values are bound, never spliced into the SQL.
    func insert(into relation: RelationInfo, columns: [String], rows: [[QueryCell]]) throws -> Int {
        try SQLiteConnection.insert(into: relation, columns: columns, rows: rows, db: db, adapter: adapter,
                                    batchRows: Self.insertBatchRows)
    }

    static func insert(into relation: RelationInfo, columns: [String], rows: [[QueryCell]], db: Database,
                       adapter: SQLiteAdapter, batchRows requested: Int) throws -> Int {
        let dialect = WarehouseDialect.sqlite
        guard !columns.isEmpty else {
            throw WarehouseError(.database, "insert into \(dialect.render(relation)) needs at least one column")
        }
        // SQLite allows 32,766 bound parameters per statement (SQLITE_MAX_VARIABLE_NUMBER).
        let batchRows = max(1, min(requested, 32_766 / columns.count))
        let head = "insert into \(dialect.render(relation)) (\(columns.map(dialect.quote).joined(separator: ", "))) values "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        func sql(_ n: Int) -> String { head + Array(repeating: tuple, count: n).joined(separator: ", ") }

        var currentSQL = sql(min(batchRows, max(rows.count, 1)))
        return try adapter.mapErrors(sql: currentSQL) {
            var index = 0
            var statement: Statement?
            var statementRows = 0
            var values: [DatabaseValue] = []
            values.reserveCapacity(columns.count * min(batchRows, rows.count))
            while index < rows.count {
                let n = min(batchRows, rows.count - index)
                if statement == nil || statementRows != n {
                    currentSQL = sql(n)
                    statement = try db.makeStatement(sql: currentSQL)
                    statementRows = n
                }
                values.removeAll(keepingCapacity: true)
                for row in rows[index..<(index + n)] {
                    guard row.count == columns.count else {
                        throw WarehouseError(.database, """
                            insert into \(dialect.render(relation)): row \(index + 1) has \(row.count) values \
                            for \(columns.count) columns
                            """, sql: currentSQL)
                    }
                    for cell in row { values.append(SQLiteStatementRunner.databaseValue(cell)) }
                }
                statement!.setUncheckedArguments(StatementArguments(values))
                try statement!.execute()
                index += n
            }
            return rows.count
        }
    }

    // See WarehouseConnection.relation(database:schema:identifier:).
    func relation(database: String?, schema: String, identifier: String) throws -> RelationInfo? {
        try adapter.mapErrors(sql: nil) {
            try SQLiteIntrospection.relation(schema: schema, identifier: identifier, db: db, adapter: adapter)
        }
    }

    // See WarehouseConnection.columns(in:).
    func columns(in relation: RelationInfo) throws -> [Warehouse.ColumnInfo] {
        try adapter.mapErrors(sql: nil) { try SQLiteIntrospection.columns(in: relation, db: db, adapter: adapter) }
    }
}
