"""The review app's interface strings: the ``review`` domain of :mod:`simulator.i18n`.

Message ids are English; symbolic ids (``REVIEW_HELP``) hold long texts.
"""

from __future__ import annotations

from simulator.i18n import LANGUAGES, N_, Translator

__all__ = ["KEY_BAR_WORDS", "LANGUAGES", "N_", "translator"]

#: Words the shared key bar draws (``simulator.app.bindings``), looked up in this catalog too:
#: Escape in an open dropdown list, and the keys named as on the keyboard.
KEY_BAR_WORDS = (
    N_("Dismiss menu"),
    N_("Esc"),
    N_("Enter"),
    N_("Space"),
    N_("Shift"),
    N_("Del"),
    N_("PgUp"),
    N_("PgDn"),
    N_("Home"),
    N_("End"),
)


def translator(lang: str) -> Translator:
    """``t("Sign")`` in the assessor's language (French by default)."""
    return Translator(lang, "review")
