"""Seeded Belgian customer personas, their look-alikes, and reference numbers."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, fields, replace
from datetime import date, timedelta
from functools import cache
from importlib import import_module
from itertools import accumulate

from simulator.engine.belgian_numbers import make_iban, make_landline, make_mobile
from simulator.engine.belgian_places import (
    LANGUAGES,
    REGIONS_FOR_LANGUAGE,
    Place,
    fold,
    places_in,
    streets_for,
    unaccent,
)

LOOKALIKE_KINDS = ("lookalike", "duplicate", "outdated")
TITLES = {
    ("fr", "F"): "Madame",
    ("fr", "M"): "Monsieur",
    ("nl", "F"): "mevrouw",
    ("nl", "M"): "meneer",
}
_LOCALES = {"fr": "fr_BE", "nl": "nl_BE"}
_PROVIDERS = {
    "fr": (
        ("skynet.be", 3),
        ("proximus.be", 2),
        ("gmail.com", 5),
        ("hotmail.com", 3),
        ("outlook.be", 1),
        ("voo.be", 1),
    ),
    "nl": (
        ("telenet.be", 5),
        ("skynet.be", 2),
        ("proximus.be", 1),
        ("gmail.com", 5),
        ("hotmail.com", 2),
        ("outlook.be", 1),
    ),
}
_REF_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # no I or O: they read as 1 and 0
_REF_DIGITS = "0123456789"


@dataclass(frozen=True)
class Persona:
    """A fictitious customer living at a real Belgian postcode–commune pair."""

    customer_id: str
    gender: str
    title: str
    first_name: str
    last_name: str
    full_name: str
    street: str
    number: str
    box: str
    postcode: str
    city: str
    region: str
    language: str
    phone: str
    mobile: str
    email: str
    birth_date: str
    iban: str

    @property
    def address_line(self) -> str:
        """Street, number and box as written on a Belgian envelope."""
        box = f" {'bus' if self.language == 'nl' else 'bte'} {self.box}" if self.box else ""
        return f"{self.street} {self.number}{box}"

    def to_template_dict(self) -> dict[str, str]:
        """Every field as a string, plus address_line, postal_line and formal_name."""
        data = {f.name: str(getattr(self, f.name)) for f in fields(self)}
        data["address_line"] = self.address_line
        data["postal_line"] = f"{self.postcode} {self.city}"
        data["formal_name"] = f"{self.title} {self.last_name}"
        return data


@dataclass(frozen=True)
class _NameTable:
    """One of Faker's name lists, ready to draw from as Faker draws: weights summed once."""

    names: tuple[str, ...]
    cum_weights: tuple[float, ...] | None  # None: Faker draws uniformly

    @classmethod
    def of(cls, elements: Sequence[str] | Mapping[str, float]) -> _NameTable:
        """A weighted table for Faker's ``{name: weight}`` lists, a uniform one for plain lists."""
        if isinstance(elements, Mapping):
            return cls(tuple(elements), tuple(accumulate(elements.values())))
        return cls(tuple(elements), None)

    def draw(self, rng: random.Random) -> str:
        """What Faker's ``random_element`` returns for the same generator state (same draws)."""
        if self.cum_weights is None:
            return rng.choice(self.names)
        # random.choices(names, weights) without re-summing the weights on every call
        total = self.cum_weights[-1] + 0.0
        return self.names[bisect(self.cum_weights, rng.random() * total, 0, len(self.names) - 1)]


@cache
def _name_tables(language: str) -> dict[str, _NameTable]:
    """Faker's Belgian first-name (by gender) and last-name lists for one language, read once.

    Only the person provider's data is needed (building a whole ``Faker(locale)`` loads every
    provider); ``Faker(locale)`` draws with the lists' weights (``use_weighting=True``).
    """
    provider = import_module(f"faker.providers.person.{_LOCALES[language]}").Provider
    return {
        "F": _NameTable.of(provider.first_names_female),
        "M": _NameTable.of(provider.first_names_male),
        "last": _NameTable.of(provider.last_names),
    }


