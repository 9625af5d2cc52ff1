"""Times of day as candidates write them: « 14h30 », « 14 u 30 », « quatre heures et demie »,
« half drie », « 2 pm », « midi », and ranges « entre 13 et 17 h », « van 13 tot 17 uur ».

The text is read on its numeric view (numbers in words already digits). A time requirement is
met by the time itself or by a range that starts with it; an hour said without a 24-hour clock
(« à deux heures ») also stands for the afternoon hour, as people say it, unless the text says
« du matin » / « am » / « 's morgens ».
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_SMALL = r"une|un|deux|een|twee|one|two"
_SMALL_VALUE = {"une": 1, "un": 1, "een": 1, "one": 1, "deux": 2, "twee": 2, "two": 2}
_HOUR = rf"(\d{{1,2}}|{_SMALL})"
_UNIT = r"(?:heures?|hours?|hrs?|uur|o'?clock|h|u|:|\.)"
_MINUTES = r"(?:\s?(\d{2})|\s(?:et\s)?(demie|quart|trente)|\s(?:and\s)?(a half))?"
_PM = r"\s?(?:(pm|p\.m\.|de l'?apres-?midi|du soir|'?s middags|'?s avonds|in the afternoon)|(am|a\.m\.|du matin|'?s morgens|in the morning))?"
_CLOCK = re.compile(
    rf"(?<![\d.,/])(?:a\s|om\s|at\s|vers\s|rond\s)?{_HOUR}\s?{_UNIT}{_MINUTES}{_PM}(?![\d])(?!\s?(?:€|eur))"
)
_BARE_PM = re.compile(r"(?<![\d.,/])(\d{1,2})(?:[:.](\d{2}))?\s?(pm|p\.m\.|am|a\.m\.)")
_RANGE = re.compile(
    rf"(?:entre|de|van|tussen|between|from)\s{_HOUR}(?:\s?{_UNIT}\s?(\d{{2}})?)?\s?(?:et|a|-|tot|en|and|to)\s(\d{{1,2}})\s?(?:{_UNIT}|pm|am)"
    rf"|(?<![\d.,/])(\d{{1,2}})\s?(?:h|u)?\s?-\s?(\d{{1,2}})\s?(?:h|u|uur|heures)\b"
)
_DUTCH = re.compile(r"\b(half|kwart over|kwart voor)\s(\d{1,2}|een|twee)\b")
_ENGLISH = re.compile(r"\b(half past|quarter past|quarter to)\s(\d{1,2}|one|two)\b")
_NOON = re.compile(r"\b(midi|noon|middag|12 uur 's middags)\b")


def _hour(text: str) -> int:
    return _SMALL_VALUE[text] if text in _SMALL_VALUE else int(text)


def _minutes(digits: str | None, word: str | None, half: str | None) -> int:
    if digits:
        return int(digits)
    return {"demie": 30, "quart": 15, "trente": 30}.get(word or "", 30 if half else 0)


def _candidates(hour: int, minute: int, pm: object, am: object) -> set[tuple[int, int]]:
    if pm and hour < 12:
        return {(hour + 12, minute)}
    if am or hour >= 12 or hour == 0:
        return {(hour % 24, minute)}
    return {(hour, minute), (hour + 12, minute)}


def spans(folded: str, hour: int, minute: int) -> Iterator[tuple[int, int]]:
    """Where the folded numeric text states the time hour:minute (or a range starting at it)."""
    wanted = (hour, minute)
    for match in _CLOCK.finditer(folded):
        h, digits, word, half, pm, am = match.groups()
        if digits and int(digits) >= 60:
            continue
        if wanted in _candidates(_hour(h), _minutes(digits, word, half), pm, am):
            yield match.span()
    for match in _BARE_PM.finditer(folded):
        if wanted in _candidates(
            int(match.group(1)),
            int(match.group(2) or 0),
            match.group(3)[0] == "p" or None,
            match.group(3)[0] == "a" or None,
        ):
            yield match.span()
    for match in _RANGE.finditer(folded):
        start = match.group(1) or match.group(4)
        minutes = int(match.group(2)) if match.group(2) else 0
        if start is not None and wanted in _candidates(_hour(start), minutes, None, None):
            yield match.span()
    for match in _DUTCH.finditer(folded):
        base = _hour(match.group(2))
        shift = {"half": (-1, 30), "kwart over": (0, 15), "kwart voor": (-1, 45)}[match.group(1)]
        if wanted in _candidates((base + shift[0]) % 24, shift[1], None, None):
            yield match.span()
    for match in _ENGLISH.finditer(folded):
        base = _hour(match.group(2))
        shift = {"half past": (0, 30), "quarter past": (0, 15), "quarter to": (-1, 45)}[
            match.group(1)
        ]
        if wanted in _candidates((base + shift[0]) % 24, shift[1], None, None):
            yield match.span()
    if wanted == (12, 0):
        for match in _NOON.finditer(folded):
            yield match.span()
