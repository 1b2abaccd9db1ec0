"""Small word helpers shared by the command line, reports and the window (which passes tr()'d forms)."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """``one`` or ``many`` by ``count``, with ``{count}`` filled in: ``plural(n, "{count} instance", "{count} instances")``.

    The window passes both forms through tr(), so a translation can word each; never write "instance(s)".
    """
    return (one if count == 1 else many).format(count=count)
