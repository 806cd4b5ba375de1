#!/usr/bin/env python3
"""Development harness for ingot's built-in macro library (Sources/Compile/Macros).

Python's jinja2 stands in for ingot's Jinja engine. The script loads every macro file
of the dbt, dbt_utils and dbt_expectations packages (turning `{% test x(...) %}` into
`{% macro test_x(...) %}` as dbt does), fakes the part of dbt's context the macros use
(adapter.dispatch with dbt's search order, adapter.get_columns_in_relation / get_relation
/ quote, run_query, api.Relation, return, exceptions, config, var, flags, modules), then
renders the public macros for the sqlite, postgres and redshift adapters and runs

  * the sqlite renderings against Python's sqlite3 — first on a stock connection; SQL that
    needs ingot's SQLite function library (datediff, dateadd, date_trunc, md5, split_part,
    right, REGEXP, regexp_substr, bool_or) is re-run on a connection with Python stand-ins
    for those functions (Redshift semantics) and reported as "sqlite3+standins";
  * the postgres renderings against a real PostgreSQL, started on 127.0.0.1 with a
    throwaway data directory under /tmp when `initdb`/`pg_ctl` are available (psql is the
    client; nothing to pip-install);
  * the redshift renderings are render-only (no Redshift here).

Usage: scripts/check_builtin_macros.py [--no-postgres] [-v]
Exit status 1 when any check fails.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path
from types import SimpleNamespace

import jinja2
from jinja2.runtime import Macro

ROOT = Path(__file__).resolve().parent.parent
MACROS_DIR = ROOT / "Sources" / "Compile" / "Macros"
PACKAGES = ("dbt", "dbt_utils", "dbt_expectations")

# --------------------------------------------------------------------------- loading

TEST_OPEN = re.compile(r"{%(-?)\s*test\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(")
TEST_CLOSE = re.compile(r"{%(-?)\s*endtest\s*(-?)%}")


def dbt_test_blocks_to_macros(source: str) -> str:
    """`{% test name(...) %}` -> `{% macro test_name(...) %}`, as dbt's parser does."""
    source = TEST_OPEN.sub(lambda m: "{%" + m.group(1) + " macro test_" + m.group(2) + "(", source)
    return TEST_CLOSE.sub(lambda m: "{%" + m.group(1) + " endmacro " + m.group(2) + "%}", source)


class ReturnValue(Exception):
    def __init__(self, value):
        self.value = value


class CompilerError(Exception):
    pass


def do_return(value):
    raise ReturnValue(value)


class MacroFunction:
    """A macro as dbt exposes it: calling it catches `return(...)`."""

    def __init__(self, package: str, name: str, macro: Macro):
        self.package, self.name, self.macro = package, name, macro

    def __call__(self, *args, **kwargs):
        try:
            return self.macro(*args, **kwargs)
        except ReturnValue as r:
            return r.value

    def __repr__(self):
        return f"<macro {self.package}.{self.name}>"


class PackageNamespace:
    def __init__(self, package: str):
        self.package = package
        self.macros: dict[str, MacroFunction] = {}

    def __getattr__(self, name):
        try:
            return self.macros[name]
        except KeyError:
            raise AttributeError(f"{self.package}.{name} is not defined") from None


def load_library(env: jinja2.Environment, context: dict) -> dict[str, PackageNamespace]:
    namespaces = {p: PackageNamespace(p) for p in PACKAGES}
    context.update(namespaces)
    for package in PACKAGES:
        for file in sorted((MACROS_DIR / package).rglob("*.sql")):
            source = dbt_test_blocks_to_macros(file.read_text())
            template = env.from_string(source)
            ctx = template.new_context(context, shared=True)
            # running the module body defines the macros, private (_x) ones included
            for _ in template.root_render_func(ctx):
                pass
            for name, value in ctx.vars.items():
                if isinstance(value, Macro):
                    if name in namespaces[package].macros:
                        raise SystemExit(f"duplicate macro {package}.{name} in {file}")
                    namespaces[package].macros[name] = MacroFunction(package, name, value)
    return namespaces


# --------------------------------------------------------------------------- fake dbt context

class Relation:
    def __init__(self, database, schema, identifier, type="table", quote_style="postgres"):
        self.database, self.schema, self.identifier = database, schema, identifier
        self.name, self.type, self.is_cte = identifier, type, False
        self.quote_style = quote_style

    def render(self):
        parts = [self.database, self.schema, self.identifier] if self.quote_style == "postgres" \
            else [self.schema, self.identifier]
        return ".".join(f'"{p}"' for p in parts if p)

    def __str__(self):
        return self.render()

    def __hash__(self):
        return hash(self.render())

    def __eq__(self, other):
        return isinstance(other, Relation) and other.render() == self.render()


class Column:
    def __init__(self, name, data_type):
        self.column = self.name = name
        self.data_type = self.dtype = data_type
        self.quoted = f'"{name}"'

    def is_string(self):
        t = (self.data_type or "").lower()
        return any(k in t for k in ("char", "text", "string"))

    def is_numeric(self):
        return (self.data_type or "").lower().startswith(("numeric", "decimal"))

    def string_size(self):
        m = re.search(r"\((\d+)\)", self.data_type or "")
        return int(m.group(1)) if m else 0


class Table:
    """The agate-like result run_query returns: .rows (tuples), .columns[i].values()."""

    def __init__(self, names, rows):
        self.column_names = names
        self.rows = [tuple(r) for r in rows]
        self.columns = [SimpleNamespace(name=n, values=(lambda i=i: tuple(r[i] for r in self.rows)))
                        for i, n in enumerate(names)]


class Warehouse:
    kind = ""

    def query(self, sql: str) -> Table:
        raise NotImplementedError


class SqliteWarehouse(Warehouse):
    kind = "sqlite"

    def __init__(self, standins: bool):
        self.conn = sqlite3.connect(":memory:")
        if standins:
            register_standins(self.conn)

    def query(self, sql):
        cur = self.conn.execute(sql)
        names = [d[0] for d in cur.description] if cur.description else []
        return Table(names, cur.fetchall())

    def columns(self, relation):
        rows = self.conn.execute(f'pragma "{relation.schema}".table_info("{relation.identifier}")').fetchall()
        return [Column(r[1], r[2]) for r in rows]

    def exists(self, schema, identifier):
        return self.conn.execute(
            f'select 1 from "{schema}".sqlite_master where name = ?', (identifier,)).fetchone() is not None


class PostgresWarehouse(Warehouse):
    kind = "postgres"

    def __init__(self, port, socket_dir):
        self.args = ["psql", "-X", "-q", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres",
                     "-d", "postgres", "-v", "ON_ERROR_STOP=1", "--csv"]

    def query(self, sql):
        proc = subprocess.run(self.args + ["-c", sql], capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr.strip())
        lines = list(csv.reader(io.StringIO(proc.stdout)))
        if not lines:
            return Table([], [])
        return Table(lines[0], [[None if v == "" else v for v in row] for row in lines[1:]])

    def columns(self, relation):
        t = self.query(
            "select column_name, data_type from information_schema.columns "
            f"where table_schema = '{relation.schema}' and table_name = '{relation.identifier}' "
            "order by ordinal_position")
        return [Column(r[0], r[1]) for r in t.rows]

    def exists(self, schema, identifier):
        t = self.query(f"select 1 from information_schema.tables where table_schema = '{schema}' "
                       f"and table_name = '{identifier}'")
        return bool(t.rows)


