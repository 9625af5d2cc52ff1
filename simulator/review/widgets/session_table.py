"""The sessions as a table: session, candidate (or pseudonym), épreuve, date, status, verdicts, overrides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from scoring.assessment.model import SessionReview, pseudonym
from simulator.review.grille_rows import epreuve_verdicts
from simulator.review.i18n import N_

_VERDICT_STYLE = {"ok": "green", "nok": "bold red", "not_observed": "yellow"}
#: The columns, most useful first (at 80 columns the last ones are reached with the right arrow).
COLUMNS = ("session", "candidate", "status", "automatic", "final", "overrides", "epreuve", "date")


class SessionTable(DataTable):
    """Enter on a row posts ``Opened`` with its session id."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select_cursor", N_("Open"))]

    class Opened(Message):
        """The assessor chose a session to review."""

        def __init__(self, session_id: str) -> None:
            super().__init__()
            self.session_id = session_id

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, **kwargs)

    def show(
        self,
        reviews: Sequence[SessionReview],
        *,
        blind: bool,
        headings: Sequence[str],
        status_word: Callable[[str], str],
        verdict_word: Callable[[str], str],
    ) -> None:
        """Fill the table (the candidate's id replaced by a pseudonym when ``blind``), keeping the cursor's session."""
        kept = self.current
        self.clear()
        if not self.columns:
            for key, heading in zip(COLUMNS, headings, strict=True):
                self.add_column(heading, key=key)
        for review in reviews:
            automatic, final = epreuve_verdicts(review)
            self.add_row(
                review.session_id,
                pseudonym(review.session_id) if blind else review.candidate_id,
                status_word(review.status),
                Text(verdict_word(automatic), style=_VERDICT_STYLE.get(automatic, "")),
                Text(verdict_word(final), style=_VERDICT_STYLE.get(final, "")),
                str(len(review.overrides)) if review.overrides else "",
                review.epreuve_id,
                review.created_at[:16].replace("T", " "),
                key=review.session_id,
            )
        if kept is not None and kept in {r.session_id for r in reviews}:
            self.move_cursor(row=self.get_row_index(kept))

    @property
    def current(self) -> str | None:
        """The session id under the cursor."""
        if not self.row_count:
            return None
        return str(self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.post_message(self.Opened(str(event.row_key.value)))
