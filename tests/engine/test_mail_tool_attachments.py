"""Attachments are documents of the contact's documentation: the mail tool sends them and refuses a
name that is not a document (the candidate sees why, nothing is sent)."""

from __future__ import annotations

import pytest

from simulator.engine.tools.errors import InvalidMessage
from simulator.engine.tools.mail import Mailbox
from tests.trainer.test_play import play


def _draft(box: Mailbox, *attachments: str):
    draft = box.compose()
    draft.to, draft.subject, draft.body = (
        "client@exemple.be",
        "Documents",
        "Bonjour, voici les documents.",
    )
    draft.attachments = attachments
    return draft


def test_a_document_of_the_documentation_is_attached():
    box = Mailbox(attachable=["faq-delais", "script-incident-livraison"])
    assert box.send(_draft(box, "faq-delais")).attachments == ("faq-delais",)


def test_a_name_that_is_no_document_is_refused_and_nothing_is_sent():
    box = Mailbox(attachable=["faq-delais"])
    with pytest.raises(InvalidMessage) as caught:
        box.send(_draft(box, "faq-delais", "cgv"))
    assert tuple(caught.value.fields) == ("attachments",) and "cgv" in caught.value.message("fr")
    assert box.sent == []


def _tool_results(session):
    return [
        e.payload
        for e in session.store.events(session.session_id)
        if e.type == "action" and e.payload["action"]["kind"] == "tool"
    ]


def test_the_terminal_player_attaches_documents_and_journals_them():
    _, out, session = play(
        [
            "1",
            ":mail client@exemple.be | Votre commande | Bonjour, voici nos délais. | faq-delais",
            ":mail client@exemple.be | Votre commande | Bonjour, voici nos conditions. | cgv",
            ":quitter",
        ]
    )
    attached, refused = _tool_results(session)
    assert attached["result"]["ok"] and attached["result"]["result"]["attachments"] == [
        "faq-delais"
    ]
    assert not refused["result"]["ok"]
    assert "Pièce jointe inconnue de la documentation : cgv." in out
