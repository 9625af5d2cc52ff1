"""Every typed text of a session with the machine's judgement and why; the assessor decides the unsure ones.

One key press decides the chosen text: ``y`` met, ``n`` not met. Agreeing with the machine's guess
is recorded at once; correcting it opens the reason dialog (the reason goes to the audit). The
desk holds every rule (``ReviewDesk.confirm_text``); a refusal is shown under the table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Static

from scoring.assessment.model import AssessmentError
from simulator.review.i18n import N_
from simulator.review.screens.reason import ReasonDialog
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

_HEADINGS = (N_("Event"), N_("Check"), N_("Code"), N_("Automatic"), N_("Assessor"))


@dataclass(frozen=True)
class TypedText:
    """One judgement of a typed text, as the grille lists it."""

    seq: int
    rule: str
    code: str
    effect: str
    unsure: bool
    confirmed: bool
    guess: bool
    detail: Mapping[str, str]


def typed_texts(grille: Mapping[str, Any] | None) -> list[TypedText]:
    """The grille's typed-text judgements (and any unsure one), in journal order."""
    found = []
    for competency in (grille or {}).get("competencies", ()):
        for e in competency.get("evidence", ()):
            if e.get("source") == "text" or e.get("unsure") is True or e.get("confirmed") is True:
                effect = str(e.get("effect", ""))
                found.append(
                    TypedText(
                        int(e.get("seq", 0)),
                        str(e.get("rule", "")),
                        competency["code"],
                        effect,
                        e.get("unsure") is True,
                        e.get("confirmed") is True,
                        e.get("guess", effect == "positive") is True,
                        e.get("detail") or {},
                    )
                )
    return sorted(found, key=lambda x: (x.seq, x.rule))


class TextsScreen(Screen):
    """The typed texts of one session; ``y`` / ``n`` decide the chosen one."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("y", "decide(True)", N_("Met")),
        Binding("n", "decide(False)", N_("Not met")),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.rows: list[TypedText] = []
        self.typed: dict[int, list[str]] = {}

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Vertical(id="texts"):
            yield Static(
                t("Typed texts of session {session}", session=self.session_id), classes="title-bar"
            )
            yield DataTable(id="texts-table", cursor_type="row", zebra_stripes=True)
            yield Static("", id="texts-why")
            yield Static("", id="texts-message", classes="refusal")
        yield KeyBar()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*(self.app.t(h) for h in _HEADINGS))
        self.reload()
        table.focus()

    def reload(self) -> None:
        t = self.app.t
        review = self.app.desk.review(self.session_id)
        self.rows = typed_texts(review.grille)
        self.typed = {
            int(m.get("seq", 0)): [
                str(line[1]) for line in m.get("excerpt", ()) if line[0] == "agent"
            ]
            for m in (review.grille or {}).get("moments", ())
        }
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for row in self.rows:
            table.add_row(
                str(row.seq), row.rule, row.code, self._automatic(row), self._assessor(row)
            )
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
            self._show(self.rows[table.cursor_row])
        else:
            self.say(t("This session has no typed text."))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.rows):
            self._show(self.rows[event.cursor_row])

    def _show(self, row: TypedText) -> None:
        """Why the machine judged so, and what the candidate typed (when the transcript excerpt holds it)."""
        t, lang = self.app.t, self.app.lang
        why = str(row.detail.get(lang) or row.detail.get("fr") or t("every element is there"))
        typed = " / ".join(self.typed.get(row.seq, ())) or "—"
        self.query_one("#texts-why", Static).update(
            t("Why: {why}", why=why) + "\n" + t("Typed: « {text} »", text=typed)
        )

    def _automatic(self, row: TypedText) -> str:
        t = self.app.t
        if row.unsure or row.confirmed:
            return t(
                "to confirm (guess: {verdict})", verdict=t("met") if row.guess else t("not met")
            )
        return t("met") if row.effect == "positive" else t("not met")

    def _assessor(self, row: TypedText) -> str:
        if not row.confirmed:
            return "—"
        return self.app.t("met") if row.effect == "positive" else self.app.t("not met")

    def say(self, message: str) -> None:
        self.query_one("#texts-message", Static).update(message)

    def action_decide(self, met: bool) -> None:
        t = self.app.t
        table = self.query_one(DataTable)
        if not self.rows:
            return
        row = self.rows[table.cursor_row]
        if not (row.unsure or row.confirmed):
            self.say(
                t(
                    "The machine was sure of this text: change a verdict with an override (o) if needed."
                )
            )
            return
        if met == row.guess:
            self.say(
                self._record(row, met, None) or t("Recorded: the automatic judgement is confirmed.")
            )
            self.reload()
            return

        def submit(_verdict: str, reason: str) -> str | None:
            return self._record(row, met, reason)

        def done(recorded: bool | None) -> None:
            if recorded:
                self.reload()
                self.say(t("Recorded: the automatic judgement is corrected."))

        facts = [f"{row.rule} ({row.code})", self._automatic(row)]
        self.app.push_screen(
            ReasonDialog(t("Correct the automatic judgement"), facts, submit), done
        )

    def _record(self, row: TypedText, met: bool, reason: str | None) -> str | None:
        try:
            self.app.desk.confirm_text(
                self.session_id, row.seq, met, reason, self.app.assessor, rule=row.rule
            )
        except AssessmentError as error:
            return error.message(self.app.lang)
        return None
