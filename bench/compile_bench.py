#!/usr/bin/env python3
"""Parse + compile benchmark: ingot against dbt-core 1.11 on synthetic projects, in one run.

Generates synthetic dbt projects (default 1,000 and 10,000 models) with
../shared/bench/gen_synth_project.py (beside the repository root), builds ingot in release mode
(unless --no-build), sets up dbt-core + dbt-duckdb in a virtual environment it owns
(bench/.venv-dbt, unless --no-dbt), then measures, whole processes only:

  start-up   `ingot --version` (median of --version-runs, ms) and `dbt --help`
  per size   ingot: `ingot parse` then `ingot compile` (--target sqlite), each on its own and
             summed per repetition (the goal's "parse + compile"), plus a lone `ingot compile`
             (which parses too) from an empty target/; medians of --runs
             dbt:   `dbt parse --no-partial-parse` then `dbt compile` (--target duckdb; the
             compile reuses the parse's target/partial_parse.msgpack, as dbt does by default),
             medians of --dbt-runs; at 10,000 models only with --dbt-10k (minutes per run)

Wall time is measured around spawn and reap; peak RSS is the child's `ru_maxrss` from
os.wait4 (KiB on Linux). Every repetition starts from a project without target/ and logs/.
The ratio is dbt / ingot. Results go to bench/results/compile_bench-<date>.json.

    python3 bench/compile_bench.py                      # build, set up dbt, 1k with dbt, 10k ingot only
    python3 bench/compile_bench.py --dbt-10k            # also dbt at 10k (about 6-7 min per run)
    python3 bench/compile_bench.py --no-dbt --no-build --sizes 10000 --runs 9

Exits non-zero on errors (a failed build or command), never because a goal is missed.
Python 3 standard library only.
"""

import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
GENERATOR = os.path.join(os.path.dirname(ROOT), "shared", "bench", "gen_synth_project.py")
VENV = os.path.join(BENCH, ".venv-dbt")
DBT_REQUIREMENTS = ["dbt-core<1.12", "dbt-duckdb"]

# Issue 3's goals.
GOAL_VERSION_MS = 20.0
GOAL_10K_SECONDS = 1.5
GOAL_PEAK_RSS_MB = 300.0  # megabytes (10^6 bytes)
GOAL_RATIO_1K = 100.0


def die(message):
    print(f"compile_bench: {message}", file=sys.stderr)
    sys.exit(1)


def log(message):
    print(message, flush=True)


# MARK: - Running and measuring


