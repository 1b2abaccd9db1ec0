#!/usr/bin/env python3
"""Make the API-description extracts the conformance tests read (tests/data/api-specs/).

The vendors' full descriptions are large (up to 3 MB each) and live outside the repository. The tests need only
the operations they match and the schemas, parameters and responses those refer to, so each extract keeps exactly
that, plus a top-level ``x-exadesk-extract`` naming its source file, version and licence.

Two steps (see tests/data/api-specs/README.md):

    # 1. which operations do the tests use? Runs every test that calls load_spec against the full descriptions.
    .venv/bin/python scripts/extract_api_specs.py --collect /path/to/api-specs
    # 2. write the extract of one or more full descriptions (the path below "api-specs/" names the extract)
    .venv/bin/python scripts/extract_api_specs.py /path/to/api-specs/zendesk/oas.yaml ...

Step 1 writes tests/data/api-specs/operations.json; step 2 reads it.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.conformance import (  # noqa: E402  (the repository root is on the path only now)
    EXTRACTS_DIR, FULL_SPECS_VAR, METHODS, USAGE_VAR, _load_document, extract_path)

USAGE_FILE = EXTRACTS_DIR / "operations.json"
#: Who publishes the descriptions in each folder (named where a description states no licence).
VENDORS = {"asana": "Asana", "azure-devops": "Microsoft", "freshdesk": "Freshworks", "freshservice": "Freshworks",
           "github": "GitHub", "jira-cloud": "Atlassian", "jira-dc": "Atlassian", "zendesk": "Zendesk"}
#: Top-level keys an extract keeps besides paths and what they refer to (how and where the API is served).
KEPT_TOP_LEVEL = ("openapi", "swagger", "servers", "host", "basePath", "schemes", "x-extraction")


def collect(full_specs: Path) -> dict[str, list[str]]:
    """Run every test that calls load_spec against the full descriptions; the operations they matched, per file."""
    # The extracts' own test compares them with what the tests use: it cannot pass while they are being remade.
    own_test = ROOT / "tests" / "sandbox" / "test_api_spec_extracts.py"
    tests = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests").rglob("test_*.py")
                   if p != own_test and "load_spec(" in p.read_text(encoding="utf-8"))
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl", delete=False) as usage:
        usage_path = usage.name
    try:
        env = dict(os.environ, **{FULL_SPECS_VAR: str(full_specs), USAGE_VAR: usage_path,
                                  "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")})
        run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests], cwd=ROOT,
                             env=env)
        if run.returncode != 0:
            raise SystemExit(f"extract_api_specs: the conformance tests failed against {full_specs}; "
                             "fix them first (an extract made from a failing run would miss operations)")
        used: dict[str, set[str]] = {}
        for line in Path(usage_path).read_text(encoding="utf-8").splitlines():
            hit = json.loads(line)
            ops = used.setdefault(hit["spec"], set())
            if "method" in hit:
                ops.add(f'{hit["method"].upper()} {hit["path"]}')
    finally:
        os.unlink(usage_path)
    return {spec: sorted(ops) for spec, ops in sorted(used.items())}


def _pointer_parts(pointer: str) -> list[str]:
    return [p.replace("~1", "/").replace("~0", "~") for p in pointer[2:].split("/")] if pointer != "#" else []


def _refs(node) -> list[str]:
    """Every local $ref inside ``node``."""
    found, stack = [], [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                found.append(ref)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _copy_at(source: dict, target: dict, parts: list[str]) -> object:
    """Copy source's node at ``parts`` into ``target`` at the same place; the node copied."""
    node, out = source, target
    for i, part in enumerate(parts):
        node = node[part]
        if i == len(parts) - 1:
            out[part] = copy.deepcopy(node)
        else:
            out = out.setdefault(part, {})
    return node


