#!/usr/bin/env python3
"""Validate ingot's artifacts against dbt's published schemas with dbt-artifacts-parser.

dbt-artifacts-parser holds pydantic models generated from dbt's JSON schemas
(https://schemas.getdbt.com/); a manifest that parses there is one dbt's tooling reads.

Usage: scripts/validate_artifacts.py target/manifest.json [more artifacts...]

The kind of each artifact is taken from its metadata.dbt_schema_version (manifest,
run_results, catalog, sources). Exits 0 when every file parses, 1 with the pydantic
error otherwise, 2 when dbt-artifacts-parser is not installed
(pip install -r requirements-dev.txt).
"""

import json
import sys

try:
    from dbt_artifacts_parser import parser
except ImportError:  # pragma: no cover
    print("dbt-artifacts-parser is not installed: pip install -r requirements-dev.txt", file=sys.stderr)
    sys.exit(2)

PARSERS = {
    "manifest": parser.parse_manifest,
    "run-results": parser.parse_run_results,
    "catalog": parser.parse_catalog,
    "sources": parser.parse_sources,
}


def kind_of(artifact: dict) -> str:
    version = artifact.get("metadata", {}).get("dbt_schema_version", "")
    # https://schemas.getdbt.com/dbt/manifest/v12.json -> manifest
    parts = version.rstrip("/").split("/")
    if len(parts) < 2 or parts[-2] not in PARSERS:
        raise ValueError(f"unknown dbt_schema_version {version!r}")
    return parts[-2]


def validate(path: str) -> bool:
    try:
        with open(path, encoding="utf-8") as f:
            artifact = json.load(f)
        kind = kind_of(artifact)
        PARSERS[kind](artifact)
    except Exception as error:  # pydantic.ValidationError, ValueError, OSError, JSONDecodeError
        print(f"{path}: INVALID\n{error}", file=sys.stderr)
        return False
    print(f"{path}: valid {kind} ({artifact['metadata']['dbt_schema_version']})")
    return True


def main(argv: list) -> int:
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    results = [validate(p) for p in argv]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
