"""``callsim epreuve list``: the épreuves available here, what they hold and where they come from.

Each épreuve file of the library (``scenarios/`` of the current folder, ``--library`` folders,
``CALLSIM_LIBRARY``, the library shipped with callsim) with its title, number of contacts, the
languages it is complete in (the only ones offered at sign-in) and its origin. An épreuve of the
same name further down the lookup order is listed as hidden: the first one is played. Exit code
1 when an épreuve has errors (it cannot be played) or there is none, 0 otherwise.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any

from simulator.cli.language import translator
from simulator.i18n import N_, Translator

#: Where an épreuve file was found (``simulator.library``'s origins).
ORIGINS = {
    "current": N_("current folder (scenarios/)"),
    "given": "--library",
    "env": "CALLSIM_LIBRARY",
    "bundled": N_("bundled with callsim"),
}


@dataclass(frozen=True)
class Listed:
    """One épreuve file as the list shows it."""

    name: str
    path: str
    origin: str
    title: str
    contacts: int
    languages: tuple[str, ...]
    errors: int
    hidden: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": self.path,
            "origin": self.origin,
            "title": self.title,
            "contacts": self.contacts,
            "languages": list(self.languages),
            "errors": self.errors,
            "hidden": self.hidden,
        }


def register(commands: Any) -> None:
    """Add ``list`` to the ``epreuve`` sub-commands."""
    listing = commands.add_parser(
        "list",
        help=N_("the épreuves available, their complete languages and their origin"),
        description=N_(
            "Lists the épreuves of the library: scenarios/ of the current folder, --library, CALLSIM_LIBRARY (folders separated by « : », « ; » on Windows) and the one bundled with callsim."
        ),
    )
    listing.add_argument(
        "--library",
        action="append",
        default=[],
        metavar=N_("FOLDER"),
        help=N_("one more library folder (like scenarios/: its épreuves in epreuves/)"),
    )
    listing.add_argument("--format", choices=("table", "json"), default="table", dest="output")
    listing.set_defaults(handler=run_list)


def run_list(args: argparse.Namespace) -> int:
    from simulator.library import library_folders

    t = translator(args.lang)
    for folder in library_folders(args.library):
        if not folder.path.is_dir():
            print(
                t(
                    "{origin}: folder not found: {path}",
                    origin=t(ORIGINS[folder.origin]),
                    path=folder.path,
                ),
                file=sys.stderr,
            )
    listed = list_epreuves(args.library, args.lang)
    if args.output == "json":
        sys.stdout.write(
            json.dumps([entry.to_json() for entry in listed], ensure_ascii=False, indent=2) + "\n"
        )
    else:
        _print_table(listed, t)
    if not listed:
        print(t("no épreuve found"), file=sys.stderr)
        return 1
    return 1 if any(entry.errors for entry in listed) else 0


def list_epreuves(given: list[str], lang: str) -> list[Listed]:
    """Every épreuve file of the library, loaded and checked, in lookup order."""
    import simulator.engine  # noqa: F401 — registers the engine's rules, which the checker asks
    from simulator.library import epreuve_files
    from simulator.scenario.checker import FileCache
    from simulator.scenario.checker.coverage import load_epreuve_scenarios
    from simulator.scenario.checker.languages import epreuve_languages
    from simulator.scenario.models import text_in

    cache, seen, listed = FileCache(), set(), []
    for entry in epreuve_files(given):
        loaded = cache.load(entry.path, str(entry.path))
        errors = sum(d.severity == "error" for d in loaded.diagnostics)
        epreuve = loaded.model if loaded.kind == "epreuve" else None
        scenarios = load_epreuve_scenarios(loaded, cache) if epreuve is not None else []
        listed.append(
            Listed(
                entry.name,
                str(entry.path),
                entry.origin,
                text_in(epreuve.title, lang) if epreuve is not None else "—",
                len(epreuve.contacts) if epreuve is not None else 0,
                epreuve_languages(epreuve, scenarios) if epreuve is not None and not errors else (),
                errors if epreuve is not None else max(errors, 1),
                entry.name in seen,
            )
        )
        seen.add(entry.name)
    return listed


def _print_table(listed: list[Listed], t: Translator) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(highlight=False)
    for column in (N_("Name"), N_("Title"), N_("Contacts"), N_("Complete languages"), N_("Origin")):
        table.add_column(
            t(column), overflow="fold", justify="right" if column == "Contacts" else "left"
        )
    notes = []
    for entry in listed:
        table.add_row(
            entry.name,
            entry.title,
            str(entry.contacts),
            ", ".join(entry.languages) or "—",
            t(ORIGINS[entry.origin]),
            style="dim" if entry.hidden else None,
        )
        extra = ([t("hidden by the one above")] if entry.hidden else []) + (
            [
                t.n(
                    "{n} error (callsim scenario check {path})",
                    "{n} errors (callsim scenario check {path})",
                    entry.errors,
                    path=entry.path,
                )
            ]
            if entry.errors
            else []
        )
        notes.append(f"  {entry.name}: {entry.path}" + "".join(f" — {note}" for note in extra))
    console = Console()
    console.print(table)
    for note in notes:
        console.print(note, highlight=False, soft_wrap=True)
