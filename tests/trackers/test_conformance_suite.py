"""Conformance suite for every tracker (like keyring's BackendBasicTests): the contract each module keeps.

Static checks run for every tracker whose adapter is built; live checks run
against its emulator with the demo credential. Placeholders and trackers
without an emulator are skipped with the reason, so each tracker is covered
as soon as it lands.
"""

from __future__ import annotations

import importlib
import re
import string

import pytest

from exadesk import sandbox
from exadesk.foundation import messages
from exadesk.foundation.checks import Status
from exadesk.store.model import SYNC_OPTIONS
from exadesk.verification import registry
from exadesk.verification.http import is_declared_read
from tests.helpers.built_trackers import all_ids, demo_command, require_adapter, require_built, secret_forms

IDS = all_ids()
#: Paths of session log-in/log-out and OAuth token endpoints: the only non-GET calls a check may make.
READ_METHODS = ("GET", "HEAD")


def _spec(tracker_id):
    return registry.get(tracker_id).spec


# -- static -----------------------------------------------------------------------------


def test_registry_and_emulator_lists_name_the_same_trackers():
    assert set(sandbox.EMULATOR_MODULES) == set(registry.module_names())


@pytest.mark.parametrize("tracker_id", IDS)
def test_spec_id_is_the_module_name_and_well_formed(tracker_id):
    module = importlib.import_module(f"exadesk.trackers.{tracker_id}")
    spec = module.SPEC
    assert spec.id == tracker_id
    assert spec.name and spec.auth_methods
    assert module.__doc__ and module.__doc__.strip(), "a module docstring naming the vendor docs"
    require_adapter(tracker_id)
    assert spec.docs_url.startswith("https://"), "the vendor documentation the adapter was written from"
    assert "http" in module.__doc__, "the docstring names the vendor doc URLs used"
    assert callable(getattr(module, "verify_live", None))


@pytest.mark.parametrize("tracker_id", IDS)
def test_requirement_keys_are_unique_and_check_ids_carry_them(tracker_id):
    require_adapter(tracker_id)
    spec = _spec(tracker_id)
    keys = [r.key for r in spec.requirements]
    assert len(keys) == len(set(keys)), f"duplicate requirement keys: {keys}"
    assert keys, "an adapter without requirements checks nothing"
    method_ids = {m.id for m in spec.auth_methods}
    for req in spec.requirements:
        assert re.fullmatch(r"[A-Za-z0-9_:.\-]+", req.key), f"{req.key!r} is not a plain vendor key"
        assert spec.check_id(req.key) == f"{tracker_id}.{req.key}"
        assert req.title and req.fix, f"{req.key}: a title and a fix for people"
        assert req.when <= set(SYNC_OPTIONS), f"{req.key}: unknown sync options {req.when - set(SYNC_OPTIONS)}"
        assert req.methods <= method_ids, f"{req.key}: unknown sign-in methods {req.methods - method_ids}"
        if req.manual:
            assert req.steps, f"{req.key}: a manual requirement needs steps a person can follow"
    assert set(spec.sync_options) <= set(SYNC_OPTIONS)


@pytest.mark.parametrize("tracker_id", IDS)
def test_fields_named_by_steps_exist(tracker_id):
    """A ``{name}`` in a walkthrough step is the instance address or a field of that sign-in method."""
    require_adapter(tracker_id)
    for method in _spec(tracker_id).auth_methods:
        names = {f.name for f in method.fields} | {"url"}
        assert len({f.name for f in method.fields}) == len(method.fields), f"{method.id}: duplicate field names"
        assert method.secret_fields, f"{method.id}: a sign-in method with no secret"
        for step in method.steps:
            for part in (step.text, step.link):
                used = {f for _, f, _, _ in string.Formatter().parse(part) if f}
                assert used <= names, f"{method.id}: step names unknown fields {used - names}: {part!r}"
            if step.link:
                assert step.link.startswith(("{url}", "https://")), f"{method.id}: link {step.link!r}"
        for fld in method.fields:
            if fld.pattern:
                re.compile(fld.pattern)
                if fld.example and not fld.secret:
                    assert re.fullmatch(fld.pattern, fld.example), f"{fld.name}: its example fails its own pattern"


@pytest.mark.parametrize("tracker_id", IDS)
def test_tracker_messages_fill_their_placeholders(tracker_id):
    require_adapter(tracker_id)
    spec = _spec(tracker_id)
    for key, message in spec.messages.items():
        reason = f"{tracker_id}.{key}"
        assert messages.CATALOGUE.get(reason) is message, f"{reason} is not registered"
        values = {name: f"<{name}>" for name in message.placeholders()}
        problem = messages.problem(reason, **values)
        text = problem.message + " " + problem.next_step
        assert "{" not in text and "}" not in text, text
        assert all(v in text for v in values.values())
        assert problem.kind is message.kind


