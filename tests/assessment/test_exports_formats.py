"""JSON Lines, CSV and HTML exports of a reviewed session: they parse back and say what the review says."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest

from scoring.assessment.model import pseudonym
from scoring.exports import FORMATS, Exported, export_many, export_one
from scoring.exports.csv_export import COLUMNS
from tests.assessment.review_samples import reviewed, scored

REASON = "La date de livraison a bien été reformulée au client."


@pytest.fixture(scope="module")
def session():
    return scored("never-confirms", 1)


@pytest.fixture(scope="module")
def signed(session):
    """01.09 turned to OK by Alice, every NON OBSERVÉ decided NOK by Bruno, reviewed by both, signed by Alice."""
    header, _events, grille = session
    unobserved = [c["code"] for c in grille["competencies"] if c["verdict"] == "not_observed"]
    overrides = [("Alice", "01.09", "ok", REASON)] + [
        ("Bruno", code, "nok", "Rien vu de probant.") for code in unobserved
    ]
    return reviewed(
        header, grille, overrides=tuple(overrides), reviewers=("Alice", "Bruno"), signer="Alice"
    )


def _item(review, session):
    header, events, _grille = session
    return Exported(review, header, events)


def test_jsonl_parses_back_to_the_review(signed, session):
    lines = [json.loads(line) for line in export_one("jsonl", _item(signed, session)).splitlines()]
    kinds = [line["kind"] for line in lines]
    assert kinds == ["session"] + ["competency"] * 23 + ["override"] * len(signed.overrides) + [
        "audit"
    ] * len(signed.audit)
    first = lines[0]
    assert first["session_id"] == signed.session_id and first["candidate"] == signed.candidate_id
    assert (
        first["status"] == "signed"
        and first["signed_by"] == "Alice"
        and first["reviewed_by"] == ["Alice", "Bruno"]
    )
    assert first["verdict"] == {"automatic": "nok", "final": "nok"}
    assert first["seed"] == 1 and first["epreuve_id"] == signed.epreuve_id
    competencies = {line["code"]: line for line in lines if line["kind"] == "competency"}
    assert {code: line["automatic"] for code, line in competencies.items()} == signed.automatic()
    assert {code: line["final"] for code, line in competencies.items()} == signed.final()
    assert competencies["01.09"]["overridden"] and not competencies["01.01"]["overridden"]
    assert competencies["01.09"]["label"] == "Confirmer l’accord pris avec l’interlocuteur"
    grille_evidence = {c["code"]: len(c["evidence"]) for c in signed.grille["competencies"]}
    assert {code: line["evidence"] for code, line in competencies.items()} == grille_evidence
    overrides = [line for line in lines if line["kind"] == "override"]
    assert (
        overrides[0]["reason"] == REASON
        and overrides[0]["audit_hash"] == signed.overrides[0].audit_hash
    )
    assert [line["seq"] for line in lines if line["kind"] == "audit"] == [
        e.seq for e in signed.audit
    ]


def test_csv_has_one_row_per_competency_with_both_verdicts(signed, session):
    rows = list(csv.DictReader(io.StringIO(export_one("csv", _item(signed, session), lang="en"))))
    assert tuple(rows[0]) == COLUMNS and len(rows) == 23
    by_code = {row["competency"]: row for row in rows}
    assert by_code["01.09"]["automatic"] == "nok" and by_code["01.09"]["final"] == "ok"
    assert by_code["01.09"]["overridden_by"] == "Alice" and by_code["01.09"]["reason"] == REASON
    assert by_code["01.09"]["label"] == "Confirm the agreement reached with the caller"
    assert (
        by_code["01.01"]["overridden_by"] == ""
        and by_code["01.01"]["automatic"] == by_code["01.01"]["final"]
    )
    assert {row["status"] for row in rows} == {"signed"} and {row["signed_by"] for row in rows} == {
        "Alice"
    }
    assert {row["date"] for row in rows} == {"2026-01-05"} and {
        row["candidate"] for row in rows
    } == {signed.candidate_id}


def test_html_shows_both_verdicts_the_reasons_and_the_signature(signed, session):
    page = unescape(export_one("html", _item(signed, session)))
    assert "@page" in page and "size: A4" in page
    assert (
        not re.search(r"""(src|href)=["']?(https?:)?//""", page)
        and "<script" not in page
        and "<link" not in page
    )
    assert REASON in page and "Rien vu de probant." in page
    assert "Grille signée par Alice le 2026-01-05 14:" in page and "Revue par" in page
    assert "Automatique" in page and "Évaluateur·rice" in page and "Résultat après revue" in page
    assert "Journal d'audit de la session" in page and signed.audit[-1].hash[:16] in page
    row = re.search(r"<td class=\"code\">01\.09</td>.*?</tr>", page, re.DOTALL).group(0)
    assert re.findall(r"v-(ok|nok|not_observed)", row) == ["nok", "ok"] and "modifié" in row


def test_html_of_an_unsigned_session_says_so_in_english(session):
    header, _events, grille = session
    page = unescape(export_one("html", _item(reviewed(header, grille), session), lang="en"))
    assert (
        "Grid not signed (status: scored)." in page
        and "No verdict changed: the automatic verdicts stand." in page
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_blind_exports_never_contain_the_candidate_id(fmt, session):
    header, _events, grille = session
    review = reviewed(
        header,
        grille,
        reviewers=("Alice",),
        overrides=(
            ("Alice", "01.09", "ok", f"Vérifié avec {header.candidate_id} : la date est reprise."),
        ),
    )
    named = export_one(fmt, _item(review, session))
    blind = export_one(fmt, _item(review, session), blind=True)
    assert header.candidate_id in named
    assert header.candidate_id not in blind and pseudonym(header.session_id) in unescape(blind)


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_review_same_bytes(fmt, signed, session):
    assert export_one(fmt, _item(signed, session)) == export_one(fmt, _item(signed, session))


def test_several_sessions_go_into_one_document(signed, session):
    other_header, other_events, other_grille = scored("ideal", 1)
    items = [
        _item(signed, session),
        Exported(reviewed(other_header, other_grille), other_header, other_events),
    ]
    rows = list(csv.DictReader(io.StringIO(export_many("csv", items))))
    assert len(rows) == 46 and [r["session"] for r in rows[::23]] == [
        signed.session_id,
        other_header.session_id,
    ]
    statements = json.loads(export_many("xapi", items))
    assert len({s["context"]["registration"] for s in statements}) == 2
    lines = export_many("jsonl", items).splitlines()
    assert sum(json.loads(line)["kind"] == "session" for line in lines) == 2
    with pytest.raises(ValueError):
        export_many("html", items)
