#!/usr/bin/env python3
"""Embed ingot's built-in macro library into the Compile module.

Reads every .sql file under Sources/Compile/Macros/<package>/ (package is dbt,
dbt_utils or dbt_expectations) and writes
Sources/Compile/BuiltinMacros/BuiltinMacroSources.swift, which holds each file's
text as a raw string literal so the `ingot` binary carries the macros itself.

    scripts/embed_macros.py           regenerate the Swift file
    scripts/embed_macros.py --check   exit 1 if the Swift file is stale (for CI)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MACROS_DIR = ROOT / "Sources" / "Compile" / "Macros"
OUTPUT = ROOT / "Sources" / "Compile" / "BuiltinMacros" / "BuiltinMacroSources.swift"
PACKAGES = ("dbt", "dbt_utils", "dbt_expectations")


def macro_files() -> list[tuple[str, str, str]]:
    """(package, path inside the package, source) for every macro file, sorted."""
    found = []
    for package in PACKAGES:
        package_dir = MACROS_DIR / package
        if not package_dir.is_dir():
            continue
        for file in sorted(package_dir.rglob("*.sql")):
            relative = file.relative_to(package_dir).as_posix()
            source = file.read_text(encoding="utf-8")
            found.append((package, "macros/" + relative, source))
    unexpected = sorted(
        p.name for p in MACROS_DIR.iterdir() if p.is_dir() and p.name not in PACKAGES
    ) if MACROS_DIR.is_dir() else []
    if unexpected:
        raise SystemExit(f"unknown macro package folder(s): {', '.join(unexpected)}")
    return found


def raw_literal(text: str) -> str:
    """A Swift multi-line raw string literal holding `text` exactly.

    A raw literal with n '#' ends at '\"\"\"' followed by n '#', so n is one more
    than the longest run of '#' after any '\"\"\"' (or '\"') in the text; with it,
    no content can close the literal early or start an interpolation ('\\#(').
    """
    longest = 0
    for marker in ('"', '\\'):
        start = 0
        while (i := text.find(marker, start)) != -1:
            j = i + 1
            while j < len(text) and text[j] == "#":
                j += 1
            longest = max(longest, j - i - 1)
            start = i + 1
    hashes = "#" * (longest + 1)
    # The closing delimiter sits on its own line: the content's last line break is the
    # literal's, so a trailing newline is added and the closing line has no indent.
    return f'{hashes}"""\n{text}\n"""{hashes}'


def render(files: list[tuple[str, str, str]]) -> str:
    out = [
        "// GENERATED FILE - DO NOT EDIT.",
        "// The sources of ingot's built-in macro library (packages dbt, dbt_utils and",
        "// dbt_expectations), compiled into the binary. Edit the .sql files under",
        "// Sources/Compile/Macros/ and regenerate with `python3 scripts/embed_macros.py`;",
        "// `python3 scripts/embed_macros.py --check` fails when this file is stale.",
        "",
        "/// One macro file of a built-in package.",
        "struct BuiltinMacroFile: Sendable {",
        "    /// `dbt`, `dbt_utils` or `dbt_expectations`.",
        "    let package: String",
        "    /// Path inside the package, e.g. `macros/cross_db/datediff.sql`.",
        "    let path: String",
        "    /// The file's Jinja source.",
        "    let source: String",
        "}",
        "",
        "enum BuiltinMacroSources {",
        "    static let files: [BuiltinMacroFile] = [",
    ]
    for package, path, source in files:
        out.append("        BuiltinMacroFile(")
        out.append(f'            package: "{package}",')
        out.append(f'            path: "{path}",')
        out.append("            source: " + raw_literal(source))
        out.append("        ),")
    out.append("    ]")
    out.append("}")
    return "\n".join(out) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if the generated file is missing or stale")
    args = parser.parse_args()

    generated = render(macro_files())
    current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else None
    if args.check:
        if current != generated:
            print(f"{OUTPUT.relative_to(ROOT)} is stale: run python3 scripts/embed_macros.py",
                  file=sys.stderr)
            return 1
        return 0
    if current != generated:
        OUTPUT.parent.mkdir(parents=True, exist_ok=True)
        OUTPUT.write_text(generated, encoding="utf-8")
        print(f"wrote {OUTPUT.relative_to(ROOT)} ({len(generated)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
