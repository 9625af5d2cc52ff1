"""Practice only: what the contact showed, competency by competency, right after it ends."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.markup import escape
from rich.table import Table
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, Static

from simulator.app.i18n import N_
from simulator.engine.evidence import Evidence

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp


def feedback_table(items: Sequence[Evidence], lang: str, headings: tuple[str, str, str]) -> Table:
    """One row per piece of evidence: ✔/✘ (? when a trainer must confirm a typed text), the competency,
    the explanation — and, when it was not shown, why (what a typed text lacked)."""
    table = Table(
        *headings,
        expand=True,
        show_lines=False,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
    )
    for item in items:
        mark = "[yellow]?[/]" if item.unsure else "[green]✔[/]" if item.positive else "[red]✘[/]"
        text = item.explanation.get(lang) or item.explanation.get("fr", "")
        why = (
            item.detail.get(lang) or item.detail.get("fr", "")
            if (item.unsure or not item.positive)
            else ""
        )
        table.add_row(mark, item.competency, f"{text}\n[dim]{escape(why)}[/]" if why else text)
    return table


class FeedbackScreen(ModalScreen[None]):
    """Never pushed in exam mode: the console only opens it when the engine returns feedback."""

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    BINDINGS = [Binding("escape,enter", "dismiss(None)", N_("Continue"))]

    def __init__(self, title: str, items: Sequence[Evidence]) -> None:
        super().__init__()
        self.title_text, self.items = title, items

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="feedback"):
            yield Label(t("Feedback — {title}", title=self.title_text), classes="heading")
            if self.items:
                yield Static(
                    feedback_table(
                        self.items, self.app.lang, ("", t("Competency"), t("What was observed"))
                    )
                )
            else:
                yield Static(t("Nothing was observed in this contact."))
            yield Button(t("Continue"), id="continue", variant="primary")

    def on_button_pressed(self) -> None:
        self.dismiss(None)
