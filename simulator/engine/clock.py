"""Injected clocks: the engine never reads the system time itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    """Anything that tells the current local time."""

    def now(self) -> datetime: ...


@dataclass
class ManualClock:
    """A clock that only moves when told to: for tests, replays and scripted runs."""

    current: datetime

    def now(self) -> datetime:
        return self.current

    def advance(self, *, seconds: float = 0, minutes: float = 0) -> datetime:
        self.current += timedelta(seconds=seconds, minutes=minutes)
        return self.current


def stamp(moment: datetime) -> str:
    """The journal's timestamp format (ISO 8601, milliseconds)."""
    return moment.isoformat(timespec="milliseconds")


def parse_stamp(text: str) -> datetime:
    return datetime.fromisoformat(text)
