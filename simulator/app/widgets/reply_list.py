"""The replies the candidate can give now, numbered so that 1–5 choose them from the keyboard.

Each reply is fitted to the list's width (``typography.fit``), and again when the list is resized:
a reply never has a line that starts with « ! » or « ? ».
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.app.typography import fit, prose


class ReplyList(OptionList):
    """Each option's id is the reply id the engine expects in a ``Choose`` action."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._replies: tuple[tuple[str, str], ...] = ()
        self._width = 0

    def on_mount(self) -> None:
        self.display = False

    def show(self, replies: Sequence[tuple[str, str]]) -> None:
        self.display = bool(replies)
        if [str(option.id) for option in self.options] == [reply_id for reply_id, _ in replies]:
            return
        self._replies = tuple(replies)
        self._fill()
        if replies:
            self.highlighted = 0

    def _text_width(self) -> int:
        return (
            self.scrollable_content_region.width
            - self.get_component_styles("option-list--option").padding.width
        )

    def _fill(self) -> None:
        self._width = self._text_width()
        self.clear_options()
        for number, (reply_id, text) in enumerate(self._replies, start=1):
            self.add_option(Option(fit(f"{number}. {prose(text)}", self._width), id=reply_id))

    def on_resize(self) -> None:
        if self._replies and self._text_width() != self._width:
            highlighted = self.highlighted
            self._fill()
            self.highlighted = highlighted
