"""The conversation of the active contact: the caller's and the candidate's lines, in order.

Every line is fitted to the pane when written, and again when the pane is resized
(``simulator.app.typography``: no line starts with « ? » or « ! »).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text
from textual.events import Resize
from textual.widgets import RichLog

from simulator.app.typography import fit, prose
from simulator.engine.contact import Line

_STYLE = {"customer": "bold", "agent": "cyan", "system": "italic dim", "supervisor": "yellow"}


class Conversation(RichLog):
    """Appends only the lines it has not shown yet (the engine keeps the whole history)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(wrap=True, markup=False, auto_scroll=True, min_width=20, **kwargs)
        self.shown = 0
        self._written: list[str | Text] = []
        self._width = 0

    def reset(self) -> None:
        self.clear()
        self._written.clear()
        self.shown = 0

    def add(self, content: str | Text) -> None:
        """Write a line fitted to the pane, and remember it to fit it again when the pane is resized.

        (Not an override of ``write``: the log calls ``write`` itself for the lines it held back
        until its size was known, and those must not be remembered twice.)
        """
        self._written.append(content)
        width = self.scrollable_content_region.width
        self.write(
            fit(content, width), width=width or None
        )  # the pane's width, not the log's own measure

    def on_resize(self, event: Resize) -> None:
        width = self.scrollable_content_region.width
        if width != self._width and self._written:
            self._width = width
            written, self._written = self._written, []
            self.clear()
            for content in written:
                self.add(content)

    def show(self, lines: Sequence[Line], t: Callable[..., str]) -> None:
        names = {
            "customer": t("Caller"),
            "agent": t("You"),
            "system": "·",
            "supervisor": t("Team leader"),
        }
        for line in lines[self.shown :]:
            text = Text()
            text.append(f"{names.get(line.speaker, '·')} ", style=_STYLE.get(line.speaker, ""))
            text.append(
                prose(line.text),
                style=_STYLE.get(line.speaker, "") if line.speaker == "system" else "",
            )
            self.add(text)
        self.shown = len(lines)

    def note(self, message: str) -> None:
        """A line from the app itself (a refused action, a tool error), never journalled as dialogue."""
        self.add(Text(f"⚠ {message}", style="bold red"))
