"""Files only their owner may read: stores, logs, keys, seals and exports are created 0600, folders 0700.

Whatever the umask of the account that runs callsim, ``private_umask()`` (around every command)
makes every file the process creates owner-only, and ``write_private`` / ``private_folder`` do the
same explicitly for what must never be readable by others (keys, seals, exports).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: What the process's umask becomes: no access at all for the group and the others.
PRIVATE_UMASK = 0o077


@contextmanager
def private_umask() -> Iterator[None]:
    """Run the block with umask 077 (files 0600, folders 0700), then restore the previous umask."""
    previous = os.umask(PRIVATE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


def private_folder(path: str | Path) -> Path:
    """Create ``path`` (and missing parents) 0700; an existing folder of ours is tightened to 0700."""
    folder = Path(path)
    previous = os.umask(PRIVATE_UMASK)
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    finally:
        os.umask(previous)
    if folder.stat().st_uid == os.getuid():
        folder.chmod(0o700)
    return folder


def write_private(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` as a 0600 file (its folder 0700 when created here), replacing it atomically."""
    target = Path(path)
    if not target.parent.exists():
        private_folder(target.parent)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "wb") as handle:
            fd = -1
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        temporary.unlink(missing_ok=True)
        raise
    return target


def create_private(path: str | Path) -> Path:
    """Create ``path`` empty and 0600 if it does not exist yet (a store about to be opened); never truncate."""
    target = Path(path)
    if not target.parent.exists():
        private_folder(target.parent)
    try:
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return target
    os.fchmod(fd, 0o600)
    os.close(fd)
    return target
