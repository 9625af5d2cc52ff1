"""A callback: an épreuve contact ``after`` another arrives only once that contact has ended (the
call that promised the callback), never at its minute alone; the checker refuses an unknown ``after``."""

from __future__ import annotations

from datetime import datetime

from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.policies.ideal import IdealPolicy
from simulator.scenario.checker import check_paths
from tests.engine.session_support import REPO

CALL, CALLBACK = "maison-lumiere-livraison", "energie-rendez-vous-compteur"


def _epreuve(tmp_path, after: str) -> str:
    path = tmp_path / "rappel.yaml"
    path.write_text(
        f"""callsim: epreuve/1
id: rappel-promis
version: 1.0.0
title: {{fr: Un rappel promis, en: A promised callback}}
briefing: {{fr: "Un appel, puis le rappel promis.", en: "A call, then the promised callback."}}
mode: practice
time_limit_minutes: 60
contacts:
  - scenario: {REPO / "scenarios/inbound/maison-lumiere-livraison.yaml"}
    at_minute: 0
  - scenario: {REPO / "scenarios/outbound/energie-rendez-vous-compteur.yaml"}
    at_minute: 2
    after: {after}
""",
        encoding="utf-8",
    )
    return str(path)


def test_the_callback_arrives_only_once_the_call_that_promised_it_has_ended(tmp_path):
    bundle = load_bundle(_epreuve(tmp_path, CALL))
    store, clock = MemoryJournalStore(), ManualClock(datetime(2026, 3, 2, 9, 0))
    session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id="C-2", seed=4)
    policy = IdealPolicy()
    while session.contact(CALL).phase.value != "ended":
        for action in policy.next_actions(session.contact(CALL)):
            clock.advance(seconds=20)
            session.perform(action)
        assert (
            CALLBACK not in [q.key for q in session.queue()]
            or session.contact(CALL).phase.value == "ended"
        )
    assert clock.now() > datetime(2026, 3, 2, 9, 2)  # its minute came while the call was open
    session.tick()
    assert [q.key for q in session.queue()] == [CALL, CALLBACK]
    arrivals = [
        e.payload["contact"]
        for e in store.events(session.session_id)
        if e.type == "contact_arrived"
    ]
    assert arrivals == [CALL, CALLBACK]
    session.close()


def test_an_after_naming_no_contact_of_the_epreuve_is_an_error(tmp_path):
    codes = [
        (d.severity, d.code) for d in check_paths([_epreuve(tmp_path, "nulle-part")]).diagnostics
    ]
    assert ("error", "dangling-reference") in codes
