"""The mail tool attaches documents of the contact's documentation: ticked in the composer at the
keyboard, journalled with the mail, and refused by the engine when a name is not a document."""

from __future__ import annotations

from textual.widgets import Select, SelectionList

from simulator.app.widgets.tool_deck import ToolDeck
from tests.app.app_support import make_app
from tests.app.keyboard import KeyboardCandidate
from tests.app.screen_states import CANDIDATE, played
from tests.app.test_tool_panels import _to_tool


async def test_a_document_ticked_in_the_composer_is_sent_as_an_attachment_and_journalled():
    store, clock = played(1, replies=1)  # the customer's mail, whose contact has a documentation
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(100, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        ((mail_id, _sender, _subject, _body),) = app.screen.view.inbox
        await _to_tool(candidate, "mail")
        panel = app.screen.query_one(ToolDeck).panel("mail")
        documents = [doc for doc, _title in panel.documents]
        assert len(documents) >= 2 and panel.choices["attachments"] == tuple(documents)
        await candidate.select(panel.query_one("#op", Select), "send", panel.choices["op"])
        reply_to = panel.query_one("#arg-in_reply_to", Select)
        await candidate.select(reply_to, mail_id, panel.choices["in_reply_to"])
        await candidate.tab_to(panel.query_one("#arg-body"))
        await candidate.type(
            "Madame, Monsieur, vous trouverez la procédure en pièce jointe. Cordialement, Alex"
        )
        attachments = panel.query_one("#arg-attachments", SelectionList)
        await candidate.tab_to(attachments)
        await candidate.press("down", "space")  # the second document of the list
        assert attachments.selected == [documents[1]]
        await candidate.press("f5")
        sent = [e.payload for e in store.events(app.session.session_id) if e.type == "action"][-1]
    assert sent["action"]["args"]["attachments"] == [documents[1]]
    assert sent["result"]["ok"] and sent["result"]["result"]["attachments"] == [documents[1]]


async def test_a_mail_without_attachment_journals_no_attachments_field():
    store, clock = played(1, replies=1)
    app = make_app(store=store, clock=clock, candidate=CANDIDATE)
    async with app.run_test(size=(100, 40)) as pilot:
        candidate = KeyboardCandidate(pilot)
        await candidate.press("enter")
        ((mail_id, _sender, _subject, _body),) = app.screen.view.inbox
        await _to_tool(candidate, "mail")
        panel = app.screen.query_one(ToolDeck).panel("mail")
        await candidate.select(panel.query_one("#op", Select), "send", panel.choices["op"])
        await candidate.select(
            panel.query_one("#arg-in_reply_to", Select), mail_id, panel.choices["in_reply_to"]
        )
        await candidate.tab_to(panel.query_one("#arg-body"))
        await candidate.type("Madame, Monsieur, nous corrigeons votre facture. Cordialement, Alex")
        await candidate.press("f5")
        sent = [
            e.payload["action"] for e in store.events(app.session.session_id) if e.type == "action"
        ][-1]
    assert sent["tool"] == "mail" and "attachments" not in sent["args"]
