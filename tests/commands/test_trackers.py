"""``exadesk trackers`` (exadesk/commands/trackers.py): the trackers, their sign-in methods and credential fields."""

from __future__ import annotations

from exadesk.verification import registry


def test_trackers_json_lists_every_tracker(cli):
    result = cli("trackers", "--json")
    assert result.code == 0
    ids = [t["id"] for t in result.json()]
    assert ids == [t.id for t in registry.all_trackers()]
    for item in result.json():
        for method in item["auth_methods"]:
            for fld in method["fields"]:
                if fld["secret"]:
                    assert fld["example"] == "", "secret examples are not printed"


def test_the_table_has_one_line_per_tracker_with_its_sign_in_methods(cli):
    result = cli("trackers")
    assert result.code == 0
    lines = result.out.splitlines()
    assert len(lines) == len(registry.ids())
    for spec, line in zip((t.spec for t in registry.all_trackers()), lines):
        assert line.split()[0] == spec.id and spec.name in line
        assert line.split("auth: ")[1].removesuffix("  (retired)").split(", ") == [m.id for m in spec.auth_methods]
        assert line.endswith("(retired)") == bool(spec.retired)


def test_the_json_names_every_requirement_by_its_check_id(cli):
    by_id = {t["id"]: t for t in cli("trackers", "--json").json()}
    for spec in (t.spec for t in registry.all_trackers()):
        assert [r["id"] for r in by_id[spec.id]["requirements"]] == [spec.check_id(r.key) for r in spec.requirements]
        assert by_id[spec.id]["retired"] == bool(spec.retired)
