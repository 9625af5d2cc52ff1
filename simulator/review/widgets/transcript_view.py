"""The transcript beside the grille: one entry per journal event, the evidence of the chosen competency marked."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.review.reading import Moment

_ROLE_STYLE = {"customer": "bold", "agent": "cyan", "system": "italic dim", "supervisor": "yellow"}
#: The mark of an event that is evidence of the chosen competency.
EVIDENCE_MARK = "▶"


class TranscriptView(OptionList):
    """Events in order as readable lines (time, contact, what was said or done); arrows move through them."""

    def __init__(self, lang: str = "fr", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        #: "Client·e : …" in French, "Customer: …" in English.
        self.colon = ": " if lang == "en" else " : "
        self.moments: tuple[Moment, ...] = ()
        #: The competency whose evidence is marked ("" for none).
        self.competency = ""
        #: Journal seqs of the events marked as evidence.
        self.marked: frozenset[int] = frozenset()

    def show(self, moments: Sequence[Moment]) -> None:
        """Replace the transcript (nothing marked)."""
        self.moments, self.competency, self.marked = tuple(moments), "", frozenset()
        self.set_options(Option(self._prompt(m), id=f"seq-{m.seq}") for m in self.moments)
        self.highlighted = 0 if self.moments else None

    def mark(self, competency: str, seqs: Sequence[int]) -> None:
        """Mark the events ``seqs`` as the evidence of ``competency`` and bring the first one into view."""
        changed = self.marked | frozenset(
            seqs
        )  # a moment marked before and now shows the new competency
        self.competency, self.marked = competency, frozenset(seqs)
        for index, moment in enumerate(self.moments):
            if moment.seq in changed:
                self.replace_option_prompt_at_index(index, self._prompt(moment))
        first = next((i for i, m in enumerate(self.moments) if m.seq in self.marked), None)
        if first is not None:
            self.highlighted = first
            self.scroll_to_highlight(top=True)

    def _prompt(self, moment: Moment) -> Text:
        marked = moment.seq in self.marked
        text = Text(no_wrap=False)
        head = f"{EVIDENCE_MARK if marked else ' '} {moment.time} "
        text.append(head, style="bold reverse" if marked else "dim")
        if moment.contact_number:
            text.append(f"#{moment.contact_number} ", style="bold")
        text.append(moment.did, style="bold" if marked else "")
        if marked:
            effects = " ".join(
                f"{code} {'+' if effect == 'positive' else '−'}"
                for code, effect in moment.evidence
                if code == self.competency
            )
            text.append(f"  [{effects}]", style="bold yellow")
        for line in moment.lines:
            text.append(f"\n    {line.speaker}{self.colon}", style=_ROLE_STYLE.get(line.role, ""))
            text.append(line.text, style="italic dim" if line.role == "system" else "")
        return text
