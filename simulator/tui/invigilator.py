"""Leaving an exam (or moving a candidate to another seat) needs the invigilator's code; a candidate alone cannot.

The code is checked by the app's ``InvigilatorGate`` (constant-time comparison, a growing wait
after each wrong attempt, every attempt journalled without the code typed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from simulator.i18n import N_
from simulator.tui.invigilator_gate import InvigilatorGate
from simulator.tui.typed import SpeakingApp

#: What the dialog says for each purpose.
PURPOSES = {
    "quit": N_("Only the invigilator can close the épreuve."),
    "resume_other_seat": N_(
        "This épreuve was started on another seat. Only the invigilator can move it here."
    ),
}


class InvigilatorScreen(ModalScreen[bool]):
    """Returns True only when the code typed matches the invigilator's code."""

    if TYPE_CHECKING:
        app = getters.app(SpeakingApp)

    BINDINGS = [Binding("escape", "dismiss(False)", N_("Back"))]

    def __init__(self, gate: InvigilatorGate, purpose: str = "quit") -> None:
        super().__init__()
        self.gate, self.purpose = gate, purpose

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="invigilator"):
            yield Label(t(PURPOSES[self.purpose]), classes="heading")
            yield Label(t("Everything you did is saved. Invigilator code:"))
            yield Input(password=True, id="code")
            yield Label("", id="code-wait")

    def on_mount(self) -> None:
        self._wait_shown()

    @on(Input.Submitted, "#code")
    def _check(self, event: Input.Submitted) -> None:
        verdict = self.gate.attempt(event.value, self.purpose)
        event.input.value = ""
        if verdict.accepted:
            self.dismiss(True)
            return
        self.notify(
            self.app.t("Wrong code.") if not verdict.too_soon else self.app.t("Too soon."),
            severity="error",
        )
        self._wait_shown()

    def _wait_shown(self) -> None:
        """Say how long to wait before the next attempt, and say it again each second until then."""
        wait = self.gate.wait_seconds()
        label = self.query_one("#code-wait", Label)
        if wait <= 0:
            label.update("")
            return
        label.update(self.app.t("Next attempt in {seconds} s.", seconds=int(wait + 0.999)))
        self.set_timer(min(1.0, wait), self._wait_shown)
