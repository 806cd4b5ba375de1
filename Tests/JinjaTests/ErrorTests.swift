import Jinja
import Testing

/// Errors name the template, line and column, give a one-line reason and show the offending line
/// with a caret under the column.
@Suite("Error messages")
struct ErrorTests {
    private func failure(_ source: String, context: [String: Value] = [:], strict: Bool = false) -> JinjaError? {
        var env = Environment()
        if strict { env.undefinedBehavior = .strict }
        do {
            _ = try env.template(source, name: "models/orders.sql").render(context)
            return nil
        } catch let error as JinjaError {
            return error
        } catch {
            Issue.record("not a JinjaError: \(error)")
            return nil
        }
    }

    @Test("a syntax error points at the unexpected token")
    func syntaxError() throws {
        let e = try #require(failure("select 1\nfrom t\nwhere {{ x + }}\n"))
        #expect(e.kind == .syntax)
        #expect(e.templateName == "models/orders.sql")
        #expect(e.location == SourceLocation(line: 3, column: 14))
        #expect(e.description == """
            models/orders.sql:3:14: unexpected 'end of print statement'
              3 | where {{ x + }}
                |              ^
            """)
    }

    @Test("an unclosed block names the tag Jinja was looking for")
    func unclosedBlock() throws {
        let e = try #require(failure("{% for x in y %}\n{{ x }}\n"))
        #expect(e.kind == .syntax)
        #expect(e.detail.contains("'endfor'"))
        #expect(e.location?.line == 2)
    }

    @Test("an unknown filter is reported where it is used")
    func unknownFilter() throws {
        let e = try #require(failure("select\n  {{ name | uper }}"))
        #expect(e.kind == .unknownFilter)
        #expect(e.summary == "models/orders.sql:2:13: No filter named 'uper'.")
        #expect(e.description.hasSuffix("  2 |   {{ name | uper }}\n    |             ^"))
    }

    @Test("an unknown test is reported")
    func unknownTest() throws {
        let e = try #require(failure("{{ 1 is prime }}"))
        #expect(e.kind == .unknownTest)
        #expect(e.location == SourceLocation(line: 1, column: 9))
    }

    @Test("calling something that is not callable")
    func notCallable() throws {
        let e = try #require(failure("a\n{{ limit() }}", context: ["limit": 10]))
        #expect(e.kind == .notCallable)
        #expect(e.summary == "models/orders.sql:2:4: 'int' object is not callable")
    }

    @Test("too many arguments to a macro")
    func tooManyArguments() throws {
        let e = try #require(failure("{% macro m(a) %}{{ a }}{% endmacro %}\n{{ m(1, 2) }}"))
        #expect(e.kind == .badArguments)
        #expect(e.summary == "models/orders.sql:2:4: macro 'm' takes not more than 1 argument(s)")
    }

    @Test("an unknown keyword argument to a macro")
    func unknownKeyword() throws {
        let e = try #require(failure("{% macro m(a) %}{% endmacro %}{{ m(b=1) }}"))
        #expect(e.kind == .badArguments)
        #expect(e.detail == "macro 'm' takes no keyword argument 'b'")
    }

    @Test("wrong argument counts to a filter")
    func filterArguments() throws {
        let e = try #require(failure("{{ 'a' | replace('a') }}"))
        #expect(e.kind == .badArguments)
        #expect(e.location == SourceLocation(line: 1, column: 10))
    }

    @Test("an undefined attribute in strict mode")
    func strictUndefinedAttribute() throws {
        let e = try #require(failure("select {{ config.schema }}", context: ["config": ["alias": "x"]], strict: true))
        #expect(e.kind == .undefined)
        #expect(e.summary == "models/orders.sql:1:11: 'dict object' has no attribute 'schema'")
    }

    @Test("an undefined variable in strict mode")
    func strictUndefinedVariable() throws {
        let e = try #require(failure("{% if true %}\n  {{ missing }}\n{% endif %}", strict: true))
        #expect(e.kind == .undefined)
        #expect(e.summary == "models/orders.sql:2:6: 'missing' is undefined")
    }

    @Test("an error inside a macro points into the macro")
    func errorInsideMacro() throws {
        let e = try #require(failure("{% macro m(x) %}\n  {{ x + 1 }}\n{% endmacro %}\n{{ m('a') }}"))
        #expect(e.kind == .type)
        #expect(e.location?.line == 2)
        #expect(e.sourceLine == "  {{ x + 1 }}")
    }

    @Test("an error in a macro from another template names that template")
    func errorInForeignMacro() throws {
        let env = Environment()
        let library = try env.template("{% macro boom() %}\n{{ 1 // 0 }}\n{% endmacro %}", name: "macros/boom.sql")
        let scope = Scope()
        scope.variables["boom"] = try #require(library.macros["boom"]).bind(to: scope)
        let model = try env.template("select {{ boom() }}", name: "models/a.sql")
        do {
            _ = try model.render(in: scope)
            Issue.record("expected an error")
        } catch let e as JinjaError {
            #expect(e.kind == .zeroDivision)
            #expect(e.summary == "macros/boom.sql:2:6: integer division or modulo by zero")
        }
    }

    @Test("errors thrown by host functions keep the underlying error and the location")
    func hostErrors() throws {
        struct CompilerError: Error, CustomStringConvertible {
            var description: String { "model has no unique key" }
        }
        var env = Environment()
        env.addFunction("fail") { _ in throw CompilerError() }
        do {
            _ = try env.template("\n  {{ fail() }}", name: "m.sql").render()
            Issue.record("expected an error")
        } catch let e as JinjaError {
            #expect(e.kind == .host)
            #expect(e.summary == "m.sql:2:6: model has no unique key")
            #expect(e.underlying is CompilerError)
        }
    }
}
