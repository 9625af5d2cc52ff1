"""Leaving an exam needs the invigilator's code; a candidate alone cannot quit."""

from __future__ import annotations

import hmac

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from simulator.app.i18n import N_


class InvigilatorScreen(ModalScreen[bool]):
    """Returns True only when the code typed matches the invigilator's code."""

    BINDINGS = [Binding("escape", "dismiss(False)", N_("Back"))]

    def __init__(self, code: str) -> None:
        super().__init__()
        self.code = code

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="invigilator"):
            yield Label(t("Only the invigilator can close the épreuve."), classes="heading")
            yield Label(t("Everything you did is saved. Invigilator code:"))
            yield Input(password=True, id="code")

    @on(Input.Submitted, "#code")
    def _check(self, event: Input.Submitted) -> None:
        if self.code and hmac.compare_digest(event.value.encode(), self.code.encode()):
            self.dismiss(True)
            return
        event.input.value = ""
        self.notify(self.app.t("Wrong code."), severity="error")
