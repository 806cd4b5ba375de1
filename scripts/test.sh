#!/usr/bin/env bash
# Runs every check ingot has: the generated-file checks, a short fuzz pass of the Jinja engine,
# and the Swift test suite. Sets up what it needs on first use (a Python venv under .venv for
# the harness scripts); works without ../shared (tests on that data say they were skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
if [ ! -x "$venv/bin/python" ]; then
    echo "== setting up $venv (harness Python packages from requirements-dev.txt)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r requirements-dev.txt
fi
export INGOT_PYTHON="$PWD/$venv/bin/python"

echo "== built-in macros embedded in the binary are up to date"
"$INGOT_PYTHON" scripts/embed_macros.py --check

echo "== Jinja corpus matches Python jinja2"
"$INGOT_PYTHON" scripts/gen_jinja_corpus.py --check

echo "== build (debug, with tests)"
swift build --build-tests

echo "== Jinja fuzzer, short pass"
# A debug build on a shared CI machine is slow: a finding is a crash or a hang, not a slow input.
swift run --skip-build jinja-fuzz --iterations "${INGOT_FUZZ_ITERATIONS:-3000}" --seed "${INGOT_FUZZ_SEED:-1}" --slow 30

echo "== swift test"
swift test --skip-build