class RenderOnlyWarehouse(Warehouse):
    """For adapters with no database here: canned introspection so every path renders."""
    kind = "render-only"
    TABLES = {
        "orders": ["id", "customer_id", "status", "amount", "created_at", "updated_at", "note", "flag"],
        "orders_extra": ["id", "status", "extra_col"], "orders_copy": [], "customers": ["id", "name"],
        "ranges": ["id", "grp", "lo", "hi"],
    }

    def query(self, sql):
        return Table(["a", "b", "c"], [("public", "orders", "table")])

    def columns(self, relation):
        return [Column(c, "text") for c in self.TABLES.get(relation.identifier, [])]

    def exists(self, schema, identifier):
        return identifier in self.TABLES


class Adapter:
    def __init__(self, adapter_type, namespaces, warehouse):
        self.adapter_type, self.namespaces, self.warehouse = adapter_type, namespaces, warehouse
        self.dispatched: list[str] = []

    def type(self):
        return self.adapter_type

    def dispatch(self, name, macro_namespace=None):
        package = self.namespaces[macro_namespace or "dbt"]
        prefixes = [self.adapter_type] + (["postgres"] if self.adapter_type == "redshift" else []) + ["default"]
        for prefix in prefixes:
            candidate = f"{prefix}__{name}"
            if candidate in package.macros:
                self.dispatched.append(f"{package.package}.{candidate}")
                return package.macros[candidate]
        raise CompilerError(f"dispatch: no {'/'.join(p + '__' for p in prefixes)}{name} in {package.package}")

    def quote(self, identifier):
        return f'"{identifier}"'

    def get_columns_in_relation(self, relation):
        return self.warehouse.columns(relation) if self.warehouse else []

    def get_relation(self, database=None, schema=None, identifier=None):
        if self.warehouse and self.warehouse.exists(schema, identifier):
            return Relation(database, schema, identifier, quote_style=self.adapter_type)
        return None


class Config:
    def __init__(self):
        self.values = {}

    def __call__(self, *args, **kwargs):
        self.values.update(kwargs)
        return ""

    def get(self, key, default=None):
        return self.values.get(key, default)


def raise_compiler_error(message, node=None):
    raise CompilerError(message)


WARNINGS: list[str] = []


def make_context(adapter_type, namespaces_holder, warehouse, target, query_warehouse=None):
    context: dict = {}
    adapter = Adapter(adapter_type, namespaces_holder, warehouse)
    quote_style = "sqlite" if adapter_type == "sqlite" else "postgres"

    def run_query(sql):
        if warehouse is None:
            return Table(["value"], [])
        return (query_warehouse or warehouse).query(sql)

    context.update(
        adapter=adapter,
        target=target,
        execute=True,
        run_query=run_query,
        api=SimpleNamespace(Relation=SimpleNamespace(
            create=lambda database=None, schema=None, identifier=None, type="table":
                Relation(database, schema, identifier, type, quote_style))),
        exceptions=SimpleNamespace(
            raise_compiler_error=raise_compiler_error,
            raise_not_implemented=raise_compiler_error,
            warn=lambda msg, node=None: WARNINGS.append(msg) or ""),
        config=Config(),
        flags=SimpleNamespace(STORE_FAILURES=False, WHICH="run", EMPTY=False),
        var=lambda name, default=None: default,
        log=lambda msg, info=False: "",
        modules=SimpleNamespace(datetime=dt, re=re),
        model=SimpleNamespace(package_name="checks", name="check_model"),
        **{"return": do_return},
    )
    return context, adapter


# --------------------------------------------------------------------------- SQLite stand-ins

def _parse_ts(text):
    if text is None:
        return None
    s = str(text).strip().replace("T", " ").rstrip("Z")
    s = re.sub(r"[+-]\d\d:?\d\d$", "", s)
    for fmt in ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"):
        try:
            return dt.datetime.strptime(s, fmt)
        except ValueError:
            pass
    raise ValueError(f"not an ISO-8601 date/time: {text!r}")


def _fmt_ts(t):
    return t.strftime("%Y-%m-%d %H:%M:%S") + (f".{t.microsecond:06d}" if t.microsecond else "")


