"""Slips a candidate trips on while sitting the practice épreuve: keys, languages, focus, reading."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from simulator.app.widgets.prose import Prose
from simulator.app.widgets.reply_list import ReplyList
from simulator.app.widgets.tool_deck import ToolDeck
from simulator.tui.key_bar import KeyBar
from tests.app.app_support import make_app, screen_text
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played


@pytest.mark.parametrize(("lang", "label"), [("fr", "Fermer la liste"), ("nl", "Lijst sluiten")])
async def test_an_open_dropdown_says_how_to_close_it_in_the_candidates_language(lang, label):
    store, clock = played(0, replies=1, language=lang)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter", "f7")
        panel = app.screen.query_one(ToolDeck).panel("customer_db")
        await candidate.tab_to(panel.query_one("#op", Select))
        await candidate.press("enter")
        assert panel.query_one("#op", Select).expanded
        bar = str(app.screen.query_one(KeyBar).render())
        assert label in bar and "Dismiss" not in bar
        assert "Dismiss menu" not in screen_text(app)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_shift_tab_out_of_a_tool_never_arms_a_reply_that_enter_would_send(size):
    store, clock = played(0, replies=1)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=size) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        assert app.screen.view.replies, "the contact must offer replies for this test"
        await candidate.press("f7")
        deck = app.screen.query_one(ToolDeck)
        for _ in range(12):
            await candidate.press("shift+tab")
            if not any(isinstance(n, ToolDeck) for n in app.focused.ancestors_with_self):
                break
        before = app.session.seq
        if isinstance(app.focused, ReplyList):
            assert app.focused.highlighted is None
        await candidate.press("enter")
        assert app.session.seq == before, f"Enter on {app.focused!r} after Shift+Tab sent something"
        await candidate.press("escape")  # asked for: the replies are ready again
        assert isinstance(app.focused, ReplyList) and app.focused.highlighted == 0
        assert deck.present


async def test_the_screenshot_script_renders_dutch_screens_with_lang_nl():
    import html
    import importlib.util
    import re

    from tests.app.app_support import ROOT

    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    svg = await script.render("console-call", (80, 24), "nl")
    text = html.unescape(
        "".join(re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.DOTALL))
    ).replace("\xa0", " ")
    assert "Resterende tijd" in text and "Klant" in text
    assert "Temps restant" not in text and "Appelant" not in text


@pytest.mark.parametrize(
    ("lang", "heading"), [("fr", "Messages reçus : 1."), ("nl", "Ontvangen berichten: 1.")]
)
async def test_the_mail_tool_lists_the_inbox_and_reads_a_message_then_offers_to_answer_it(
    lang, heading
):
    from textual.widgets import Button, DataTable, Static

    from simulator.engine.actions import UseTool

    store, clock = played(1, language=lang)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        message = app.session.active_view().inbox[0]
        mail_id, sender, subject, body = message
        before = app.session.seq
        await candidate.act(UseTool(tool="mail", op="inbox", args={}))
        assert app.session.seq == before + 1
        panel = app.screen.query_one(ToolDeck).panel("mail")
        assert str(panel.query_one("#status", Static).render()).startswith(heading)
        table = panel.query_one("#result", DataTable)
        assert table.row_count == 1 and app.focused is table
        assert [str(c) for c in table.get_row_at(0)][:3] == [sender, subject, "02/03/2026"]
        await candidate.press(
            "enter"
        )  # the message's row: Read, the message chosen, the cursor on Run
        assert panel.op == "read" and isinstance(app.focused, Button)
        await candidate.press("enter")
        reader = panel.query_one("#reader-text", Prose).text
        assert body.split()[0] in reader and sender in reader
        assert panel.query_one("#arg-in_reply_to", Select).value == mail_id  # ready to answer it
        assert panel.query_one("#arg-to").value == sender


async def test_a_dutch_candidate_reads_types_and_sees_echoed_a_form_choice_in_dutch():
    from textual.widgets import DataTable, Static

    from simulator.engine.actions import UseTool

    store, clock = played(1, language="nl")  # the Connectis mail: a credit note to fill in
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang="nl")
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        await candidate.act(UseTool(tool="forms", op="open", args={"form": "note-de-credit"}))
        panel = app.screen.query_one(ToolDeck).panel("forms")
        table = panel.query_one("#result", DataTable)
        hint = [str(c) for c in table.get_row("motif")][2]
        assert "Facturatiefout" in hint and "Erreur de facturation" not in hint
        await candidate.act(
            UseTool(
                tool="forms",
                op="set",
                args={"form": "note-de-credit", "field": "motif", "value": "facturatiefout"},
            )
        )
        assert str(panel.query_one("#status", Static).render()) == "Opgeslagen: Facturatiefout"
        await candidate.act(
            UseTool(
                tool="forms",
                op="set",
                args={"form": "note-de-credit", "field": "montant", "value": "14,99"},
            )
        )
        assert str(panel.query_one("#status", Static).render()) == "Opgeslagen: 14,99"
        assert [str(c) for c in table.get_row("motif")][1] == "Facturatiefout"
        draft = app.session.contact(app.session.state.active).box.forms.drafts["note-de-credit"]
        assert (
            draft.values["motif"] == "Erreur de facturation" and draft.values["montant"] == "14.99"
        )


@pytest.mark.parametrize(("lang", "close"), [("fr", "Échap Fermer"), ("nl", "Esc Sluiten")])
async def test_the_key_bar_names_the_keys_as_the_help_text_does(lang, close):
    store, clock = played(0, replies=1, language=lang)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        bar = str(app.screen.query_one(KeyBar).render())
        assert " F1 " in bar and " Ctrl+Q " in bar and "^q" not in bar and " f1 " not in bar
        await candidate.press("f1")
        assert close in str(app.screen.query_one(KeyBar).render())


@pytest.mark.parametrize("lang", ["fr", "nl"])
async def test_every_tool_field_label_fits_its_column_at_80x24(lang):
    from textual.widgets import Label

    from simulator.app.tool_shapes import ARG_LABELS

    store, clock = played(1, language=lang)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE, lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter", "f7")
        width = app.screen.query(".field-label").first(Label).outer_size.width
        too_long = [
            app.t(label)
            for label in (*ARG_LABELS.values(), "Operation")
            if len(app.t(label)) >= width
        ]
        assert too_long == []  # a label and its field never run into each other
