#!/usr/bin/env python3
"""Expected values for the SQLite adapter's function library, from a real PostgreSQL.

Runs each case's PostgreSQL spelling through psql and prints Swift table rows
`(sqlite_sql, expected),` ready to paste into Tests/SQLiteAdapterTests/*FunctionTests.swift.
The Swift tests never need PostgreSQL; rerun this when adding cases.

Redshift-only functions (datediff, dateadd) have no PostgreSQL counterpart: their expected
values are computed here by Redshift's documented semantics, with PostgreSQL as the
calculator: datediff(part, a, b) counts the `part` boundaries crossed, i.e. the whole `part`s
between date_trunc(part, a) and date_trunc(part, b); dateadd(part, n, t) is t + n * interval
'1 part' (month arithmetic clamps to the month's end, as Redshift's does).

A throwaway cluster (as a non-root user):
    /usr/lib/postgresql/15/bin/initdb -D /tmp/pgtest/data -U postgres --auth=trust
    /usr/lib/postgresql/15/bin/pg_ctl -D /tmp/pgtest/data -o '-p 54329 -k /tmp/pgtest' -l /tmp/pgtest/log start
Usage: scripts/pg_expected_functions.py [--port 54329] [family ...]
"""
import argparse
import os
import subprocess
import sys

TS = ["2024-05-17 13:45:12", "2023-12-31 23:59:59.5", "2024-02-29 00:00:00", "2021-01-03 08:05:09.123456"]
VALUES_PG = "(values (1.0),(2.0),(3.0),(4.0),(10.0),(null)) t(x)"
VALUES_SQLITE = "(select column1 as x from (values (1.0),(2.0),(3.0),(4.0),(10.0),(null)))"
WORDS_PG = "(values (1, 'b'),(2, null),(3, 'a'),(4, 'c')) t(i, s)"
WORDS_SQLITE = "(select column1 as i, column2 as s from (values (1, 'b'),(2, null),(3, 'a'),(4, 'c')))"


def same(sql):
    return (sql, sql)


