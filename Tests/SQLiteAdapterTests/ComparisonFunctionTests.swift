import Testing

/// greatest, least, against PostgreSQL 15.
@Suite("greatest, least")
struct ComparisonFunctionTests {
    /// Written down from PostgreSQL 15 by scripts/pg_expected_functions.py (`comparison`).
    static let postgres: [(String, String?)] = [
        ("greatest(1, null, 3)", "3"),
        ("least(2, null, 1)", "1"),
        ("greatest('apple', 'banana')", "banana"),
        ("least('apple', 'banana')", "apple"),
        ("greatest(1.5, 2)", "2"),
        ("least(1.5, 2)", "1.5"),
        ("greatest(-1, -7)", "-1"),
        ("greatest(null, null)", nil),
        ("least(null, null)", nil),
    ]

    @Test("as PostgreSQL", arguments: postgres)
    func matchesPostgres(_ sql: String, _ expected: String?) {
        check(sql, expected)
    }
}
