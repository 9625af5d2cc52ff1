"""The assessors' app: sign in, list and filter the sessions, review one beside its transcript, replay it.

``ReviewApp`` owns one ``ReviewDesk`` and holds no rule: signing in, overriding, marking
reviewed, signing and re-opening are desk calls, and a refusal is shown as the desk's message in
the assessor's language. Blind mode (``--blind`` or the B key) shows a pseudonym wherever the
candidate's id would appear; started with ``--blind`` it cannot be turned off.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.reactive import reactive

from simulator.review.i18n import N_, translator
from simulator.review.screens.help import HelpScreen
from simulator.review.screens.signin import SignInScreen

if TYPE_CHECKING:
    from scoring.assessment.desk import ReviewDesk
    from scoring.assessment.model import SessionReview
    from scoring.transcripts import Transcript
    from simulator.engine.clock import Clock


class ReviewApp(App):
    """The assessors' terminal app on one store (journal, grilles and audit)."""

    CSS_PATH = "review.tcss"
    TITLE = "callsim review"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help")),
        Binding("b", "toggle_blind", N_("Blind")),
        Binding("ctrl+q", "quit", N_("Quit"), priority=True, show=False),
    ]

    #: Whether the candidate's id is replaced by a pseudonym on every screen.
    blind: reactive[bool] = reactive(False)

    def __init__(self, desk: ReviewDesk, *, lang: str = "fr", blind: bool = False) -> None:
        super().__init__()
        self.desk = desk
        self.lang, self.t = lang, translator(lang)
        #: Started blind: the B key cannot show the candidate's id.
        self.blind_locked = blind
        self.set_reactive(ReviewApp.blind, blind)
        #: The assessor signed in (empty before sign-in): every desk act is made in this name.
        self.assessor = ""

    def on_mount(self) -> None:
        self.push_screen(SignInScreen())

    # -- what screens ask of the app ---------------------------------------------------------------

    def sign_in(self, name: str, passphrase: str) -> str | None:
        """Check the passphrase in a thread worker, then show the sessions; the refusal to show at once if a field is empty.

        The passphrase check (argon2id) and the key unlocking take a noticeable time by design: the
        screen stays drawn meanwhile, and a refusal is handed to the sign-in screen when it comes.
        """
        if not name or not passphrase:
            return self.t("Type your assessor name and your passphrase.")
        self._log_in(name, passphrase)
        return None

    @work(thread=True, exclusive=True, group="sign-in")
    def _log_in(self, name: str, passphrase: str) -> None:
        from scoring.assessment.model import AssessmentError

        try:
            assessor = self.desk.login(name, passphrase)
        except AssessmentError as error:
            self.call_from_thread(self._refused, error.message(self.lang))
            return
        self.call_from_thread(self._signed_in, assessor)

    def _signed_in(self, assessor: str) -> None:
        from simulator.review.screens.sessions import SessionsScreen

        self.assessor = assessor
        self.switch_screen(SessionsScreen())

    def _refused(self, refusal: str) -> None:
        if isinstance(self.screen, SignInScreen):
            self.screen.refused(refusal)

    def candidate(self, review: SessionReview) -> str:
        """The candidate as this app may show them: their id, or the session's pseudonym when blind."""
        from scoring.assessment.model import pseudonym

        return pseudonym(review.session_id) if self.blind else review.candidate_id

    def transcript(self, session_id: str) -> Transcript:
        """The session's verified journal (``Refused`` when it fails verification)."""
        from scoring.transcripts import StoreTranscripts

        return StoreTranscripts(self.desk.journal).verified(session_id)

    def status_word(self, status: str) -> str:
        from scoring.assessment.model import REVIEWED, SCORED, SIGNED, TO_SCORE

        words = {
            TO_SCORE: N_("to score"),
            SCORED: N_("scored"),
            REVIEWED: N_("reviewed"),
            SIGNED: N_("signed"),
        }
        return self.t(words[status]) if status in words else status

    # -- keys available everywhere -----------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_toggle_blind(self) -> None:
        if self.blind_locked:
            self.notify(
                self.t("This review was started blind (--blind): the candidates stay hidden.")
            )
            return
        self.blind = not self.blind
        self.notify(self.t("Blind mode on.") if self.blind else self.t("Blind mode off."))

    def on_unmount(self) -> None:
        self.desk.close()


def create_review_app(
    *,
    clock: Clock,
    store_path: Path | None = None,
    desk: ReviewDesk | None = None,
    lang: str = "fr",
    blind: bool = False,
) -> ReviewApp:
    """The app factory used by ``callsim review`` and the tests: on the store at ``store_path`` (or ``desk``)."""
    if desk is None:
        from scoring.assessment.desk import ReviewDesk

        if store_path is None:
            raise ValueError("create_review_app needs a store_path or a desk")
        desk = ReviewDesk.open(store_path, clock)
    return ReviewApp(desk, lang=lang, blind=blind)
