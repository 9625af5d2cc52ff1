"""The candidate app: sign in, work through the épreuve's contacts, see the end screen.

``CallsimApp`` owns one ``EpreuveSession`` and nothing else of the engine's logic. In exam mode
it cannot be left without the invigilator's code (``exam_lock``): Ctrl+Q asks for it on every
screen, Ctrl+C, Ctrl+Z and Ctrl+\\ reach the app as keys (the terminal is in raw mode) and do
nothing, the command palette does not open. A signal that stops the app (SIGTERM, SIGHUP) is
journalled as an interruption. No error ever shows a traceback: the technical detail goes to the
log, the candidate reads one sentence in their language and the app exits with ``FAILURE_EXIT``.

The sign-in screen appears at once: the épreuve (its files read and checked, which takes a
few seconds) and the engine are loaded in a background thread while the candidate types their
number, and the seat opens as soon as both are there. An épreuve checked before is shown as soon
as its cache entry is verified (its title and languages, ``bundle_cache.glance``); its models are
built after that frame is painted, then the engine is imported.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.binding import Binding
from textual.events import DescendantFocus
from textual.message import Message

from simulator.app.exam_lock import ExamLock
from simulator.app.i18n import LANGUAGES, N_, Translator
from simulator.app.ready_marker import mark
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest

if TYPE_CHECKING:
    from simulator.engine.bundle import Bundle
    from simulator.engine.bundle_cache import Glance
    from simulator.engine.clock import Clock
    from simulator.engine.session import EpreuveSession
    from simulator.journal.store import JournalStore


class BundleReady(Message):
    """The épreuve is loaded (or failed to load): the sign-in screen can show its title."""


class CallsimApp(ExamLock, App):
    """The candidate's terminal app (practice or exam, as the épreuve file says)."""

    CSS_PATH = "callsim.tcss"
    TITLE = "callsim"
    #: Textual's palette (Quit, Theme, Screenshot… in English) is a developer's tool, not a candidate's.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("ctrl+q", "leave", N_("Quit"), priority=True),
        Binding("ctrl+c", "blocked", show=False, priority=True),
        Binding("ctrl+z", "blocked", show=False, priority=True),
        Binding("ctrl+backslash", "blocked", show=False, priority=True),
    ]

    def __init__(
        self,
        request: SeatRequest,
        *,
        store_factory: Callable[[], JournalStore],
        clock: Clock,
        invigilator_code: str = "",
        bundle: Bundle | None = None,
        bundle_loader: Callable[[str], Bundle] | None = None,
        handle_signals: bool = False,
        monotonic: Callable[[], float] | None = None,
        still: bool = False,
    ) -> None:
        super().__init__()
        self.request = request
        #: A browser seat: no blinking cursor, no animation (each would be a screen update sent to
        #: the page twice a second while the candidate reads or thinks).
        self.still = still
        if still:
            self.animation_level = "none"
        #: The candidate number was given on the command line: it cannot be changed at sign-in.
        self.candidate_fixed = bool(request.candidate_id)
        self.handle_signals = handle_signals
        self.setup_lock(invigilator_code, monotonic)
        self.store_factory, self.clock = store_factory, clock
        self.bundle: Bundle | None = bundle
        #: The épreuve as its verified cache entry shows it, before its models are built (a warm start).
        self.glance: Glance | None = None
        self.bundle_loader = bundle_loader
        #: Why the épreuve could not be loaded (the command line prints it after the app exits).
        self.load_error: Exception | None = None
        self.lang = request.language
        self.t = Translator(self.lang)
        self.session: EpreuveSession | None = None
        self.store: JournalStore | None = None
        self._waiting_candidate: str | None = None
        self._loading = False
        #: Held by whichever thread imports the engine (the loading thread, or a seat being opened):
        #: the other waits for it rather than importing the same modules at the same time.
        self._engine_import = threading.Lock()
        #: Set once the loaded épreuve is painted: the loading thread imports the engine only then, so
        #: that the import does not hold up the frame the candidate is waiting for.
        self._epreuve_painted = threading.Event()

    @property
    def live_session(self) -> EpreuveSession:
        """The épreuve under way: the screens that use it are shown only once a seat is open."""
        if self.session is None:
            raise RuntimeError("no épreuve is open on this seat yet")
        return self.session

    @property
    def exam(self) -> bool:
        """Exam mode, as the épreuve file says (before it is loaded: as the command asked)."""
        if self.bundle is not None:
            return self.bundle.epreuve.mode == "exam"
        if self.glance is not None:
            return self.glance.mode == "exam"
        return bool(self.invigilator_code)

    def on_mount(self) -> None:
        if self.handle_signals:
            self.install_signal_handlers()
        self.push_screen(SignInScreen())

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        """A still seat's text fields (each widget with a blinking cursor) show a steady one (``still``)."""
        if self.still and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    # -- loading the épreuve in the background -----------------------------------------------------

    def start_loading(self) -> None:
        """Load the épreuve in a thread worker (once; the sign-in screen asks when it is painted)."""
        mark("frame")  # CALLSIM_READY_MARKER only: the sign-in screen's first frame is painted
        if self.bundle is None and not self._loading:
            self._loading = True
            self._load()

    @work(thread=True, exclusive=True, group="load-epreuve", name="callsim-load-epreuve")
    def _load(self) -> None:
        from simulator.app.seat import glance_at_epreuve, load_epreuve

        glance = None if self.bundle_loader else glance_at_epreuve(self.request.epreuve)
        if glance is not None:
            try:
                self.call_from_thread(self._glanced, glance)
            except RuntimeError:  # the app ended meanwhile: nobody is waiting for the épreuve
                return
            # its title is painted before the models are built (bounded, as below)
            self._epreuve_painted.wait(timeout=2.0)
        error: Exception | None = None
        try:
            bundle = (glance.bundle() if glance is not None else None) or (
                self.bundle_loader or load_epreuve
            )(self.request.epreuve)
        except Exception as exc:  # noqa: BLE001 — any failure is shown and ends the app cleanly
            bundle, error = None, exc
        try:
            self.call_from_thread(
                self._loaded, bundle, error
            )  # the title shows while the engine is imported
        except RuntimeError:  # the app ended meanwhile: nobody is waiting for the épreuve
            return
        if error is None:
            # bounded: an app that ended before painting the épreuve never sets it
            self._epreuve_painted.wait(timeout=2.0)
            try:
                self._import_engine()  # the engine, while the candidate types
            except Exception:  # noqa: BLE001 — opening the seat imports it again and reports the failure
                pass

    def _import_engine(self) -> None:
        """Import the engine (the console screen and all it uses), in one thread at a time."""
        with self._engine_import:
            import simulator.app.screens.console  # noqa: F401

    def _loaded(self, bundle: Bundle | None, error: Exception | None) -> None:
        if error is not None:
            self.load_error = error
            self.exit(return_code=2)
            return
        self.bundle = bundle
        if self.glance is None:  # not shown yet
            self._show_epreuve()
        if self._waiting_candidate is not None:
            candidate, self._waiting_candidate = self._waiting_candidate, None
            try:
                self.open_seat(candidate)
            except Exception as exc:  # noqa: BLE001 — the loading thread must not see it: the app ends here
                self.fail(exc)

    def _glanced(self, glance: Glance) -> None:
        """The épreuve's cache entry is sound: show it while its models are built."""
        self.glance = glance
        self._show_epreuve()

    def _show_epreuve(self) -> None:
        self._offer_complete_languages()
        self.screen.post_message(BundleReady())
        self.call_after_refresh(self._painted_epreuve)

    def _painted_epreuve(self) -> None:
        mark("ready")  # CALLSIM_READY_MARKER only: the loaded épreuve is shown
        self._epreuve_painted.set()

    # -- what screens ask of the app ---------------------------------------------------------------

    def epreuve_title(self) -> str:
        if self.bundle is None:
            if self.glance is not None:
                return self.glance.title(self.lang)
            return self.t("Loading the épreuve…")
        title = self.bundle.epreuve.title
        return title if isinstance(title, str) else (getattr(title, self.lang, None) or title.fr)

    def offered_languages(self) -> tuple[str, ...]:
        """The languages of the sign-in screen: all of them until the épreuve is loaded, then only
        those it is complete in (every text a candidate can see is translated)."""
        shown = self.bundle or self.glance
        if shown is None:
            return LANGUAGES
        return tuple(lang for lang in LANGUAGES if lang in shown.languages) or ("fr",)

    def _offer_complete_languages(self) -> None:
        """Once the épreuve is loaded, take away the languages it is not complete in.

        A language chosen before that falls back to French; the sign-in screen is drawn again
        with the candidate number typed so far.
        """
        offered = self.offered_languages()
        if offered == LANGUAGES:
            return
        candidate = self.request.candidate_id
        if isinstance(self.screen, SignInScreen) and self._waiting_candidate is None:
            candidate = self.screen.candidate_number()
            self.call_later(self.switch_screen, SignInScreen())
        if self.lang not in offered:
            self.lang, self.t = offered[0], Translator(offered[0])
        self.request = dataclasses.replace(self.request, candidate_id=candidate, language=self.lang)

    #: The mode the seat is served for (``callsim centre serve`` read it from the épreuve file): the
    #: rules the sign-in screen shows while the épreuve loads. Empty: as the command asked (``exam``).
    served_mode: str = ""

    def briefing_key(self) -> str:
        """The rules of the épreuve's mode; while it loads, those of the mode the seat is served for."""
        served = self.bundle is None and self.glance is None and self.served_mode
        exam = self.served_mode == "exam" if served else self.exam
        return N_("EXAM_RULES") if exam else N_("PRACTICE_RULES")

    def change_language(self, lang: str, candidate: str) -> None:
        if lang == self.lang:
            return
        self.lang, self.t = lang, Translator(lang)
        self.request = dataclasses.replace(self.request, candidate_id=candidate, language=lang)
        self.call_later(self.switch_screen, SignInScreen())

    def open_seat(self, candidate_id: str, *, other_seat_allowed: bool = False) -> None:
        if self.bundle is None:
            self._waiting_candidate = candidate_id
            self.notify(self.t("Loading the épreuve…"), timeout=3)
            return
        self._import_engine()  # or wait for the loading thread, which may be importing it right now
        from simulator.app.failures import seat_message
        from simulator.app.seat import OtherSeat, open_seat
        from simulator.engine.bundle import BundleError
        from simulator.engine.session import SessionError
        from simulator.journal.errors import SessionInUse

        request = dataclasses.replace(self.request, candidate_id=candidate_id, language=self.lang)
        try:
            self.store = self.store or self.store_factory()
            self.session = open_seat(
                request, self.store, self.clock, self.bundle, other_seat_allowed=other_seat_allowed
            )
        except OtherSeat as exc:
            self.ask_to_move_seat(candidate_id, exc)
            return
        except SessionInUse as exc:
            self.notify(seat_message(exc, self.t) or "", severity="error", timeout=30)
            return
        except (SessionError, BundleError) as exc:
            message = exc.message(self.lang) if isinstance(exc, SessionError) else str(exc)
            self.notify(message, severity="error", timeout=20)
            return
        self.request = request
        self._seat_opened()

    def _seat_opened(self) -> None:
        from simulator.app.screens.console import ConsoleScreen
        from simulator.app.screens.end import EndScreen

        header = self.live_session.header
        if header.language != self.lang:  # a resumed session keeps its language
            self.lang, self.t = header.language, Translator(header.language)
        self.start_heartbeat()
        self.switch_screen(
            EndScreen() if self.live_session.finished is not None else ConsoleScreen()
        )

    def show_end(self) -> None:
        from simulator.app.screens.end import EndScreen

        if not isinstance(self.screen, EndScreen):
            self.switch_screen(EndScreen())

    def on_unmount(self) -> None:
        self._epreuve_painted.set()  # a loading thread still waiting ends now
        self.journal_unannounced_stop()
        if self.session is not None:
            self.session.close()
        if self.store is not None and hasattr(self.store, "close"):
            self.store.close()


def create_app(
    request: SeatRequest,
    *,
    clock: Clock,
    store_path: Path | None = None,
    store_factory: Callable[[], JournalStore] | None = None,
    invigilator_code: str = "",
    bundle: Bundle | None = None,
    handle_signals: bool = False,
    bundle_loader: Callable[[str], Bundle] | None = None,
    monotonic: Callable[[], float] | None = None,
    still: bool = False,
) -> CallsimApp:
    """The app factory used by ``callsim exam`` / ``callsim practice``, the tests and the scripts.

    Without ``bundle`` the épreuve named in ``request`` is loaded in the background after the
    first screen is shown (by ``bundle_loader`` when given). ``handle_signals`` (the command line)
    journals SIGTERM and SIGHUP; ``monotonic`` is the invigilator lock's clock (tests freeze it);
    ``still`` (a browser seat) turns off the cursor's blinking and the animations.
    """
    from simulator.app.seat import open_store

    factory = store_factory or (lambda: open_store(store_path or request.store_path))
    return CallsimApp(
        request,
        store_factory=factory,
        clock=clock,
        invigilator_code=invigilator_code,
        bundle=bundle,
        bundle_loader=bundle_loader,
        handle_signals=handle_signals,
        monotonic=monotonic,
        still=still,
    )
