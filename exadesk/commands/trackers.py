"""``exadesk trackers``: the trackers, their sign-in methods and credential fields."""

from __future__ import annotations

from exadesk.commands.output import print_json
from exadesk.verification import registry


def add_parser(sub) -> None:
    parser = sub.add_parser("trackers", help="list the supported trackers")
    parser.add_argument("--json", action="store_true", help="print one JSON list")
    parser.set_defaults(run=run)


def describe(spec) -> dict:
    return {
        "id": spec.id,
        "name": spec.name,
        "retired": bool(spec.retired),
        "retired_note": spec.retired or None,
        "docs_url": spec.docs_url,
        "url_example": spec.url.example,
        "url_hint": spec.url.hint,
        "scope": spec.scope.label,
        "sync_options": list(spec.sync_options),
        "auth_methods": [
            {
                "id": m.id, "label": m.label, "description": m.description,
                "fields": [{"name": f.name, "label": f.label, "secret": f.secret, "required": f.required,
                            "hint": f.hint, "example": "" if f.secret else f.example} for f in m.fields],
            }
            for m in spec.auth_methods
        ],
        "requirements": [{"id": spec.check_id(r.key), "title": r.title, "manual": r.manual,
                          "when": sorted(r.when)} for r in spec.requirements],
    }


def run(args) -> int:
    specs = [t.spec for t in registry.all_trackers()]
    if args.json:
        print_json([describe(s) for s in specs])
        return 0
    for spec in specs:
        methods = ", ".join(m.id for m in spec.auth_methods)
        retired = "  (retired)" if spec.retired else ""
        print(f"{spec.id:14} {spec.name:26} auth: {methods}{retired}")
    return 0
