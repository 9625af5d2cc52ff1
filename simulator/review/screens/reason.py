"""A dialog that needs a written reason: an override (with the new verdict) or a re-open.

The dialog holds no rule: it hands the verdict and the text to ``submit`` (a desk call made by
the screen) and closes only when that succeeds; a refusal is shown under the text, which stays.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, Static, TextArea

from simulator.review.i18n import N_

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

#: ``submit(verdict, reason)`` returns the refusal to show, or None when the desk accepted.
Submit = Callable[[str, str], str | None]


class ReasonDialog(ModalScreen[bool]):
    """Returns True once the desk accepted, False when the assessor gave up (Esc)."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(False)", N_("Cancel")),
        Binding("f10,ctrl+s", "confirm", N_("Record")),
    ]
    AUTO_FOCUS = "#reason"

    def __init__(
        self,
        title: str,
        facts: Sequence[str],
        submit: Submit,
        *,
        verdicts: Sequence[tuple[str, str]] = (),
        verdict: str = "",
    ) -> None:
        super().__init__()
        self.title_text, self.facts, self.submit = title, tuple(facts), submit
        self.verdicts, self.verdict = tuple(verdicts), verdict

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="reason-dialog", classes="dialog"):
            yield Label(self.title_text, classes="heading")
            for fact in self.facts:
                yield Static(fact, classes="fact")
            if self.verdicts:
                yield Label(t("New verdict"))
                yield Select(
                    [(word, code) for code, word in self.verdicts],
                    value=self.verdict or self.verdicts[0][0],
                    allow_blank=False,
                    id="verdict",
                    compact=True,
                )
            yield Label(t("Reason (required, kept in the audit)"))
            yield TextArea(id="reason", soft_wrap=True, compact=True)
            yield Static("", id="reason-refusal", classes="refusal")
            with Horizontal(classes="buttons"):
                yield Button(
                    t("Record (F10)"), id="reason-confirm", variant="primary", compact=True
                )
                yield Button(t("Cancel (Esc)"), id="reason-cancel", compact=True)

    @on(Button.Pressed, "#reason-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#reason-confirm")
    def action_confirm(self) -> None:
        verdict = str(self.query_one("#verdict", Select).value) if self.verdicts else ""
        refusal = self.submit(verdict, self.query_one("#reason", TextArea).text)
        if refusal:
            self.query_one("#reason-refusal", Static).update(refusal)
            self.query_one("#reason", TextArea).focus()
            return
        self.dismiss(True)
