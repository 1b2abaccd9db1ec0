"""Holding adapters and emulators against the vendors' published API descriptions.

``load_spec`` reads the extract of a vendor's OpenAPI 3 / Swagger 2 description (or of one of the GitHub
operation extractions) kept in tests/data/api-specs/: only the operations the tests use and what they refer to,
made by scripts/extract_api_specs.py from the full description (see the README there). Then:

* :func:`assert_requests_documented`: every request the adapter sent (as the
  emulator recorded it) is a documented operation: method, path template,
  required query parameters.
* :func:`assert_replies_conform`: every 2xx JSON reply the emulator gave
  validates against the documented response schema.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

#: The extracts the tests read (in the repository: a test never reads outside it).
EXTRACTS_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "api-specs"
#: scripts/extract_api_specs.py --collect points this at the vendors' full descriptions to find what the tests use.
FULL_SPECS_VAR = "EXADESK_FULL_API_SPECS"
#: ... and names a file where each operation a test matched is written (one JSON line per match).
USAGE_VAR = "EXADESK_API_SPECS_USAGE"
SPECS_DIR = Path(os.environ[FULL_SPECS_VAR]) if os.environ.get(FULL_SPECS_VAR) else EXTRACTS_DIR
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass
class Operation:
    method: str
    template: str
    pattern: re.Pattern
    required_query: set[str]
    responses: dict  # status -> response object (or None for extractions)
    pointer: str  # JSON pointer to the operation in the document


@dataclass
class ApiSpec:
    name: str
    document: dict
    mount: str
    operations: list[Operation] = field(default_factory=list)
    openapi3: bool = True

    def match(self, method: str, path: str) -> Operation | None:
        method = method.lower()
        if self.mount and not path.startswith(self.mount):
            return None
        rest = path[len(self.mount):] if self.mount else path
        candidates = [op for op in self.operations if op.method == method and op.pattern.match(rest)]
        if not candidates:
            return None
        # Prefer the most literal template (fewest parameters) when several match.
        chosen = min(candidates, key=lambda op: (op.template.count("{"), -len(op.template)))
        if os.environ.get(USAGE_VAR):
            with open(os.environ[USAGE_VAR], "a", encoding="utf-8") as usage:
                usage.write(json.dumps({"spec": self.name, "method": chosen.method, "path": chosen.template}) + "\n")
        return chosen


def _escape_pointer(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def _template_regex(template: str) -> re.Pattern:
    parts = re.split(r"(\{[^}]+\})", template)
    regex = "".join("[^/]+" if p.startswith("{") else re.escape(p) for p in parts)
    return re.compile(f"^{regex}/?$")


def _resolve(document: dict, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 20:
        ref = node["$ref"]
        if not ref.startswith("#/"):
            return node
        target = document
        for part in ref[2:].split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node, seen = target, seen + 1
    return node


def _string_keys(node):
    """Mapping keys as strings: YAML loads unquoted status codes (Asana's ``200:``) as integers."""
    if isinstance(node, dict):
        return {str(k) if isinstance(k, int) else k: _string_keys(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_string_keys(v) for v in node]
    return node


def extract_path(relative: str) -> Path:
    """Where the extract of ``api-specs/<relative>`` is kept: same folders, always JSON."""
    return EXTRACTS_DIR / Path(relative).with_suffix(".json")


def _load_document(path: Path) -> dict:
    if path.suffix in (".yaml", ".yml"):
        import yaml

        class Loader(yaml.SafeLoader):
            pass

        # A bare "=" scalar is YAML 1.1's value tag (see api-specs/README.md).
        Loader.add_constructor("tag:yaml.org,2002:value", lambda loader, node: loader.construct_scalar(node))
        return _string_keys(yaml.load(path.read_text(encoding="utf-8"), Loader=Loader))
    return json.loads(path.read_text(encoding="utf-8-sig"))


@lru_cache(maxsize=None)
def load_spec(relative: str, mount: str = "") -> ApiSpec:
    """Load the extract of ``api-specs/<relative>``; ``mount`` is the path prefix where its paths are served."""
    path = SPECS_DIR / relative if SPECS_DIR != EXTRACTS_DIR else extract_path(relative)
    document = _load_document(path)
    if os.environ.get(USAGE_VAR):  # an extract is made for every description a test loads, even one it never matches
        with open(os.environ[USAGE_VAR], "a", encoding="utf-8") as usage:
            usage.write(json.dumps({"spec": relative}) + "\n")
    spec = ApiSpec(relative, document, mount.rstrip("/"), openapi3="openapi" in document)
    for template, item in (document.get("paths") or {}).items():
        item = _resolve(document, item)
        shared_params = item.get("parameters", []) if isinstance(item, dict) else []
        for method in METHODS:
            op = item.get(method) if isinstance(item, dict) else None
            if not isinstance(op, dict):
                continue
            required = set()
            for param in list(shared_params) + list(op.get("parameters", []) or []):
                param = _resolve(document, param)
                if isinstance(param, dict) and param.get("in") == "query" and param.get("required"):
                    required.add(param["name"])
            responses = op.get("responses", {})
            if isinstance(responses, list):  # GitHub extraction: status codes only
                responses = {str(code): None for code in responses}
            pointer = f"#/paths/{_escape_pointer(template)}/{method}"
            spec.operations.append(Operation(method, template, _template_regex(template), required, responses, pointer))
    return spec


def assert_requests_documented(spec: ApiSpec, requests, allow: tuple[str, ...] = ()) -> int:
    """Assert that each recorded request is a documented operation. Returns how many were checked.

    ``allow`` lists path regexes that are documented elsewhere (e.g. an OAuth token endpoint
    outside the description); each such exception must be justified where it is passed.
    """
    problems = []
    checked = 0
    for request in requests:
        if any(re.search(pattern, request.path) for pattern in allow):
            continue
        checked += 1
        op = spec.match(request.method, request.path)
        if op is None:
            problems.append(f"{request.method} {request.path}: no such operation in {spec.name}")
            continue
        missing = op.required_query - set(request.query)
        if missing:
            problems.append(f"{request.method} {request.path}: required query parameters missing: {sorted(missing)}")
    assert not problems, "undocumented requests:\n" + "\n".join(problems)
    return checked


def _openapi_to_jsonschema(node):
    """OpenAPI's ``nullable`` (3.0) and ``x-nullable`` (Swagger 2) as JSON Schema types."""
    if isinstance(node, list):
        return [_openapi_to_jsonschema(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: _openapi_to_jsonschema(v) for k, v in node.items()}
    if (out.get("nullable") is True or out.get("x-nullable") is True) and "type" in out:
        kind = out["type"]
        out["type"] = list(kind) + ["null"] if isinstance(kind, list) else [kind, "null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = list(out["enum"]) + [None]
    return out


def _response_schema_pointer(spec: ApiSpec, op: Operation, status: str) -> str | None:
    response = op.responses.get(status) or op.responses.get(status[0] + "XX") or op.responses.get("default")
    if response is None:
        return None
    key = status if status in op.responses else (status[0] + "XX" if status[0] + "XX" in op.responses else "default")
    base = f"{op.pointer}/responses/{key}"
    response = _resolve(spec.document, response)
    if "$ref" in (op.responses.get(key) or {}):
        base = op.responses[key]["$ref"]
    if spec.openapi3:
        content = response.get("content") or {}
        media = next((m for m in content if "json" in m), None)
        if media is None or "schema" not in content[media]:
            return None
        return f"{base}/content/{_escape_pointer(media)}/schema"
    if "schema" not in response:
        return None
    return f"{base}/schema"


def assert_replies_conform(spec: ApiSpec, requests) -> int:
    """Assert that every 2xx JSON reply matches its documented schema. Returns how many were validated."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    document = _openapi_to_jsonschema(spec.document)
    registry = Registry().with_resource("urn:api", Resource.from_contents(document, default_specification=DRAFT4))
    problems, validated = [], 0
    for request in requests:
        if not (200 <= request.reply_status < 300) or "json" not in request.reply_type:
            continue
        op = spec.match(request.method, request.path)
        if op is None:
            continue  # assert_requests_documented reports it
        status = str(request.reply_status)
        if op.responses and status not in op.responses and "default" not in op.responses \
                and status[0] + "XX" not in op.responses:
            problems.append(f"{request.method} {request.path}: status {status} is not documented")
            continue
        if not op.responses or all(v is None for v in op.responses.values()):
            continue  # an extraction without schemas: status codes only
        pointer = _response_schema_pointer(spec, op, status)
        if pointer is None:
            continue
        ref = pointer if pointer.startswith("urn:") else "urn:api" + pointer
        validator = jsonschema.Draft4Validator({"$ref": ref}, registry=registry)
        body = json.loads(request.reply_body or b"null")
        errors = sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))
        validated += 1
        for error in errors[:5]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            problems.append(f"{request.method} {request.path} -> {status}: {where}: {error.message[:200]}")
    assert not problems, "replies that do not match the vendor's schema:\n" + "\n".join(problems)
    return validated
