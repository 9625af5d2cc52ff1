"""Resuming leaves the contacts that had ended as their journal events, and rebuilds them on demand.

An épreuve of two contacts (the second arrives once the first has ended) is interrupted during
the second. The resumed session must show the same queue, evidence and active contact as the live
one without rebuilding the first contact; asking for that contact rebuilds it exactly as it was
played, and a rebuild that does not give the journal's evidence is refused. A journal whose chain
is broken is refused at resume, before anything is written.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from simulator.engine.bundle import Bundle, load_bundle
from simulator.engine.clock import ManualClock, parse_stamp
from simulator.engine.session import EpreuveSession, SessionError
from simulator.journal.sqlite_schema import TRIGGERS
from simulator.journal.sqlite_store import SqliteJournalStore
from tests.engine.session_support import (
    REPO,
    SCENARIO_PATH,
    contact_state,
    fresh_clock,
    record_script,
    run_script,
    start_session,
    write_epreuve,
)

SECOND_PATH = REPO / "scenarios" / "inbound" / "energie-contestation-facture.yaml"


def _interrupted(tmp_path: Path) -> tuple[Bundle, SqliteJournalStore, EpreuveSession, str]:
    """Play the ideal script until the second contact has been taken and answered once, then stop."""
    bundle = load_bundle(write_epreuve(tmp_path / "files", [SCENARIO_PATH, SECOND_PATH]))
    first, second = (c.scenario.id for c in bundle.contacts)
    script = record_script(bundle, "ideal")
    take_second = next(
        i for i, a in enumerate(script.actions) if getattr(a, "contact", None) == second
    )
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    clock = fresh_clock()
    session = start_session(bundle, store, clock)
    run_script(session, clock, script.actions, stop=take_second + 2)
    session.close()
    assert session.state.active == second and session.contact(first).phase.value == "ended"
    return bundle, store, session, first


def _resume(store: SqliteJournalStore, session: EpreuveSession, bundle: Bundle) -> EpreuveSession:
    last = store.last_event(session.session_id)
    return EpreuveSession.resume(
        store, session.session_id, clock=ManualClock(parse_stamp(last.at)), bundle=bundle
    )


def test_an_ended_contact_is_rebuilt_only_when_asked_for_and_as_it_was_played(
    tmp_path: Path,
) -> None:
    bundle, store, live, first = _interrupted(tmp_path)
    resumed = _resume(store, live, bundle)
    try:
        assert resumed.state.contacts.deferred(first) is not None
        assert resumed.queue() == live.queue()
        assert resumed.state.active == live.state.active
        assert resumed.active_view() == live.active_view()
        assert [e.to_json() for e in resumed.evidence()] == [e.to_json() for e in live.evidence()]
        assert resumed.state.contacts.deferred(first) is not None  # none of the above needed it
        assert contact_state(resumed.contact(first)) == contact_state(live.contact(first))
        assert resumed.state.contacts.deferred(first) is None
    finally:
        resumed.close()


def test_a_rebuild_that_does_not_give_the_journal_evidence_is_refused(tmp_path: Path) -> None:
    bundle, store, live, first = _interrupted(tmp_path)
    # Same hashes, but a reply's evidence now names another competency: an engine or referential
    # update between the crash and the resume. The ended contact is not replayed at resume...
    edited = tmp_path / "edited" / SCENARIO_PATH.name
    edited.parent.mkdir()
    edited.write_text(
        SCENARIO_PATH.read_text(encoding="utf-8").replace(
            '{competency: "01.04", effect: positive, because: {fr: Reconnaît',
            '{competency: "01.05", effect: positive, because: {fr: Reconnaît',
        ),
        encoding="utf-8",
    )
    other = load_bundle(write_epreuve(tmp_path / "changed", [edited, SECOND_PATH]))
    other = dataclasses.replace(
        other,
        path=bundle.path,
        sha256=bundle.sha256,
        contacts=tuple(
            dataclasses.replace(c, sha256=g.sha256)
            for c, g in zip(other.contacts, bundle.contacts, strict=True)
        ),
    )
    resumed = _resume(store, live, other)
    try:
        # ...but it is as soon as something asks for it, and the difference is reported.
        with pytest.raises(SessionError) as caught:
            resumed.contact(first)
        assert "does not give the same evidence" in caught.value.message("en")
        assert "ne donne pas les mêmes preuves" in caught.value.message("fr")
    finally:
        resumed.close()
    # Scoring replays the whole journal and finds it too.
    with pytest.raises(SessionError):
        EpreuveSession.replay(store.header(live.session_id), store.events(live.session_id), other)


def test_a_journal_with_an_altered_event_is_refused_at_resume(tmp_path: Path) -> None:
    bundle, store, live, first = _interrupted(tmp_path)
    events = list(store.events(live.session_id))
    altered = next(
        e
        for e in events
        if e.type == "action"
        and e.payload["contact"] == first
        and any(x["effect"] == "positive" for x in e.payload["evidence"])
    )
    store.close()
    # As an attacker would: the append-only triggers dropped, the row edited, the triggers put back.
    conn = sqlite3.connect(tmp_path / "journal.sqlite3", isolation_level=None)
    try:
        conn.execute("BEGIN")
        for name in TRIGGERS:
            conn.execute(f"DROP TRIGGER {name}")
        payload = conn.execute(
            "SELECT payload FROM events WHERE seq = ?", (altered.seq,)
        ).fetchone()[0]
        # The evidence of the ended contact now says the candidate failed where they succeeded.
        conn.execute(
            "UPDATE events SET payload = ? WHERE seq = ?",
            (payload.replace('"effect":"positive"', '"effect":"negative"', 1), altered.seq),
        )
        for ddl in TRIGGERS.values():
            conn.execute(ddl)
        conn.execute("COMMIT")
    finally:
        conn.close()
    store = SqliteJournalStore(tmp_path / "journal.sqlite3")
    with pytest.raises(SessionError) as caught:
        _resume(store, live, bundle)
    assert f"altered from event {altered.seq} on" in caught.value.message("en")
    assert f"altéré à partir de l'événement {altered.seq}" in caught.value.message("fr")
    assert store.last_event(live.session_id).seq == len(events)  # nothing written
    store.close()
