#!/usr/bin/env python3
"""Render-only benchmark: ingot's Jinja engine against Python's jinja2 on the same corpus.

Both sides use every case of Tests/JinjaTests/Corpus/cases that has a `.out` file, parse each
template once, build each context once, check one render against `.out`, then time renders
only: a repetition count is calibrated so that one sample lasts at least --min-sample-ms, and
the median of --samples samples is taken (ns per render). Cases whose render mutates the
context (`{% do xs.append(1) %}`) get a fresh context per render, built before the timed loop.

The Swift side is the `jinja-bench` executable (Sources/JinjaBench), built in release mode
unless --no-build. Results go to bench/results/jinja_bench-<date>.json.

    python3 bench/jinja_bench.py [--samples 5] [--min-sample-ms 20] [--filter PREFIX]...
                                 [--no-build] [--top 15] [--output FILE]

Exits non-zero only on errors (a build failure, a render that differs from `.out`), never
because of the ratio.
"""

import argparse
import datetime
import gc
import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "Tests", "JinjaTests", "Corpus", "cases")
TARGET_RATIO = 20.0


def die(message):
    print(f"jinja_bench: {message}", file=sys.stderr)
    sys.exit(1)


def load_cases(filters, corpus=CORPUS):
    cases = []
    for file in sorted(os.listdir(corpus)):
        if not file.endswith(".txt"):
            continue
        name = file[:-4]
        if filters and not any(name.startswith(f) for f in filters):
            continue
        out_path = os.path.join(corpus, name + ".out")
        if not os.path.exists(out_path):
            continue
        with open(os.path.join(corpus, file), encoding="utf-8", newline="") as f:
            text = f.read()
        context, sep, template = text.partition("\n---\n")
        if not sep:
            die(f"{file}: no '---' separator line")
        with open(out_path, encoding="utf-8", newline="") as f:
            expected = f.read()
        cases.append((name, context, template, expected))
    return cases


def median(xs):
    return statistics.median(xs)


def bench_python(cases, samples, min_sample_ms, clock_name="wall"):
    import jinja2

    envs = {
        False: jinja2.Environment(extensions=["jinja2.ext.do"]),
        True: jinja2.Environment(extensions=["jinja2.ext.do"], undefined=jinja2.StrictUndefined),
    }
    min_sample_ns = min_sample_ms * 1_000_000
    clock = time.perf_counter_ns if clock_name == "wall" else time.process_time_ns
    results = {}
    for name, context_json, source, expected in cases:
        template = envs[name.startswith("strict_")].from_string(source)
        ctx = json.loads(context_json)
        before = json.dumps(ctx)
        try:
            output = template.render(**ctx)
        except Exception as e:  # noqa: BLE001 - report any failure of the reference
            die(f"{name}: jinja2 render failed: {type(e).__name__}: {e}")
        if output != expected:
            die(f"{name}: jinja2 output differs from .out")
        fresh = json.dumps(ctx) != before

        def sample(reps):
            if fresh:
                contexts = [json.loads(context_json) for _ in range(reps)]
                render = template.render
                gc_was = gc.isenabled()
                gc.disable()
                t0 = clock()
                for c in contexts:
                    render(**c)
                t1 = clock()
            else:
                render = template.render
                rng = range(reps)
                gc_was = gc.isenabled()
                gc.disable()  # as timeit does
                t0 = clock()
                for _ in rng:
                    render(**ctx)
                t1 = clock()
            if gc_was:
                gc.enable()
            return (t1 - t0) / reps

        reps = 1
        while True:
            per = sample(reps)
            if per * reps >= min_sample_ns:
                break
            target = math.ceil(min_sample_ns * 1.1 / max(per, 1))
            reps = min(max(reps * 2, target), reps * 100)
        times = [sample(reps) for _ in range(samples)]
        results[name] = {"ns_per_render": median(times), "reps": reps, "fresh_context": fresh}
    return results


def swift_binary(build):
    if build:
        print("building jinja-bench (release)…", file=sys.stderr)
        r = subprocess.run(["swift", "build", "-c", "release", "--product", "jinja-bench"], cwd=ROOT)
        if r.returncode != 0:
            die("swift build failed")
    r = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                       capture_output=True, text=True)
    if r.returncode != 0:
        die("swift build --show-bin-path failed")
    path = os.path.join(r.stdout.strip(), "jinja-bench")
    if not os.path.exists(path):
        die(f"{path} not found (build it or drop --no-build)")
    return path


def bench_swift(binary, samples, min_sample_ms, filters, corpus, clock_name="wall"):
    cmd = [binary, "--samples", str(samples), "--min-sample-ms", str(min_sample_ms), "--corpus", corpus,
           "--clock", clock_name]
    for f in filters:
        cmd += ["--filter", f]
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        die(f"jinja-bench exited with {r.returncode}")
    results = {}
    for line in r.stdout.splitlines():
        if line.strip():
            row = json.loads(line)
            results[row["name"]] = row
    return results


