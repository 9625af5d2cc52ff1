"""The sessions: filters (épreuve, status, dates) above a table; Enter opens the session under the cursor."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Static

from scoring.assessment.model import STATUSES, AssessmentError
from simulator.review.grille_rows import word
from simulator.review.i18n import N_
from simulator.review.widgets.filter_bar import FilterBar, Filters
from simulator.review.widgets.session_table import SessionTable
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

_HEADINGS = (
    N_("Session"),
    N_("Candidate"),
    N_("Status"),
    N_("Automatic"),
    N_("Final"),
    N_("Overrides"),
    N_("Épreuve"),
    N_("Date"),
)


class SessionsScreen(Screen):
    """Every session of the store that the filters let through, as the desk sees it now."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    AUTO_FOCUS = "#sessions"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("f5", "reload", N_("Refresh"))]

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()

    def compose(self) -> ComposeResult:
        t = self.app.t
        try:
            epreuves = sorted({review.epreuve_id for review in self.app.desk.sessions()})
        except AssessmentError:  # the store does not verify: the list says why (reload)
            epreuves = []
        yield Static(id="sessions-title", classes="title-bar")
        yield FilterBar(
            labels=(t("Épreuve"), t("Status"), t("From"), t("To")),
            epreuves=epreuves,
            statuses=[(status, self.app.status_word(status)) for status in STATUSES],
            everything=t("all"),
            date_hint=t("yyyy-mm-dd"),
            id="filters",
        )
        yield SessionTable(id="sessions")
        yield Static("", id="sessions-message", classes="refusal")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _blind: self.reload(), init=False)

    def on_screen_resume(self) -> None:
        """Read the sessions when the screen is shown and each time the assessor comes back to it."""
        self.reload()

    def reload(self) -> None:
        """Ask the desk for the sessions the filters let through and show them."""
        t, f = self.app.t, self.filters
        message = self.query_one("#sessions-message", Static)
        try:
            reviews = self.app.desk.sessions(
                epreuve=f.epreuve, status=f.status, since=f.since or None, until=f.until or None
            )
        except AssessmentError as error:
            message.update(error.message(self.app.lang))
            return
        message.update("" if reviews else t("No session matches these filters."))
        self.query_one(SessionTable).show(
            reviews,
            blind=self.app.blind,
            headings=[t(h) for h in _HEADINGS],
            status_word=self.app.status_word,
            verdict_word=lambda verdict: word(verdict, self.app.lang),
        )
        title = t(
            "Sessions — {count} shown · assessor: {name}",
            count=len(reviews),
            name=self.app.assessor,
        )
        if self.app.blind:
            title += " · " + t("blind review")
        self.query_one("#sessions-title", Static).update(title)

    @on(FilterBar.Changed)
    def _filters_changed(self, event: FilterBar.Changed) -> None:
        if event.filters != self.filters:
            self.filters = event.filters
            self.reload()

    def action_reload(self) -> None:
        self.reload()

    @on(SessionTable.Opened)
    def _opened(self, event: SessionTable.Opened) -> None:
        from simulator.review.screens.session import SessionScreen

        self.app.push_screen(SessionScreen(event.session_id))
