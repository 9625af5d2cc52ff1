"""Wrap-up after a contact: the outcome code and the after-call note."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Select, TextArea

from simulator.app.i18n import N_
from simulator.engine.views import ContactView

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


class WrapUpScreen(ModalScreen[tuple[str | None, str] | None]):
    """Returns ``(outcome, note)``, or None when the candidate goes back to the contact."""

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    BINDINGS = [
        Binding("escape", "dismiss(None)", N_("Back")),
        Binding("f10", "confirm", N_("Confirm")),
    ]

    def __init__(self, view: ContactView) -> None:
        super().__init__()
        self.view = view

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="wrapup"):
            yield Label(t("Wrap-up — {title}", title=self.view.title), classes="heading")
            yield Label(t("Outcome"))
            yield Select(
                [(label, code) for code, label in self.view.outcomes],
                id="outcome",
                prompt=t("Choose…"),
                compact=True,
            )
            yield Label(t("After-call note") + (" *" if self.view.note_required else ""))
            yield TextArea(id="note", soft_wrap=True, compact=True)
            yield Button(
                t("Confirm the wrap-up (F10)"), id="wrapup-confirm", variant="primary", compact=True
            )

    @on(Button.Pressed, "#wrapup-confirm")
    def action_confirm(self) -> None:
        select = self.query_one("#outcome", Select)
        if select.is_blank() and self.view.outcomes:
            self.notify(self.app.t("Choose an outcome."), severity="warning")
            return
        outcome = None if select.is_blank() else str(select.value)
        self.dismiss((outcome, self.query_one("#note", TextArea).text.strip()))
