import Warehouse
import Jinja

extension RelationValue {
    /// A relation for what the warehouse reported, rendered under `policy`.
    public convenience init(_ info: RelationInfo, policy: RelationPolicy) {
        self.init(database: info.database, schema: info.schema, identifier: info.identifier, type: info.type, policy: policy)
    }

    /// The parts the warehouse protocol speaks.
    public var info: RelationInfo {
        RelationInfo(database: database, schema: schema, identifier: identifier, type: type)
    }
}

extension ColumnValue {
    /// A column for what the warehouse reported.
    public convenience init(_ info: ColumnInfo) {
        self.init(name: info.name, dtype: info.dataType, charSize: info.charSize,
                  numericPrecision: info.numericPrecision, numericScale: info.numericScale)
    }
}

extension QueryCell {
    /// The template value of a cell: none, bool, int, float or string.
    public var value: Value {
        switch self {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        }
    }
}

extension QueryResultValue {
    /// The table of a fetched result.
    public convenience init(_ outcome: QueryOutcome) {
        self.init(columnNames: outcome.columnNames, rows: outcome.rows.map { $0.map(\.value) })
    }
}
