"""Compiled épreuves kept on disk, so that an épreuve already checked once is ready at once.

An entry holds what ``load_bundle`` built from an épreuve file that had no error: the bundle itself
(the épreuve and scenario models, each file's SHA-256 and path). It is found by a key made of the
cache format, callsim's version, a fingerprint of the code that defines what an entry holds (the
files of the classes it may contain), the épreuve's path (as given and resolved) and the SHA-256 of
its bytes; it is used only if every scenario file still has the bytes it was built from. Anything
else (another version, changed model code, a changed file, a truncated or edited entry) is a miss
and the épreuve is checked again from its YAML.

An entry opens with a short JSON line saying what the candidate's sign-in screen shows of the
épreuve (its id, its title in each language, its mode, the languages it is complete in) and which
scenario files it was built from, with their SHA-256: ``glance`` reads and verifies that much
without importing the scenario models (pydantic), so the app shows the épreuve at once and builds
its models (``Glance.bundle``) while the candidate types their number.

Why a pickle and not the models' JSON: reading JSON back through the pydantic models means building
every model's validator, about 0.1 s on each start, three times what the rest of the warm start
costs. The scenario models are declared with ``defer_build`` (``simulator.scenario.models.common``),
so their validators are built only when a file is checked (the cold path); a warm start builds
none. The entry is read safely all the same:

- its first line names the format, its second the SHA-256 of the rest: a truncated or edited entry
  is a miss before a byte of it is read (the JSON line included) or unpickled;
- it is unpickled by ``_Unpickler``, which resolves only the classes an entry may hold (the
  épreuve and scenario models, ``Bundle`` and ``PlannedContact``) and nothing else: no function,
  no builtin, so no code runs from the cache, whatever its bytes;
- what comes out must be a ``Bundle`` under the expected key and version, or it is a miss.

Entries are written atomically (a temporary file renamed), readable by the user only (folder 0700,
files 0600), and the folder can be deleted at any time. Each épreuve edited and loaded again leaves
an entry nobody will read again: after each write only the ``KEPT`` most recently written entries
stay, the older ones are deleted.

A scenario with variants is kept as what builds its forms (``FormBook``), not as every form.

The folder is ``$CALLSIM_CACHE_DIR`` when set, else the user's cache folder (platformdirs), in
``epreuves/``. ``CALLSIM_CACHE_DIR=off`` turns the cache off.
"""

from __future__ import annotations

import gc
import hashlib
import io
import json
import os
import pickle
import tempfile
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simulator.engine.bundle import Bundle

#: Environment variable naming the cache folder (``off``: no cache).
CACHE_ENV = "CALLSIM_CACHE_DIR"
#: Changes whenever what an entry holds changes shape.
FORMAT = 6
#: The first line of every entry.
MAGIC = f"callsim-epreuve-cache {FORMAT}\n".encode()
#: The package of the scenario and épreuve models: an entry may hold any model of its modules.
MODELS_PACKAGE = "simulator.scenario.models"
#: The other modules whose classes an entry may hold.
ENTRY_MODULES = (
    "simulator.engine.bundle",
    "simulator.engine.form_book",
    "simulator.scenario.variants.spec",
)
#: The modules that build a form from what an entry keeps (a changed patch: a miss).
BUILD_MODULES = ("simulator.scenario.variants.patch", "simulator.scenario.variants.forms")
#: How many entries the folder keeps (the most recently written); older ones are deleted.
KEPT = 12
#: The classes of ``simulator.engine.bundle`` an entry may hold (elsewhere: the scenario models).
_BUNDLE_CLASSES = ("Bundle", "PlannedContact", "FormBook")


def cache_folder() -> Path | None:
    """Where the entries go, or None when the cache is turned off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen == "off":
        return None
    if chosen:
        return Path(chosen) / "epreuves"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("callsim", appauthor=False)) / "epreuves"


def code_version() -> str:
    """callsim's version and the fingerprint of the code an entry's classes come from."""
    from simulator import __version__

    return f"{__version__}+{_code_fingerprint()}"


@cache
def _code_fingerprint() -> str:
    """A digest of the files of the models package, of ``ENTRY_MODULES``, of ``BUILD_MODULES``
    and of this module.

    The modules are found, not imported: a glance at an entry imports neither the models
    (pydantic) nor the patching code (and the YAML reader it needs).
    """
    models = Path(_origin(MODELS_PACKAGE)).parent
    files = sorted(models.glob("*.py"))
    files += [Path(_origin(name)) for name in (*ENTRY_MODULES, *BUILD_MODULES)]
    digest = hashlib.sha256()
    for file in [*files, Path(__file__)]:
        digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _origin(module: str) -> str:
    """The file ``module`` is loaded from (its ``__init__.py`` for a package)."""
    spec = find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    return spec.origin


def entry_key(path: str | Path, raw: bytes) -> str:
    """The key of an épreuve file read as ``raw`` from ``path`` by this version of callsim."""
    parts = [
        FORMAT,
        code_version(),
        str(path),
        str(Path(path).resolve()),
        hashlib.sha256(raw).hexdigest(),
    ]
    return hashlib.sha256(json.dumps(parts).encode()).hexdigest()


@dataclass(frozen=True)
class Glance:
    """What the sign-in screen shows of a cached épreuve, read before its models are built.

    Returned only for a sound entry of this épreuve's bytes, this callsim and unchanged scenario
    files: ``bundle()`` then builds the épreuve itself from the same verified bytes.
    """

    epreuve_id: str
    #: The title in each language (a language without its own text has the French one).
    titles: dict[str, str]
    mode: str
    #: The languages the épreuve is complete in (``fr`` first).
    languages: tuple[str, ...]
    key: str
    pickled: bytes

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.titles.get("fr", "")

    def bundle(self) -> Bundle | None:
        """The épreuve's bundle (this imports the scenario models), or None when it cannot be read back."""
        try:
            return _unpickled(self.pickled, self.key)
        except Exception:  # noqa: BLE001 — a pickle of other classes or damaged: a miss
            return None


