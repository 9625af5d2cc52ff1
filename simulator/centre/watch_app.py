"""``callsim centre watch``: the invigilator's screen, every seat of the store in one live table.

The table is read from the store in a worker thread every ``refresh`` seconds (``room.SeatBook``:
each refresh reads only what was journalled since the last): seat, candidate, contact in progress
(its title, in the invigilator's language),
time left, age of the last action, connection. ``e`` ends the chosen seat's épreuve with a written
reason, ``p`` pauses its clock for an incident (reason required), ``c`` restarts it, ``x`` gives
more time (« 15 tiers-temps »: minutes then reason) — each through
``invigilate`` and journalled in the session; a seat still connected is refused until its app is
left with the invigilator's code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Input, Static

from simulator.centre.room import SeatBook, SeatStatus, claim_probe
from simulator.centre.titles import ContactTitles
from simulator.i18n import N_, translated, translator
from simulator.i18n.elision import with_names
from simulator.tui.key_bar import KeyBar

#: The screen's words, translated where the screen is drawn (``cli``).
TEXT = {
    "title": N_("callsim — centre watch"),
    "on": N_("connected"),
    "off": N_("disconnected"),
    "unknown": "—",
    "finished": N_("finished"),
    "time_up": N_("time up"),
    "none": N_("No session in the store."),
    "ago": N_("{time} ago"),
    "reason": N_("Why end {seat}'s épreuve? (Enter confirms, Escape cancels)"),
    "ended": N_("{seat}: épreuve ended."),
    "live": N_("{seat} is connected: first leave the seat's app with the invigilator's code."),
    "already": N_("{seat}: the épreuve had already ended."),
    "no_reason": N_("A reason is required."),
    "pause_reason": N_("Incident: why stop {seat}'s clock? (Enter confirms, Escape cancels)"),
    "extend_reason": N_(
        "Accommodation for {seat}: minutes then reason, e.g. '15 extra time' (Enter confirms, "
        "Escape cancels)"
    ),
    "paused": N_("{seat}: clock paused."),
    "resumed": N_("{seat}: clock running again."),
    "extended": N_("{seat}: {minutes} min more."),
    "not_paused": N_("{seat}: the clock was not paused."),
    "bad_extend": N_("Write the minutes (1 to 240) then the reason, e.g. '15 extra time'."),
    "paused_cell": N_("paused"),
    "already_paused": N_("{seat}: the clock was already paused."),
    "asked": N_("{seat}: request passed to the seat (applied within a second)."),
}
#: The table's headings.
COLUMNS = (
    N_("Seat"),
    N_("Candidate"),
    N_("Contact in progress"),
    N_("Time left"),
    N_("Last action"),
    N_("Connection"),
)


def _clock(seconds: float) -> str:
    seconds = round(seconds)
    return f"{seconds // 3600}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}"


def row_cells(status: SeatStatus, text: dict[str, Any]) -> tuple[str, ...]:
    """The table cells of one seat, in the invigilator's language."""
    left = (
        text[status.finished]
        if status.finished in ("time_up",)
        else (text["finished"] if status.finished else _clock(status.seconds_left))
    )
    if status.paused and not status.finished:
        left = f"{left} ({text['paused_cell']})"
    last = (
        text["ago"].format(time=_clock(status.last_action_seconds))
        if status.last_action_seconds is not None
        else "—"
    )
    connected = (
        text["unknown"] if status.connected is None else text["on" if status.connected else "off"]
    )
    contact = status.contact_title or status.contact or "—"
    return (status.seat, status.candidate, contact, left, last, connected)


