"""Overrides: a verdict changes only with a written reason, the scorer's verdict stays beside it, the audit records it."""

from __future__ import annotations

import pytest

from scoring.assessment.model import (
    OVERRIDE,
    REVIEWED,
    SCORED,
    InvalidOverride,
    ReasonRequired,
    SessionLocked,
    UnknownAssessor,
    UnknownSessionReview,
)
from tests.assessment.desk_support import memory_desk

ASSESSOR = "Anne Lefèvre"


@pytest.fixture()
def desk():
    desk, ids, _clock = memory_desk(ASSESSOR)
    return desk, ids


@pytest.mark.parametrize(
    "reason",
    ["", " ", "   ", "\t", "\n", " \t\r\n ", "\u00a0\u2003"],
    ids=["empty", "space", "spaces", "tab", "newline", "mixed", "unicode-spaces"],
)
def test_override_without_a_reason_is_refused_and_nothing_is_written(desk, reason):
    desk, ids = desk
    session = ids["never-confirms"]
    before = desk.audit_entries()
    with pytest.raises(ReasonRequired) as refused:
        desk.override(ASSESSOR, session, "01.09", "OK", reason)
    assert "raison écrite" in refused.value.message("fr")
    assert "written reason" in refused.value.message("en")
    assert desk.audit_entries() == before
    assert desk.review(session).final()["01.09"] == "nok"


def test_the_automatic_verdict_stays_visible_next_to_the_override(desk):
    desk, ids = desk
    session = ids["never-confirms"]
    done = desk.override(
        ASSESSOR, session, "01.09", "OK", "  Confirmation donnée oralement, audible à 09:12.  "
    )
    review = desk.review(session)
    assert review.automatic()["01.09"] == "nok"
    assert review.final()["01.09"] == "ok"
    assert (done.automatic, done.previous, done.verdict) == ("nok", "nok", "ok")
    assert done.reason == "Confirmation donnée oralement, audible à 09:12."
    assert review.overrides == (done,)
    entry = review.audit[-1]
    assert (entry.action, entry.assessor, entry.at, entry.seq) == (
        OVERRIDE,
        ASSESSOR,
        "2026-01-06T14:00:00.000",
        done.audit_seq,
    )
    assert entry.payload == {
        "competency": "01.09",
        "verdict": "ok",
        "previous": "nok",
        "automatic": "nok",
        "reason": "Confirmation donnée oralement, audible à 09:12.",
    }
    assert review.automatic_verdict() == "nok"
    assert review.final_verdict() == "nok", "02.04 is still NOK"


def test_a_second_override_records_the_previous_final_verdict_and_the_automatic_one(desk):
    desk, ids = desk
    session = ids["never-confirms"]
    desk.override(ASSESSOR, session, "02.04", "ok", "reformulation correcte à la fin de l'appel")
    back = desk.override(
        ASSESSOR, session, "02.04", "nok", "à la réécoute, la reformulation est incomplète"
    )
    assert (back.previous, back.automatic, back.verdict) == ("ok", "nok", "nok")
    assert desk.review(session).final()["02.04"] == "nok"
    assert len(desk.review(session).overrides) == 2


@pytest.mark.parametrize("verdict", ["OK", "ok", " Ok "])
def test_verdicts_are_read_case_insensitively(desk, verdict):
    desk, ids = desk
    assert (
        desk.override(
            ASSESSOR, ids["never-confirms"], "01.09", verdict, "vérifié à la réécoute de l'appel"
        ).verdict
        == "ok"
    )


@pytest.mark.parametrize("verdict", ["not_observed", "PASS", "", "oui"])
def test_only_ok_or_nok_may_be_given(desk, verdict):
    desk, ids = desk
    with pytest.raises(InvalidOverride) as refused:
        desk.override(
            ASSESSOR, ids["never-confirms"], "01.09", verdict, "vérifié à la réécoute de l'appel"
        )
    assert "OK ou NOK" in refused.value.message("fr")


@pytest.mark.parametrize("code", ["04.01", "1.09", "", "01.24"])
def test_only_a_competency_of_the_referentiel_may_be_overridden(desk, code):
    desk, ids = desk
    with pytest.raises(InvalidOverride) as refused:
        desk.override(
            ASSESSOR, ids["never-confirms"], code, "OK", "vérifié à la réécoute de l'appel"
        )
    assert "01.01" in refused.value.message("fr") and "03.05" in refused.value.message("en")


def test_overriding_to_the_verdict_it_already_has_is_refused(desk):
    desk, ids = desk
    with pytest.raises(InvalidOverride) as refused:
        desk.override(
            ASSESSOR, ids["never-confirms"], "01.01", "OK", "rien à changer après réécoute"
        )
    assert "déjà à OK" in refused.value.message("fr")
    assert desk.review(ids["never-confirms"]).overrides == ()


def test_a_session_not_yet_scored_cannot_be_overridden(desk):
    desk, ids = desk
    with pytest.raises(SessionLocked) as refused:
        desk.override(ASSESSOR, ids["careless"], "01.09", "OK", "vérifié à la réécoute de l'appel")
    assert f"callsim score {ids['careless']}" in refused.value.message("fr")


def test_unknown_sessions_and_assessors_are_refused(desk):
    desk, ids = desk
    with pytest.raises(UnknownSessionReview):
        desk.override(ASSESSOR, "S-000000000000", "01.09", "OK", "vérifié à la réécoute de l'appel")
    with pytest.raises(UnknownAssessor):
        desk.override(
            "Quelqu'un", ids["never-confirms"], "01.09", "OK", "vérifié à la réécoute de l'appel"
        )
    assert [e.action for e in desk.audit_entries()] == ["admin_added", "assessor_added"]


def test_an_override_keeps_a_reviewed_session_reviewed(desk):
    desk, ids = desk
    session = ids["never-confirms"]
    assert desk.review(session).status == SCORED
    desk.mark_reviewed(ASSESSOR, session)
    desk.override(ASSESSOR, session, "01.09", "OK", "vérifié à la réécoute")
    review = desk.review(session)
    assert review.status == REVIEWED
    assert review.reviewed_by == (ASSESSOR,)


def test_by_assessor_keeps_each_assessors_own_overrides_apart():
    desk, ids, _clock = memory_desk("Anne", "Bruno")
    session = ids["never-confirms"]
    desk.override("Anne", session, "01.09", "OK", "vérifié à la réécoute de l'appel")
    desk.override("Bruno", session, "02.04", "OK", "vérifié aussi à la réécoute")
    review = desk.review(session)
    assert (
        review.by_assessor("Anne")["01.09"] == "ok" and review.by_assessor("Anne")["02.04"] == "nok"
    )
    assert (
        review.by_assessor("Bruno")["01.09"] == "nok"
        and review.by_assessor("Bruno")["02.04"] == "ok"
    )