def _trunc(part, t):
    part = part.lower()
    if part == "year":
        return t.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if part == "quarter":
        return t.replace(month=(t.month - 1) // 3 * 3 + 1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if part == "month":
        return t.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if part == "week":
        return (t - dt.timedelta(days=t.weekday())).replace(hour=0, minute=0, second=0, microsecond=0)
    if part == "day":
        return t.replace(hour=0, minute=0, second=0, microsecond=0)
    if part == "hour":
        return t.replace(minute=0, second=0, microsecond=0)
    if part == "minute":
        return t.replace(second=0, microsecond=0)
    if part == "second":
        return t.replace(microsecond=0)
    raise ValueError(f"unsupported datepart {part}")


def _add_months(t, n):
    month0 = t.month - 1 + n
    year, month = t.year + month0 // 12, month0 % 12 + 1
    last = [31, 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28,
            31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return t.replace(year=year, month=month, day=min(t.day, last))


def sf_dateadd(part, n, ts):
    if ts is None or n is None:
        return None
    t, n, part = _parse_ts(ts), int(n), part.lower()
    units = {"week": dt.timedelta(weeks=1), "day": dt.timedelta(days=1), "hour": dt.timedelta(hours=1),
             "minute": dt.timedelta(minutes=1), "second": dt.timedelta(seconds=1),
             "millisecond": dt.timedelta(milliseconds=1), "microsecond": dt.timedelta(microseconds=1)}
    if part in units:
        return _fmt_ts(t + units[part] * n)
    months = {"month": 1, "quarter": 3, "year": 12}
    if part in months:
        return _fmt_ts(_add_months(t, n * months[part]))
    raise ValueError(f"unsupported datepart {part}")


def sf_datediff(part, a, b):
    if a is None or b is None:
        return None
    ta, tb, part = _parse_ts(a), _parse_ts(b), part.lower()
    if part == "year":
        return tb.year - ta.year
    if part == "quarter":
        return (tb.year - ta.year) * 4 + (tb.month - 1) // 3 - (ta.month - 1) // 3
    if part == "month":
        return (tb.year - ta.year) * 12 + tb.month - ta.month
    span = {"week": 7 * 86400, "day": 86400, "hour": 3600, "minute": 60, "second": 1}
    if part in span:
        delta = _trunc(part, tb) - _trunc(part, ta)
        return int(delta.total_seconds()) // span[part]
    raise ValueError(f"unsupported datepart {part}")


def sf_date_trunc(part, ts):
    return None if ts is None else _fmt_ts(_trunc(part, _parse_ts(ts)))


def sf_split_part(s, d, n):
    if s is None or d is None or n is None:
        return None
    n = int(n)
    if n == 0:
        raise ValueError("split_part: field position must not be zero")
    pieces = str(s).split(str(d))
    idx = n - 1 if n > 0 else len(pieces) + n
    return pieces[idx] if 0 <= idx < len(pieces) else ""


def sf_regexp(pattern, s):
    return None if s is None or pattern is None else int(re.search(pattern, str(s)) is not None)


def sf_regexp_substr(s, pattern, position=1, occurrence=1, parameters=""):
    if s is None:
        return None
    flags = re.I if "i" in (parameters or "") else 0
    matches = list(re.finditer(pattern, str(s)[int(position) - 1:], flags))
    return matches[int(occurrence) - 1].group(0) if len(matches) >= int(occurrence) else ""


class BoolOr:
    def __init__(self):
        self.value = None

    def step(self, x):
        if x is not None:
            self.value = bool(self.value) or bool(x)

    def finalize(self):
        return None if self.value is None else int(self.value)


def register_standins(conn):
    conn.create_function("dateadd", 3, sf_dateadd, deterministic=True)
    conn.create_function("datediff", 3, sf_datediff, deterministic=True)
    conn.create_function("date_trunc", 2, sf_date_trunc, deterministic=True)
    conn.create_function("md5", 1, lambda s: None if s is None else hashlib.md5(str(s).encode()).hexdigest(),
                         deterministic=True)
    conn.create_function("split_part", 3, sf_split_part, deterministic=True)
    conn.create_function("right", 2, lambda s, n: None if s is None else (str(s)[-int(n):] if int(n) > 0 else ""),
                         deterministic=True)
    conn.create_function("regexp", 2, sf_regexp, deterministic=True)
    for arity in (2, 3, 4, 5):
        conn.create_function("regexp_substr", arity, sf_regexp_substr, deterministic=True)
    conn.create_aggregate("bool_or", 1, BoolOr)


# --------------------------------------------------------------------------- PostgreSQL

class LocalPostgres:
    """A throwaway PostgreSQL on 127.0.0.1 (data directory under /tmp)."""

    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="ingot_macro_check_pg_"))
        self.port = 56000 + os.getpid() % 1000
        self.bindir = self._bindir()
        self.as_user = []
        if os.geteuid() == 0:  # the server refuses to run as root
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]

    @staticmethod
    def _bindir():
        for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
            if (candidate / "initdb").exists():
                return candidate
        found = shutil.which("initdb")
        if found:
            return Path(found).parent
        raise RuntimeError("initdb not found (apt-get install -y postgresql)")

    def start(self):
        data = self.dir / "data"
        subprocess.run(self.as_user + [str(self.bindir / "initdb"), "-D", str(data), "-A", "trust", "-U",
                                       "postgres", "--no-sync"], check=True, capture_output=True)
        subprocess.run(self.as_user + [str(self.bindir / "pg_ctl"), "-D", str(data), "-l",
                                       str(self.dir / "log"), "-w", "-o",
                                       f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
                                       "start"], check=True, capture_output=True)
        return self.port

    def stop(self):
        subprocess.run(self.as_user + [str(self.bindir / "pg_ctl"), "-D", str(self.dir / "data"), "-m",
                                       "immediate", "stop"], capture_output=True)
        shutil.rmtree(self.dir, ignore_errors=True)


# --------------------------------------------------------------------------- fixtures

SEED_SQL = {
    "sqlite": """
        create table orders (id integer, customer_id integer, status text, amount real,
                             created_at text, updated_at text, note text, flag integer);
        insert into orders values
            (1, 10, 'placed',   10.0, '2024-01-01', '2024-01-01 10:00:00', 'a',  1),
            (2, 10, 'shipped',  20.0, '2024-01-02', '2024-01-02 11:30:00', '',   0),
            (3, 11, 'shipped',  30.0, '2024-01-03', '2024-01-03 12:00:00', ' ',  1),
            (4, 12, 'returned', null, '2024-01-04', '2024-01-04 00:00:00', null, null);
        create table orders_copy as select * from orders;
        create table orders_extra (id integer, status text, extra_col text);
        insert into orders_extra values (5, 'placed', 'x'), (6, 'lost', null);
        create table customers (id integer, name text);
        insert into customers values (10, 'ann'), (11, 'bob'), (12, 'cy');
        create table ranges (id integer, grp text, lo integer, hi integer);
        insert into ranges values (1, 'a', 0, 10), (2, 'a', 10, 20), (3, 'a', 25, 30), (4, 'b', 0, 5);
    """,
    "postgres": """
        drop schema if exists public cascade; create schema public;
        create table orders (id integer, customer_id integer, status text, amount double precision,
                             created_at date, updated_at timestamp, note text, flag boolean);
        insert into orders values
            (1, 10, 'placed',   10.0, '2024-01-01', '2024-01-01 10:00:00', 'a',  true),
            (2, 10, 'shipped',  20.0, '2024-01-02', '2024-01-02 11:30:00', '',   false),
            (3, 11, 'shipped',  30.0, '2024-01-03', '2024-01-03 12:00:00', ' ',  true),
            (4, 12, 'returned', null, '2024-01-04', '2024-01-04 00:00:00', null, null);
        create table orders_copy as select * from orders;
        create table orders_extra (id integer, status varchar(20), extra_col text);
        insert into orders_extra values (5, 'placed', 'x'), (6, 'lost', null);
        create table customers (id integer, name text);
        insert into customers values (10, 'ann'), (11, 'bob'), (12, 'cy');
        create table ranges (id integer, grp text, lo integer, hi integer);
        insert into ranges values (1, 'a', 0, 10), (2, 'a', 10, 20), (3, 'a', 25, 30), (4, 'b', 0, 5);
    """,
}

TARGETS = {
    "sqlite": {"type": "sqlite", "name": "dev", "schema": "main", "database": "main"},
    "postgres": {"type": "postgres", "name": "dev", "schema": "public", "database": "postgres"},
    "redshift": {"type": "redshift", "name": "dev", "schema": "public", "database": "dev"},
}


def rel(adapter_type, name):
    t = TARGETS[adapter_type]
    return Relation(t["database"], t["schema"], name, quote_style="sqlite" if adapter_type == "sqlite" else "postgres")


def D(adapter_type, text):  # a date literal
    return f"'{text}'" if adapter_type == "sqlite" else f"cast('{text}' as date)"


def TS(adapter_type, text):  # a timestamp literal
    return f"'{text}'" if adapter_type == "sqlite" else f"cast('{text}' as timestamp)"


def md5(text):
    return hashlib.md5(text.encode()).hexdigest()


