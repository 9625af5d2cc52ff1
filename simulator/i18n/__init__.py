"""One way to speak: gettext catalogs per domain (``candidate``, ``review``, ``checker``, ``engine``,
``cli``) in French (the default), Dutch and English.

Message ids are English, as gettext expects; a few long texts use a symbolic id (``KEYS_HELP``).
Code asks a :class:`Translator` — ``t("Hang up")``, ``t("{n} min left", n=3)``,
``t.n("{n} contact", "{n} contacts", count)`` — or marks a string with :func:`N_` where it is
defined and translates it where it is shown. This package imports only the standard library and
Babel, so every layer may use it. How catalogs are found and compiled: :mod:`.catalogs`.
"""

from __future__ import annotations

from .catalogs import DEFAULT_LANG, DOMAINS, LANGUAGES, LOCALE_DIR, po_path, translation

__all__ = ["DEFAULT_LANG", "DOMAINS", "LANGUAGES", "LOCALE_DIR", "N_", "Translator", "po_path",
           "translation", "translator"]


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


class Translator:
    """The messages of one domain in one language; ``t(msgid, **params)`` formats after translating."""

    def __init__(self, lang: str = DEFAULT_LANG, domain: str = "candidate") -> None:
        self.lang, self.domain = lang, domain
        self._catalog = translation(domain, lang)

    def __call__(self, message: str, /, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text

    def n(self, singular: str, plural: str, count: int, /, **params: object) -> str:
        """The singular or plural form for ``count`` (``{n}`` is ``count`` unless given)."""
        text = self._catalog.ngettext(singular, plural, count)
        return text.format(**{"n": count, **params})

    def gettext(self, message: str) -> str:
        """The translation, unformatted (for Jinja's i18n extension and argparse)."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form, unformatted."""
        return self._catalog.ngettext(singular, plural, count)


def translator(domain: str, lang: str = DEFAULT_LANG) -> Translator:
    """The :class:`Translator` of ``domain`` in ``lang``."""
    return Translator(lang, domain)
