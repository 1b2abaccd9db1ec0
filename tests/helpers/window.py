"""Helpers for the window tests: a widget shown under pytest-qt, add an instance through the session, read the
sidebar's rows, an instance whose token expires."""

from __future__ import annotations

from datetime import timedelta

from exadesk.foundation import clock
from exadesk.store.model import Instance, InstanceState
from exadesk.ui.sidebar import ROLE_BADGE, ROLE_KIND


def shown(qtbot, widget):
    """``widget``, shown and closed with the test (pytest-qt's ``qtbot``)."""
    qtbot.addWidget(widget)
    widget.show()
    return widget


def add_instance(window, ws_id, inst: Instance, secrets: dict | None = None) -> Instance:
    """Store ``inst`` in workspace ``ws_id`` (its ``secrets`` in the keychain first) and select it."""
    for name, value in (secrets or {}).items():
        window.session.secrets.set(inst.id, name, value)
    window.session.update(lambda data: data.workspace(ws_id).instances.append(inst), select=inst.id)
    return inst


def sidebar_rows(window) -> dict[str, str]:
    """Each instance row's name -> its badge key."""
    tree = window.sidebar.tree
    out = {}
    for i in range(tree.topLevelItemCount()):
        ws = tree.topLevelItem(i)
        for j in range(ws.childCount()):
            item = ws.child(j)
            out[item.text(0)] = item.data(1, ROLE_BADGE)
    return out


def expiring_instance(name: str, days: float | None, state=InstanceState.VERIFIED) -> Instance:
    """A GitHub instance whose token expires ``days`` from the (pinned) clock; None: no known date."""
    when = clock.now() + timedelta(days=days) if days is not None else None
    return Instance(tracker="github", name=name, url="https://github.com", auth_method="fine_grained", state=state,
                    token_expires_at=when)


def workspace_children(window) -> list[tuple[str, str]]:
    """The first workspace's rows in the sidebar: (text, kind)."""
    ws = window.sidebar.tree.topLevelItem(0)
    return [(ws.child(i).text(0), ws.child(i).data(0, ROLE_KIND)) for i in range(ws.childCount())]
