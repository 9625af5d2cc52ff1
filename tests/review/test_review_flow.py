"""The assessor's keyboard flow through the real review app: sign in, filter, review, override, sign, re-open."""

from __future__ import annotations

import pytest

from scoring.assessment.model import REVIEWED, SCORED, SIGNED
from simulator.review.screens.audit import AuditScreen
from simulator.review.screens.confirm import ConfirmScreen
from simulator.review.screens.reason import ReasonDialog
from simulator.review.screens.session import SessionScreen
from simulator.review.screens.sessions import SessionsScreen
from simulator.review.screens.signin import SignInScreen
from simulator.review.widgets.grille_table import GrilleTable
from simulator.review.widgets.session_table import SessionTable
from simulator.review.widgets.transcript_view import EVIDENCE_MARK, TranscriptView
from tests.review.review_support import (
    ASSESSORS,
    keys,
    make_app,
    open_session,
    screen_text,
    settle,
    sign_in,
)

SIZE = (120, 40)


def _played(played, candidate):
    return next(p for p in played if p.candidate_id == candidate)


async def _choose(pilot, screen: SessionScreen, code: str) -> None:
    """Put the grille's cursor on competency ``code`` (as the arrows do)."""
    grille = screen.query_one(GrilleTable)
    grille.focus()
    grille.move_cursor(row=grille.get_row_index(code))
    await pilot.pause()


async def _override(pilot, app, code: str, verdict: str, reason: str) -> str:
    """Override ``code`` through the dialog; what the dialog says when it stays open, else ""."""
    await _choose(pilot, app.screen, code)
    await pilot.press("o")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ReasonDialog)
    dialog.query_one("#verdict").value = verdict
    await pilot.press(*keys(reason), "f10")
    await pilot.pause()
    return "" if app.screen is not dialog else str(dialog.query_one("#reason-refusal").render())


