"""The review app's interface strings: its own gettext catalogs (``locale/fr.po``, ``locale/en.po``).

The catalogs are read by the candidate app's reader (``simulator.app.i18n``), pointed at this
package's folder. Message ids are English; symbolic ids (``REVIEW_HELP``) hold long texts.
"""

from __future__ import annotations

from pathlib import Path

from simulator.app.i18n import N_, Translator, catalog_ids

LANGUAGES = ("fr", "en")
LOCALE_DIR = Path(__file__).with_name("locale")

__all__ = ["LANGUAGES", "LOCALE_DIR", "N_", "review_catalog_ids", "translator"]

#: Words the shared key bar draws (``simulator.app.bindings``), looked up in this catalog too:
#: Escape in an open dropdown list, and the keys named as on the keyboard.
KEY_BAR_WORDS = (N_("Dismiss menu"), N_("Esc"), N_("Enter"), N_("Space"), N_("Shift"), N_("Del"), N_("PgUp"),
                 N_("PgDn"), N_("Home"), N_("End"))


def translator(lang: str) -> Translator:
    """``t("Sign")`` in the assessor's language (French unless ``lang`` is ``en``)."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    return Translator(lang, LOCALE_DIR)


def review_catalog_ids(lang: str) -> set[str]:
    """The ids the review catalog of ``lang`` translates, read with Babel (for the completeness test)."""
    return catalog_ids(lang, LOCALE_DIR)
