import Jinja

/// The table `run_query()` and `adapter.execute(…, fetch=True)` return (an `agate.Table` in
/// dbt), with what macros use of it.
///
/// ```jinja
/// {% set results = run_query("select id, name from users") %}
/// {% for row in results.rows %}{{ row['name'] }} {{ row[0] }}{% endfor %}
/// {{ results.columns[0].values() }} {{ results.column_names }} {{ results | length }}
/// ```
///
/// In templates: `rows` (each row indexable by position and by column name, iterable, with
/// `values()`, `keys()`, `items()`, `dict()`, `get()`), `columns` (by position or by name; each
/// with `name` and `values()`), `column_names`, `print_table()` (prints nothing, returns
/// none); iterating the table visits its rows and `| length` counts them.
public final class QueryResultValue: JinjaObject {
    public let columnNames: [String]
    public let rows: [[Value]]

    /// A table with the given column names and rows (each row as long as `columnNames`).
    public init(columnNames: [String], rows: [[Value]]) {
        self.columnNames = columnNames
        self.rows = rows
    }

    /// The table with no columns and no rows (dbt's `empty_table()`).
    public static let empty = QueryResultValue(columnNames: [], rows: [])

    private var rowValues: [Value] {
        rows.map { .object(MappedSequenceValue(values: $0, keys: columnNames, typeName: "Row")) }
    }

    private var columnValues: MappedSequenceValue {
        let columns = columnNames.enumerated().map { index, name in
            Value.object(QueryColumnValue(name: name, values: rows.map { index < $0.count ? $0[index] : .none }))
        }
        return MappedSequenceValue(values: columns, keys: columnNames, typeName: "MappedSequence")
    }

    public var typeName: String { "Table" }
    public var stringValue: String { "<agate.table.Table object>" }

    public func attribute(_ name: String) throws -> Value? {
        switch name {
        case "rows": return .object(MappedSequenceValue(values: rowValues, keys: nil, typeName: "MappedSequence"))
        case "columns": return .object(columnValues)
        case "column_names": return .tuple(columnNames.map(Value.string))
        default: return nil
        }
    }

    public func iterate() throws -> [Value]? { rowValues }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "print_table", "print_json", "print_csv":
            return Value.none
        default:
            return nil
        }
    }
}
