"""A tool's refusal is journalled in the same words as before the catalogs (French, English and Dutch,
in that order; the customer database's older refusals without Dutch), so journals keep their bytes."""

from __future__ import annotations

import json
from datetime import date

from simulator.engine.personas import make_persona
from simulator.engine.toolbox import Toolbox, run_tool
from simulator.engine.tools.customer_db import CustomerDatabase
from simulator.engine.tools.mail import Mailbox

TODAY = date(2026, 3, 2)


def _box() -> Toolbox:
    db = CustomerDatabase.build(3, target=make_persona(3, today=TODAY), today=TODAY, background=5)
    return Toolbox(db, None, None, None, None, Mailbox(), ())


def _error(tool: str, op: str, args: dict[str, object], box: Toolbox | None = None) -> str:
    result = run_tool(box or _box(), tool, op, args)
    assert result["ok"] is False
    return json.dumps(result["error"], ensure_ascii=False)


def test_an_invalid_postcode_is_journalled_in_its_three_languages_as_before():
    box = _box()
    record = box.customer_db.snapshot()["initial"][0]["record_id"]  # type: ignore[union-attr]
    assert _error(
        "customer_db", "update", {"record": record, "field": "postcode", "value": "12"}, box
    ) == (
        '{"code": "invalid_postcode", '
        '"fr": "Code postal invalide : « 12 ». Un code postal belge compte 4 chiffres.", '
        '"en": "Invalid postcode: “12”. A Belgian postcode has 4 digits.", '
        '"nl": "Ongeldige postcode: ‘12’. Een Belgische postcode heeft 4 cijfers."}'
    )


def test_a_new_record_missing_fields_names_them_in_each_language_without_dutch_as_before():
    assert _error(
        "customer_db", "create", {"fields": {"postcode": "1000", "city": "Bruxelles"}}
    ) == (
        '{"code": "missing_value", "fr": "Champs obligatoires à compléter : nom, prénom.", '
        '"en": "Required fields to fill in: last name, first name."}'
    )


def test_every_problem_of_a_mail_is_one_sentence_of_the_same_refusal():
    error = json.loads(
        _error("mail", "send", {"to": "claire@example.be", "subject": " ", "body": ""})
    )
    assert error == {
        "code": "invalid_message",
        "fr": "L'objet est vide. Le message est vide.",
        "en": "The subject is empty. The message body is empty.",
        "nl": "Het onderwerp is leeg. Het bericht is leeg.",
    }


def test_a_value_python_refuses_is_journalled_with_its_reason():
    error = json.loads(_error("mail", "send", {"attachments": 5}))
    assert error == {
        "code": "invalid-argument",
        "fr": "Valeur refusée : 'int' object is not iterable",
        "en": "Value refused: 'int' object is not iterable",
        "nl": "Waarde geweigerd: 'int' object is not iterable",
    }
