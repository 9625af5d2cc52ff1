"""Which planned contacts are due, kept up to date as they arrive and end (no walk over every contact).

The session asks twice per action whether a contact is due and whether everything is done; with
this bookkeeping each answer costs the contacts still open, not every contact of the épreuve.
A contact that has ended never opens again (``Phase.ENDED`` is final), so it leaves the open set
the first time it is seen ended.
"""

from __future__ import annotations

from collections.abc import Callable

from simulator.engine.bundle import PlannedContact
from simulator.engine.phases import Phase


class Arrivals:
    """The épreuve's contacts not arrived yet (by minute) and those arrived that may still be open."""

    def __init__(self, contacts: tuple[PlannedContact, ...], *, fixed: bool) -> None:
        self.fixed = fixed
        planned = list(enumerate(contacts))
        #: (position in the épreuve, contact) not arrived yet; in épreuve order, or by minute in a queue épreuve.
        self._waiting = (
            planned if fixed else sorted(planned, key=lambda item: (item[1].at_minute, item[0]))
        )
        self._open: list[str] = []
        self._arrived: set[str] = set()

    def arrived(self, key: str) -> None:
        """``key`` arrived: it is no longer waiting (every plan entry of that scenario) and may be open."""
        self._waiting = [item for item in self._waiting if item[1].scenario.id != key]
        self._open.append(key)
        self._arrived.add(key)

    def _released(self, planned: PlannedContact, phase: Callable[[str], Phase]) -> bool:
        """A callback arrives only once the contact that promised it has ended."""
        return planned.after is None or (
            planned.after in self._arrived and phase(planned.after) is Phase.ENDED
        )

    def due(self, elapsed: float, phase: Callable[[str], Phase]) -> list[PlannedContact]:
        """The contacts to let arrive at ``elapsed`` seconds, in épreuve order.

        In a fixed-order épreuve: the next one, once its minute has come and every arrived contact
        has ended. Otherwise every contact whose minute has come. A contact ``after`` another (a
        callback) waits, besides, until that one has ended.
        """
        if self.fixed:
            if (
                not self._waiting
                or elapsed < self._waiting[0][1].at_minute * 60
                or self.any_open(phase)
            ):
                return []
            return [self._waiting[0][1]] if self._released(self._waiting[0][1], phase) else []
        due = []
        for item in self._waiting:
            if elapsed < item[1].at_minute * 60:
                break
            if self._released(item[1], phase):
                due.append(item)
        return [planned for _index, planned in sorted(due, key=lambda item: item[0])]

    def any_open(self, phase: Callable[[str], Phase]) -> bool:
        """Whether an arrived contact has not ended (those seen ended are forgotten)."""
        self._open = [key for key in self._open if phase(key) is not Phase.ENDED]
        return bool(self._open)
