"""The queue as the console lists it, kept entry by entry: an action rebuilds only the entries it may change.

A contact's title, direction, medium, kind and arrival minute never change once it has arrived;
only its phase does, and only through what the session does to that contact (taking it, acting
on it, time running out). The session says which contacts it touched; asking for the queue then
looks at those alone (and at the contact in progress), whatever the number of contacts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from simulator.engine.deferred import ContactTable
from simulator.engine.views import QueueItem


class QueueBook:
    """Every arrived contact's ``QueueItem``, in order of arrival, refreshed only where touched."""

    def __init__(self, contacts: ContactTable, title: Callable[[str], str]) -> None:
        self._contacts, self._title = contacts, title
        self._items: dict[str, QueueItem] = {}
        self._touched: set[str] = set()
        self._minutes: dict[str, int] = {}
        self._order: list[str] = []
        self._listed: list[QueueItem] | None = None

    def arrived(self, key: str, minute: int) -> None:
        """``key`` joined the queue at ``minute`` (its title is rendered when the queue is next asked for)."""
        self._minutes[key] = minute
        self._order.append(key)
        self._touched.add(key)

    def touched(self, keys: Iterable[str]) -> None:
        """These contacts' phases may have changed."""
        self._touched.update(keys)

    def items(self, active: str | None) -> list[QueueItem]:
        """The queue in order of arrival (a new list each time; the entries are shared, frozen)."""
        touched = self._touched
        if active is not None:
            touched.add(active)
        for key in touched:
            self._refresh(key)
        touched.clear()
        if self._listed is None:
            self._listed = [self._items[key] for key in self._order]
        return list(self._listed)

    def _refresh(self, key: str) -> None:
        contacts = self._contacts
        phase = contacts.phase(key).value
        if contacts.deferred(key) is None and contacts[key].paused:
            phase = "paused"  # set aside for a call: taken up again from the queue
        item = self._items.get(key)
        if item is not None and item.phase == phase:
            return
        if item is None:
            scenario = contacts.scenario(key)
            item = QueueItem(
                key,
                self._title(key),
                scenario.direction,
                scenario.medium,
                scenario.kind,
                phase,
                self._minutes[key],
            )
        else:
            item = QueueItem(
                item.key,
                item.title,
                item.direction,
                item.medium,
                item.kind,
                phase,
                item.arrived_minute,
            )
        self._items[key] = item
        self._listed = None
