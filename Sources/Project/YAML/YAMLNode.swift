/// A YAML value as read from a user's file, with the location of every node.
///
/// Scalars are resolved with YAML 1.1 rules (PyYAML's, which dbt uses): `yes`/`no`/`on`/`off`
/// are booleans, `1e5` without a dot is a string, dates stay strings.
public struct YAMLNode: Sendable {
    /// The shape and payload of a node.
    public enum Value: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case sequence([YAMLNode])
        case mapping([YAMLEntry])
    }

    /// The payload.
    public var value: Value
    /// Where the node starts.
    public var location: SourceLocation

    /// Creates a node.
    public init(_ value: Value, location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The value of `key` when this is a mapping (the last entry when a key repeats).
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let entries) = value else { return nil }
        return entries.last(where: { $0.key == key })?.value
    }

    /// The entry for `key`, with the key's own location.
    public func entry(_ key: String) -> YAMLEntry? {
        guard case .mapping(let entries) = value else { return nil }
        return entries.last(where: { $0.key == key })
    }

    /// The entries when this is a mapping.
    public var mapping: [YAMLEntry]? {
        if case .mapping(let e) = value { return e }
        return nil
    }

    /// The items when this is a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let s) = value { return s }
        return nil
    }

    /// The text when this is a string.
    public var string: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// Whether this is an explicit or implicit null.
    public var isNull: Bool {
        if case .null = value { return true }
        return false
    }

    /// A short name of the node's type for error messages, in dbt's (JSON schema) words.
    public var typeName: String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .sequence: return "array"
        case .mapping: return "object"
        }
    }

    /// The node without locations.
    public var configValue: ConfigValue {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .sequence(let items): return .list(items.map(\.configValue))
        case .mapping(let entries):
            var map = ConfigMap()
            for e in entries { map[e.key] = e.value.configValue }
            return .map(map)
        }
    }
}

/// One `key: value` pair of a YAML mapping; keys are always text (non-string keys keep their
/// source spelling, as dbt configs only use string keys).
public struct YAMLEntry: Sendable {
    /// The key's text.
    public var key: String
    /// Where the key is written; errors about an unknown key point here.
    public var keyLocation: SourceLocation
    /// The value.
    public var value: YAMLNode

    /// Creates an entry.
    public init(key: String, keyLocation: SourceLocation, value: YAMLNode) {
        self.key = key
        self.keyLocation = keyLocation
        self.value = value
    }
}
