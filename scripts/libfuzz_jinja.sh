#!/usr/bin/env bash
# Builds a libFuzzer target for the Jinja engine (Sources/Jinja + Fuzz/LibFuzzerEntry.swift,
# instrumented with -sanitize=fuzzer,address) and runs it with the differential corpus as seeds.
#
#   scripts/libfuzz_jinja.sh [RUNS] [extra libFuzzer flags…]     # default 100000 runs
#
# OrderedCollections (Jinja's one dependency) is taken from SwiftPM's release build, not
# instrumented. New inputs libFuzzer finds go to .build/libfuzz/corpus; crashes to
# .build/libfuzz/crash-*. Exit status: libFuzzer's (0 when nothing was found).
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-100000}"
shift || true
out=.build/libfuzz
mkdir -p "$out/seeds" "$out/corpus"

# Release objects and module of OrderedCollections (and InternalCollectionsUtilities).
swift build -c release --product jinja-fuzz >/dev/null
bin="$(swift build -c release --show-bin-path)"

sources=()
while IFS= read -r f; do sources+=("$f"); done < <(find Sources/Jinja -name '*.swift' | sort)
objects=()
for dir in OrderedCollections InternalCollectionsUtilities; do
    for o in "$bin/$dir.build"/*.o; do objects+=("$o"); done
done

if [[ ! -x "$out/jinja-libfuzz" || -n "$(find Sources/Jinja Fuzz -newer "$out/jinja-libfuzz" -name '*.swift' | head -1)" ]]; then
    echo "libfuzz_jinja: compiling $out/jinja-libfuzz" >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name Jinja -package-name ingot \
        -swift-version 6 -I "$bin/Modules" "${sources[@]}" Fuzz/LibFuzzerEntry.swift "${objects[@]}" \
        -o "$out/jinja-libfuzz"
fi

# Seeds: the template part of every corpus case (the lines after `---`).
for f in Tests/JinjaTests/Corpus/cases/*.txt; do
    sed '1,/^---$/d' "$f" > "$out/seeds/$(basename "$f" .txt)"
done

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
exec "$out/jinja-libfuzz" -runs="$runs" -timeout=10 -rss_limit_mb=4096 -max_len=65536 \
    -artifact_prefix="$out/" -print_final_stats=1 "$@" "$out/corpus" "$out/seeds"
