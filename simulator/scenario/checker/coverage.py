"""Épreuve checks: its contacts exist and are valid, and every competency gets enough chances to be observed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from simulator.i18n import N_, Message
from simulator.referentiel import get_referentiel
from simulator.scenario.checker.competencies import observable
from simulator.scenario.checker.context import FileContext
from simulator.scenario.diagnostics import has_errors
from simulator.scenario.loader import LoadedFile
from simulator.scenario.models import Epreuve, Scenario

if TYPE_CHECKING:
    from simulator.scenario.checker import FileCache


@dataclass(frozen=True)
class CoverageMatrix:
    """Competency × contact: which contacts give each competency a chance to be observed."""

    scenario_ids: tuple[str, ...]
    chances: dict[str, tuple[str, ...]]  # competency code → ids of scenarios that can observe it
    required: int

    def count(self, code: str) -> int:
        return len(self.chances.get(code, ()))

    def short(self) -> list[str]:
        """Competencies with fewer chances than required, in référentiel order."""
        return [c for c in get_referentiel().codes if self.count(c) < self.required]


def coverage(scenarios: Sequence[Scenario], required: int = 2) -> CoverageMatrix:
    """Count, per competency, the distinct scenarios that claim it and can observe it positively."""
    chances: dict[str, list[str]] = {code: [] for code in get_referentiel().codes}
    seen: list[str] = []
    for scenario in scenarios:
        if scenario.id in seen:
            continue
        seen.append(scenario.id)
        table = observable(scenario)
        for code in scenario.competencies:
            if code in chances and table.get(code, (False, False))[0]:
                chances[code].append(scenario.id)
    return CoverageMatrix(tuple(seen), {k: tuple(v) for k, v in chances.items()}, required)


def resolve_contact(epreuve_path: str, reference: str) -> Path:
    """A contact's scenario path, relative to the épreuve file's folder."""
    return Path(epreuve_path).parent / reference


def check_epreuve(loaded: LoadedFile, ctx: FileContext, cache: FileCache) -> None:
    """Report missing or invalid scenarios, duplicates, duration and short coverage."""
    epreuve: Epreuve = loaded.model
    scenarios, ids = _contact_scenarios(loaded, ctx, cache)
    for index, entry in enumerate(epreuve.contacts):
        if entry.after is not None and entry.after not in ids:
            ctx.error(
                ("contacts", index, "after"),
                "dangling-reference",
                kind=Message(N_("contact")),
                target=entry.after,
                advice=Message(
                    "Give the id of a scenario of the épreuve ({ids}).", ids=", ".join(ids)
                ),
            )
    total = sum(scenario.duration_minutes for scenario in scenarios)
    if total > epreuve.time_limit_minutes:
        ctx.warning(
            ("time_limit_minutes",),
            "duration-exceeds",
            total=total,
            limit=epreuve.time_limit_minutes,
        )
    if epreuve.mode == "exam":
        matrix = coverage(scenarios, epreuve.min_chances)
        for code in matrix.short():
            ctx.error(
                ("contacts",),
                "coverage-short",
                competency=code,
                count=matrix.count(code),
                required=matrix.required,
            )


def _contact_scenarios(
    loaded: LoadedFile, ctx: FileContext, cache: FileCache
) -> tuple[list[Scenario], dict[str, int]]:
    """The épreuve's valid scenarios, each once, and the index of each id's contact (reporting the others)."""
    epreuve: Epreuve = loaded.model
    scenarios: list[Scenario] = []
    ids: dict[str, int] = {}
    for index, entry in enumerate(epreuve.contacts):
        where = ("contacts", index, "scenario")
        target = resolve_contact(loaded.path, entry.scenario)
        if not target.is_file():
            ctx.error(
                where,
                "dangling-reference",
                kind=Message(N_("scenario")),
                target=entry.scenario,
                advice=Message("The path is relative to the épreuve's folder."),
            )
            continue
        scenario_file = cache.load(target, str(target))
        if (
            scenario_file.kind != "scenario"
            or scenario_file.model is None
            or has_errors(scenario_file.diagnostics)
        ):
            ctx.error(where, "scenario-invalid", target=entry.scenario)
            loaded.diagnostics.extend(scenario_file.diagnostics)
            continue
        scenario = scenario_file.model
        if scenario.id in ids:
            ctx.warning(where, "duplicate-contact", scenario=scenario.id)
            continue
        ids[scenario.id] = index
        scenarios.append(scenario)
    return scenarios, ids


def load_epreuve_scenarios(loaded: LoadedFile, cache: FileCache) -> list[Scenario]:
    """The valid scenarios of an épreuve, in its order (for coverage reports and sessions)."""
    result = []
    for entry in loaded.model.contacts:
        target = resolve_contact(loaded.path, entry.scenario)
        if target.is_file():
            scenario_file = cache.load(target, str(target))
            if scenario_file.model is not None and scenario_file.kind == "scenario":
                result.append(scenario_file.model)
    return result