class WatchApp(App[None]):
    """The invigilator's live table of seats."""

    BINDINGS = [
        Binding("q", "quit", N_("Quit")),
        Binding("r", "refresh_now", N_("Refresh")),
        Binding("e", "end_seat", N_("End")),
        Binding("p", "pause_seat", N_("Pause")),
        Binding("c", "resume_seat", N_("Resume")),
        Binding("x", "extend_seat", N_("Extend")),
    ]

    def __init__(
        self, store_factory: Callable[[], Any], clock: Any, lang: str = "fr", refresh: float = 2.0
    ) -> None:
        super().__init__()
        self.store_factory, self.clock, self.now, self.refresh_seconds = (
            store_factory,
            clock,
            clock.now,
            refresh,
        )
        self.t = translator("cli", lang)
        #: The messages (placeholders left to fill), and the table's headings.
        self.text: dict[str, str] = translated(TEXT, "cli", lang)
        self.columns: tuple[str, ...] = tuple(self.t.gettext(column) for column in COLUMNS)
        self.title = self.text["title"]
        self.statuses: list[SeatStatus] = []
        #: What the screen told the invigilator, in order (also shown as notifications).
        self.messages: list[str] = []
        self._store: Any = None
        self._book: SeatBook | None = None

    def compose(self) -> ComposeResult:
        yield Static(self.text["title"], id="title")
        yield DataTable(id="seats", cursor_type="row", zebra_stripes=True)
        yield Static("", id="summary")
        yield KeyBar()  # the keys' labels in the invigilator's language (``self.t``)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(*self.columns)
        self.action_refresh_now()
        self.set_interval(self.refresh_seconds, self.action_refresh_now)

    def action_refresh_now(self) -> None:
        self.read_seats()

    @work(thread=True, exclusive=True)
    def read_seats(self) -> None:
        if self._book is None:
            self._store = self.store_factory()
            self._book = SeatBook(self._store, ContactTitles(self.t.lang).title)
        statuses = self._book.statuses(self.now(), claim_probe(self._store))
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
        seats = self.t.n("{n} seat", "{n} seats", len(statuses))
        online = self.t.n("{n} connected", "{n} connected", connected)
        summary = f"{seats} · {online}" if statuses else self.text["none"]
        self.query_one("#summary", Static).update(summary)

    def _chosen(self) -> SeatStatus | None:
        if not self.statuses:
            return None
        return self.statuses[min(self.query_one(DataTable).cursor_row, len(self.statuses) - 1)]

    def _ask(self, prompt: str, then: Callable[[SeatStatus, str], object]) -> None:
        """Ask a reason for an act on the chosen seat, then do it (an empty reason is refused)."""
        chosen = self._chosen()
        if chosen is None:
            return

        def decided(reason: str | None) -> None:
            if reason is None:
                return
            if not reason.strip():
                self.say(self.text["no_reason"], "warning")
                return
            then(chosen, reason)

        asked = with_names(self.text[prompt], self.t.lang, seat=chosen.seat)
        self.push_screen(ReasonScreen(asked), decided)

    def action_end_seat(self) -> None:
        """Ask the reason, then end the chosen seat's épreuve."""
        self._ask("reason", self.end_chosen)

    def action_pause_seat(self) -> None:
        """Ask the incident's reason, then stop the chosen seat's clock."""
        self._ask("pause_reason", lambda chosen, reason: self.act(chosen, "pause", reason))

    def action_resume_seat(self) -> None:
        """Restart the chosen seat's paused clock."""
        chosen = self._chosen()
        if chosen is not None:
            self.act(chosen, "resume", "")

    def action_extend_seat(self) -> None:
        """Ask the minutes and the reason (« 15 tiers-temps »), then give the chosen seat more time."""
        self._ask("extend_reason", lambda chosen, answer: self.act(chosen, "extend", answer))

    @work(thread=True)
    def act(self, chosen: SeatStatus, kind: str, answer: str) -> None:
        """Pause, resume or extend the chosen seat (a request to a live seat, else in its journal), and say so."""
        from simulator.journal.errors import SessionInUse

        payload: dict[str, Any] = {"reason": answer}
        if kind == "extend":
            minutes, _, reason = answer.strip().partition(" ")
            if not minutes.isdigit() or not 1 <= int(minutes) <= 240 or not reason.strip():
                self.call_from_thread(self.say, self.text["bad_extend"], "warning")
                return
            payload = {"minutes": int(minutes), "reason": reason.strip()}
        try:
            key = self._apply(chosen, kind, payload)
        except (SessionInUse, LookupError):
            self.call_from_thread(self.say, self.text["live"].format(seat=chosen.seat), "error")
            return
        self.call_from_thread(
            self.say, self.text[key].format(seat=chosen.seat, minutes=payload.get("minutes"))
        )
        self.call_from_thread(self.action_refresh_now)

    def _apply(self, chosen: SeatStatus, kind: str, payload: dict[str, Any]) -> str:
        """The act on the store; the key of the message that tells the invigilator what came of it."""
        from simulator.centre import invigilate

        sid, store, clock = chosen.session_id, self._store, self.clock
        if chosen.connected and not chosen.finished:
            invigilate.ask_seat(store, sid, kind, payload if kind != "resume" else {}, clock)
            return "asked"
        if kind == "pause":
            done = invigilate.pause_seat(store, sid, payload["reason"], clock)
            return "paused" if done else ("already_paused" if chosen.paused else "already")
        if kind == "resume":
            return "resumed" if invigilate.resume_seat(store, sid, clock) else "not_paused"
        done = invigilate.extend_seat(store, sid, payload["minutes"], payload["reason"], clock)
        return "extended" if done else "already"

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


def create_watch_app(
    location: Any, *, clock: Any, lang: str = "fr", refresh: float = 2.0
) -> WatchApp:
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
