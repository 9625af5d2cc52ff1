"""A yes/no question before an act that goes into the audit (mark reviewed, sign)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from simulator.review.i18n import N_

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp


class ConfirmScreen(ModalScreen[bool]):
    """Returns True when the assessor confirms (Enter or y), False otherwise (Esc or n)."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "dismiss(False)", N_("Cancel")),
        Binding("y,o", "dismiss(True)", N_("Confirm"), show=False),
    ]
    AUTO_FOCUS = "#confirm-yes"

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text, self.question = title, question

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="confirm", classes="dialog"):
            yield Label(self.title_text, classes="heading")
            yield Static(self.question, id="confirm-question")
            with Horizontal(classes="buttons"):
                yield Button(
                    t("Confirm (Enter)"), id="confirm-yes", variant="primary", compact=True
                )
                yield Button(t("Cancel (Esc)"), id="confirm-no", compact=True)

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)
