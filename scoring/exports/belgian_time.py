"""The journal's local times with their Belgian UTC offset (CET +01:00, CEST +02:00), for formats that need a zone.

Journal and audit times are the centre's local wall-clock time without a zone. Exports that must
say the zone (xAPI) add the offset of Belgian legal time, computed from the EU rule in force since
1996 — summer time from the last Sunday of March, 02:00 (clocks go to 03:00), to the last Sunday of
October, 03:00 (clocks go back to 02:00) — with no time-zone database, so every machine gives the same
bytes. The hour skipped in March reads as winter time; the hour repeated in October as summer time
(the first of the two), as Python's ``zoneinfo`` does with ``fold=0``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta


def _last_sunday(year: int, month: int) -> date:
    last = (date(year, month + 1, 1) if month < 12 else date(year + 1, 1, 1)) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - 6) % 7)


def belgian_offset(moment: datetime) -> str:
    """``+02:00`` during Belgian summer time, else ``+01:00`` (``moment`` is a local time without zone)."""
    start = datetime.combine(_last_sunday(moment.year, 3), datetime.min.time()).replace(hour=3)
    end = datetime.combine(_last_sunday(moment.year, 10), datetime.min.time()).replace(hour=3)
    return "+02:00" if start <= moment.replace(tzinfo=None) < end else "+01:00"


def with_offset(stamp: str) -> str:
    """A journal stamp (``2026-01-05T09:00:00.000``) as ISO 8601 with its offset, to the millisecond."""
    moment = datetime.fromisoformat(stamp)
    if moment.tzinfo is not None:
        return moment.isoformat(timespec="milliseconds")
    return moment.isoformat(timespec="milliseconds") + belgian_offset(moment)
