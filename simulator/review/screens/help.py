"""The help screen: every key of the review app, in the assessor's language."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from simulator.review.i18n import N_

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp


class HelpScreen(ModalScreen[None]):
    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,f1,q", "dismiss(None)", N_("Close"))]

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="help", classes="dialog"):
            yield Label(t("Help"), classes="heading")
            yield Static(t("REVIEW_HELP"))
