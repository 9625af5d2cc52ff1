"""Belgian phone numbers and IBANs: seeded generation, validation and display formatting.

Generation is seeded and stays ours (the same seed gives the same customer in every version).
What a candidate types is read with the maintained libraries: ``phonenumbers`` parses a phone
number (country code, trunk 0, « (0) », separators) and tells a mobile from a landline;
``python-stdnum`` checks a Belgian IBAN (the IBAN and national check digits, an allocated bank
code). A landline must also sit in a Belgian area code, subscriber number not starting with 0 or 1:
generated landlines use every such block, not only those ``phonenumbers`` lists as allocated.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right

MOBILE_PREFIXES = (
    "460",
    "465",
    "466",
    "467",
    "468",
    "470",
    "471",
    "472",
    "473",
    "474",
    "475",
    "476",
    "477",
    "478",
    "479",
    "483",
    "484",
    "485",
    "486",
    "487",
    "488",
    "489",
    "490",
    "491",
    "492",
    "493",
    "494",
    "495",
    "496",
    "497",
    "498",
    "499",
)
ONE_DIGIT_ZONES = frozenset("2349")
TWO_DIGIT_ZONES = frozenset(
    {
        "10",
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "19",
        "50",
        "51",
        "52",
        "53",
        "54",
        "55",
        "56",
        "57",
        "58",
        "59",
        "60",
        "61",
        "63",
        "64",
        "65",
        "67",
        "68",
        "69",
        "71",
        "80",
        "81",
        "82",
        "83",
        "84",
        "85",
        "86",
        "87",
        "89",
    }
)
# Landline zone by postcode range start (a coarse but plausible map of Belgian area codes).
_ZONE_STARTS = (
    1000,
    1300,
    1400,
    1500,
    2000,
    2200,
    2500,
    2800,
    2900,
    3000,
    3500,
    3600,
    3700,
    3800,
    4000,
    4500,
    4600,
    4800,
    5000,
    5500,
    5600,
    6600,
    6700,
    6800,
    6900,
    7000,
    7100,
    7200,
    7500,
    7700,
    7800,
    8000,
    8400,
    8500,
    8800,
    8900,
    9000,
)
_ZONES = (
    "2",
    "10",
    "67",
    "2",
    "3",
    "14",
    "3",
    "15",
    "3",
    "16",
    "11",
    "89",
    "12",
    "11",
    "4",
    "85",
    "4",
    "87",
    "81",
    "82",
    "71",
    "61",
    "63",
    "61",
    "84",
    "65",
    "64",
    "65",
    "69",
    "56",
    "68",
    "50",
    "59",
    "56",
    "51",
    "57",
    "9",
)
# Bank identification codes of the main Belgian banks (first three digits of the account).
BANK_CODES = (
    "001",
    "063",
    "068",
    "096",
    "103",
    "310",
    "363",
    "734",
    "735",
    "736",
    "750",
    "973",
    "979",
)
_IBAN_RE = re.compile(r"^BE(\d{2})(\d{12})$")


def zone_for_postcode(postcode: str) -> str:
    """The landline area code (without the trunk 0) that serves a postcode."""
    number = int(postcode) if postcode.isdigit() else 1000
    return _ZONES[max(0, bisect_right(_ZONE_STARTS, number) - 1)]


def _digits(rng: random.Random, count: int, first_min: int = 0) -> str:
    return str(rng.randint(max(first_min, 0), 9)) + "".join(
        str(rng.randint(0, 9)) for _ in range(count - 1)
    )


def make_mobile(rng: random.Random) -> str:
    """A Belgian mobile number in display form, e.g. "+32 475 12 34 56"."""
    return format_national(rng.choice(MOBILE_PREFIXES) + _digits(rng, 6))


def make_landline(rng: random.Random, postcode: str) -> str:
    """A Belgian landline of the zone serving *postcode*, in display form."""
    zone = zone_for_postcode(postcode)
    return format_national(zone + _digits(rng, 8 - len(zone), first_min=2))


def national_digits(text: str) -> str:
    """The digits of a phone number without country code or trunk 0 ("+32 475…" → "475…")."""
    stripped = text.strip().replace("(0)", "")
    digits = re.sub(r"\D", "", stripped)
    if stripped.startswith("+"):
        return digits[2:] if digits.startswith("32") else ""
    if digits.startswith("0032"):
        return digits[4:]
    if digits.startswith("0"):
        return digits[1:]
    if digits.startswith("32") and len(digits) in (10, 11):
        return digits[2:]
    return digits


def format_national(national: str) -> str:
    """Display form of national digits: mobile, one-digit zone or two-digit zone layout."""
    if len(national) == 9:
        return f"+32 {national[:3]} {national[3:5]} {national[5:7]} {national[7:]}"
    if national[:1] in ONE_DIGIT_ZONES:
        return f"+32 {national[0]} {national[1:4]} {national[4:6]} {national[6:]}"
    return f"+32 {national[:2]} {national[2:4]} {national[4:6]} {national[6:]}"


def _parsed_national(text: str) -> str | None:
    """The national significant number of a Belgian phone number as ``phonenumbers`` reads it, else None."""
    import phonenumbers

    try:
        number = phonenumbers.parse(text.replace("(0)", ""), "BE")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 32 or not phonenumbers.is_possible_number(number):
        return None
    return str(number.national_number)


def normalise_phone(text: str) -> str | None:
    """The display form of a plausible Belgian number, or None when it is not one."""
    if not re.fullmatch(r"[\d\s+()./-]{8,25}", text.strip()):
        return None
    national = _parsed_national(text)
    if national is None:
        return None
    if len(national) == 9 and national[:3] in MOBILE_PREFIXES:
        return format_national(national)
    if len(national) != 8 or national[0] == "0":
        return None
    if national[0] in ONE_DIGIT_ZONES:
        subscriber = national[1:]
    elif national[:2] in TWO_DIGIT_ZONES:
        subscriber = national[2:]
    else:
        return None
    return format_national(national) if subscriber[0] not in "01" else None


def is_mobile(display: str) -> bool:
    """True when a display-form number is a mobile one."""
    import phonenumbers

    try:
        number = phonenumbers.parse(display, "BE")
    except phonenumbers.NumberParseException:
        return False
    return phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE


def _mod97(digits: str) -> int:
    return int(digits) % 97


def make_iban(rng: random.Random) -> str:
    """A valid Belgian IBAN (national and IBAN mod-97 checks), grouped by four."""
    first10 = rng.choice(BANK_CODES) + _digits(rng, 7)
    national_check = _mod97(first10) or 97
    bban = f"{first10}{national_check:02d}"
    check = 98 - _mod97(bban + "111400")
    return format_iban(f"BE{check:02d}{bban}")


def format_iban(compact: str) -> str:
    """Group an IBAN by four characters: "BE68 5390 0754 7034"."""
    return " ".join(compact[i : i + 4] for i in range(0, len(compact), 4))


def normalise_iban(text: str) -> str | None:
    """The grouped form of a valid Belgian IBAN (checks digits and bank code), or None when it is not one."""
    from stdnum.be import iban as belgian_iban

    compact = re.sub(r"[\s.-]", "", text).upper()
    if _IBAN_RE.fullmatch(compact) is None or not belgian_iban.is_valid(compact):
        return None
    return format_iban(compact)
