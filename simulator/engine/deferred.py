"""The contacts of a resumed session, where those that had ended are rebuilt only when asked for.

A contact's runtime (customer, database, dialogue, tools) belongs to that contact alone: no tool
state is shared between contacts. Once a contact has ended, nothing the session does next depends
on its runtime, only on what the journal already holds (its phase, its evidence). Resuming a long
journal therefore keeps the events of each ended contact and replays them the first time something
looks at that contact; the rebuild compares the evidence it gives with the journal's, as a full
replay does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from simulator.engine.contact import ContactRuntime
from simulator.engine.context import build_context
from simulator.engine.phases import Phase
from simulator.journal.events import Event
from simulator.scenario.models import Scenario


def contacts_ended_in(events: Iterable[Event]) -> set[str]:
    """The contacts an action of these events ended (their last action left them ``ended``)."""
    return {
        str(e.payload["contact"])
        for e in events
        if e.type == "action" and e.payload.get("phase") == Phase.ENDED.value
    }


@dataclass
class DeferredContact:
    """An ended contact not rebuilt yet: its scenario and the journal events of its actions."""

    scenario: Scenario
    events: list[Event] = field(default_factory=list)
    phase: Phase = Phase.ENDED


class ContactTable(Mapping[str, ContactRuntime]):
    """The session's contacts by key, in order of arrival; reading one rebuilds it if it was deferred."""

    def __init__(self, rebuild: Callable[[str, DeferredContact], ContactRuntime]) -> None:
        self._entries: dict[str, ContactRuntime | DeferredContact] = {}
        self._rebuild = rebuild

    def __getitem__(self, key: str) -> ContactRuntime:
        entry = self._entries[key]
        if isinstance(entry, DeferredContact):
            entry = self._entries[key] = self._rebuild(key, entry)
        return entry

    def __contains__(self, key: object) -> bool:
        return key in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __setitem__(self, key: str, contact: ContactRuntime | DeferredContact) -> None:
        self._entries[key] = contact

    def deferred(self, key: str) -> DeferredContact | None:
        """The deferred entry of ``key``, or None once (or if ever) it is rebuilt."""
        entry = self._entries.get(key)
        return entry if isinstance(entry, DeferredContact) else None

    def phase(self, key: str) -> Phase:
        """A contact's phase, without rebuilding it."""
        return self._entries[key].phase

    def scenario(self, key: str) -> Scenario:
        return self._entries[key].scenario

    def built(self) -> list[ContactRuntime]:
        """The contacts that have a runtime now (a deferred one has ended: nothing left to do on it)."""
        return [c for c in self._entries.values() if isinstance(c, ContactRuntime)]

    def title(self, key: str, *, seed: int, today: date, lang: str, agent_name: str) -> str:
        """A contact's title in the candidate's language, without rebuilding its tools."""
        entry = self._entries[key]
        if isinstance(entry, ContactRuntime):
            shown: str = entry.ctx.text(entry.scenario.title)
            return shown
        title: str = build_context(entry.scenario, seed, today, lang, agent_name).text(
            entry.scenario.title
        )
        return title


__all__ = ["ContactTable", "DeferredContact", "contacts_ended_in"]
