"""The API-description extracts: in the repository, naming their source, version and licence, complete for the tests."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.conformance import EXTRACTS_DIR, SPECS_DIR, extract_path, load_spec

ROOT = Path(__file__).resolve().parents[2]
USAGE = json.loads((EXTRACTS_DIR / "operations.json").read_text(encoding="utf-8"))


def test_the_tests_read_the_extracts_inside_the_repository():
    assert SPECS_DIR == EXTRACTS_DIR
    assert EXTRACTS_DIR.is_relative_to(ROOT)


def test_every_extract_names_its_source_version_and_licence():
    assert USAGE, "operations.json lists the descriptions the tests use"
    for relative in USAGE:
        provenance = json.loads(extract_path(relative).read_text(encoding="utf-8"))["x-exadesk-extract"]
        assert provenance["source"] == f"api-specs/{relative}"
        assert provenance["version"] and provenance["version"] != "not stated", relative
        assert provenance["licence"], relative
        assert len(provenance["source_sha256"]) == 64


def test_every_operation_the_tests_use_is_in_its_extract_and_nothing_else():
    for relative, operations in USAGE.items():
        spec = load_spec(relative)
        assert sorted(f"{op.method.upper()} {op.template}" for op in spec.operations) == operations, relative
