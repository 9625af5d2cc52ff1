"""A benchmark's stopwatch mark: ``CALLSIM_READY_MARKER=FILE`` makes the app append one line per moment.

``frame T`` once the sign-in screen's first frame is painted, ``ready T`` once the épreuve is loaded
and shown, ``T`` being ``time.monotonic()`` (the system's monotonic clock, the same in every process).
``scripts/benchmarks/startup.py`` reads them; without the variable nothing is written.
"""

from __future__ import annotations

import os
import time

#: Environment variable naming the file the marks are appended to.
MARKER_ENV = "CALLSIM_READY_MARKER"
_marked: set[str] = set()


def mark(moment: str) -> None:
    """Append ``moment`` and the monotonic time to the marker file (once per moment), if one is asked for."""
    path = os.environ.get(MARKER_ENV)
    if path and moment not in _marked:
        _marked.add(moment)
        with open(path, "a", encoding="utf-8") as out:
            out.write(f"{moment} {time.monotonic():.6f}\n")
