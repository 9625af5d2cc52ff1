"""The tool panels at the keyboard: a mail answering the inbox message, a transfer chosen in the Services tab."""

from __future__ import annotations

from textual.widgets import Input, Select

from simulator.app.screens.transfer import TransferScreen
from simulator.app.widgets.tool_deck import ToolDeck
from tests.app.app_support import make_app
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played


async def _to_tool(candidate: KeyboardCandidate, tool: str) -> None:
    deck = candidate.app.screen.query_one(ToolDeck)
    await candidate.press("f7")
    while deck.active != f"tool-{tool}":
        await candidate.press("f7")


async def test_answering_the_inbox_message_fills_in_its_sender_and_subject():
    store, clock = played(1, replies=1)  # the second contact (a customer's mail) is open
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(80, 24)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        ((mail_id, sender, subject, _body),) = app.screen.view.inbox
        await _to_tool(candidate, "mail")
        panel = app.screen.query_one(ToolDeck).panel("mail")
        assert (
            panel.op == "inbox"
        )  # the mail tool opens on its inbox: sending is the operation after it
        await candidate.select(panel.query_one("#op", Select), "send", panel.choices["op"])
        reply_to = panel.query_one("#arg-in_reply_to", Select)
        await candidate.tab_to(reply_to)
        await candidate.select(reply_to, mail_id, panel.choices["in_reply_to"])
        assert panel.query_one("#arg-to", Input).value == sender
        assert panel.query_one("#arg-subject", Input).value == f"Re: {subject}"
        await candidate.tab_to(panel.query_one("#arg-body"))
        await candidate.type("Madame, Monsieur, nous corrigeons votre facture. Cordialement, Alex")
        await candidate.press("f5")
        sent = [
            e.payload["action"] for e in store.events(app.session.session_id) if e.type == "action"
        ][-1]
    assert (
        sent["tool"] == "mail"
        and sent["args"]["in_reply_to"] == mail_id
        and sent["args"]["to"] == sender
    )


async def test_a_service_chosen_in_the_services_tab_is_offered_by_the_transfer_key():
    store, clock = played(0, replies=1)  # the first call is taken
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(120, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        await _to_tool(candidate, "directory")
        await candidate.press("enter")  # an empty search lists every service
        panel = app.screen.query_one(ToolDeck).panel("directory")
        first = panel.shown.rows[0].key
        await candidate.press("enter")  # the first service is chosen for the transfer
        await candidate.press("f6")
        assert isinstance(app.screen, TransferScreen)
        assert app.screen.query_one("#service", Input).value == first
        await candidate.press("enter")
        actions = [
            e.payload["action"] for e in store.events(app.session.session_id) if e.type == "action"
        ]
    assert actions[-1] == {"kind": "transfer", "service": first}
