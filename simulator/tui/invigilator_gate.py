"""The invigilator's code: compared in constant time, slower after every wrong attempt, every attempt recorded.

Headless (no Textual), so the rule is tested without a screen: after the n-th wrong attempt in a row
the next one is accepted only ``min(2**(n-1), MAX_DELAY)`` seconds later (1 s, 2 s, 4 s … capped).
An attempt made too soon is refused without looking at the code. Each attempt is handed to
``record`` (what was asked, accepted or not, why) — never the code that was typed.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

#: Longest wait between two attempts, in seconds.
MAX_DELAY = 60.0


@dataclass(frozen=True)
class Verdict:
    """What one attempt gave: accepted, or refused and how long to wait before the next one."""

    accepted: bool
    wait_seconds: float = 0.0
    too_soon: bool = False


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


@dataclass(eq=False)
class InvigilatorGate:
    """Checks typed codes against the invigilator's; one gate per seat (closing the dialog keeps the count)."""

    code: str
    record: Callable[[dict[str, Any]], None] = lambda _attempt: None
    monotonic: Callable[[], float] = time.monotonic
    failures: int = 0
    _not_before: float = field(default=0.0, repr=False)

    def wait_seconds(self) -> float:
        """Seconds before the next attempt is looked at (0 when it may be made now)."""
        return max(0.0, self._not_before - self.monotonic())

    def attempt(self, typed: str, purpose: str) -> Verdict:
        """Check ``typed`` for ``purpose`` (``quit``, ``resume_other_seat``…) and record the attempt."""
        wait = self.wait_seconds()
        if wait > 0:
            self.record({"purpose": purpose, "accepted": False, "refused": "too_soon"})
            return Verdict(False, wait, too_soon=True)
        accepted = bool(self.code) and hmac.compare_digest(_digest(typed), _digest(self.code))
        if accepted:
            self.failures = 0
            self.record({"purpose": purpose, "accepted": True})
            return Verdict(True)
        self.failures += 1
        delay = min(2.0 ** (self.failures - 1), MAX_DELAY)
        self._not_before = self.monotonic() + delay
        self.record(
            {"purpose": purpose, "accepted": False, "refused": "wrong", "failures": self.failures}
        )
        return Verdict(False, delay)
