"""Numbers and dates echoed in the candidate's format: 14,99 and 06/12/2026 in French and Dutch."""

from __future__ import annotations

import pytest

from simulator.app.i18n import Translator
from simulator.app.tool_results import FormField, show
from simulator.formatting.display import shown_value

AMOUNT = FormField("montant", "Montant", "number", True, ())
DAY = FormField("jour", "Date", "date", True, ())


@pytest.mark.parametrize(
    ("lang", "number", "day"),
    [("fr", "14,99", "06/12/2026"), ("nl", "14,99", "06/12/2026"), ("en", "14.99", "06/12/2026")],
)
def test_stored_values_read_as_the_candidate_writes_them(lang, number, day):
    assert shown_value("14.99", "number", lang) == number
    assert shown_value("2026-12-06", "date", lang) == day
    assert (
        shown_value("1250", "number", lang) == "1250"
    )  # no grouping: typed back, it is the same number
    assert shown_value("ML-2026-45719", "number", lang) == "ML-2026-45719"  # not a number: as it is
    assert shown_value("2026-12-06", "text", lang) == "2026-12-06"


@pytest.mark.parametrize(
    ("lang", "saved"), [("fr", "Enregistré : 14,99"), ("nl", "Opgeslagen: 14,99")]
)
def test_a_form_echoes_the_amount_and_the_date_in_the_candidates_format(lang, saved):
    t = Translator(lang)
    fields = {"montant": AMOUNT, "jour": DAY}
    stored = show(
        "forms",
        "set",
        {"form": "f", "field": "montant", "value": "14,99"},
        "14.99",
        t,
        lang,
        fields,
    )
    assert stored.summary == saved and stored.stored == ("f", "montant", "14,99")
    opened = show(
        "forms",
        "open",
        {"form": "f"},
        {
            "template": {
                "id": "f",
                "title": "F",
                "fields": [
                    {"id": "montant", "label": "Montant", "type": "number"},
                    {"id": "jour", "label": "Date", "type": "date"},
                ],
            },
            "values": [["montant", "14.99"], ["jour", "2026-12-06"]],
        },
        t,
        lang,
    )
    assert [row.cells[1] for row in opened.rows] == ["14,99", "06/12/2026"]
    assert opened.rows[1].then == ("set", {"form": "f", "field": "jour", "value": "06/12/2026"})
    submitted = show(
        "forms",
        "submit",
        {"form": "f"},
        {"title": "F", "values": [["montant", "14.99"], ["jour", "2026-12-06"]]},
        t,
        lang,
        fields,
    )
    assert [row.cells for row in submitted.rows] == [("Montant", "14,99"), ("Date", "06/12/2026")]


def test_a_customer_record_shows_its_dates_day_first():
    t = Translator("fr")
    record = {
        "record_id": "R0001",
        "birth_date": "1975-03-02",
        "updated_on": "2026-01-15",
        "notes": "",
    }
    opened = show("customer_db", "open", {"record": "R0001"}, record, t, "fr")
    cells = {row.key: row.cells[1] for row in opened.rows}
    assert cells["birth_date"] == "02/03/1975" and cells["updated_on"] == "15/01/2026"
    assert opened.rows[1].then == (
        "update",
        {"record": "R0001", "field": "birth_date", "value": "02/03/1975"},
    )
