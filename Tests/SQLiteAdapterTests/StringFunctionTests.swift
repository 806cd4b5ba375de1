import Testing

/// Strings: split_part, concat, concat_ws, left, right, lpad, rpad, against PostgreSQL 15.
@Suite("Strings: split_part, concat, concat_ws, left, right, lpad, rpad")
struct StringFunctionTests {
    /// Written down from PostgreSQL 15 by scripts/pg_expected_functions.py (`strings`).
    static let postgres: [(String, String?)] = [
        ("split_part('a,b,c', ',', 2)", "b"),
        ("split_part('a,b,c', ',', -1)", "c"),
        ("split_part('a,b,c', ',', -3)", "a"),
        ("split_part('a,b,c', ',', 5)", ""),
        ("split_part('a,b,c', ',', -4)", ""),
        ("split_part('a,,c', ',', 2)", ""),
        ("split_part('abc', '', 1)", "abc"),
        ("split_part('abc', '', 2)", ""),
        ("split_part('a--b--c', '--', -2)", "b"),
        ("split_part('', ',', 1)", ""),
        ("concat('a', null, 'b', 1)", "ab1"),
        ("concat(null)", ""),
        ("concat('x')", "x"),
        ("concat_ws('-', 'a', null, 'b', 2)", "a-b-2"),
        ("concat_ws(null, 'a', 'b')", nil),
        ("concat_ws(',', null)", ""),
        ("lpad('7', 3, '0')", "007"),
        ("lpad('hello', 3)", "hel"),
        ("lpad('ab', 7, 'xy')", "xyxyxab"),
        ("lpad('ab', 4)", "  ab"),
        ("lpad('ab', 0)", ""),
        ("lpad('ab', 4, '')", "ab"),
        ("rpad('ab', 5)", "ab   "),
        ("rpad('ab', 5, 'xy')", "abxyx"),
        ("rpad('hello', 2)", "he"),
        ("lpad('héllo', 7, 'é')", "ééhéllo"),
        ("\"left\"('abcdef', 2)", "ab"),
        ("\"left\"('abc', -1)", "ab"),
        ("\"left\"('abc', 10)", "abc"),
        ("\"left\"('abc', -5)", ""),
        ("\"left\"('héllo', 2)", "hé"),
        ("\"right\"('abcdef', 2)", "ef"),
        ("\"right\"('abc', -1)", "bc"),
        ("\"right\"('abc', 10)", "abc"),
        ("\"right\"('héllo', 4)", "éllo"),
        ("\"left\"('abc', 0)", ""),
    ]

    @Test("as PostgreSQL", arguments: postgres)
    func matchesPostgres(_ sql: String, _ expected: String?) {
        check(sql, expected)
    }

    @Test("split_part rejects field 0, as PostgreSQL does")
    func splitPartZero() {
        #expect(throws: (any Error).self) { try scalar("split_part('a,b', ',', 0)") }
    }

    /// `left` and `right` are keywords in SQLite's grammar: only the quoted call parses.
    @Test("left and right must be quoted")
    func leftRightKeywords() throws {
        #expect(throws: (any Error).self) { try scalar("select left('abc', 2)") }
        #expect(throws: (any Error).self) { try scalar("select right('abc', 2)") }
        #expect(try scalar("select \"right\"('abc', 2)") == "bc")
    }

    @Test("NULL arguments")
    func nulls() throws {
        #expect(try scalar("split_part(null, ',', 1)") == nil)
        #expect(try scalar("lpad(null, 3)") == nil)
        #expect(try scalar("\"left\"(null, 3)") == nil)
        #expect(try scalar("concat(1.5, 2)") == "1.52")
    }
}
