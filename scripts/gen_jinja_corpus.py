#!/usr/bin/env python3
"""Regenerate the Jinja differential test corpus from scripts/jinja_corpus_cases.py.

For every case this writes into Tests/JinjaTests/Corpus/cases/:

  NAME.txt  line 1: the context as compact single-line JSON
            line 2: exactly ---
            rest:   the template, verbatim
  NAME.out  the rendered output (UTF-8), when rendering succeeds
  NAME.err  one line "ExceptionClassName: first line of message", when
            parsing or rendering raises

Cases whose name starts with ``err_`` or ``strict_err_`` must raise; all
others must render.  Cases whose name starts with ``strict_`` are rendered with
``undefined=jinja2.StrictUndefined``.  Any violation makes the script exit
non-zero.  Files from earlier runs that no longer correspond to a case are
deleted.

Usage: python3 scripts/gen_jinja_corpus.py [--check]
  --check   do not write anything; exit non-zero if the corpus on disk differs
"""

from __future__ import annotations

import json
import os
import re
import sys

import jinja2

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT_DIR = os.path.join(ROOT, "Tests", "JinjaTests", "Corpus", "cases")

sys.path.insert(0, HERE)
from jinja_corpus_cases import CASES  # noqa: E402

PREFIXES = (
    "expr_", "stmt_", "loop_", "set_", "macro_", "call_", "filter_", "test_",
    "global_", "method_", "ws_", "raw_", "dbt_", "err_", "strict_",
)
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)+$")
EXPECTED_JINJA = "3.1."


def fail(msg: str) -> None:
    print(f"gen_jinja_corpus: error: {msg}", file=sys.stderr)
    sys.exit(1)


def context_json(name: str, ctx: dict) -> str:
    if not isinstance(ctx, dict):
        fail(f"{name}: context must be a dict")
    try:
        text = json.dumps(ctx, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        fail(f"{name}: context is not JSON-serialisable: {e}")
    if "\n" in text or "\r" in text:
        fail(f"{name}: context JSON is not single-line")

    # The Swift side only ever sees the JSON, so the context must survive a
    # round trip unchanged (no tuples, no int dict keys, ...).
    def same(a, b) -> bool:
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            return list(a.keys()) == list(b.keys()) and all(same(a[k], b[k]) for k in a)
        if isinstance(a, list):
            return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
        return a == b

    if not same(ctx, json.loads(text)):
        fail(f"{name}: context does not round-trip through JSON (tuples? non-string keys?)")
    return text


def make_env(strict: bool) -> jinja2.Environment:
    kwargs = {"extensions": ["jinja2.ext.do"]}
    if strict:
        kwargs["undefined"] = jinja2.StrictUndefined
    return jinja2.Environment(**kwargs)


def render(env: jinja2.Environment, template: str, ctx_text: str):
    """Return ("out", text) or ("err", line)."""
    ctx = json.loads(ctx_text)
    try:
        out = env.from_string(template).render(**ctx)
    except Exception as e:  # noqa: BLE001 - every exception is a result here
        lines = str(e).splitlines()
        first = lines[0] if lines else ""
        return "err", f"{type(e).__name__}: {first}".rstrip() + "\n"
    return "out", out


def main() -> None:
    check = "--check" in sys.argv[1:]
    if not jinja2.__version__.startswith(EXPECTED_JINJA):
        fail(f"expected jinja2 {EXPECTED_JINJA}x, found {jinja2.__version__}")

    envs = {False: make_env(False), True: make_env(True)}
    files: dict[str, bytes] = {}
    seen: set[str] = set()
    n_render = n_err = 0
    problems: list[str] = []

    for i, case in enumerate(CASES):
        if not isinstance(case, dict):
            fail(f"case #{i} is not a dict")
        unknown = set(case) - {"name", "context", "template", "strict"}
        if unknown:
            fail(f"case #{i}: unknown keys {sorted(unknown)}")
        name = case.get("name")
        if not isinstance(name, str) or not NAME_RE.match(name):
            fail(f"case #{i}: bad name {name!r} (snake_case required)")
        if not name.startswith(PREFIXES):
            fail(f"{name}: name must start with one of {', '.join(PREFIXES)}")
        if name in seen:
            fail(f"{name}: duplicate case name")
        seen.add(name)
        template = case.get("template")
        if not isinstance(template, str):
            fail(f"{name}: template must be a str")
        strict = name.startswith("strict_")
        if "strict" in case and bool(case["strict"]) != strict:
            fail(f"{name}: 'strict' flag must match the strict_ name prefix")
        must_fail = name.startswith(("err_", "strict_err_"))

        ctx_text = context_json(name, case.get("context", {}))
        files[name + ".txt"] = (ctx_text + "\n---\n" + template).encode("utf-8")

        kind, result = render(envs[strict], template, ctx_text)
        if kind == "err":
            if not must_fail:
                problems.append(f"{name}: raised but is not an err_ case: {result.strip()}")
            files[name + ".err"] = result.encode("utf-8")
            n_err += 1
        else:
            if must_fail:
                problems.append(f"{name}: is an err_ case but rendered {result!r}")
            files[name + ".out"] = result.encode("utf-8")
            n_render += 1

    if problems:
        for p in problems:
            print(f"gen_jinja_corpus: error: {p}", file=sys.stderr)
        fail(f"{len(problems)} case(s) did not behave as their name says")

    existing = set(os.listdir(OUT_DIR)) if os.path.isdir(OUT_DIR) else set()
    if check:
        diffs = sorted(existing ^ set(files))
        for fn, data in files.items():
            if fn in existing:
                with open(os.path.join(OUT_DIR, fn), "rb") as f:
                    if f.read() != data:
                        diffs.append(fn)
        if diffs:
            fail("corpus out of date: " + ", ".join(sorted(diffs)[:20]))
    else:
        os.makedirs(OUT_DIR, exist_ok=True)
        for fn in sorted(existing - set(files)):
            os.remove(os.path.join(OUT_DIR, fn))
        for fn in sorted(files):
            path = os.path.join(OUT_DIR, fn)
            try:
                with open(path, "rb") as f:
                    if f.read() == files[fn]:
                        continue
            except FileNotFoundError:
                pass
            with open(path, "wb") as f:
                f.write(files[fn])

    print(f"{len(CASES)} cases: {n_render} render, {n_err} errors")


if __name__ == "__main__":
    main()
