"""A candidate's seat: open the store, then start a new session or resume the unfinished one.

Headless (no Textual): the app, the command line and the tests use the same function, so a
closed terminal or a crash is handled exactly like a planned restart — the candidate signs in
again with the same id and finds the épreuve where the journal left it. The engine is imported
only when a seat is opened, so the app's first screen does not wait for it.

A session belongs to the seat that started it (``seat`` in its header, when the app knows its
seat) or to the seat the invigilator last moved it to (``seat_changed`` events): resuming it on
another seat raises ``OtherSeat`` until the invigilator's code is given.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simulator.engine.bundle import Bundle
    from simulator.engine.bundle_cache import Glance
    from simulator.engine.clock import Clock
    from simulator.engine.session import EpreuveSession
    from simulator.journal.sqlite_store import SqliteJournalStore
    from simulator.journal.store import JournalStore

#: Events after which a session accepts no more actions.
#: Where an exam seat reads the invigilator's code (set by the centre before the seat starts).
INVIGILATOR_ENV = "CALLSIM_INVIGILATOR_CODE"

_FINAL_EVENTS = ("session_finished", "time_up")


@dataclass(frozen=True)
class SeatRequest:
    """What the sign-in screen (or the command line) collected."""

    candidate_id: str
    epreuve: str = "practice"
    seed: int | None = None
    language: str = "fr"
    store_path: Path | None = None
    #: This seat's name (``$CALLSIM_SEAT`` or the computer's); "" when unknown (tests, scripts).
    seat: str = ""


class OtherSeat(Exception):
    """The candidate's unfinished session belongs to another seat: only the invigilator may move it here."""

    def __init__(self, session_id: str, owner: str) -> None:
        super().__init__(f"session {session_id} belongs to seat {owner!r}")
        self.session_id, self.owner = session_id, owner


def seat_name(environ: dict[str, str] | None = None) -> str:
    """This seat's name: ``$CALLSIM_SEAT`` (browser seats, several seats on one computer) or the host name."""
    import os
    import socket

    env = os.environ if environ is None else environ
    return env.get("CALLSIM_SEAT", "").strip() or socket.gethostname()


def session_seat(store: JournalStore, session_id: str) -> str:
    """The seat a session belongs to now ("" when it was started without a seat name)."""
    owner = str(store.header(session_id).extra.get("seat", ""))
    for event in store.events(session_id):
        if event.type == "seat_changed":
            owner = str(event.payload.get("to", owner))
    return owner


def unfinished_session(store: JournalStore, candidate_id: str, epreuve_id: str) -> str | None:
    """The id of this candidate's last unfinished session of this épreuve, if any."""
    found = None
    for session_id in store.session_ids():
        header = store.header(session_id)
        if header.candidate_id != candidate_id or header.epreuve_id != epreuve_id:
            continue
        last = store.last_event(session_id)
        if last is not None and last.type not in _FINAL_EVENTS:
            found = session_id
    return found


def finished_session(store: JournalStore, candidate_id: str, epreuve_id: str) -> str | None:
    """The id of this candidate's last finished session of this épreuve, if any."""
    found = None
    for session_id in store.session_ids():
        header = store.header(session_id)
        if header.candidate_id == candidate_id and header.epreuve_id == epreuve_id:
            last = store.last_event(session_id)
            if last is not None and last.type in _FINAL_EVENTS:
                found = session_id
    return found


def default_seed(candidate_id: str, epreuve_id: str) -> int:
    """A stable seed when none is given: the same candidate meets the same customers again."""
    import hashlib

    digest = hashlib.sha256(f"{candidate_id}|{epreuve_id}".encode()).digest()
    return int.from_bytes(digest[:4], "big")


def glance_at_epreuve(name_or_path: str) -> Glance | None:
    """What the épreuve's verified cache entry shows, before its models are built (None: not cached)."""
    from simulator.engine import bundle_cache
    from simulator.engine.bundle import epreuve_path

    try:
        path = epreuve_path(name_or_path)
        return bundle_cache.glance(path, path.read_bytes())
    except Exception:  # noqa: BLE001 — unknown or unreadable: loading it says why
        return None


def load_epreuve(name_or_path: str) -> Bundle:
    """The épreuve named on the command line (``practice``, ``standard`` or a file), fully checked."""
    from simulator.engine.bundle import epreuve_path, load_bundle

    return load_bundle(epreuve_path(name_or_path))


def open_seat(
    request: SeatRequest,
    store: JournalStore,
    clock: Clock,
    bundle: Bundle | None = None,
    *,
    other_seat_allowed: bool = False,
) -> EpreuveSession:
    """Resume the candidate's unfinished session of the épreuve, or start a new one.

    A finished exam is not started again: its (read-only) session is returned, and the app shows
    the end screen. A finished practice épreuve can be practised again. A session in use elsewhere
    raises ``SessionInUse``; an exam that belongs to another seat raises ``OtherSeat`` unless allowed
    (practice moves freely: there is no invigilator).
    """
    from simulator.engine.session import EpreuveSession

    bundle = bundle or load_epreuve(request.epreuve)
    previous = unfinished_session(store, request.candidate_id, bundle.epreuve.id)
    if previous is not None:
        owner = session_seat(store, previous)
        moved = owner and request.seat and owner != request.seat
        if moved and bundle.epreuve.mode == "exam" and not other_seat_allowed:
            with store.claim(previous, "callsim seat check"):  # SessionInUse while its seat is live
                pass
            raise OtherSeat(previous, owner)
        return EpreuveSession.resume(store, previous, clock=clock, bundle=bundle)
    if bundle.epreuve.mode == "exam":  # an exam is sat once: signing in again shows that it is over
        done = finished_session(store, request.candidate_id, bundle.epreuve.id)
        if done is not None:
            return EpreuveSession.resume(store, done, clock=clock, bundle=bundle)
    seed = (
        request.seed
        if request.seed is not None
        else default_seed(request.candidate_id, bundle.epreuve.id)
    )
    return EpreuveSession.start(
        bundle,
        store=store,
        clock=clock,
        candidate_id=request.candidate_id,
        seed=seed,
        language=request.language,
        seat=request.seat,
    )


def open_store(path: Path | None) -> SqliteJournalStore:
    """The store at ``path`` (the default unless one is given): a SQLite file, or a centre's PostgreSQL server."""
    from simulator.journal.backends import open_journal
    from simulator.journal.paths import default_store_path

    target = path or default_store_path()
    if isinstance(target, Path):
        target.parent.mkdir(parents=True, exist_ok=True)
    return open_journal(target)
