"""Validation of the values typed into a customer record: each normalised, or refused with a message.

Refusals are ``InvalidValue`` with the French, English and Dutch message and a code.
"""

from __future__ import annotations

import re
from datetime import date

from simulator.engine.belgian_numbers import is_mobile, normalise_iban, normalise_phone
from simulator.engine.belgian_places import canonical_commune, fold, is_known_postcode
from simulator.engine.tools.customer_records import COLUMNS, EDITABLE, LABELS, LABELS_NL, STATUSES
from simulator.engine.tools.errors import InvalidValue

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


def _refuse(field: str, code: str, fr: str, en: str, nl: str | None = None) -> InvalidValue:
    return InvalidValue(field, fr, en, code, nl)


def _required(field: str, value: str) -> str:
    if not value:
        fr, en = LABELS[field]
        raise _refuse(
            field,
            "missing_value",
            f"Le champ « {fr} » est obligatoire.",
            f"The {en} field is required.",
            f"Het veld ‘{LABELS_NL[field]}’ is verplicht.",
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
        f"Date de naissance invalide : « {value} » (format JJ/MM/AAAA).",
        f"Invalid date of birth: “{value}” (format DD/MM/YYYY).",
        f"Ongeldige geboortedatum: ‘{value}’ (formaat DD/MM/JJJJ).",
    )


def _text(field: str, value: str, limit: int, pattern: re.Pattern[str] | None) -> str:
    value = re.sub(r"\s+", " ", _required(field, value))
    fr, en = LABELS[field]
    if (
        len(value) > limit
        or (pattern and not pattern.fullmatch(value))
        or not any(ch.isalpha() for ch in value)
    ):
        raise _refuse(
            field,
            "invalid_text",
            f"Valeur refusée pour « {fr} » : « {value} ».",
            f"Value refused for {en}: “{value}”.",
            f"Waarde geweigerd voor {LABELS_NL[field]}: ‘{value}’.",
        )
    return value


