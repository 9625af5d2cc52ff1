"""The typed texts of a session in the review app: each with the machine's judgement and why; an unsure
one is confirmed in one key press, or corrected with a reason; signing waits for all of them."""

from __future__ import annotations

from datetime import datetime

import pytest
from argon2 import PasswordHasher

from scoring.assessment.audit_store import SqliteAuditStore
from scoring.assessment.desk import ReviewDesk
from scoring.confirmations import unconfirmed
from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.storage import SqliteGrilleStore, stored
from simulator.engine.bundle import load_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.sqlite_store import SqliteJournalStore
from simulator.policies.driver import play_epreuve
from simulator.policies.ideal import IdealPolicy
from simulator.review.screens.reason import ReasonDialog
from simulator.review.screens.texts import TextsScreen
from tests.assessment.desk_support import TEST_KEYS, staff
from tests.review.review_support import (
    ASSESSORS,
    PRACTICE,
    REVIEW_DAY,
    keys,
    make_app,
    open_session,
    screen_text,
    sign_in,
)


class _Ironic(IdealPolicy):
    """The ideal candidate, who ends every typed answer with an ironic aside."""

    def prompt_text(self, contact):
        return super().prompt_text(contact) + " Comme par hasard."


@pytest.fixture
def ironic_store(tmp_path):
    path = tmp_path / "review.sqlite3"
    with SqliteJournalStore(path) as journal:
        clock = ManualClock(datetime(2026, 1, 5, 9, 0))
        session = EpreuveSession.start(
            load_bundle(PRACTICE), store=journal, clock=clock, candidate_id="CAND-3141", seed=5
        )
        play_epreuve(session, _Ironic, clock)
        session.close()
        sid = session.session_id
        with SqliteGrilleStore(path) as grilles:
            grilles.put(
                [stored(score(journal.header(sid), list(journal.events(sid)), default_rubric()))],
                "2026-01-09T08:00:00.000",
            )
    light = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    with ReviewDesk(
        SqliteJournalStore(path),
        SqliteGrilleStore(path),
        SqliteAuditStore(path),
        ManualClock(REVIEW_DAY),
        hasher=light,
        keys=TEST_KEYS,
    ) as desk:
        staff(desk, *ASSESSORS, passphrases=ASSESSORS)
    return path, sid


def _unsure_rows(screen: TextsScreen) -> list[int]:
    return [i for i, row in enumerate(screen.rows) if row.unsure]


async def test_an_unsure_text_is_confirmed_in_one_key_press_or_corrected_with_a_reason(
    ironic_store,
):
    path, sid = ironic_store
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        await sign_in(pilot)
        session = await open_session(pilot, app, sid)
        await pilot.press("t")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TextsScreen)
        first, second = _unsure_rows(screen)[:2]
        assert "à confirmer (avis machine : non satisfait)" in screen_text(app)
        assert "ton possiblement sarcastique" in screen_text(app)

        screen.query_one("DataTable").move_cursor(row=first)
        await pilot.press("n")  # agrees with the machine's guess: recorded at once
        await pilot.pause()
        assert app.screen is screen and "confirmé" in screen_text(app)
        assert screen.rows[first].confirmed and screen.rows[first].effect == "negative"

        screen.query_one("DataTable").move_cursor(row=second)
        await pilot.press("y")  # corrects it: the reason dialog
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press(*keys("La date est juste, l'ironie ne la change pas."), "f10")
        await pilot.pause()
        assert app.screen is screen and screen.rows[second].effect == "positive"

        entries = [e for e in app.desk.audit_entries(sid) if e.action == "confirm_text"]
        assert [e.payload["met"] for e in entries] == [False, True]
        assert "reason" not in entries[0].payload and entries[1].payload["reason"].startswith(
            "La date est juste"
        )
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is session


async def test_a_session_with_texts_to_confirm_cannot_be_signed(ironic_store):
    path, sid = ironic_store
    app = make_app(path)
    async with app.run_test(size=(140, 40)) as pilot:
        await sign_in(pilot)
        await open_session(pilot, app, sid)
        app.desk.mark_reviewed("Marie Dupont", sid)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")  # the confirmation dialog: yes
        await pilot.pause()
        review = app.desk.review(sid)
        waiting = len(unconfirmed(review.grille, review.confirmations))
        said = (
            f"{waiting} textes tapés à confirmer"
            if waiting > 1
            else f"{waiting} texte tapé à confirmer"
        )
        assert f"Signature refusée : {said}" in screen_text(app)
