"""The session's audit entries: who did what, when and why, in the order of the hash chain."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from scoring.assessment.model import MARK_REVIEWED, OVERRIDE, REOPEN, SIGN, AuditEntry
from scoring.confirmations import CONFIRM_TEXT
from simulator.review.grille_rows import word
from simulator.review.i18n import N_

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

_ACTIONS = {
    OVERRIDE: N_("override"),
    MARK_REVIEWED: N_("marked reviewed"),
    SIGN: N_("signed"),
    REOPEN: N_("re-opened"),
    CONFIRM_TEXT: N_("typed text decided"),
}


class AuditScreen(ModalScreen[None]):
    """Read-only: the audit log cannot be changed from here (nor anywhere)."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,a", "dismiss(None)", N_("Close"))]

    def __init__(self, entries: Sequence[AuditEntry]) -> None:
        super().__init__()
        self.entries = tuple(entries)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="audit", classes="dialog"):
            yield Label(t("Audit of the session"), classes="heading")
            with VerticalScroll(id="audit-entries"):
                yield Static(
                    self._entries() if self.entries else t("Nothing recorded yet for this session.")
                )
            yield Static(t("Esc: close"), classes="fact")

    def _entries(self) -> Text:
        t, lang = self.app.t, self.app.lang
        colon = ": " if lang == "en" else " : "
        text = Text()
        for entry in self.entries:
            if text:
                text.append("\n")
            number = t("No. {seq}", seq=entry.seq)
            text.append(
                f"{number} · {entry.at[:16].replace('T', ' ')} · {entry.assessor} · ", style="bold"
            )
            text.append(_what(entry, lang, t), style="bold")
            if entry.payload.get("reason"):
                reason = t("Reason")
                text.append(f"\n    {reason}{colon}« {entry.payload['reason']} »")
        return text


def _what(entry: AuditEntry, lang: str, t: Callable[..., str]) -> str:
    action = t(_ACTIONS[entry.action]) if entry.action in _ACTIONS else entry.action
    if entry.action == CONFIRM_TEXT:
        met = t("met") if entry.payload.get("met") is True else t("not met")
        return f"{action} {entry.payload.get('seq', '')} {entry.payload.get('rule', '')} → {met}"
    if entry.action != OVERRIDE:
        return action
    payload = entry.payload
    colon = ": " if lang == "en" else " : "
    return (
        f"{action} {payload.get('competency', '')}{colon}{word(str(payload.get('previous', '')), lang)} → "
        f"{word(str(payload.get('verdict', '')), lang)}"
    )
