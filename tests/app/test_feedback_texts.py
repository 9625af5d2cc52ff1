"""Practice feedback on typed texts: what was missing is said, and an unsure judgement shows as « ? »."""

from __future__ import annotations

from rich.console import Console

from simulator.app.screens.feedback import feedback_table
from simulator.engine.evidence import Evidence


def _rendered(items) -> str:
    console = Console(width=120, record=True, color_system=None)
    console.print(feedback_table(items, "fr", ("", "Compétence", "Ce qui a été observé")))
    return console.export_text()


def test_a_failed_typed_text_says_what_it_lacked_and_an_unsure_one_is_marked():
    failed = Evidence(
        "01.09",
        False,
        False,
        "text:recap/recap-date",
        "text",
        "C",
        {"fr": "Le récapitulatif donne la date.", "en": "The recap gives the date."},
        {"fr": "manque : 2026-01-07", "en": "missing: 2026-01-07"},
    )
    unsure = Evidence(
        "01.09",
        False,
        False,
        "text:recap/recap-adresse",
        "text",
        "C",
        {"fr": "Le récapitulatif donne l'adresse.", "en": "The recap gives the address."},
        {
            "fr": "à confirmer : ton possiblement sarcastique",
            "en": "to confirm: possibly sarcastic",
        },
        unsure=True,
    )
    shown = Evidence(
        "01.06",
        True,
        False,
        "text:recap/x",
        "text",
        "C",
        {"fr": "Pas de promesse.", "en": "No promise."},
        {"fr": "ignoré", "en": "ignored"},
    )
    text = _rendered([failed, unsure, shown])
    assert "✘" in text and "manque : 2026-01-07" in text
    assert "?" in text and "à confirmer : ton possiblement sarcastique" in text
    assert "ignoré" not in text
