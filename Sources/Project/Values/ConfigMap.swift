/// An insertion-ordered string-keyed dictionary of `ConfigValue`s.
///
/// Order matters because configs, meta and vars are written back to `manifest.json` in the order
/// the user wrote them, as dbt does.
public struct ConfigMap: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    private var storage: [String: ConfigValue] = [:]

    /// An empty map.
    public init() {}

    /// A map from key/value pairs; a repeated key keeps its first position and its last value.
    public init(_ pairs: [(String, ConfigValue)]) {
        for (k, v) in pairs { self[k] = v }
    }

    /// See `ExpressibleByDictionaryLiteral`.
    public init(dictionaryLiteral elements: (String, ConfigValue)...) {
        self.init(elements)
    }

    /// The number of entries.
    public var count: Int { keys.count }

    /// Whether the map has no entries.
    public var isEmpty: Bool { keys.isEmpty }

    /// Reads or writes a key; writing `nil` removes it, writing an existing key keeps its position.
    public subscript(key: String) -> ConfigValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// Whether the key is present.
    public func contains(_ key: String) -> Bool { storage[key] != nil }

    /// The entries in order.
    public var entries: [(key: String, value: ConfigValue)] {
        keys.map { ($0, storage[$0]!) }
    }

    /// See `Sequence`.
    public func makeIterator() -> IndexingIterator<[(key: String, value: ConfigValue)]> {
        entries.makeIterator()
    }

    /// A shallow merge: `other`'s keys win, new keys are appended in `other`'s order.
    public func updating(with other: ConfigMap) -> ConfigMap {
        var copy = self
        for (k, v) in other { copy[k] = v }
        return copy
    }

    /// See `Equatable`: equal when the same keys map to the same values in the same order.
    public static func == (lhs: ConfigMap, rhs: ConfigMap) -> Bool {
        lhs.keys == rhs.keys && lhs.storage == rhs.storage
    }

    /// See `Hashable`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(keys)
        for k in keys { hasher.combine(storage[k]) }
    }
}
