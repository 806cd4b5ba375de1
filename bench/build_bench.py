#!/usr/bin/env python3
"""Build benchmark: `ingot build` (embedded SQLite) against `dbt build` (dbt-core 1.11 +
dbt-duckdb) on the same synthetic projects, in one run.

    python3 bench/build_bench.py                          # 100 and 1,000 models, both tools
    python3 bench/build_bench.py --sizes 100 --runs 5 --dbt-runs 3
    python3 bench/build_bench.py --no-dbt --no-build

For each size it generates the project with ../shared/bench/gen_synth_project.py, then measures
whole processes: a first build on a fresh database and a second build on the built one (the
incremental models then run incrementally), medians of --runs for ingot and --dbt-runs for dbt.
It also builds a project of trivial models (`select 1 as id`, views, no tests) to bound the time
ingot spends per node outside the warehouse: wall time / nodes, an upper bound since it includes
SQLite's own work. Results go to bench/results/build_bench-<date>.json. Reuses compile_bench.py's
ingot build and dbt venv (bench/.venv-dbt).
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compile_bench as cb  # noqa: E402


def fresh(project, db_files):
    cb.clean(project)
    for f in db_files:
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(f + suffix)
            except FileNotFoundError:
                pass


def bench_tool(label, argv, project, env, runs, db_files):
    firsts, seconds = [], []
    for _ in range(runs):
        fresh(project, db_files)
        firsts.append(cb.measure(argv, cwd=project, env=env, label=f"{label} first build"))
        seconds.append(cb.measure(argv, cwd=project, env=env, label=f"{label} second build"))
    return {"first": cb.summarize(firsts), "second": cb.summarize(seconds)}


def trivial_project(workdir, n):
    path = os.path.join(workdir, f"trivial{n}")
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(os.path.join(path, "models"))
    with open(os.path.join(path, "dbt_project.yml"), "w") as f:
        f.write("name: trivial\nversion: '1.0'\nprofile: trivial\nmodels:\n  trivial:\n    +materialized: view\n")
    with open(os.path.join(path, "profiles.yml"), "w") as f:
        f.write(f"trivial:\n  target: dev\n  outputs:\n    dev: {{type: sqlite, threads: 1, schema: main, "
                f"schemas_and_paths: {{main: {path}/t.db}}, schema_directory: {path}}}\n")
    for i in range(n):
        with open(os.path.join(path, "models", f"m{i:05d}.sql"), "w") as f:
            f.write("select 1 as id\n")
    return path


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--dbt-runs", type=int, default=1)
    p.add_argument("--no-dbt", action="store_true")
    p.add_argument("--no-build", action="store_true")
    p.add_argument("--trivial", type=int, default=1000, help="models in the per-node overhead project")
    args = p.parse_args()
    if not os.path.isfile(cb.GENERATOR):
        cb.die(f"the project generator is missing: {cb.GENERATOR} (../shared beside the repository)")
    ingot = cb.build_ingot(args.no_build)
    dbt = None if args.no_dbt else cb.setup_dbt()
    workdir = tempfile.mkdtemp(prefix="ingot-build-bench-")
    results = {"date": datetime.datetime.now().isoformat(timespec="seconds"), "sizes": {}}
    for size in args.sizes:
        project = cb.generate(size, workdir)
        env = dict(os.environ, SYNTH_SQLITE_PATH=os.path.join(workdir, f"synth{size}.sqlite"),
                   SYNTH_DUCKDB_PATH=os.path.join(workdir, f"synth{size}.duckdb"), SYNTH_THREADS="2")
        entry = {}
        cb.log(f"{size} models: ingot build …")
        entry["ingot"] = bench_tool("ingot", [ingot, "build", "--target", "sqlite", "--threads", "2"], project, env,
                                    args.runs, [env["SYNTH_SQLITE_PATH"]])
        if dbt:
            cb.log(f"{size} models: dbt build …")
            entry["dbt"] = bench_tool("dbt", [dbt, "build", "--target", "duckdb", "--threads", "2"], project, env,
                                      args.dbt_runs, [env["SYNTH_DUCKDB_PATH"]])
            for phase in ("first", "second"):
                entry[f"ratio_{phase}"] = entry["dbt"][phase]["median_s"] / entry["ingot"][phase]["median_s"]
        results["sizes"][str(size)] = entry
        ing = entry["ingot"]
        line = f"{size:6} models  ingot first {ing['first']['median_s']:.3f}s second {ing['second']['median_s']:.3f}s"
        if dbt:
            d = entry["dbt"]
            line += (f" | dbt first {d['first']['median_s']:.2f}s second {d['second']['median_s']:.2f}s"
                     f" | ratio {entry['ratio_first']:.1f}x / {entry['ratio_second']:.1f}x")
        cb.log(line)
    trivial = trivial_project(workdir, args.trivial)
    samples = []
    for _ in range(args.runs):
        fresh(trivial, [os.path.join(trivial, "t.db")])
        samples.append(cb.measure([ingot, "build", "--threads", "1"], cwd=trivial, label="trivial build"))
    s = cb.summarize(samples)
    per_node_ms = s["median_s"] / args.trivial * 1000
    results["trivial"] = {"models": args.trivial, **s, "per_node_ms": per_node_ms}
    cb.log(f"trivial: {args.trivial} views in {s['median_s']:.3f}s median -> {per_node_ms:.3f} ms per node "
           f"(upper bound on ingot's own time per node; goal < 2 ms)")
    os.makedirs(os.path.join(cb.BENCH, "results"), exist_ok=True)
    out = os.path.join(cb.BENCH, "results", f"build_bench-{datetime.date.today().isoformat()}.json")
    with open(out, "w") as f:
        json.dump(results, f, indent=2)
    cb.log(f"wrote {os.path.relpath(out, cb.ROOT)}")


if __name__ == "__main__":
    main()
