"""Belgian working days: Monday to Friday except the public holidays of Belgium (``holidays``, BE).

This is the one working-day function of callsim: the scenario language's filters and the engine's
agenda both count with it, so a slot « 2 working days from now » and a text saying when it is agree.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

#: More working days than this (about 40 years) is a mistake, not a plan.
MAX_WORKDAYS = 10_000
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@lru_cache(maxsize=256)
def _holidays_of(year: int) -> frozenset[dt.date]:
    """Belgium's public holidays of one year (read once per year and process).

    ``holidays`` is imported here, not at the top: it takes about 0.3 s, paid only when a date is
    counted in working days (never by ``callsim --help`` or a check of a file without such dates).
    """
    from holidays.countries.belgium import Belgium

    return frozenset(Belgium(years=year))


def is_workday(day: dt.date) -> bool:
    """True from Monday to Friday, unless ``day`` is a Belgian public holiday."""
    return day.weekday() < 5 and day not in _holidays_of(day.year)


def add_workdays(day: dt.date, count: int) -> dt.date:
    """``count`` working days after ``day`` (before it when negative); 0 is ``day`` itself.

    Raises ``ValueError`` beyond :data:`MAX_WORKDAYS` and ``OverflowError`` off the calendar.
    """
    if abs(count) > MAX_WORKDAYS:
        raise ValueError(f"at most {MAX_WORKDAYS} working days, not {count}")
    step = dt.timedelta(days=1 if count >= 0 else -1)
    remaining = abs(count)
    while remaining:
        day += step
        if is_workday(day):
            remaining -= 1
    return day


def first_workday_of_next_month(day: dt.date) -> dt.date:
    """The first working day of the month after ``day``'s (1 January is a holiday: 2 January or later)."""
    first = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return first if is_workday(first) else add_workdays(first, 1)


def next_weekday(day: dt.date, weekday: str) -> dt.date:
    """The next ``weekday`` (``mon``…``sun``) strictly after ``day``, moved on to the next working
    day when it is a public holiday (a Monday that is Easter Monday gives the Tuesday)."""
    target = WEEKDAY_NAMES.index(weekday)
    ahead = (target - day.weekday() - 1) % 7 + 1
    found = day + dt.timedelta(days=ahead)
    return found if target >= 5 or is_workday(found) else add_workdays(found, 1)
