import Compile
import Jinja
import Testing

@Suite("Context functions")
struct ContextFunctionsTests {
    @Test("fromjson and tojson follow Python's json", arguments: [
        (#"{{ fromjson('{"b": [1, 2.5, "x", null, true], "a": {"z": 1}}')['b'] }}"#, "[1, 2.5, 'x', None, True]"),
        ("{{ fromjson('not json') }} {{ fromjson('{', default={'d': 1}) }}", "None {'d': 1}"),
        ("{{ tojson({'b': [1, 2.5, 'x', none, true], 'a': {'z': 1}}) }}", #"{"b": [1, 2.5, "x", null, true], "a": {"z": 1}}"#),
        ("{{ tojson({'b': 1, 'a': 2}, sort_keys=true) }}", #"{"a": 2, "b": 1}"#),
    ])
    func json(_ source: String, _ expected: String) throws {
        #expect(try renderWithContext(source) == expected)
    }

    @Test("fromyaml reads YAML 1.1 as PyYAML's safe_load does")
    func fromyaml() throws {
        let yaml = "dogs:\n  - good\n  - bad\nok: yes\nn: ~\nf: 1.5\ni: 0x1f\ns: '1'\n"
        #expect(try renderWithContext("{{ fromyaml(y) }}", ["y": .string(yaml)])
            == "{'dogs': ['good', 'bad'], 'ok': True, 'n': None, 'f': 1.5, 'i': 31, 's': '1'}")
        #expect(try renderWithContext("{{ fromyaml('a: [1', default='bad') }}") == "bad")
    }

    @Test("toyaml writes block style as PyYAML's safe_dump does")
    func toyaml() throws {
        let source = """
            {{ toyaml({'abc': 123, 'dogs': ['good', 'bad'], 'x': 'yes', 'n': none, 'f': 1.5, 'nested': {'a': [1, {'b': 2}]}, \
            's': 'hello world', 'e': '', 'd': '2024-01-01', 'q': 'a: b'}) }}
            """
        let expected = "abc: 123\ndogs:\n- good\n- bad\nx: 'yes'\nn: null\nf: 1.5\nnested:\n  a:\n  - 1\n  - b: 2\ns: hello world\ne: ''\nd: '2024-01-01'\nq: 'a: b'\n"
        #expect(try renderWithContext(source) == expected)
        #expect(try renderWithContext("{{ toyaml({'b': 1, 'a': 2}, sort_keys=true) }}") == "a: 2\nb: 1\n")
        #expect(try renderWithContext("{{ toyaml([1, 'two']) }}") == "- 1\n- two\n")
    }

    @Test("zip and set", arguments: [
        ("{{ zip([1, 2, 3], ['a', 'b']) }}", "[(1, 'a'), (2, 'b')]"),
        ("{% for n, s in zip([1, 2], 'xy') %}{{ n }}{{ s }}{% endfor %}", "1x2y"),
        ("{{ zip([1], 5) }} {{ zip([1], 5, default='d') }}", "None d"),
        ("{{ set([3, 1, 3, 2, 1]) }} {{ 2 in set([1, 2]) }}", "[3, 1, 2] True"),
        ("{{ set(5) }} {{ set([[1]], default='unhashable') }}", "None unhashable"),
        ("{{ set_strict(['a', 'a']) }} {{ zip_strict([1], [2]) }}", "['a'] [(1, 2)]"),
    ])
    func collections(_ source: String, _ expected: String) throws {
        #expect(try renderWithContext(source) == expected)
    }

    @Test("set_strict and zip_strict raise")
    func strict() {
        #expect(throws: JinjaError.self) { try renderWithContext("{{ set_strict(5) }}") }
        #expect(throws: JinjaError.self) { try renderWithContext("{{ zip_strict([1], 5) }}") }
    }

    @Test("local_md5 gives Python's hashlib.md5 hex digest")
    func localMD5() throws {
        #expect(try renderWithContext("{{ local_md5('abc') }} {{ local_md5('héllo wörld ✓') }}")
            == "900150983cd24fb0d6963f7d28e17f72 aa0c8a307a4488bfe0cb56530da19bc3")
    }

    @Test("print and log go to the sinks and render nothing")
    func logging() throws {
        let sink = MessageSink()
        #expect(try renderWithContext("a{{ print('p') }}{{ log('d') }}{{ log('i', info=true) }}{% do log(42) %}b", sink: sink) == "ab")
        #expect(sink.messages == ["log: p", "debug: d", "log: i", "debug: 42"])
    }

    @Test("diff_of_two_dicts compares without case and keeps dict_a's keys")
    func diffOfTwoDicts() throws {
        let source = "{{ diff_of_two_dicts({'key_x': ['value_1', 'VALUE_2'], 'KEY_Y': ['value_3']}, {'key_x': ['value_1'], 'key_z': ['value_4']}) }}"
        #expect(try renderWithContext(source) == "{'key_x': ['VALUE_2'], 'KEY_Y': ['value_3']}")
        #expect(try renderWithContext("{{ diff_of_two_dicts({'A': ['x']}, {'a': ['X']}) }}") == "{}")
    }

    @Test("try_or_compiler_error turns a failure into a compilation error with the message")
    func tryOrCompilerError() throws {
        #expect(try renderWithContext("{{ try_or_compiler_error('bad', fromjson, '[1]') }}") == "[1]")
        do {
            _ = try renderWithContext("{% macro boom(x) %}{{ x.y.z() }}{% endmacro %}{{ try_or_compiler_error('could not boom', boom, none) }}")
            Issue.record("expected an error")
        } catch let error as JinjaError {
            #expect((error.underlying as? CompilationError)?.message == "could not boom")
        }
    }
}
