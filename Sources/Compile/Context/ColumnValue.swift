import Foundation
import Jinja

/// A column as dbt's Jinja sees it (dbt's `Column`): what `adapter.get_columns_in_relation()`
/// returns and `api.Column.create(name, dtype)` builds.
///
/// `data_type` rebuilds the full type from its parts, as dbt does: strings become
/// `character varying(n)` and numerics `numeric(p,s)`; other types print as given. Printing
/// gives `<Column name (data_type)>`.
///
/// ```swift
/// let c = ColumnValue(name: "email", dtype: "varchar", charSize: 255)
/// c.dataType        // character varying(255)
/// ```
///
/// In templates: `name`, `column`, `quoted`, `dtype`, `data_type`, `expanded_data_type`,
/// `char_size`, `numeric_precision`, `numeric_scale`, and the methods `is_string()`,
/// `is_number()`, `is_numeric()`, `is_integer()`, `is_float()`, `string_size()`,
/// `string_type(size)`, `numeric_type(dtype, precision, scale)`, `can_expand_to(other)`,
/// `literal(value)`.
public final class ColumnValue: JinjaObject {
    public let name: String
    /// The type as the warehouse reported it, without size (`varchar`, `numeric`, `integer`).
    public let dtype: String
    public let charSize: Int?
    public let numericPrecision: Int?
    public let numericScale: Int?

    public init(name: String, dtype: String, charSize: Int? = nil, numericPrecision: Int? = nil, numericScale: Int? = nil) {
        self.name = name
        self.dtype = dtype
        self.charSize = charSize
        self.numericPrecision = numericPrecision
        self.numericScale = numericScale
    }

    /// A column from a full type such as `varchar(20)` or `numeric(10,2)` (dbt's
    /// `Column.from_description`): one size is a character size, two are precision and scale.
    public static func fromDescription(name: String, dataType: String) -> ColumnValue {
        guard let open = dataType.firstIndex(of: "("), let close = dataType[open...].firstIndex(of: ")") else {
            return ColumnValue(name: name, dtype: dataType)
        }
        let base = String(dataType[..<open])
        let sizes = dataType[dataType.index(after: open)..<close].split(separator: ",").map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        if sizes.count == 1, let size = sizes[0] { return ColumnValue(name: name, dtype: base, charSize: size) }
        if sizes.count == 2, let p = sizes[0], let s = sizes[1] {
            return ColumnValue(name: name, dtype: base, numericPrecision: p, numericScale: s)
        }
        return ColumnValue(name: name, dtype: dataType)
    }

    public var isString: Bool { ["text", "character varying", "character", "varchar"].contains(dtype.lowercased()) }
    public var isNumeric: Bool { ["numeric", "decimal"].contains(dtype.lowercased()) }
    public var isInteger: Bool {
        ["smallint", "integer", "bigint", "smallserial", "serial", "bigserial",
         "int2", "int4", "int8", "serial2", "serial4", "serial8"].contains(dtype.lowercased())
    }
    public var isFloat: Bool {
        ["real", "float4", "float", "double precision", "float8", "double"].contains(dtype.lowercased())
    }
    public var isNumber: Bool { isInteger || isNumeric || isFloat }

    /// The character size of a string column: 256 for `text` or an unknown size (dbt's
    /// `string_size`); nil for other columns.
    public var stringSize: Int? {
        guard isString else { return nil }
        if dtype == "text" { return 256 }
        return charSize ?? 256
    }

    /// The full type: `character varying(n)` for strings, `numeric(p,s)` for numerics with both
    /// sizes, otherwise `dtype`.
    public var dataType: String {
        if let size = stringSize { return ColumnValue.stringType(size) }
        if isNumeric { return ColumnValue.numericType(dtype, numericPrecision, numericScale) }
        return dtype
    }

    /// dbt's `Column.string_type(size)`.
    public static func stringType(_ size: Int) -> String { "character varying(\(size))" }

    /// dbt's `Column.numeric_type(dtype, precision, scale)`.
    public static func numericType(_ dtype: String, _ precision: Int?, _ scale: Int?) -> String {
        guard let precision, let scale else { return dtype }
        return "\(dtype)(\(precision),\(scale))"
    }

    // MARK: - JinjaObject

    public var typeName: String { "Column" }
    public var stringValue: String { "<Column \(name) (\(dataType))>" }

    public func attribute(_ attribute: String) throws -> Value? {
        switch attribute {
        case "name", "column": return .string(name)
        case "quoted": return .string("\"\(name)\"")
        case "dtype": return .string(dtype)
        case "data_type", "expanded_data_type": return .string(dataType)
        case "char_size": return charSize.map(Value.int) ?? Value.none
        case "numeric_precision": return numericPrecision.map(Value.int) ?? Value.none
        case "numeric_scale": return numericScale.map(Value.int) ?? Value.none
        default: return nil
        }
    }

    public func callMethod(_ method: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch method {
        case "is_string", "is_number", "is_numeric", "is_integer", "is_float":
            _ = try arguments.bind(method, [])
            switch method {
            case "is_string": return .bool(isString)
            case "is_number": return .bool(isNumber)
            case "is_numeric": return .bool(isNumeric)
            case "is_integer": return .bool(isInteger)
            default: return .bool(isFloat)
            }
        case "string_size":
            _ = try arguments.bind(method, [])
            guard let size = stringSize else { throw CompilationError("Called string_size() on non-string field!") }
            return .int(size)
        case "string_type":
            let b = try arguments.bind(method, ["size"], required: 1)
            return .string(ColumnValue.stringType(try ContextArguments.int(b[0], method, "size")))
        case "numeric_type":
            let b = try arguments.bind(method, ["dtype", "precision", "scale"], required: 3)
            return .string(ColumnValue.numericType(try ContextArguments.string(b[0], method, "dtype"),
                                                   b[1]?.intValue, b[2]?.intValue))
        case "can_expand_to":
            let b = try arguments.bind(method, ["other_column"], required: 1)
            guard case .object(let o)? = b[0], let other = o as? ColumnValue else {
                throw CompilationError("can_expand_to(): 'other_column' must be a Column")
            }
            guard let mine = stringSize, let theirs = other.stringSize else { return .bool(false) }
            return .bool(theirs > mine)
        case "literal":
            let b = try arguments.bind(method, ["value"], required: 1)
            return .string("\(try state.string(b[0]!))::\(dataType)")
        default:
            return nil
        }
    }
}
