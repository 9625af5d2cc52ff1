"""The filters above the sessions: épreuve, status and a date range; posts ``Changed`` with what is chosen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label, Select


@dataclass(frozen=True)
class Filters:
    """What the assessor asked for (``None`` or ``""``: no filter on that)."""

    epreuve: str | None = None
    status: str | None = None
    since: str = ""
    until: str = ""


class FilterBar(Horizontal):
    """One row of labelled fields; Tab moves between them and into the sessions."""

    class Changed(Message):
        """A filter changed."""

        def __init__(self, filters: Filters) -> None:
            super().__init__()
            self.filters = filters

    def __init__(
        self,
        *,
        labels: Sequence[str],
        epreuves: Sequence[str],
        statuses: Sequence[tuple[str, str]],
        everything: str,
        date_hint: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.labels, self.epreuves, self.statuses = tuple(labels), tuple(epreuves), tuple(statuses)
        self.everything, self.date_hint = everything, date_hint

    def compose(self) -> ComposeResult:
        epreuve, status, since, until = self.labels
        yield Label(epreuve, classes="filter-label")
        yield Select(
            [(name, name) for name in self.epreuves],
            prompt=self.everything,
            id="filter-epreuve",
            compact=True,
        )
        yield Label(status, classes="filter-label")
        yield Select(
            [(word, code) for code, word in self.statuses],
            prompt=self.everything,
            id="filter-status",
            compact=True,
        )
        yield Label(since, classes="filter-label")
        yield Input(placeholder=self.date_hint, id="filter-since", max_length=10, compact=True)
        yield Label(until, classes="filter-label")
        yield Input(placeholder=self.date_hint, id="filter-until", max_length=10, compact=True)

    @property
    def filters(self) -> Filters:
        epreuve, status = (
            self.query_one("#filter-epreuve", Select),
            self.query_one("#filter-status", Select),
        )
        return Filters(
            None if epreuve.is_blank() else str(epreuve.value),
            None if status.is_blank() else str(status.value),
            self.query_one("#filter-since", Input).value.strip(),
            self.query_one("#filter-until", Input).value.strip(),
        )

    @on(Select.Changed)
    @on(Input.Submitted)
    @on(Input.Blurred)
    def _changed(self, event: Message) -> None:
        event.stop()
        self.post_message(self.Changed(self.filters))
