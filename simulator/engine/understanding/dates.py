"""Dates as candidates write them, resolved against the contact's own calendar (its simulated today).

Full dates (« jeudi 26 novembre », « 26/11 ») are read by ``textcheck.date_spans``. This module adds
what a candidate says on the phone: « demain », « après-demain », « mercredi », « lundi prochain »,
« mercredi 4 », « le 4 », « dans deux jours » — each resolved from *today*, never from the machine's clock. A farewell
(« à demain », « tot morgen », « see you tomorrow ») names no date. With
``relative=False`` (an after-call note, read later by a colleague) only forms that name the day of
the month count: « demain » in a note means nothing next week.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from simulator.engine.textcheck import _ANY_MONTH, date_spans

_WEEKDAYS = (
    ("lundi", "maandag", "monday", "mon", "ma"),
    ("mardi", "dinsdag", "tuesday", "tue", "di"),
    ("mercredi", "woensdag", "wednesday", "wed", "wo"),
    ("jeudi", "donderdag", "thursday", "thu", "do"),
    ("vendredi", "vrijdag", "friday", "fri", "vr"),
    ("samedi", "zaterdag", "saturday", "sat", "za"),
    ("dimanche", "zondag", "sunday", "sun", "zo"),
)
_WEEKDAY_OF = {name: n for n, names in enumerate(_WEEKDAYS) for name in names[:3]}
_WEEKDAY_RE = "|".join(sorted(_WEEKDAY_OF, key=len, reverse=True))
_RELATIVE = (
    (r"apres[- ]demain|overmorgen|(?:the )?day after tomorrow", 2),
    (
        r"(?<!apres )(?<!apres-)(?<!\ba )demain|(?<!\btot )morgen(?!s)|(?<!after )(?<!see you )tomorrow",
        1,
    ),
    (r"aujourd ?'? ?hui|vandaag|today|ce jour", 0),
)
_NOT_A_DAY = r"(?!\s*(?:[/.:-]\s*\d|,\d|h\b|h\d|u\b|u\d|uur|heures?|hours?|euros?|eur\b|€|%|ans|jaar|years?|mois|maand|months?|jours?|dagen|days?|minutes?|min\b|pieces?|colis|fois|\d))"
_ORDINAL = r"(?:er|e|eme|ste|de|st|nd|rd|th)?"


def _day_number(day: int, today: date) -> date | None:
    """The first date on or after *today* whose day of the month is *day*."""
    current = today
    for _ in range(62):
        if current.day == day:
            return current
        current += timedelta(days=1)
    return None


def _weekday(weekday: int, today: date) -> date:
    """The next *weekday* after today (in one to seven days)."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


_FIRST = re.compile(r"\b(premier|eerste|first)\b")
_FIRST_AS_DIGIT = {
    "premier": "1er    ",
    "eerste": "1ste  ",
    "first": "1st  ",
}  # same length: offsets hold
_IN_DAYS = re.compile(
    r"\b(?:dans|over|in)\s(\d{1,2}|un|deux|een|twee|one|two|a)\s(?:jours?|dagen|dag|days?)\b"
)
_FEW = {"un": 1, "deux": 2, "een": 1, "twee": 2, "one": 1, "two": 2, "a": 1}


def spans(
    folded: str, target: date, today: date | None, *, relative: bool = True
) -> Iterator[tuple[int, int]]:
    """Where the folded text means *target*, full dates first."""
    folded = _FIRST.sub(lambda m: _FIRST_AS_DIGIT[m.group(1)], folded)  # « le premier décembre »
    yield from date_spans(folded, target)
    if today is None:
        return
    day = rf"(?<![\d.,/])(\d{{1,2}}){_ORDINAL}(?!\s*(?:of\s+)?(?:{_ANY_MONTH})\b){_NOT_A_DAY}"
    for match in re.finditer(rf"\b({_WEEKDAY_RE})\s+(?:de\s+|the\s+)?{day}", folded):
        number = int(match.group(2))
        if (
            _WEEKDAY_OF[match.group(1)] == target.weekday()
            and number == target.day
            and abs((target - today).days) < 62
        ):
            yield match.span()
    for match in re.finditer(rf"\b(?:le|du|au|op|den|on the|the|de)\s+{day}", folded):
        if int(match.group(1)) == target.day and _day_number(target.day, today) == target:
            yield match.span()
    if not relative:
        return
    for match in _IN_DAYS.finditer(folded):  # « dans deux jours », « over twee dagen »
        count = _FEW.get(match.group(1)) or int(match.group(1))
        if today + timedelta(days=count) == target:
            yield match.span()
    for pattern, offset in _RELATIVE:
        for match in re.finditer(rf"\b(?:{pattern})\b", folded):
            if today + timedelta(days=offset) == target:
                yield match.span()
    for match in re.finditer(rf"\b({_WEEKDAY_RE})\b(?!\s+\d)", folded):
        if _weekday(_WEEKDAY_OF[match.group(1)], today) == target:
            yield match.span()
