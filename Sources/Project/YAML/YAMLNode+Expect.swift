// Typed reads that fail with the node's location, so every "wrong type" error says where.
extension YAMLNode {
    /// The entries of a mapping, or a `.invalidType` error naming `key`.
    package func expectMapping(_ key: String) throws(ProjectError) -> [YAMLEntry] {
        if case .mapping(let e) = value { return e }
        if isNull { return [] }
        throw .wrongType(self, key: key, expected: "a mapping")
    }

    /// The items of a sequence (null reads as empty), or a `.invalidType` error.
    package func expectSequence(_ key: String) throws(ProjectError) -> [YAMLNode] {
        if case .sequence(let s) = value { return s }
        if isNull { return [] }
        throw .wrongType(self, key: key, expected: "a list")
    }

    /// A scalar as text (numbers and booleans are accepted, as dbt coerces names like `2024`).
    package func expectString(_ key: String) throws(ProjectError) -> String {
        switch value {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: throw .wrongType(self, key: key, expected: "a string")
        }
    }

    /// A scalar as text, or nil for null.
    package func optionalString(_ key: String) throws(ProjectError) -> String? {
        isNull ? nil : try expectString(key)
    }

    /// A list of strings; null is empty.
    package func expectStringList(_ key: String) throws(ProjectError) -> [String] {
        guard case .sequence(let items) = value else {
            if isNull { return [] }
            throw .wrongType(self, key: key, expected: "a list of strings")
        }
        var out: [String] = []
        for item in items { out.append(try item.expectString(key)) }
        return out
    }

    /// A string or a list of strings (dbt's `tags`, `require-dbt-version`, hooks).
    package func expectStringOrList(_ key: String) throws(ProjectError) -> [String] {
        if case .sequence = value { return try expectStringList(key) }
        if isNull { return [] }
        return [try expectString(key)]
    }

    /// A boolean.
    package func expectBool(_ key: String) throws(ProjectError) -> Bool {
        if case .bool(let b) = value { return b }
        throw .wrongType(self, key: key, expected: "a boolean")
    }

    /// An integer.
    package func expectInt(_ key: String) throws(ProjectError) -> Int {
        if case .int(let i) = value { return i }
        if case .string(let s) = value, let i = Int(s) { return i }
        throw .wrongType(self, key: key, expected: "an integer")
    }

    /// A mapping converted to a `ConfigMap` (null is empty).
    package func expectConfigMap(_ key: String) throws(ProjectError) -> ConfigMap {
        if isNull { return ConfigMap() }
        guard case .map(let m) = configValue else { throw .wrongType(self, key: key, expected: "a mapping") }
        return m
    }
}
