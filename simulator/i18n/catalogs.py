"""Find and load callsim's gettext catalogs: the compiled ``.mo`` when installed, the ``.po`` otherwise.

Every catalog lives as ``locale/<lang>/LC_MESSAGES/<domain>.po`` beside this module, the only
form kept in the repository. Building the package (``pip install .``, a wheel) compiles each one
to a ``.mo`` next to it (``setup.py``'s build step, with Babel), and the standard :mod:`gettext`
reads that. A source checkout or an editable install has no ``.mo``: the ``.po`` is compiled in
memory with Babel, the same way, once per process. A ``.mo`` older than its ``.po`` (compiled by
hand, then edited) is ignored, so what runs is always what the ``.po`` says.
"""

from __future__ import annotations

import gettext
import io
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).with_name("locale")
#: The languages of every catalog, the default first.
LANGUAGES = ("fr", "nl", "en")
DEFAULT_LANG = "fr"
#: The catalogs: one per program a person meets.
DOMAINS = ("candidate", "review", "checker", "cli")


def po_path(domain: str, lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """Where the ``.po`` of ``domain`` in ``lang`` is kept."""
    return locale_dir / lang / "LC_MESSAGES" / f"{domain}.po"


def compile_po(po: Path) -> bytes:
    """The ``.mo`` bytes of a ``.po`` file: the same bytes for the same file (Babel's compiler)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as source:
        catalog = read_po(source, locale=po.parent.parent.name)
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


@cache
def translation(domain: str, lang: str, locale_dir: Path = LOCALE_DIR) -> gettext.GNUTranslations:
    """The catalog of ``domain`` in ``lang``, as the standard library's ``GNUTranslations``."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r} (expected one of {', '.join(LANGUAGES)})")
    if domain not in DOMAINS:
        raise ValueError(f"unknown message domain {domain!r} (expected one of {', '.join(DOMAINS)})")
    po = po_path(domain, lang, locale_dir)
    mo = po.with_suffix(".mo")
    if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
        found = gettext.translation(domain, locale_dir, languages=[lang])
        assert isinstance(found, gettext.GNUTranslations)
        return found
    return gettext.GNUTranslations(io.BytesIO(compile_po(po)))
