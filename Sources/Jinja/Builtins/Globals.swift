/// `namespace()`: an object whose attributes can be assigned with `{% set ns.x = … %}`, so state
/// can leave a loop.
public final class Namespace: JinjaObject, @unchecked Sendable {
    public var attributes: DictStorage
    public init(_ attributes: DictStorage = DictStorage()) { self.attributes = attributes }
    public var typeName: String { "Namespace" }
    public func attribute(_ name: String) throws -> Value? { attributes[name] }
    public func setAttribute(_ name: String, to value: Value) throws {
        // A loop can grow a value here one level per iteration; the one it replaces may be deep.
        if var old = attributes.items.updateValue(value, forKey: .string(name)), old.nests {
            NestedRelease.discard(&old)
        }
    }
    public var stringValue: String { "<Namespace \(Value.dict(attributes).pythonRepr)>" }
}

/// `cycler(a, b, …)`: `next()`, `current`, `reset()`.
final class Cycler: JinjaObject, @unchecked Sendable {
    let items: [Value]
    var position = 0
    init(_ items: [Value]) { self.items = items }
    var typeName: String { "Cycler" }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "current": return items[position]
        case "items": return .list(ListStorage(items))
        default: return nil
        }
    }
    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "next", "__next__":
            let v = items[position]
            position = (position + 1) % items.count
            return v
        case "reset":
            position = 0
            return Value.none
        default: return nil
        }
    }
}

/// `joiner(sep)`: returns '' the first time it is called, `sep` afterwards.
final class Joiner: JinjaObject, @unchecked Sendable {
    let separator: String
    var used = false
    init(_ separator: String) { self.separator = separator }
    var typeName: String { "Joiner" }
    func attribute(_ name: String) throws -> Value? { nil }
    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? {
        if !used {
            used = true
            return .string("")
        }
        return .string(separator)
    }
}

extension Builtins {
    /// `range`, `dict`, `cycler`, `joiner`, `namespace`.
    static let globals: [String: Value] = [
        "range": .callable(Function("range", withState: { args, state in try range(args, state) })),
        "dict": .callable(Function("dict") { args in
            guard args.positional.count <= 1 else { throw JinjaError(.badArguments, "dict expected at most 1 argument") }
            let storage = DictStorage()
            if let first = args.positional.first {
                guard case .dict(let d) = first else { throw JinjaError(.type, "dict() argument must be a mapping") }
                storage.items = d.items
            }
            for (k, v) in args.keywords { storage[k] = v }
            return .dict(storage)
        }),
        "cycler": .callable(Function("cycler") { args in
            guard !args.positional.isEmpty else { throw JinjaError(.badArguments, "at least one item has to be provided") }
            return .object(Cycler(args.positional))
        }),
        "joiner": .callable(Function("joiner") { args in
            let b = try args.bind("joiner", ["sep"])
            return .object(Joiner(b[0]?.pythonString ?? ", "))
        }),
        "namespace": .callable(Function("namespace") { args in
            let storage = DictStorage()
            for p in args.positional {
                guard case .dict(let d) = p else { throw JinjaError(.type, "namespace() takes a mapping") }
                for (k, v) in d.items { storage.items[k] = v }
            }
            for (k, v) in args.keywords { storage[k] = v }
            return .object(Namespace(storage))
        }),
    ]

    private static func range(_ args: Arguments, _ state: RenderState) throws -> Value {
        guard args.keywords.isEmpty else { throw JinjaError(.badArguments, "range() takes no keyword arguments") }
        var ints: [Int] = []
        for v in args.positional {
            guard let i = v.intValue, !v.isDouble else {
                throw JinjaError(.type, "'\(v.typeName)' object cannot be interpreted as an integer")
            }
            ints.append(i)
        }
        let (start, stop, step): (Int, Int, Int)
        switch ints.count {
        case 1: (start, stop, step) = (0, ints[0], 1)
        case 2: (start, stop, step) = (ints[0], ints[1], 1)
        case 3: (start, stop, step) = (ints[0], ints[1], ints[2])
        default: throw JinjaError(.badArguments, "range expected at most 3 arguments, got \(ints.count)")
        }
        guard step != 0 else { throw JinjaError(.value, "range() arg 3 must not be zero") }
        let span = ((Double(stop) - Double(start)) / Double(step)).rounded(.up)
        guard span <= Double(state.environment.limits.maxSequenceLength) else { throw JinjaError(.limit, "range too large") }
        return .object(RangeObject(start: start, stop: stop, step: step))
    }
}

/// Python's `range` object: iterates lazily, prints as `range(0, 3)`.
final class RangeObject: JinjaObject, @unchecked Sendable {
    let start: Int
    let stop: Int
    let step: Int
    private var cache: [Value]?

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "range" }
    var values: [Value] {
        if let cache { return cache }
        let v = Swift.stride(from: start, to: stop, by: step).map { Value.int($0) }
        cache = v
        return v
    }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "start": return .int(start)
        case "stop": return .int(stop)
        case "step": return .int(step)
        default: return nil
        }
    }
    func item(_ key: Value) throws -> Value? { Operators.index(values, key) }
    func iterate() throws -> [Value]? { values }
    var isTruthy: Bool { !values.isEmpty }
    var stringValue: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
    func contains(_ value: Value) throws -> Bool? { values.contains(value) }
    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        switch name {
        case "index":
            guard let v = arguments.positional.first, let i = values.firstIndex(of: v) else {
                throw JinjaError(.value, "value is not in range")
            }
            return .int(i)
        case "count":
            guard let v = arguments.positional.first else { return .int(0) }
            return .int(values.filter { $0 == v }.count)
        default: return nil
        }
    }
}
