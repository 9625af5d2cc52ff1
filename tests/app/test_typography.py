"""Texts re-flowed to the pane: no hard line break from the YAML, no line starting with « ? », « ! » or « » »."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from simulator.app.typography import NBSP, fit, prose, tie, unwrap
from simulator.app.widgets.conversation import Conversation
from simulator.app.widgets.prose import Prose
from simulator.app.widgets.reply_list import ReplyList
from simulator.app.widgets.tool_deck import ToolDeck
from simulator.engine.actions import UseTool
from tests.app.app_support import make_app
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played

_STARTS_WITH_PUNCTUATION = re.compile(r"^\s*[?!:;»]")


def test_lines_a_trainer_wrapped_are_joined_but_paragraphs_lists_and_signatures_stay():
    yaml_text = (
        "Articles en stock : livraison en 3 à 5 jours ouvrables. Articles sur commande : 3 à 4\n"
        "semaines, le client est prévenu par mail.\n\n1. Vérifier l'adresse de livraison indiquée\n"
        "2. Réexpédier\n\nCordialement,\nMarie Dupont\n"
    )
    assert unwrap(yaml_text) == (
        "Articles en stock : livraison en 3 à 5 jours ouvrables. Articles sur commande : 3 à 4 "
        "semaines, le client est prévenu par mail.\n\n1. Vérifier l'adresse de livraison "
        "indiquée\n2. Réexpédier\n\nCordialement,\nMarie Dupont"
    )


def test_french_spaces_before_punctuation_and_inside_quotes_are_tied():
    assert tie("Vraiment ? Oui ! Note : ceci ; « cela »") == (
        f"Vraiment{NBSP}? Oui{NBSP}! Note{NBSP}: ceci{NBSP}; «{NBSP}cela{NBSP}»"
    )
    assert tie("Is it? Yes: 10:30") == "Is it? Yes: 10:30"


@given(
    st.lists(
        st.sampled_from(
            [
                "bonjour",
                "c'est",
                "inadmissible",
                "!",
                "?",
                "«",
                "»",
                ":",
                "Orsay",
                "3",
                "à",
                "ML-2026-45719",
                "d'expédition",
            ]
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(min_value=12, max_value=70),
)
def test_fitted_lines_fit_and_never_start_with_closing_punctuation(words, width):
    lines = fit(prose(" ".join(words)), width).plain.split("\n")
    for line in lines:
        assert (
            cell_len(line) <= width or " " not in line.strip()
        )  # only a word longer than the pane overflows
    assert [line for line in lines[1:] if _STARTS_WITH_PUNCTUATION.match(line)] == []


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (64, 24)])
async def test_the_conversation_replies_and_documents_never_start_a_line_with_punctuation(size):
    store, clock = played(0, replies=6)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=size) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        conversation = app.screen.query_one(Conversation)
        shown = [strip.text for strip in conversation.lines]
        assert any("!" in line or "?" in line for line in shown)
        briefing = [line for line in shown if line.startswith("[Maison Lumière]")]
        assert len(briefing) == 1, "the conversation is shown once, not again below itself"
        assert [line for line in shown if _STARTS_WITH_PUNCTUATION.match(line)] == []
        replies = app.screen.query_one(ReplyList)
        for index in range(replies.option_count):
            prompt = str(replies.get_option_at_index(index).prompt)
            assert [
                line for line in prompt.split("\n") if _STARTS_WITH_PUNCTUATION.match(line)
            ] == []
        await candidate.act(
            UseTool(tool="documentation", op="open", args={"article": "faq-delais"})
        )
        reader = (
            app.screen.query_one(ToolDeck).panel("documentation").query_one("#reader-text", Prose)
        )
        drawn = fit(reader.text, reader.content_region.width).plain
        assert "3 à 4 semaines" in reader.text.replace(NBSP, " ")  # the YAML's line break is gone
        assert reader.content_region.width > 0
        assert [line for line in drawn.split("\n") if _STARTS_WITH_PUNCTUATION.match(line)] == []
