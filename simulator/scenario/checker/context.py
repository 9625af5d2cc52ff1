"""What every check of one file shares: the file path, its source map and the diagnostics found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from simulator.scenario.diagnostics import Diagnostic, Severity
from simulator.scenario.yamlsource import Path, SourceMap


@dataclass
class FileContext:
    """Collects diagnostics for one file, positioned through its source map."""

    path: str
    smap: SourceMap
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def report(
        self, where: Path, severity: Severity, code: str, *, on_key: bool = False, **params: Any
    ) -> None:
        """Add a diagnostic at the value (or the key) found at data path ``where``."""
        pos = self.smap.key(where) if on_key else self.smap.value(where)
        self.diagnostics.append(Diagnostic(self.path, pos.line, pos.column, severity, code, params))

    def error(self, where: Path, code: str, **params: Any) -> None:
        self.report(where, "error", code, **params)

    def warning(self, where: Path, code: str, **params: Any) -> None:
        self.report(where, "warning", code, **params)
