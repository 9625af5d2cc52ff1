"""Read a rubric file with the project's YAML reader: a broken rubric gives positioned errors, never a traceback."""

from __future__ import annotations

import hashlib
from importlib import resources
from pathlib import Path

from scoring.rubric import LoadedRubric, Rubric
from simulator.scenario.diagnostics import Diagnostic, has_errors
from simulator.scenario.validation import validate
from simulator.scenario.yamlsource import read_yaml

#: The rubric shipped with callsim.
DEFAULT_RUBRIC = "rubrics/default.yaml"


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
        raise RubricError([Diagnostic(shown, 1, 1, "error", "unreadable-file",
                                      {"problem": exc.strerror or str(exc)})]) from None
    return rubric_from_bytes(raw, shown)


def default_rubric() -> LoadedRubric:
    """The shipped default rubric."""
    resource = resources.files("scoring").joinpath(DEFAULT_RUBRIC)
    return rubric_from_bytes(resource.read_bytes(), f"scoring/{DEFAULT_RUBRIC}")


def rubric_from_bytes(raw: bytes, path: str) -> LoadedRubric:
    """Validate a rubric's bytes (``path`` is only shown in diagnostics)."""
    doc = read_yaml(raw, path)
    diagnostics = list(doc.diagnostics)
    if doc.data is None or has_errors(diagnostics):
        raise RubricError(diagnostics)
    model, problems = validate(Rubric, doc.data, doc.source_map, path)
    diagnostics += problems
    if model is not None:
        diagnostics += _unknown_codes(model, doc, path)
    errors = [d for d in diagnostics if d.severity == "error"]
    if model is None or errors:
        raise RubricError(errors or diagnostics)
    return LoadedRubric(model, path, hashlib.sha256(raw).hexdigest())  # type: ignore[arg-type]


def _unknown_codes(model: Rubric, doc: object, path: str) -> list[Diagnostic]:
    """Overrides must name competencies of the référentiel."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    found = []
    for code in model.overrides:
        if not referentiel.is_code(code):
            at = doc.source_map.key(("overrides", code))  # type: ignore[attr-defined]
            found.append(Diagnostic(path, at.line, at.column, "error", "unknown-competency", {"competency": code}))
    return found
