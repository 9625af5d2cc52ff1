"""The trainers' checker: treats scenario and épreuve files like source code, with positioned diagnostics."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from simulator.scenario.checker.callvars import check_call_variables
from simulator.scenario.checker.competencies import check_competencies
from simulator.scenario.checker.confidential import check_confidential
from simulator.scenario.checker.context import FileContext
from simulator.scenario.checker.coverage import check_epreuve
from simulator.scenario.checker.graph import check_graph
from simulator.scenario.checker.items import ITEM_CODES, check_items
from simulator.scenario.checker.items_tools import check_tool_items
from simulator.scenario.checker.judging import check_judging
from simulator.scenario.checker.passable import check_passable, check_unique_ids
from simulator.scenario.checker.references import check_references
from simulator.scenario.checker.testplans import check_testplan
from simulator.scenario.checker.texts import check_texts
from simulator.scenario.diagnostics import Diagnostic, has_errors, sort_diagnostics
from simulator.scenario.loader import LoadedFile, load_file
from simulator.scenario.variants.draw import label
from simulator.scenario.variants.spec import LAYER_KEYS

SUFFIXES = (".yaml", ".yml")


#: What the item analysis (warnings on choice points a cue answers) does in a check run:
#: ``off`` — not run; ``warn`` — reported, but ``--strict`` does not count it; ``strict`` — reported,
#: and ``--strict`` counts it like every other warning.
ITEM_MODES = ("off", "warn", "strict")


def is_item_diagnostic(diagnostic: Diagnostic) -> bool:
    """True for the warnings of the item analysis (cues, facts handed over, rescues, claimed tool work)."""
    return diagnostic.code in ITEM_CODES


@dataclass
class CheckReport:
    """The outcome of checking some files: which files, and every diagnostic sorted by position."""

    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    items: str = "off"

    def failed(self, *, strict: bool = False) -> bool:
        """Any error; under ``strict`` any warning too (item-analysis warnings only in ``strict`` item mode)."""
        counted = [
            d for d in self.diagnostics if self.items == "strict" or not is_item_diagnostic(d)
        ]
        return has_errors(counted, strict=strict)


class FileCache:
    """Loads each file once per check run (épreuves refer to scenarios that are also checked)."""

    def __init__(self, *, items: bool = False) -> None:
        self._loaded: dict[Path, LoadedFile] = {}
        self.items = items

    def load(self, path: Path, display: str | None = None) -> LoadedFile:
        key = path.resolve()
        if key not in self._loaded:
            known = _known_scenario(key, display, self.items)
            if known is not None:
                self._loaded[key] = known
                return known
            # Cached before it is checked: a file that names itself (a plan whose ``scenario`` is
            # the plan file) finds itself being checked instead of loading itself forever.
            self._loaded[key] = load_file(path, display)
            check_loaded(self._loaded[key], self, items=self.items)
            _remember_scenario(key, display, self.items, self._loaded[key])
        return self._loaded[key]


#: Scenario files checked in this process, by path, name shown, item analysis and SHA-256 of their
#: bytes: a scenario refers to no other file, so the same bytes check the same (a scenario with
#: variants checks every form, which the épreuves and plans that use it would otherwise redo).
_CHECKED: dict[tuple[Path, str | None, bool, str], LoadedFile] = {}


def _known_scenario(key: Path, display: str | None, items: bool) -> LoadedFile | None:
    if not _CHECKED:
        return None
    try:
        digest = hashlib.sha256(key.read_bytes()).hexdigest()
    except OSError:
        return None
    return _CHECKED.get((key, display, items, digest))


def _remember_scenario(key: Path, display: str | None, items: bool, loaded: LoadedFile) -> None:
    if loaded.kind != "scenario" or not loaded.sha256:
        return
    if len(_CHECKED) > 256:
        _CHECKED.clear()
    _CHECKED[(key, display, items, loaded.sha256)] = loaded


def check_loaded(
    loaded: LoadedFile, cache: FileCache | None = None, *, items: bool = False
) -> LoadedFile:
    """Run the semantic checks on a loaded file (only when it validated) and add their diagnostics;
    ``items`` adds the item analysis of its choice points."""
    if loaded.model is None:
        return loaded
    ctx = FileContext(loaded.path, loaded.source_map)
    if loaded.kind == "scenario":
        scenario = loaded.model
        graph_usable = check_graph(scenario, ctx)
        check_references(scenario, ctx)
        if graph_usable:
            check_competencies(scenario, ctx)
        data = {k: v for k, v in loaded.data.items() if k not in LAYER_KEYS}
        check_texts(scenario, data, ctx)
        check_call_variables(scenario, data, ctx)
        check_judging(scenario, ctx)
        check_confidential(scenario, ctx)
        check_passable(scenario, ctx)
        check_unique_ids(scenario, ctx)
        if items:
            check_items(scenario, ctx)
            check_tool_items(scenario, ctx)
        for form in loaded.forms:
            ctx.diagnostics.extend(
                _form_diagnostics(form, ctx.diagnostics + loaded.diagnostics, cache, items)
            )
    elif loaded.kind == "epreuve":
        check_epreuve(loaded, ctx, cache or FileCache())
    elif loaded.kind == "testplan":
        check_testplan(loaded, ctx, cache or FileCache())
    loaded.diagnostics.extend(ctx.diagnostics)
    if has_errors(ctx.diagnostics):
        loaded.model = None if loaded.kind != "epreuve" else loaded.model
    return loaded


def _form_diagnostics(
    form: LoadedFile, known: list[Diagnostic], cache: FileCache | None, items: bool = False
) -> list[Diagnostic]:
    """Check one form of a scenario like a scenario of its own; what the file as written already
    reports is not repeated for every form, and what is new names the variant."""
    shown = label(form.variant)
    if form.model is not None:
        before = len(form.diagnostics)
        check_loaded(form, cache, items=items)
        form.diagnostics[before:] = [replace(d, variant=shown) for d in form.diagnostics[before:]]
    seen = {_unvaried(d) for d in known}
    return [d for d in form.diagnostics if _unvaried(d) not in seen]


def _unvaried(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.column, d.code, d.severity, repr(sorted(dict(d.params).items())))


def expand(paths: Iterable[str | Path]) -> list[Path]:
    """Files named, plus every YAML file under folders named (sorted, hidden folders skipped)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # Only the parts below the folder named count: ``..`` or a hidden folder above it
            # (``~/.local/…``) must not hide every file.
            found.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.suffix in SUFFIXES
                and p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            found.append(path)
    return found


def check_paths(paths: Sequence[str | Path], *, items: str = "off") -> CheckReport:
    """Check files and folders; every diagnostic of every file, sorted. ``items`` is one of ``ITEM_MODES``."""
    cache = FileCache(items=items != "off")
    report = CheckReport(items=items)
    for path in expand(paths):
        loaded = cache.load(path, str(path))
        report.files.append(str(path))
        report.diagnostics.extend(loaded.diagnostics)
    report.diagnostics = sort_diagnostics(report.diagnostics)
    return report


def load_checked(path: str | Path) -> LoadedFile:
    """Load and fully check one file (the model is None if it has errors)."""
    return FileCache().load(Path(path), str(path))
