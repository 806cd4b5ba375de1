/// A filter: `value | name(arguments)`.
public typealias FilterFunction = @Sendable (Value, Arguments, RenderState) throws -> Value
/// A test: `value is name(arguments)`.
public typealias TestFunction = @Sendable (Value, Arguments, RenderState) throws -> Bool

/// What the engine does with names and attributes that don't exist.
public enum UndefinedBehavior: Sendable {
    /// Jinja2's default: prints empty, is falsy, iterates as empty; attribute access on it fails.
    case lenient
    /// Jinja2's `StrictUndefined`: any use other than `is defined` / `default` fails.
    case strict
    /// Attribute access, subscripts and calls on undefined give undefined again (dbt's parse
    /// phase, where `ref()` results and `config` values are placeholders).
    case chainable
}

/// Bounds that keep a render finite whatever the template does.
public struct RenderLimits: Sendable {
    /// Nested macro and call depth; Jinja2 (under Python's recursion limit) fails at about 250.
    public var maxCallDepth = 220
    /// Total loop iterations and macro calls in one render; nil for no bound.
    public var maxSteps: Int? = nil
    /// Longest string or list an operator, filter or format may build (`'x' * n`, `a ~ b`,
    /// `range(n)`, `'{:n}'`, `center(n)`), and the most a template or block may output.
    public var maxSequenceLength = 100_000_000

    public init() {}
}

/// Configuration shared by templates: globals, filters, tests, undefined behaviour.
///
/// Compile once, render many: `template(_:name:)` parses and checks; the resulting `Template`
/// is immutable and can render on many threads at once.
///
/// ```swift
/// var env = Environment()
/// env.globals["project"] = "jaffle_shop"
/// let t = try env.template("select * from {{ project }}.orders", name: "orders.sql")
/// let sql = try t.render()
/// ```
public struct Environment: Sendable {
    public var undefinedBehavior: UndefinedBehavior = .lenient
    /// Jinja2's `keep_trailing_newline` (default false: one trailing newline is dropped).
    public var keepTrailingNewline = false
    public var globals: [String: Value]
    public var filters: [String: FilterFunction]
    public var tests: [String: TestFunction]
    public var limits = RenderLimits()
    /// Extra block tags that define macros, mapped to the prefix of the macro's name:
    /// `["test": "test_"]` makes `{% test unique(model) %}…{% endtest %}` define `test_unique`.
    public var macroTags: [String: String] = [:]

    /// An environment with Jinja2's built-in filters, tests and globals.
    public init() {
        globals = Builtins.globals
        filters = Builtins.filters
        tests = Builtins.tests
    }

    /// Registers a Swift function as a global.
    public mutating func addFunction(_ name: String, _ body: @escaping @Sendable (Arguments) throws -> Value) {
        globals[name] = .callable(Function(name, body))
    }

    /// Parses `source`; `name` appears in error messages (a file path, typically).
    public func template(_ source: String, name: String = "<template>") throws -> Template {
        try Template(source: source, name: name, environment: self)
    }
}
