"""Lifecycle: to score → scored → reviewed → signed; a change after signing needs a re-open with a reason, in the audit."""

from __future__ import annotations

import pytest

from scoring.assessment.model import (
    REOPEN,
    REVIEWED,
    SCORED,
    SIGNED,
    TO_SCORE,
    InvalidFilter,
    InvalidTransition,
    NotObservedLeft,
    ReasonRequired,
    SessionLocked,
    UnknownSessionReview,
)
from tests.assessment.desk_support import memory_desk, resolve_not_observed

ANNE, BRUNO = "Anne", "Bruno"


@pytest.fixture()
def desk():
    desk, ids, _clock = memory_desk(ANNE, BRUNO)
    return desk, ids


def _signed(desk, session):
    resolve_not_observed(desk, ANNE, session)
    desk.mark_reviewed(ANNE, session)
    desk.sign(BRUNO, session)


def test_statuses_fold_from_grille_and_audit(desk):
    desk, ids = desk
    assert {r.session_id: r.status for r in desk.sessions()} == {
        ids["ideal"]: SCORED,
        ids["never-confirms"]: SCORED,
        ids["careless"]: TO_SCORE,
    }
    assert desk.review(ids["careless"]).grille is None
    session = ids["ideal"]
    resolved = resolve_not_observed(desk, ANNE, session)
    assert resolved == ["01.08", "02.05", "02.07", "03.04"]
    assert desk.review(session).status == SCORED
    review_entry = desk.mark_reviewed(ANNE, session)
    assert review_entry.payload == {"grille_sha256": desk.review(session).grille_sha256}
    assert desk.review(session).status == REVIEWED
    desk.sign(BRUNO, session)
    signed = desk.review(session)
    assert (signed.status, signed.signed_by, signed.reviewed_by) == (SIGNED, BRUNO, (ANNE,))
    desk.reopen(ANNE, session, "erreur de saisie sur 02.05")
    reopened = desk.review(session)
    assert (reopened.status, reopened.signed_by, reopened.reviewed_by) == (SCORED, "", ())
    assert len(reopened.overrides) == 4, "a re-open keeps the overrides"


def test_a_second_assessor_may_review_a_reviewed_session_but_not_twice(desk):
    desk, ids = desk
    session = ids["never-confirms"]
    desk.mark_reviewed(ANNE, session)
    desk.mark_reviewed(BRUNO, session)
    assert desk.review(session).reviewed_by == (ANNE, BRUNO)
    with pytest.raises(InvalidTransition) as refused:
        desk.mark_reviewed(ANNE, session)
    assert "déjà marqué" in refused.value.message("fr")


def test_a_session_not_scored_can_be_neither_reviewed_nor_signed_nor_reopened(desk):
    desk, ids = desk
    session = ids["careless"]
    with pytest.raises(SessionLocked):
        desk.mark_reviewed(ANNE, session)
    with pytest.raises(SessionLocked):
        desk.sign(ANNE, session)
    with pytest.raises(InvalidTransition) as refused:
        desk.reopen(ANNE, session, "pour voir la session de plus près")
    assert "« à noter »" in refused.value.message("fr")
    assert desk.review(session).audit == ()


def test_signing_needs_a_review_first(desk):
    desk, ids = desk
    session = ids["ideal"]
    resolve_not_observed(desk, ANNE, session)
    with pytest.raises(InvalidTransition) as refused:
        desk.sign(ANNE, session)
    assert "pas encore revue" in refused.value.message("fr")
    assert "not reviewed yet" in refused.value.message("en")


def test_signing_is_refused_while_not_observed_remains_and_names_the_codes(desk):
    desk, ids = desk
    session = ids["ideal"]
    desk.mark_reviewed(ANNE, session)
    with pytest.raises(NotObservedLeft) as refused:
        desk.sign(BRUNO, session)
    assert refused.value.codes == ("01.08", "02.05", "02.07", "03.04")
    assert (
        "compétences encore « non observées » : 01.08, 02.05, 02.07, 03.04"
        in refused.value.message("fr")
    )
    assert (
        "competenties nog 'niet waargenomen': 01.08, 02.05, 02.07, 03.04"
        in refused.value.message("nl")
    )
    desk.override(ANNE, session, "01.08", "NOK", "aucune prise de congé dans les règles")
    with pytest.raises(NotObservedLeft) as still:
        desk.sign(BRUNO, session)
    assert still.value.codes == ("02.05", "02.07", "03.04")
    resolve_not_observed(desk, ANNE, session)
    desk.sign(BRUNO, session)
    assert desk.review(session).status == SIGNED


def test_a_signed_session_is_locked_until_reopened_and_the_reopen_is_in_the_audit(desk):
    desk, ids = desk
    session = ids["ideal"]
    _signed(desk, session)
    with pytest.raises(SessionLocked) as locked:
        desk.override(ANNE, session, "01.01", "NOK", "changement d'avis après réécoute")
    assert "rouvrez-la d'abord" in locked.value.message("fr")
    assert "re-open it first" in locked.value.message("en")
    with pytest.raises(SessionLocked):
        desk.mark_reviewed(BRUNO, session)
    with pytest.raises(InvalidTransition) as twice:
        desk.sign(ANNE, session)
    assert "déjà signée (par Bruno)" in twice.value.message("fr")
    entry = desk.reopen(BRUNO, session, "  réclamation du candidat sur 01.01  ")
    assert (entry.action, entry.assessor, entry.payload) == (
        REOPEN,
        BRUNO,
        {"reason": "réclamation du candidat sur 01.01"},
    )
    assert desk.review(session).audit[-1] == entry
    done = desk.override(ANNE, session, "01.01", "NOK", "salutation absente à la réécoute")
    assert desk.review(session).final()["01.01"] == "nok" and done.previous == "ok"


