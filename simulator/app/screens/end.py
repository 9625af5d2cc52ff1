"""The end of the épreuve: in exam mode only the confirmation that everything is saved."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from simulator.app.i18n import N_
from simulator.app.screens.feedback import feedback_table
from simulator.journal.receipt import receipt_code
from simulator.tui.key_bar import KeyBar


class EndScreen(Screen):
    BINDINGS = [Binding("ctrl+q", "app.leave", N_("Quit"), show=True)]

    def compose(self) -> ComposeResult:
        app, t = self.app, self.app.t
        session = app.session
        with VerticalScroll(id="end"):
            reason = t("Time is up.") if session.finished == "time_up" else t("All contacts are done.")
            yield Label(t("The épreuve is over.") + " " + reason, classes="heading")
            yield Static(t("Everything you did has been saved (session {id}, {n} events).",
                           id=session.session_id, n=session.seq))
            yield Static(t("Receipt for the attendance sheet: {code}", code=receipt_code(session.store, session.session_id)))
            if session.header.mode == "practice":
                yield Label(t("Practice feedback"), classes="heading")
                yield Static(feedback_table(session.evidence(), app.lang, ("", t("Competency"), t("What was observed"))))
            else:
                yield Static(t("The jury will score the épreuve. You may leave your seat."))
        yield KeyBar()
