import Foundation
import Jinja
import Testing

/// A host object with attributes and methods, like dbt's `adapter` or `this`.
private final class Relation: JinjaObject, @unchecked Sendable {
    let schema: String
    let identifier: String
    init(schema: String, identifier: String) {
        self.schema = schema
        self.identifier = identifier
    }
    var typeName: String { "Relation" }
    func attribute(_ name: String) throws -> Value? {
        switch name {
        case "schema": return .string(schema)
        case "identifier": return .string(identifier)
        default: return nil
        }
    }
    func callMethod(_ name: String, _ arguments: Arguments, in state: RenderState) throws -> Value? {
        guard name == "include" else { return nil }
        let b = try arguments.bind("include", ["schema"])
        let withSchema = b[0]?.isTruthy ?? true
        return .object(Relation(schema: withSchema ? schema : "", identifier: identifier))
    }
    var stringValue: String { schema.isEmpty ? "\"\(identifier)\"" : "\"\(schema)\".\"\(identifier)\"" }
}

@Suite("Host API")
struct HostAPITests {
    @Test("globals and Swift functions with positional and keyword arguments")
    func functions() throws {
        var env = Environment()
        env.globals["target"] = ["name": "dev", "schema": "analytics"]
        env.addFunction("ref") { args in
            let b = try args.bind("ref", ["package", "name", "version", "v"], required: 1)
            let name = (b[1] ?? b[0])!.pythonString
            return .string("main.\(name)")
        }
        let t = try env.template("select * from {{ ref('orders') }} join {{ ref('pkg', 'customers') }} -- {{ target.schema }}")
        #expect(try t.render() == "select * from main.orders join main.customers -- analytics")
        let kw = try env.template("{{ ref(name='x', package='p') }}")
        #expect(try kw.render() == "main.x")
    }

    @Test("objects with attributes and methods")
    func objects() throws {
        let env = Environment()
        let t = try env.template("{{ this }} {{ this.schema }} {{ this.include(schema=false) }} [{{ this.nope }}]")
        let out = try t.render(["this": .object(Relation(schema: "main", identifier: "orders"))])
        #expect(out == "\"main\".\"orders\" main \"orders\" []")
    }

    @Test("macro namespaces: pkg.macro()")
    func macroNamespaces() throws {
        let env = Environment()
        let library = try env.template("{% macro star(cols) %}{{ cols | join(', ') }}{% endmacro %}", name: "dbt_utils.sql")
        let scope = Scope()
        let namespace = DictStorage()
        namespace["star"] = try #require(library.macros["star"]).bind(to: scope)
        scope.variables["dbt_utils"] = .dict(namespace)
        let model = try env.template("select {{ dbt_utils.star(['a', 'b']) }} from t")
        #expect(try model.render(in: scope) == "select a, b from t")
    }

    @Test("a host function ends a macro with a value, like dbt's return()")
    func returnValue() throws {
        var env = Environment()
        env.globals["return"] = .callable(Function("return") { args in throw MacroReturn(args.positional.first ?? .none) })
        let t = try env.template("""
            {% macro cols() %}ignored text{{ return(['a', 'b']) }}more{% endmacro %}\
            {% for c in cols() %}{{ c }}{% if not loop.last %},{% endif %}{% endfor %}
            """)
        #expect(try t.render() == "a,b")
    }

    @Test("functions that call back into the template")
    func callBack() throws {
        var env = Environment()
        env.globals["apply"] = .callable(Function("apply", withState: { args, state in
            try state.call(args.positional[0], Arguments([args.positional[1]]))
        }))
        let t = try env.template("{% macro twice(x) %}{{ x }}{{ x }}{% endmacro %}{{ apply(twice, 'ab') }}")
        #expect(try t.render() == "abab")
    }

    @Test("lazily resolved names")
    func resolver() throws {
        final class Lazy: NameResolver {
            var asked: [String] = []
            func resolve(_ name: String) -> Value? {
                asked.append(name)
                return name.hasPrefix("x_") ? .string(name.uppercased()) : nil
            }
        }
        let lazy = Lazy()
        let t = try Environment().template("{{ x_a }} {{ y }}")
        #expect(try t.render(in: Scope(resolver: lazy)) == "X_A ")
        #expect(lazy.asked == ["x_a", "y"])
    }

    @Test("undefined behaviour: lenient, strict, chainable", arguments: [
        (UndefinedBehavior.lenient, "[]", false),
        (UndefinedBehavior.strict, "", true),
        (UndefinedBehavior.chainable, "[]", false),
    ])
    func undefinedBehaviour(_ behavior: UndefinedBehavior, _ expected: String, _ fails: Bool) throws {
        var env = Environment()
        env.undefinedBehavior = behavior
        let t = try env.template("[{{ missing }}]")
        if fails {
            #expect(throws: JinjaError.self) { try t.render() }
        } else {
            #expect(try t.render() == expected)
        }
    }

    @Test("chainable undefined lets attribute access and calls through, as dbt's parse phase needs")
    func chainable() throws {
        var env = Environment()
        env.undefinedBehavior = .chainable
        let t = try env.template("[{{ adapter.get_relation(this).columns[0].name }}]")
        #expect(try t.render() == "[]")
        env.undefinedBehavior = .lenient
        #expect(throws: JinjaError.self) { try env.template("{{ adapter.get_relation() }}").render() }
    }

    @Test("compile once, render many times from many threads")
    func concurrentRenders() async throws {
        let t = try Environment().template("""
            {%- set ns = namespace(total=0) -%}
            {%- for i in range(n) %}{% set ns.total = ns.total + i %}{% endfor -%}
            {{ name }}={{ ns.total }}
            """)
        let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for n in 0..<64 {
                group.addTask { (n, try t.render(["n": .int(n), "name": .string("r\(n)")])) }
            }
            var all: [(Int, String)] = []
            for try await r in group { all.append(r) }
            return all
        }
        #expect(results.count == 64)
        for (n, out) in results { #expect(out == "r\(n)=\(n * (n - 1) / 2)") }
    }

    @Test("a render step limit stops runaway templates")
    func stepLimit() throws {
        var env = Environment()
        env.limits.maxSteps = 1_000
        let t = try env.template("{% for i in range(10) %}{% for j in range(10000) %}{% endfor %}{% endfor %}")
        #expect(throws: JinjaError.self) { try t.render() }
    }

    @Test("values convert from JSON keeping key order")
    func json() throws {
        let v = try Value.parseJSON(#"{"b": [1, 2.5, "x", null, true], "a": {"z": 1}}"#)
        #expect(v.pythonRepr == "{'b': [1, 2.5, 'x', None, True], 'a': {'z': 1}}")
        #expect(try v.jsonString() == #"{"b": [1, 2.5, "x", null, true], "a": {"z": 1}}"#)
    }
}

@Suite("Host-defined macro tags")
struct MacroTagTests {
    @Test("a registered tag defines a macro under a prefixed name")
    func macroTag() throws {
        var env = Environment()
        env.macroTags = ["test": "test_", "snapshot": "snapshot_"]
        let t = try env.template("""
            {% test not_null(model, column_name) %}select * from {{ model }} where {{ column_name }} is null{% endtest %}
            {% snapshot orders_snap %}select 1{% endsnapshot %}
            """)
        #expect(Set(t.macros.keys) == ["test_not_null", "snapshot_orders_snap"])
        #expect(t.macros["test_not_null"]?.parameters == ["model", "column_name"])
        #expect(throws: JinjaError.self) { try Environment().template("{% test x() %}{% endtest %}") }
    }
}
