"""The grille as a table: each key activity, then its competencies — code, label, automatic and final verdict."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.message import Message
from textual.widgets import DataTable

from simulator.review.grille_rows import ActivityLine, CompetencyLine

#: Shown in the last column of a competency whose final verdict is an assessor's.
OVERRIDE_MARK = "✎"
#: Below this width the table uses the short headings and verdict names.
NARROW = 56
_VERDICT_STYLE = {"ok": "green", "nok": "bold red", "not_observed": "yellow"}


@dataclass(frozen=True)
class GrilleWords:
    """The table's headings (code, label, automatic, final) and verdict names, in full and short."""

    headings: tuple[str, ...]
    short_headings: tuple[str, str, str, str]
    verdict: Callable[[str], str]
    short_verdict: Callable[[str], str]


class GrilleTable(DataTable):
    """Posts ``CompetencyChosen`` when the cursor reaches a competency (or an activity: no competency)."""

    class CompetencyChosen(Message):
        """The row under the cursor changed: ``line`` is its competency, None on an activity row."""

        def __init__(self, table: GrilleTable, line: CompetencyLine | None) -> None:
            super().__init__()
            self.table, self.line = table, line

        @property
        def control(self) -> GrilleTable:
            return self.table

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.lines: dict[str, CompetencyLine] = {}
        self._shown: tuple[Sequence[ActivityLine], GrilleWords] | None = None
        self._width = 0

    def show(self, activities: Sequence[ActivityLine], words: GrilleWords) -> None:
        """Fill the table, keeping the cursor on the same competency (short words when the table is narrow)."""
        self._shown, self._width = (activities, words), self.size.width
        kept = self.chosen.code if self.chosen else None
        self.clear(columns=True)
        narrow = self.size.width < NARROW
        code, label, automatic, final = words.short_headings if narrow else words.headings
        word = words.short_verdict if narrow else words.verdict
        # Every width is given: the table is refilled after each act and on resize.
        verdicts = max(len(word(v)) for v in _VERDICT_STYLE)
        widths = {
            "code": max(len(code), 5),
            "automatic": max(len(automatic), verdicts),
            "final": max(len(final), verdicts + 1 + len(OVERRIDE_MARK)),
        }
        scrollbar = self.styles.scrollbar_size_vertical
        room = self.size.width - sum(widths.values()) - 2 * self.cell_padding * 4 - scrollbar
        self.add_column(code, key="code", width=widths["code"])
        self.add_column(label, key="label", width=max(room, 10))
        self.add_column(automatic, key="automatic", width=widths["automatic"])
        self.add_column(final, key="final", width=widths["final"])
        self.lines = {}
        for activity in activities:
            self.add_row(
                Text(activity.code, style="bold"),
                Text(activity.label, style="bold", overflow="ellipsis", no_wrap=True),
                _verdict(activity.automatic, word),
                _verdict(activity.final, word),
                key=f"activity:{activity.code}",
            )
            for line in activity.competencies:
                self.lines[line.code] = line
                self.add_row(
                    line.code,
                    Text(line.label, overflow="ellipsis", no_wrap=True),
                    _verdict(line.automatic, word),
                    _verdict(line.final, word, line.overridden),
                    key=line.code,
                )
        if kept in self.lines:
            self.move_cursor(row=self.get_row_index(kept))

    def on_resize(self) -> None:
        if self._shown is not None and self.size.width != self._width:
            self.show(*self._shown)

    @property
    def chosen(self) -> CompetencyLine | None:
        """The competency under the cursor (None on an activity row or an empty table)."""
        if not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return self.lines.get(str(key))

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.post_message(self.CompetencyChosen(self, self.lines.get(str(event.row_key.value))))


def _verdict(verdict: str, word: Callable[[str], str], overridden: bool = False) -> Text:
    text = Text(word(verdict), style=_VERDICT_STYLE.get(verdict, ""))
    if overridden:
        text.append(f" {OVERRIDE_MARK}", style="bold")
    return text
