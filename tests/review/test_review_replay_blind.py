"""The step-by-step replay, blind mode, the narrow terminal and English, through the real review app."""

from __future__ import annotations

from scoring.assessment.model import pseudonym
from simulator.review.screens.help import HelpScreen
from simulator.review.screens.replay import ReplayScreen
from simulator.review.screens.sessions import SessionsScreen
from simulator.review.screens.signin import SignInScreen
from simulator.review.widgets.grille_table import GrilleTable
from simulator.review.widgets.transcript_view import TranscriptView
from tests.review.review_support import keys, make_app, open_session, screen_text, settle, sign_in
from tests.scoring.scoring_support import tamper


async def test_the_blind_key_then_the_replay_event_by_event_and_contact_by_contact(review_store):
    store, played = review_store
    session = next(p for p in played if p.candidate_id == "CAND-7731")
    app = make_app(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await sign_in(pilot)
        # without --blind, the B key hides the candidates and shows them again
        assert all(p.candidate_id in screen_text(app) for p in played)
        await pilot.press("b")
        await settle(pilot)
        text = screen_text(app)
        assert all(p.candidate_id not in text and pseudonym(p.session_id) in text for p in played)
        await pilot.press("b")
        await settle(pilot)
        assert all(p.candidate_id in screen_text(app) for p in played)

        screen = await open_session(pilot, app, session.session_id)
        grille = screen.query_one(GrilleTable)
        grille.move_cursor(row=grille.get_row_index("01.04"))
        await pilot.pause()
        transcript = screen.query_one(TranscriptView)
        start = transcript.highlighted
        assert transcript.moments[start].seq == min(transcript.marked)

        await pilot.press("p")  # the replay starts where the transcript's cursor is
        await pilot.pause()
        replay = app.screen
        assert isinstance(replay, ReplayScreen) and replay.index == start
        moment = replay.moments[start]
        text = screen_text(app)
        assert (
            "Contact 1 sur 4 (maison-lumiere-livraison)" in text
            and f"événement n° {moment.seq}" in text
        )
        assert "01.04 +" in text  # the evidence this step gave

        await pilot.press("right")
        assert replay.index == start + 1
        step = replay.moments[start + 1]
        text = screen_text(app)
        assert f"événement n° {step.seq}" in text and step.did in text
        if step.lines:
            assert step.lines[-1].text[:30] in text  # what the candidate saw at this step

        await pilot.press("down")  # the next contact, from its first event
        second = replay.moments[replay.index]
        assert second.contact_number == 2 and replay.moments[replay.index - 1].contact_number == 1
        assert "Contact 2 sur 4 (telecom-message-facture) · étape 1 sur" in screen_text(app)
        await pilot.press("left")  # one step back is the last event of the first contact
        assert replay.moments[replay.index].contact_number == 1
        await pilot.press("up", "up")  # back to the épreuve's start, never before it
        assert replay.index == 0
        assert "L'épreuve · étape 1 sur 1" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is screen


async def test_blind_mode_hides_every_candidate_id_on_every_screen(review_store):
    store, played = review_store
    session = played[1]
    app = make_app(store, blind=True)
    seen: list[str] = []
    async with app.run_test(size=(120, 40)) as pilot:
        seen.append(screen_text(app))
        await sign_in(pilot)
        seen.append(screen_text(app))
        assert pseudonym(session.session_id) in seen[-1]
        await pilot.press("b")  # started with --blind: the key cannot reveal anyone
        await pilot.pause()
        assert app.blind
        screen = await open_session(pilot, app, session.session_id)
        seen.append(screen_text(app))
        assert pseudonym(session.session_id) in seen[-1]
        for key in ("a", "escape", "p", "right", "down", "f1"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_text(app))
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "escape")
        assert app.screen is screen
    for text in seen:
        assert all(p.candidate_id not in text for p in played), text


async def test_the_review_is_usable_at_80x24_and_survives_resizing(review_store):
    store, played = review_store
    session = played[1]
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await sign_in(pilot)
        screen = await open_session(pilot, app, session.session_id)
        grille = screen.query_one(GrilleTable)
        grille.move_cursor(row=grille.get_row_index("01.09"))
        await pilot.pause()
        text = screen_text(app)
        for expected in (
            "01.09",
            "NOK",
            "o Déroger",
            "s Signer",
            "F1 Aide",
            "01.09 — Confirmer l’accord",
        ):
            assert expected in text
        assert screen.query_one(TranscriptView).marked  # the evidence, beside the grille
        for size in ((60, 20), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert "Motif (obligatoire, conservé dans l'audit)" in screen_text(app)
        await pilot.press("escape", "p", "right", "down")
        await pilot.pause()
        assert isinstance(app.screen, ReplayScreen) and "Contact 2 sur 4" in screen_text(app)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)


async def test_english_interface_and_desk_messages(review_store):
    store, played = review_store
    altered = next(p for p in played if p.scored and p.epreuve_id == "revue-courte")
    tamper(
        store,
        "UPDATE events SET at = '2026-01-07T08:00:00.000' WHERE session_id = ? AND seq = 3",
        altered.session_id,
    )
    app = make_app(store, lang="en")
    async with app.run_test(size=(120, 40)) as pilot:
        assert "Sign in with your assessor account." in screen_text(app)
        await sign_in(pilot, passphrase="wrong passphrase")
        assert isinstance(app.screen, SignInScreen)
        assert "Wrong assessor name or passphrase." in screen_text(app)
        await pilot.press(*keys("marie-secret"), "enter")
        await settle(pilot)
        await open_session(pilot, app, played[0].session_id)
        await pilot.press("s", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "is not reviewed yet: mark it reviewed before signing it." in text
        assert "o Override" in text and "NOT OBSERVED" in text

        # a session not scored yet, and one whose journal was altered, open and say so instead of crashing
        await pilot.press("escape")
        unscored = next(p for p in played if not p.scored)
        await open_session(pilot, app, unscored.session_id)
        assert (
            f"This session is not scored yet: run « callsim score {unscored.session_id} » first."
            in screen_text(app)
        )
        await pilot.press("escape")
        await open_session(pilot, app, altered.session_id)
        assert "the journal fails verification" in screen_text(app)
        await pilot.press("p")
        assert "There is no transcript to replay." in screen_text(app)
