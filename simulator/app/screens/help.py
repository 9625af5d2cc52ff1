"""The help screen: every key of the console, in the candidate's language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from simulator.app.i18n import N_
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


class HelpScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    BINDINGS = [Binding("escape,f1,q", "dismiss(None)", N_("Close"))]

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="help"):
            yield Label(t("Help"), classes="heading")
            yield Static(t("KEYS_HELP"))
            yield Static(t("TOOLS_HELP"))
        yield KeyBar()  # how to close it, in the candidate's words
