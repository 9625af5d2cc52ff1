"""What the understanding module reads in a typed text: numbers, times and dates in words, concepts,
negation, tone and sentences — the cases a jury member raised against the old phrase check."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from simulator.engine.textcheck import check_text

#: The child process imports this source tree, whatever folder the tests were started from.
REPO = Path(__file__).resolve().parents[2]

MONDAY = date(2026, 11, 23)


def outcome(text, requires=(), forbids=(), lang="fr", *, today=MONDAY, sentence=False):
    return check_text(
        text, list(requires), list(forbids), lang, today=today, sentence=sentence
    ).outcome


@pytest.mark.parametrize(
    ("text", "lang", "number"),
    [
        ("au numéro septante-deux", "fr", "72"),
        ("nonante-neuf euros", "fr", "99"),
        ("quatre-vingt-dix-neuf", "fr", "99"),
        ("soixante-douze", "fr", "72"),
        ("huisnummer tweeënzeventig", "nl", "72"),
        ("number seventy-two", "en", "72"),
    ],
)
def test_numbers_in_words_are_numbers(text, lang, number):
    assert outcome(text, [number], lang=lang) == "met"
    assert outcome(text, ["73"], lang=lang) == "not_met"


@pytest.mark.parametrize(
    ("text", "lang", "hhmm"),
    [
        ("à quatre heures et demie", "fr", "16:30"),
        ("à 14h30", "fr", "14:30"),
        ("om 14 u 30", "nl", "14:30"),
        ("om half drie", "nl", "14:30"),
        ("entre 13 et 17 h", "fr", "13:00"),
        ("tussen 13 en 17 uur", "nl", "13:00"),
        ("at 2 pm", "en", "14:00"),
        ("seize heures trente", "fr", "16:30"),
        ("à midi", "fr", "12:00"),
    ],
)
def test_times_as_people_write_them(text, lang, hhmm):
    assert outcome(text, [{"time": hhmm}], lang=lang) == "met"


def test_a_morning_hour_is_not_the_afternoon_one():
    assert outcome("à 8h du matin", [{"time": "20:00"}]) == "not_met"
    assert outcome("à 16.30 euros près", [{"time": "16:30"}]) == "not_met"


@pytest.mark.parametrize(
    "text",
    [
        "mercredi 25",
        "le 25",
        "après-demain",
        "mercredi",
        "le mercredi 25 novembre",
        "woensdag",
        "overmorgen",
        "on Wednesday",
    ],
)
def test_dates_are_read_against_the_contacts_today(text):
    assert outcome(text, [{"date": "2026-11-25"}]) == "met"


def test_the_same_words_on_another_day_mean_another_date():
    assert outcome("après-demain", [{"date": "2026-11-25"}], today=date(2026, 11, 24)) == "not_met"
    assert outcome("mercredi 4", [{"date": "2026-11-25"}]) == "not_met"
    assert outcome("à demain", [{"date": "2026-11-24"}]) == "not_met"  # a farewell names no date


def test_a_note_may_refuse_relative_dates():
    from simulator.engine.textcheck import DateValue

    assert outcome("Renvoi demain.", [DateValue("2026-11-24", relative=False)]) == "not_met"
    assert outcome("Renvoi le mardi 24.", [DateValue("2026-11-24", relative=False)]) == "met"


@pytest.mark.parametrize(
    "text",
    [
        "un nouvel envoi",
        "le colis sera renvoyé",
        "nous réexpédions la lampe",
        "la réexpdition est prévue",
        "we sturen het pakket opnieuw",
        "we will reship it",
    ],
)
def test_concepts_cover_paraphrases_inflections_and_typos(text):
    lang = "nl" if "pakket" in text else "en" if "reship" in text else "fr"
    assert outcome(text, [{"concept": "reexpedition"}], lang=lang) == "met"


@pytest.mark.parametrize(
    "text", ["Votre pièce d'identité.", "Votre eID.", "N'oubliez pas votre carte d'identité."]
)
def test_identity_card_concept(text):
    assert outcome(text, [{"concept": "carte-identite"}]) == "met"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il n'y aura pas de réexpédition.", "fr"),
        ("Nous ne renverrons pas le colis.", "fr"),
        ("Aucune réexpédition n'est prévue.", "fr"),
        ("La réexpédition n'est pas possible.", "fr"),
        ("We sturen het pakket niet opnieuw.", "nl"),
        ("We won't resend it.", "en"),
        ("No redelivery, sorry.", "en"),
    ],
)
def test_a_required_element_under_a_negation_is_not_stated(text, lang):
    assert outcome(text, [{"concept": "reexpedition"}], lang=lang) == "not_met"


def test_negation_ends_with_its_clause_and_set_phrases_are_not_negations():
    assert (
        outcome("Pas de remboursement, mais le colis sera renvoyé.", [{"concept": "reexpedition"}])
        == "met"
    )
    assert outcome("N'hésitez pas à nous appeler au 081 25 60 00.", ["081 25 60 00"]) == "met"
    assert outcome("Pas de souci, nous renvoyons le colis.", [{"concept": "reexpedition"}]) == "met"


def test_what_must_not_be_said_counts_only_when_said():
    banned = [{"concept": "remboursement"}]
    assert outcome("Aucun remboursement n'est prévu.", forbids=banned) == "met"
    assert outcome("Vous serez remboursée.", forbids=banned) == "not_met"


@pytest.mark.parametrize(
    "text",
    [
        "je ne vous confirme rien, l'adresse reste fausse",
        "Toutes nos excuses, mais c'est votre faute.",
        "Nos excuses. Débrouillez-vous avec le transporteur.",
        "Excuses, espèce d'idiot.",
        "Désolé, tu recevras ton colis mercredi.",
    ],
)
def test_rude_refusing_or_familiar_texts_fail_even_with_the_right_words(text):
    assert outcome(text, [{"any_of": ["adresse", "excuses", "désolé"]}]) == "not_met"


def test_sarcasm_is_left_to_the_assessor():
    result = check_text("Toutes nos excuses, comme par hasard.", [{"concept": "excuses"}], [], "fr")
    assert result.outcome == "unsure" and result.unsure


def test_a_bare_list_of_values_is_not_a_recap():
    required = [{"date": "2026-11-25"}, "72"]
    assert outcome("25/11 ; 72 ; adresse", required, sentence=True) == "not_met"
    assert outcome("25/11 ; 72 ; adresse", required) == "met"
    assert outcome("Le colis arrivera le 25/11 au numéro 72.", required, sentence=True) == "met"


def test_a_negation_after_the_value_in_spoken_french_is_unsure():
    assert outcome("La réexpédition c'est pas sûr.", [{"concept": "reexpedition"}]) == "unsure"


def test_the_same_text_gives_the_same_judgement():
    args = (
        "Nous vous renvoyons le colis mercredi au 72.",
        [{"concept": "reexpedition"}, {"date": "2026-11-25"}, "72"],
        [],
    )
    assert check_text(*args, "fr", today=MONDAY) == check_text(*args, "fr", today=MONDAY)


def test_the_heavy_libraries_wait_until_a_text_is_judged():
    code = (
        "import sys, simulator.engine.textcheck, simulator.engine.session, simulator.app.app; "
        "print(sorted(m for m in ('text_to_num', 'simplemma', 'rapidfuzz') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_word_found_only_by_a_distant_spelling_is_left_to_the_assessor_with_a_guess():
    result = check_text("La réexpéditoin est prévue.", [{"concept": "reexpedition"}], [], "fr")
    assert result.outcome == "unsure" and result.guess is True
    assert result.unsure == (("spelling?", "reexpedition"),)


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("dans deux jours", "fr", "2026-11-25"),
        ("over twee dagen", "nl", "2026-11-25"),
        ("in 2 days", "en", "2026-11-25"),
        ("livraison le premier décembre", "fr", "2026-12-01"),
        ("on the first of December", "en", "2026-12-01"),
    ],
)
def test_days_counted_from_today_and_the_first_of_the_month(text, lang, iso):
    assert outcome(text, [{"date": iso}], lang=lang) == "met"