def validate(field: str, value: object, today: date) -> str:
    """The normalised value to store in *field*, or InvalidValue with fr/en messages."""
    if field not in EDITABLE:
        if field in COLUMNS:
            raise _refuse(
                field,
                "read_only_field",
                f"Le champ « {field} » ne peut pas être modifié.",
                f"The field “{field}” cannot be edited.",
                f"Het veld ‘{field}’ kan niet gewijzigd worden.",
            )
        raise _refuse(
            str(field),
            "unknown_field",
            "Ce champ n'existe pas dans la fiche client.",
            "The customer record has no such field.",
            "Dit veld bestaat niet in de klantenfiche.",
        )
    if not isinstance(value, str) or _CONTROL_RE.search(value):
        raise _refuse(
            field, "invalid_value", "Valeur invalide.", "Invalid value.", "Ongeldige waarde."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _refuse(
            field, "invalid_value", "Valeur invalide.", "Invalid value.", "Ongeldige waarde."
        ) from None
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
            raise _refuse(
                field,
                "invalid_city",
                f"Localité invalide : « {value} ».",
                f"Invalid town: “{value}”.",
                f"Ongeldige gemeente: ‘{value}’.",
            )
        return (canonical_commune(value) or value) if field == "city" else value
    if field == "postcode":
        if not re.fullmatch(r"\d{4}", value):
            raise _refuse(
                field,
                "invalid_postcode",
                f"Code postal invalide : « {value} ». Un code postal belge compte 4 chiffres.",
                f"Invalid postcode: “{value}”. A Belgian postcode has 4 digits.",
                f"Ongeldige postcode: ‘{value}’. Een Belgische postcode heeft 4 cijfers.",
            )
        if not is_known_postcode(value):
            raise _refuse(
                field,
                "unknown_postcode",
                f"Code postal inconnu : {value}.",
                f"Unknown postcode: {value}.",
                f"Onbekende postcode: {value}.",
            )
        return value
    if field == "number":
        match = _NUMBER_RE.fullmatch(_required(field, value))
        if not match:
            raise _refuse(
                field,
                "invalid_number",
                f"Numéro de maison invalide : « {value} ».",
                f"Invalid house number: “{value}”.",
                f"Ongeldig huisnummer: ‘{value}’.",
            )
        suffix = match[2] or ""
        return match[1] + (suffix.upper() if len(suffix) == 1 else suffix.lower())
    if field == "box":
        match = _BOX_RE.fullmatch(value)
        if value and not match:
            raise _refuse(
                field,
                "invalid_box",
                f"Numéro de boîte invalide : « {value} ».",
                f"Invalid box number: “{value}”.",
                f"Ongeldig busnummer: ‘{value}’.",
            )
        return match[1].upper() if value and match else ""
    return None


def _contact_or_other(field: str, value: str, today: date) -> str:
    """The normalised ``value`` of a contact, identity or notes ``field``."""
    if field in ("phone", "mobile", "email"):
        return _phone_or_email(field, value)
    if field == "birth_date":
        return _date(value, today)
    return _identity_or_notes(field, value)


def _phone_or_email(field: str, value: str) -> str:
    """The normalised phone, mobile or email ``value`` of ``field``."""
    if field in ("phone", "mobile"):
        phone = normalise_phone(value) if value else ""
        if phone is None or (field == "mobile" and phone and not is_mobile(phone)):
            kind_fr, kind_en, kind_nl = (
                ("de GSM", "mobile", "gsmnummer")
                if field == "mobile"
                else ("de téléphone", "phone", "telefoonnummer")
            )
            raise _refuse(
                field,
                "invalid_phone",
                f"Numéro {kind_fr} belge invalide : « {value} ».",
                f"Invalid Belgian {kind_en} number: “{value}”.",
                f"Ongeldig Belgisch {kind_nl}: ‘{value}’.",
            )
        return phone
    if value and not _EMAIL_RE.fullmatch(value.lower()):
        raise _refuse(
            field,
            "invalid_email",
            f"Adresse e-mail invalide : « {value} ».",
            f"Invalid email address: “{value}”.",
            f"Ongeldig e-mailadres: ‘{value}’.",
        )
    return value.lower()


def _identity_or_notes(field: str, value: str) -> str:
    """The normalised IBAN, title, language or notes ``value`` of ``field``."""
    if field == "iban":
        iban = normalise_iban(value) if value else ""
        if iban is None:
            raise _refuse(
                field,
                "invalid_iban",
                f"IBAN belge invalide : « {value} ».",
                f"Invalid Belgian IBAN: “{value}”.",
                f"Ongeldig Belgisch IBAN: ‘{value}’.",
            )
        return iban
    if field == "title":
        key = fold(value).rstrip(".")
        if value and key not in _TITLES:
            raise _refuse(
                field,
                "invalid_title",
                f"Civilité inconnue : « {value} ».",
                f"Unknown title: “{value}”.",
                f"Onbekende aanspreking: ‘{value}’.",
            )
        return _TITLES.get(key, "")
    if field == "language":
        if fold(value) not in _LANGUAGES:
            raise _refuse(
                field,
                "invalid_language",
                "Langue attendue : fr ou nl.",
                "Expected language: fr or nl.",
                "Verwachte taal: fr of nl.",
            )
        return _LANGUAGES[fold(value)]
    if len(value) > 2000:  # notes
        raise _refuse(
            field,
            "too_long",
            "Notes trop longues (2000 caractères au plus).",
            "Notes too long (2,000 characters at most).",
            "Notities te lang (hoogstens 2000 tekens).",
        )
    return value


def validate_status(status: object) -> str:
    """The normalised status ("actif", "inactif" or "doublon"), or InvalidValue."""
    key = fold(status.strip()) if isinstance(status, str) else ""
    if key not in STATUSES:
        raise _refuse(
            "status",
            "invalid_status",
            "Statut attendu : actif, inactif ou doublon.",
            "Expected status: actif, inactif or doublon.",
            "Verwachte status: actif, inactif of doublon.",
        )
    return key