async def test_sign_in_then_list_and_filter_the_sessions(review_store):
    store, played = review_store
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot, passphrase="not-the-right-one")
        assert isinstance(app.screen, SignInScreen) and app.assessor == ""
        assert "Nom d'évaluateur ou phrase secrète incorrect." in screen_text(app)
        assert app.screen.query_one("#passphrase").value == ""  # typed again, never kept
        await pilot.press(*keys("marie-secret"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, SessionsScreen) and app.assessor == "Marie Dupont"

        table = app.screen.query_one(SessionTable)
        assert table.row_count == 4
        text = screen_text(app)
        assert all(p.candidate_id in text and p.session_id in text for p in played)
        assert "à noter" in text and "notée" in text and "NON OBSERVÉ" in text

        app.screen.query_one("#filter-epreuve").value = "revue-courte"
        await settle(pilot)
        short = {p.session_id for p in played if p.epreuve_id == "revue-courte"}
        assert {str(row.value) for row in table.rows} == short
        app.screen.query_one("#filter-status").value = "to_score"
        await settle(pilot)
        assert [str(row.value) for row in table.rows] == [_played(played, "CAND-2286").session_id]

        app.screen.query_one("#filter-epreuve").clear()
        app.screen.query_one("#filter-status").clear()
        app.screen.query_one("#filter-since").focus()
        await pilot.press(*keys("2026-01-06"), "tab", *keys("2026-01-07"), "enter")
        await settle(pilot)
        shown = {str(row.value) for row in table.rows}
        assert shown == {
            _played(played, "CAND-4408").session_id,
            _played(played, "CAND-9150").session_id,
        }

        app.screen.query_one("#filter-until").value = "2026-13-40"
        await pilot.press("enter")
        await pilot.pause()
        assert "Date invalide : « 2026-13-40 » (attendu : AAAA-MM-JJ)." in screen_text(app)


@pytest.mark.slow
async def test_override_review_sign_and_reopen_through_the_keyboard(review_store):
    store, played = review_store
    session_id = _played(played, "CAND-4408").session_id
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await sign_in(pilot)
        screen = await open_session(pilot, app, session_id)
        audit_before = len(app.desk.audit_entries(session_id))

        # choosing a competency marks its evidence in the transcript and scrolls to the first
        await pilot.press("down")
        assert screen.query_one(GrilleTable).chosen.code == "01.01"  # the arrows walk the grille
        await _choose(pilot, screen, "01.09")
        expected = {
            e["seq"]
            for c in screen.review.grille["competencies"]
            if c["code"] == "01.09"
            for e in c["evidence"]
        }
        transcript = screen.query_one(TranscriptView)
        assert expected and transcript.marked == expected
        first = transcript.moments[transcript.highlighted]
        assert first.seq == min(expected)
        text = screen_text(app)
        assert f"{EVIDENCE_MARK} {first.time}" in text and "[01.09 −" in text
        assert "01.09 — Confirmer l’accord pris avec l’interlocuteur" in text

        # an empty reason is refused, the dialog stays and nothing is written
        refusal = await _override(pilot, app, "01.09", "ok", "   ")
        assert "Une dérogation exige une raison écrite" in refusal
        assert "Une dérogation exige une raison écrite" in screen_text(app)
        assert len(app.desk.audit_entries(session_id)) == audit_before
        # a refusal keeps what was typed: the same verdict as now is refused, the reason stays
        dialog = app.screen
        dialog.query_one("#reason").text = ""
        dialog.query_one("#verdict").value = "nok"
        await pilot.press(*keys("Vu pendant la reecoute"), "f10")
        await pilot.pause()
        assert app.screen is dialog and "déjà à NOK" in screen_text(app)
        assert dialog.query_one("#reason").text == "Vu pendant la reecoute"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and len(app.desk.audit_entries(session_id)) == audit_before

        # with a reason: the final verdict changes, the automatic one stays beside it
        assert await _override(pilot, app, "01.09", "ok", "Recap vaut accord") == ""
        assert (
            screen.review.final()["01.09"] == "ok" and screen.review.automatic()["01.09"] == "nok"
        )
        text = screen_text(app)
        assert "Dérogation enregistrée : 01.09 est maintenant OK." in text
        assert "Final : OK ✎ par Marie Dupont" in text
        assert "« Recap vaut accord »" in str(screen.query_one("#competency").content)
        row = screen.query_one(GrilleTable).get_row("01.09")
        assert [str(cell) for cell in row[2:]] == ["NOK", "OK ✎"]

        # mark reviewed (with confirmation); signing is refused while competencies are not observed
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.review.status == REVIEWED and "Session marquée comme revue." in screen_text(
            app
        )
        await pilot.press("s", "enter")
        await pilot.pause()
        assert screen.review.status == REVIEWED
        left = [
            code for code, verdict in screen.review.final().items() if verdict == "not_observed"
        ]
        still = (
            "compétences encore « non observées »"
            if len(left) > 1
            else "compétence encore « non observée »"
        )
        assert f"Signature refusée : {still}" in screen_text(app)
        app.desk.login("Jan Peeters", ASSESSORS["Jan Peeters"])
        for code in left:  # a second assessor decides them meanwhile (the dialog is tested above)
            app.desk.override("Jan Peeters", session_id, code, "nok", "Pas vu à la réécoute")
        await pilot.press("s", "enter")
        await pilot.pause()
        assert screen.review.status == SIGNED and screen.review.signed_by == "Marie Dupont"
        assert "Session signée." in screen_text(app)

        # after signing, an override is refused until the session is re-opened
        signed_audit = len(app.desk.audit_entries(session_id))
        refusal = await _override(pilot, app, "01.04", "nok", "Tardif, après la question")
        assert "est signée : rouvrez-la d'abord" in refusal
        await pilot.press("escape")
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, ReasonDialog)
        await pilot.press("f10")
        await pilot.pause()
        assert "Rouvrir une session signée exige une raison écrite" in screen_text(app)
        assert len(app.desk.audit_entries(session_id)) == signed_audit
        await pilot.press(*keys("Erreur de saisie sur 01.04"), "f10")
        await pilot.pause()
        assert app.screen is screen and screen.review.status == SCORED
        assert "Session rouverte : elle peut de nouveau être modifiée." in screen_text(app)

        # the audit shows every act with its reason
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AuditScreen)
        audit = screen_text(app)
        for expected in (
            "dérogation 01.09 : NOK → OK",
            "« Recap vaut accord »",
            "marquée revue",
            "signée",
            "rouverte",
            "« Erreur de saisie sur 01.04 »",
        ):
            assert expected in audit
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(
            app.screen, SessionsScreen
        )  # the list is read again: status and overrides now
        row = app.screen.query_one(SessionTable).get_row(session_id)
        assert str(row[2]) == "notée" and row[5] == str(1 + len(left))


async def test_a_store_whose_grilles_were_altered_is_refused_naming_the_row(review_store):
    """A grille's verdicts edited in the file (triggers dropped): the app says which row and lets nobody in."""
    import sqlite3

    store, _played = review_store
    conn = sqlite3.connect(store, isolation_level=None)
    conn.execute("DROP TRIGGER grilles_no_update")
    conn.execute(
        "UPDATE grilles SET grille_json = replace(grille_json, '\"nok\"', '\"ok\"') WHERE id = 1"
    )
    conn.close()
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        assert "Grille n° 1" in screen_text(app)
        await sign_in(pilot)
        assert isinstance(app.screen, SignInScreen) and app.assessor == ""
        assert "Lecture refusée : Grille n° 1" in screen_text(app)
