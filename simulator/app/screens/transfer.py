"""Transfer the caller: which service (the directory tab lists them)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from simulator.app.bindings import translate_bindings
from simulator.app.i18n import N_


class TransferScreen(ModalScreen[str | None]):
    """Returns the service id typed or chosen in the directory, or None."""

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Back"))]

    def __init__(self, service: str = "") -> None:
        super().__init__()
        self.service = service

    def compose(self) -> ComposeResult:
        translate_bindings(self, self.app.t)
        t = self.app.t
        with Vertical(id="transfer"):
            yield Label(t("Transfer the call"), classes="heading")
            yield Label(t("Service (its id in the Services tab):"))
            yield Input(value=self.service, id="service")

    @on(Input.Submitted, "#service")
    def _chosen(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())
