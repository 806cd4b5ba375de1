import Jinja

/// `api.Column` (and `adapter.Column`): builds columns as dbt's `Column` class does.
///
/// `api.Column.create(name, label_or_dtype)` (translating the `STRING` label to `TEXT`),
/// `api.Column(name, dtype, char_size=, numeric_precision=, numeric_scale=)`,
/// `api.Column.from_description(name, raw_data_type)`, `api.Column.translate_type(dtype)`,
/// `api.Column.string_type(size)`, `api.Column.numeric_type(dtype, precision, scale)`.
public final class ColumnFactory: JinjaObject {
    public init() {}

    public var typeName: String { "type" }
    public var stringValue: String { "<class 'Column'>" }

    public func attribute(_ name: String) throws -> Value? { nil }

    /// dbt's `Column.translate_type`: the labels dbt renames (`STRING` → `TEXT`), else as given.
    public static func translateType(_ dtype: String) -> String {
        dtype.uppercased() == "STRING" ? "TEXT" : dtype
    }

    public func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        let b = try arguments.bind("Column", ["column", "dtype", "char_size", "numeric_precision", "numeric_scale"], required: 2)
        return .object(ColumnValue(name: try ContextArguments.string(b[0], "Column", "column"),
                                   dtype: try ContextArguments.string(b[1], "Column", "dtype"),
                                   charSize: b[2]?.intValue, numericPrecision: b[3]?.intValue,
                                   numericScale: b[4]?.intValue))
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "create":
            let b = try arguments.bind(name, ["name", "label_or_dtype"], required: 2)
            let dtype = ColumnFactory.translateType(try ContextArguments.string(b[1], name, "label_or_dtype"))
            return .object(ColumnValue(name: try ContextArguments.string(b[0], name, "name"), dtype: dtype))
        case "from_description":
            let b = try arguments.bind(name, ["name", "raw_data_type"], required: 2)
            return .object(ColumnValue.fromDescription(name: try ContextArguments.string(b[0], name, "name"),
                                                       dataType: try ContextArguments.string(b[1], name, "raw_data_type")))
        case "translate_type":
            let b = try arguments.bind(name, ["dtype"], required: 1)
            return .string(ColumnFactory.translateType(try ContextArguments.string(b[0], name, "dtype")))
        case "string_type":
            let b = try arguments.bind(name, ["size"], required: 1)
            return .string(ColumnValue.stringType(try ContextArguments.int(b[0], name, "size")))
        case "numeric_type":
            let b = try arguments.bind(name, ["dtype", "precision", "scale"], required: 3)
            return .string(ColumnValue.numericType(try ContextArguments.string(b[0], name, "dtype"),
                                                   b[1]?.intValue, b[2]?.intValue))
        default:
            return nil
        }
    }
}
