"""Tests for Belgian places, numbers and seeded personas."""

from __future__ import annotations

import random
import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from simulator.engine.belgian_numbers import normalise_iban, normalise_phone
from simulator.engine.belgian_places import (
    REGIONS_FOR_LANGUAGE,
    STREETS,
    is_valid_pair,
    load_places,
    place_for_postcode,
)
from simulator.engine.personas import (
    TITLES,
    make_lookalike,
    make_persona,
    make_reference,
    make_typo,
)

TODAY = date(2026, 3, 2)
MOBILE_RE = re.compile(r"^\+32 4[6-9]\d \d\d \d\d \d\d$")
LANDLINE_RE = re.compile(r"^\+32 (?:[2349] \d{3}|(?:1|5|6|7|8)\d \d\d) \d\d \d\d$")
EMAIL_RE = re.compile(r"^[a-z0-9.]+@[a-z0-9.-]+\.[a-z]{2,}$")


def iban_ok(iban: str) -> bool:
    compact = iban.replace(" ", "")
    if not re.fullmatch(r"BE\d{14}", compact):
        return False
    bban = compact[4:]
    national = int(bban[:10]) % 97 or 97
    rearranged = bban + "1114" + compact[2:4]  # B=11, E=14
    return national == int(bban[10:]) and int(rearranged) % 97 == 1


def age_on(birth: str, today: date) -> int:
    born = date.fromisoformat(birth)
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def test_places_are_many_unique_and_include_well_known_pairs() -> None:
    places = load_places()
    assert len(places) >= 120
    assert len({p.postcode for p in places}) == len(places)
    for postcode, commune in [
        ("1000", "Bruxelles"),
        ("1050", "Ixelles"),
        ("1348", "Louvain-la-Neuve"),
        ("4000", "Liège"),
        ("4020", "Liège"),
        ("5100", "Jambes"),
        ("6700", "Arlon"),
        ("2000", "Antwerpen"),
        ("8400", "Oostende"),
        ("9300", "Aalst"),
    ]:
        assert is_valid_pair(postcode, commune)
    assert is_valid_pair("4000", "liege") and is_valid_pair("1050", "Elsene")
    assert not is_valid_pair("4000", "Namur") and not is_valid_pair("9999", "Nulle-part")
    for place in places:
        assert (place.region == "flanders") == (place.language == "nl")


def test_same_seed_gives_identical_persona() -> None:
    for language in ("fr", "nl"):
        a = make_persona(42, language=language, today=TODAY)
        b = make_persona(42, language=language, today=TODAY)
        assert a == b and a.to_template_dict() == b.to_template_dict()


def test_different_seeds_give_different_names() -> None:
    names = {make_persona(seed, today=TODAY).full_name for seed in range(30)}
    assert len(names) >= 27
    assert make_persona(1, today=TODAY) != make_persona(2, today=TODAY)


@pytest.mark.parametrize("language", ["fr", "nl"])
def test_persona_fields_are_belgian_and_consistent(language: str) -> None:
    allowed = {region for region, _ in REGIONS_FOR_LANGUAGE[language]}
    for seed in range(80):
        p = make_persona(seed, language=language, today=TODAY)
        assert is_valid_pair(p.postcode, p.city), (p.postcode, p.city)
        assert p.region in allowed and place_for_postcode(p.postcode).region == p.region
        assert p.title == TITLES[(language, p.gender)]
        assert p.full_name == f"{p.first_name} {p.last_name}"
        assert iban_ok(p.iban) and normalise_iban(p.iban) == p.iban
        assert MOBILE_RE.match(p.mobile)
        assert MOBILE_RE.match(p.phone) or LANDLINE_RE.match(p.phone), p.phone
        assert normalise_phone(p.phone) == p.phone
        assert EMAIL_RE.match(p.email) and p.email.isascii()
        assert 20 <= age_on(p.birth_date, TODAY) <= 85
        assert re.fullmatch(r"CL-\d{6}", p.customer_id)
        assert p.number.isdigit() and (p.box == "" or p.box.isdigit())
        assert p.street in STREETS["fr"] + STREETS["nl"]
        assert set(p.to_template_dict()) >= {"first_name", "iban", "postal_line"}


