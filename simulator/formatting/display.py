"""Dates and numbers as the candidate writes them (06/12/2026, 14,99), formatted with Babel.

The engine stores a date as ``2026-12-06`` and a number as ``14.99``; the app shows them in the
session's language, the way a Belgian call-centre screen does (the forms accept them typed so).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from simulator.formatting.dates import LOCALES
from simulator.formatting.dates import (
    SHORT_DATE as DATE_PATTERN,  # every screen: day first, as the forms ask (jj/mm/aaaa)
)


def shown_date(value: str, lang: str) -> str:
    """``2026-12-06`` as ``06/12/2026``; anything that is not an ISO date is left as it is."""
    try:
        day = date.fromisoformat(value.strip()) if len(value.strip()) == 10 else None
    except ValueError:
        day = None
    if day is None:
        return value
    from babel.dates import format_date

    return format_date(day, DATE_PATTERN, locale=LOCALES.get(lang, "fr_BE"))


def shown_number(value: str, lang: str) -> str:
    """``14.99`` as ``14,99`` in French and Dutch (no grouping, every decimal kept); else as it is."""
    try:
        number = Decimal(value.strip())
    except (InvalidOperation, AttributeError):
        return value
    if not number.is_finite():
        return value
    from babel.numbers import format_decimal

    return format_decimal(
        number, locale=LOCALES.get(lang, "fr_BE"), group_separator=False, decimal_quantization=False
    )


def shown_value(value: str, kind: str, lang: str) -> str:
    """A stored form or record value of type ``kind`` (``date``, ``number``, …) as the candidate reads it."""
    if kind == "date":
        return shown_date(value, lang)
    if kind == "number":
        return shown_number(value, lang)
    return value