def swift_version():
    try:
        r = subprocess.run(["swift", "--version"], capture_output=True, text=True)
        return r.stdout.strip().splitlines()[0] if r.stdout else r.stderr.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--samples", type=int, default=5, help="timing samples per case (median taken)")
    ap.add_argument("--min-sample-ms", type=float, default=20.0, help="minimum duration of one sample")
    ap.add_argument("--filter", action="append", default=[], metavar="PREFIX", help="only cases with this name prefix")
    ap.add_argument("--clock", choices=["wall", "cpu"], default="wall",
                    help="wall: perf_counter_ns / CLOCK_MONOTONIC (default); cpu: process CPU time on both "
                         "sides, steadier when other work shares the machine")
    ap.add_argument("--no-build", action="store_true", help="use the existing release build of jinja-bench")
    ap.add_argument("--top", type=int, default=15, help="rows in each of the slowest/fastest tables")
    ap.add_argument("--corpus", default=CORPUS, help="directory of NAME.txt/NAME.out cases (default: the Jinja corpus)")
    ap.add_argument("--output", help="results file (default bench/results/jinja_bench-<date>.json)")
    args = ap.parse_args()
    if args.samples < 1 or args.min_sample_ms <= 0:
        die("--samples and --min-sample-ms must be positive")

    import jinja2

    cases = load_cases(args.filter, args.corpus)
    if not cases:
        die("no cases selected")
    binary = swift_binary(not args.no_build)

    started = datetime.datetime.now()
    print(f"jinja2 {jinja2.__version__}: {len(cases)} cases…", file=sys.stderr)
    py = bench_python(cases, args.samples, args.min_sample_ms, args.clock)
    print("ingot jinja-bench…", file=sys.stderr)
    sw = bench_swift(binary, args.samples, args.min_sample_ms, args.filter, args.corpus, args.clock)

    rows = []
    for name, _, _, _ in cases:
        if name not in sw:
            die(f"{name}: missing from jinja-bench output")
        j, i = py[name]["ns_per_render"], sw[name]["ns_per_render"]
        rows.append({"name": name, "jinja2_ns": round(j, 1), "ingot_ns": round(i, 1),
                     "ratio": round(j / i, 2), "fresh_context": py[name]["fresh_context"] or sw[name]["fresh_context"]})

    ratios = [r["ratio"] for r in rows]
    summary = {
        "cases": len(rows),
        "median_ratio": round(statistics.median(ratios), 2),
        "geometric_mean_ratio": round(math.exp(sum(math.log(r) for r in ratios) / len(ratios)), 2),
        "aggregate_ratio": round(sum(r["jinja2_ns"] for r in rows) / sum(r["ingot_ns"] for r in rows), 2),
        "min_ratio": min(ratios),
        "max_ratio": max(ratios),
        "cases_below_20x": sum(1 for r in ratios if r < TARGET_RATIO),
        "median_jinja2_ns": round(statistics.median(r["jinja2_ns"] for r in rows), 1),
        "median_ingot_ns": round(statistics.median(r["ingot_ns"] for r in rows), 1),
        "fresh_context_cases": [r["name"] for r in rows if r["fresh_context"]],
    }

    by_ratio = sorted(rows, key=lambda r: r["ratio"])
    width = max(len(r["name"]) for r in rows)

    def table(title, subset):
        print(f"\n{title}")
        print(f"  {'case':<{width}}  {'jinja2 ns':>11}  {'ingot ns':>10}  {'ratio':>7}")
        for r in subset:
            print(f"  {r['name']:<{width}}  {r['jinja2_ns']:>11.0f}  {r['ingot_ns']:>10.0f}  {r['ratio']:>6.1f}x")

    top = min(args.top, len(rows))
    table(f"Lowest ratios (ingot's weakest cases, {top})", by_ratio[:top])
    table(f"Highest ratios ({top})", list(reversed(by_ratio[-top:])))
    print()
    print(f"cases:                      {summary['cases']} (samples {args.samples}, min sample {args.min_sample_ms} ms, {args.clock} clock)")
    print(f"median ratio (jinja2/ingot): {summary['median_ratio']:.2f}x")
    print(f"geometric mean ratio:        {summary['geometric_mean_ratio']:.2f}x")
    print(f"aggregate (sum/sum):         {summary['aggregate_ratio']:.2f}x")
    print(f"range:                       {summary['min_ratio']:.2f}x … {summary['max_ratio']:.2f}x")
    print(f"cases below {TARGET_RATIO:.0f}x:             {summary['cases_below_20x']}")
    print(f"median ns/render:            jinja2 {summary['median_jinja2_ns']:.0f}, ingot {summary['median_ingot_ns']:.0f}")

    output = args.output or os.path.join(ROOT, "bench", "results", f"jinja_bench-{started:%Y-%m-%d}.json")
    os.makedirs(os.path.dirname(output), exist_ok=True)
    record = {
        "date": started.isoformat(timespec="seconds"),
        "command": " ".join([os.path.relpath(sys.argv[0], ROOT)] + sys.argv[1:]),
        "machine": {"platform": platform.platform(), "processor": platform.machine(), "cpus": os.cpu_count()},
        "python": platform.python_version(),
        "jinja2": jinja2.__version__,
        "swift": swift_version(),
        "options": {"samples": args.samples, "min_sample_ms": args.min_sample_ms, "filter": args.filter,
                    "clock": args.clock},
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "summary": summary,
        "cases": rows,
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(record, f, indent=1)
        f.write("\n")
    print(f"results: {os.path.relpath(output, ROOT)}")


if __name__ == "__main__":
    main()
