"""The real wall clock, injected into the engine by the command line and the apps (never used inside it)."""

from __future__ import annotations

from datetime import datetime


class SystemClock:
    """Local wall-clock time, to the millisecond."""

    def now(self) -> datetime:
        moment = datetime.now()
        return moment.replace(microsecond=moment.microsecond // 1000 * 1000)
