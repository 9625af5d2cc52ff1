"""Check free text typed by a candidate (notes, mails, reformulations) against scenario needs."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, time
from decimal import Decimal

from simulator.formatting.numbers import amount_value
from simulator.formatting.text import fold, normalise

LANGS = ("fr", "nl", "en")

_MONTHS = {
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    "nl": (
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
}
_MONTH_ABBREVIATIONS = (
    ("jan", "janv"),
    ("fev", "fevr", "feb", "febr"),
    ("mar", "mrt"),
    ("avr", "apr"),
    (),
    ("jun",),
    ("jul", "juil"),
    ("aug", "aou"),
    ("sep", "sept"),
    ("oct", "okt"),
    ("nov",),
    ("dec",),
)
_WEEKDAYS = {
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


_ANY_MONTH = "|".join(
    sorted(
        {fold(n) for names in _MONTHS.values() for n in names}
        | {a for abbrs in _MONTH_ABBREVIATIONS for a in abbrs},
        key=lambda n: (-len(n), n),
    )
)
_ALL_WEEKDAYS = tuple(w.casefold() for names in _WEEKDAYS.values() for w in names)


def _check_lang(lang: str) -> None:
    if lang not in LANGS:
        raise ValueError(f"unsupported language: {lang!r}")


def _month_tokens(month: int) -> list[str]:
    names = {fold(_MONTHS[lang][month - 1]) for lang in LANGS}
    names.update(_MONTH_ABBREVIATIONS[month - 1])
    return sorted(names, key=lambda n: (-len(n), n))


def _year_ok(found: str | None, year: int) -> bool:
    return found is None or int(found) in (year, year % 100)


def _weekday_ok(before: str, day: date) -> bool:
    """Reject an occurrence directly preceded by the name of another weekday."""
    words = re.findall(r"[a-z]+", before[-14:])
    if not words or words[-1] not in _ALL_WEEKDAYS:
        return True
    return words[-1] in {_WEEKDAYS[lang][day.weekday()].casefold() for lang in LANGS}


def contains_date(text: str, iso_date: str, lang: str = "fr") -> bool:
    """True when *text* mentions the date *iso_date* in a common fr/nl/en written form.

    Month and weekday names of all three languages are accepted whatever *lang* is, since
    Belgian agents mix them; a stated year or weekday that contradicts the date rejects
    that occurrence.
    """
    _check_lang(lang)
    return next(date_spans(fold(text), date.fromisoformat(iso_date)), None) is not None


def date_spans(folded: str, target: date) -> Iterator[tuple[int, int]]:
    """Where the folded text (see ``fold``) writes *target* out in full: (start, end) offsets."""
    d, m, y = target.day, target.month, target.year
    day_re = rf"0?{d}" if d < 10 else str(d)
    month_re = rf"0?{m}" if m < 10 else str(m)
    for match in re.finditer(rf"(?<![\d/.-]){y}-0?{m}-0?{d}(?![\d])", folded):
        yield match.span()
    numeric = re.compile(
        rf"(?<![\d/.,-])({day_re})\s?([/.-])\s?{month_re}"
        rf"(?:\s?\2\s?(\d{{4}}|\d{{2}})(?![\d:h])|(?![\d])(?!\2\d))(?!\s?(?:€|eur))"
    )
    for match in numeric.finditer(folded):
        if _year_ok(match.group(3), y) and _weekday_ok(folded[: match.start()], target):
            yield match.span()
    months = "|".join(re.escape(t) for t in _month_tokens(m))
    ordinal = r"(?:er|e|ste|de|st|nd|rd|th)?"
    year_tail = r"(?:,?\s+(\d{4}|'\d{2})(?![\d:h]))?"
    day_first = re.compile(
        rf"(?<![\d])({day_re}){ordinal}\s+(?:of\s+)?(?:{months})(?![a-z])\.?{year_tail}"
    )
    month_first = re.compile(
        rf"(?<![a-z])(?:{months})\.?\s+({day_re}){ordinal}(?![\d])"
        rf"(?!\s+(?:of\s+)?(?:{_ANY_MONTH})(?![a-z])){year_tail}"
    )
    for pattern in (day_first, month_first):
        for match in pattern.finditer(folded):
            year = match.group(2).lstrip("'") if match.group(2) else None
            if _year_ok(year, y) and _weekday_ok(folded[: match.start()], target):
                yield match.span()


def _integer_re(units: int) -> str:
    digits = str(units)
    if len(digits) <= 3:
        return digits
    head, rest = digits[: len(digits) % 3 or 3], digits[len(digits) % 3 or 3 :]
    groups = [rest[i : i + 3] for i in range(0, len(rest), 3)]
    return f"(?:{digits}|{head}" + "".join(rf"[ .',]{g}" for g in groups) + ")"


def contains_amount(text: str, amount: str) -> bool:
    """True when *text* states *amount* (e.g. "49.90") as 49,90 / 49.90 / 49 € 90 / 49 euros 90."""
    return next(amount_spans(fold(text), amount), None) is not None


def amount_spans(folded: str, amount: str) -> Iterator[tuple[int, int]]:
    """Where the folded text (see ``fold``) states *amount*: (start, end) offsets."""
    value = amount_value(amount)
    units, cents = divmod(int(value * 100), 100)
    currency = r"\s*(?:€|eur|euros?)\s*(?:et\s+)?"
    cent_words = r"(?:\s*(?:cents?|centimes?))?"
    if cents:
        short = f"{cents:02d}".rstrip("0") if cents % 10 == 0 else f"{cents:02d}"
        tail = (
            rf"(?:[.,](?:{cents:02d}|{short})(?![\d])(?![.,]\d)"
            rf"|{currency}(?:{cents:02d}|{cents}){cent_words}(?![\d]))"
        )
    else:
        tail = rf"(?:[.,](?:00|0|-+)(?![\d])|(?![\d])(?![.,]\d)(?!{currency}\d))"
    pattern = rf"(?<![\d])(?<![\d][.,]){_integer_re(units)}{tail}"
    for match in re.finditer(pattern, folded):
        yield match.span()


@dataclass(frozen=True)
class Phrase:
    """Any one of *alternatives* must appear as a phrase."""

    alternatives: tuple[str, ...]

    def __post_init__(self) -> None:
        if not self.alternatives or any(not normalise(a) for a in self.alternatives):
            raise ValueError("a phrase requirement needs non-blank alternatives")

    @property
    def label(self) -> str:
        return " | ".join(self.alternatives)


@dataclass(frozen=True)
class DateValue:
    """The date *iso* (YYYY-MM-DD) must be mentioned; *relative*: « demain », « mercredi » count too."""

    iso: str
    relative: bool = True

    def __post_init__(self) -> None:
        date.fromisoformat(self.iso)

    @property
    def label(self) -> str:
        return self.iso


@dataclass(frozen=True)
class Amount:
    """The amount *value* in euros (e.g. "49.90") must be mentioned."""

    value: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "value", str(amount_value(self.value)))

    @property
    def label(self) -> str:
        return self.value


@dataclass(frozen=True)
class Concept:
    """Any phrase of the shared concept *name* (see simulator/engine/understanding/data)."""

    name: str

    def __post_init__(self) -> None:
        from simulator.engine.understanding.lexicon import concept_names

        if self.name not in concept_names():
            raise ValueError(f"unknown concept: {self.name!r}")

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class TimeValue:
    """The time *hhmm* (HH:MM) must be stated, alone or as the start of a range."""

    hhmm: str

    def __post_init__(self) -> None:
        time.fromisoformat(self.hhmm)

    @property
    def label(self) -> str:
        return self.hhmm


Requirement = Phrase | DateValue | Amount | Concept | TimeValue


@dataclass(frozen=True)
class TextCheckResult:
    """Outcome of check_text: met, not met or unsure, and why.

    ``missing``: requirements not stated (or stated only under a negation); ``forbidden_found``:
    what must not be said and is; ``tone``: tone markers that fail the text; ``not_a_sentence``:
    a sentence was asked and the text is a bare list; ``unsure``: why the reading is uncertain
    (then ``guess`` is the machine's best guess).
    """

    ok: bool
    missing: tuple[str, ...]
    forbidden_found: tuple[str, ...]
    tone: tuple[str, ...] = ()
    not_a_sentence: bool = False
    unsure: tuple[tuple[str, str], ...] = ()
    guess: bool = False

    @property
    def outcome(self) -> str:
        return "unsure" if self.unsure else "met" if self.ok else "not_met"


def requirement_from(raw: Requirement | str | Mapping[str, object]) -> Requirement:
    """Build a Requirement from a phrase, {"any_of": [...]}, {"date": iso}, {"amount": x},
    {"concept": name} or {"time": "HH:MM"}."""
    if isinstance(raw, Phrase | DateValue | Amount | Concept | TimeValue):
        return raw
    if isinstance(raw, str):
        return Phrase((raw,))
    if isinstance(raw, Mapping) and len(raw) == 1:
        key, value = next(iter(raw.items()))
        if key == "any_of" and isinstance(value, Sequence) and not isinstance(value, str):
            return Phrase(tuple(str(v) for v in value))
        if key == "date" and isinstance(value, str | date):
            return DateValue(str(value))
        if key == "amount" and isinstance(value, str | int | Decimal):
            return Amount(str(value))
        if key == "concept" and isinstance(value, str):
            return Concept(value)
        if key == "time" and isinstance(value, str):
            return TimeValue(value)
    raise ValueError(f"not a text requirement: {raw!r}")


def check_text(
    text: str,
    requires: Sequence[Requirement | str | Mapping[str, object]] = (),
    forbids: Sequence[Requirement | str | Mapping[str, object]] = (),
    lang: str = "fr",
    *,
    today: date | None = None,
    sentence: bool = False,
) -> TextCheckResult:
    """Check *text* against required items and what must not be said (see ``understanding``)."""
    from simulator.engine.understanding.verdict import judge

    _check_lang(lang)
    banned = [requirement_from(f) for f in forbids if not isinstance(f, str) or normalise(f)]
    return judge(
        text, [requirement_from(r) for r in requires], banned, lang, today=today, sentence=sentence
    )
