"""Typed texts the machine was unsure about: not counted in the grille, confirmed by an assessor, and
no signature while one waits."""

from __future__ import annotations

import copy

import pytest

from scoring.assessment.desk import ReviewDesk
from scoring.assessment.memory_audit_store import MemoryAuditStore
from scoring.assessment.model import (
    CONFIRM_TEXT,
    InvalidConfirmation,
    NotObservedLeft,
    ReasonRequired,
    TextsUnconfirmed,
)
from scoring.rubric_file import default_rubric
from scoring.score import score
from scoring.storage import MemoryGrilleStore, stored
from simulator.engine.clock import ManualClock
from simulator.journal.memory_store import MemoryJournalStore
from tests.assessment.desk_support import T_REVIEW, TEST_KEYS, cheap_hasher, staff
from tests.scoring.scoring_support import practice, simulated


def _with_one_unsure_text():
    """The ideal practice session, with its first typed-text observation left unsure (guess: not met)."""
    header, events = simulated(practice(), "ideal", 1)
    changed, target = [], None
    for event in events:
        payload = copy.deepcopy(dict(event.payload))
        for evidence in payload.get("evidence") or ():
            if target is None and evidence["source"] == "text" and evidence["effect"] == "positive":
                evidence["unsure"], evidence["effect"] = True, "negative"
                target = (event.seq, evidence["rule"], evidence["competency"])
        changed.append((event.type, payload, event.at))
    return header, changed, target


@pytest.fixture
def desk_and_target():
    header, events, target = _with_one_unsure_text()
    journal, grilles = MemoryJournalStore(), MemoryGrilleStore()
    journal.create_session(header)
    for kind, payload, at in events:
        journal.append(header.session_id, kind, payload, at)
    grille = score(
        journal.header(header.session_id), list(journal.events(header.session_id)), default_rubric()
    )
    grilles.put([stored(grille)], "2026-01-05T18:00:00.000")
    desk = ReviewDesk(
        journal,
        grilles,
        MemoryAuditStore(),
        ManualClock(T_REVIEW),
        hasher=cheap_hasher(),
        keys=TEST_KEYS,
    )
    staff(desk, "Marie Dupont")
    return desk, header.session_id, target


def _competency(review, code):
    return next(c for c in review.grille["competencies"] if c["code"] == code)


def test_an_unsure_text_is_shown_to_confirm_and_not_counted(desk_and_target):
    desk, session, (seq, rule, code) = desk_and_target
    competency = _competency(desk.review(session), code)
    assert competency["to_confirm"] == 1
    assert competency["positive"] + competency["negative"] == len(competency["evidence"]) - 1
    assert competency["negative"] == 0  # the machine's guess (not met) is not counted


def test_signing_waits_for_every_unsure_text(desk_and_target):
    desk, session, (seq, rule, code) = desk_and_target
    desk.mark_reviewed("Marie Dupont", session)
    with pytest.raises(TextsUnconfirmed) as refused:
        desk.sign("Marie Dupont", session)
    assert str(seq) in refused.value.message("fr") and "à confirmer" in refused.value.message("fr")


def test_correcting_the_guess_needs_a_reason_and_then_counts(desk_and_target):
    desk, session, (seq, rule, code) = desk_and_target
    with pytest.raises(ReasonRequired):
        desk.confirm_text(session, seq, True, None, "Marie Dupont")
    entry = desk.confirm_text(
        session, seq, True, "La date est bien donnée (« après-demain »).", "Marie Dupont"
    )
    assert (
        entry.action == CONFIRM_TEXT
        and entry.payload["met"] is True
        and entry.payload["guess"] is False
    )
    competency = _competency(desk.review(session), code)
    assert "to_confirm" not in competency
    confirmed = next(e for e in competency["evidence"] if e["seq"] == seq and e["rule"] == rule)
    assert confirmed["effect"] == "positive" and confirmed["confirmed"] is True
    assert competency["positive"] + competency["negative"] == len(competency["evidence"])
    desk.mark_reviewed("Marie Dupont", session)
    with pytest.raises(
        NotObservedLeft
    ):  # past the typed texts: only the practice's unobserved competencies remain
        desk.sign("Marie Dupont", session)


def test_confirming_the_guess_needs_no_reason(desk_and_target):
    desk, session, (seq, rule, code) = desk_and_target
    entry = desk.confirm_text(session, seq, False, None, "Marie Dupont")
    assert "reason" not in entry.payload
    assert _competency(desk.review(session), code)["negative"] == 1


def test_confirming_where_no_text_waits_is_refused(desk_and_target):
    desk, session, _target = desk_and_target
    with pytest.raises(InvalidConfirmation):
        desk.confirm_text(session, 1, True, "raison", "Marie Dupont")


def test_the_grille_report_says_how_many_texts_wait(desk_and_target):
    from scoring.reports.markdown import render_markdown

    desk, session, (_seq, _rule, _code) = desk_and_target
    grille = desk.review(session).grille
    assert "1 texte(s) tapé(s) à confirmer, non compté(s)" in render_markdown(grille, "fr")
    assert "1 typed text(s) to confirm, not counted" in render_markdown(grille, "en")
