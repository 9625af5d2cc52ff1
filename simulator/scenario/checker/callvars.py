"""Checks of call variables and of the format version (scenario/1.1): every variable set is declared,
and a file using what 1.1 adds says ``callsim: scenario/1.1``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Scenario
from simulator.scenario.rulebook import engine_rules
from simulator.scenario.yamlsource import Path

#: Keys that only the 1.1 format knows; ``variables`` and ``on_tool`` at the top of the file only.
NEW_KEYS = frozenset({"when", "set", "branches", "generator"})
#: Keys new in 1.1 inside a mapping of one kind only (``type: appointment_booked``…).
NEW_KEYS_OF = {
    "appointment_booked": frozenset({"calendars", "count", "min_minutes"}),
    "form_submitted": frozenset({"typed"}),
}
#: Keys new in 1.1 under one parent key.
NEW_KEYS_UNDER = {
    "persona": frozenset({"commune", "province"}),
    "customer_db": frozenset({"distractors", "lookalike_match", "search_notes"}),
}
TOP_KEYS = frozenset({"variables", "on_tool"})
#: Mappings whose keys are the trainer's own names (a node or form field may be called « set »).
_NAMED = frozenset(
    {"nodes", "fields", "target_overrides", "facts", "references", "variables", "set"}
)


def check_call_variables(scenario: Scenario, data: dict[str, Any], ctx: FileContext) -> None:
    """Report variables set but not declared, and 1.1 keys in a file that says ``scenario/1``."""
    declared = set(scenario.variables)
    for where, names in _settings(data):
        for name in names:
            if name not in declared:
                ctx.error(
                    (*where, name),
                    "undeclared-call-variable",
                    on_key=True,
                    name=name,
                    declared=", ".join(sorted(declared)) or "—",
                )
    spec = scenario.persona
    pinned = spec.commune is not None or spec.province is not None
    if pinned and not engine_rules().known_place(spec.commune, spec.province):
        ctx.error(
            ("persona", "commune" if spec.commune else "province"),
            "unknown-commune",
            commune=spec.commune or "—",
            province=spec.province or "Belgique",
        )
    if scenario.callsim == "scenario/1":
        for where in _new_keys(data, ()):
            ctx.error(where, "newer-format", on_key=True, key=where[-1])
            break


def _settings(data: Any) -> list[tuple[Path, list[str]]]:
    """Each ``set:`` mapping of ``data`` (its path, the names it sets), in the file's order."""
    found: list[tuple[Path, list[str]]] = []

    def visit(value: Any, path: Path) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                if key == "set" and isinstance(child, dict):
                    found.append(((*path, key), [str(k) for k in child]))
                else:
                    visit(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                visit(child, (*path, index))

    visit(data, ())
    return found


def _new_keys(value: Any, path: Path) -> Iterator[Path]:
    if isinstance(value, dict):
        for key, child in value.items():
            named = bool(path) and path[-1] in _NAMED
            of_kind = NEW_KEYS_OF.get(str(value.get("type")), frozenset()) | NEW_KEYS_UNDER.get(
                str(path[-1]) if path else "", frozenset()
            )
            if (key in NEW_KEYS and not named) or (key in TOP_KEYS and not path) or key in of_kind:
                yield (*path, key)
            yield from _new_keys(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _new_keys(child, (*path, index))
