"""What the code says, read with Babel's extractor: the message ids of each domain, and the catalogs
brought up to date with them (``python scripts/catalogs.py update``).

A domain's ids are the strings its source folders pass to ``t(…)``, ``N_(…)``, ``_(…)``,
``gettext(…)``, the plural forms of ``t.n(…)`` / ``ngettext(…)``, the contexts of ``NC_(…)`` /
``pgettext(…)``, and the ``{% trans %}`` blocks and ``_()`` / ``pgettext()`` calls of its Jinja
templates (Jinja's Babel extractor). An entry is keyed by its id and its context (``None`` for most).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from .catalogs import LANGUAGES, po_path

ROOT = Path(__file__).resolve().parents[2]
#: domain → the folders (relative to the repository) whose code speaks through it.
SOURCES: dict[str, tuple[str, ...]] = {
    "candidate": ("simulator/app", "simulator/tui"),
    "review": ("simulator/review",),
    "checker": ("simulator/scenario", "simulator/trainer"),
    "engine": ("simulator/engine", "simulator/journal", "scoring"),
    "cli": ("simulator/cli", "simulator/centre"),
}
KEYWORDS = {
    "Message": None,
    "t": None,
    "N_": None,
    "_": None,
    "gettext": None,
    "n": (1, 2),
    "ngettext": (1, 2),
    "NC_": ((1, "c"), 2),
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
HEADER = (
    "# callsim: the {domain} messages in '{lang}' (msgid = English, symbolic for long texts).\n"
    "# Edit the msgstr lines; README, section Translations, says how to add a string."
)
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "nl": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
}
METHODS = [("**.py", "python"), ("**.j2", "jinja2.ext:babel_extract")]


def extracted(
    domain: str, root: Path = ROOT
) -> Iterator[tuple[str | tuple[str, ...], str, int, str | None]]:
    """``(message, file, line, context)`` for every marked message in ``domain``'s folders."""
    from babel.messages.extract import extract_from_dir

    for folder in SOURCES[domain]:
        options = {"**.j2": {"extensions": "jinja2.ext.i18n"}}
        for file, line, message, _comments, context in extract_from_dir(
            str(root / folder), method_map=METHODS, keywords=KEYWORDS, options_map=options
        ):
            if message and (isinstance(message, str) or all(message)):
                yield message, f"{folder}/{file}", line, context


@cache
def source_keys(domain: str) -> frozenset[tuple[str, str | None]]:
    """``(message id, context)`` of every message ``domain``'s code uses (read once per process)."""
    return frozenset(
        (m if isinstance(m, str) else m[0], c) for m, _file, _line, c in extracted(domain)
    )


def source_ids(domain: str) -> frozenset[str]:
    """The message ids (singular forms) ``domain``'s code uses, whatever their context."""
    return frozenset(message for message, _context in source_keys(domain))


def fields(text: str) -> list[str]:
    """The placeholders of ``text`` (``str.format`` names, or argparse's ``%(name)s``), sorted, each once."""
    names = set(re.findall(r"%(?:\(\w+\))?[sdr]", text))  # argparse's own %-style placeholders
    if not names:
        names = {
            name
            for _literal, name, _spec, _conv in string.Formatter().parse(text)
            if name is not None
        }
    return sorted(names)


def symbolic(message_id: str) -> bool:
    """A symbolic id (``KEYS_HELP``) names a long text instead of being its English."""
    return re.fullmatch(r"[A-Z][A-Z0-9]*(_[A-Z0-9]+)+", message_id) is not None


def update(domain: str) -> list[Path]:
    """Bring ``domain``'s catalogs up to date with its code; return the files written.

    New ids are added (English gets the id itself, French and Dutch an empty translation the
    completeness test then reports), ids the code no longer uses are dropped, translations kept.
    """
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    found: dict[
        tuple[str, str], tuple[str | tuple[str, ...], str | None, list[tuple[str, int]]]
    ] = {}
    for message, file, line, context in extracted(domain):
        key = message if isinstance(message, str) else message[0]
        found.setdefault((key, context or ""), (message, context, []))[2].append((file, line))
    written = []
    for lang in LANGUAGES:
        path = po_path(domain, lang)
        old = _read(path, lang, read_po)
        new = Catalog(
            locale=lang,
            domain=domain,
            project="callsim",
            version="0.1",
            fuzzy=False,
            charset="utf-8",
            msgid_bugs_address="",
            last_translator="callsim",
            language_team="callsim",
            header_comment=HEADER.format(lang=lang, domain=domain),
        )
        new.mime_headers = [
            ("Plural-Forms", PLURAL_FORMS[lang])
        ]  # gettext's, not CLDR's three French forms
        if old is not None:  # an update changes the entries, not the dates
            new.creation_date, new.revision_date = old.creation_date, old.revision_date
        for (key, _), (message, context, places) in sorted(found.items()):
            before = old.get(key, context=context) if old is not None else None
            text = before.string if before is not None and before.string else ""
            if isinstance(text, str) != isinstance(
                message, str
            ):  # a message that became plural, or singular
                text = ""
            if not text and lang == "en" and not symbolic(key):
                text = message if isinstance(message, str) else tuple(message)
            new.add(message, text, locations=sorted(places), context=context)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            write_po(out, new, width=100, omit_header=False, sort_output=True, include_lineno=False)
        written.append(path)
    return written


def _read(path: Path, lang: str, read_po):  # type: ignore[no-untyped-def]
    if not path.exists():
        return None
    with path.open("rb") as source:
        return read_po(source, locale=lang)