@pytest.mark.parametrize("reason", ["", "  ", "\t\n"])
def test_reopening_needs_a_reason(desk, reason):
    desk, ids = desk
    session = ids["ideal"]
    _signed(desk, session)
    with pytest.raises(ReasonRequired):
        desk.reopen(ANNE, session, reason)
    assert desk.review(session).status == SIGNED


@pytest.mark.parametrize("step", ["scored", "reviewed"])
def test_only_a_signed_session_can_be_reopened(desk, step):
    desk, ids = desk
    session = ids["never-confirms"]
    if step == "reviewed":
        desk.mark_reviewed(ANNE, session)
    with pytest.raises(InvalidTransition) as refused:
        desk.reopen(ANNE, session, "pour voir la session de plus près")
    assert "Seule une session signée" in refused.value.message("fr")
    status = "nagekeken" if step == "reviewed" else "beoordeeld"
    assert (
        refused.value.message("nl")
        == f"Alleen een ondertekende sessie kan heropend worden; sessie {session} is '{status}'."
    )


def test_sessions_filter_by_epreuve_status_and_dates(desk):
    desk, ids = desk
    desk.mark_reviewed(ANNE, ids["never-confirms"])
    everything = desk.sessions()
    epreuve = everything[0].epreuve_id
    assert [r.session_id for r in desk.sessions(status=REVIEWED)] == [ids["never-confirms"]]
    assert [r.session_id for r in desk.sessions(status=TO_SCORE)] == [ids["careless"]]
    assert (
        len(desk.sessions(epreuve=epreuve)) == 3
        and desk.sessions(epreuve="standard-inexistant") == []
    )
    assert len(desk.sessions(since="2026-01-05", until="2026-01-05")) == 3
    assert desk.sessions(since="2026-01-06") == [] and desk.sessions(until="2026-01-04") == []
    with pytest.raises(InvalidFilter):
        desk.sessions(since="05/01/2026")
    with pytest.raises(InvalidFilter):
        desk.sessions(status="archived")
    with pytest.raises(UnknownSessionReview):
        desk.review("S-000000000000")


def test_a_signature_stands_behind_its_grille_only(desk):
    """Re-opened and scored again with another result (another rubric), a session is back to scored: it must be
    reviewed and signed again; the audit keeps the earlier review and signature."""
    import dataclasses
    import hashlib
    import json

    desk, ids = desk
    session = ids["ideal"]
    _signed(desk, session)
    same = desk.grilles.latest(session)
    desk.reopen(ANNE, session, "nouvelle grille de notation plus stricte")
    grille = json.loads(same.grille_json)
    grille["competencies"][0]["verdict"] = "nok"  # a rescore under a stricter rubric
    grille["rubric"]["sha256"] = "5" * 64
    text = json.dumps(grille, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    changed = dataclasses.replace(
        same,
        grille_json=text,
        grille_sha256=hashlib.sha256(text.encode()).hexdigest(),
        rubric_sha256="5" * 64,
    )
    desk.grilles.put([changed], "2026-01-07T10:00:00.000")
    review = desk.review(session)
    assert (review.status, review.signed_by, review.reviewed_by) == (SCORED, "", ())
    assert [e.action for e in review.audit][-3:] == [
        "review",
        "sign",
        "reopen",
    ]  # the audit still shows them
    resolve_not_observed(desk, ANNE, session)
    desk.mark_reviewed(ANNE, session)
    desk.sign(BRUNO, session)
    assert desk.review(session).status == SIGNED


def test_a_grille_stored_after_the_signature_without_a_reopen_is_refused_and_named(desk):
    """The insider's move: a copy of the signed grille with other verdicts appended to the (chained) table."""
    import dataclasses
    import hashlib
    import json

    from scoring.assessment.model import TamperDetected

    desk, ids = desk
    session = ids["ideal"]
    _signed(desk, session)
    same = desk.grilles.latest(session)
    grille = json.loads(same.grille_json)
    grille["competencies"][0]["verdict"] = (
        "ok" if grille["competencies"][0]["verdict"] == "nok" else "nok"
    )
    text = json.dumps(grille, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    forged = dataclasses.replace(
        same, grille_json=text, grille_sha256=hashlib.sha256(text.encode()).hexdigest()
    )
    desk.grilles.put([forged], "2026-01-07T10:00:00.000")
    forged_id = desk.grilles.head()[0]
    with pytest.raises(TamperDetected) as refused:
        desk.review(session)
    assert f"Grille n° {forged_id} (session {session})" in refused.value.message("fr")
    found = desk.verify_audit()
    assert (found.table, found.seq, found.code) == ("grilles", forged_id, "grille_conflict")
