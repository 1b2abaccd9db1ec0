"""Small word helpers (exadesk/foundation/words.py): whole plurals, instance states and days as a person reads them."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from exadesk.foundation.words import STATE_LABELS, day, plural, state_label
from exadesk.store.model import InstanceState


@pytest.mark.parametrize("count, text", [(0, "0 instances"), (1, "1 instance"), (2, "2 instances")])
def test_plural_picks_the_form_by_count(count, text):
    assert plural(count, "{count} instance", "{count} instances") == text


def test_plural_fills_other_values_too():
    assert plural(3, "{count} check in {name}", "{count} checks in {name}", name="Acme") == "3 checks in Acme"


def test_every_instance_state_reads_as_words():
    for state in InstanceState:
        label = state_label(state)
        assert "_" not in label and label == state_label(state.value)
    assert state_label(InstanceState("prepared_offline")) == "prepared offline"
    assert set(STATE_LABELS) <= {s.value for s in InstanceState}  # no label for a state that does not exist


def test_a_state_from_a_newer_version_still_reads_as_words():
    assert state_label("waiting_for_admin") == "waiting for admin"


def test_a_day_names_the_year_only_when_it_is_not_this_one():
    now = datetime(2026, 12, 6, 12, 0, tzinfo=timezone.utc)
    assert day(datetime(2026, 11, 3, tzinfo=timezone.utc), now) == "3 Nov"
    assert day(datetime(2025, 11, 3, tzinfo=timezone.utc), now) == "3 Nov 2025"
