"""Transfer directory: the services a call can be transferred to, searchable by the candidate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from simulator.engine.tools.errors import UnknownService
from simulator.formatting.text import normalise


@dataclass(frozen=True)
class Service:
    """A service: its name, internal extension and what it handles (shown to the candidate)."""

    id: str
    name: str
    extension: str
    handles: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "extension": self.extension,
            "handles": self.handles,
        }


def _hits(terms: tuple[str, ...], text: str) -> int:
    words = normalise(text).split()
    return sum(1 for t in terms if any(w.startswith(t) for w in words))


class Directory:
    """The directory; records searches and the services consulted."""

    def __init__(self, services: Iterable[Service]) -> None:
        self._services: dict[str, Service] = {}
        for service in services:
            if service.id in self._services:
                raise ValueError(f"duplicate service id: {service.id!r}")
            self._services[service.id] = service
        self.searches: list[str] = []
        self.consulted: list[str] = []

    @property
    def services(self) -> list[Service]:
        """All services sorted by name."""
        return sorted(self._services.values(), key=lambda s: (normalise(s.name), s.id))

    def search(self, query: str) -> list[Service]:
        """Services holding every query word (prefix) in name, extension or handles.

        Name/extension hits rank above hits in the description; an empty query lists all.
        """
        terms = tuple(dict.fromkeys(normalise(query).split()))
        if query.strip():
            self.searches.append(query.strip())
        if not terms:
            return self.services
        ranked: list[tuple[int, int, str, str, Service]] = []
        for service in self._services.values():
            head = _hits(terms, f"{service.name} {service.extension}")
            words = normalise(f"{service.name} {service.extension} {service.handles}").split()
            if not all(any(w.startswith(t) for w in words) for t in terms):
                continue
            tier = 0 if head == len(terms) else 1
            ranked.append((tier, -head, normalise(service.name), service.id, service))
        ranked.sort(key=lambda r: r[:4])
        return [r[4] for r in ranked]

    def get(self, service_id: str) -> Service:
        """The service; raises UnknownService."""
        try:
            return self._services[service_id]
        except KeyError:
            raise UnknownService(service_id) from None

    def consult(self, service_id: str) -> Service:
        """The service, recording (in order) that the candidate looked at its details."""
        service = self.get(service_id)
        self.consulted.append(service_id)
        return service

    def snapshot(self) -> dict[str, Any]:
        return {
            "services": [s.to_dict() for s in self._services.values()],
            "searches": list(self.searches),
            "consulted": list(self.consulted),
        }

    @classmethod
    def restore(cls, snapshot: dict[str, Any]) -> Directory:
        directory = cls(Service(**s) for s in snapshot["services"])
        directory.searches = list(snapshot.get("searches", []))
        directory.consulted = list(snapshot.get("consulted", []))
        return directory
