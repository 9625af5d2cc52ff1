"""« Enregistrement… »: shown while a write the journal refused is tried again; the candidate waits, nothing is lost."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


class SavingScreen(ModalScreen[None]):
    """Covers the console until the journal accepts the last action again (the app pops it)."""

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="saving"):
            yield Label(t("Saving…"), classes="heading")
            yield Label(t("The journal is busy: your last action is being saved. Please wait."))
