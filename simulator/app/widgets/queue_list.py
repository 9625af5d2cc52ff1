"""The contact queue: calls ringing or due, messages in the inbox, tasks in the tray."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from simulator.engine.views import QueueItem

_ICONS = {"phone": "☎", "mail": "✉", "fax": "✉", "task": "▤"}
_PHASE_MARK = {"waiting": "●", "ended": "✓"}


class QueueList(OptionList):
    """One line per contact that has arrived; the waiting ones can be taken."""

    def show(self, items: Sequence[QueueItem], t: Callable[..., str]) -> None:
        highlighted = self.highlighted
        self.clear_options()
        for item in items:
            icon = _ICONS.get(item.medium, "☎")
            where = t("inbound") if item.direction == "inbound" else t("outbound") if item.direction == "outbound" else t("task")
            mark = _PHASE_MARK.get(item.phase, "▶")
            self.add_option(Option(f"{mark} {icon} {item.title}\n   {where} · {t('arrived at minute {m}', m=item.arrived_minute)}",
                                   id=item.key, disabled=item.phase != "waiting"))
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted
