"""Mail and fax composer: an inbox to read, drafts to compose and validated sending."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from simulator.engine.tools.errors import InvalidMessage, UnknownMessage
from simulator.engine.tools.forms import be_phone, is_email
from simulator.i18n import N_, Message

CHANNELS = ("mail", "fax")


@dataclass(frozen=True)
class IncomingMessage:
    """A message received before or during the contact."""

    id: str
    sender: str
    subject: str
    body: str
    received_at: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sender": self.sender,
            "subject": self.subject,
            "body": self.body,
            "received_at": self.received_at,
        }


@dataclass(frozen=True)
class SentMessage:
    """A sent mail or fax; a fax's *to* is stored in display form ("+32 2 223 45 67")."""

    id: str
    channel: str
    to: str
    subject: str
    body: str
    attachments: tuple[str, ...]
    in_reply_to: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "attachments": list(self.attachments),
            "in_reply_to": self.in_reply_to,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SentMessage:
        return cls(
            data["id"],
            data["channel"],
            data["to"],
            data["subject"],
            data["body"],
            tuple(data["attachments"]),
            data.get("in_reply_to"),
        )


@dataclass(eq=False)
class Draft:
    """A message being composed; fields are freely settable until it is sent."""

    id: str
    channel: str = "mail"
    to: str = ""
    subject: str = ""
    body: str = ""
    attachments: tuple[str, ...] = field(default_factory=tuple)
    in_reply_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "channel": self.channel,
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "attachments": list(self.attachments),
            "in_reply_to": self.in_reply_to,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        return cls(
            data["id"],
            data["channel"],
            data["to"],
            data["subject"],
            data["body"],
            tuple(data["attachments"]),
            data.get("in_reply_to"),
        )


def _problems(draft: Draft, attachable: frozenset[str] | None = None) -> list[tuple[str, Message]]:
    found: list[tuple[str, Message]] = []
    unknown = [
        a.strip()
        for a in draft.attachments
        if a.strip() and attachable is not None and a.strip() not in attachable
    ]
    if unknown:
        names = ", ".join(unknown)
        found.append(
            (
                "attachments",
                Message(N_("Attachment not in the documentation: {names}."), names=names),
            )
        )
    if draft.channel not in CHANNELS:
        found.append(("channel", Message(N_("Unknown channel."))))
    if draft.channel == "mail" and not is_email(draft.to):
        found.append(("to", Message(N_("The recipient's address is not valid."))))
    if draft.channel == "fax" and be_phone(draft.to, allow_mobile=False) is None:
        found.append(("to", Message(N_("The fax number is not a valid Belgian number."))))
    if not draft.subject.strip():
        found.append(("subject", Message(N_("The subject is empty."))))
    if not draft.body.strip():
        found.append(("body", Message(N_("The message body is empty."))))
    return found


class Mailbox:
    """Inbox, open drafts ("D1"…) and sent messages ("M1"…)."""

    def __init__(
        self,
        inbox: Sequence[IncomingMessage] = (),
        sent: Iterable[SentMessage] = (),
        *,
        attachable: Iterable[str] | None = None,
    ) -> None:
        self.inbox: tuple[IncomingMessage, ...] = tuple(inbox)
        #: The documentation articles a message may attach (None: any name, for a mailbox without documentation rules).
        self.attachable = frozenset(attachable) if attachable is not None else None
        self.sent: list[SentMessage] = list(sent)
        self.drafts: list[Draft] = []
        self._drafts_made = 0

    def incoming(self, message_id: str) -> IncomingMessage:
        for message in self.inbox:
            if message.id == message_id:
                return message
        raise UnknownMessage(message_id)

    def compose(self, channel: str = "mail", in_reply_to: str | None = None) -> Draft:
        """Start a new draft, optionally answering a received message."""
        if channel not in CHANNELS:
            raise ValueError(f"unknown channel: {channel!r}")
        if in_reply_to is not None:
            self.incoming(in_reply_to)
        self._drafts_made += 1
        draft = Draft(f"D{self._drafts_made}", channel, in_reply_to=in_reply_to)
        self.drafts.append(draft)
        return draft

    def reply(self, message_id: str) -> Draft:
        """A mail draft answering a received message, addressed to its sender."""
        original = self.incoming(message_id)
        draft = self.compose("mail", in_reply_to=message_id)
        draft.to = original.sender
        subject = original.subject.strip()
        draft.subject = subject if subject.casefold().startswith("re:") else f"Re: {subject}"
        return draft

    def draft(self, draft_id: str) -> Draft:
        for draft in self.drafts:
            if draft.id == draft_id:
                return draft
        raise UnknownMessage(draft_id)

    def discard(self, draft: Draft) -> None:
        """Abandon an open draft."""
        self.drafts.remove(self.draft(draft.id))

    def send(self, draft: Draft) -> SentMessage:
        """Validate and send a draft (which is then closed); raises InvalidMessage."""
        if not any(d is draft for d in self.drafts):
            raise InvalidMessage(["draft"], [Message(N_("This draft is no longer open."))])
        problems = _problems(draft, self.attachable)
        if problems:
            raise InvalidMessage([p[0] for p in problems], [p[1] for p in problems])
        to = draft.to.strip()
        if draft.channel == "fax":
            to = be_phone(to, allow_mobile=False) or to
        attachments = tuple(dict.fromkeys(a.strip() for a in draft.attachments if a.strip()))
        message = SentMessage(
            f"M{len(self.sent) + 1}",
            draft.channel,
            to,
            draft.subject.strip(),
            draft.body.strip(),
            attachments,
            draft.in_reply_to,
        )
        self.sent.append(message)
        self.drafts.remove(draft)
        return message

    def snapshot(self) -> dict[str, Any]:
        return {
            "inbox": [m.to_dict() for m in self.inbox],
            "drafts": [d.to_dict() for d in self.drafts],
            "drafts_made": self._drafts_made,
            "sent": [m.to_dict() for m in self.sent],
        }

    @classmethod
    def restore(cls, snapshot: dict[str, Any]) -> Mailbox:
        mailbox = cls(
            [IncomingMessage(**m) for m in snapshot["inbox"]],
            [SentMessage.from_dict(m) for m in snapshot["sent"]],
        )
        mailbox.drafts = [Draft.from_dict(d) for d in snapshot["drafts"]]
        mailbox._drafts_made = int(snapshot["drafts_made"])
        return mailbox
