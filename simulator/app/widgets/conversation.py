"""The conversation of the active contact: the caller's and the candidate's lines, in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.widgets import RichLog

from simulator.engine.contact import Line

_STYLE = {"customer": "bold", "agent": "cyan", "system": "italic dim", "supervisor": "yellow"}


class Conversation(RichLog):
    """Appends only the lines it has not shown yet (the engine keeps the whole history)."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(wrap=True, markup=False, auto_scroll=True, min_width=20, **kwargs)
        self.shown = 0
        self._written: list[object] = []
        self._width = 0

    def reset(self) -> None:
        self.clear()
        self._written.clear()
        self.shown = 0

    def write(self, content: object, *args: object, **kwargs: object) -> Conversation:  # type: ignore[override]
        """Write and remember the line, to wrap it again when the terminal is resized."""
        self._written.append(content)
        super().write(content, *args, **kwargs)
        return self

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width and self._written:
            self._width = width
            written, self._written = self._written, []
            self.clear()
            for content in written:
                self.write(content)

    def show(self, lines: Sequence[Line], t: Callable[..., str]) -> None:
        names = {"customer": t("Caller"), "agent": t("You"), "system": "·", "supervisor": t("Team leader")}
        for line in lines[self.shown:]:
            text = Text()
            text.append(f"{names.get(line.speaker, '·')} ", style=_STYLE.get(line.speaker, ""))
            text.append(line.text, style=_STYLE.get(line.speaker, "") if line.speaker == "system" else "")
            self.write(text)
        self.shown = len(lines)

    def note(self, message: str) -> None:
        """A line from the app itself (a refused action, a tool error), never journalled as dialogue."""
        self.write(Text(f"⚠ {message}", style="bold red"))
