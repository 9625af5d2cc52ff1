"""Step-by-step replay: contact by contact, event by event, what the candidate saw and did at that step."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Static

from scoring.assessment.model import SessionReview
from simulator.review.i18n import N_
from simulator.review.reading import Moment, by_contact
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp

_ROLE_STYLE = {"customer": "bold", "agent": "cyan", "system": "italic dim", "supervisor": "yellow"}


class ReplayScreen(Screen):
    """Walks the moments of a session; the left pane is the contact's conversation up to this step."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Back")),
        Binding("right,n", "step(1)", N_("Steps"), key_display="←→"),
        Binding("left", "step(-1)", N_("Previous step"), show=False),
        Binding("down,pagedown", "contact(1)", N_("Contacts"), key_display="↑↓"),
        Binding("up,pageup", "contact(-1)", N_("Previous contact"), show=False),
        Binding("home", "go(0)", N_("Start"), show=False),
    ]

    def __init__(
        self, review: SessionReview | None, moments: Sequence[Moment], *, start: int = 0
    ) -> None:
        super().__init__()
        self.review = review
        self.moments = tuple(moments)
        self.runs = by_contact(self.moments)
        #: Index of the run of each moment, and where each run starts.
        self.run_of: list[int] = [i for i, run in enumerate(self.runs) for _ in run.moments]
        self.run_start: list[int] = []
        position = 0
        for run in self.runs:
            self.run_start.append(position)
            position += len(run.moments)
        self.index = min(max(start, 0), len(self.moments) - 1)

    def compose(self) -> ComposeResult:
        t = self.app.t
        yield Static(id="replay-title", classes="title-bar")
        yield Static(id="replay-position")
        yield Static(id="replay-did")
        with Horizontal(id="replay-panes"):
            with Vertical(id="replay-seen-pane"):
                yield Label(t("What the candidate saw in this contact"), classes="heading")
                with VerticalScroll(id="replay-seen", can_focus=False):
                    yield Static(id="replay-conversation")
            with Vertical(id="replay-result-pane"):
                yield Label(t("What the tool answered"), classes="heading")
                with VerticalScroll(id="replay-result-scroll", can_focus=False):
                    yield Static(id="replay-result")
        yield KeyBar()

    def on_mount(self) -> None:
        self.watch(self.app, "blind", lambda _blind: self._show(), init=False)
        self._show()

    def action_step(self, delta: int) -> None:
        self.action_go(self.index + delta)

    def action_contact(self, delta: int) -> None:
        run = self.run_of[self.index] + delta
        if 0 <= run < len(self.runs):
            self.action_go(self.run_start[run])

    def action_go(self, index: int) -> None:
        if 0 <= index < len(self.moments) and index != self.index:
            self.index = index
            self._show()

    def _show(self) -> None:
        t = self.app.t
        moment = self.moments[self.index]
        run_index = self.run_of[self.index]
        run = self.runs[run_index]
        step = self.index - self.run_start[run_index] + 1
        who = f" · {self.app.candidate(self.review)}" if self.review is not None else ""
        session = self.review.session_id if self.review is not None else ""
        self.query_one("#replay-title", Static).update(
            t("Step-by-step replay — {session}", session=session) + who
        )
        contacts = max((r.number for r in self.runs), default=0)
        where = (
            t(
                "Contact {number} of {count} ({contact})",
                number=run.number,
                count=contacts,
                contact=run.contact,
            )
            if run.contact
            else t("The épreuve")
        )
        self.query_one("#replay-position", Static).update(
            " · ".join(
                (
                    where,
                    t("step {step} of {steps}", step=step, steps=len(run.moments)),
                    t("event no. {seq}", seq=moment.seq),
                    moment.time,
                )
            )
        )
        did = Text(t("What the candidate did: "), style="bold")
        did.append(moment.did)
        if moment.evidence:
            did.append("\n" + t("Evidence: "), style="bold")
            did.append(
                ", ".join(
                    f"{code} {'+' if effect == 'positive' else '−'}"
                    for code, effect in moment.evidence
                )
            )
        self.query_one("#replay-did", Static).update(did)
        self.query_one("#replay-conversation", Static).update(
            self._conversation(run.moments[:step])
        )
        self.query_one("#replay-seen", VerticalScroll).scroll_end(animate=False)
        self.query_one("#replay-result", Static).update(
            "\n".join(moment.result) or t("(no tool used at this step)")
        )

    def _conversation(self, moments: Sequence[Moment]) -> Text:
        """Every line of the contact so far; this step's lines stand out."""
        colon = ": " if self.app.lang == "en" else " : "
        text = Text()
        for position, moment in enumerate(moments):
            current = position == len(moments) - 1
            for line in moment.lines:
                if text:
                    text.append("\n")
                text.append(
                    f"{'▶ ' if current else '  '}{line.speaker}{colon}",
                    style=_ROLE_STYLE.get(line.role, "") + (" reverse" if current else ""),
                )
                text.append(line.text, style="bold" if current else "")
        return text or Text(self.app.t("(nothing said yet in this contact)"), style="dim")
