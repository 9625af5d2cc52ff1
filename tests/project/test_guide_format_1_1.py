"""The trainer's guide documents the format 1.1 additions and the checker's protective limits as the
code has them."""

from __future__ import annotations

from pathlib import Path

from simulator.i18n import translator
from simulator.scenario.yamlsource import MAX_BYTES, MAX_DEPTH, MAX_NODES
from simulator.trainer.play import HELP

GUIDE = (Path(__file__).resolve().parents[2] / "scenarios" / "README.md").read_text(
    encoding="utf-8"
)


def test_the_guide_states_the_limits_the_checker_applies():
    assert (
        f"{MAX_BYTES:,} octets".replace(",", "\u202f") in GUIDE
        or f"{MAX_BYTES:,}".replace(",", " ") in GUIDE
    )
    assert f"{MAX_DEPTH} niveaux" in GUIDE
    assert f"{MAX_NODES:,}".replace(",", " ") in GUIDE


def test_the_guide_documents_each_format_1_1_key():
    for key in (
        "variables",
        "on_tool",
        "when",
        "branches",
        "set",
        "lookalike_match",
        "search_notes",
        "distractors",
        "same_as_target",
        "commune",
        "province",
        "generator",
        "calendars",
        "min_minutes",
        "count",
        "typed",
        "expect_refused",
        "reason",
        "first_workday_of_next_month",
        "next_weekday",
    ):
        assert f"`{key}" in GUIDE, key
    assert "`{{ record.<rôle>.<champ> }}`" in GUIDE


def test_the_guide_and_the_players_help_agree_on_mail():
    assert "`:mail <à> | <objet> | <texte> | <document>, …`" in GUIDE
    assert ":mail <à> | <objet> | <texte> [| <document>, …]" in translator("checker", "fr")(HELP)
