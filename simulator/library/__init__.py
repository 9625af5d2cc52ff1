"""Where épreuves and scenarios are found: the library shipped with callsim and a centre's own folders.

A library folder is laid out like ``scenarios/`` at the top of the repository: its épreuves in
``epreuves/*.yaml``, its scenarios and test plans wherever its épreuves point. Folders are looked
at in this order, the first épreuve of a name being the one played:

1. ``scenarios/`` in the current folder (a trainer working in a copy of the library);
2. folders given on the command line (``--library``);
3. the folders of the ``CALLSIM_LIBRARY`` environment variable (``os.pathsep``-separated);
4. the library bundled with callsim: ``scenarios/`` inside this package (the wheel carries the
   repository's ``scenarios/`` there as the package data of ``simulator.library.scenarios``), or
   ``scenarios/`` of the source tree when callsim runs from a checkout (editable install, tests).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Literal

#: The environment variable naming a centre's own library folders.
ENV_VARIABLE = "CALLSIM_LIBRARY"
#: Where a library folder keeps its épreuves.
EPREUVES = "epreuves"

Origin = Literal["current", "given", "env", "bundled"]


@dataclass(frozen=True)
class LibraryFolder:
    """One folder of the library and where it comes from."""

    path: Path
    origin: Origin


@dataclass(frozen=True)
class EpreuveFile:
    """An épreuve file of the library: its name (the file's stem), path and origin."""

    name: str
    path: Path
    origin: Origin


def bundled_folder() -> Path:
    """The library shipped with callsim (installed package data, else the source tree's ``scenarios/``)."""
    packaged = resources.files("simulator.library") / "scenarios"
    if isinstance(packaged, Path) and (packaged / EPREUVES).is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "scenarios"


def env_folders(environ: dict[str, str] | None = None) -> tuple[Path, ...]:
    """The folders ``CALLSIM_LIBRARY`` names, in order (empty entries skipped)."""
    value = (os.environ if environ is None else environ).get(ENV_VARIABLE, "")
    return tuple(Path(part) for part in value.split(os.pathsep) if part.strip())


def library_folders(given: Sequence[str | Path] = ()) -> tuple[LibraryFolder, ...]:
    """Every library folder, in the order names are looked up; a folder met twice is kept once."""
    found: list[LibraryFolder] = []
    current = Path("scenarios")
    if current.is_dir():
        found.append(LibraryFolder(current, "current"))
    found += [LibraryFolder(Path(path), "given") for path in given]
    found += [LibraryFolder(path, "env") for path in env_folders()]
    found.append(LibraryFolder(bundled_folder(), "bundled"))
    seen: set[Path] = set()
    unique = []
    for folder in found:
        key = folder.path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(folder)
    return tuple(unique)


def epreuve_files(given: Sequence[str | Path] = ()) -> tuple[EpreuveFile, ...]:
    """Every épreuve file of the library, folder by folder in lookup order, sorted by name in each."""
    return tuple(
        EpreuveFile(path.stem, path, folder.origin)
        for folder in library_folders(given)
        for path in sorted((folder.path / EPREUVES).glob("*.yaml"))
        if path.is_file()
    )


def find_epreuve(name: str, given: Sequence[str | Path] = ()) -> EpreuveFile | None:
    """The épreuve a bare name (``practice``) stands for: the first of that name in lookup order."""
    return next((entry for entry in epreuve_files(given) if entry.name == name), None)


def named_epreuve(name_or_path: str | Path) -> Path | None:
    """The épreuve file a command-line argument names, or None when there is none.

    An existing file is taken as given; anything else that looks like a path (a ``.yaml`` suffix, a
    folder part) names no épreuve; a bare name (``standard``) is ``epreuves/NAME.yaml`` of the first
    library folder that has it. ``simulator.engine.bundle.epreuve_path`` says why when it is None.
    """
    given = Path(name_or_path)
    if given.is_file():
        return given
    if looks_like_path(given):
        return None
    found = find_epreuve(str(name_or_path))
    return found.path if found is not None else None


def looks_like_path(name_or_path: str | Path) -> bool:
    """Whether a command-line argument is written as a file's path (a ``.yaml`` suffix, a folder
    part) rather than as an épreuve's name."""
    given = Path(name_or_path)
    return given.suffix in (".yaml", ".yml") or len(given.parts) > 1


def default_check_folders() -> tuple[Path, ...]:
    """What ``callsim scenario check`` checks when given nothing: ``scenarios/`` here, else the library."""
    current = Path("scenarios")
    if current.is_dir():
        return (current,)
    return tuple(folder.path for folder in library_folders() if folder.path.is_dir())
