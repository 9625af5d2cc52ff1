"""A text to read (a document, a message) fitted to the pane's width, breaking only at ordinary spaces."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widget import Widget

from simulator.app.typography import fit


class Prose(Widget):
    """Like a ``Static`` without markup, but its lines are broken by ``typography.fit`` for its width."""

    DEFAULT_CSS = """
    Prose {
        height: auto;
    }
    """

    def __init__(self, text: str = "", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.text = text

    def update(self, text: str) -> None:
        """Show ``text`` instead (already unwrapped and tied where it comes from a scenario)."""
        self.text = text
        self.refresh(layout=True)

    def render(self) -> Text:
        return fit(self.text, self.content_region.width)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(fit(self.text, width).plain.split("\n")) if self.text else 0
