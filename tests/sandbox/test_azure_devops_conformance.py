"""Azure DevOps: the adapter's requests and the emulator's replies held against Microsoft's API descriptions."""

from __future__ import annotations

import pytest

from exadesk.sandbox.azure_devops import PROXY_ID
from tests.helpers.conformance import assert_replies_conform, assert_requests_documented, load_spec
from tests.helpers.scenarios import Case, run_case

# GET {collection}/_apis/connectionData is how Microsoft's own client libraries learn who a credential is
# (VssConnection.ConnectAsync); it is referenced in Microsoft's docs but in none of the OpenAPI files.
CONNECTION_DATA = (r"/_apis/connectionData$",)

SERVER = ("azure-devops/server-7.1/core-onprem.json", "azure-devops/server-7.1/identities-onprem.json")
SERVICES = ("azure-devops/core.json", "azure-devops/identities.json")  # same paths on dev.azure.com / vssps

# The service itself wraps lists and sends descriptors as strings (tests/data/recorded/azure_devops/); these cases
# ask the emulator for the described shapes so the replies can be validated against the description.
DOCUMENTED = {"wire": "documented"}
SCENARIOS = [
    Case("ready", DOCUMENTED, passed=("azure_devops.project_collection_administrators",)),
    Case("not-collection-admin", {**DOCUMENTED, "users": {PROXY_ID: {"groups": ["[Website]\\Project Administrators"]}}},
         code=1, fail=("azure_devops.project_collection_administrators", "azure_devops.project_administrators")),
    Case("project-missing", DOCUMENTED, args=("--project", "Mobile"), code=1, fail=("azure_devops.scope",)),
]


@pytest.mark.parametrize("files", [SERVER, SERVICES], ids=["server-7.1", "services-7.1"])
@pytest.mark.parametrize("case", SCENARIOS, ids=str)
def test_requests_and_replies_are_documented(case, files, emulators, cli, monkeypatch):
    _, emulator = run_case(case, "azure_devops", emulators, cli, monkeypatch,
                           base_args=("--project", "Website", "--project", "Backend"))
    checked = 0
    for name in files:
        spec = load_spec(name)
        mine = [r for r in emulator.requests if spec.match(r.method, r.path)]
        checked += assert_replies_conform(spec, mine)
    assert checked >= 2, "the identities and project replies must be validated"
    undocumented = [r for r in emulator.requests
                    if not any(load_spec(n).match(r.method, r.path) for n in files)]
    allowed = [r for r in undocumented if r.path.endswith("/_apis/connectionData")]
    assert undocumented == allowed, [f"{r.method} {r.path}" for r in undocumented]
    for name in files:
        spec = load_spec(name)
        assert_requests_documented(spec, [r for r in emulator.requests if spec.match(r.method, r.path)])


def test_every_request_is_documented_except_connection_data(emulators, cli, monkeypatch):
    """Each request is a documented operation with its required parameters (api-version), connectionData aside."""
    _, emulator = run_case(SCENARIOS[0], "azure_devops", emulators, cli, monkeypatch,
                           base_args=("--project", "Website"))
    identities = [r for r in emulator.requests if r.path.endswith("/_apis/identities")]
    projects = [r for r in emulator.requests if r.path.endswith("/_apis/projects")]  # the list, once
    assert assert_requests_documented(load_spec(SERVER[1]), identities, allow=()) == len(identities) >= 2
    assert assert_requests_documented(load_spec(SERVER[0]), projects, allow=()) == len(projects) == 1
    rest = [r for r in emulator.requests if r not in identities and r not in projects]
    assert assert_requests_documented(load_spec(SERVER[0]), rest, allow=CONNECTION_DATA) == 0


def test_service_wire_format_differs_from_the_description(emulators, cli, monkeypatch):
    """The service wraps lists in {count, value} and sends descriptors as strings; the description says
    bare arrays and objects. The adapter reads both (see the 'ready-as-the-service-sends-it' case); the
    schema check must notice the difference, or it is not checking anything."""
    _, emulator = run_case(Case("service", {"wire": "service"}, passed=("azure_devops.project_administrators",)),
                           "azure_devops", emulators, cli, monkeypatch, base_args=("--project", "Website"))
    identities = [r for r in emulator.requests if r.path.endswith("/_apis/identities")]
    with pytest.raises(AssertionError):
        assert_replies_conform(load_spec(SERVER[1]), identities)
