"""``callsim centre watch``: the invigilator's screen, every seat of the store in one live table.

The table is read from the store in a worker thread every ``refresh`` seconds (``room.seat_statuses``):
seat, candidate, contact in progress, time left, age of the last action, connection. ``e`` ends the
chosen seat's épreuve with a written reason (``invigilate.end_seat``: journalled in its session; a seat
still connected is refused until its app is left with the invigilator's code).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Input, Static

from simulator.centre.room import SeatStatus, claim_probe, seat_statuses

TEXT = {
    "fr": {"title": "callsim — surveillance du centre", "columns": ("Poste", "Candidat", "Contact en cours",
           "Temps restant", "Dernière action", "Connexion"), "on": "connecté", "off": "déconnecté",
           "unknown": "—", "finished": "terminé", "time_up": "temps écoulé", "none": "Aucune session dans le magasin.",
           "ago": "il y a {}", "quit": "Quitter", "refresh": "Rafraîchir", "seats": "{n} poste(s) · {on} connecté(s)",
           "end": "Terminer", "reason": "Raison de la fin de l'épreuve de {seat} (Entrée pour valider, Échap pour "
           "annuler)", "ended": "{seat} : épreuve terminée.", "live": "{seat} est connecté : quittez d'abord "
           "l'application du poste avec le code du surveillant.", "already": "{seat} : l'épreuve était déjà finie.",
           "no_reason": "Une raison est obligatoire."},
    "nl": {"title": "callsim — toezicht op het centrum", "columns": ("Post", "Kandidaat", "Lopend contact",
           "Resterende tijd", "Laatste actie", "Verbinding"), "on": "verbonden", "off": "niet verbonden",
           "unknown": "—", "finished": "afgelopen", "time_up": "tijd om", "none": "Geen sessies in de opslag.",
           "ago": "{} geleden", "quit": "Afsluiten", "refresh": "Vernieuwen", "seats": "{n} post(en) · {on} verbonden",
           "end": "Beëindigen", "reason": "Reden om de proef van {seat} te beëindigen (Enter bevestigt, Esc "
           "annuleert)", "ended": "{seat}: proef beëindigd.", "live": "{seat} is verbonden: verlaat eerst de "
           "app van de post met de code van de toezichter.", "already": "{seat}: de proef was al afgelopen.",
           "no_reason": "Een reden is verplicht."},
    "en": {"title": "callsim — centre watch", "columns": ("Seat", "Candidate", "Contact in progress", "Time left",
           "Last action", "Connection"), "on": "connected", "off": "disconnected", "unknown": "—",
           "finished": "finished", "time_up": "time up", "none": "No session in the store.", "ago": "{} ago",
           "quit": "Quit", "refresh": "Refresh", "seats": "{n} seat(s) · {on} connected",
           "end": "End", "reason": "Why end {seat}'s épreuve? (Enter confirms, Escape cancels)",
           "ended": "{seat}: épreuve ended.", "live": "{seat} is connected: first leave the seat's app with the "
           "invigilator's code.", "already": "{seat}: the épreuve had already ended.",
           "no_reason": "A reason is required."},
}


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def row_cells(status: SeatStatus, text: dict[str, Any]) -> tuple[str, ...]:
    """The table cells of one seat, in the invigilator's language."""
    left = text[status.finished] if status.finished in ("time_up",) else (
        text["finished"] if status.finished else _clock(status.seconds_left))
    last = text["ago"].format(_clock(status.last_action_seconds)) if status.last_action_seconds is not None else "—"
    connected = text["unknown"] if status.connected is None else text["on" if status.connected else "off"]
    return (status.seat, status.candidate, status.contact or "—", left, last, connected)


