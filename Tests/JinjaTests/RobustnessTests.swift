import Foundation
import Jinja
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a render came to: its output or the kind of `JinjaError` it threw.
enum Outcome: Equatable, CustomStringConvertible {
    case rendered(String)
    case failed(JinjaError.Kind)
    case foreignError(String)

    var description: String {
        switch self {
        case .rendered(let s): return "rendered \(s.utf8.count) bytes: \(s.prefix(80))"
        case .failed(let kind): return "JinjaError .\(kind)"
        case .foreignError(let e): return "non-JinjaError \(e)"
        }
    }

    var failedKind: JinjaError.Kind? {
        if case .failed(let k) = self { return k }
        return nil
    }
}

/// Runs `body` on a new thread with a `stackSize`-byte stack and returns what it returned.
/// Expectations stay on the test's own thread.
/// Carries a thread's body and result across `pthread_create`.
private final class ThreadBox: @unchecked Sendable {
    let body: () -> Any
    var result: Any?
    init(_ body: @escaping () -> Any) { self.body = body }
}

func onThread<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
    let box = ThreadBox { body() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, stackSize)
    let context = Unmanaged.passRetained(box).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    #else
    var thread = pthread_t()
    #endif
    let rc = pthread_create(&thread, &attributes, { context in
        #if canImport(Darwin)
        let box = Unmanaged<ThreadBox>.fromOpaque(context).takeRetainedValue()
        #else
        let box = Unmanaged<ThreadBox>.fromOpaque(context!).takeRetainedValue()
        #endif
        box.result = box.body()
        return nil
    }, context)
    precondition(rc == 0, "pthread_create failed: \(rc)")
    #if canImport(Darwin)
    pthread_join(thread!, nil)
    #else
    pthread_join(thread, nil)
    #endif
    return box.result as! T
}

/// Parses and renders `source` on a thread with a small stack (what Swift concurrency's worker
/// threads may have), with bounded limits.
func renderOnSmallStack(_ source: String, _ context: [String: Value] = [:], stackSize: Int = 512 << 10,
                        maxSequenceLength: Int = 1_000_000) -> Outcome {
    onThread(stackSize: stackSize) {
        var env = Environment()
        env.limits.maxSteps = 1_000_000
        env.limits.maxSequenceLength = maxSequenceLength
        do {
            return .rendered(try env.template(source, name: "deep").render(context))
        } catch let e as JinjaError {
            return .failed(e.kind)
        } catch {
            return .foreignError(String(describing: error))
        }
    }
}

func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

@Suite("Robustness: deep nesting and huge inputs fail with an error, not a crash")
struct RobustnessTests {
    /// Nesting far past every bound: the parser refuses it (by its depth bound or, on a small
    /// stack, by the stack guard) with a syntax error.
    @Test("deeply nested templates fail to parse with a syntax error", arguments: [
        ("parentheses", "{{ " + repeated("(", 5000) + "1" + repeated(")", 5000) + " }}"),
        ("lists", "{{ " + repeated("[", 5000) + "1" + repeated("]", 5000) + " }}"),
        ("dicts", "{{ " + repeated("{'a': ", 5000) + "1" + repeated("}", 5000) + " }}"),
        ("calls", "{{ " + repeated("f(", 5000) + repeated(")", 5000) + " }}"),
        ("subscripts", "{{ x" + repeated("[x", 5000) + repeated("]", 5000) + " }}"),
        ("unary minus", "{{ " + repeated("-", 10000) + "1 }}"),
        ("not", "{{ " + repeated("not ", 10000) + "1 }}"),
        ("conditional else", "{{ " + repeated("1 if x else ", 5000) + "1 }}"),
        ("if blocks", repeated("{% if true %}", 5000) + "x" + repeated("{% endif %}", 5000)),
        ("for blocks", repeated("{% for a in [1] %}", 5000) + "x" + repeated("{% endfor %}", 5000)),
        ("macro definitions", repeated("{% macro m() %}", 5000) + "x" + repeated("{% endmacro %}", 5000)),
        ("filter blocks", repeated("{% filter upper %}", 5000) + "x" + repeated("{% endfilter %}", 5000)),
        ("set blocks", repeated("{% set v %}", 5000) + "x" + repeated("{% endset %}", 5000)),
        ("call blocks", "{% macro m() %}{{ caller() }}{% endmacro %}" + repeated("{% call m() %}", 5000)
            + repeated("{% endcall %}", 5000)),
        ("with blocks", repeated("{% with a = 1 %}", 5000) + "x" + repeated("{% endwith %}", 5000)),
    ])
    func deepNesting(_ name: String, _ source: String) {
        #expect(renderOnSmallStack(source, ["x": ["y": 1]]) == .failed(.syntax), "\(name)")
    }

