"""xAPI 1.0.3 export: the spec's required fields, stable ids, overrides as a voiding statement plus a new one."""

from __future__ import annotations

import json
import re
import uuid
from datetime import datetime, timedelta

import pytest

from scoring.assessment.model import pseudonym
from scoring.exports.belgian_time import with_offset
from scoring.exports.xapi import export_xapi, registration, statements
from tests.assessment.review_samples import reviewed, scored

ADL = "http://adlnet.gov/expapi/verbs/"
VERDICT = "urn:callsim:xapi:verdict"
ISO_8601 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$")


@pytest.fixture(scope="module")
def session():
    return scored("never-confirms", 1)


@pytest.fixture(scope="module")
def plain(session):
    header, _events, grille = session
    return reviewed(header, grille, reviewers=("Alice",))


@pytest.fixture(scope="module")
def overridden(session):
    """Alice turns 01.09 and 02.04 (the never-confirms failures) to OK, then Bruno turns 01.09 back to NOK."""
    header, _events, grille = session
    return reviewed(
        header,
        grille,
        reviewers=("Alice", "Bruno"),
        overrides=(
            ("Alice", "01.09", "ok", "La date a bien été reformulée au client."),
            ("Alice", "02.04", "ok", "Accord confirmé oralement."),
            ("Bruno", "01.09", "nok", "La reformulation ne reprend pas l'heure."),
        ),
    )


def _export(review, session, **options):
    header, events, _grille = session
    return export_xapi(review, header, events, **options)


def _is_uuid(text):
    return str(uuid.UUID(text)) == text


def test_every_statement_has_the_required_fields(overridden, session):
    items = json.loads(_export(overridden, session))
    assert items
    for item in items:
        assert _is_uuid(item["id"])
        assert item["version"] == "1.0.3"
        assert (
            ISO_8601.match(item["timestamp"])
            and datetime.fromisoformat(item["timestamp"]).tzinfo is not None
        )
        actor = item["actor"]
        assert actor["objectType"] == "Agent" and set(actor["account"]) == {"homePage", "name"}
        assert actor["account"]["homePage"] == "urn:callsim" and actor["account"]["name"]
        verb = item["verb"]
        assert verb["id"] in {ADL + v for v in ("passed", "failed", "attempted", "voided")}
        assert set(verb["display"]) == {"fr-BE", "en-US"}
        assert item["context"]["registration"] == registration(overridden.session_id)
        assert _is_uuid(item["context"]["registration"])
        if item["object"]["objectType"] == "StatementRef":
            assert verb["id"] == ADL + "voided" and _is_uuid(item["object"]["id"])
            assert "result" not in item and "platform" not in item["context"]
            continue
        activity = item["object"]
        assert activity["objectType"] == "Activity"
        assert re.match(r"^urn:callsim:(competency:\d\d\.\d\d|epreuve:[\w.~-]+)$", activity["id"])
        assert set(activity["definition"]["name"]) == {"fr-BE", "en-US"}
        verdict = item["result"]["extensions"][VERDICT]
        assert (
            verb["id"]
            == ADL + {"ok": "passed", "nok": "failed", "not_observed": "attempted"}[verdict]
        )
        if verdict == "not_observed":
            assert "success" not in item["result"]
        else:
            assert item["result"]["success"] is (verdict == "ok")


def test_one_statement_per_competency_then_one_for_the_epreuve(plain, session):
    items = json.loads(_export(plain, session))
    assert [s["object"]["id"] for s in items] == [
        f"urn:callsim:competency:{c['code']}" for c in plain.grille["competencies"]
    ] + ["urn:callsim:epreuve:" + plain.epreuve_id]
    by_code = {s["object"]["id"].rsplit(":", 1)[1]: s for s in items[:-1]}
    assert by_code["01.09"]["verb"]["id"] == ADL + "failed"
    assert (
        by_code["01.09"]["object"]["definition"]["name"]["fr-BE"]
        == "Confirmer l’accord pris avec l’interlocuteur"
    )
    assert (
        by_code["01.09"]["context"]["contextActivities"]["parent"][0]["id"]
        == items[-1]["object"]["id"]
    )
    assert items[-1]["result"]["extensions"][VERDICT] == plain.grille["verdict"]
    assert items[-1]["result"]["duration"].startswith("PT")
    ended = plain.grille["session"]["ended_at"]
    assert {s["timestamp"] for s in items} == {with_offset(ended)}


def test_ids_are_stable_across_exports_and_unique(overridden, session):
    header, _events, grille = session
    first = _export(overridden, session)
    again = reviewed(
        header,
        grille,
        reviewers=("Alice", "Bruno"),
        overrides=tuple(
            (o.assessor, o.competency, o.verdict, o.reason) for o in overridden.overrides
        ),
    )
    assert _export(again, session) == first
    ids = [s["id"] for s in json.loads(first)]
    assert len(ids) == len(set(ids))
    plain_ids = {s["id"] for s in json.loads(_export(reviewed(header, grille), session))}
    assert plain_ids < set(ids)  # the automatic statements keep their ids when overrides are added


