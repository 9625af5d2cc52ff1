"""Validation of the values typed into a customer record: each normalised, or refused with a message.

Refusals are ``InvalidValue`` with a message (translated where it is shown) and a code.
"""

from __future__ import annotations

import re
from datetime import date

from simulator.engine.belgian_numbers import is_mobile, normalise_iban, normalise_phone
from simulator.engine.belgian_places import canonical_commune, fold, is_known_postcode
from simulator.engine.tools.customer_records import COLUMNS, EDITABLE, STATUSES, label
from simulator.engine.tools.errors import InvalidValue
from simulator.i18n import Message

_TITLES = {
    "madame": "Madame",
    "mme": "Madame",
    "monsieur": "Monsieur",
    "m": "Monsieur",
    "mevrouw": "mevrouw",
    "mevr": "mevrouw",
    "mw": "mevrouw",
    "meneer": "meneer",
    "dhr": "meneer",
    "de heer": "meneer",
}
_LANGUAGES = {
    "fr": "fr",
    "francais": "fr",
    "french": "fr",
    "nl": "nl",
    "nederlands": "nl",
    "neerlandais": "nl",
    "dutch": "nl",
}
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NAME_RE = re.compile(r"[^\W\d_]+(?:[ '’.-]+[^\W\d_]+)*\.?")
_EMAIL_RE = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}")
_NUMBER_RE = re.compile(r"(\d{1,4})\s*([a-z]|bis|ter)?", re.IGNORECASE)
_BOX_RE = re.compile(r"(?:bo[iî]te|bte|bus|bt|b)?\.?\s*([a-z0-9/.-]{1,8})", re.IGNORECASE)
_DATE_RES = (
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"),
    re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"),
)


def _refuse(field: str, code: str, text: Message) -> InvalidValue:
    return InvalidValue(field, text, code)


def _required(field: str, value: str) -> str:
    if not value:
        raise _refuse(
            field, "missing_value", Message("The {label} field is required.", label=label(field))
        )
    return value


def _date(value: str, today: date) -> str:
    for pattern in _DATE_RES:
        match = pattern.fullmatch(value)
        if match:
            try:
                day = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
            if day <= today and today.year - day.year <= 120:
                return day.isoformat()
            break
    raise _refuse(
        "birth_date",
        "invalid_date",
        Message("Invalid date of birth: “{value}” (format DD/MM/YYYY).", value=value),
    )


def _text(field: str, value: str, limit: int, pattern: re.Pattern[str] | None) -> str:
    value = re.sub(r"\s+", " ", _required(field, value))
    if (
        len(value) > limit
        or (pattern and not pattern.fullmatch(value))
        or not any(ch.isalpha() for ch in value)
    ):
        raise _refuse(
            field,
            "invalid_text",
            Message("Value refused for {label}: “{value}”.", label=label(field), value=value),
        )
    return value


def validate(field: str, value: object, today: date) -> str:
    """The normalised value to store in *field*, or InvalidValue saying why not."""
    if field not in EDITABLE:
        if field in COLUMNS:
            raise _refuse(
                field,
                "read_only_field",
                Message("The field “{field}” cannot be edited.", field=field),
            )
        raise _refuse(
            str(field), "unknown_field", Message("The customer record has no such field.")
        )
    if not isinstance(value, str) or _CONTROL_RE.search(value):
        raise _refuse(field, "invalid_value", Message("Invalid value."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(field, "invalid_value", Message("Invalid value.")) from None
    value = value.strip()
    named = _name_or_address(field, value)
    return named if named is not None else _contact_or_other(field, value, today)


def _name_or_address(field: str, value: str) -> str | None:
    """The normalised name or address ``value`` of ``field``; None when ``field`` is neither."""
    if field in ("first_name", "last_name"):
        return _text(field, value, 60, _NAME_RE)
    if field in ("street", "city"):
        value = _text(field, value, 80, None)
        if field == "city" and any(ch.isdigit() for ch in value):
            raise _refuse(field, "invalid_city", Message("Invalid town: “{value}”.", value=value))
        return (canonical_commune(value) or value) if field == "city" else value
    if field == "postcode":
        if not re.fullmatch(r"\d{4}", value):
            raise _refuse(
                field,
                "invalid_postcode",
                Message(
                    "Invalid postcode: “{value}”. A Belgian postcode has 4 digits.", value=value
                ),
            )
        if not is_known_postcode(value):
            raise _refuse(
                field, "unknown_postcode", Message("Unknown postcode: {value}.", value=value)
            )
        return value
    if field == "number":
        match = _NUMBER_RE.fullmatch(_required(field, value))
        if not match:
            raise _refuse(
                field, "invalid_number", Message("Invalid house number: “{value}”.", value=value)
            )
        suffix = match[2] or ""
        return match[1] + (suffix.upper() if len(suffix) == 1 else suffix.lower())
    if field == "box":
        match = _BOX_RE.fullmatch(value)
        if value and not match:
            raise _refuse(
                field, "invalid_box", Message("Invalid box number: “{value}”.", value=value)
            )
        return match[1].upper() if value and match else ""
    return None


def _contact_or_other(field: str, value: str, today: date) -> str:
    """The normalised ``value`` of a contact, identity or notes ``field``."""
    if field in ("phone", "mobile"):
        phone = normalise_phone(value) if value else ""
        if phone is None or (field == "mobile" and phone and not is_mobile(phone)):
            problem = (
                Message("Invalid Belgian mobile number: “{value}”.", value=value)
                if field == "mobile"
                else Message("Invalid Belgian phone number: “{value}”.", value=value)
            )
            raise _refuse(field, "invalid_phone", problem)
        return phone
    if field == "email":
        if value and not _EMAIL_RE.fullmatch(value.lower()):
            raise _refuse(
                field, "invalid_email", Message("Invalid email address: “{value}”.", value=value)
            )
        return value.lower()
    if field == "birth_date":
        return _date(value, today)
    if field == "iban":
        iban = normalise_iban(value) if value else ""
        if iban is None:
            raise _refuse(
                field, "invalid_iban", Message("Invalid Belgian IBAN: “{value}”.", value=value)
            )
        return iban
    if field == "title":
        key = fold(value).rstrip(".")
        if value and key not in _TITLES:
            raise _refuse(field, "invalid_title", Message("Unknown title: “{value}”.", value=value))
        return _TITLES.get(key, "")
    if field == "language":
        if fold(value) not in _LANGUAGES:
            raise _refuse(field, "invalid_language", Message("Expected language: fr or nl."))
        return _LANGUAGES[fold(value)]
    if len(value) > 2000:  # notes
        raise _refuse(field, "too_long", Message("Notes too long (2,000 characters at most)."))
    return value


def validate_status(status: object) -> str:
    """The normalised status ("actif", "inactif" or "doublon"), or InvalidValue."""
    key = fold(status.strip()) if isinstance(status, str) else ""
    if key not in STATUSES:
        raise _refuse(
            "status", "invalid_status", Message("Expected status: actif, inactif or doublon.")
        )
    return key
