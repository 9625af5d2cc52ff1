"""The help screen: every key of the review app, in the assessor's language."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from simulator.review.i18n import N_


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "dismiss(None)", N_("Close"))]

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="help", classes="dialog"):
            yield Label(t("Help"), classes="heading")
            yield Static(t("REVIEW_HELP"))
