/// Something a template can call: a host function, a macro, a bound method.
public protocol JinjaCallable: AnyObject, Sendable {
    /// The name used in error messages.
    var name: String { get }
    /// Calls it; `state` gives access to the render in progress (undefined behaviour, calling
    /// back into other callables).
    func call(_ arguments: Arguments, in state: RenderState) throws -> Value
    /// Python type name for messages; defaults to `function`.
    var typeName: String { get }
    /// What `{{ f }}` prints.
    var stringValue: String { get }
    /// Identity for `==` and `sameas`.
    func isSame(as other: any JinjaCallable) -> Bool
}

extension JinjaCallable {
    public var typeName: String { "function" }
    public var stringValue: String { "<function \(name)>" }
    public func isSame(as other: any JinjaCallable) -> Bool { other.name == name && other.typeName == typeName }
}

/// A host object exposed to templates: attribute access, and optionally methods, items,
/// iteration and assignment (`{% set ns.x = 1 %}`).
///
/// Only `typeName` and `attribute(_:)` are required; the rest have Python-like defaults.
public protocol JinjaObject: AnyObject, Sendable {
    var typeName: String { get }
    /// The attribute's value, or nil when there is none (the template then sees undefined).
    func attribute(_ name: String) throws -> Value?
    /// `obj[key]`; defaults to `attribute` for string keys.
    func item(_ key: Value) throws -> Value?
    /// `obj.name(args)`; return nil when there is no such method, so the attribute is called.
    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value?
    /// `{% set obj.name = value %}`; throws by default.
    func setAttribute(_ name: String, to value: Value) throws
    /// The items of `{% for x in obj %}`; nil when the object is not iterable.
    func iterate() throws -> [Value]?
    var isTruthy: Bool { get }
    /// What `{{ obj }}` prints.
    var stringValue: String { get }
    /// What `repr(obj)` shows inside lists and dicts.
    var reprValue: String { get }
    /// `x in obj`; nil when not supported.
    func contains(_ value: Value) throws -> Bool?
    /// Makes the object itself callable (`obj(...)`); nil when it isn't.
    func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value?
}

extension JinjaObject {
    public func item(_ key: Value) throws -> Value? {
        if case .string(let s) = key { return try attribute(s) }
        return nil
    }
    public func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? { nil }
    public func setAttribute(_ name: String, to value: Value) throws {
        throw JinjaError(.type, "'\(typeName)' object does not support attribute assignment")
    }
    public func iterate() throws -> [Value]? { nil }
    public var isTruthy: Bool { true }
    public var stringValue: String { "<\(typeName) object>" }
    public var reprValue: String { stringValue }
    public func contains(_ value: Value) throws -> Bool? { nil }
    public func callAsFunction(_ arguments: Arguments, in state: RenderState) throws -> Value? { nil }
}

/// A Swift function exposed to templates.
///
/// ```swift
/// env.globals["double"] = .callable(Function("double") { args in
///     let b = try args.bind("double", ["x"])
///     return .int((b[0]?.intValue ?? 0) * 2)
/// })
/// ```
public final class Function: JinjaCallable {
    public let name: String
    private let body: @Sendable (Arguments, RenderState) throws -> Value

    /// A function that needs only its arguments.
    public init(_ name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        self.name = name
        self.body = { args, _ in try body(args) }
    }

    /// A function that also needs the render in progress (to call back into templates).
    public init(_ name: String, withState body: @escaping @Sendable (Arguments, RenderState) throws -> Value) {
        self.name = name
        self.body = body
    }

    public func call(_ arguments: Arguments, in state: RenderState) throws -> Value {
        try body(arguments, state)
    }

    public var stringValue: String { "<built-in function \(name)>" }
}

/// Thrown by a host function to end the macro that called it with a value, as dbt's `return()`.
///
/// The innermost macro being executed returns `value` instead of its rendered text.
public struct MacroReturn: Error, Sendable {
    public var value: Value
    public init(_ value: Value) { self.value = value }
}
