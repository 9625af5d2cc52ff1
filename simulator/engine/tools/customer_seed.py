"""The seeded contents of a customer database: the target among look-alikes, duplicates, outdated and background records."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta

from simulator.engine.belgian_places import fold
from simulator.engine.personas import Persona, make_lookalike, make_persona
from simulator.engine.tools.customer_records import COLUMNS

_NOTES = {
    "fr": (
        "Préfère être contacté(e) par e-mail.",
        "Client(e) fidèle depuis de longues années.",
        "Joignable de préférence en soirée.",
        "A signalé une panne l'an dernier.",
    ),
    "nl": (
        "Wil liefst per e-mail gecontacteerd worden.",
        "Al jaren trouwe klant.",
        "Best bereikbaar 's avonds.",
        "Meldde vorig jaar een storing.",
    ),
}
_OLD_NOTES = {
    "fr": "Courrier revenu : destinataire inconnu à cette adresse.",
    "nl": "Post teruggekomen: onbekend op dit adres.",
}


def _row(role: str, persona: Persona, status: str, updated_on: date, notes: str) -> dict[str, str]:
    data = {c: str(getattr(persona, c, "")) for c in COLUMNS}
    data.update(role=role, status=status, updated_on=updated_on.isoformat(), notes=notes)
    return data


def _matching(
    twin: Persona, target: Persona, match: tuple[str, ...], rng: random.Random
) -> Persona:
    """A look-alike made to share what ``match`` asks (only called when it asks something)."""
    if "age_band" in match:
        born = date.fromisoformat(target.birth_date) + timedelta(
            days=rng.randint(-4 * 365, 4 * 365)
        )
        twin = replace(twin, birth_date=born.isoformat())
    if "commune" in match:
        twin = replace(twin, postcode=target.postcode, city=target.city)
    return twin


def _extra_row(
    role: str, status: str, fields: Mapping[str, str], updated_on: date
) -> dict[str, str]:
    data = {c: "" for c in COLUMNS}
    data.update({k: str(v) for k, v in fields.items()})
    data.update(role=role, status=status, updated_on=updated_on.isoformat())
    return data


def _lookalike_rows(
    rng: random.Random,
    ago: Callable[[int, int], date],
    target: Persona,
    count: int,
    match: tuple[str, ...],
    today: date,
) -> list[dict[str, str]]:
    """``count`` look-alikes of ``target``, each with a first name of its own (and what ``match`` asks)."""
    rows = []
    firsts = {fold(target.first_name)}
    for i in range(1, count + 1):
        twin = make_lookalike(rng.randrange(10**9), target, "lookalike", today)
        while fold(twin.first_name) in firsts or (
            "gender" in match and twin.gender != target.gender
        ):
            twin = make_lookalike(rng.randrange(10**9), target, "lookalike", today)
        firsts.add(fold(twin.first_name))
        twin = _matching(twin, target, match, rng) if match else twin
        rows.append(_row(f"lookalike-{i}", twin, "actif", ago(30, 1500), ""))
    return rows


def _background_rows(
    rng: random.Random, ago: Callable[[int, int], date], target: Persona, count: int, today: date
) -> list[dict[str, str]]:
    """``count`` other customers (mostly of the target's language), none with the target's last name."""
    rows = []
    other = {"fr": "nl", "nl": "fr"}[target.language]
    for i in range(1, count + 1):
        while True:
            language = target.language if rng.random() < 0.8 else other
            person = make_persona(rng.randrange(10**9), language=language, today=today)
            if fold(person.last_name) != fold(target.last_name):
                break
        notes = rng.choice(_NOTES[language]) if rng.random() < 0.25 else ""
        rows.append(_row(f"background-{i}", person, "actif", ago(30, 3000), notes))
    return rows


def seeded_rows(
    seed: int,
    *,
    target: Persona,
    target_overrides: Mapping[str, str],
    lookalikes: int,
    duplicates: int,
    outdated: int,
    background: int,
    today: date,
    match: tuple[str, ...] = (),
    extra: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (),
) -> list[dict[str, str]]:
    """Every record around *target* (stored with *target_overrides* applied), by record id.

    A pure function of its arguments: the same arguments give the same rows, on every machine.
    """
    rng = random.Random(f"customer-db:{seed}")

    def ago(low: int, high: int) -> date:
        return today - timedelta(days=rng.randint(low, high))

    rows = [_row("target", target, "actif", ago(30, 900), "")]
    refused = set(target_overrides) - (set(COLUMNS) - {"role", "record_id"})
    if refused:
        raise ValueError(f"target_overrides: unknown or fixed fields {sorted(refused)}")
    rows[0].update({k: str(v) for k, v in target_overrides.items()})
    rows += _lookalike_rows(rng, ago, target, lookalikes, match, today)
    for i in range(1, duplicates + 1):
        twin = make_lookalike(rng.randrange(10**9), target, "duplicate", today)
        rows.append(_row(f"duplicate-{i}", twin, "actif", ago(30, 1500), ""))
    for i in range(1, outdated + 1):
        old = make_lookalike(rng.randrange(10**9), target, "outdated", today)
        status = "inactif" if rng.random() < 0.6 else "actif"
        notes = _OLD_NOTES[target.language] if rng.random() < 0.5 else ""
        rows.append(_row(f"outdated-{i}", old, status, ago(3 * 365, 9 * 365), notes))
    rows += _background_rows(rng, ago, target, background, today)
    for role, status, fields in extra:  # records the scenario describes field by field
        rows.append(_extra_row(role, status, dict(fields), ago(30, 1500)))
    rng.shuffle(rows)
    for n, row in enumerate(rows, start=1):
        row["record_id"] = f"R{n:04d}"
    rows.sort(key=lambda r: r["record_id"])
    return rows
