"""Tests for the mail and fax composer tool."""

from __future__ import annotations

import json

import pytest

from simulator.engine.tools.errors import InvalidMessage, ToolError, UnknownMessage
from simulator.engine.tools.mail import IncomingMessage, Mailbox, SentMessage

INBOX = [
    IncomingMessage(
        "I1",
        "claire.martin@example.be",
        "Facture de novembre",
        "Bonjour, ma facture est trop élevée.",
        "2026-11-24T09:12",
    ),
]


def test_compose_and_send_mail() -> None:
    box = Mailbox(INBOX)
    draft = box.compose()
    draft.to = " jean.dupont@example.be "
    draft.subject = " Votre rendez-vous "
    draft.body = "Bonjour,\nvotre rendez-vous est fixé au jeudi 26 novembre.\n"
    draft.attachments = ("A4", "A1", "A4")
    message = box.send(draft)
    assert message == SentMessage(
        "M1",
        "mail",
        "jean.dupont@example.be",
        "Votre rendez-vous",
        "Bonjour,\nvotre rendez-vous est fixé au jeudi 26 novembre.",
        ("A4", "A1"),
        None,
    )
    assert box.sent == [message]
    assert box.drafts == []


def test_send_fax_normalises_number() -> None:
    box = Mailbox()
    draft = box.compose("fax")
    draft.to = "02/223.45.67"
    draft.subject = "Attestation"
    draft.body = "Veuillez trouver ci-joint l'attestation."
    assert box.send(draft).to == "+32 2 223 45 67"


def test_invalid_messages_list_every_problem() -> None:
    box = Mailbox()
    draft = box.compose()
    draft.to = "jean.dupont(at)example.be"
    draft.body = "   "
    with pytest.raises(InvalidMessage) as caught:
        box.send(draft)
    error = caught.value
    assert isinstance(error, ToolError) and error.code == "invalid_message"
    assert error.fields == ("to", "subject", "body")
    assert "objet" in error.message("fr") and "subject" in error.message("en")
    assert box.sent == [] and box.drafts == [draft]


@pytest.mark.parametrize("number", ["0475 12 34 56", "+33 1 23 45 67 89", "123", ""])
def test_fax_needs_a_belgian_landline(number: str) -> None:
    box = Mailbox()
    draft = box.compose("fax")
    draft.to, draft.subject, draft.body = number, "Objet", "Texte"
    with pytest.raises(InvalidMessage) as caught:
        box.send(draft)
    assert caught.value.fields == ("to",)


def test_reply_and_unknown_messages() -> None:
    box = Mailbox(INBOX)
    draft = box.reply("I1")
    assert (draft.to, draft.subject, draft.in_reply_to) == (
        "claire.martin@example.be",
        "Re: Facture de novembre",
        "I1",
    )
    draft.body = "Bonjour Madame Martin, ..."
    assert box.send(draft).in_reply_to == "I1"
    with pytest.raises(UnknownMessage):
        box.reply("I9")
    with pytest.raises(UnknownMessage):
        box.compose(in_reply_to="I9")
    with pytest.raises(ValueError):
        box.compose("sms")


def test_sent_or_discarded_draft_cannot_be_sent_again() -> None:
    box = Mailbox()
    draft = box.compose()
    draft.to, draft.subject, draft.body = "a@b.be", "Objet", "Texte"
    box.send(draft)
    with pytest.raises(InvalidMessage) as caught:
        box.send(draft)
    assert caught.value.fields == ("draft",)
    other = box.compose()
    assert other.id == "D2"
    box.discard(other)
    assert box.drafts == []
    with pytest.raises(UnknownMessage):
        box.discard(other)


def test_snapshot_restore_round_trip() -> None:
    box = Mailbox(INBOX)
    draft = box.reply("I1")
    draft.body = "Réponse"
    box.send(draft)
    pending = box.compose("fax")
    pending.to = "081 22 33 44"
    pending.attachments = ("A2",)
    snap = box.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    again = Mailbox.restore(json.loads(json.dumps(snap)))
    assert again.snapshot() == snap
    assert again.inbox == box.inbox and again.sent == box.sent
    resumed = again.draft("D2")
    resumed.subject, resumed.body = "Attestation", "Ci-joint."
    assert again.send(resumed).id == "M2"
    assert again.compose().id == "D3"
