"""The épreuve clock: time left, always visible, turning red in the last five minutes.

It shows whole minutes (« 45 min », « 1 h 05 ») and the seconds only in the last five minutes
(« 4:59 »), and it repaints only when the text it shows changes: a seat whose candidate is reading
sends nothing to its screen for a minute, instead of a screen update every second (a browser seat
pushes each one through its websocket to the page's terminal).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.reactive import var
from textual.widgets import Static

from simulator.app.i18n import N_

#: Seconds left from which the clock turns red and shows the seconds.
URGENT_SECONDS = 300
#: The time left from one hour on (hours, then minutes on two digits).
HOURS = N_("{hours} h {minutes}")
#: The time left under an hour, in whole minutes.
MINUTES = N_("{minutes} min")


def clock_text(seconds: float, t: Callable[..., str]) -> str:
    """The time left as the clock shows it: minutes rounded up, ``m:ss`` in the last five minutes."""
    whole = max(0, int(seconds))
    if whole < URGENT_SECONDS:
        return f"{whole // 60}:{whole % 60:02d}"
    minutes = -(-whole // 60)  # rounded up: « 45 min » until 44:00 is left
    if minutes < 60:
        return t(MINUTES, minutes=minutes)
    padded = f"{minutes % 60:02d}"  # « 1 h 05 »
    return t(HOURS, hours=minutes // 60, minutes=padded)


class EpreuveClock(Static):
    """Shows ``remaining`` seconds after its label; repaints only when the shown text changes."""

    #: Seconds left in the épreuve (a plain variable: setting it repaints nothing by itself).
    remaining: var[float] = var(0.0)

    def __init__(self, label: str, t: Callable[..., str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.label, self.t = label, t
        #: The text on screen (empty before the first value).
        self.shown = ""

    def watch_remaining(self, seconds: float) -> None:
        text = f"{self.label} {clock_text(seconds, self.t)}"
        if text == self.shown:
            return
        # a text of another length may wrap differently: only then is a new layout needed
        self.update(text, layout=len(text) != len(self.shown))
        self.shown = text
        self.set_class(seconds < URGENT_SECONDS, "-urgent")
