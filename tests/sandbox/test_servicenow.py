"""exadesk/sandbox/servicenow.py: the ServiceNow emulator's scenario keys and the Table API behaviours it models
(row-level ACLs filter, table-level ACLs refuse, the aggregate API counts), through HTTP."""

from __future__ import annotations

import pytest

from exadesk.sandbox.kit import ScenarioError
from exadesk.sandbox.servicenow import DEMO_PASSWORD, ServiceNowEmulator


def test_a_misspelt_key_of_a_user_is_refused():
    with pytest.raises(ScenarioError, match=r"has no key 'pasword'"):
        ServiceNowEmulator({"users": {"sam.admin": {"pasword": "x"}}})


def test_emulator_stats_counts_visible_records():
    with ServiceNowEmulator() as emulator:
        import requests

        reply = requests.get(f"{emulator.url}/api/now/stats/incident", params={"sysparm_count": "true"},
                             auth=("exalate.proxy", DEMO_PASSWORD), timeout=5)
        assert reply.json() == {"result": {"stats": {"count": "1"}}}


def test_emulator_refuses_a_guarded_table_with_servicenows_error_body():
    from exadesk.sandbox.servicenow import NON_ADMIN

    with ServiceNowEmulator(NON_ADMIN) as emulator:
        import requests

        reply = requests.get(f"{emulator.url}/api/now/table/sys_security_acl", auth=("exalate.proxy", DEMO_PASSWORD),
                             timeout=5)
        assert reply.status_code == 403
        body = reply.json()
        assert body["status"] == "failure" and body["error"]["message"] == "User Not Authorized"
        assert body["error"]["detail"]
        # A row-level ACL still filters rows instead of refusing.
        rows = requests.get(f"{emulator.url}/api/now/table/sys_user", auth=("exalate.proxy", DEMO_PASSWORD),
                            timeout=5)
        assert rows.status_code == 200 and rows.json()["result"]