def _names(seed: int, language: str, gender: str) -> tuple[str, str]:
    """First and last name from Faker's Belgian locale, as ``seed_instance(seed)`` then
    ``first_name_female()`` (or ``_male``) and ``last_name()`` give them."""
    tables = _name_tables(language)
    rng = random.Random(seed)
    return tables["F" if gender == "F" else "M"].draw(rng), tables["last"].draw(rng)


def _weighted(rng: random.Random, options: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([o for o, _ in options], weights=[w for _, w in options])[0]


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _slug(text: str) -> str:
    return "".join(ch for ch in fold(text) if "a" <= ch <= "z" or "0" <= ch <= "9")


def make_email(rng: random.Random, first: str, last: str, language: str) -> str:
    """A lowercase ascii address derived from the name at a provider Belgians use."""
    f, la = _slug(first) or "client", _slug(last) or "client"
    local = rng.choice(
        (f"{f}.{la}", f"{f}{la}", f"{f[0]}.{la}", f"{la}.{f}", f"{f}.{la}{rng.randint(1, 99)}")
    )
    return f"{local}@{_weighted(rng, _PROVIDERS[language])}"


def make_reference(rng: random.Random, pattern: str) -> str:
    """Fill a pattern: "#" a digit, "?" an uppercase letter (no I/O), "*" either; rest literal."""
    out = []
    for ch in pattern:
        if ch == "#":
            out.append(rng.choice(_REF_DIGITS))
        elif ch == "?":
            out.append(rng.choice(_REF_LETTERS))
        elif ch == "*":
            out.append(rng.choice(_REF_DIGITS + _REF_LETTERS))
        else:
            out.append(ch)
    return "".join(out)


def _birth_date(rng: random.Random, today: date) -> str:
    earliest = _years_before(today, 86) + timedelta(days=1)
    latest = _years_before(today, 20)
    return (earliest + timedelta(days=rng.randint(0, (latest - earliest).days))).isoformat()


def _number(rng: random.Random) -> str:
    return str(rng.randint(1, 60) if rng.random() < 0.8 else rng.randint(61, 250))


def make_persona(
    seed: int,
    *,
    language: str = "fr",
    region: str | None = None,
    today: date,
    places: tuple[Place, ...] = (),
) -> Persona:
    """A persona that fits French- or Dutch-speaking Belgium; same seed → same persona.

    ``places`` pins the address to these places (a commune, a province) instead of a region.
    """
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    rng = random.Random(f"persona:{language}:{seed}")
    if places:
        place = rng.choice(places)
        region = place.region
    else:
        region = region or _weighted(rng, REGIONS_FOR_LANGUAGE[language])
        place = rng.choice(places_in(region))
    gender = rng.choice("FM")
    first, last = _names(seed, language, gender)
    street_language = place.language if region != "brussels" else language
    mobile = make_mobile(rng)
    phone = make_landline(rng, place.postcode) if rng.random() < 0.6 else mobile
    return Persona(
        customer_id=make_reference(rng, "CL-######"),
        gender=gender,
        title=TITLES[(language, gender)],
        first_name=first,
        last_name=last,
        full_name=f"{first} {last}",
        street=rng.choice(streets_for(street_language)),
        number=_number(rng),
        box=str(rng.randint(1, 12)) if rng.random() < 0.2 else "",
        postcode=place.postcode,
        city=place.name_in(language),
        region=region,
        language=language,
        phone=phone,
        mobile=mobile,
        email=make_email(rng, first, last, language),
        birth_date=_birth_date(rng, today),
        iban=make_iban(rng),
    )


def make_typo(rng: random.Random, name: str) -> str:
    """The name with one plausible typing slip (swapped, doubled or dropped letter, lost accent)."""
    variants = []
    plain = unaccent(name)
    if plain != name:
        variants.append(plain)
    for i in range(1, len(name) - 1):
        if name[i] != name[i + 1] and name[i + 1].isalpha():
            variants.append(name[:i] + name[i + 1] + name[i] + name[i + 2 :])
        if name[i].isalpha():
            variants.append(name[:i] + name[i] + name[i:])
            if len(name) > 4:
                variants.append(name[:i] + name[i + 1 :])
    variants = sorted({v for v in variants if v != name})
    return rng.choice(variants) if variants else name + name[-1]


def _other_street(rng: random.Random, persona: Persona, language: str) -> str:
    return rng.choice([s for s in streets_for(language) if s != persona.street])


def make_lookalike(seed: int, persona: Persona, kind: str, today: date) -> Persona:
    """A record that can be mistaken for *persona*: "lookalike", "duplicate" or "outdated"."""
    if kind not in LOOKALIKE_KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {LOOKALIKE_KINDS}")
    rng = random.Random(f"{kind}:{seed}")
    street_language = (
        persona.language
        if persona.region == "brussels"
        else ("nl" if persona.region == "flanders" else "fr")
    )
    new_id = make_reference(rng, "CL-######")
    if kind == "lookalike":
        return _namesake(seed, rng, persona, street_language, today)
    if kind == "duplicate":
        return _duplicate(rng, persona, new_id, street_language)
    return _outdated(rng, persona, new_id)


def _namesake(
    seed: int, rng: random.Random, persona: Persona, street_language: str, today: date
) -> Persona:
    """Someone else of the same family name in the same commune (another first name, another street)."""
    base = make_persona(seed, language=persona.language, region=persona.region, today=today)
    attempt = seed
    while base.first_name == persona.first_name:
        attempt += 7919
        base = make_persona(attempt, language=persona.language, region=persona.region, today=today)
    landline = make_landline(rng, persona.postcode)
    return replace(
        base,
        last_name=persona.last_name,
        full_name=f"{base.first_name} {persona.last_name}",
        postcode=persona.postcode,
        city=persona.city,
        street=_other_street(rng, persona, street_language),
        phone=landline if base.phone != base.mobile else base.phone,
        email=make_email(rng, base.first_name, persona.last_name, persona.language),
    )


def _duplicate(rng: random.Random, persona: Persona, new_id: str, street_language: str) -> Persona:
    """The same person entered twice: a new customer id, perhaps a typo or a move."""
    first = make_typo(rng, persona.first_name) if rng.random() < 0.5 else persona.first_name
    moved = rng.random() < 0.5
    return replace(
        persona,
        customer_id=new_id,
        first_name=first,
        full_name=f"{first} {persona.last_name}",
        street=_other_street(rng, persona, street_language) if moved else persona.street,
        number=_number(rng) if moved else persona.number,
        box="" if moved else persona.box,
        email=persona.email if rng.random() < 0.5 else "",
    )


def _outdated(rng: random.Random, persona: Persona, new_id: str) -> Persona:
    """The same person at a former address, in another commune, with older contact details."""
    language = persona.language
    regions = tuple((r, w) for r, w in REGIONS_FOR_LANGUAGE[language])
    candidates = [
        p for p in places_in(_weighted(rng, regions)) if p.name_in(language) != persona.city
    ]
    place = rng.choice(candidates)
    old_language = place.language if place.region != "brussels" else language
    return replace(
        persona,
        customer_id=new_id,
        street=rng.choice(streets_for(old_language)),
        number=_number(rng),
        box="",
        postcode=place.postcode,
        city=place.name_in(language),
        region=place.region,
        phone=make_landline(rng, place.postcode),
        mobile=persona.mobile if rng.random() < 0.5 else make_mobile(rng),
        email=make_email(rng, persona.first_name, persona.last_name, language),
        iban=persona.iban if rng.random() < 0.5 else make_iban(rng),
    )


def persona_from_dict(data: dict[str, str]) -> Persona:
    """Rebuild a persona from asdict()/to_template_dict() output (extra keys ignored)."""
    return Persona(**{f.name: str(data[f.name]) for f in fields(Persona)})


def persona_to_dict(persona: Persona) -> dict[str, str]:
    """The persona's own fields as a plain dict."""
    return asdict(persona)
