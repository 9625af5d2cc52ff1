"""What the commands print of another layer's words, in the chosen language.

The engine, the journal and the scoring say why they refuse something through their own texts: an
exception or a refusal that carries a :class:`~simulator.i18n.Message` (translated here with the
``engine`` catalog), a ``message(lang)`` method, or still its French and English texts. The command
line only shows them: :func:`layer_text` reads each of these shapes, so a command does not change when
a layer moves from its text pair to a message id.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def layer_text(source: Any, lang: str) -> str:
    """``source`` (an exception, a refusal, a ``Message`` or a plain text) in ``lang`` (French when
    it has no text in that language)."""
    from simulator.i18n import translator

    if source is None or isinstance(source, str):
        return source or ""
    if callable(getattr(source, "to", None)):
        return str(source.to(translator("engine", lang)))
    message: Any = getattr(source, "message", None)
    if message is not None and callable(getattr(message, "to", None)):
        return str(message.to(translator("engine", lang)))
    if callable(message):
        return _asked(message, lang)
    if isinstance(message, str) and message:
        return message
    for name in (f"message_{lang}", "message_fr", lang, "fr"):
        text = getattr(source, name, None)
        if isinstance(text, str) and text:
            return text
    return str(source)


def _asked(message: Any, lang: str) -> str:
    """``message(lang)``; French instead when a layer that knows only French and English answers a
    Dutch question in English (the fallback of its ``fr if lang == "fr" else en``)."""
    text = str(message(lang))
    if lang not in ("fr", "en") and text == str(message("en")) != str(message("fr")):
        return str(message("fr"))
    return text


def one_of(texts: Sequence[Any], lang: str) -> str:
    """The text in ``lang`` among ``texts``: one ``Message``, or the French then the English text (a
    refusal's ``(code, fr, en)`` without its code, a receipt check's ``(ok, fr, en)`` without ``ok``)."""
    if not texts:
        return ""
    if len(texts) == 1:
        return layer_text(texts[0], lang)
    return layer_text(texts[1] if lang == "en" else texts[0], lang)
