"""Read a rubric file with the project's YAML reader: a broken rubric gives positioned errors, never a traceback."""

from __future__ import annotations

import functools
import hashlib
from importlib import resources
from pathlib import Path

from scoring.rubric import LoadedRubric, Rubric
from scoring.rubric2 import Rubric2
from simulator.scenario.diagnostics import Diagnostic, has_errors
from simulator.scenario.validation import validate
from simulator.scenario.yamlsource import read_yaml

#: The rubrics shipped with callsim, by major version; new scoring uses ``DEFAULT_RUBRIC``.
SHIPPED_RUBRICS = {"1": "rubrics/default.yaml", "2": "rubrics/criteres.yaml"}
DEFAULT_RUBRIC = SHIPPED_RUBRICS["2"]


class RubricError(Exception):
    """A rubric file cannot be used; ``diagnostics`` say where and why (file:line:column)."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        super().__init__("\n".join(d.format("en", with_hint=False) for d in diagnostics))

    def lines(self, lang: str = "fr") -> list[str]:
        """Every diagnostic as a compiler-style line with its hint."""
        return [d.format(lang) for d in self.diagnostics]


def load_rubric(path: str | Path) -> LoadedRubric:
    """Read and validate the rubric at ``path``; raise ``RubricError`` on any problem."""
    shown = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise RubricError(
            [
                Diagnostic(
                    shown, 1, 1, "error", "unreadable-file", {"problem": exc.strerror or str(exc)}
                )
            ]
        ) from None
    return rubric_from_bytes(raw, shown)


def default_rubric() -> LoadedRubric:
    """The shipped default rubric (rubric 2: criteria and decision rules)."""
    return shipped_rubric("2")


@functools.cache
def shipped_rubric(major: str) -> LoadedRubric:
    """A rubric shipped with callsim by major version ("1": shares, "2": criteria); ``KeyError`` otherwise.

    Read and validated once per process: every score, rescore and review asks for it.
    """
    name = SHIPPED_RUBRICS[major]
    resource = resources.files("scoring").joinpath(name)
    return rubric_from_bytes(resource.read_bytes(), f"scoring/{name}")


def shipped_rubric_by_hash(sha256: str) -> LoadedRubric | None:
    """The shipped rubric whose file has this SHA-256 (the one a grille records), or None."""
    for major in SHIPPED_RUBRICS:
        rubric = shipped_rubric(major)
        if rubric.sha256 == sha256:
            return rubric
    return None


def rubric_from_bytes(raw: bytes, path: str) -> LoadedRubric:
    """Validate a rubric's bytes (``path`` is only shown in diagnostics)."""
    doc = read_yaml(raw, path)
    diagnostics = list(doc.diagnostics)
    if doc.data is None or has_errors(diagnostics):
        raise RubricError(diagnostics)
    kind = doc.data.get("callsim") if isinstance(doc.data, dict) else None
    model, problems = validate(
        Rubric2 if kind == "rubric/2" else Rubric, doc.data, doc.source_map, path
    )
    diagnostics += problems
    if isinstance(model, Rubric | Rubric2):
        diagnostics += _unknown_codes(model, doc, path)
    errors = [d for d in diagnostics if d.severity == "error"]
    if model is None or errors:
        raise RubricError(errors or diagnostics)
    return LoadedRubric(model, path, hashlib.sha256(raw).hexdigest())


def _unknown_codes(model: Rubric | Rubric2, doc: object, path: str) -> list[Diagnostic]:
    """Overrides (rubric 1) and criteria (rubric 2) must name competencies of the référentiel."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    found = []
    section = "competencies" if isinstance(model, Rubric2) else "overrides"
    for code in getattr(model, section):
        if not referentiel.is_code(code):
            at = doc.source_map.key((section, code))  # type: ignore[attr-defined]
            found.append(
                Diagnostic(
                    path, at.line, at.column, "error", "unknown-competency", {"competency": code}
                )
            )
    return found
