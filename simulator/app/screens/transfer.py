"""Transfer the caller: to the service chosen in the Services tab, or one picked or typed here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from simulator.app.i18n import N_

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


class TransferScreen(ModalScreen[str | None]):
    """Returns the service id chosen (a listed one, or typed), or None to go back to the call."""

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    BINDINGS = [Binding("escape", "dismiss(None)", N_("Back"))]

    def __init__(self, service: str = "", seen: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.service, self.seen = service, tuple(seen)

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="transfer"):
            yield Label(t("Transfer the call"), classes="heading")
            if self.seen:
                yield Label(t("Services found in the Services tab (Enter to transfer):"))
                yield OptionList(
                    *(Option(f"{name} ({service})", id=service) for service, name in self.seen),
                    id="services",
                )
            else:
                yield Label(t("Search the Services tab (F7) to see the services."))
            yield Label(t("Service reference:"))
            yield Input(value=self.service, id="service", compact=True)

    def on_mount(self) -> None:
        if self.seen and not self.service:
            self.query_one("#services", OptionList).focus()
        else:
            self.query_one("#service", Input).focus()

    @on(OptionList.OptionSelected, "#services")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(str(event.option.id))

    @on(Input.Submitted, "#service")
    def _typed(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())
