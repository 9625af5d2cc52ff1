"""The candidate app: sign in, work through the épreuve's contacts, see the end screen.

``CallsimApp`` owns one ``EpreuveSession`` and nothing else of the engine's logic. In exam mode
it cannot be left without the invigilator's code; Ctrl+C, Ctrl+Z and Ctrl+\\ reach it as keys
(the terminal is in raw mode), never as signals that drop the candidate to a shell.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from simulator.app.bindings import translate_bindings
from simulator.app.i18n import N_, Translator
from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.end import EndScreen
from simulator.app.screens.invigilator import InvigilatorScreen
from simulator.app.screens.signin import SignInScreen
from simulator.app.seat import SeatRequest, open_seat
from simulator.engine.bundle import Bundle, BundleError, epreuve_path, load_bundle
from simulator.engine.clock import Clock
from simulator.engine.session import EpreuveSession, SessionError
from simulator.journal.store import JournalStore


class CallsimApp(App):
    """The candidate's terminal app (practice or exam, as the épreuve file says)."""

    CSS_PATH = "callsim.tcss"
    TITLE = "callsim"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("ctrl+q", "leave", N_("Quit"), priority=True),
        Binding("ctrl+c", "blocked", show=False, priority=True),
        Binding("ctrl+z", "blocked", show=False, priority=True),
        Binding("ctrl+backslash", "blocked", show=False, priority=True),
    ]

    def __init__(self, request: SeatRequest, *, store_factory: Callable[[], JournalStore], clock: Clock,
                 invigilator_code: str = "", bundle: Bundle | None = None) -> None:
        super().__init__()
        self.request = request
        self.store_factory, self.clock = store_factory, clock
        self.invigilator_code = invigilator_code
        self.bundle = bundle or load_bundle(epreuve_path(request.epreuve))
        self.lang = request.language
        self.t = Translator(self.lang)
        self.session: EpreuveSession | None = None
        self.store: JournalStore | None = None

    @property
    def exam(self) -> bool:
        return self.bundle.epreuve.mode == "exam"

    def on_mount(self) -> None:
        translate_bindings(self, self.t)
        self.push_screen(SignInScreen())

    # -- what screens ask of the app ---------------------------------------------------------------

    def epreuve_title(self) -> str:
        title = self.bundle.epreuve.title
        return title if isinstance(title, str) else (getattr(title, self.lang, None) or title.fr)

    def briefing_key(self) -> str:
        return N_("EXAM_RULES") if self.exam else N_("PRACTICE_RULES")

    def change_language(self, lang: str) -> None:
        if lang == self.lang:
            return
        self.lang, self.t = lang, Translator(lang)
        translate_bindings(self, self.t)
        self.request = SeatRequest(self.query_candidate(), self.request.epreuve, self.request.seed, lang,
                                   self.request.store_path)
        self.call_later(self.switch_screen, SignInScreen())

    def query_candidate(self) -> str:
        try:
            return self.screen.query_one("#candidate").value.strip()
        except Exception:  # noqa: BLE001 — no sign-in field on screen: keep the known id
            return self.request.candidate_id

    def open_seat(self, candidate_id: str) -> None:
        request = SeatRequest(candidate_id, self.request.epreuve, self.request.seed, self.lang, self.request.store_path)
        try:
            self.store = self.store or self.store_factory()
            self.session = open_seat(request, self.store, self.clock, self.bundle)
        except (SessionError, BundleError) as exc:
            message = getattr(exc, "message_fr", None) if self.lang != "en" else getattr(exc, "message_en", None)
            self.notify(message or str(exc), severity="error", timeout=20)
            return
        self.request = request
        if self.session.header.language != self.lang:  # a resumed session keeps its language
            self.lang, self.t = self.session.header.language, Translator(self.session.header.language)
        if self.session.finished is not None:
            self.switch_screen(EndScreen())
        else:
            self.switch_screen(ConsoleScreen())

    def show_end(self) -> None:
        if not isinstance(self.screen, EndScreen):
            self.switch_screen(EndScreen())

    # -- leaving -----------------------------------------------------------------------------------

    def action_blocked(self) -> None:
        if self.exam and self.session is not None and self.session.finished is None:
            self.notify(self.t("The épreuve cannot be interrupted. Call the invigilator."), severity="warning")
        else:
            self.notify(self.t("Press Ctrl+Q to quit."))

    def action_leave(self) -> None:
        if not self.exam or self.session is None or self.session.finished is not None:
            self.exit()
            return

        def decided(allowed: bool | None) -> None:
            if allowed:
                self.exit()
        self.push_screen(InvigilatorScreen(self.invigilator_code), decided)

    def on_unmount(self) -> None:
        if self.session is not None:
            self.session.close()
        if self.store is not None and hasattr(self.store, "close"):
            self.store.close()


def create_app(request: SeatRequest, *, clock: Clock, store_path: Path | None = None,
               store_factory: Callable[[], JournalStore] | None = None, invigilator_code: str = "") -> CallsimApp:
    """The app factory used by ``callsim exam`` / ``callsim practice`` and by the Pilot tests."""
    from simulator.app.seat import open_store

    factory = store_factory or (lambda: open_store(store_path or request.store_path))
    return CallsimApp(request, store_factory=factory, clock=clock, invigilator_code=invigilator_code)
