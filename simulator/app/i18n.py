"""The candidate app's interface strings: the ``candidate`` domain of :mod:`simulator.i18n`.

Message ids are English, except a few long texts with a symbolic id (``KEYS_HELP``).
"""

from __future__ import annotations

import gettext

from simulator import i18n
from simulator.i18n import LANGUAGES, N_

__all__ = ["LANGUAGES", "N_", "Translator", "translations"]


def translations(lang: str) -> gettext.GNUTranslations:
    """The candidate app's catalog of ``lang``."""
    return i18n.translation("candidate", lang)


class Translator(i18n.Translator):
    """``t("Hang up")`` in the candidate's language; ``t("{n} min left", n=3)`` formats after translating."""

    def __init__(self, lang: str = i18n.DEFAULT_LANG) -> None:
        super().__init__(lang, "candidate")