def test_every_catalogue_reason_fills_its_placeholders():
    registry.all_trackers()
    for reason, message in messages.CATALOGUE.items():
        values = {name: f"<{name}>" for name in message.placeholders()}
        text = messages.problem(reason, **values).text()
        assert "{" not in text and "}" not in text, f"{reason}: {text}"


# -- live, against the emulator ------------------------------------------------------------


def _run_demo(tracker_id, cli, emulators, monkeypatch, *extra, scenario=None):
    emulator = emulators.start(tracker_id, scenario)
    result = cli(*demo_command(emulator, tracker_id, monkeypatch), *extra)
    users = tuple(a for a in emulator.demo_args if not a.startswith("-"))
    for secret in emulator.demo_secrets.values():
        for form in secret_forms(secret, users):
            assert form not in result.out + result.err, f"{tracker_id}: the secret appears in the output"
    return result, emulator


@pytest.mark.parametrize("tracker_id", IDS)
def test_each_requirement_yields_a_result(tracker_id, cli, emulators, monkeypatch):
    """With every sync option on, every requirement of the method gets a result, and automatic ones come
    from the adapter itself (not the engine's 'Not checked.' filler)."""
    require_built(tracker_id)
    spec = _spec(tracker_id)
    sync = ",".join(o.replace("_", "-") for o in spec.sync_options)
    extra = ("--sync", sync) if sync else ()
    result, emulator = _run_demo(tracker_id, cli, emulators, monkeypatch, *extra)
    data = result.json()
    assert data["error"] is None, f"{tracker_id}: demo run stopped: {data['error']}"
    checks = {c["id"]: c for c in data["checks"]}
    method = _auth_method(emulator, spec)
    for req in spec.requirements:
        if req.methods and method not in req.methods:
            continue
        check = checks.get(spec.check_id(req.key))
        assert check is not None, f"{tracker_id}: no result for {req.key}"
        if req.applies(frozenset(spec.sync_options), method) and not req.manual:
            assert check["detail"] != "Not checked.", f"{tracker_id}: the adapter never reported {req.key}"
    for check in data["checks"]:
        assert check["id"].startswith((f"{tracker_id}.", "notice.")), f"check id {check['id']} lacks the tracker"
        assert check["title"], "every result has a title"
        if check["status"] in ("fail", "warn"):
            assert check["fix"], f"{check['id']}: a failing check needs a fix"


def _auth_method(emulator, spec) -> str:
    args = list(emulator.demo_args)
    if "--auth" in args:
        return args[args.index("--auth") + 1]
    return spec.auth_methods[0].id


@pytest.mark.parametrize("tracker_id", IDS)
def test_demo_run_is_ready_and_names_the_proxy_user(tracker_id, cli, emulators, monkeypatch):
    require_built(tracker_id)
    result, _ = _run_demo(tracker_id, cli, emulators, monkeypatch)
    assert result.code == 0, result.out[:2000]
    assert result.json()["identity"], f"{tracker_id}: the report names no account"


@pytest.mark.parametrize("tracker_id", IDS)
def test_verification_changes_no_tracker_data(tracker_id, cli, emulators, monkeypatch):
    """Every request is a read: a GET, or one of the read-only calls the HTTP layer declares with the vendor's
    reference (the spec's non_get_reads: log-in/log-out, token calls, bulk permission questions)."""
    require_built(tracker_id)
    spec = _spec(tracker_id)
    sync = ",".join(o.replace("_", "-") for o in spec.sync_options)
    _, emulator = _run_demo(tracker_id, cli, emulators, monkeypatch, *(("--sync", sync) if sync else ()))
    assert emulator.requests, "the demo run sent nothing"
    writes = [(r.method, r.path) for r in emulator.requests
              if r.method not in READ_METHODS and not is_declared_read(r.method, r.path, r.json(), spec.non_get_reads)]
    assert writes == [], f"{tracker_id}: verification sent non-read requests: {writes}"


@pytest.mark.parametrize("tracker_id", IDS)
def test_failing_run_results_stay_consistent(tracker_id, cli, emulators, monkeypatch):
    """A run stopped by an error still gives every requirement a result, none of them a pass it did not earn."""
    require_built(tracker_id)
    result, emulator = _run_demo(tracker_id, cli, emulators, monkeypatch, scenario={"fault": "500"})
    data = result.json()
    assert data["error"] and data["ready"] is False
    spec = _spec(tracker_id)
    method = _auth_method(emulator, spec)
    ids = {c["id"] for c in data["checks"]}
    for req in spec.requirements:
        if req.applies(frozenset(), method):
            assert spec.check_id(req.key) in ids, f"{tracker_id}: {req.key} missing after an error"
    passed = [c["id"] for c in data["checks"] if c["status"] == Status.PASS.value and not c["id"].startswith("notice.")]
    assert not passed, f"{tracker_id}: passed without a single good reply: {passed}"
