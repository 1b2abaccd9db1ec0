"""Small word helpers shared by the command line, reports and the window (which passes tr()'d forms)."""

from __future__ import annotations


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


def tracker_name(tracker_id: str) -> str:
    """The tracker's display name (Jira Cloud); the id (jira_cloud) is for scripts and --json."""
    from exadesk import trackers

    try:
        return trackers.get(tracker_id).spec.name
    except KeyError:
        return tracker_id


def field_label(tracker_id: str, method_id: str, field_name: str) -> str:
    """A credential field's label (API token) for its stored name (api_token)."""
    from exadesk import trackers

    try:
        spec = trackers.get(tracker_id).spec
        methods = [spec.auth_method(method_id)] + list(spec.auth_methods)
    except KeyError:
        return field_name.replace("_", " ")
    for method in methods:
        found = method.field(field_name)
        if found is not None:
            return found.label
    return field_name.replace("_", " ")
