"""Tests for the standardised forms tool."""

from __future__ import annotations

import json

import pytest

from simulator.engine.tools.errors import (
    FormAlreadySubmitted,
    FormIncomplete,
    InvalidFieldValue,
    ToolError,
    UnknownField,
    UnknownForm,
)
from simulator.engine.tools.forms import (
    FieldSpec,
    FormDraft,
    Forms,
    FormTemplate,
    SubmittedForm,
    be_phone,
    is_email,
)

MOVE = FormTemplate(
    "move",
    "Déménagement",
    (
        FieldSpec("name", "Nom", "text", True),
        FieldSpec("date", "Date du déménagement", "date", True),
        FieldSpec("postcode", "Code postal", "postcode", True),
        FieldSpec("phone", "Téléphone", "phone", False),
        FieldSpec("email", "E-mail", "email", False),
        FieldSpec("meter", "Index", "number", False),
        FieldSpec("energy", "Énergie", "choice", True, ("Électricité", "Gaz")),
        FieldSpec("remarks", "Remarques", "multiline", False),
    ),
)
COMPLAINT = FormTemplate("complaint", "Plainte", (FieldSpec("what", "Objet", "text", True),))


def test_values_are_validated_and_normalised() -> None:
    draft = FormDraft(MOVE)
    assert draft.set("name", "  Jean   Dupont ") == "Jean Dupont"
    assert draft.set("date", "26/11/2026") == "2026-11-26"
    assert draft.set("date", "2026-11-27") == "2026-11-27"
    assert draft.set("date", "3.2.2027") == "2027-02-03"
    assert draft.set("postcode", " 1060 ") == "1060"
    assert draft.set("phone", "02/223.45.67") == "+32 2 223 45 67"
    assert draft.set("phone", "+32475123456") == "+32 475 12 34 56"
    assert draft.set("email", " jean.dupont@example.be ") == "jean.dupont@example.be"
    assert draft.set("meter", "12 345,50") == "12345.5"
    assert draft.set("meter", "42") == "42"
    assert draft.set("energy", "gaz") == "Gaz"
    assert draft.set("remarks", " ligne 1\nligne 2 ") == "ligne 1\nligne 2"
    assert draft.values["date"] == "2027-02-03"


@pytest.mark.parametrize(
    ("field_id", "value"),
    [
        ("date", "31/02/2026"),
        ("date", "demain"),
        ("date", "26/11/26"),
        ("postcode", "106"),
        ("postcode", "10600"),
        ("postcode", "0999"),
        ("postcode", "B-1060"),
        ("phone", "12345"),
        ("phone", "+33 1 23 45 67 89"),
        ("phone", "0412 34 56 78"),
        ("email", "jean.dupont"),
        ("email", "jean@dupont"),
        ("email", "a b@c.be"),
        ("meter", "douze"),
        ("meter", "nan"),
        ("energy", "Mazout"),
    ],
)
def test_invalid_values_are_refused_with_messages(field_id: str, value: str) -> None:
    draft = FormDraft(MOVE)
    with pytest.raises(InvalidFieldValue) as caught:
        draft.set(field_id, value)
    error = caught.value
    assert isinstance(error, ToolError) and error.code == "invalid_field_value"
    assert error.field_id == field_id
    label = MOVE.field(field_id).label
    assert label in error.message("fr") and label in error.message("en")
    assert field_id not in draft.values


def test_unknown_field_and_blank_clears() -> None:
    draft = FormDraft(MOVE)
    with pytest.raises(UnknownField):
        draft.set("age", "12")
    draft.set("name", "Dupont")
    assert draft.set("name", "   ") == ""
    assert "name" not in draft.values


def test_submit_requires_fields_then_freezes() -> None:
    draft = FormDraft(MOVE)
    assert draft.missing_required() == ["name", "date", "postcode", "energy"]
    draft.set("name", "Dupont")
    draft.set("energy", "Gaz")
    with pytest.raises(FormIncomplete) as caught:
        draft.submit()
    assert caught.value.missing == ("date", "postcode")
    assert "Date du déménagement" in caught.value.message("fr")
    draft.set("postcode", "5000")
    draft.set("date", "01/12/2026")
    submitted = draft.submit()
    assert submitted == SubmittedForm(
        "move",
        "Déménagement",
        (("name", "Dupont"), ("date", "2026-12-01"), ("postcode", "5000"), ("energy", "Gaz")),
    )
    assert submitted.get("postcode") == "5000" and submitted.get("phone") is None
    with pytest.raises(FormAlreadySubmitted):
        draft.set("name", "Martin")
    with pytest.raises(FormAlreadySubmitted):
        draft.submit()


def test_phone_and_email_helpers() -> None:
    assert be_phone("0032 9 223 45 67") == "+32 9 223 45 67"
    assert be_phone("081/22.33.44", allow_mobile=False) == "+32 81 22 33 44"
    assert be_phone("0475/12.34.56", allow_mobile=False) is None
    assert be_phone("") is None
    assert is_email("a.b+c@d-e.example.be") and not is_email("a@@b.be")
    assert not is_email("a..b@c.be") and not is_email("a@b.be, c@d.be")


def test_invalid_templates() -> None:
    with pytest.raises(ValueError):
        FieldSpec("x", "X", "colour", False)
    with pytest.raises(ValueError):
        FieldSpec("x", "X", "choice", False)
    with pytest.raises(ValueError):
        FormTemplate("t", "T", (FieldSpec("x", "X", "text", False),) * 2)


def test_forms_tool_keeps_drafts_and_submissions() -> None:
    forms = Forms([MOVE, COMPLAINT])
    complaint = forms.open("complaint")
    assert forms.open("complaint") is complaint
    complaint.set("what", "Facture")
    move = forms.open("move")
    move.set("name", "Dupont")
    complaint.submit()
    fresh = forms.open("complaint")
    assert fresh is not complaint and fresh.values == {}
    fresh.set("what", "Compteur")
    forms.submit("complaint")
    assert [s.get("what") for s in forms.submitted] == ["Facture", "Compteur"]
    with pytest.raises(UnknownForm):
        forms.open("nope")
    with pytest.raises(ValueError):
        Forms([MOVE, MOVE])


def test_snapshot_restore_round_trip() -> None:
    forms = Forms([MOVE, COMPLAINT])
    forms.open("complaint").set("what", "Facture")
    forms.submit("complaint")
    draft = forms.open("move")
    draft.set("phone", "0475 12 34 56")
    draft.set("name", "Dupont")
    snap = forms.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    again = Forms.restore(json.loads(json.dumps(snap)))
    assert again.snapshot() == snap
    assert again.templates == forms.templates
    resumed = again.open("move")
    assert resumed.values == {"phone": "+32 475 12 34 56", "name": "Dupont"}
    for field_id, value in (("date", "26/11/2026"), ("postcode", "1000"), ("energy", "gaz")):
        resumed.set(field_id, value)
    resumed.submit()
    assert [s.template_id for s in again.submitted] == ["complaint", "move"]
    single = FormDraft.restore(json.loads(json.dumps(draft.snapshot())))
    assert single.snapshot() == draft.snapshot()
