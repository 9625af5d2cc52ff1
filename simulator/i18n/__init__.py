"""One way to speak: gettext catalogs per domain (``candidate``, ``review``, ``checker``, ``engine``,
``cli``) in French (the default), Dutch and English.

Message ids are English, as gettext expects; a few long texts use a symbolic id (``KEYS_HELP``).
Code asks a :class:`Translator` — ``t("Hang up")``, ``t("{n} min left", n=3)``,
``t.n("{n} contact", "{n} contacts", count)``, ``t.pgettext("effect", "critical")`` where one
English word needs two translations — or marks a string with :func:`N_` (:func:`NC_` with a
context) where it is defined and translates it where it is shown. This package imports only the standard library and
Babel, so every layer may use it. How catalogs are found and compiled: :mod:`.catalogs`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .catalogs import DEFAULT_LANG, DOMAINS, LANGUAGES, LOCALE_DIR, po_path, translation

__all__ = [
    "DEFAULT_LANG",
    "DOMAINS",
    "LANGUAGES",
    "LOCALE_DIR",
    "NC_",
    "N_",
    "STORED_LANGS",
    "Message",
    "Translator",
    "po_path",
    "translated",
    "translation",
    "translator",
    "written_out",
]


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; it is translated where it is shown."""
    return message


def NC_(context: str, message: str) -> tuple[str, str]:
    """Mark a message with its context (the same English word translated two ways); ``translated``
    and :meth:`Translator.pgettext` read the pair."""
    return context, message


class Message:
    """A message id and its parameters, translated where it is shown, not where it is made.

    ``Message("Did you mean « {name} »?", name="mail")``: a parameter may itself be a ``Message``
    (translated in the same language). ``str()`` is the English text, so a ``Message`` stored as a
    diagnostic parameter serialises and sorts the same in every language.
    """

    __slots__ = ("msgid", "params")

    def __init__(self, msgid: str, /, **params: Any) -> None:
        self.msgid, self.params = msgid, params

    def to(self, t: Translator) -> str:
        """The text in ``t``'s language."""
        return t(self.msgid, **{k: _shown(v, t) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.msgid.format_map(_Blank({k: str(v) for k, v in self.params.items()}))

    def __repr__(self) -> str:
        return f"Message({self.msgid!r}, **{self.params!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Message) and (self.msgid, self.params) == (
            other.msgid,
            other.params,
        )

    def __hash__(self) -> int:
        return hash((self.msgid, tuple(sorted(self.params))))


def _shown(value: Any, t: Translator) -> Any:
    return value.to(t) if isinstance(value, Message) else value


class _Blank(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return ""


class Translator:
    """The messages of one domain in one language; ``t(msgid, **params)`` formats after translating."""

    def __init__(self, lang: str = DEFAULT_LANG, domain: str = "candidate") -> None:
        self.lang, self.domain = lang, domain
        self._catalog = translation(domain, lang)

    def __call__(self, message: str, /, **params: object) -> str:
        text = self._catalog.gettext(message)
        return text.format(**params) if params else text

    def format(self, message: str, params: Mapping[str, Any]) -> str:
        """``message`` translated, its placeholders filled from ``params`` (``Message`` values translated
        too); a placeholder with no value is left empty rather than failing."""
        values = _Blank({k: _shown(v, self) for k, v in params.items()})
        try:
            return self._catalog.gettext(message).format_map(values)
        except (ValueError, IndexError):
            return self._catalog.gettext(message)

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

    def pgettext(self, context: str, message: str) -> str:
        """The translation of ``message`` in ``context`` (gettext's ``msgctxt``), unformatted."""
        return self._catalog.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        """The singular or plural form in ``context``, unformatted."""
        return self._catalog.npgettext(context, singular, plural, count)


def translator(domain: str, lang: str = DEFAULT_LANG) -> Translator:
    """The :class:`Translator` of ``domain`` in ``lang``."""
    return Translator(lang, domain)


#: The languages a stored text (journal, grille, receipt) is written in, in their stored order.
STORED_LANGS = ("fr", "en")


def translated(
    table: Mapping[str, str | tuple[str, str]], domain: str, lang: str
) -> dict[str, str]:
    """A words table ``{key: message id}`` in ``lang``, placeholders left for the caller to fill;
    a value marked ``NC_(context, id)`` is translated in its context."""
    t = translator(domain, lang)
    return {
        key: t.gettext(message) if isinstance(message, str) else t.pgettext(*message)
        for key, message in table.items()
    }


def written_out(
    message: Message, domain: str, langs: tuple[str, ...] = STORED_LANGS
) -> dict[str, str]:
    """``message`` in each of ``langs``, as stores keep it (``{"fr": …, "en": …}``): files written
    before the catalogs keep their bytes, and a reader needs no catalog to show them."""
    return {lang: message.to(translator(domain, lang)) for lang in langs}
