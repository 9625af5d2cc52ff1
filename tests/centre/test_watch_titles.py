"""The invigilator's table names a seat's contact in progress by its title, in the invigilator's
language (not by the scenario's id), on an embedded store as on the centre's server."""

from __future__ import annotations

from datetime import datetime

import pytest

from simulator.app.seat import SeatRequest, load_epreuve, open_seat
from simulator.centre.room import SeatBook, claim_probe
from simulator.centre.titles import ContactTitles
from simulator.centre.watch_app import TEXT, row_cells
from simulator.engine.actions import Take
from simulator.engine.clock import ManualClock
from simulator.i18n import translated
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.scenario.models import text_in


@pytest.fixture()
def seat_on_a_call(tmp_path):
    """A French-speaking candidate who took the first contact of the practice épreuve."""
    bundle = load_epreuve("practice")
    clock = ManualClock(datetime(2026, 3, 2, 9, 0, 0))
    store = SqliteJournalStore(tmp_path / "centre.sqlite3")
    seat = open_seat(SeatRequest("C-0001", "practice", 11, "fr", None, "poste-1"), store, clock)
    key = seat.queue()[0].key
    seat.perform(Take(contact=key))
    yield store, clock, bundle.contact(key).scenario
    seat.close()
    store.close()


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_contact_in_progress_is_shown_by_its_title_in_the_invigilators_language(
    seat_on_a_call, lang
):
    store, clock, scenario = seat_on_a_call
    (status,) = SeatBook(store, ContactTitles(lang).title).statuses(clock.now(), claim_probe(store))
    title = text_in(scenario.title, lang)
    assert "{" not in title and title != scenario.id
    assert status.contact == scenario.id and status.contact_title == title
    assert row_cells(status, translated(TEXT, "cli", lang))[2] == title


def test_a_contact_whose_epreuve_cannot_be_read_keeps_its_id(seat_on_a_call, monkeypatch):
    store, clock, scenario = seat_on_a_call
    header = store.header(store.session_ids()[0])
    monkeypatch.setitem(header.extra, "epreuve_path", "/nowhere/epreuve.yaml")
    assert ContactTitles("fr").title(header, scenario.id) == scenario.id
