#!/usr/bin/env python3
"""Acceptance on a project nobody here wrote: dbt's jaffle_shop, unchanged.

    python3 scripts/jaffle_shop_acceptance.py --jaffle /path/to/jaffle_shop [--dbt /path/to/venv/bin/dbt]

Builds the project twice from scratch - with ingot on SQLite and with dbt-core on DuckDB (the
venv must have dbt-duckdb; bench/compile_bench.py sets one up in bench/.venv-dbt) - then compares
every table row by row after sorting (numbers rounded to 6 places, dates as ISO text). Prints one
line per table and exits 1 on any difference. The jaffle_shop checkout is not part of ingot: bring
it in beside the project (it is public: dbt-labs/jaffle_shop).
"""
import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def normalise(rows):
    def cell(v):
        if v is None:
            return None
        if isinstance(v, (int, float)) or hasattr(v, "as_tuple"):
            return round(float(v), 6)
        return str(v)
    return sorted((tuple(cell(v) for v in r) for r in rows), key=repr)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jaffle", required=True, help="a checkout of dbt-labs/jaffle_shop")
    p.add_argument("--dbt", default=os.path.join(ROOT, "bench/.venv-dbt/bin/dbt"))
    p.add_argument("--ingot", default=os.path.join(ROOT, ".build/release/ingot"))
    args = p.parse_args()
    work = tempfile.mkdtemp(prefix="jaffle-acceptance-")
    project = os.path.join(work, "jaffle_shop")
    shutil.copytree(args.jaffle, project, ignore=shutil.ignore_patterns(".git", "target", "logs"))
    sqlite_db = os.path.join(work, "ingot.db")
    duck_db = os.path.join(work, "dbt.duckdb")
    with open(os.path.join(work, "profiles.yml"), "w") as f:
        f.write(f"""jaffle_shop:
  target: sqlite
  outputs:
    sqlite: {{type: sqlite, threads: 4, schema: main, schemas_and_paths: {{main: {sqlite_db}}}, schema_directory: {work}}}
    duckdb: {{type: duckdb, path: {duck_db}, threads: 4}}
""")
    timings = {}
    for name, cmd in [("ingot", [args.ingot, "build", "--profiles-dir", work]),
                      ("dbt", [args.dbt, "build", "--profiles-dir", work, "--target", "duckdb"])]:
        start = time.perf_counter()
        run = subprocess.run(cmd, cwd=project, capture_output=True, text=True)
        timings[name] = time.perf_counter() - start
        if run.returncode != 0:
            print(run.stdout[-3000:], run.stderr[-3000:])
            sys.exit(f"{name} build failed (exit {run.returncode})")
        print(f"{name} build: ok in {timings[name]:.2f}s")
    bin_dir = os.path.dirname(args.dbt)
    py = os.path.join(bin_dir, "python")
    compare = f"""
import duckdb, sqlite3, json, sys
d = duckdb.connect({duck_db!r}, read_only=True)
tables = [r[0] for r in d.execute("select table_name from information_schema.tables").fetchall()]
out = {{}}
for t in tables:
    out[t] = d.execute(f'select * from "{{t}}"').fetchall()
print(json.dumps({{k: [list(map(lambda v: None if v is None else (float(v) if hasattr(v, 'as_tuple') or isinstance(v, (int, float)) else str(v)), r)) for r in rows] for k, rows in out.items()}}))
"""
    dumped = subprocess.run([py, "-c", compare], capture_output=True, text=True, check=True).stdout
    import json
    dbt_tables = json.loads(dumped)
    s = sqlite3.connect(sqlite_db)
    failed = False
    for table in sorted(dbt_tables):
        a = normalise(dbt_tables[table])
        b = normalise(s.execute(f'select * from "{table}"').fetchall())
        same = a == b
        failed |= not same
        print(f"{table:16} dbt {len(a):4} rows  ingot {len(b):4} rows  {'EQUAL' if same else 'DIFFERENT'}")
    print(f"wall: ingot {timings['ingot']:.2f}s, dbt {timings['dbt']:.2f}s ({timings['dbt'] / timings['ingot']:.1f}x)")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
