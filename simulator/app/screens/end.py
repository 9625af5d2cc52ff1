"""The end of the épreuve: in exam mode only the confirmation that everything is saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from simulator.app.i18n import N_
from simulator.app.screens.feedback import feedback_table
from simulator.journal.receipt import receipt_code
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


class EndScreen(Screen):
    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    BINDINGS = [Binding("ctrl+q", "app.leave", N_("Quit"), show=True)]

    def compose(self) -> ComposeResult:
        app, t = self.app, self.app.t
        session = app.live_session
        with VerticalScroll(id="end"):
            reason = (
                t("Time is up.") if session.finished == "time_up" else t("All contacts are done.")
            )
            yield Label(t("The épreuve is over.") + " " + reason, classes="heading")
            yield Static(
                t(
                    "Everything you did has been saved (session {id}, {n} events).",
                    id=session.session_id,
                    n=session.seq,
                )
            )
            receipt = (
                receipt_code(session.store, session.session_id)
                if session.store is not None
                else "—"
            )
            yield Static(t("Receipt for the attendance sheet: {code}", code=receipt))
            if session.header.mode == "practice":
                yield Label(t("Practice feedback"), classes="heading")
                yield Static(
                    feedback_table(
                        session.evidence(), app.lang, ("", t("Competency"), t("What was observed"))
                    )
                )
            else:
                yield Static(t("The jury will score the épreuve. You may leave your seat."))
        yield KeyBar()