def test_region_can_be_imposed_and_leap_day_today_works() -> None:
    p = make_persona(3, language="fr", region="flanders", today=date(2024, 2, 29))
    assert p.region == "flanders" and p.street in STREETS["nl"]
    assert 20 <= age_on(p.birth_date, date(2024, 2, 29)) <= 85
    with pytest.raises(ValueError):
        make_persona(1, language="de", today=TODAY)


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**40), language=st.sampled_from(["fr", "nl"]))
def test_any_seed_gives_a_valid_persona(seed: int, language: str) -> None:
    p = make_persona(seed, language=language, today=TODAY)
    assert is_valid_pair(p.postcode, p.city) and iban_ok(p.iban)
    assert 20 <= age_on(p.birth_date, TODAY) <= 85


def test_make_reference_follows_the_pattern() -> None:
    rng = random.Random(7)
    for _ in range(50):
        assert re.fullmatch(r"ML-2026-\d{5}", make_reference(rng, "ML-2026-#####"))
        assert re.fullmatch(r"FAC-\d{8}", make_reference(rng, "FAC-########"))
        ref = make_reference(rng, "SIN-####-??")
        assert re.fullmatch(r"SIN-\d{4}-[A-Z]{2}", ref) and not set(ref[-2:]) & {"I", "O"}
        assert re.fullmatch(r"[A-HJ-NP-Z0-9]{6}", make_reference(rng, "******"))
    assert make_reference(random.Random(1), "X-##??") == make_reference(random.Random(1), "X-##??")


def test_lookalike_shares_last_name_and_city_but_not_first_name() -> None:
    target = make_persona(11, today=TODAY)
    for seed in range(20):
        twin = make_lookalike(seed, target, "lookalike", TODAY)
        assert (twin.last_name, twin.city, twin.postcode) == (
            target.last_name,
            target.city,
            target.postcode,
        )
        assert twin.first_name != target.first_name and twin.street != target.street
        assert twin.customer_id != target.customer_id and twin.mobile != target.mobile
        assert twin.full_name == f"{twin.first_name} {target.last_name}"
    assert make_lookalike(3, target, "lookalike", TODAY) == make_lookalike(
        3, target, "lookalike", TODAY
    )


def test_duplicate_and_outdated_are_the_same_person() -> None:
    target = make_persona(12, language="nl", today=TODAY)
    for seed in range(20):
        dup = make_lookalike(seed, target, "duplicate", TODAY)
        assert dup.last_name == target.last_name and dup.birth_date == target.birth_date
        assert dup.customer_id != target.customer_id and dup.postcode == target.postcode
        old = make_lookalike(seed, target, "outdated", TODAY)
        assert (old.first_name, old.last_name, old.birth_date) == (
            target.first_name,
            target.last_name,
            target.birth_date,
        )
        assert old.city != target.city and is_valid_pair(old.postcode, old.city)
    with pytest.raises(ValueError):
        make_lookalike(1, target, "twin", TODAY)


def test_typo_changes_the_name_slightly() -> None:
    rng = random.Random(5)
    for name in ("Hélène", "Jan", "Marie-Claire", "Luc"):
        typo = make_typo(rng, name)
        assert typo != name and abs(len(typo) - len(name)) <= 1


def test_phone_and_iban_normalisation() -> None:
    assert normalise_phone("0475/12.34.56") == "+32 475 12 34 56"
    assert normalise_phone("+32 (0)475 12 34 56") == "+32 475 12 34 56"
    assert normalise_phone("0032 2 512 34 56") == "+32 2 512 34 56"
    assert normalise_phone("081 22 33 44") == "+32 81 22 33 44"
    for bad in ("12345", "0775 12 34 56", "+33 6 12 34 56 78", "abc", "02 012 34 56"):
        assert normalise_phone(bad) is None
    assert normalise_iban("be29-0633.1860 9164") == "BE29 0633 1860 9164"
    assert normalise_iban("BE29 0633 1860 9165") is None
    # Both check digits are right, but no Belgian bank has the code 539 (python-stdnum's bank list).
    assert normalise_iban("BE68 5390 0754 7034") is None