    /// Chains parse flat but build trees as deep as they are long: the parser bounds the depth of
    /// every expression (Python's jinja2 hits its recursion limit at ~490 operators, ~330 filters).
    @Test("long chains fail to parse with a syntax error", arguments: [
        ("attributes", "{{ x" + repeated(".y", 10000) + " }}"),
        ("items", "{{ x" + repeated("[0]", 10000) + " }}"),
        ("calls", "{{ x" + repeated("()", 10000) + " }}"),
        ("filters", "{{ x" + repeated("|string", 10000) + " }}"),
        ("tests", "{{ x" + repeated(" is defined", 10000) + " }}"),
        ("additions", "{{ 1" + repeated("+1", 100_000) + " }}"),
        ("multiplications", "{{ 1" + repeated("*1", 100_000) + " }}"),
        ("powers", "{{ 1" + repeated("**1", 100_000) + " }}"),
        ("and", "{{ 1" + repeated(" and 1", 100_000) + " }}"),
        ("or", "{{ 0" + repeated(" or 0", 100_000) + " }}"),
        ("conditionals", "{{ 1" + repeated(" if x", 10000) + " }}"),
        ("method calls", "{{ x" + repeated(".get('y')", 10000) + " }}"),
        ("filter block chain", "{% filter " + repeated("upper|", 10000) + "upper %}x{% endfilter %}"),
    ])
    func longChains(_ name: String, _ source: String) {
        #expect(renderOnSmallStack(source, ["x": ["y": 1]]) == .failed(.syntax), "\(name)")
    }

    /// Flat sequences are not nesting: a million-term concatenation or tuple parses and renders.
    @Test("long flat sequences render")
    func flatSequences() {
        #expect(renderOnSmallStack("{{ (" + repeated("1,", 100_000) + ")|length }}") == .rendered("100000"))
        #expect(renderOnSmallStack("{{ ('a'" + repeated(" ~ 'a'", 99_999) + ")|length }}") == .rendered("100000"))
        #expect(renderOnSmallStack("{{ 1" + repeated(" < 2", 10000) + " }}") == .rendered("False"))
        #expect(renderOnSmallStack(repeated("{% if true %}x{% endif %}", 20000)) == .rendered(repeated("x", 20000)))
    }

    /// Within the bounds, on a small stack: a result or a `.limit` error, never a crash.
    @Test("chains just within the bound render or stop at the stack guard", arguments: [
        "{{ 1" + repeated("+1", 290) + " }}",
        "{{ 1" + repeated("|string", 290) + " }}",
        "{{ 1" + repeated(" and 1", 290) + " }}",
        "{{ x" + repeated(".get('z', x)", 290) + " }}",
        repeated("{% if true %}", 110) + "x" + repeated("{% endif %}", 110),
        "{{ " + repeated("[", 39) + "1" + repeated("]", 39) + " }}",
    ])
    func withinBounds(_ source: String) {
        // The parser's stack guard reports `.syntax` ("too deep for the stack"); the evaluator's
        // and the tree checks' report `.limit`.
        let outcome = renderOnSmallStack(source, ["x": ["y": 1]], stackSize: 256 << 10)
        switch outcome {
        case .rendered, .failed(.limit), .failed(.syntax): break
        default: Issue.record("\(outcome)")
        }
    }

