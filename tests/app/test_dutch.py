"""A Dutch-speaking candidate reads Dutch: the interface, and the engine's refusals where the app shows them."""

from __future__ import annotations

from textual.widgets import Input, Select, Static

from simulator.app.widgets.tool_deck import ToolDeck
from simulator.engine.toolbox import ActionRefused
from simulator.i18n import Message
from tests.app.app_support import make_app, screen_text
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played
from tests.app.test_whole_epreuve import english_leaks


def test_a_refusal_is_read_in_the_candidates_language():
    refusal = ActionRefused("busy", Message("Finish the current contact first."))
    assert refusal.message("nl") == "Rond eerst het lopende contact af."
    assert refusal.message("fr") == "Terminez d'abord le contact en cours."
    assert refusal.message("en") == str(refusal) == "Finish the current contact first."


async def test_a_tool_refusal_is_shown_in_dutch_in_the_dutch_console():
    store, clock = played(0, replies=1, language="nl")
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang="nl")
    async with app.run_test(size=(80, 24)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        await candidate.press("f7")
        panel = app.screen.query_one(ToolDeck).panel("customer_db")
        await candidate.tab_to(panel.query_one("#op", Select))
        await candidate.select(panel.query_one("#op", Select), "open", panel.choices["op"])
        await candidate.tab_to(panel.query_one("#arg-record", Input))
        await candidate.type("R9999")
        await candidate.press("f5")
        assert (
            str(panel.query_one("#status", Static).render()) == "Klantenfiche niet gevonden: R9999."
        )
        assert english_leaks(screen_text(app), "nl") == []
