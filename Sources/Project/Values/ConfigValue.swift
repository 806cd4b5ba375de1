/// A JSON-like value: what configs, vars, meta and test arguments hold once read from YAML.
///
/// Kept independent of the Jinja module's value type so that loading does not depend on the
/// renderer; the Compile module converts where needed.
public enum ConfigValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case list([ConfigValue])
    case map(ConfigMap)

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The boolean, when this is a boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }

    /// The integer, when this is an integer.
    public var intValue: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The map, when this is a map.
    public var mapValue: ConfigMap? {
        if case .map(let m) = self { return m }
        return nil
    }

    /// The elements, when this is a list.
    public var listValue: [ConfigValue]? {
        if case .list(let l) = self { return l }
        return nil
    }

    /// Whether this is `.null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as a list of strings: a string becomes a one-element list (dbt's "string or
    /// list" configs such as `tags`), a list keeps its scalar elements as text.
    public var stringList: [String]? {
        switch self {
        case .string(let s): return [s]
        case .list(let items): return items.compactMap { $0.scalarText }
        case .null: return []
        default: return nil
        }
    }

    /// The text of a scalar as Python's `str()` would print it; nil for lists and maps.
    public var scalarText: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "True" : "False"
        case .null: return "None"
        case .list, .map: return nil
        }
    }
}

extension ConfigValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    /// See `ExpressibleByStringLiteral`.
    public init(stringLiteral value: String) { self = .string(value) }
    /// See `ExpressibleByIntegerLiteral`.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// See `ExpressibleByBooleanLiteral`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// See `ExpressibleByFloatLiteral`.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// See `ExpressibleByArrayLiteral`.
    public init(arrayLiteral elements: ConfigValue...) { self = .list(elements) }
    /// See `ExpressibleByDictionaryLiteral`.
    public init(dictionaryLiteral elements: (String, ConfigValue)...) {
        self = .map(ConfigMap(elements))
    }
    /// See `ExpressibleByNilLiteral`.
    public init(nilLiteral: ()) { self = .null }
}
