import Testing

/// Aggregates: percentile_cont, percentile_disc, median, stddev, variance, string_agg, bool_and, bool_or, against PostgreSQL 15.
@Suite("Aggregates: percentile_cont, percentile_disc, median, stddev, variance, string_agg, bool_and, bool_or")
struct AggregateFunctionTests {
    /// Written down from PostgreSQL 15 by scripts/pg_expected_functions.py (`aggregates`).
    static let postgres: [(String, String?)] = [
        ("select percentile_cont(0, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "1"),
        ("select percentile_cont(0.25, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "2"),
        ("select percentile_cont(0.5, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3"),
        ("select percentile_cont(0.9, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "7.6000000000000005"),
        ("select percentile_cont(1, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "10"),
        ("select percentile_disc(0, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "1.0"),
        ("select percentile_disc(0.25, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "2.0"),
        ("select percentile_disc(0.5, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3.0"),
        ("select percentile_disc(0.9, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "10.0"),
        ("select percentile_disc(1, x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "10.0"),
        ("select median(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3"),
        ("select percentile_disc(0.5, s) from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))", "b"),
        ("select stddev(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3.5355339059327378"),
        ("select stddev_samp(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3.5355339059327378"),
        ("select stddev_pop(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "3.162277660168379"),
        ("select variance(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "12.5"),
        ("select var_samp(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "12.5"),
        ("select var_pop(x) from (select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))", "10"),
        ("select stddev(x) from (select 1.0 as x)", nil),
        ("select var_pop(x) from (select 1.0 as x)", "0"),
        ("select string_agg(s, ', ') from (select * from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c'))) order by i)", "b, a, c"),
        ("select string_agg(s, ',') from (select null as s)", nil),
        ("select bool_and(i > 0) from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))", "1"),
        ("select bool_and(i > 1) from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))", "0"),
        ("select bool_or(i > 3) from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))", "1"),
        ("select bool_or(i > 9) from (select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))", "0"),
        ("select bool_or(b) from (select null as b)", nil),
    ]

    @Test("as PostgreSQL", arguments: postgres)
    func matchesPostgres(_ sql: String, _ expected: String?) {
        check(sql, expected)
    }

    @Test("listagg, group by, bad fractions")
    func more() throws {
        #expect(try scalar("select listagg(s) from (select 'a' as s union all select 'b')") == "ab")
        #expect(try scalar("select listagg(s, '|') from (select 'a' as s union all select 'b')") == "a|b")
        #expect(try scalar("""
            select group_concat(k || '=' || m, ';') from (
              select k, median(v) as m from (select 1 as k, 1 as v union all select 1, 3 union all select 2, 5)
              group by k order by k)
            """) == "1=2.0;2=5.0")
        #expect(throws: (any Error).self) { try scalar("select percentile_cont(1.5, x) from (select 1 as x)") }
        #expect(try scalar("select percentile_cont(0.5, x) from (select 1 as x where 0)") == nil)
        #expect(throws: (any Error).self) { try scalar("select stddev(x) from (select 'abc' as x)") }
    }
}
