"""Named reference generators (scenario/1.1): fictitious but well-formed Belgian identifiers.

``references: {compte: {generator: iban_be}}`` gives a reference that passes the same checks as a
real one — IBAN mod 97, enterprise number mod 97, national register number mod 97 with the
customer's birth date and gender — so a candidate who checks it finds it valid. The numbers are
drawn from the contact's seed and belong to nobody.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date

from simulator.engine.belgian_numbers import make_iban
from simulator.engine.personas import Persona, make_email

GENERATORS = ("email", "iban_be", "enterprise_be", "nrn_be")

_FIRST = (
    "Julie",
    "Thomas",
    "Sarah",
    "Nicolas",
    "Laura",
    "Maxime",
    "Emma",
    "Lucas",
    "Lotte",
    "Pieter",
    "Elke",
    "Wout",
)
_LAST = (
    "Dubois",
    "Lambert",
    "Dupont",
    "Martin",
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
)


def _email(rng: random.Random, persona: Persona, today: date) -> str:
    """A plausible private address of someone else (a relative, a contact person)."""
    return make_email(rng, rng.choice(_FIRST), rng.choice(_LAST), persona.language)


def _iban(rng: random.Random, persona: Persona, today: date) -> str:
    return make_iban(rng)


def _enterprise(rng: random.Random, persona: Persona, today: date) -> str:
    """An enterprise number « BE 0xxx.xxx.xxx » whose last two digits are 97 − (first eight mod 97)."""
    first8 = "0" + str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(6))
    number = f"{first8}{97 - int(first8) % 97:02d}"
    return f"BE {number[:4]}.{number[4:7]}.{number[7:]}"


def _national_register(rng: random.Random, persona: Persona, today: date) -> str:
    """« YY.MM.DD-XXX.CC » for the customer's birth date and gender (odd counter for a man)."""
    born = date.fromisoformat(persona.birth_date)
    counter = rng.randrange(1 if persona.gender == "M" else 2, 997, 2)
    body = f"{born:%y%m%d}{counter:03d}"
    check = 97 - int(("2" if born.year >= 2000 else "") + body) % 97
    number = f"{body}{check:02d}"
    return f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"


_MAKERS: dict[str, Callable[[random.Random, Persona, date], str]] = {
    "email": _email,
    "iban_be": _iban,
    "enterprise_be": _enterprise,
    "nrn_be": _national_register,
}


def generate(name: str, rng: random.Random, persona: Persona, today: date) -> str:
    """The value of generator ``name`` (one of :data:`GENERATORS`) for this contact."""
    return _MAKERS[name](rng, persona, today)
