"""The replies the candidate can give now, numbered so that 1–5 choose them from the keyboard."""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ReplyList(OptionList):
    """Each option's id is the reply id the engine expects in a ``Choose`` action."""

    def on_mount(self) -> None:
        self.display = False

    def show(self, replies: Sequence[tuple[str, str]]) -> None:
        self.display = bool(replies)
        current = [str(option.id) for option in self.options]
        if current == [reply_id for reply_id, _ in replies]:
            return
        self.clear_options()
        for number, (reply_id, text) in enumerate(replies, start=1):
            self.add_option(Option(f"{number}. {text}", id=reply_id))
        if replies:
            self.highlighted = 0
