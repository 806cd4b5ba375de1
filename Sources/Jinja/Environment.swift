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
    /// The settings live in one shared, copy-on-write box, so that copying an environment (each
    /// template and each render holds one) costs a single retain.
    private final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var undefinedBehavior: UndefinedBehavior = .lenient
        @exclusivity(unchecked) var keepTrailingNewline = false
        @exclusivity(unchecked) var globals: [String: Value]
        @exclusivity(unchecked) var filters: [String: FilterFunction]
        @exclusivity(unchecked) var tests: [String: TestFunction]
        @exclusivity(unchecked) var globalTable: NameTable<Value>
        @exclusivity(unchecked) var filterTable: NameTable<FilterFunction>
        @exclusivity(unchecked) var testTable: NameTable<TestFunction>
        @exclusivity(unchecked) var limits = RenderLimits()
        @exclusivity(unchecked) var macroTags: [String: String] = [:]

        init() {
            globals = Builtins.globals
            filters = Builtins.filters
            tests = Builtins.tests
            globalTable = Builtins.globalTable
            filterTable = Builtins.filterTable
            testTable = Builtins.testTable
        }

        init(copying o: Storage) {
            undefinedBehavior = o.undefinedBehavior
            keepTrailingNewline = o.keepTrailingNewline
            globals = o.globals
            filters = o.filters
            tests = o.tests
            globalTable = o.globalTable
            filterTable = o.filterTable
            testTable = o.testTable
            limits = o.limits
            macroTags = o.macroTags
        }
    }

    private var storage: Storage

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(copying: storage) }
        return storage
    }

    public var undefinedBehavior: UndefinedBehavior {
        get { storage.undefinedBehavior }
        set { unique().undefinedBehavior = newValue }
    }
    /// Jinja2's `keep_trailing_newline` (default false: one trailing newline is dropped).
    public var keepTrailingNewline: Bool {
        get { storage.keepTrailingNewline }
        set { unique().keepTrailingNewline = newValue }
    }
    public var globals: [String: Value] {
        get { storage.globals }
        set {
            let s = unique()
            s.globals = newValue
            s.globalTable = NameTable(newValue)
        }
    }
    public var filters: [String: FilterFunction] {
        get { storage.filters }
        set {
            let s = unique()
            s.filters = newValue
            s.filterTable = NameTable(newValue)
        }
    }
    public var tests: [String: TestFunction] {
        get { storage.tests }
        set {
            let s = unique()
            s.tests = newValue
            s.testTable = NameTable(newValue)
        }
    }
    /// `globals`, `filters` and `tests` as tables that cost no hashing to search, rebuilt when
    /// those change (hosts fill them once, renders search them constantly).
    package var globalTable: NameTable<Value> { storage.globalTable }
    package var filterTable: NameTable<FilterFunction> { storage.filterTable }
    package var testTable: NameTable<TestFunction> { storage.testTable }
    public var limits: RenderLimits {
        get { storage.limits }
        set { unique().limits = newValue }
    }
    /// Extra block tags that define macros, mapped to the prefix of the macro's name:
    /// `["test": "test_"]` makes `{% test unique(model) %}…{% endtest %}` define `test_unique`.
    public var macroTags: [String: String] {
        get { storage.macroTags }
        set { unique().macroTags = newValue }
    }

    /// An environment with Jinja2's built-in filters, tests and globals.
    public init() {
        storage = Storage()
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
