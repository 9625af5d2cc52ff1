"""Positioned diagnostics (``path:line:column: severity: message [code]``) for trainers' files."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from simulator.i18n import N_, translator
from simulator.scenario.messages import render

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a file, at a 1-based line and column, with a stable code."""

    path: str
    line: int
    column: int
    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)
    #: The scenario form it was found in (``cause=adresse, objection=prix``), empty for the file as written.
    variant: str = ""

    def message(self, lang: str = "fr") -> str:
        """The plain-language message in ``lang`` (fr, nl or en)."""
        return render(self.code, "message", lang, self.params)

    def hint(self, lang: str = "fr") -> str:
        """What to do about it, in ``lang``."""
        return render(self.code, "hint", lang, self.params)

    def format(self, lang: str = "fr", *, with_hint: bool = True) -> str:
        """The compiler-style line, followed by an indented hint."""
        form = (
            f" [{'variante' if lang == 'fr' else 'variant'} {self.variant}]" if self.variant else ""
        )
        head = (
            f"{self.path}:{self.line}:{self.column}{form}: {self.severity}: "
            f"{self.message(lang)} [{self.code}]"
        )
        hint = self.hint(lang) if with_hint else ""
        label = translator("checker", lang)(N_("hint"))
        return f"{head}\n    {label}: {hint}" if hint else head

    def to_json(self, lang: str = "fr") -> dict[str, Any]:
        """A JSON-able dict for tools (``--format json``); ``file`` and ``path`` both name the file."""
        found = {
            "file": self.path,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message(lang),
            "hint": self.hint(lang),
        }
        if self.variant:
            found["variant"] = self.variant
        return found

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.variant)


def sort_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """File order, then position, then code; exact duplicates removed."""
    unique: dict[tuple[Any, ...], Diagnostic] = {}
    for d in diagnostics:
        key = (*d.sort_key, d.severity, json.dumps(dict(d.params), sort_keys=True, default=str))
        unique.setdefault(key, d)
    return [unique[k] for k in sorted(unique)]


def has_errors(diagnostics: Iterable[Diagnostic], *, strict: bool = False) -> bool:
    """True when any diagnostic is an error (or a warning, under ``strict``)."""
    return any(d.severity == "error" or strict for d in diagnostics)
