"""The épreuve clock: time left, always visible, turning red in the last five minutes."""

from __future__ import annotations

from typing import Any

from textual.reactive import reactive
from textual.widgets import Static


class EpreuveClock(Static):
    """Shows ``remaining`` seconds as ``h:mm:ss`` after its label."""

    #: Seconds left in the épreuve.
    remaining: reactive[float] = reactive(0.0)

    def __init__(self, label: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label = label

    def watch_remaining(self, seconds: float) -> None:
        whole = max(0, int(seconds))
        hours, rest = divmod(whole, 3600)
        self.update(f"{self.label} {hours}:{rest // 60:02d}:{rest % 60:02d}")
        self.set_class(whole < 300, "-urgent")
