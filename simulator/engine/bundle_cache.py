"""Compiled épreuves kept on disk, so that an épreuve already checked once is ready at once.

An entry holds what ``load_bundle`` built from an épreuve file that had no error: the validated
models as JSON, each file's SHA-256 and path. It is found by a key made of callsim's version, the
cache format, the épreuve's path (as given and resolved) and the SHA-256 of its bytes; it is used
only if every scenario file still has the bytes it was built from. Anything else (another version,
a changed file, a truncated or edited entry) is a miss and the épreuve is checked again from its
YAML. The entries are read back through the same pydantic models (no code runs from the cache),
written atomically (a temporary file renamed), readable by the user only (folder 0700, files 0600),
and the folder can be deleted at any time.

The folder is ``$CALLSIM_CACHE_DIR`` when set, else the user's cache folder (platformdirs), in
``epreuves/``. ``CALLSIM_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ValidationError

from simulator import installed_version
from simulator.scenario.models import Epreuve, Scenario
from simulator.scenario.variants.spec import VariantLayer

if TYPE_CHECKING:
    from simulator.engine.bundle import Bundle

#: Environment variable naming the cache folder (``off``: no cache).
CACHE_ENV = "CALLSIM_CACHE_DIR"
#: Changes whenever what an entry holds changes shape.
FORMAT = 3


class _Contact(BaseModel):
    scenario: Scenario
    at_minute: int
    path: str
    sha256: str
    after: str | None = None
    layer: VariantLayer | None = None
    forms: dict[str, Scenario] = {}


class _Entry(BaseModel):
    format: int
    version: str
    key: str
    epreuve: Epreuve
    path: str
    sha256: str
    languages: tuple[str, ...]
    contacts: list[_Contact]


def cache_folder() -> Path | None:
    """Where the entries go, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen) / "epreuves"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("callsim", appauthor=False)) / "epreuves"


def entry_key(path: str | Path, raw: bytes) -> str:
    """The key of an épreuve file read as ``raw`` from ``path`` by this version of callsim."""
    from simulator import __version__

    parts = [
        FORMAT,
        installed_version(),
        __version__,
        str(path),
        str(Path(path).resolve()),
        hashlib.sha256(raw).hexdigest(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


def read(path: str | Path, raw: bytes) -> Bundle | None:
    """The bundle cached for the épreuve ``path`` whose bytes are ``raw``, or None (a miss)."""
    folder = cache_folder()
    if folder is None:
        return None
    key = entry_key(path, raw)
    try:
        entry = _Entry.model_validate_json((folder / f"{key}.json").read_bytes())
    except (OSError, ValidationError, ValueError):
        return None
    if entry.format != FORMAT or entry.version != installed_version() or entry.key != key:
        return None
    if any(_sha256_of(contact.path) != contact.sha256 for contact in entry.contacts):
        return None
    return _bundle(entry)


def write(bundle: Bundle, raw: bytes) -> None:
    """Keep ``bundle`` (built from the épreuve bytes ``raw``) for next time; a failure only means no cache."""
    folder = cache_folder()
    if folder is None or bundle.source != "epreuve":
        return
    key = entry_key(bundle.path, raw)
    entry = _Entry(
        format=FORMAT,
        version=installed_version(),
        key=key,
        epreuve=bundle.epreuve,
        path=bundle.path,
        sha256=bundle.sha256,
        languages=bundle.languages,
        contacts=[
            _Contact(
                scenario=c.scenario,
                at_minute=c.at_minute,
                path=c.path,
                sha256=c.sha256,
                after=c.after,
                layer=c.layer,
                forms=dict(c.forms),
            )
            for c in bundle.contacts
        ],
    )
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=".entry-", suffix=".tmp"
        )  # created 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(entry.model_dump_json().encode())
            os.replace(temporary, folder / f"{key}.json")
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return


def _sha256_of(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _bundle(entry: _Entry) -> Bundle:
    from simulator.engine.bundle import Bundle, PlannedContact

    contacts = tuple(
        PlannedContact(c.scenario, c.at_minute, c.path, c.sha256, c.after, c.layer, c.forms)
        for c in entry.contacts
    )
    return Bundle(entry.epreuve, entry.path, entry.sha256, contacts, languages=entry.languages)