def families():
    long_text = "ingot" * 30
    f = {}
    f["hashes"] = [same(f"md5('{s}')") for s in ["", "hello", "héllo", long_text]] + [
        (f"encode(sha256('{s}'::bytea), 'hex')", f"sha256('{s}')") for s in ["", "hello", "héllo", long_text]
    ] + [("md5(42::text)", "md5(42)")]
    f["strings"] = [same(s) for s in [
        "split_part('a,b,c', ',', 2)", "split_part('a,b,c', ',', -1)", "split_part('a,b,c', ',', -3)",
        "split_part('a,b,c', ',', 5)", "split_part('a,b,c', ',', -4)", "split_part('a,,c', ',', 2)",
        "split_part('abc', '', 1)", "split_part('abc', '', 2)", "split_part('a--b--c', '--', -2)",
        "split_part('', ',', 1)", "concat('a', null, 'b', 1)", "concat(null)", "concat('x')",
        "concat_ws('-', 'a', null, 'b', 2)", "concat_ws(null, 'a', 'b')", "concat_ws(',', null)",
        "lpad('7', 3, '0')", "lpad('hello', 3)", "lpad('ab', 7, 'xy')", "lpad('ab', 4)", "lpad('ab', 0)",
        "lpad('ab', 4, '')", "rpad('ab', 5)", "rpad('ab', 5, 'xy')", "rpad('hello', 2)", "lpad('héllo', 7, 'é')",
    ]] + [(f"{fn}({a})", f'"{fn}"({a})') for fn, a in [
        ("left", "'abcdef', 2"), ("left", "'abc', -1"), ("left", "'abc', 10"), ("left", "'abc', -5"),
        ("left", "'héllo', 2"), ("right", "'abcdef', 2"), ("right", "'abc', -1"), ("right", "'abc', 10"),
        ("right", "'héllo', 4"), ("left", "'abc', 0"),
    ]]
    f["comparison"] = [same(s) for s in [
        "greatest(1, null, 3)", "least(2, null, 1)", "greatest('apple', 'banana')", "least('apple', 'banana')",
        "greatest(1.5, 2)", "least(1.5, 2)", "greatest(-1, -7)",
    ]] + [("greatest(null::int, null)", "greatest(null, null)"), ("least(null::int, null)", "least(null, null)")]
    f["regex"] = [same(s) for s in [
        "regexp_replace('Hello World', 'o', '0')", "regexp_replace('Hello World', 'o', '0', 'g')",
        "regexp_replace('abc123def45', '[0-9]+', '#', 'g')", r"regexp_replace('john smith', '(\w+) (\w+)', '\2, \1')",
        "regexp_replace('ABC abc', 'abc', 'x', 'gi')", r"regexp_replace('abc', 'b', '[\&]')",
        "regexp_replace('a.b.c', '.', '-', 'g')", r"regexp_replace('a.b.c', '\.', '-', 'g')",
        "regexp_replace('price: 10', '[0-9]+', '$5')", "regexp_replace('no match', 'xyz', '!')",
        "regexp_substr('abc123def456', '[0-9]+')", "regexp_substr('abc123def456', '[0-9]+', 7)",
        "regexp_substr('abc123def456', '[0-9]+', 1, 2)", "regexp_substr('abc', '[0-9]+')",
        r"regexp_substr('key=value', '(\w+)=(\w+)', 1, 1, '', 2)", "regexp_substr('ABC', 'b', 1, 1, 'i')",
        "regexp_count('banana', 'an')", "regexp_count('banana', 'a', 3)", "regexp_count('AbA', 'a', 1, 'i')",
        "regexp_count('abc', 'x')", "regexp_count('a1b22c333', '[0-9]+')",
    ]] + [
        ("('abc' ~ 'b')::int", "'abc' regexp 'b'"), ("('abc' ~ '^b')::int", "'abc' regexp '^b'"),
        ("('2024-01-05' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$')::int", "'2024-01-05' regexp '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'"),
    ]
    dates = []
    for part in ["year", "quarter", "month", "week", "day", "hour", "minute", "second"]:
        for t in TS[:3]:
            dates.append((f"date_trunc('{part}', timestamp '{t}')::text", f"date_trunc('{part}', '{t}')"))
    for part in ["year", "quarter", "month", "week", "day", "hour", "minute", "second", "dow", "isodow",
                 "doy", "epoch", "isoyear", "decade", "century", "millennium", "milliseconds", "microseconds"]:
        for t in [TS[0], TS[1], TS[3]]:
            dates.append((f"date_part('{part}', timestamp '{t}')", f"date_part('{part}', '{t}')"))
    for fmt in ["YYYY-MM-DD", "YYYY-MM-DD HH24:MI:SS", "DD/MM/YY", "Mon DD, YYYY", "Month", "FMMonth",
                "MONTH", "month", "Dy", "Day", "FMDay", "DY", "day", "Q", "WW", "IW", "DDD", "D", "ID",
                "HH12:MI AM", "HH:MI pm", "YYYY\"Q\"Q", "DDth", "FMDDth", "FMDDTH", "MS US", "J", "CC",
                "IYYY-IW", "W", "SSSS", "FMHH12", "yyyy-mm-dd"]:
        for t in [TS[0], TS[1], TS[3]]:
            dates.append((f"to_char(timestamp '{t}', '{fmt}')", f"to_char('{t}', '{fmt}')"))
    unit_pg = {"year": "year", "quarter": "quarter", "month": "month", "week": "week", "day": "day",
               "hour": "hour", "minute": "minute", "second": "second"}
    pairs = [("2023-12-31 23:59:59", "2024-01-01 00:00:00"), ("2024-01-01 00:00:00", "2023-12-31 23:59:59"),
             ("2024-01-31 10:00:00", "2024-03-01 09:00:00"), ("2024-05-17 13:45:12", "2024-05-20 00:00:00"),
             ("2020-02-29 12:00:00", "2024-02-28 12:00:00"), ("2024-05-19 23:00:00", "2024-05-20 01:00:00")]
    for part in unit_pg:
        for a, b in pairs:
            ta, tb = f"date_trunc('{part}', timestamp '{a}')", f"date_trunc('{part}', timestamp '{b}')"
            if part in ("year", "quarter", "month"):
                per = {"year": 12, "quarter": 3, "month": 1}[part]
                pg = f"((extract(year from {tb}) - extract(year from {ta})) * 12 + extract(month from {tb}) - extract(month from {ta}))::int / {per}"
            elif part in ("week", "day"):
                per = {"week": 7, "day": 1}[part]
                pg = f"({tb}::date - {ta}::date) / {per}"
            else:
                per = {"hour": 3600, "minute": 60, "second": 1}[part]
                pg = f"(extract(epoch from {tb}) - extract(epoch from {ta}))::bigint / {per}"
            dates.append((pg, f"datediff('{part}', '{a}', '{b}')"))
    for part, n, t in [("month", 1, "2024-01-31 10:00:00"), ("month", -1, "2024-03-31 00:00:00"),
                       ("year", 1, "2024-02-29 00:00:00"), ("quarter", 1, "2024-11-30 00:00:00"),
                       ("week", 2, "2024-05-17 13:45:12"), ("day", -20, "2024-03-10 00:00:00"),
                       ("hour", 30, "2024-05-17 13:45:12"), ("minute", -90, "2024-01-01 00:30:00"),
                       ("second", 3601, "2023-12-31 23:00:00"), ("month", 13, "2023-01-31 00:00:00")]:
        unit = "3 months" if part == "quarter" else "1 " + part
        dates.append((f"(timestamp '{t}' + {n} * interval '{unit}')::text", f"dateadd('{part}', {n}, '{t}')"))
    f["dates"] = dates
    f["aggregates"] = [
        (f"select percentile_cont({p}) within group (order by x) from {VALUES_PG}",
         f"select percentile_cont({p}, x) from {VALUES_SQLITE}") for p in ["0", "0.25", "0.5", "0.9", "1"]
    ] + [
        (f"select percentile_disc({p}) within group (order by x) from {VALUES_PG}",
         f"select percentile_disc({p}, x) from {VALUES_SQLITE}") for p in ["0", "0.25", "0.5", "0.9", "1"]
    ] + [
        (f"select percentile_cont(0.5) within group (order by x) from {VALUES_PG}", f"select median(x) from {VALUES_SQLITE}"),
        (f"select percentile_disc(0.5) within group (order by s) from {WORDS_PG}", f"select percentile_disc(0.5, s) from {WORDS_SQLITE}"),
    ] + [
        (f"select {fn}(x)::float8 from {VALUES_PG}", f"select {fn}(x) from {VALUES_SQLITE}")
        for fn in ["stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop"]
    ] + [
        ("select stddev(x)::float8 from (values (1.0)) t(x)", "select stddev(x) from (select 1.0 as x)"),
        ("select var_pop(x)::float8 from (values (1.0)) t(x)", "select var_pop(x) from (select 1.0 as x)"),
        (f"select string_agg(s, ', ' order by i) from {WORDS_PG}", f"select string_agg(s, ', ') from (select * from {WORDS_SQLITE} order by i)"),
        ("select string_agg(s, ',') from (values (null::text)) t(s)", "select string_agg(s, ',') from (select null as s)"),
        (f"select bool_and(i > 0)::int from {WORDS_PG}", f"select bool_and(i > 0) from {WORDS_SQLITE}"),
        (f"select bool_and(i > 1)::int from {WORDS_PG}", f"select bool_and(i > 1) from {WORDS_SQLITE}"),
        (f"select bool_or(i > 3)::int from {WORDS_PG}", f"select bool_or(i > 3) from {WORDS_SQLITE}"),
        (f"select bool_or(i > 9)::int from {WORDS_PG}", f"select bool_or(i > 9) from {WORDS_SQLITE}"),
        ("select bool_or(b)::int from (values (null::bool)) t(b)", "select bool_or(b) from (select null as b)"),
    ]
    return f


def run(port, sql):
    if not sql.lstrip().lower().startswith("select"):
        sql = "select " + sql
    env = dict(os.environ, PGOPTIONS="-c extra_float_digits=1")
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-X", "-A", "-t",
                          "-P", "null=\x01NULL", "-c", sql], capture_output=True, text=True, env=env)
    if out.returncode != 0:
        sys.exit(f"psql failed on {sql}:\n{out.stderr}")
    return out.stdout[:-1] if out.stdout.endswith("\n") else out.stdout


def swift(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=54329)
    parser.add_argument("family", nargs="*")
    args = parser.parse_args()
    fams = families()
    for name in args.family or fams:
        print(f"// {name}")
        for pg, sqlite in fams[name]:
            value = run(args.port, pg)
            expected = "nil" if value == "\x01NULL" else swift(value)
            print(f"    ({swift(sqlite)}, {expected}),")


if __name__ == "__main__":
    main()
