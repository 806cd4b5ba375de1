import Jinja

/// agate's `MappedSequence`, as templates use it: values in order, optionally keyed by name, so
/// `seq[0]`, `seq['name']`, `seq.values()`, `seq.keys()`, `seq.items()`, `seq.get(k, d)`,
/// `seq.dict()`, iteration (over values) and `| length` all work.
///
/// A query result's `rows`, its `columns`, and each row are mapped sequences.
public final class MappedSequenceValue: JinjaObject {
    public let values: [Value]
    /// One key per value, or nil when the sequence is only indexable by position.
    public let keys: [String]?
    public let typeName: String

    public init(values: [Value], keys: [String]?, typeName: String = "MappedSequence") {
        self.values = values
        self.keys = keys
        self.typeName = typeName
    }

    /// The value at `key`: an int position (negative counts from the end) or a string key.
    public func value(at key: Value) -> Value? {
        if let i = key.intValue {
            let index = i < 0 ? values.count + i : i
            return values.indices.contains(index) ? values[index] : nil
        }
        if case .string(let name) = key, let keys, let index = keys.firstIndex(of: name) { return values[index] }
        return nil
    }

    /// `row.name` reads the value keyed `name`, as Jinja's attribute-then-item lookup does.
    public func attribute(_ name: String) throws -> Value? {
        guard let keys, let index = keys.firstIndex(of: name) else { return nil }
        return values[index]
    }

    /// `seq[key]`; a missing position or key gives undefined, as for Jinja lists and dicts.
    public func item(_ key: Value) throws -> Value? { value(at: key) }

    public func iterate() throws -> [Value]? { values }
    public var isTruthy: Bool { !values.isEmpty }

    public func contains(_ value: Value) throws -> Bool? { values.contains(value) }

    public var stringValue: String {
        "<agate.\(typeName): (\(values.map(\.pythonRepr).joined(separator: ", "))\(values.count == 1 ? "," : ""))>"
    }

    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "values":
            _ = try arguments.bind(name, [])
            return .tuple(values)
        case "keys":
            _ = try arguments.bind(name, [])
            return keys.map { .tuple($0.map(Value.string)) } ?? Value.none
        case "items":
            _ = try arguments.bind(name, [])
            guard let keys else { throw JinjaError(.value, "\(typeName) has no keys") }
            return .list(zip(keys, values).map { .tuple([.string($0), $1]) })
        case "dict":
            _ = try arguments.bind(name, [])
            guard let keys else { throw JinjaError(.value, "\(typeName) has no keys") }
            let d = DictStorage()
            for (k, v) in zip(keys, values) { d[k] = v }
            return .dict(d)
        case "get":
            let b = try arguments.bind(name, ["key", "default"], required: 1)
            return value(at: b[0]!) ?? b[1] ?? Value.none
        default:
            return nil
        }
    }
}