def glance(path: str | Path, raw: bytes) -> Glance | None:
    """A look at the épreuve ``path`` (bytes ``raw``) cached by this callsim, or None (a miss)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        key = entry_key(path, raw)
        return _glanced((folder / f"{key}.entry").read_bytes(), key)
    except Exception:  # noqa: BLE001 — unreadable, damaged, foreign or from other code: a miss
        return None


def read(path: str | Path, raw: bytes) -> Bundle | None:
    """The bundle cached for the épreuve ``path`` whose bytes are ``raw``, or None (a miss)."""
    found = glance(path, raw)
    return found.bundle() if found is not None else None


def write(bundle: Bundle, raw: bytes) -> None:
    """Keep ``bundle`` (built from the épreuve bytes ``raw``) for next time; a failure only means no cache."""
    folder = cache_folder()
    if folder is None or bundle.source != "epreuve":
        return
    try:
        key = entry_key(bundle.path, raw)
        packed = packed_entry(bundle, key)
    except (
        OSError,
        pickle.PicklingError,
    ):  # model code not readable, or a bundle that cannot be kept
        return
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        handle, temporary = tempfile.mkstemp(
            dir=folder, prefix=".entry-", suffix=".tmp"
        )  # created 0600
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(packed)
            os.replace(temporary, folder / f"{key}.entry")
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        return
    _prune(folder, keep=folder / f"{key}.entry")


def _prune(folder: Path, keep: Path) -> None:
    """Delete all but the ``KEPT`` most recently written entries (never ``keep``, just written)."""
    try:
        dated = []
        for entry in folder.glob("*.entry"):
            try:
                dated.append((entry.stat().st_mtime_ns, entry.name, entry))
            except OSError:  # deleted meanwhile by another process
                continue
        dated.sort(reverse=True)
        for _, _, entry in dated[KEPT:]:
            if entry != keep:
                entry.unlink(missing_ok=True)
    except OSError:
        return


def packed_entry(bundle: Bundle, key: str) -> bytes:
    """The bytes of the entry keeping ``bundle`` under ``key``: format line, digest line, then what
    the sign-in screen shows (one JSON line) and the pickle."""
    from simulator.scenario.models.common import LANGS, text_in

    epreuve = bundle.epreuve
    shown = {
        "key": key,
        "version": code_version(),
        "id": epreuve.id,
        "titles": {lang: text_in(epreuve.title, lang) for lang in LANGS},
        "mode": epreuve.mode,
        "languages": list(bundle.languages),
        "files": [[planned.path, planned.sha256] for planned in bundle.contacts],
    }
    payload = (
        json.dumps(shown, sort_keys=True).encode()
        + b"\n"
        + pickle.dumps((key, code_version(), bundle), protocol=pickle.HIGHEST_PROTOCOL)
    )
    return MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def _glanced(data: bytes, key: str) -> Glance | None:
    """What a sound entry's bytes under ``key`` show, or None; its scenario files must be unchanged."""
    if not data.startswith(MAGIC):
        return None
    digest, newline, payload = data[len(MAGIC) :].partition(b"\n")
    if not newline or hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    head, newline, pickled = payload.partition(b"\n")
    shown = json.loads(head)
    if not newline or shown["key"] != key or shown["version"] != code_version():
        return None
    if any(_sha256_of(path) != sha256 for path, sha256 in shown["files"]):
        return None
    return Glance(
        str(shown["id"]),
        {str(lang): str(text) for lang, text in shown["titles"].items()},
        str(shown["mode"]),
        tuple(str(lang) for lang in shown["languages"]),
        key,
        pickled,
    )


def _unpickled(pickled: bytes, key: str) -> Bundle | None:
    """The bundle an entry's (verified) pickle holds under ``key``, or None."""
    from simulator.engine.bundle import Bundle

    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of objects, none of them garbage: no collection halfway through
    try:
        held = _Unpickler(io.BytesIO(pickled)).load()
    finally:
        if collecting:
            gc.enable()
    if not (isinstance(held, tuple) and len(held) == 3 and isinstance(held[2], Bundle)):
        return None
    if held[0] != key or held[1] != code_version():
        return None
    return held[2]


class _Unpickler(pickle.Unpickler):
    """Resolves only the classes an entry may hold: the scenario models, ``Bundle``, ``PlannedContact``."""

    def find_class(self, module: str, name: str) -> Any:
        from simulator.scenario.models.common import Model

        if module in ENTRY_MODULES or module.startswith(f"{MODELS_PACKAGE}."):
            found = getattr(import_module(module), name, None)
            if isinstance(found, type) and (
                (issubclass(found, Model) and found is not Model)
                if not module.startswith("simulator.engine.")
                else name in _BUNDLE_CLASSES
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not held in an épreuve cache entry")


def _sha256_of(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None