def trim(document: dict, operations: list[str]) -> dict:
    """The document with only ``operations`` ("GET /path/template") and everything they refer to, transitively."""
    wanted: dict[str, set[str]] = {}
    for op in operations:
        method, template = op.split(" ", 1)
        wanted.setdefault(template, set()).add(method.lower())
    out: dict = {key: copy.deepcopy(document[key]) for key in KEPT_TOP_LEVEL if key in document}
    paths: dict = {}
    for template, methods in wanted.items():
        item = document["paths"][template]  # KeyError: the description no longer has an operation the tests use
        kept = {k: v for k, v in item.items() if k not in METHODS or k in methods}
        missing = methods - set(kept)
        if missing:
            raise SystemExit(f"extract_api_specs: {template} has no {sorted(missing)} operation in this description")
        paths[template] = copy.deepcopy(kept)
    out["paths"] = paths
    pending, done = _refs(paths), set()
    while pending:
        ref = pending.pop()
        if ref in done:
            continue
        done.add(ref)
        parts = _pointer_parts(ref)
        if parts and parts[0] == "paths":
            pending.extend(_refs(_copy_at(document, out, parts)))
            continue
        # Copy the whole named component (say #/components/schemas/X), not only the part a pointer reaches into.
        depth = 3 if parts[:1] == ["components"] else 2
        pending.extend(_refs(_copy_at(document, out, parts[:depth])))
    return out


def provenance(source: Path, relative: str, document: dict) -> dict:
    """Where an extract comes from: the source file, its version and its licence."""
    info = document.get("info") or {}
    vendor = VENDORS.get(relative.split("/", 1)[0], "its vendor")
    extraction = document.get("x-extraction") or {}
    version = info.get("version") or extraction.get("taken_from", "not stated")
    licence = info.get("license")
    if isinstance(licence, dict):
        licence = " ".join(str(licence[k]) for k in ("name", "url") if licence.get(k))
    if not licence:
        terms = info.get("termsOfService")
        licence = f"as published by {vendor} (no licence stated; terms of service: {terms})" if terms else \
            f"as published by {vendor} (no licence stated)"
    return {"source": f"api-specs/{relative}", "source_sha256": hashlib.sha256(source.read_bytes()).hexdigest(),
            "title": info.get("title", ""), "version": str(version), "licence": licence, "publisher": vendor,
            "made_by": "scripts/extract_api_specs.py (only the operations the tests use and what they refer to)"}


def extract(source: Path, usage: dict[str, list[str]]) -> Path | None:
    """Write the extract of ``source``; None when no test loads that description."""
    relative = source.resolve().as_posix().split("/api-specs/", 1)[-1]
    if relative not in usage:
        return None
    document = _load_document(source)
    out = {"x-exadesk-extract": provenance(source, relative, document), **trim(document, usage[relative])}
    target = extract_path(relative)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(out, ensure_ascii=False, separators=(",", ":"), default=str)
    target.write_text(text + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--collect", metavar="API_SPECS_DIR", type=Path,
                        help="run the conformance tests against the full descriptions in this folder and record "
                             "the operations they use in tests/data/api-specs/operations.json")
    parser.add_argument("sources", nargs="*", type=Path, metavar="DESCRIPTION",
                        help="a vendor's full description, under a folder named api-specs")
    args = parser.parse_args(argv)
    if not args.collect and not args.sources:
        parser.error("name --collect API_SPECS_DIR, or full descriptions to extract")
    if args.collect:
        usage = collect(args.collect.resolve())
        USAGE_FILE.parent.mkdir(parents=True, exist_ok=True)
        USAGE_FILE.write_text(json.dumps(usage, indent=1) + "\n", encoding="utf-8")
        print(f"{sum(map(len, usage.values()))} operations in {len(usage)} descriptions -> "
              f"{USAGE_FILE.relative_to(ROOT)}")
    usage = json.loads(USAGE_FILE.read_text(encoding="utf-8"))
    for source in args.sources:
        target = extract(source, usage)
        if target is None:
            print(f"{source}: skipped, no test loads it")
        else:
            print(f"{source} -> {target.relative_to(ROOT)} ({target.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
