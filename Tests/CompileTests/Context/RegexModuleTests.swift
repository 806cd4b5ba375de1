import Compile
import Jinja
import Testing

/// Expected strings are what CPython 3.11 prints for the same calls. Patterns are passed as
/// context variables so Jinja's string-literal escapes don't get in the way.
@Suite("modules.re")
struct RegexModuleTests {
    func render(_ source: String, _ vars: [String: Value] = [:]) throws -> String {
        try renderWithContext("{% set re = modules.re %}" + source, vars)
    }

    @Test("match anchors at the start only; search finds anywhere; fullmatch spans all")
    func matching() throws {
        let v: [String: Value] = ["d": #"\d+"#, "w": #"\w+"#]
        #expect(try render("{{ re.match(d, 'abc123') }}", v) == "None")
        #expect(try render("{{ re.match('[a-z]+', 'abc123').group(0) }}") == "abc")
        #expect(try render("{{ re.search(d, 'abc123').group() }}", v) == "123")
        #expect(try render("{{ re.fullmatch(w, 'abc123') is not none }} {{ re.fullmatch(w, 'abc 123') is none }}", v) == "True True")
        #expect(try render("{{ re.match('abc', 'ABCdef', re.I).group() }} {{ re.match('abc', 'ABCdef', re.IGNORECASE).group() }}") == "ABC ABC")
        #expect(try render("{{ re.search('^b', s, re.M).start() }}", ["s": "a\nb"]) == "2")
        #expect(try render("{{ re.search('b$', s) is not none }} {{ re.search(z, s) is none }}", ["s": "ab\n", "z": #"b\Z"#]) == "True True")
        #expect(try render("{% if re.match('x', 'y') %}yes{% else %}no{% endif %}") == "no")
    }

    @Test("match objects: groups by number and name, spans, printing")
    func matchObjects() throws {
        let v: [String: Value] = ["p": #"(?P<key>\w+)=(?P<val>\d+)?"#]
        let m = "{% set m = re.search(p, 'x: key=42;') %}"
        #expect(try render(m + "{{ (m.group(1), m.group('val'), m.groups(), m.start(), m.end(), m.span(2), m.group(1, 2), m.groupdict()) }}", v)
            == "('key', '42', ('key', '42'), 3, 9, (7, 9), ('key', '42'), {'key': 'key', 'val': '42'})")
        #expect(try render(m + "{{ m }}", v) == "<re.Match object; span=(3, 9), match='key=42'>")
        #expect(try render(m + "{{ m[0] }} {{ m['key'] }}", v) == "key=42 key")
        #expect(try render("{{ re.match('é(.)', 'éàb').span(1) }}") == "(1, 2)")
    }

    @Test("sub, subn, findall, split", arguments: [
        (#"{{ re.sub(p, r, 'me@host you@there') }}"#, #"(\w+)@(\w+)"#, #"\2 at \1"#, "host at me there at you"),
        (#"{{ re.sub(p, r, 'a1b2') }}"#, #"(?P<a>\d)"#, #"<\g<a>\g<1>>"#, "a<11>b<22>"),
        ("{{ re.sub(p, r, 'abxd') }}", "x*", "-", "-a-b--d-"),
        ("{{ re.sub(p, r, '  a   b  ', count=1) }}", #"\s+"#, " ", " a   b  "),
        ("{{ re.sub(p, r, 'ab') }}", "(a)|b", #"[\1]"#, "[a][]"),
        ("{{ re.subn(p, r, 'aaa') }}", "a", "b", "('bbb', 3)"),
        ("{{ re.findall(p, 'a1b22c333') }}", #"\d+"#, "", "['1', '22', '333']"),
        ("{{ re.findall(p, 'a1b2c') }}", #"(\w)(\d)"#, "", "[('a', '1'), ('b', '2')]"),
        ("{{ re.findall(p, 'a1b2c') }}", #"(\w)\d"#, "", "['a', 'b']"),
        ("{{ re.findall(p, 'a[b') }}", "[[]", "", "['[']"),
        ("{{ re.split(p, 'a, b,c') }}", #",\s*"#, "", "['a', 'b', 'c']"),
        ("{{ re.split(p, 'a,b,c') }}", "(,)", "", "['a', ',', 'b', ',', 'c']"),
        ("{{ re.split(p, 'a,b,c', maxsplit=1) }}", ",", "", "['a', 'b,c']"),
        ("{{ re.split(p, 'axbc') }}", "x*", "", "['', 'a', '', 'b', 'c', '']"),
    ])
    func operations(_ source: String, _ pattern: String, _ replacement: String, _ expected: String) throws {
        #expect(try render(source, ["p": .string(pattern), "r": .string(replacement)]) == expected)
    }

    @Test("compiled patterns, escape, and a function as the replacement")
    func compiled() throws {
        #expect(try render("{{ re.compile(p).match('10-20').groups() }}", ["p": #"(\d+)-(\d+)"#]) == "('10', '20')")
        #expect(try render("{{ re.compile('o').sub('0', 'foo boo') }} {{ re.compile('a').flags }}") == "f00 b00 32")
        #expect(try render("{{ re.escape('a.b*c d') }}") == #"a\.b\*c\ d"#)
        #expect(try render("{% macro up(m) %}{{ m.group(0) | upper }}{% endmacro %}{{ re.sub('[aeiou]', up, 'banana') }}") == "bAnAnA")
        #expect(try render("{% set p = re.compile('x') %}{{ re.search(p, 'axb').start() }}") == "1")
    }

    @Test("bad patterns and bad escapes fail")
    func errors() {
        #expect(throws: JinjaError.self) { try render("{{ re.match('(', 'x') }}") }
        #expect(throws: JinjaError.self) { try render("{{ re.sub('a', r, 'a') }}", ["r": #"\q"#]) }
    }
}