def measure(argv, cwd=None, env=None, label=None):
    """Runs argv to completion; returns (wall seconds, peak RSS KiB). Dies on a non-zero exit."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            tail = out.read().decode("utf-8", "replace")[-4000:]
            die(f"{label or ' '.join(argv)} exited with {proc.returncode} (in {cwd}):\n{tail}")
    return wall, usage.ru_maxrss


def clean(project):
    for d in ("target", "logs"):
        shutil.rmtree(os.path.join(project, d), ignore_errors=True)


def summarize(samples):
    """samples: list of (wall, rss). Median wall, its spread, and the largest peak RSS."""
    walls = [w for w, _ in samples]
    return {
        "median_s": statistics.median(walls),
        "min_s": min(walls),
        "max_s": max(walls),
        "peak_rss_kib": max(r for _, r in samples),
        "samples_s": [round(w, 4) for w in walls],
    }


def output_of(argv, env=None):
    try:
        return subprocess.run(argv, env=env, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError) as e:
        return f"unknown ({e})"


# MARK: - Set-up


def build_ingot(skip):
    if not skip:
        log("building ingot (swift build -c release --product ingot) …")
        r = subprocess.run(["swift", "build", "-c", "release", "--product", "ingot"], cwd=ROOT)
        if r.returncode != 0:
            die("swift build failed")
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                          capture_output=True, text=True)
    binary = os.path.join(path.stdout.strip(), "ingot") if path.returncode == 0 else ""
    if not os.path.isfile(binary):
        binary = os.path.join(ROOT, ".build", "release", "ingot")
    if not os.path.isfile(binary):
        die(f"no ingot binary at {binary} (run without --no-build)")
    return binary


def setup_dbt():
    dbt = os.path.join(VENV, "bin", "dbt")
    if not os.path.isfile(dbt):
        log(f"setting up dbt-core in {os.path.relpath(VENV, ROOT)} (pip install {' '.join(DBT_REQUIREMENTS)}) …")
        if subprocess.run([sys.executable, "-m", "venv", VENV]).returncode != 0:
            die("could not create the virtual environment")
        pip = [os.path.join(VENV, "bin", "python"), "-m", "pip", "install", "--quiet"]
        if subprocess.run(pip + DBT_REQUIREMENTS).returncode != 0:
            die("pip install of dbt-core failed")
    return dbt


def generate(size, workdir):
    out = os.path.join(workdir, f"synth{size}")
    if not os.path.isdir(out):
        r = subprocess.run([sys.executable, GENERATOR, "--models", str(size), "--out", out], capture_output=True, text=True)
        if r.returncode != 0:
            die(f"gen_synth_project.py failed:\n{r.stderr}")
        log(r.stdout.strip())
    return out


# MARK: - The tools


def bench_ingot(binary, project, runs):
    common = ["--project-dir", project, "--profiles-dir", project, "--target", "sqlite"]
    parse_argv = [binary, "parse"] + common
    compile_argv = [binary, "compile"] + common
    clean(project)
    measure(parse_argv, cwd=project)  # warm-up: file cache
    measure(compile_argv, cwd=project)
    parse, comp, total, alone = [], [], [], []
    for _ in range(runs):
        clean(project)
        p = measure(parse_argv, cwd=project)
        c = measure(compile_argv, cwd=project)
        parse.append(p)
        comp.append(c)
        total.append((p[0] + c[0], max(p[1], c[1])))
    for _ in range(runs):
        clean(project)
        alone.append(measure(compile_argv, cwd=project))
    clean(project)
    return {
        "parse": summarize(parse),
        "compile": summarize(comp),
        "parse_then_compile": summarize(total),
        "compile_alone": summarize(alone),
        "commands": [" ".join(parse_argv[1:2] + ["…"]), " ".join(compile_argv[1:2] + ["…"])],
    }


def dbt_env(workdir):
    env = dict(os.environ)
    env["SYNTH_DUCKDB_PATH"] = os.path.join(workdir, "synth.duckdb")
    env["DBT_SEND_ANONYMOUS_USAGE_STATS"] = "false"  # no network calls in the timings
    env["DO_NOT_TRACK"] = "1"
    env.pop("DBT_PROFILES_DIR", None)
    return env


def bench_dbt(dbt, project, runs, env):
    common = ["--project-dir", project, "--profiles-dir", project, "--target", "duckdb"]
    parse_argv = [dbt, "parse", "--no-partial-parse"] + common
    compile_argv = [dbt, "compile"] + common
    parse, comp, total = [], [], []
    for i in range(runs):
        clean(project)
        p = measure(parse_argv, cwd=project, env=env)
        c = measure(compile_argv, cwd=project, env=env)
        log(f"    dbt run {i + 1}/{runs}: parse {p[0]:.1f} s, compile {c[0]:.1f} s")
        parse.append(p)
        comp.append(c)
        total.append((p[0] + c[0], max(p[1], c[1])))
    clean(project)
    return {
        "parse": summarize(parse),
        "compile": summarize(comp),
        "parse_then_compile": summarize(total),
        "commands": ["dbt parse --no-partial-parse …", "dbt compile …"],
    }


# MARK: - Report


def fmt_s(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def fmt_rss(kib):
    return f"{kib * 1024 / 1e6:.0f} MB"


def report(results):
    lines = []
    su = results["startup"]
    lines.append("")
    lines.append(f"start-up: ingot --version {su['ingot_version']['median_s'] * 1000:.1f} ms "
                 f"(median of {len(su['ingot_version']['samples_s'])}; spawning /bin/true costs "
                 f"{su['spawn_baseline']['median_s'] * 1000:.1f} ms)"
                 + (f", dbt --help {su['dbt_help']['median_s']:.2f} s" if "dbt_help" in su else ""))
    lines.append("")
    header = f"{'models':>7}  {'step':<20} {'ingot':>10} {'ingot RSS':>10} {'dbt':>10} {'dbt RSS':>9} {'dbt/ingot':>10}"
    lines.append(header)
    lines.append("-" * len(header))
    for size, r in results["sizes"].items():
        ing, dbt = r["ingot"], r.get("dbt")
        for step, title in (("parse", "parse"), ("compile", "compile"), ("parse_then_compile", "parse + compile"),
                            ("compile_alone", "compile alone")):
            if step not in ing:
                continue
            i = ing[step]
            row = f"{size:>7}  {title:<20} {fmt_s(i['median_s']):>10} {fmt_rss(i['peak_rss_kib']):>10}"
            if dbt and step in dbt:
                d = dbt[step]
                row += f" {fmt_s(d['median_s']):>10} {fmt_rss(d['peak_rss_kib']):>9} {d['median_s'] / i['median_s']:>9.0f}x"
            lines.append(row)
    lines.append("")
    lines.append("goals:")
    for g in results["goals"]:
        lines.append(f"  [{'met' if g['met'] else 'MISSED'}] {g['goal']}: {g['measured']}")
    return "\n".join(lines)


def goals(results):
    out = []
    v = results["startup"]["ingot_version"]["median_s"] * 1000
    out.append({"goal": f"ingot --version under {GOAL_VERSION_MS:.0f} ms", "measured": f"{v:.1f} ms", "met": v < GOAL_VERSION_MS})
    big = results["sizes"].get("10000")
    if big:
        t = big["ingot"]["parse_then_compile"]
        out.append({"goal": f"10,000 models parse + compile under {GOAL_10K_SECONDS} s wall",
                    "measured": f"{t['median_s']:.2f} s", "met": t["median_s"] < GOAL_10K_SECONDS})
        mb = t["peak_rss_kib"] * 1024 / 1e6
        out.append({"goal": f"10,000 models peak RSS under {GOAL_PEAK_RSS_MB:.0f} MB",
                    "measured": f"{mb:.0f} MB", "met": mb < GOAL_PEAK_RSS_MB})
    small = results["sizes"].get("1000")
    if small and small.get("dbt"):
        ratio = small["dbt"]["parse_then_compile"]["median_s"] / small["ingot"]["parse_then_compile"]["median_s"]
        out.append({"goal": f"1,000 models at least {GOAL_RATIO_1K:.0f}x faster than dbt parse --no-partial-parse + dbt compile",
                    "measured": f"{ratio:.0f}x", "met": ratio >= GOAL_RATIO_1K})
    return out


# MARK: - Main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated model counts (default 1000,10000)")
    ap.add_argument("--runs", type=int, default=5, help="ingot repetitions per size (default 5)")
    ap.add_argument("--dbt-runs", type=int, default=3, help="dbt repetitions per size (default 3)")
    ap.add_argument("--dbt-10k-runs", type=int, default=1, help="dbt repetitions at 10,000+ models (default 1)")
    ap.add_argument("--version-runs", type=int, default=20, help="`ingot --version` repetitions (default 20)")
    ap.add_argument("--no-build", action="store_true", help="reuse the release binary")
    ap.add_argument("--ingot", help="time this ingot binary instead of building one (implies --no-build)")
    ap.add_argument("--no-dbt", action="store_true", help="time ingot only")
    ap.add_argument("--dbt-10k", action="store_true", help="also run dbt at 10,000 models and more (minutes per run)")
    ap.add_argument("--workdir", help="where the projects go (default: a fresh temporary directory, removed after)")
    ap.add_argument("--output", help="results JSON (default bench/results/compile_bench-<date>.json)")
    args = ap.parse_args()

    if not os.path.isfile(GENERATOR):
        die(f"the project generator is missing: {GENERATOR}\n"
            "  (expected ../shared/bench/gen_synth_project.py beside the repository root)")
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]

    if args.ingot:
        binary = os.path.abspath(args.ingot)
        if not os.path.isfile(binary):
            die(f"no ingot binary at {binary}")
    else:
        binary = build_ingot(args.no_build)
    dbt = None if args.no_dbt else setup_dbt()

    output = args.output or os.path.join(BENCH, "results", f"compile_bench-{datetime.date.today().isoformat()}.json")
    os.makedirs(os.path.dirname(output), exist_ok=True)

    def save(results):
        with open(output, "w", encoding="utf-8") as f:
            json.dump(results, f, indent=2)
            f.write("\n")

    own_workdir = args.workdir is None
    workdir = tempfile.mkdtemp(prefix="ingot-compile-bench-") if own_workdir else os.path.abspath(args.workdir)
    os.makedirs(workdir, exist_ok=True)
    env = dbt_env(workdir)
    try:
        results = {
            "date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()},
            "ingot": {"binary": binary, "version": output_of([binary, "--version"])},
            "dbt": None if dbt is None else {"version": output_of([dbt, "--version"], env=env)},
            "workdir": workdir,
            "load_average_at_start": list(os.getloadavg()),
            "complete": False,
            "startup": {},
            "sizes": {},
        }
        log("start-up …")
        measure([binary, "--version"])
        results["startup"]["spawn_baseline"] = summarize([measure(["/bin/true"]) for _ in range(args.version_runs)])
        results["startup"]["ingot_version"] = summarize([measure([binary, "--version"]) for _ in range(args.version_runs)])
        if dbt:
            results["startup"]["dbt_help"] = summarize([measure([dbt, "--help"], env=env) for _ in range(3)])

        for size in sizes:
            project = generate(size, workdir)
            log(f"{size} models: ingot × {args.runs} …")
            entry = {"ingot": bench_ingot(binary, project, args.runs)}
            log(f"    ingot parse + compile {fmt_s(entry['ingot']['parse_then_compile']['median_s'])}")
            if dbt and (size < 10000 or args.dbt_10k):
                runs = args.dbt_runs if size < 10000 else args.dbt_10k_runs
                log(f"{size} models: dbt × {runs} …")
                entry["dbt"] = bench_dbt(dbt, project, runs, env)
                entry["ratio_dbt_over_ingot"] = {
                    step: entry["dbt"][step]["median_s"] / entry["ingot"][step]["median_s"]
                    for step in ("parse", "compile", "parse_then_compile")
                }
            results["sizes"][str(size)] = entry
            results["goals"] = goals(results)
            save(results)  # after every size, so an interrupted run keeps what it measured
        results["complete"] = True
    finally:
        if own_workdir:
            shutil.rmtree(workdir, ignore_errors=True)

    results["goals"] = goals(results)
    save(results)
    print(report(results))
    log(f"\nwrote {os.path.relpath(output, os.getcwd())}")


if __name__ == "__main__":
    main()
