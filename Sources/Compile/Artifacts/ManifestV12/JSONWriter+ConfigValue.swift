import Project

extension JSONWriter {
    /// A YAML-sourced value as JSON: maps keep their written key order.
    mutating func value(_ value: ConfigValue) {
        switch value {
        case .null: null()
        case .bool(let b): bool(b)
        case .int(let i): int(i)
        case .double(let d): double(d)
        case .string(let s): string(s)
        case .list(let items):
            arrayStart()
            for i in items.indices { self.value(items[i]) }
            arrayEnd()
        case .map(let map): self.map(map)
        }
    }

    /// A map as a JSON object, in insertion order.
    mutating func map(_ map: ConfigMap) {
        objectStart()
        // Keys and subscripts rather than `entries`, which would build an array of pairs.
        let keys = map.keys
        for i in keys.indices {
            key(keys[i])
            value(map[keys[i]]!)
        }
        objectEnd()
    }

    /// A value, or `null` when absent.
    mutating func value(_ value: ConfigValue?) {
        if let value { self.value(value) } else { null() }
    }
}
