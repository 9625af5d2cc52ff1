"""Find the épreuve files a session was played on (to replay it) or an épreuve by name (to simulate one)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from scoring.score import ScoringError
from simulator.journal.events import SessionHeader


def source_root() -> Path:
    """The folder holding ``scenarios/`` when callsim runs from its source tree."""
    return Path(__file__).resolve().parents[1]


def _roots() -> list[Path]:
    return list(dict.fromkeys([Path.cwd(), source_root()]))


def epreuve_file(name_or_path: str) -> str:
    """A path given as is, or ``NAME`` → ``scenarios/epreuves/NAME.yaml`` (from here, else the source tree)."""
    given = Path(name_or_path)
    if given.suffix in (".yaml", ".yml") or len(given.parts) > 1:
        if not given.is_file():
            raise ScoringError("unknown-epreuve", f"fichier d'épreuve introuvable : {name_or_path}",
                               f"épreuve file not found: {name_or_path}")
        return str(given)
    relative = Path("scenarios") / "epreuves" / f"{name_or_path}.yaml"
    if relative.is_file():
        return str(relative)
    shipped = source_root() / relative
    if shipped.is_file():
        return str(shipped)
    known = sorted(p.stem for root in _roots() for p in (root / "scenarios" / "epreuves").glob("*.yaml"))
    listed = ", ".join(dict.fromkeys(known)) or "—"
    raise ScoringError("unknown-epreuve", f"épreuve inconnue « {name_or_path} » (connues : {listed})",
                       f"unknown épreuve '{name_or_path}' (known: {listed})")


def load_epreuve(path: str, *, single_scenario: bool = False) -> Any:
    """Load an épreuve (or one scenario as a one-contact épreuve); errors become ``ScoringError``."""
    resolved = Path(path).resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as exc:
        raise ScoringError("unknown-epreuve", f"épreuve illisible : {path} ({exc.strerror})",
                           f"cannot read the épreuve: {path} ({exc.strerror})") from None
    return _load(str(resolved), stamp, single_scenario, path)


@functools.lru_cache(maxsize=16)
def _load(resolved: str, _stamp: int, single: bool, shown: str) -> Any:
    from simulator.engine.bundle import BundleError, load_bundle, single_scenario_bundle

    try:
        return single_scenario_bundle(shown) if single else load_bundle(shown)
    except BundleError as exc:
        first = exc.diagnostics[0] if exc.diagnostics else None
        fr = first.format("fr", with_hint=False) if first else shown
        en = first.format("en", with_hint=False) if first else shown
        raise ScoringError("invalid-epreuve", f"l'épreuve ne se charge pas : {fr}", f"the épreuve does not load: {en}") from None


def bundle_for(header: SessionHeader, override: str | None = None) -> Any:
    """The épreuve a session was played on, as it is now on disk (``override`` names it explicitly)."""
    recorded = str(header.extra.get("epreuve_path", ""))
    single = header.extra.get("source") == "scenario"
    candidates = [override] if override else []
    if recorded:
        candidates.append(recorded)
        if not Path(recorded).is_absolute():
            candidates += [str(root / recorded) for root in _roots()]
        candidates += [str(root / "scenarios" / "epreuves" / Path(recorded).name) for root in _roots()]
    for candidate in dict.fromkeys(candidates):
        if Path(candidate).is_file():
            return load_epreuve(candidate, single_scenario=single)
    raise ScoringError("unknown-epreuve",
                       f"fichiers de l'épreuve introuvables ({recorded or '—'}) : indiquez-les avec --epreuve",
                       f"the épreuve's files were not found ({recorded or '—'}): name them with --epreuve")
