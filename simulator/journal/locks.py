"""Per-session exclusive claims via ``flock`` on lock files, released by the OS on process death."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from simulator.journal.errors import SessionInUse
from simulator.journal.store import Claim
from simulator.journal.validation import validate_session_id

_HOLDER_MAX_BYTES = 512


@contextmanager
def claim_session(lock_dir: Path, session_id: str, owner: str) -> Iterator[Claim]:
    """Hold ``<lock_dir>/<session_id>.lock`` exclusively for the ``with`` block.

    ``flock`` locks belong to the open file description, so a second claim fails whether it
    comes from another process or from another store instance (or call) in this process.
    Lock files are never deleted: unlinking a lock file races with other claimants.
    """
    validate_session_id(session_id)
    lock_dir.mkdir(parents=True, exist_ok=True)
    path = lock_dir / f"{session_id}.lock"
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SessionInUse(session_id, _read_holder(fd)) from None
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{owner} pid={os.getpid()}\n".encode(), 0)
            yield Claim(session_id=session_id, owner=owner)
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


@contextmanager
def creation_lock(lock_dir: Path) -> Iterator[None]:
    """Hold ``<lock_dir>/.create.lock`` (blocking) while a store file is opened, created and checked.

    Two seats opening a store that does not exist yet would otherwise both try to give it its
    schema; with this lock the second waits a few milliseconds and then opens the finished store.
    (The name starts with a dot: no session id can take it.)
    """
    lock_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_dir / ".create.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_holder(fd: int) -> str:
    """Best-effort description of the current holder, as written in the lock file."""
    try:
        raw = os.pread(fd, _HOLDER_MAX_BYTES, 0)
    except OSError:
        return ""
    return raw.decode("utf-8", errors="replace").strip()
