"""The candidate app's interface strings: gettext catalogs (``locale/<lang>.po``) read with Babel.

Message ids are English, except a few long texts with a symbolic id (``KEYS_HELP``); every
language has its catalog — ``en.po`` holds only those long texts. The repository only holds the
readable ``.po`` files translators edit (``pybabel`` reads and updates them).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

LANGUAGES = ("fr", "nl", "en")
LOCALE_DIR = Path(__file__).with_name("locale")


@cache
def translations(lang: str, locale_dir: Path = LOCALE_DIR) -> Catalog:
    """The catalog of ``lang``, read from its ``.po`` file in ``locale_dir`` (the candidate app's by default).

    The app reads its own simple catalogs (msgid/msgstr, no plural forms, no contexts) with a
    small reader, because importing Babel and compiling a catalog would delay the first screen;
    ``catalog_ids`` and the tests read the same files with Babel, so the two cannot drift apart.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    return Catalog(read_catalog(locale_dir / f"{lang}.po"))


class Catalog:
    """One language's messages, asked as with ``gettext``: an unknown message is its own translation."""

    def __init__(self, messages: dict[str, str]) -> None:
        self._messages = messages

    def gettext(self, message: str) -> str:
        return self._messages.get(message) or message


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_ESCAPE = re.compile(r'\\(.)')


def _unquote(line: str) -> str:
    body = line[line.index('"') + 1: line.rindex('"')]
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m[1], m[1]), body) if "\\" in body else body


def read_catalog(path: Path) -> dict[str, str]:
    """``{msgid: msgstr}`` of a ``.po`` file (entries with an empty msgstr are left out)."""
    messages: dict[str, str] = {}
    current: dict[str, str] = {}
    key = ""
    for raw in path.read_text(encoding="utf-8").splitlines() + [""]:
        line = raw.strip()
        if line.startswith("msgid "):
            if current.get("msgid") and current.get("msgstr"):
                messages[current["msgid"]] = current["msgstr"]
            current, key = {"msgid": _unquote(line)}, "msgid"
        elif line.startswith("msgstr "):
            current["msgstr"], key = _unquote(line), "msgstr"
        elif line.startswith('"') and key:
            current[key] += _unquote(line)
        elif not line or line.startswith("#"):
            key = "" if not line else key
    if current.get("msgid") and current.get("msgstr"):
        messages[current["msgid"]] = current["msgstr"]
    return messages


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


class Translator:
    """``t("Hang up")`` in the candidate's language; ``t("{n} min left", n=3)`` formats after translating."""

    def __init__(self, lang: str = "fr", locale_dir: Path = LOCALE_DIR) -> None:
        self.lang = lang
        self._catalog = translations(lang, locale_dir)

    def __call__(self, message: str, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text


def catalog_ids(lang: str, locale_dir: Path = LOCALE_DIR) -> set[str]:
    """The message ids a catalog translates, read with Babel (for the completeness test)."""
    from babel.messages.pofile import read_po

    with (locale_dir / f"{lang}.po").open("rb") as po:
        return {str(m.id) for m in read_po(po, locale=lang) if m.id and m.string}


def source_ids(package_dir: Path = LOCALE_DIR.parent) -> set[str]:
    """The message ids the Python code under ``package_dir`` marks with ``t(…)`` or ``N_(…)``, read with Babel."""
    from babel.messages.extract import extract_from_dir

    found = extract_from_dir(str(package_dir), keywords={"t": None, "N_": None}, method_map=[("**.py", "python")])
    return {message for _file, _line, message, _comments, _context in found if isinstance(message, str)}
