"""Tests for simulator.engine.textcheck."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from simulator.engine.textcheck import (
    Amount,
    DateValue,
    Phrase,
    check_text,
    contains_amount,
    contains_date,
    requirement_from,
)
from simulator.formatting.dates import format_date, format_time
from simulator.formatting.text import contains_phrase, normalise

ISO = "2026-11-26"  # a Thursday


def test_normalise_folds_case_accents_quotes_and_punctuation() -> None:
    folded = normalise("  L\u2019Adresse \u2014 «Rue  du Marché»,\tn°21 ! ")
    assert folded == "l adresse rue du marche n 21"
    assert normalise("L'adresse") == normalise("l\u2019ADRESSE")
    assert normalise("Cœur d\u2019Œuvre") == "coeur d oeuvre"
    assert normalise("Saint\u2011Gilles\u2013Bruxelles") == "saint gilles bruxelles"
    assert normalise("") == ""


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("J'habite au 21, rue du Marché.", "21"),
        ("J'habite au 21, rue du Marché.", "rue du marche"),
        ("Numéro de client : BE-4471", "be 4471"),
        ("ÉLECTRICITÉ coupée depuis hier", "electricite coupee"),
        ("Le client s\u2019appelle M. Dupont", "s'appelle"),
        ("Bonjour,\nje vous confirme", "bonjour je vous confirme"),
    ],
)
def test_contains_phrase_positive(text: str, phrase: str) -> None:
    assert contains_phrase(text, phrase)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Il habite au 210 rue Haute", "21"),
        ("Il habite au 121 rue Haute", "21"),
        ("Elle habite ruelle des Moines", "rue"),
        ("Code 4471", "447"),
        ("rien à voir", ""),
        ("rien à voir", "  ... "),
    ],
)
def test_contains_phrase_negative(text: str, phrase: str) -> None:
    assert not contains_phrase(text, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "26/11",
        "le 26/11/2026",
        "26-11-2026",
        "26.11.26",
        "26.11.2026.",
        "26 / 11 / 2026",
        "26 novembre",
        "jeudi 26 novembre",
        "Jeudi 26 Novembre 2026",
        "le 26 nov.",
        "26 nov 2026",
        "RDV le 26/11 à 14h30",
        "le 26.11. Merci",
        "2026-11-26",
        "26-11 - 14h30",
        "26 november",
        "donderdag 26 november",
        "op 26 nov. om 14.30 uur",
        "26 November",
        "November 26",
        "Thursday, November 26th, 2026",
        "Thursday 26th of November",
        "on 26 Nov '26",
        "jeudi, 26/11",
    ],
)
def test_contains_date_positive(text: str) -> None:
    assert contains_date(text, ISO)


@pytest.mark.parametrize(
    "text",
    [
        "25/11",
        "26/10",
        "126/11",
        "26/111",
        "6/11",
        "11/26",
        "26/11/2025",
        "26.11.25",
        "26 octobre",
        "25 novembre",
        "26 oktober",
        "October 26",
        "26 novembre 2025",
        "mercredi 26 novembre",
        "woensdag 26 november",
        "Friday 26 November",
        "2026-11-25",
        "montant 26.11 €",
        "le 2611",
        "",
    ],
)
def test_contains_date_negative(text: str) -> None:
    assert not contains_date(text, ISO)


def test_contains_date_first_of_month_and_single_digits() -> None:
    assert contains_date("le 1er décembre", "2026-12-01")
    assert contains_date("le 01/12", "2026-12-01")
    assert contains_date("1/12/2026", "2026-12-01")
    assert contains_date("December 1st", "2026-12-01")
    assert not contains_date("le 11/12", "2026-12-01")
    assert contains_date("le 5 mars", "2026-03-05")
    assert contains_date("op 5 maart", "2026-03-05")
    assert contains_date("le 15 août", "2026-08-15")
    assert not contains_date("mar. 26 nov.", "2026-03-26")


def test_contains_date_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError):
        contains_date("26/11", "26/11/2026")
    with pytest.raises(ValueError):
        contains_date("26/11", ISO, lang="de")


@pytest.mark.parametrize(
    "text",
    [
        "49,90",
        "49.90",
        "49,90 €",
        "€ 49,90",
        "49 euros 90",
        "49€90",
        "EUR 49.90",
        "49,9 €",
        "49 euros et 90 centimes",
        "Le total est de 49,90.",
        "(49,90€)",
    ],
)
def test_contains_amount_positive(text: str) -> None:
    assert contains_amount(text, "49.90")


@pytest.mark.parametrize(
    "text",
    [
        "149,90",
        "49,95",
        "49,901",
        "4,90",
        "49 €",
        "49,09",
        "2.49,90",
        "49 minutes 90",
        "4990",
        "",
    ],
)
def test_contains_amount_negative(text: str) -> None:
    assert not contains_amount(text, "49.90")


def test_contains_amount_thousands_and_round_amounts() -> None:
    for text in ("1.234,50", "1 234,50 €", "1234.50", "1,234.50", "1234,5"):
        assert contains_amount(text, "1234.50"), text
    for text in ("49 €", "49,00", "49,-", "49 euros", "€49"):
        assert contains_amount(text, "49"), text
    for text in ("49 euros 90", "49,5", "149", "49.50"):
        assert not contains_amount(text, "49"), text
    assert contains_amount("5 euros 5", "5.05")
    assert contains_amount("5,05 €", "5,05")


def test_contains_amount_rejects_bad_amount() -> None:
    for bad in ("abc", "49.999", "-3", "NaN"):
        with pytest.raises(ValueError):
            contains_amount("49,90", bad)


def test_check_text_reports_missing_and_forbidden() -> None:
    text = "Le client habite rue du Marché 21 ; RDV jeudi 26/11 ; montant 49,90 €. Quel bordel."
    result = check_text(
        text,
        [
            "rue du marché",
            Phrase(("vingt-et-un", "21")),
            DateValue(ISO),
            Amount("49,90"),
            "210",
            {"any_of": ["Namur", "Liège"]},
        ],
        ["bordel", "débile"],
    )
    assert not result.ok
    assert result.missing == ("210", "Namur | Liège")
    assert result.forbidden_found == ("bordel",)


def test_check_text_ok() -> None:
    result = check_text(
        "Donderdag 26 november, bedrag 12,50 euro.",
        [{"date": ISO}, {"amount": "12.50"}, {"any_of": ["bedrag", "som"]}],
        ["sorry"],
        lang="nl",
    )
    assert result.ok and result.missing == () and result.forbidden_found == ()


def test_requirement_from() -> None:
    assert requirement_from("x") == Phrase(("x",))
    assert requirement_from({"date": ISO}) == DateValue(ISO)
    assert requirement_from({"amount": "49,9"}) == Amount("49.90")
    assert Amount("49,9").label == "49.90"
    for bad in ({"when": ISO}, {"any_of": "x"}, {"date": "tomorrow"}, 3, {"any_of": []}):
        with pytest.raises(ValueError):
            requirement_from(bad)  # type: ignore[arg-type]


def test_format_date_and_time() -> None:
    assert format_date(ISO) == "jeudi 26 novembre 2026"
    assert format_date(ISO, "nl") == "donderdag 26 november 2026"
    assert format_date(ISO, "en") == "Thursday 26 November 2026"
    assert format_date(ISO, "fr", "short") == "26/11/2026"
    assert format_date("2026-08-01") == "samedi 1er août 2026"
    assert format_date("2026-02-03", "nl", "short") == "03/02/2026"
    assert format_time("14:30") == "14h30"
    assert format_time("09:05", "nl") == "9.05 uur"
    assert format_time("14:30", "en") == "14:30"
    with pytest.raises(ValueError):
        format_date(ISO, "fr", "medium")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_formatted_dates_are_recognised(lang: str) -> None:
    for iso in ("2026-01-01", "2026-05-31", ISO, "2027-03-09"):
        assert contains_date(format_date(iso, lang), iso, lang)
        assert contains_date(format_date(iso, lang, "short"), iso, lang)


@given(st.text(), st.text())
def test_any_text_never_raises(text: str, phrase: str) -> None:
    normalise(text)
    contains_phrase(text, phrase)
    contains_date(text, ISO)
    contains_amount(text, "49.90")
    result = check_text(text, ["x", {"date": ISO}, {"amount": "1"}], [phrase or "y"])
    failed = result.missing or result.forbidden_found or result.tone or result.not_a_sentence
    assert result.ok is (not failed and not result.unsure)


@given(st.text(alphabet=st.characters(categories=["L", "N", "P", "Z"]), max_size=40))
def test_text_contains_itself(text: str) -> None:
    if normalise(text):
        assert contains_phrase(f"avant {text} après", text)
