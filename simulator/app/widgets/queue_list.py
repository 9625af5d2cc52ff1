"""The contact queue: calls ringing or due, messages in the inbox, tasks in the tray."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.engine.views import QueueItem

_ICONS = {"phone": "☎", "mail": "✉", "fax": "✉", "task": "▤"}
_PHASE_MARK = {"waiting": "●", "ended": "✓", "paused": "‖"}
#: Phases of a contact that can be taken from the queue (a task set aside is taken up again).
TAKEABLE = ("waiting", "paused")


class QueueList(OptionList):
    """One entry per contact that has arrived; the waiting ones, and a task set aside, can be taken (Enter or F2)."""

    def show(self, items: Sequence[QueueItem], t: Callable[..., str]) -> None:
        shown = [(item.key, item.phase) for item in items]
        if shown == getattr(self, "_shown", None):
            return
        self._shown = shown
        highlighted = self.highlighted
        self.clear_options()
        for item in items:
            icon = _ICONS.get(item.medium, "☎")
            where = {"inbound": t("inbound"), "outbound": t("outbound")}.get(
                item.direction, t("task")
            )
            mark = _PHASE_MARK.get(item.phase, "▶")
            minute = t("minute {m}", m=item.arrived_minute)
            self.add_option(
                Option(
                    f"{mark} {icon} {item.title}\n  {where} · {minute}",
                    id=item.key,
                    disabled=item.phase not in TAKEABLE,
                )
            )
        waiting = next((i for i, item in enumerate(items) if item.phase == "waiting"), None)
        if waiting is not None:
            self.highlighted = waiting
        elif highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
