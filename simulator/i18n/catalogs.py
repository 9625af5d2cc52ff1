"""Find and load callsim's gettext catalogs: the ``.po`` when it is there, else the compiled ``.mo``.

Every catalog lives as ``locale/<lang>/LC_MESSAGES/<domain>.po`` beside this module, the only
form kept in the repository. Building the package (``pip install .``, a wheel) compiles each one
to a ``.mo`` next to it (``setup.py``'s build step, with Babel) and leaves the ``.po`` out: the
installed package reads the ``.mo`` with the standard :mod:`gettext`. A source checkout or an
editable install reads its ``.po``, compiled with Babel on first use into ``locale/.compiled/``
under a name made of the ``.po``'s content hash (so an edited ``.po`` is compiled again, and a
later run reads the compiled file without importing Babel); where that folder cannot be written,
the ``.po`` is compiled in memory. Either way the bytes are the ones the build writes.
"""

from __future__ import annotations

import gettext
import hashlib
import io
import os
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).with_name("locale")
#: The languages of every catalog, the default first.
LANGUAGES = ("fr", "nl", "en")
DEFAULT_LANG = "fr"
#: The catalogs: one per program a person meets.
DOMAINS = ("candidate", "review", "checker", "cli", "engine")


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
        raise ValueError(
            f"unknown message domain {domain!r} (expected one of {', '.join(DOMAINS)})"
        )
    po = po_path(domain, lang, locale_dir)
    if not po.exists():  # an installed package: the .mo of the build
        found = gettext.translation(domain, locale_dir, languages=[lang])
        assert isinstance(found, gettext.GNUTranslations)
        return found
    return gettext.GNUTranslations(io.BytesIO(_compiled(po, locale_dir)))


def _compiled(po: Path, locale_dir: Path) -> bytes:
    """The ``.mo`` bytes of ``po``: from the compiled folder when already there, else compiled now."""
    source = po.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:20]
    kept = locale_dir / ".compiled" / f"{po.parent.parent.name}-{po.stem}-{digest}.mo"
    if kept.exists():
        return kept.read_bytes()
    data = compile_po(po)
    try:
        kept.parent.mkdir(exist_ok=True)
        partial = kept.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(data)
        os.replace(partial, kept)  # whole or absent, even with two processes compiling at once
    except OSError:
        pass  # a read-only checkout: compiled in memory each time
    return data