class WatchApp(App[None]):
    """The invigilator's live table of seats."""

    BINDINGS = [Binding("q", "quit", "Quitter"), Binding("r", "refresh_now", "Rafraîchir"),
                Binding("e", "end_seat", "Terminer")]

    def __init__(self, store_factory: Callable[[], Any], clock: Any, lang: str = "fr", refresh: float = 2.0) -> None:
        super().__init__()
        self.store_factory, self.clock, self.now, self.refresh_seconds = store_factory, clock, clock.now, refresh
        #: The messages, and the table's headings (the one entry of ``TEXT`` that is not a message).
        self.text: dict[str, str] = {key: value for key, value in TEXT[lang].items() if isinstance(value, str)}
        self.columns: tuple[str, ...] = tuple(TEXT[lang]["columns"])
        self.title = self.text["title"]
        self.statuses: list[SeatStatus] = []
        #: What the screen told the invigilator, in order (also shown as notifications).
        self.messages: list[str] = []
        self._store: Any = None

    def compose(self) -> ComposeResult:
        yield Static(self.text["title"], id="title")
        yield DataTable(id="seats", cursor_type="row", zebra_stripes=True)
        yield Static("", id="summary")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*self.columns)
        self.action_refresh_now()
        self.set_interval(self.refresh_seconds, self.action_refresh_now)

    def action_refresh_now(self) -> None:
        self.read_seats()

    @work(thread=True, exclusive=True)
    def read_seats(self) -> None:
        if self._store is None:
            self._store = self.store_factory()
        statuses = seat_statuses(self._store, self.now(), claim_probe(self._store))
        self.call_from_thread(self.show, statuses)

    def show(self, statuses: list[SeatStatus]) -> None:
        """Put the seats in the table (the cursor stays on its row)."""
        self.statuses = statuses
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for status in statuses:
            table.add_row(*row_cells(status, self.text), key=status.session_id)
        if statuses:
            table.move_cursor(row=min(cursor, len(statuses) - 1))
        connected = sum(1 for s in statuses if s.connected)
        summary = self.text["seats"].format(n=len(statuses), on=connected) if statuses else self.text["none"]
        self.query_one("#summary", Static).update(summary)

    def action_end_seat(self) -> None:
        """Ask the reason, then end the chosen seat's épreuve."""
        if not self.statuses:
            return
        chosen = self.statuses[min(self.query_one(DataTable).cursor_row, len(self.statuses) - 1)]

        def decided(reason: str | None) -> None:
            if reason is None:
                return
            if not reason.strip():
                self.say(self.text["no_reason"], "warning")
                return
            self.end_chosen(chosen, reason)

        self.push_screen(ReasonScreen(self.text["reason"].format(seat=chosen.seat)), decided)

    def say(self, message: str, severity: str = "information") -> None:
        self.messages.append(message)
        self.notify(message, severity=severity)  # type: ignore[arg-type]

    @work(thread=True)
    def end_chosen(self, chosen: SeatStatus, reason: str) -> None:
        from simulator.centre.invigilate import end_seat
        from simulator.journal.errors import SessionInUse

        try:
            done = end_seat(self._store, chosen.session_id, reason, self.clock)
        except SessionInUse:
            self.call_from_thread(self.say, self.text["live"].format(seat=chosen.seat), "error")
            return
        key = "ended" if done else "already"
        self.call_from_thread(self.say, self.text[key].format(seat=chosen.seat))
        self.call_from_thread(self.action_refresh_now)

    def on_unmount(self) -> None:
        if self._store is not None:
            self._store.close()


def create_watch_app(location: Any, *, clock: Any, lang: str = "fr", refresh: float = 2.0) -> WatchApp:
    """The factory the command line and the tests use: the watch on the store at ``location``."""
    from simulator.journal.backends import open_journal

    return WatchApp(lambda: open_journal(location, create=False), clock, lang, refresh)


class ReasonScreen(ModalScreen[str | None]):
    """One line of text: the reason of an invigilator's act (Escape cancels)."""

    DEFAULT_CSS = """
    ReasonScreen { align: center middle; }
    ReasonScreen > Vertical { width: 80; height: auto; border: thick $warning; padding: 1 2; background: $surface; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, prompt: str) -> None:
        super().__init__()
        self.prompt = prompt

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.prompt)
            yield Input(id="reason")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
