"""The candidate app's locks and safety nets: no way out of an exam but the invigilator's code, nothing lost.

Mixed into ``CallsimApp`` (before ``App``, so its methods replace Textual's defaults):

* **Doors closed in exam mode.** Ctrl+Q asks for the invigilator's code on every screen (sign-in
  and end included); Ctrl+C, Ctrl+Z, Ctrl+\\ say the épreuve cannot be interrupted; Textual's own
  doors — the command palette and its *Quit*, *Theme*, *Screenshot*, suspending the process — are
  disabled (``check_action``) and refuse to act if reached another way.
* **Signals journalled.** SIGTERM and SIGHUP (a closed terminal) write an ``interruption`` event,
  then the app ends; resuming later counts the downtime from that moment.
* **Heartbeat.** While a session is open the app journals a heartbeat after ``HEARTBEAT_SECONDS``
  without any event, so a crash gives back at most one interval.
* **A busy journal is waited for.** When the store refuses a write (locked by another program) a
  « saving… » dialog retries it; only if it keeps failing does the app stop, with a message.
* **No traceback ever.** Any error that reaches Textual is logged (no local variables) and ends
  the app with a sentence in the candidate's language and a non-zero exit code.
"""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import work

from simulator.app.failures import FAILURE_EXIT, failure_message
from simulator.crash_log import log_failure, log_note
from simulator.tui.invigilator_gate import InvigilatorGate

if TYPE_CHECKING:  # the lock is mixed into the app: the type checker reads it as one
    from textual.app import App as _AppBase

    from simulator.app.i18n import Translator
    from simulator.app.seat import OtherSeat, SeatRequest
    from simulator.engine.session import EpreuveSession
else:
    _AppBase = object

#: Actions of Textual's that end, suspend, restyle the app or write a file: disabled in exam mode.
DOORS = frozenset(
    {
        "quit",
        "help_quit",
        "command_palette",
        "suspend_process",
        "screenshot",
        "change_theme",
        "toggle_dark",
        "maximize",
        "minimize",
    }
)
#: Seconds between two checks whether a heartbeat is due (the heartbeat itself comes every 15 s).
_HEARTBEAT_CHECK = 1.0


