"""The candidate app's interface strings: gettext catalogs (``locale/<lang>.po``) read with Babel.

Message ids are English, except a few long texts with a symbolic id (``KEYS_HELP``); every
language has its catalog — ``en.po`` holds only those long texts. Catalogs are compiled in memory at first use, so the repository only holds the
readable ``.po`` files translators edit.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LANGUAGES = ("fr", "nl", "en")
LOCALE_DIR = Path(__file__).with_name("locale")


@cache
def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of ``lang``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    with (LOCALE_DIR / f"{lang}.po").open("rb") as po:
        catalog = read_po(po, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


class Translator:
    """``t("Hang up")`` in the candidate's language; ``t("{n} min left", n=3)`` formats after translating."""

    def __init__(self, lang: str = "fr") -> None:
        self.lang = lang
        self._catalog = translations(lang)

    def __call__(self, message: str, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text


def catalog_ids(lang: str) -> set[str]:
    """The message ids a catalog translates (for the completeness test)."""
    with (LOCALE_DIR / f"{lang}.po").open("rb") as po:
        return {str(m.id) for m in read_po(po, locale=lang) if m.id and m.string}