    /// The same templates on an ordinary 8 MiB stack render as Python's jinja2 renders them.
    @Test("nesting within the bounds renders on an ordinary stack")
    func ordinaryStack() {
        let big = 8 << 20
        #expect(renderOnSmallStack("{{ 1" + repeated("+1", 290) + " }}", stackSize: big) == .rendered("291"))
        #expect(renderOnSmallStack(repeated("{% if true %}", 110) + "x" + repeated("{% endif %}", 110),
                                   stackSize: big) == .rendered("x"))
        #expect(renderOnSmallStack("{{ " + repeated("(", 39) + "1" + repeated(")", 39) + " }}", stackSize: big)
            == .rendered("1"))
        let countdown = "{% macro m(k) %}{% if k > 0 %}{{ m(k - 1) }}{% else %}done{% endif %}{% endmacro %}{{ m(200) }}"
        #expect(renderOnSmallStack(countdown, stackSize: big) == .rendered("done"))
    }

    @Test("runaway recursion fails with a limit error", arguments: [
        "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
        "{% macro m(k) %}{{ m(k + 1) }}{% endmacro %}{{ m(0) }}",
        "{% macro m() %}{% call m() %}{{ caller() }}{% endcall %}{% endmacro %}{{ m() }}",
        "{% macro m() %}{{ caller() }}{% endmacro %}{% macro c() %}{% call m() %}{{ c() }}{% endcall %}{% endmacro %}{{ c() }}",
        "{% for x in [1] recursive %}{{ loop([1]) }}{% endfor %}",
        "{% macro m(k) %}{{ m(k)|upper }}{% endmacro %}{{ m(1) }}",
    ])
    func runawayRecursion(_ source: String) {
        #expect(renderOnSmallStack(source) == .failed(.limit))
        #expect(renderOnSmallStack(source, stackSize: 8 << 20) == .failed(.limit))
    }

    /// Values nested deeper than the stack (built in a loop) print, compare and are freed
    /// without recursing once per level; self-containing values print as Python prints them.
    @Test("deep and self-containing values")
    func deepValues() {
        let deepList = "{% set ns = namespace(v=[]) %}{% for i in range(50000) %}{% set ns.v = [ns.v] %}{% endfor %}"
        #expect(renderOnSmallStack(deepList + "{{ ns.v|length }}") == .rendered("1"))
        let printed = renderOnSmallStack(deepList + "{{ ns.v }}")
        #expect(printed.failedKind == nil, "\(printed)")
        #expect(renderOnSmallStack(deepList + "{{ ns.v == ns.v }}") == .rendered("True"))
        #expect(renderOnSmallStack(deepList + "{{ ns.v|tojson }}") == .failed(.limit))
        let deepDict = "{% set ns = namespace(v={}) %}{% for i in range(50000) %}{% set ns.v = {'a': ns.v} %}{% endfor %}"
        #expect(renderOnSmallStack(deepDict + "{{ ns.v|length }}") == .rendered("1"))
        let deepTuple = "{% set ns = namespace(v=()) %}{% for i in range(50000) %}{% set ns.v = (ns.v,) %}{% endfor %}"
        #expect(renderOnSmallStack(deepTuple + "{{ ns.v|length }}") == .rendered("1"))

        #expect(renderOnSmallStack("{% set l = [] %}{% do l.append(l) %}{{ l }}") == .rendered("[[...]]"))
        #expect(renderOnSmallStack("{% set d = {} %}{% do d.update({'a': d}) %}{{ d }}") == .rendered("{'a': {...}}"))
        #expect(renderOnSmallStack("{% set l = [] %}{% do l.append(l) %}{{ l == l }}") == .rendered("True"))
        let mutual = "{% set a = [] %}{% set b = [] %}{% do a.append(b) %}{% do b.append(a) %}"
        #expect(renderOnSmallStack(mutual + "{{ a|length }}{{ a == b }}").failedKind == nil)
        #expect(renderOnSmallStack("{% set l = [] %}{% do l.append(l) %}{{ l|tojson }}") == .failed(.limit))
    }

    @Test("huge results fail with an error", arguments: [
        ("{{ 'x' * 99999999 }}", JinjaError.Kind.limit),
        ("{{ 'ab' * 9223372036854775807 }}", .limit),
        ("{{ [1, 2] * 4611686018427387904 }}", .limit),
        ("{{ (1, 2) * 9223372036854775807 }}", .limit),
        ("{{ range(99999999)|length }}", .limit),
        ("{{ 'x'|center(9223372036854775807) }}", .limit),
        ("{{ 'x'.zfill(9223372036854775807) }}", .limit),
        ("{{ 'x'|indent(9223372036854775807) }}", .limit),
        ("{{ [1]|batch(9223372036854775807, 0) }}", .limit),
        ("{{ [1]|slice(9223372036854775807) }}", .limit),
        ("{{ [1]|tojson(indent=9223372036854775807) }}", .limit),
        ("{% for x in range(9999) %}{{ 'x' * 999999 }}{% endfor %}", .limit),
        ("{% set ns = namespace(s='xx') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}", .limit),
        ("{% set ns = namespace(s=[1]) %}{% for i in range(40) %}{% set ns.s = ns.s + ns.s %}{% endfor %}", .limit),
        ("{{ '{:99999999}'.format(1) }}", .value),
        ("{{ '%99999999d'|format(1) }}", .value),
        ("{{ '%99999999999999999999d' % 1 }}", .value),
        ("{{ '%.99999999999999999999f' % 1.0 }}", .value),
        ("{{ '%d' % 1e308 }}", .overflow),
        ("{{ -(-9223372036854775807 - 1) }}", .overflow),
        ("{{ '{0:{0:{0:}}}'.format(1) }}", .value),
        ("{{ '" + repeated("{0:", 5000) + repeated("}", 5000) + "'.format(1) }}", .value),
    ])
    func hugeResults(_ source: String, _ kind: JinjaError.Kind) {
        #expect(renderOnSmallStack(source) == .failed(kind), "\(source.prefix(60))")
    }

    @Test("odd arguments that used to trap behave as in Python")
    func oddArguments() {
        #expect(renderOnSmallStack("{{ 'x'|indent(-5) }}") == .rendered("x"))
        #expect(renderOnSmallStack("{{ '10'|int(base=37) }}") == .rendered("10"))
        #expect(renderOnSmallStack("{{ 'hello world'|truncate(9223372036854775807) }}") == .rendered("hello world"))
        #expect(renderOnSmallStack("{{ [1]|tojson(indent=-1) }}") == .rendered("[\n1\n]"))
        #expect(renderOnSmallStack("{{ '{-1}'.format(1) }}") == .failed(.host)) // KeyError: '-1'
        #expect(renderOnSmallStack("{{ 'x'.center(5, 'ab') }}") == .failed(.type))
    }

    @Test("large inputs parse and render")
    func largeInputs() {
        let text = repeated("select 1;\n", 1_000_000)
        #expect(renderOnSmallStack(text, maxSequenceLength: 100_000_000) == .rendered(String(text.dropLast())))
        let literal = "{{ '" + repeated("x", 1_000_000) + "'|length }}"
        #expect(renderOnSmallStack(literal) == .rendered("1000000"))
        let outputs = repeated("{{ x }}", 100_000)
        #expect(renderOnSmallStack(outputs, ["x": 1]) == .rendered(repeated("1", 100_000)))
        #expect(renderOnSmallStack("{{ '%99999d' % 1 }}|{{ '{:.5000f}'.format(0.5)|length }}")
            == .rendered(repeated(" ", 99998) + "1|5002"))
    }
}
