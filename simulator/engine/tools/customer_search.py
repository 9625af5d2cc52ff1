"""Match a candidate's free-text search against customer records (case, accents, phones)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from simulator.engine.belgian_numbers import national_digits
from simulator.engine.belgian_places import fold

# Columns read by the matcher, in the order handed to match_record().
SEARCH_COLUMNS = (
    "last_name",
    "first_name",
    "customer_id",
    "phone",
    "mobile",
    "email",
    "postcode",
    "city",
)
_PHONE_QUERY_RE = re.compile(r"\+?[\d\s().\/-]+")


@lru_cache(maxsize=1 << 16)
def normalise_text(text: str) -> str:
    """Casefolded, accent-free, punctuation turned into single spaces."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


@dataclass(frozen=True)
class Query:
    """A search query prepared once: normalised text, tokens, and phone digits if any."""

    text: str
    tokens: tuple[str, ...]
    phone: str

    @classmethod
    def parse(cls, raw: str) -> Query:
        raw = raw.encode("utf-8", "ignore").decode("utf-8")[:200]
        text = normalise_text(raw)
        phone = ""
        if _PHONE_QUERY_RE.fullmatch(raw.strip()) and sum(ch.isdigit() for ch in raw) >= 6:
            phone = national_digits(raw)
        return cls(text, tuple(text.split()), phone)

    @property
    def empty(self) -> bool:
        return not self.text


@lru_cache(maxsize=1 << 14)
def _haystacks(
    last: str, first: str, customer_id: str, email: str, postcode: str, city: str
) -> tuple[str, ...]:
    """A record's searchable texts, normalised (remembered: every search reads every record)."""
    names = (
        normalise_text(last),
        normalise_text(first),
        normalise_text(f"{first} {last}"),
        normalise_text(f"{last} {first}"),
        normalise_text(email),
        postcode.strip(),
        normalise_text(city),
        normalise_text(customer_id),
    )
    return names + tuple(h.replace(" ", "") for h in names)


def match_record(
    query: Query,
    last: str,
    first: str,
    customer_id: str,
    phone: str,
    mobile: str,
    email: str,
    postcode: str,
    city: str,
) -> bool:
    """True when the query finds this record (whole query, every word, or phone digits)."""
    if query.empty:
        return False
    if query.phone and any(query.phone in national_digits(n) for n in (phone, mobile) if n):
        return True
    hay = _haystacks(last, first, customer_id, email, postcode, city)
    compact = query.text.replace(" ", "")
    if any(query.text in h for h in hay) or (len(compact) >= 3 and any(compact in h for h in hay)):
        return True
    return len(query.tokens) > 1 and all(any(t in h for h in hay) for t in query.tokens)


#: A quoted reference found from a part of it at least this long (``45719`` for ``ML-2026-45719``).
REFERENCE_PART = 5


def reference_key(reference: str) -> str:
    """A reference as it is compared: letters and digits only, casefolded (``ml202645719``)."""
    return normalise_text(reference).replace(" ", "")


def matches_reference(query: Query, key: str) -> bool:
    """True when the query is the reference, whatever its punctuation, or a long enough part of it."""
    compact = query.text.replace(" ", "")
    return bool(key) and (compact == key or (len(compact) >= REFERENCE_PART and compact in key))


def match_notes(query: Query, notes: str) -> bool:
    """True when the whole query, or each of its words, is in ``notes`` (case and accents ignored)."""
    if query.empty or not notes:
        return False
    hay = normalise_text(notes)
    return query.text in hay or (len(query.tokens) > 1 and all(t in hay for t in query.tokens))