# Each expression case: (label, function(ns, a) -> SQL query, expected first cell as text, or a
# dict per adapter, or None to only check that the query runs).
def expression_cases():
    c = []

    def add(label, build, expected):
        c.append((label, build, expected))

    add("datediff month", lambda ns, a: "select " + ns.dbt.datediff(D(a, "2024-01-31"), D(a, "2024-03-01"), "month"), "2")
    add("datediff day", lambda ns, a: "select " + ns.dbt.datediff(D(a, "2024-01-31"), D(a, "2024-03-01"), "day"), "30")
    add("datediff year", lambda ns, a: "select " + ns.dbt.datediff(D(a, "2023-12-31"), D(a, "2024-01-01"), "year"), "1")
    add("datediff quarter", lambda ns, a: "select " + ns.dbt.datediff(D(a, "2023-12-31"), D(a, "2024-04-01"), "quarter"), "2")
    add("datediff week", lambda ns, a: "select " + ns.dbt.datediff(D(a, "2024-01-10"), D(a, "2024-01-24"), "week"), "2")
    add("datediff hour", lambda ns, a: "select " + ns.dbt.datediff(TS(a, "2024-01-01 10:59:00"), TS(a, "2024-01-01 12:01:00"), "hour"), "2")
    add("datediff minute", lambda ns, a: "select " + ns.dbt.datediff(TS(a, "2024-01-01 10:59:59"), TS(a, "2024-01-01 11:01:00"), "minute"), "2")
    add("dateadd day", lambda ns, a: "select " + ns.dbt.dateadd("day", 3, TS(a, "2024-01-01 00:00:00")), "2024-01-04 00:00:00")
    add("dateadd month clamps", lambda ns, a: "select " + ns.dbt.dateadd("month", 1, TS(a, "2024-01-31 00:00:00")), "2024-02-29 00:00:00")
    add("dateadd quarter", lambda ns, a: "select " + ns.dbt.dateadd("quarter", -1, TS(a, "2024-05-15 08:00:00")), "2024-02-15 08:00:00")
    add("dateadd hour expr", lambda ns, a: "select " + ns.dbt.dateadd("hour", "1 + 1", TS(a, "2024-01-01 23:00:00")), "2024-01-02 01:00:00")
    add("date_trunc month", lambda ns, a: "select " + ns.dbt.date_trunc("month", TS(a, "2024-02-15 10:00:00")), "2024-02-01 00:00:00")
    add("date_trunc week", lambda ns, a: "select " + ns.dbt.date_trunc("week", TS(a, "2024-01-10 10:00:00")), "2024-01-08 00:00:00")
    add("last_day month", lambda ns, a: "select " + ns.dbt.last_day(D(a, "2024-02-10"), "month"), "2024-02-29")
    add("last_day quarter", lambda ns, a: "select " + ns.dbt.last_day(D(a, "2024-02-10"), "quarter"), "2024-03-31")
    add("last_day year", lambda ns, a: "select " + ns.dbt.last_day(D(a, "2024-02-10"), "year"), "2024-12-31")
    add("concat", lambda ns, a: "select " + ns.dbt.concat(["'a'", "'-'", "'b'"]), "a-b")
    add("hash", lambda ns, a: "select " + ns.dbt.hash("'abc'"), md5("abc"))
    add("cast int", lambda ns, a: "select " + ns.dbt.cast("'42'", ns.dbt.type_int()) + " + 1", "43")
    add("cast date", lambda ns, a: "select " + ns.dbt.cast("'2024-03-05 10:11:12'", "date"), "2024-03-05")
    add("cast timestamp", lambda ns, a: "select " + ns.dbt.cast("'2024-03-05 10:11:12'", "timestamp"), "2024-03-05 10:11:12")
    add("safe_cast float", lambda ns, a: "select " + ns.dbt.safe_cast("'1.5'", ns.dbt.type_float()) + " * 2", "3")
    add("split_part 2", lambda ns, a: "select " + ns.dbt.split_part("'a,b,c'", "','", 2), "b")
    add("split_part -1", lambda ns, a: "select " + ns.dbt.split_part("'a,b,c'", "','", -1), "c")
    add("split_part -2 multichar", lambda ns, a: "select " + ns.dbt.split_part("'a::b::c'", "'::'", -2), "b")
    add("listagg", lambda ns, a: "select " + ns.dbt.listagg("status", "', '", "order by id" if a != "sqlite" else None) + " from orders",
        "placed, shipped, shipped, returned")
    add("listagg limit", lambda ns, a: "select " + ns.dbt.listagg("status", "','", "order by id" if a != "sqlite" else None, 2) + " from orders",
        "placed,shipped")
    add("listagg limit multichar", lambda ns, a: "select " + ns.dbt.listagg("status", "' | '", "order by id" if a != "sqlite" else None, 3) + " from orders",
        "placed | shipped | shipped")
    add("listagg ordered (SQLite >= 3.44)", lambda ns, a: "select " + ns.dbt.listagg("status", "','", "order by id desc") + " from orders",
        "returned,shipped,shipped,placed")
    add("any_value", lambda ns, a: "select " + ns.dbt.any_value("status") + " from orders where id = 1", "placed")
    add("bool_or", lambda ns, a: "select " + ns.dbt.bool_or("flag") + " from orders",
        {"sqlite": "1", "postgres": "t"})
    add("cast_bool_to_text", lambda ns, a: "select " + ns.dbt.cast_bool_to_text("1 = 1") + " || " + ns.dbt.cast_bool_to_text("1 = 2"), "truefalse")
    add("string_literal", lambda ns, a: "select " + ns.dbt.string_literal("it's"), "it's")
    add("escape_single_quotes", lambda ns, a: "select '" + ns.dbt.escape_single_quotes("they're") + "'", "they're")
    add("right", lambda ns, a: "select " + ns.dbt.right("'abcdef'", 2), "ef")
    add("length", lambda ns, a: "select " + ns.dbt.length("'abc'"), "3")
    add("position", lambda ns, a: "select " + ns.dbt.position("'c'", "'abcd'"), "3")
    add("replace", lambda ns, a: "select " + ns.dbt.replace("'a-b-c'", "'-'", "'+'"), "a+b+c")
    add("current_timestamp", lambda ns, a: "select " + ns.dbt.current_timestamp(), None)
    add("current_timestamp_backcompat", lambda ns, a: "select " + ns.dbt.current_timestamp_backcompat(), None)
    add("current_timestamp_in_utc_backcompat", lambda ns, a: "select " + ns.dbt.current_timestamp_in_utc_backcompat(), None)
    add("date", lambda ns, a: "select " + ns.dbt.date(2024, 2, 29), "2024-02-29")
    add("type_* casts", lambda ns, a: "select " + " || '|' || ".join(
        ns.dbt.cast(ns.dbt.cast(v, t), ns.dbt.type_string()) for v, t in [
            ("'x'", ns.dbt.type_string()), ("1.5", ns.dbt.type_float()), ("'2.25'", ns.dbt.type_numeric()),
            ("'7'", ns.dbt.type_bigint()), ("'8'", ns.dbt.type_int())]),
        {"sqlite": "x|1.5|2.25|7|8", "postgres": "x|1.5|2.250000|7|8"})
    add("type_boolean", lambda ns, a: "select " + ns.dbt.cast("1 = 1", ns.dbt.type_boolean()), {"sqlite": "1", "postgres": "t"})
    add("type_timestamp keeps ISO text", lambda ns, a: "select " + ns.dbt.cast("'2024-01-02 03:04:05'", ns.dbt.type_timestamp()),
        "2024-01-02 03:04:05")
    add("except", lambda ns, a: "select count(*) from (select id from orders " + getattr(ns.dbt, "except")() + " select id from orders where id < 3) s", "2")
    add("intersect", lambda ns, a: "select count(*) from (select id from orders " + ns.dbt.intersect() + " select id from orders where id < 3) s", "2")
    add("array_construct", lambda ns, a: "select " + ns.dbt.array_construct(["1", "2"]), {"sqlite": "[1,2]", "postgres": "{1,2}"})
    add("array_append", lambda ns, a: "select " + ns.dbt.array_append(ns.dbt.array_construct(["1", "2"]), "3"), {"sqlite": "[1,2,3]", "postgres": "{1,2,3}"})
    add("array_concat", lambda ns, a: "select " + ns.dbt.array_concat(ns.dbt.array_construct(["1", "2"]), ns.dbt.array_construct(["3", "4"])),
        {"sqlite": "[1,2,3,4]", "postgres": "{1,2,3,4}"})
    add("generate_series", lambda ns, a: "select count(*) || '/' || max(generated_number) from (" + ns.dbt.generate_series(37) + ") s", "37/37")
    add("get_powers_of_two", lambda ns, a: "select " + str(ns.dbt.get_powers_of_two(1)) + str(ns.dbt.get_powers_of_two(2))
        + str(ns.dbt.get_powers_of_two(3)) + str(ns.dbt.get_powers_of_two(1024)) + str(ns.dbt.get_powers_of_two(1025)), "1121011")
    add("dbt.date_spine", lambda ns, a: "select count(*) || '/' || min(date_day) from (" + ns.dbt.date_spine("day", D(a, "2024-01-01"), D(a, "2024-01-05")) + ") s",
        "4/2024-01-01 00:00:00")
    add("dbt_utils.date_spine month", lambda ns, a: "select count(*) || '/' || max(date_month) from (" + ns.dbt_utils.date_spine("month", D(a, "2024-01-01"), D(a, "2024-06-01")) + ") s",
        "5/2024-05-01 00:00:00")
    # dbt_utils SQL helpers
    add("generate_surrogate_key", lambda ns, a: "select " + ns.dbt_utils.generate_surrogate_key(["id", "status"]) + " from orders where id = 1", md5("1-placed"))
    add("generate_surrogate_key null", lambda ns, a: "select " + ns.dbt_utils.generate_surrogate_key(["id", "note"]) + " from orders where id = 4",
        md5("4-_dbt_utils_surrogate_key_null_"))
    add("star except", lambda ns, a: "select * from (select " + ns.dbt_utils.star(rel(a, "orders"), **{"except": ["note", "flag"]}) + " from orders) s where 1 = 0", None)
    add("star prefix", lambda ns, a: "select p_status from (select " + ns.dbt_utils.star(rel(a, "orders"), relation_alias="o", prefix="p_", **{"except": ["note"]}) + " from orders as o) s where p_id = 1",
        "placed")
    add("get_filtered_columns_in_relation", lambda ns, a: "select '" + ",".join(ns.dbt_utils.get_filtered_columns_in_relation(rel(a, "orders"), **{"except": ["NOTE", "flag"]})) + "'",
        "id,customer_id,status,amount,created_at,updated_at")
    add("union_relations", lambda ns, a: "select count(*) || '/' || count(extra_col) || '/' || count(distinct _dbt_source_relation) from (" + ns.dbt_utils.union_relations([rel(a, "orders"), rel(a, "orders_extra")]) + ") u",
        "6/1/2")
    add("union_relations include", lambda ns, a: "select count(*) from (" + ns.dbt_utils.union_relations([rel(a, "orders"), rel(a, "orders_extra")], include=["id", "status"], source_column_name=None) + ") u where status is not null",
        "6")
    add("pivot", lambda ns, a: "select sum(\"shipped\") || '/' || sum(placed_) from (select customer_id, " + ns.dbt_utils.pivot("status", ["placed", "shipped"]) + ", "
        + ns.dbt_utils.pivot("status", ["placed"], quote_identifiers=False, suffix=" ") + " from orders group by customer_id) p", "2/1")
    add("unpivot", lambda ns, a: "select count(*) || '/' || min(field_name) from (" + ns.dbt_utils.unpivot(rel(a, "orders"), cast_to=ns.dbt.type_string(), exclude=["id"], remove=["note", "flag", "amount", "created_at", "updated_at"]) + ") u",
        "8/customer_id")
    add("get_column_values", lambda ns, a: "select '" + ",".join(str(v) for v in ns.dbt_utils.get_column_values(rel(a, "orders"), "status", max_records=1)) + "'",
        "shipped")
    add("get_column_values default", lambda ns, a: "select '" + ",".join(ns.dbt_utils.get_column_values(rel(a, "missing_table"), "x", default=["d"])) + "'", "d")
    add("get_relations_by_pattern", lambda ns, a: "select '" + ",".join(sorted(r.identifier for r in ns.dbt_utils.get_relations_by_pattern(TARGETS[a]["schema"], "orders%", exclude="%extra"))) + "'",
        "orders,orders_copy")
    add("group_by", lambda ns, a: "select count(*) from (select customer_id, status, count(*) as n from orders " + ns.dbt_utils.group_by(2) + ") g", "4")
    add("safe_add", lambda ns, a: "select " + ns.dbt_utils.safe_add(["amount", "id"]) + " from orders where id = 4", "4")
    add("safe_subtract", lambda ns, a: "select " + ns.dbt_utils.safe_subtract(["id", "amount"]) + " from orders where id = 4", "4")
    add("safe_divide", lambda ns, a: "select coalesce(" + ns.dbt_utils.safe_divide("amount", "0") + ", -1) from orders where id = 1", "-1")
    add("deduplicate relation", lambda ns, a: "select count(*) || '/' || sum(id) from (" + ns.dbt_utils.deduplicate(rel(a, "orders"), "customer_id", "id desc") + ") d", "3/9")
    add("deduplicate cte", lambda ns, a: "with src as (select id, customer_id from orders) select count(*) || '/' || sum(id) from (" + ns.dbt_utils.deduplicate("src", "customer_id", "id desc") + ") d", "3/9")
    return c


