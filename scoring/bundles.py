"""Find the épreuve files a session was played on (to replay it) or an épreuve by name (to simulate one)."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
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
    """Load an épreuve (or one scenario as a one-contact épreuve); errors become ``ScoringError``.

    A bundle loaded before is handed out again while every file it was built from (the épreuve's
    and its scenarios') is the file it was read from: same inode, size, modification and change
    times (see ``_Memo``). Anything else loads the files again.
    """
    key = _key(path, single_scenario)
    memo = _MEMOS.get(key)
    if memo is not None and memo.fresh():
        return memo.bundle
    try:
        os.stat(path)
    except OSError as exc:
        why = Message(
            N_("cannot read the épreuve: {path} ({reason})"), path=path, reason=exc.strerror
        )
        raise ScoringError("unknown-epreuve", why) from None
    bundle = _load(single_scenario, path)
    memo = _Memo.of(bundle, os.path.abspath(path))
    if memo is not None:
        _MEMOS.pop(key, None)
        _MEMOS[key] = memo
        while len(_MEMOS) > _MEMO_SIZE:  # the oldest first
            _MEMOS.pop(next(iter(_MEMOS)), None)
    return bundle


def _key(path: str, single: bool) -> tuple[str, str, bool]:
    """A memo's key: the path as given (the bundle records it), where a relative one starts from."""
    return (path, "" if os.path.isabs(path) else os.getcwd(), single)


def _load(single: bool, shown: str) -> Any:
    from simulator.engine.bundle import BundleError, load_bundle, single_scenario_bundle

    try:
        return single_scenario_bundle(shown) if single else load_bundle(shown)
    except BundleError as exc:
        first = exc.diagnostics[0] if exc.diagnostics else None
        reason = Quoted(lambda lang: first.format(lang, with_hint=False)) if first else shown
        raise ScoringError(
            "invalid-epreuve", Message(N_("the épreuve does not load: {reason}"), reason=reason)
        ) from None


def _stamp(path: str) -> tuple[int, int, int, int] | None:
    """What changes when a file is written, replaced or moved: inode, size, modification and change
    times (the change time cannot be set back by a program); None when it cannot be read."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


@dataclass(frozen=True)
class _Memo:
    """A loaded bundle and the stamp of each file it was built from, taken when their bytes were
    checked to be the ones the bundle holds the SHA-256 of."""

    bundle: Any
    stamps: tuple[tuple[str, tuple[int, int, int, int]], ...]

    @classmethod
    def of(cls, bundle: Any, path: str) -> _Memo | None:
        """The memo of ``bundle`` loaded from ``path``; None when a file is already not what it holds."""
        hashes = {path: bundle.sha256}
        for contact in bundle.contacts:
            hashes.setdefault(os.path.abspath(contact.path), contact.sha256)
        stamps = []
        for name, sha in hashes.items():
            stamp = _stamp(name)
            try:
                raw = Path(name).read_bytes()
            except OSError:
                return None
            if stamp is None or hashlib.sha256(raw).hexdigest() != sha or _stamp(name) != stamp:
                return None
            stamps.append((name, stamp))
        return cls(bundle, tuple(stamps))

    def fresh(self) -> bool:
        """Whether every file is still the one the bundle was built from."""
        return all(_stamp(name) == stamp for name, stamp in self.stamps)


_MEMO_SIZE = 16
_MEMOS: dict[tuple[str, str, bool], _Memo] = {}


def bundle_for(header: SessionHeader, override: str | None = None) -> Any:
    """The épreuve a session was played on, as it is now on disk (``override`` names it explicitly)."""
    recorded = str(header.extra.get("epreuve_path", ""))
    single = header.extra.get("source") == "scenario"
    first = override or recorded
    if first:  # the usual case, once per session of a batch: the file found and loaded before
        memo = _MEMOS.get(_key(first, single))
        if memo is not None and memo.fresh():
            return memo.bundle
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
