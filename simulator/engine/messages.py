"""The engine's words: the system lines shown in the conversation (hold, transfer, hang-up…) and
:class:`Joined`, several messages shown as one (a list of labels, the sentences of one refusal).

Message ids are English, translated through the ``engine`` catalog (fr, nl, en).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from simulator.i18n import DEFAULT_LANG, LANGUAGES, N_, Message, Translator, translator

SYSTEM_LINES: dict[str, str] = {
    "on_hold": N_("Call put on hold."),
    "resumed": N_("Call resumed."),
    "hung_up": N_("You hung up."),
    "customer_hung_up": N_("The other party hung up."),
    "transferred": N_("Call transferred to: {service}."),
    "time_up": N_("Time is up: the contact is closed."),
}


def system_line(what: str, lang: str, **params: str) -> str:
    """The system line ``what`` in ``lang`` (French when the language is unknown)."""
    return _engine(lang if lang in LANGUAGES else DEFAULT_LANG)(SYSTEM_LINES[what], **params)


@cache
def _engine(lang: str) -> Translator:
    """The engine catalog in ``lang``, read once per process (a contact shows many system lines)."""
    return translator("engine", lang)


class Joined(Message):
    """``parts`` shown one after the other with ``sep`` between them, each translated in the same language."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: Sequence[Message], sep: str = ", ") -> None:
        self.parts, self.sep = tuple(parts), sep
        super().__init__(sep.join(str(part) for part in self.parts))

    def to(self, t: Translator) -> str:
        return self.sep.join(part.to(t) for part in self.parts)

    def __str__(self) -> str:
        return self.msgid

    def __repr__(self) -> str:
        return f"Joined({list(self.parts)!r}, {self.sep!r})"
