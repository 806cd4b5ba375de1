/// One value of a result row.
public enum QueryCell: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
}

/// What running a statement gave: the adapter's status (dbt's `AdapterResponse`) and, when
/// fetched, the rows.
public struct QueryOutcome: Sendable, Hashable {
    /// The status line (`SELECT 3`, `OK`).
    public var message: String
    /// The status code (`SELECT`, `INSERT`), when the warehouse gives one.
    public var code: String?
    /// Rows inserted, updated or deleted, when known.
    public var rowsAffected: Int?
    public var columnNames: [String]
    public var rows: [[QueryCell]]

    public init(message: String = "OK", code: String? = nil, rowsAffected: Int? = nil,
                columnNames: [String] = [], rows: [[QueryCell]] = [])
    {
        self.message = message
        self.code = code
        self.rowsAffected = rowsAffected
        self.columnNames = columnNames
        self.rows = rows
    }
}
