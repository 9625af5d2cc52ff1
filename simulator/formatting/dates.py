"""Dates and times written out for a reader (« jeudi 26 novembre 2026 », « 14h30 »), formatted with Babel.

Scenario texts (the ``long_date``/``time`` filters), the simulated candidates and the checks all
write a date through ``format_date``, so what a caller says and what a check expects are the same
words. Babel is imported when a date is first formatted, not when the engine starts.
"""

from __future__ import annotations

from datetime import date, time

#: Babel's locale for each language (Belgian conventions where they differ).
LOCALES = {"fr": "fr_BE", "nl": "nl_BE", "en": "en_GB"}
#: A long date, weekday first: « jeudi 26 novembre 2026 », « donderdag 26 november 2026 », « Thursday 26 November 2026 ».
LONG_DATE = "EEEE d MMMM y"
#: A short date, day first, as the forms ask for it.
SHORT_DATE = "dd/MM/yyyy"
#: A time on the 24-hour clock, as each language writes it: « 14h30 », « 14.30 uur », « 14:30 ».
TIME_PATTERNS = {"fr": "H'h'mm", "nl": "H.mm 'uur'", "en": "HH:mm"}


def _locale(lang: str) -> str:
    if lang not in LOCALES:
        raise ValueError(f"unsupported language: {lang!r}")
    return LOCALES[lang]


def format_date(iso: str, lang: str = "fr", style: str = "long") -> str:
    """``2026-11-26`` as « jeudi 26 novembre 2026 » (long; « 1er » for the first in French) or « 26/11/2026 » (short)."""
    from babel.dates import format_date as babel_date

    locale, day = _locale(lang), date.fromisoformat(iso)
    if style == "short":
        return babel_date(day, SHORT_DATE, locale=locale)
    if style != "long":
        raise ValueError(f"unknown date style: {style!r}")
    if lang == "fr" and day.day == 1:  # French writes the first of the month as an ordinal
        return babel_date(day, "EEEE '1er' MMMM y", locale=locale)
    return babel_date(day, LONG_DATE, locale=locale)


def format_time(hhmm: str | time, lang: str = "fr") -> str:
    """A 24-hour time (``14:30`` or a ``time``) as fr « 14h30 », nl « 14.30 uur », en « 14:30 »."""
    from babel.dates import format_time as babel_time

    locale = _locale(lang)
    moment = hhmm if isinstance(hhmm, time) else time.fromisoformat(hhmm)
    return babel_time(moment, TIME_PATTERNS[lang], locale=locale)