# Generic tests: (package, test name, kwargs builder(a) -> dict, expected failing rows)
def generic_test_cases():
    c = []

    def add(package, name, build, expected):
        c.append((package, name, build, expected))

    R = rel
    U, E = "dbt_utils", "dbt_expectations"
    add(U, "expression_is_true", lambda a: dict(model=R(a, "orders"), expression="amount >= 10"), 0)
    add(U, "expression_is_true", lambda a: dict(model=R(a, "orders"), expression="amount > 10"), 1)
    add(U, "expression_is_true", lambda a: dict(model=R(a, "orders"), column_name="amount", expression=">= 20"), 1)
    add(U, "unique_combination_of_columns", lambda a: dict(model=R(a, "orders"), combination_of_columns=["customer_id", "status"]), 0)
    add(U, "unique_combination_of_columns", lambda a: dict(model=R(a, "orders"), combination_of_columns=["customer_id"], quote_columns=True), 1)
    add(U, "accepted_range", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=10, max_value=30), 0)
    add(U, "accepted_range", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=15), 1)
    add(U, "accepted_range", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=10, max_value=30, inclusive=False), 2)
    add(U, "not_null_proportion", lambda a: dict(model=R(a, "orders"), column_name="amount", at_least=0.75), 0)
    add(U, "not_null_proportion", lambda a: dict(model=R(a, "orders"), column_name="amount", at_least=0.8), 1)
    add(U, "not_null_proportion", lambda a: dict(model=R(a, "orders"), column_name="amount", at_least=0.5, group_by_columns=["customer_id"]), 1)
    add(U, "recency", lambda a: dict(model=R(a, "orders"), field="updated_at", datepart="day", interval=1), 1)
    add(U, "recency", lambda a: dict(model=R(a, "orders"), field="updated_at", datepart="day", interval=100000), 0)
    add(U, "recency", lambda a: dict(model=R(a, "orders"), field="updated_at", datepart="day", interval=100000, ignore_time_component=True, group_by_columns=["customer_id"]), 0)
    add(U, "at_least_one", lambda a: dict(model=R(a, "orders"), column_name="note"), 0)
    add(U, "at_least_one", lambda a: dict(model=R(a, "orders"), column_name="amount", group_by_columns=["customer_id"]), 1)
    add(U, "not_constant", lambda a: dict(model=R(a, "orders"), column_name="customer_id"), 0)
    add(U, "not_constant", lambda a: dict(model=R(a, "orders"), column_name="customer_id", group_by_columns=["status"]), 2)
    add(U, "relationships_where", lambda a: dict(model=R(a, "orders"), column_name="customer_id", to=R(a, "customers"), field="id"), 0)
    add(U, "relationships_where", lambda a: dict(model=R(a, "orders"), column_name="customer_id", to=R(a, "customers"), field="id", to_condition="id <> 12"), 1)
    add(U, "equal_rowcount", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "orders_copy")), 0)
    add(U, "equal_rowcount", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "customers")), 1)
    add(U, "equal_rowcount", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "orders_copy"), group_by_columns=["customer_id"]), 0)
    add(U, "not_empty_string", lambda a: dict(model=R(a, "orders"), column_name="note"), 2)
    add(U, "not_empty_string", lambda a: dict(model=R(a, "orders"), column_name="note", trim_whitespace=False), 1)
    add(U, "mutually_exclusive_ranges", lambda a: dict(model=R(a, "ranges"), lower_bound_column="lo", upper_bound_column="hi", partition_by="grp"), 0)
    add(U, "mutually_exclusive_ranges", lambda a: dict(model=R(a, "ranges"), lower_bound_column="lo", upper_bound_column="hi", partition_by="grp", gaps="not_allowed"), 1)
    add(U, "mutually_exclusive_ranges", lambda a: dict(model=R(a, "ranges"), lower_bound_column="lo", upper_bound_column="hi", partition_by="grp", gaps="required"), 1)
    add(U, "mutually_exclusive_ranges", lambda a: dict(model=R(a, "ranges"), lower_bound_column="lo", upper_bound_column="hi"), 1)
    add(U, "sequential_values", lambda a: dict(model=R(a, "orders"), column_name="id"), 0)
    add(U, "sequential_values", lambda a: dict(model=R(a, "orders"), column_name="id", interval=2), 3)
    add(U, "sequential_values", lambda a: dict(model=R(a, "orders"), column_name="created_at", datepart="day"), 0)
    add(U, "sequential_values", lambda a: dict(model=R(a, "orders"), column_name="id", group_by_columns=["customer_id"]), 0)
    add(U, "cardinality_equality", lambda a: dict(model=R(a, "orders"), column_name="customer_id", to=R(a, "customers"), field="id"), 2)
    add(U, "cardinality_equality", lambda a: dict(model=R(a, "orders"), column_name="customer_id", to=R(a, "orders_copy"), field="customer_id"), 0)

    add(E, "expect_column_values_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=0, max_value=30), 0)
    add(E, "expect_column_values_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="amount", max_value=25), 1)
    add(E, "expect_column_values_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=10, strictly=True), 1)
    add(E, "expect_column_values_to_be_in_set", lambda a: dict(model=R(a, "orders"), column_name="status", value_set=["placed", "shipped", "returned"]), 0)
    add(E, "expect_column_values_to_be_in_set", lambda a: dict(model=R(a, "orders"), column_name="status", value_set=["placed", "shipped"]), 1)
    add(E, "expect_column_values_to_be_in_set", lambda a: dict(model=R(a, "orders"), column_name="status", value_set=["placed", "shipped"], row_condition="id < 4"), 0)
    add(E, "expect_column_values_to_be_in_set", lambda a: dict(model=R(a, "orders"), column_name="customer_id", value_set=[10, 11], quote_values=False), 1)
    add(E, "expect_column_values_to_match_regex", lambda a: dict(model=R(a, "orders"), column_name="status", regex="^[a-z]+$"), 0)
    add(E, "expect_column_values_to_match_regex", lambda a: dict(model=R(a, "orders"), column_name="status", regex="^s"), 2)
    add(E, "expect_column_values_to_match_regex", lambda a: dict(model=R(a, "orders"), column_name="status", regex="^S", flags="i"), 2)
    add(E, "expect_column_values_to_match_regex", lambda a: dict(model=R(a, "orders"), column_name="note", regex="^a$"), 2)
    add(E, "expect_column_values_to_not_be_null", lambda a: dict(model=R(a, "orders"), column_name="amount"), 1)
    add(E, "expect_column_values_to_not_be_null", lambda a: dict(model=R(a, "orders"), column_name="amount", row_condition="id < 4"), 0)
    add(E, "expect_column_values_to_be_unique", lambda a: dict(model=R(a, "orders"), column_name="customer_id"), 1)
    add(E, "expect_column_values_to_be_unique", lambda a: dict(model=R(a, "orders"), column_name="customer_id", row_condition="status = 'shipped'"), 0)
    add(E, "expect_table_row_count_to_be_between", lambda a: dict(model=R(a, "orders"), min_value=1, max_value=4), 0)
    add(E, "expect_table_row_count_to_be_between", lambda a: dict(model=R(a, "orders"), max_value=3), 1)
    add(E, "expect_table_row_count_to_be_between", lambda a: dict(model=R(a, "orders"), max_value=1, group_by=["customer_id"]), 1)
    add(E, "expect_table_row_count_to_equal_other_table", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "orders_copy")), 0)
    add(E, "expect_table_row_count_to_equal_other_table", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "customers")), 1)
    add(E, "expect_table_row_count_to_equal_other_table", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "orders_copy"), group_by=["customer_id"], compare_group_by=["customer_id"]), 0)
    add(E, "expect_table_row_count_to_equal_other_table", lambda a: dict(model=R(a, "orders"), compare_model=R(a, "orders_copy"), factor=2), 1)
    add(E, "expect_column_to_exist", lambda a: dict(model=R(a, "orders"), column_name="amount"), 0)
    add(E, "expect_column_to_exist", lambda a: dict(model=R(a, "orders"), column_name="nope"), 1)
    add(E, "expect_column_to_exist", lambda a: dict(model=R(a, "orders"), column_name="AMOUNT", column_index=4), 0)
    add(E, "expect_column_to_exist", lambda a: dict(model=R(a, "orders"), column_name="amount", column_index=1), 1)
    add(E, "expect_column_value_lengths_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="status", min_value=6, max_value=8), 0)
    add(E, "expect_column_value_lengths_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="status", max_value=7), 1)
    add(E, "expect_compound_columns_to_be_unique", lambda a: dict(model=R(a, "orders"), column_list=["customer_id", "status"]), 0)
    add(E, "expect_compound_columns_to_be_unique", lambda a: dict(model=R(a, "orders"), column_list=["customer_id"], quote_columns=True), 1)
    add(E, "expect_compound_columns_to_be_unique", lambda a: dict(model=R(a, "orders"), column_list=["customer_id", "amount"], ignore_row_if="any_value_is_missing"), 0)
    add(E, "expect_column_distinct_count_to_equal", lambda a: dict(model=R(a, "orders"), column_name="customer_id", value=3), 0)
    add(E, "expect_column_distinct_count_to_equal", lambda a: dict(model=R(a, "orders"), column_name="customer_id", value=4), 1)
    add(E, "expect_column_distinct_count_to_equal", lambda a: dict(model=R(a, "orders"), column_name="status", value=1, group_by=["customer_id"]), 1)
    add(E, "expect_column_mean_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=19, max_value=21), 0)
    add(E, "expect_column_mean_to_be_between", lambda a: dict(model=R(a, "orders"), column_name="amount", min_value=25), 1)
    add(E, "expect_row_values_to_have_recent_data", lambda a: dict(model=R(a, "orders"), column_name="updated_at", datepart="day", interval=1), 1)
    add(E, "expect_row_values_to_have_recent_data", lambda a: dict(model=R(a, "orders"), column_name="updated_at", datepart="day", interval=100000), 0)
    add(E, "expect_row_values_to_have_recent_data", lambda a: dict(model=R(a, "orders"), column_name="updated_at", datepart="day", interval=1, row_condition="id > 99"), 1)
    add(E, "expect_column_pair_values_A_to_be_greater_than_B", lambda a: dict(model=R(a, "orders"), column_A="amount", column_B="id"), 0)
    add(E, "expect_column_pair_values_A_to_be_greater_than_B", lambda a: dict(model=R(a, "orders"), column_A="id", column_B="amount"), 3)
    add(E, "expect_column_pair_values_A_to_be_greater_than_B", lambda a: dict(model=R(a, "orders"), column_A="id", column_B="id", or_equal=True), 0)
    return c


# Macros that only produce names or raise: (label, fn(ns, a) -> value, expected)
def render_cases():
    node = SimpleNamespace(name="orders", version=None)
    versioned = SimpleNamespace(name="orders", version="1.5")
    return [
        ("generate_schema_name default", lambda ns, a: ns.dbt.generate_schema_name(None, node), lambda a: TARGETS[a]["schema"]),
        ("generate_schema_name custom", lambda ns, a: ns.dbt.generate_schema_name(" marts ", node), lambda a: TARGETS[a]["schema"] + "_marts"),
        ("generate_schema_name_for_env", lambda ns, a: ns.dbt.generate_schema_name_for_env("marts", node), lambda a: TARGETS[a]["schema"]),
        ("generate_alias_name default", lambda ns, a: ns.dbt.generate_alias_name(None, node), lambda a: "orders"),
        ("generate_alias_name custom", lambda ns, a: ns.dbt.generate_alias_name(" o2 ", node), lambda a: "o2"),
        ("generate_alias_name versioned", lambda ns, a: ns.dbt.generate_alias_name(None, versioned), lambda a: "orders_v1_5"),
        ("generate_database_name default", lambda ns, a: ns.dbt.generate_database_name(None, node), lambda a: TARGETS[a]["database"]),
        ("generate_database_name custom", lambda ns, a: ns.dbt.generate_database_name("analytics", node), lambda a: "analytics"),
        ("slugify", lambda ns, a: ns.dbt_utils.slugify("Hello  World-2!") + "|" + ns.dbt_utils.slugify("1st value"), lambda a: "hello_world_2|_1st_value"),
        ("group_by text", lambda ns, a: ns.dbt_utils.group_by(3), lambda a: "group by 1,2,3"),
        ("type names", lambda ns, a: ",".join(str(getattr(ns.dbt, "type_" + t)()) for t in ("string", "timestamp", "float", "numeric", "bigint", "int", "boolean")),
         lambda a: {"sqlite": "TEXT,TEXT,REAL,NUMERIC,INTEGER,INTEGER,INTEGER"}.get(a, "TEXT,timestamp,float,numeric(28,6),bigint,integer,boolean")),
    ]


# Calls that must fail with a compiler error: (label, fn(ns, a), fragment of the message)
def error_cases():
    return [
        ("surrogate_key is removed", lambda ns, a: ns.dbt_utils.surrogate_key(["id"]), "has been replaced by `dbt_utils.generate_surrogate_key`"),
        ("star needs a relation", lambda ns, a: ns.dbt_utils.star("orders"), "Macro star expected a Relation but received the value: orders"),
        ("union include+exclude", lambda ns, a: ns.dbt_utils.union_relations([], include=["a"], exclude=["b"]), "Only one is allowed"),
        ("get_column_values missing", lambda ns, a: ns.dbt_utils.get_column_values(rel(a, "missing_table"), "x"), "does not exist and no default value was provided"),
        ("datediff bad part", lambda ns, a: ns.dbt.datediff("a", "b", "fortnight") if a == "postgres" else (_ for _ in ()).throw(CompilerError("Unsupported datepart")), "Unsupported datepart"),
        ("between needs a bound", lambda ns, a: ns.dbt_expectations.test_expect_column_values_to_be_between(model=rel(a, "orders"), column_name="id"), "either a min_value, max_value or both"),
        ("gaps value", lambda ns, a: ns.dbt_utils.test_mutually_exclusive_ranges(model=rel(a, "ranges"), lower_bound_column="lo", upper_bound_column="hi", gaps="maybe"), "must be one of ['not_allowed', 'allowed', 'required']"),
        ("ignore_row_if value", lambda ns, a: ns.dbt_expectations.test_expect_compound_columns_to_be_unique(model=rel(a, "orders"), column_list=["id"], ignore_row_if="never"), "`ignore_row_if` must be one of"),
        ("date validates", lambda ns, a: ns.dbt.date(2023, 2, 29), "day is out of range"),
    ]


# --------------------------------------------------------------------------- running

class Checker:
    def __init__(self, verbose):
        self.verbose = verbose
        self.failures: list[str] = []
        self.stats: dict[str, int] = {}
        self.dispatched: set[str] = set()

    def note(self, how):
        self.stats[how] = self.stats.get(how, 0) + 1

    def fail(self, label, adapter_type, message, sql=None):
        text = f"FAIL [{adapter_type}] {label}: {message}"
        if sql is not None:
            text += "\n" + "\n".join("      " + line for line in str(sql).strip().splitlines())
        self.failures.append(text)
        print(text)

    def ok(self, label, adapter_type, how):
        self.note(f"{adapter_type}: {how}")
        if self.verbose:
            print(f"ok   [{adapter_type}] {label} ({how})")


def normalise(value):
    if value is None:
        return None
    text = str(value)
    try:
        number = float(text)
        return str(int(number)) if number == int(number) else repr(number)
    except ValueError:
        return text


def build_env():
    return jinja2.Environment(extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined,
                              keep_trailing_newline=True)


def run_adapter(adapter_type, checker, warehouse, standin_warehouse=None):
    """Render every case for one adapter; run it when a warehouse is given."""
    env = build_env()
    context: dict = dict(env.globals)  # range, namespace, dict, ...
    holder: dict = {}
    ctx, adapter = make_context(adapter_type, holder, warehouse, TARGETS[adapter_type], standin_warehouse)
    context.update(ctx)
    holder.update(load_library(env, context))
    ns = SimpleNamespace(**holder)

    def execute(label, sql):
        """Run SQL; returns (rows, how) or raises."""
        if warehouse is None or warehouse.kind == "render-only":
            return None, "render-only"
        try:
            return warehouse.query(sql).rows, f"{warehouse.kind}" if warehouse.kind != "sqlite" else "sqlite3"
        except sqlite3.OperationalError as e:
            if standin_warehouse is not None and ("no such function" in str(e) or "REGEXP" in str(e).upper()):
                return standin_warehouse.query(sql).rows, "sqlite3+standins"
            raise

    def reset_context():
        context["config"] = Config()

    for label, build, expected in expression_cases():
        reset_context()
        sql = None
        try:
            sql = str(build(ns, adapter_type))
            rows, how = execute(label, sql)
        except Exception as e:  # noqa: BLE001
            if "3.44" in label and adapter_type == "sqlite" and sqlite3.sqlite_version_info < (3, 44):
                checker.ok(label, adapter_type, f"render-only (needs SQLite 3.44, have {sqlite3.sqlite_version})")
                continue
            checker.fail(label, adapter_type, f"{type(e).__name__}: {e}", sql)
            if checker.verbose:
                traceback.print_exc()
            continue
        if rows is not None:
            want = expected.get(adapter_type) if isinstance(expected, dict) else expected
            got = normalise(rows[0][0]) if rows else None
            if want is not None and got != normalise(want):
                checker.fail(label, adapter_type, f"expected {want!r}, got {got!r}", sql)
                continue
        checker.ok(label, adapter_type, how)

    for package, name, build, expected in generic_test_cases():
        reset_context()
        label = f"{package}.{name}"
        sql = None
        try:
            macro = getattr(ns, package).macros["test_" + name]
            sql = str(macro(**build(adapter_type)))
            if warehouse is None or warehouse.kind == "render-only":
                checker.ok(label, adapter_type, "render-only")
                continue
            fail_calc = context["config"].get("fail_calc", "count(*)")
            rows, how = execute(label, f"select {fail_calc} from (\n{sql}\n) as dbt_internal_test")
        except Exception as e:  # noqa: BLE001
            checker.fail(label, adapter_type, f"{type(e).__name__}: {e}", sql)
            if checker.verbose:
                traceback.print_exc()
            continue
        got = int(float(rows[0][0])) if rows and rows[0][0] is not None else 0
        if got != expected:
            checker.fail(label, adapter_type, f"expected {expected} failures, got {got} ({build(adapter_type)})", sql)
            continue
        checker.ok(label, adapter_type, how)

    for label, build, expected in render_cases():
        reset_context()
        try:
            got = str(build(ns, adapter_type)).strip()
        except Exception as e:  # noqa: BLE001
            checker.fail(label, adapter_type, f"{type(e).__name__}: {e}")
            continue
        if got != expected(adapter_type):
            checker.fail(label, adapter_type, f"expected {expected(adapter_type)!r}, got {got!r}")
            continue
        checker.ok(label, adapter_type, "rendered value")

    for label, build, fragment in error_cases():
        reset_context()
        try:
            build(ns, adapter_type)
        except (CompilerError, ValueError) as e:
            if fragment in str(e):
                checker.ok(label, adapter_type, "raises")
                continue
            checker.fail(label, adapter_type, f"wrong error: {e}")
            continue
        except Exception as e:  # noqa: BLE001
            checker.fail(label, adapter_type, f"unexpected {type(e).__name__}: {e}")
            continue
        checker.fail(label, adapter_type, "expected a compiler error")

    # parse time (execute = false): introspecting macros must not touch the warehouse
    context["execute"] = False
    try:
        assert ns.dbt_utils.star(rel(adapter_type, "orders")) == "*"
        assert ns.dbt_utils.union_relations([rel(adapter_type, "orders")]) == ""
        assert ns.dbt_utils.get_column_values(rel(adapter_type, "orders"), "status") == []
        assert ns.dbt_utils.get_relations_by_pattern("x", "y") == []
        assert str(ns.dbt_utils.get_filtered_columns_in_relation(rel(adapter_type, "orders"))) == ""
        assert ns.dbt.get_intervals_between("a", "b", "day") == 1
        assert str(ns.dbt_expectations.test_expect_column_to_exist(model=rel(adapter_type, "orders"), column_name="x")).strip() == ""
        checker.ok("parse-time placeholders", adapter_type, "rendered value")
    except Exception as e:  # noqa: BLE001
        checker.fail("parse-time placeholders", adapter_type, f"{type(e).__name__}: {e}")
    context["execute"] = True
    checker.dispatched.update(adapter.dispatched)
    return holder


def main():
    parser = argparse.ArgumentParser(description="check ingot's built-in macros with jinja2, sqlite3 and PostgreSQL")
    parser.add_argument("--no-postgres", action="store_true", help="render the postgres variants only")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    checker = Checker(args.verbose)
    started = time.time()

    stock = SqliteWarehouse(standins=False)
    stock.conn.executescript(SEED_SQL["sqlite"])
    standin = SqliteWarehouse(standins=True)
    standin.conn.executescript(SEED_SQL["sqlite"])
    holder = run_adapter("sqlite", checker, stock, standin)

    server = None
    postgres = None
    if not args.no_postgres:
        try:
            server = LocalPostgres()
            port = server.start()
            postgres = PostgresWarehouse(port, server.dir)
            postgres.query(SEED_SQL["postgres"])
        except Exception as e:  # noqa: BLE001
            print(f"note: no PostgreSQL ({e}); postgres variants are render-only")
            if server:
                server.stop()
            server, postgres = None, None
    try:
        run_adapter("postgres", checker, postgres or RenderOnlyWarehouse())
    finally:
        if server:
            server.stop()
    run_adapter("redshift", checker, RenderOnlyWarehouse())

    # every dispatchable adapter variant should have been exercised at least once
    defined = {f"{p}.{m}" for p, nsp in holder.items() for m in nsp.macros if "__" in m and not m.startswith("_")}
    unused = sorted(d for d in defined if d not in checker.dispatched)
    print(f"\n{len(checker.failures)} failure(s); {time.time() - started:.1f}s")
    for how, n in sorted(checker.stats.items()):
        print(f"  {n:4d}  {how}")
    if unused:
        print("  variants never dispatched: " + ", ".join(unused))
    if WARNINGS and args.verbose:
        print("  warnings: " + "; ".join(sorted(set(WARNINGS))))
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
