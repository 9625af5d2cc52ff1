"""Find the épreuve files a session was played on (to replay it) or an épreuve by name (to simulate one)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scoring.quoted import Quoted
from scoring.score import ScoringError
from simulator.i18n import N_, Message
from simulator.journal.events import SessionHeader


def _roots() -> list[Path]:
    from simulator.engine.bundle import source_root

    return list(dict.fromkeys([Path.cwd(), source_root()]))


def epreuve_file(name_or_path: str) -> str:
    """The épreuve file ``simulator.engine.bundle.epreuve_path`` finds; ``ScoringError`` when there is none."""
    from simulator.engine.bundle import UnknownEpreuve, epreuve_path

    try:
        return str(epreuve_path(name_or_path))
    except UnknownEpreuve as exc:
        raise ScoringError("unknown-epreuve", _unknown(exc)) from None


def _unknown(exc: Any) -> Message:
    """What the engine's ``UnknownEpreuve`` says: a path that is not there, or a name and the known ones."""
    given = Path(exc.given)
    if given.suffix in (".yaml", ".yml") or len(given.parts) > 1:
        return Message(N_("épreuve file not found: {given}"), given=exc.given)
    return Message(
        N_("unknown épreuve '{given}' (known: {known})"),
        given=exc.given,
        known=", ".join(exc.known) or "—",
    )


def load_epreuve(path: str, *, single_scenario: bool = False) -> Any:
    """Load an épreuve (or one scenario as a one-contact épreuve); errors become ``ScoringError``."""
    resolved = Path(path).resolve()
    try:
        stamp = resolved.stat().st_mtime_ns
    except OSError as exc:
        why = Message(
            N_("cannot read the épreuve: {path} ({reason})"), path=path, reason=exc.strerror
        )
        raise ScoringError("unknown-epreuve", why) from None
    return _load(str(resolved), stamp, single_scenario, path)


@functools.lru_cache(maxsize=16)
def _load(resolved: str, _stamp: int, single: bool, shown: str) -> Any:
    from simulator.engine.bundle import BundleError, load_bundle, single_scenario_bundle

    try:
        return single_scenario_bundle(shown) if single else load_bundle(shown)
    except BundleError as exc:
        first = exc.diagnostics[0] if exc.diagnostics else None
        reason = Quoted(lambda lang: first.format(lang, with_hint=False)) if first else shown
        raise ScoringError(
            "invalid-epreuve", Message(N_("the épreuve does not load: {reason}"), reason=reason)
        ) from None


def bundle_for(header: SessionHeader, override: str | None = None) -> Any:
    """The épreuve a session was played on, as it is now on disk (``override`` names it explicitly)."""
    recorded = str(header.extra.get("epreuve_path", ""))
    single = header.extra.get("source") == "scenario"
    for candidate in _candidates(override, recorded):
        if Path(candidate).is_file():
            return load_epreuve(candidate, single_scenario=single)
    why = Message(
        N_("the épreuve's files were not found ({recorded}): name them with --epreuve"),
        recorded=recorded or "—",
    )
    raise ScoringError("unknown-epreuve", why)


def _candidates(override: str | None, recorded: str) -> Iterator[str]:
    """Where the épreuve may be, most likely first (the library is searched last, only if need be)."""
    from simulator.library import epreuve_files

    if override:
        yield override
    if not recorded:
        return
    yield recorded
    if not Path(recorded).is_absolute():
        yield from (str(root / recorded) for root in _roots())
    yield from (str(e.path) for e in epreuve_files() if e.path.name == Path(recorded).name)