def test_an_override_voids_the_statement_it_replaces_and_adds_a_new_one(overridden, session):
    items = json.loads(_export(overridden, session))
    by_id = {s["id"]: s for s in items}
    automatic_0109 = next(s for s in items if s["object"]["id"] == "urn:callsim:competency:01.09")
    voids = [s for s in items if s["verb"]["id"] == ADL + "voided"]
    first_void = next(v for v in voids if v["object"]["id"] == automatic_0109["id"])
    assert first_void["object"]["objectType"] == "StatementRef"
    assert first_void["actor"]["account"]["name"] == "Alice"
    replacement = items[items.index(first_void) + 1]
    assert replacement["object"]["id"] == "urn:callsim:competency:01.09"
    assert replacement["verb"]["id"] == ADL + "passed" and replacement["result"]["success"] is True
    assert (
        replacement["result"]["extensions"]["urn:callsim:xapi:reason"]
        == "La date a bien été reformulée au client."
    )
    assert replacement["context"]["instructor"]["account"]["name"] == "Alice"
    assert replacement["timestamp"] == with_offset(overridden.overrides[0].at)
    # Bruno's later override voids Alice's statement, not the automatic one
    bruno_void = next(
        v
        for v in voids
        if v["actor"]["account"]["name"] == "Bruno"
        and by_id[v["object"]["id"]]["object"]["id"] == "urn:callsim:competency:01.09"
    )
    assert bruno_void["object"]["id"] == replacement["id"]
    assert items[items.index(bruno_void) + 1]["verb"]["id"] == ADL + "failed"
    assert all(
        v["object"]["id"] in by_id and by_id[v["object"]["id"]]["verb"]["id"] != ADL + "voided"
        for v in voids
    )


def test_the_epreuve_statement_is_voided_when_overrides_change_its_verdict(overridden, session):
    """Automatic: NOK (01.09 and 02.04). After Alice's two overrides no NOK is left: the épreuve becomes
    NON OBSERVÉ (practice leaves competencies unobserved); Bruno's NOK on 01.09 makes it NOK again."""
    items = json.loads(_export(overridden, session))
    epreuve = "urn:callsim:epreuve:" + overridden.epreuve_id
    verdicts = [
        s["result"]["extensions"][VERDICT] for s in items if s["object"].get("id") == epreuve
    ]
    assert overridden.grille["verdict"] == "nok"
    assert verdicts == ["nok", "not_observed", "nok"]
    by_id = {s["id"]: s for s in items}
    voided_epreuves = [
        s
        for s in items
        if s["object"]["objectType"] == "StatementRef"
        and by_id[s["object"]["id"]]["object"]["id"] == epreuve
    ]
    assert len(voided_epreuves) == 2


def test_blind_statements_name_the_pseudonym_never_the_candidate(session):
    header, _events, grille = session
    review = reviewed(
        header,
        grille,
        reviewers=("Alice",),
        overrides=(("Alice", "01.09", "ok", f"Vu avec {header.candidate_id} en fin d'épreuve."),),
    )
    text = _export(review, session, blind=True)
    assert header.candidate_id not in text
    assert {
        s["actor"]["account"]["name"] for s in json.loads(text) if s["verb"]["id"] != ADL + "voided"
    } == {pseudonym(header.session_id)}
    named = {s["id"] for s in json.loads(_export(review, session))}
    assert named.isdisjoint(s["id"] for s in json.loads(text))


def test_home_page_is_configurable(plain, session):
    header, events, _grille = session
    items = statements(plain, header, events, home_page="https://centre.example.be")
    assert {s["actor"]["account"]["homePage"] for s in items} == {"https://centre.example.be"}


@pytest.mark.parametrize(
    "stamp, expected",
    [
        ("2026-01-05T09:00:00.000", "2026-01-05T09:00:00.000+01:00"),
        ("2026-07-14T12:30:15.250", "2026-07-14T12:30:15.250+02:00"),
        (
            "2026-03-29T01:59:59.999",
            "2026-03-29T01:59:59.999+01:00",
        ),  # last Sunday of March, before the change
        ("2026-03-29T03:00:00.000", "2026-03-29T03:00:00.000+02:00"),
        (
            "2026-10-25T02:30:00.000",
            "2026-10-25T02:30:00.000+02:00",
        ),  # the repeated hour: its first pass
        ("2026-10-25T03:00:00.000", "2026-10-25T03:00:00.000+01:00"),
    ],
)
def test_timestamps_carry_the_belgian_offset(stamp, expected):
    assert with_offset(stamp) == expected


def test_the_belgian_offset_matches_the_time_zone_database():
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time-zone database on this machine")
    moment = datetime(2025, 1, 1, 0, 30)
    while moment.year < 2028:
        expected = moment.replace(tzinfo=brussels).isoformat(timespec="milliseconds")
        assert with_offset(moment.isoformat(timespec="milliseconds")) == expected, moment
        moment += timedelta(hours=1)