class ExamLock(_AppBase):
    """The locks, the heartbeat, the saving retries and the top-level error handler of the candidate app."""

    if TYPE_CHECKING:  # what the candidate app (``CallsimApp``) provides
        session: EpreuveSession | None
        t: Translator
        request: SeatRequest

        @property
        def exam(self) -> bool: ...

        @property
        def live_session(self) -> EpreuveSession: ...

        def open_seat(self, candidate_id: str, *, other_seat_allowed: bool = False) -> None: ...

    def setup_lock(self, invigilator_code: str, monotonic: Callable[[], float] | None) -> None:
        self.invigilator_code = invigilator_code
        self.gate = InvigilatorGate(
            invigilator_code, record=self._record_attempt, monotonic=monotonic or time.monotonic
        )
        #: The error that ended the app (None while all is well) and what the candidate was told.
        self.failure: BaseException | None = None
        self.failure_message = ""
        #: Waits before each new try of a write the store refused (tests set zeros).
        self.save_retry_delays: tuple[float, ...] = (1.0, 2.0, 4.0, 8.0)
        self._saving = False
        self._heartbeat_timer: Any = None
        #: Journalled as the cause when the app ends with nothing else journalled (a browser seat whose
        #: tab was closed or whose connection was lost sets ``"connection"``; a terminal leaves it empty).
        self.unannounced_stop_cause = ""
        self._stop_journalled = False

    # -- the doors ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.exam and action in DOORS:
            return False
        return super().check_action(action, parameters)

    def get_system_commands(self, screen: Any) -> Iterable[Any]:
        if self.exam:  # the palette is off in an exam; should it open anyway, it offers nothing
            return
        yield from super().get_system_commands(screen)

    def action_command_palette(self) -> None:
        if self.exam:
            self.action_blocked()
            return
        super().action_command_palette()

    async def action_quit(self) -> None:
        self.action_leave()

    def action_suspend_process(self) -> None:
        if self.exam:
            self.action_blocked()
            return
        super().action_suspend_process()

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        if self.exam:
            self.action_blocked()
            return
        super().action_screenshot(filename, path)

    def action_change_theme(self) -> None:
        if not self.exam:
            super().action_change_theme()

    def action_blocked(self) -> None:
        if self.exam:
            self.notify(
                self.t("The épreuve cannot be interrupted. Call the invigilator."),
                severity="warning",
            )
        else:
            self.notify(self.t("Press Ctrl+Q to quit."))

    def action_leave(self) -> None:
        """Quit: at once in practice; in an exam only with the invigilator's code, on every screen."""
        from simulator.tui.invigilator import InvigilatorScreen

        if not self.exam:
            self.exit()
            return

        def decided(allowed: bool | None) -> None:
            if allowed:
                self._journal_stop("invigilator")
                self.exit()

        if not isinstance(self.screen, InvigilatorScreen):
            self.push_screen(InvigilatorScreen(self.gate, "quit"), decided)

    def _journal_stop(self, cause: str) -> None:
        """Journal why the app stops while the épreuve is under way (the time until now is charged)."""
        session = self.session
        self._stop_journalled = True
        try:
            if session is not None:
                session.interrupt(cause)
        except Exception as exc:  # noqa: BLE001 — the journal may be what failed; the log keeps it
            log_failure(exc, f"journalling the stop ({cause})")

    def ask_to_move_seat(self, candidate_id: str, refused: OtherSeat) -> None:
        """The candidate's épreuve belongs to another seat: open it here only with the invigilator's code."""
        from simulator.tui.invigilator import InvigilatorScreen

        def decided(allowed: bool | None) -> None:
            if not allowed:
                return
            self.open_seat(candidate_id, other_seat_allowed=True)
            session = self.session
            if session is not None and session.session_id == refused.session_id:
                self._note(
                    "seat_changed",
                    {
                        "from": refused.owner,
                        "to": self.request.seat,
                        "authorised_by": "invigilator_code",
                    },
                )

        self.push_screen(InvigilatorScreen(self.gate, "resume_other_seat"), decided)

    def _record_attempt(self, attempt: dict[str, Any]) -> None:
        """Journal one attempt at the invigilator's code in the open session, else write it to the log."""
        session = self.session
        if session is not None and session.finished is None and session.store is not None:
            self._note("invigilator_attempt", attempt)
            return
        log_note(
            f"invigilator code attempt {json.dumps(attempt, sort_keys=True)} "
            f"candidate={self.request.candidate_id!r} seat={self.request.seat!r}"
        )

    def _note(self, type_: str, payload: dict[str, Any]) -> None:
        from simulator.journal.errors import StoreWriteFailed

        try:
            self.live_session.note(type_, payload)
        except StoreWriteFailed:
            self.save_again()

    # -- signals and heartbeat ---------------------------------------------------------------------

    def journal_unannounced_stop(self) -> None:
        """The app ends and nothing said why (a closed tab, a lost connection): journal the configured cause."""
        if self.unannounced_stop_cause and not self._stop_journalled:
            self._journal_stop(self.unannounced_stop_cause)

    def install_signal_handlers(self) -> None:
        """Journal SIGTERM, SIGHUP (and a SIGINT sent from outside) as an interruption before the app ends."""
        import asyncio

        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            loop.add_signal_handler(sig, self.interrupted, sig)

    def interrupted(self, sig: int) -> None:
        """The app is being stopped from outside: journal it, then end (resuming later carries on)."""
        import os
        import threading

        name = signal.Signals(sig).name
        self._journal_stop(name)
        log_note(f"{name}: the app stops (candidate={self.request.candidate_id!r})")
        code = 128 + sig
        # a closed terminal may keep the app from shutting down cleanly: the journal is safe, end anyway
        last_resort = threading.Timer(5.0, os._exit, (code,))
        last_resort.daemon = True  # a clean exit does not wait for it
        last_resort.start()
        self.exit(return_code=code)

    def start_heartbeat(self) -> None:
        if self._heartbeat_timer is None:
            self._heartbeat_timer = self.set_interval(_HEARTBEAT_CHECK, self._heartbeat)

    def _heartbeat(self) -> None:
        from simulator.journal.errors import StoreWriteFailed

        session = self.session
        if session is None or self._saving:
            return
        try:
            session.heartbeat()
            session.apply_requests()  # the invigilator paused, restarted or extended this seat's clock
        except StoreWriteFailed:
            self.save_again()

    # -- a busy journal ----------------------------------------------------------------------------

    def save_again(self) -> None:
        """The store refused a write: show « saving… » and try again in the background."""
        from simulator.app.screens.saving import SavingScreen

        if self._saving or self.failure is not None:
            return
        self._saving = True
        self.push_screen(SavingScreen())
        self._retry_saving()

    @work(thread=True, exclusive=True, group="saving")
    def _retry_saving(self) -> None:
        from simulator.journal.errors import StoreWriteFailed

        refused: Exception | None = None
        for delay in self.save_retry_delays:
            time.sleep(delay)
            try:
                self.live_session.retry_pending()
            except StoreWriteFailed as exc:
                refused = exc
                continue
            except Exception as exc:  # noqa: BLE001 — anything else ends the app with its message
                self.call_from_thread(self.fail, exc)
                return
            self.call_from_thread(self._saved)
            return
        self.call_from_thread(self.fail, refused)

    def _saved(self) -> None:
        from simulator.app.screens.saving import SavingScreen

        self._saving = False
        if isinstance(self.screen, SavingScreen):
            self.pop_screen()
        refresh = getattr(self.screen, "refresh_from_engine", None)
        if refresh is not None:
            refresh()

    # -- errors ------------------------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        """Textual's last resort for an error: here it never prints a traceback (see ``fail``)."""
        self.fail(error)

    def record_failure(self, error: BaseException) -> None:
        """Log ``error`` and keep the candidate's sentence for the command line to print (the first error only)."""
        if self.failure is None:
            self.failure = error
            log_failure(error, "candidate app")
            self.failure_message = failure_message(error, self.t)

    def fail(self, error: BaseException) -> None:
        """``record_failure``, then end the app with ``FAILURE_EXIT``."""
        self.record_failure(error)
        self._return_code = FAILURE_EXIT
        if self._exception is None and isinstance(
            error, Exception
        ):  # Pilot tests re-raise it, as for any app
            self._exception = error
            self._exception_event.set()
        self._close_messages_no_wait()
