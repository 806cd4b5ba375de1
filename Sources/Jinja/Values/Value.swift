import OrderedCollections

/// A value inside a template: the Jinja2 (Python) data model, reduced to what templates use.
///
/// Lists and dicts are reference types, as in Python, so `{% do xs.append(1) %}` is seen by
/// every holder of the same list. Numbers follow Python's rules: `bool` counts as an integer in
/// arithmetic and `1 == 1.0 == true`.
///
/// ```swift
/// let ctx: [String: Value] = ["cols": ["id", "name"], "n": 3]
/// ```
public enum Value: Sendable {
    /// A name or attribute that does not exist; carries what was looked up for error messages.
    case undefined(Undefined)
    /// Python's `None`.
    case none
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    /// A mutable Python list.
    case list(ListStorage)
    /// An immutable Python tuple.
    case tuple([Value])
    /// A mutable, insertion-ordered Python dict.
    case dict(DictStorage)
    /// Anything that can be called: host functions, macros, bound methods.
    case callable(any JinjaCallable)
    /// A host object with attributes (and possibly methods, items, iteration).
    case object(any JinjaObject)

    /// An undefined value with no name attached.
    public static let missing = Value.undefined(Undefined(name: nil))

    /// Builds a list value.
    public static func list(_ items: [Value]) -> Value { .list(ListStorage(items)) }

    /// Builds a dict value with string keys, in the given order.
    public static func dict(_ pairs: KeyValuePairs<String, Value>) -> Value {
        let storage = DictStorage()
        for (k, v) in pairs { storage.items[.string(k)] = v }
        return .dict(storage)
    }

    /// Builds a dict value from an ordered dictionary of string keys.
    public static func dict(_ items: OrderedDictionary<String, Value>) -> Value {
        let storage = DictStorage()
        storage.items.reserveCapacity(items.count)
        for (k, v) in items { storage.items[.string(k)] = v }
        return .dict(storage)
    }

    /// Builds a dict value from a plain dictionary of string keys (keys sorted for determinism).
    public static func dict(_ items: [String: Value]) -> Value {
        let storage = DictStorage()
        for k in items.keys.sorted() { storage.items[.string(k)] = items[k]! }
        return .dict(storage)
    }
}

/// What an undefined value stands for: `name` for a missing variable, `owner`/`attribute` for a
/// missing attribute or key.
public struct Undefined: Sendable {
    public var name: String?
    public var ownerDescription: String?
    public init(name: String?, ownerDescription: String? = nil) {
        self.name = name
        self.ownerDescription = ownerDescription
    }

    /// The message Jinja2 gives when this value is used in a way undefined values cannot be.
    public var message: String {
        if let owner = ownerDescription, let name {
            return "\(owner) has no attribute '\(name)'"
        }
        if let name { return "'\(name)' is undefined" }
        return "value is undefined"
    }
}

/// Backing store of a list value: a class, because Python lists are shared and mutable.
public final class ListStorage: @unchecked Sendable {
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { NestedRelease.release(&items) }
}

/// Backing store of a dict value: a class, because Python dicts are shared and mutable.
public final class DictStorage: @unchecked Sendable {
    @exclusivity(unchecked) public var items: OrderedDictionary<Value, Value>
    public init(_ items: OrderedDictionary<Value, Value> = [:]) { self.items = items }
    deinit {
        guard items.values.contains(where: { $0.nests }) || items.keys.contains(where: { $0.nests }) else { return }
        guard NestedRelease.queueing(items.values.elements) || NestedRelease.queueing(items.keys.elements) else { return }
        var contents = items.values.elements + items.keys.elements
        items = [:]
        NestedRelease.release(&contents)
    }

    /// Looks up a string key without building a `Value` at the call site.
    @inlinable public subscript(key: String) -> Value? {
        get { items[.string(key)] }
        set { items[.string(key)] = newValue }
    }
}

extension Value {
    /// True for `undefined`.
    @inlinable public var isUndefined: Bool {
        if case .undefined = self { return true }
        return false
    }

    /// True for `none`.
    @inlinable public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// Python truthiness.
    public var isTruthy: Bool {
        switch self {
        case .undefined, .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .double(let d): return d != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return !d.items.isEmpty
        case .callable: return true
        case .object(let o): return o.isTruthy
        }
    }

    /// The Python type name, for error messages (`'int' object is not iterable`).
    public var typeName: String {
        switch self {
        case .undefined: return "Undefined"
        case .none: return "NoneType"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "str"
        case .list: return "list"
        case .tuple: return "tuple"
        case .dict: return "dict"
        case .callable(let c): return c.typeName
        case .object(let o): return o.typeName
        }
    }

    /// The string payload, if this is a string.
    @inlinable public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The integer value of an int or bool.
    @inlinable public var intValue: Int? {
        switch self {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: return nil
        }
    }

    /// The numeric value of an int, bool or float.
    @inlinable public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .bool(let b): return b ? 1 : 0
        case .double(let d): return d
        default: return nil
        }
    }

    /// True for int, float and bool (Python's numbers).
    @inlinable public var isNumber: Bool {
        switch self {
        case .int, .double, .bool: return true
        default: return false
        }
    }
}

extension Value: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: Value...) { self = .list(ListStorage(elements)) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        let storage = DictStorage()
        for (k, v) in elements { storage.items[.string(k)] = v }
        self = .dict(storage)
    }
    public init(nilLiteral: ()) { self = .none }
}
