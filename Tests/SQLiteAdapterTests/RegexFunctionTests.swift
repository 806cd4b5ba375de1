import Testing

/// Regular expressions: regexp_replace, regexp_substr, regexp_count, REGEXP, against PostgreSQL 15.
@Suite("Regular expressions: regexp_replace, regexp_substr, regexp_count, REGEXP")
struct RegexFunctionTests {
    /// Written down from PostgreSQL 15 by scripts/pg_expected_functions.py (`regex`).
    static let postgres: [(String, String?)] = [
        ("regexp_replace('Hello World', 'o', '0')", "Hell0 World"),
        ("regexp_replace('Hello World', 'o', '0', 'g')", "Hell0 W0rld"),
        ("regexp_replace('abc123def45', '[0-9]+', '#', 'g')", "abc#def#"),
        ("regexp_replace('john smith', '(\\w+) (\\w+)', '\\2, \\1')", "smith, john"),
        ("regexp_replace('ABC abc', 'abc', 'x', 'gi')", "x x"),
        ("regexp_replace('abc', 'b', '[\\&]')", "a[b]c"),
        ("regexp_replace('a.b.c', '.', '-', 'g')", "-----"),
        ("regexp_replace('a.b.c', '\\.', '-', 'g')", "a-b-c"),
        ("regexp_replace('price: 10', '[0-9]+', '$5')", "price: $5"),
        ("regexp_replace('no match', 'xyz', '!')", "no match"),
        ("regexp_substr('abc123def456', '[0-9]+')", "123"),
        ("regexp_substr('abc123def456', '[0-9]+', 7)", "456"),
        ("regexp_substr('abc123def456', '[0-9]+', 1, 2)", "456"),
        ("regexp_substr('abc', '[0-9]+')", nil),
        ("regexp_substr('key=value', '(\\w+)=(\\w+)', 1, 1, '', 2)", "value"),
        ("regexp_substr('ABC', 'b', 1, 1, 'i')", "B"),
        ("regexp_count('banana', 'an')", "2"),
        ("regexp_count('banana', 'a', 3)", "2"),
        ("regexp_count('AbA', 'a', 1, 'i')", "2"),
        ("regexp_count('abc', 'x')", "0"),
        ("regexp_count('a1b22c333', '[0-9]+')", "3"),
        ("'abc' regexp 'b'", "1"),
        ("'abc' regexp '^b'", "0"),
        ("'2024-01-05' regexp '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'", "1"),
    ]

    @Test("as PostgreSQL", arguments: postgres)
    func matchesPostgres(_ sql: String, _ expected: String?) {
        check(sql, expected)
    }

    @Test("newline-sensitive flag, bad patterns, NULLs")
    func flagsAndErrors() throws {
        #expect(try scalar("regexp_count('a\nb', '^b')") == "0")
        #expect(try scalar("regexp_count('a\nb', '^b', 1, 'n')") == "1")
        #expect(throws: (any Error).self) { try scalar("regexp_count('abc', '(')") }
        #expect(throws: (any Error).self) { try scalar("regexp_replace('abc', 'a', 'b', 'z')") }
        #expect(try scalar("null regexp 'a'") == nil)
        #expect(try scalar("regexp_replace(null, 'a', 'b')") == nil)
    }
}
