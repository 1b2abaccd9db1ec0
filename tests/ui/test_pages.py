"""Custom wizard pages by name (exadesk/ui/pages/__init__.py): each registered page loads; an unknown name gives the
generic walkthrough."""

from __future__ import annotations

import importlib

from exadesk.services.wizard_flow import WizardFlow
from exadesk.ui import pages
from exadesk.ui.pages.freshservice_api_key import FreshserviceApiKeyPage
from exadesk.verification import registry


def test_every_registered_page_is_named_by_a_sign_in_method_and_loads():
    named = {m.custom_page for t in registry.all_trackers() for m in t.spec.auth_methods if m.custom_page}
    assert set(pages.CUSTOM_PAGES) <= named  # no page that nothing asks for
    for target in pages.CUSTOM_PAGES.values():
        module_name, _, class_name = target.partition(":")
        assert hasattr(importlib.import_module(module_name), class_name), target


def test_create_builds_the_named_page_from_the_flow(qtbot):
    page = pages.create("freshservice_api_key", WizardFlow(tracker="freshservice"))
    qtbot.addWidget(page)
    assert isinstance(page, FreshserviceApiKeyPage)


def test_an_unknown_page_name_gives_the_generic_walkthrough(qtbot):
    assert pages.create("no_such_page", WizardFlow(tracker="freshservice")) is None
