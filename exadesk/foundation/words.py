"""Small word helpers shared by the command line, reports and the window (which passes tr()'d forms).

A tracker's display name and a credential field's label come from its spec: exadesk.verification.registry.tracker_name,
field_label.
"""

from __future__ import annotations

from datetime import datetime

from exadesk.foundation import clock


def plural(count: int, one: str, many: str, **values) -> str:
    """``one`` or ``many`` by ``count``, with ``{count}`` (and ``values``) filled in:
    ``plural(n, "{count} instance", "{count} instances")``.

    The window passes both forms through tr(), so a translation can word each; never write "instance(s)".
    """
    return (one if count == 1 else many).format(count=count, **values)


#: How an instance's state reads (the stored values are ids for files and --json).
STATE_LABELS = {"draft": "draft", "prepared_offline": "prepared offline", "verified": "verified",
                "failing": "failing"}


def state_label(state) -> str:
    """An InstanceState (or its value) as a person reads it: ``prepared offline``, not ``prepared_offline``."""
    value = getattr(state, "value", state)
    return STATE_LABELS.get(value, str(value).replace("_", " "))


def day(when: datetime, now: datetime | None = None) -> str:
    """``3 Nov``, or ``3 Nov 2025`` when not in the current year (portable, no %-d)."""
    now = now or clock.now()
    text = f"{when.day} {when:%b}"
    return text if when.year == now.year else f"{text} {when.year}"
