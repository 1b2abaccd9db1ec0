"""Custom wizard pages, by the name a sign-in method asks for (``AuthMethod.custom_page``).

A page is a QWidget built from the flow; if it has ``refresh(flow)`` the
wizard calls it whenever the instance address changes. Trackers never import
this package: they only name a page.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget

#: page name -> "module:class" under exadesk.ui.pages
CUSTOM_PAGES: dict[str, str] = {
    "freshservice_api_key": "exadesk.ui.pages.freshservice_api_key:FreshserviceApiKeyPage",
}


def create(name: str, flow) -> QWidget | None:
    """The widget for ``name``, or None when no such page exists (the generic walkthrough is used)."""
    target = CUSTOM_PAGES.get(name)
    if not target:
        return None
    module_name, _, class_name = target.partition(":")
    return getattr(importlib.import_module(module_name), class_name)(flow)
