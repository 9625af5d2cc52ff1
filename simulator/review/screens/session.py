"""One session under review: the grille beside the transcript, and the assessor's acts on it.

Choosing a competency marks its evidence in the transcript. Overriding, marking reviewed,
signing and re-opening are desk calls (the dialogs ask first); a refusal is shown as the desk's
message on the line under the grille, and the screen redraws from the desk after every act.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static

from scoring.assessment.model import ASSESSOR_VERDICTS, AssessmentError, SessionReview
from scoring.transcripts import Refused
from simulator.i18n.elision import with_names
from simulator.review.grille_rows import CompetencyLine, epreuve_verdicts, grille_lines, word
from simulator.review.i18n import N_
from simulator.review.reading import Moment, read_moments
from simulator.review.screens.confirm import ConfirmScreen
from simulator.review.screens.reason import ReasonDialog
from simulator.review.widgets.grille_table import OVERRIDE_MARK, GrilleTable, GrilleWords
from simulator.review.widgets.transcript_view import EVIDENCE_MARK, TranscriptView
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

_HEADINGS = (N_("Code"), N_("Competency"), N_("Automatic"), N_("Final"))


class SessionScreen(Screen):
    """The grille (left) and the transcript (right) of one session; Tab moves between them."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back"), show=False),
        Binding("o", "override", N_("Override")),
        Binding("m", "mark_reviewed", N_("Reviewed")),
        Binding("s", "sign", N_("Sign")),
        Binding("r", "reopen", N_("Re-open")),
        Binding("a", "audit", N_("Audit")),
        Binding("t", "texts", N_("Texts")),
        Binding("p", "replay", N_("Replay")),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.review: SessionReview | None = None
        self.moments: list[Moment] = []

    @property
    def reviewed(self) -> SessionReview:
        """The session as last read (the screen reads it when mounted, before any key can act on it)."""
        if self.review is None:
            raise RuntimeError(f"session {self.session_id} has not been read yet")
        return self.review

    def compose(self) -> ComposeResult:
        yield Static(id="session-title", classes="title-bar")
        with Horizontal(id="review-body"):
            with Vertical(id="grille-pane"):
                yield GrilleTable(id="grille")
                yield Static(id="competency")
            yield TranscriptView(self.app.lang, id="transcript")
        yield Static("", id="session-message", classes="refusal")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _blind: self._show_title(), init=False)
        self._load_transcript()
        self.reload()
        self.query_one(GrilleTable).focus()

    def _load_transcript(self) -> None:
        try:
            transcript = self.app.transcript(self.session_id)
        except Refused as refused:
            self.say(refused.message(self.app.lang))
            return
        self.moments = read_moments(transcript.events, self.app.lang, self.app.t)
        self.query_one(TranscriptView).show(self.moments)

    def reload(self) -> None:
        """Read the session again from the desk and redraw the title, the grille and the chosen competency."""
        try:
            self.review = self.app.desk.review(self.session_id)
        except AssessmentError as error:  # the store no longer verifies: say why, show nothing new
            self.say(error.message(self.app.lang))
            return
        t, lang = self.app.t, self.app.lang
        grille = self.query_one(GrilleTable)
        grille.show(grille_lines(self.review, lang), self._grille_words())
        if self.review.grille is None:
            self.say(
                t(
                    "This session is not scored yet: run « callsim score {session} » first.",
                    session=self.session_id,
                )
            )
        self._show_title()
        self._show_competency(grille.chosen)

    def _grille_words(self) -> GrilleWords:
        t, lang = self.app.t, self.app.lang
        short = {"ok": "OK", "nok": "NOK", "not_observed": t("NOT OBS.")}
        return GrilleWords(
            tuple(t(h) for h in _HEADINGS),
            (t("Code"), t("Competency"), t("Auto."), t("Final")),
            lambda verdict: word(verdict, lang),
            lambda verdict: short.get(verdict, verdict or "—"),
        )

    def _show_title(self) -> None:
        review, t = self.review, self.app.t
        if review is None:
            return
        automatic, final = epreuve_verdicts(review)
        verdict = word(automatic, self.app.lang)
        if final != automatic:
            verdict += f" → {word(final, self.app.lang)}"
        status = self.app.status_word(review.status)
        if review.signed_by:
            status += " " + t("by {name}", name=review.signed_by)
        parts: tuple[str, ...] = (
            review.session_id,
            self.app.candidate(review),
            review.epreuve_id,
            review.created_at[:16].replace("T", " "),
            status,
            t("épreuve: {verdict}", verdict=verdict),
        )
        drawn = ((review.grille or {}).get("session") or {}).get("variants")
        if drawn:  # the forms this candidate got: assessors see them, candidates never do
            forms = "; ".join(
                f"{sid}: " + ", ".join(f"{d}={a}" for d, a in combo.items())
                for sid, combo in drawn.items()
            )
            parts += (t("variants: {forms}", forms=forms),)
        self.query_one("#session-title", Static).update(" · ".join(parts))

    def _show_competency(self, line: CompetencyLine | None) -> None:
        t, lang = self.app.t, self.app.lang
        box = self.query_one("#competency", Static)
        if line is None:
            box.update(
                t(
                    "Choose a competency (arrows) to mark its evidence {mark} in the transcript.",
                    mark=EVIDENCE_MARK,
                )
            )
            return
        text = [
            f"{line.code} — {line.label}",
            t(
                "Automatic: {verdict} ({reason})",
                verdict=word(line.automatic, lang),
                reason=line.reason,
            )
            + " · "
            + t(
                "{n} event(s) of evidence, marked {mark}", n=len(line.evidence), mark=EVIDENCE_MARK
            ),
        ]
        if line.to_confirm:
            text.append(t("{n} typed text(s) to confirm (t): not counted yet", n=line.to_confirm))
        if line.override is not None:
            text.append(
                t(
                    "Final: {verdict} {mark} by {name}: « {reason} »",
                    verdict=word(line.final, lang),
                    mark=OVERRIDE_MARK,
                    name=line.override.assessor,
                    reason=line.override.reason,
                )
            )
        text += [f"  {criterion}" for criterion in line.criteria]
        box.update("\n".join(text))

    def say(self, message: str) -> None:
        """Show a refusal or what was just recorded, under the grille."""
        self.query_one("#session-message", Static).update(message)

    @on(GrilleTable.CompetencyChosen)
    def _competency_chosen(self, event: GrilleTable.CompetencyChosen) -> None:
        line = event.line
        self._show_competency(line)
        self.query_one(TranscriptView).mark(
            line.code if line else "", line.evidence if line else ()
        )

    # -- the assessor's acts -----------------------------------------------------------------------

    def _desk_call(self, call: Callable[..., object], *args: object) -> str | None:
        """Run one desk act in the signed-in assessor's name; the refusal's message, or None when done."""
        try:
            call(self.app.assessor, self.session_id, *args)
        except AssessmentError as error:
            return error.message(self.app.lang)
        return None

    def action_override(self) -> None:
        t, lang = self.app.t, self.app.lang
        line = self.query_one(GrilleTable).chosen
        if line is None:
            self.say(t("Choose a competency in the grille first."))
            return
        default = next((v for v in ASSESSOR_VERDICTS if v != line.final), ASSESSOR_VERDICTS[0])

        def submit(verdict: str, reason: str) -> str | None:
            return self._desk_call(self.app.desk.override, line.code, verdict, reason)

        def done(recorded: bool | None) -> None:
            if recorded:
                self.reload()
                self.say(
                    t(
                        "Override recorded: {code} is now {verdict}.",
                        code=line.code,
                        verdict=word(self.reviewed.final()[line.code], lang),
                    )
                )

        facts = [
            line.label,
            t(
                "Automatic: {verdict} · now: {final}",
                verdict=word(line.automatic, lang),
                final=word(line.final, lang),
            ),
        ]
        self.app.push_screen(
            ReasonDialog(
                t("Override — {code}", code=line.code),
                facts,
                submit,
                verdicts=[(v, word(v, lang)) for v in ASSESSOR_VERDICTS],
                verdict=default,
            ),
            done,
        )

    def action_mark_reviewed(self) -> None:
        t = self.app.t
        self._confirmed(
            t("Mark as reviewed"),
            t(
                "Mark session {session} as reviewed? You state that you examined its grille and its "
                "evidence.",
                session=self.session_id,
            ),
            self.app.desk.mark_reviewed,
            t("Session marked as reviewed."),
        )

    def action_sign(self) -> None:
        t = self.app.t
        self._confirmed(
            t("Sign"),
            with_names(
                t(
                    "Sign session {session} as {name}? Once signed, it changes only after a re-open "
                    "with a reason."
                ),
                self.app.lang,
                session=self.session_id,
                name=self.app.assessor,
            ),
            self.app.desk.sign,
            t("Session signed."),
        )

    def _confirmed(
        self, title: str, question: str, call: Callable[..., object], done_message: str
    ) -> None:
        def decided(yes: bool | None) -> None:
            if not yes:
                return
            refusal = self._desk_call(call)
            self.reload()
            self.say(refusal or done_message)

        self.app.push_screen(ConfirmScreen(title, question), decided)

    def action_reopen(self) -> None:
        t = self.app.t

        def submit(_verdict: str, reason: str) -> str | None:
            return self._desk_call(self.app.desk.reopen, reason)

        def done(recorded: bool | None) -> None:
            if recorded:
                self.reload()
                self.say(t("Session re-opened: it can change again."))

        self.app.push_screen(
            ReasonDialog(
                t("Re-open session {session}", session=self.session_id),
                [t("Status: {status}", status=self.app.status_word(self.reviewed.status))],
                submit,
            ),
            done,
        )

    def action_audit(self) -> None:
        from simulator.review.screens.audit import AuditScreen

        self.app.push_screen(AuditScreen(self.review.audit if self.review else ()))

    def action_texts(self) -> None:
        from simulator.review.screens.texts import TextsScreen

        def back(_result: object = None) -> None:
            self.reload()

        self.app.push_screen(TextsScreen(self.session_id), back)

    def action_replay(self) -> None:
        from simulator.review.screens.replay import ReplayScreen

        if not self.moments:
            self.say(self.app.t("There is no transcript to replay."))
            return
        cursor = self.query_one(TranscriptView).highlighted or 0
        self.app.push_screen(ReplayScreen(self.review, self.moments, start=cursor))
