"""Expiry watch: dates from the tracker or the person, the 30-day list, sidebar and status bar text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from exadesk.foundation import clock
from exadesk.services import expiry
from exadesk.store.model import Data, Instance, Workspace
from tests.commands.workflow import add_github, github_scenario, new_token, stored

NOW = datetime(2026, 11, 24, 12, tzinfo=timezone.utc)


def _data(**expires: timedelta | None) -> Data:
    ws = Workspace(name="Acme")
    for name, delta in expires.items():
        inst = Instance(tracker="github", name=name, url="https://github.com", auth_method="classic")
        expiry.set_expiry(inst, NOW + delta if delta is not None else None)
        ws.instances.append(inst)
    return Data(workspaces=[ws])


def test_window_levels_and_order():
    data = _data(later=timedelta(days=45), upcoming=timedelta(days=20), soon=timedelta(days=3),
                 gone=timedelta(days=-2), unknown=None)
    items = expiry.expiring(data, now=NOW)
    assert [(e.instance, e.level) for e in items] == [("gone", "expired"), ("soon", "soon"), ("upcoming", "upcoming")]
    assert items[1].days_left == 3
    assert expiry.flags(data, now=NOW) == {e.instance_id: e.level for e in items}
    assert [e.instance for e in expiry.expiring(data, days=60, now=NOW)][-1] == "later"
    assert "expired" in expiry.status_bar_text(items, NOW)
    assert items[1].sentence(NOW) == "soon (Acme): the credential expires on 27 Nov (3 days left)."


def test_status_bar_is_empty_when_nothing_expires_and_archived_workspaces_are_quiet():
    data = _data(upcoming=timedelta(days=10))
    assert expiry.status_bar_text(expiry.expiring(data, now=NOW)) .startswith("1 credential expires within 30 days")
    data.workspaces[0].archived = True
    assert expiry.expiring(data, now=NOW) == [] and expiry.status_bar_text([]) == ""


def test_expiry_from_githubs_header_lands_in_the_list(emulators, cli, monkeypatch):
    token = new_token()
    soon = (clock.now() + timedelta(days=10)).strftime("%Y-%m-%d %H:%M:%S UTC")
    add_github(cli, monkeypatch, emulators.start("github", github_scenario(token, expires=soon)).url, "site", token)
    assert cli("check", "--instance", "site", "--json").code == 0
    assert stored("site").token_expires_at is not None
    result = cli("expiring", "--json")
    (item,) = result.json()
    assert item["instance"] == "site" and item["level"] == "upcoming" and item["days_left"] in (9, 10)
    assert cli("expiring", "--days", "5", "--json").json() == []


def test_expiry_entered_by_the_person(cli):
    assert cli("workspace", "create", "Acme").code == 0

    def add(data):
        data.workspace("Acme").instances.append(Instance(tracker="servicenow", name="snow", url="https://x.service-now.com",
                                                         auth_method="oauth"))

    from exadesk.store.storage import Store

    Store().update(add)
    when = (clock.now() + timedelta(days=12)).strftime("%Y-%m-%d")
    assert cli("expiring", "--set", f"snow={when}").code == 0
    (item,) = cli("expiring", "--json").json()
    assert item["instance"] == "snow" and item["expires_at"].startswith(when)
    assert cli("expiring", "--set", "snow=next tuesday").code == 2
    assert cli("expiring", "--set", f"nobody={when}").code == 2
    assert cli("expiring", "--clear", "snow").code == 0
    assert cli("expiring", "--json").json() == []
