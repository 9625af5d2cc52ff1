"""What a candidate-facing front end may see of a session: no evidence, no expected answers."""

from __future__ import annotations

from dataclasses import dataclass

from simulator.engine.contact import ContactRuntime, Line
from simulator.scenario.models import text_in


@dataclass(frozen=True)
class QueueItem:
    """A contact in the queue, the tray or the inbox, as the console lists it."""

    key: str
    title: str
    direction: str
    medium: str
    kind: str
    phase: str
    arrived_minute: int


@dataclass(frozen=True)
class PromptView:
    label: str
    placeholder: str


@dataclass(frozen=True)
class ContactView:
    """The active contact: the conversation so far and what can be done now."""

    key: str
    title: str
    briefing: str
    direction: str
    medium: str
    organisation: str
    phase: str
    on_hold: bool
    lines: tuple[Line, ...]
    replies: tuple[tuple[str, str], ...]
    prompt: PromptView | None
    can_continue: bool
    at_end: bool
    tools: tuple[str, ...]
    outcomes: tuple[tuple[str, str], ...]
    note_required: bool
    inbox: tuple[tuple[str, str, str, str], ...]  # id, sender, subject, body


def contact_view(contact: ContactRuntime) -> ContactView:
    """Build the candidate's view of ``contact`` (texts in the candidate's language)."""
    s, ctx, node = contact.scenario, contact.ctx, contact.node
    speaking = contact.live and node is not None and contact.offered_replies is not None
    prompt = None
    if node is not None and node.prompt is not None and contact._can_speak():
        prompt = PromptView(ctx.text(node.prompt.label), ctx.text(node.prompt.placeholder))
    wrap = s.wrap_up
    return ContactView(
        key=contact.key,
        title=ctx.text(s.title),
        briefing=ctx.text(s.briefing),
        direction=s.direction,
        medium=s.medium,
        organisation=s.organisation.name,
        phase=contact.phase.value,
        on_hold=contact.phase.value == "on_hold",
        lines=tuple(contact.lines),
        replies=tuple(contact.offered_replies()) if speaking else (),
        prompt=prompt,
        can_continue=bool(node is not None and node.next is not None and contact._can_speak()),
        at_end=contact.at_end,
        tools=tuple(contact.tools_now()),
        outcomes=tuple((o.id, ctx.text(o.label)) for o in wrap.outcomes) if wrap else (),
        note_required=bool(wrap and wrap.note_required),
        inbox=tuple((m.id, m.sender, m.subject, m.body) for m in contact.box.mail.inbox),
    )


__all__ = ["ContactView", "PromptView", "QueueItem", "contact_view", "text_in"]
