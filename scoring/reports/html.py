"""The grille as one self-contained, printable HTML page (A4): the jury's document, evidence in an annex.

The template writes its own words as message ids (``{{ _("Assessment grid") }}``), translated by
Jinja's i18n extension through the engine catalog (:func:`scoring.reports.words.page_translator`).
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from typing import Any

from markupsafe import Markup

from scoring.reports.view import activities, counts_text, identity, verdict_word
from scoring.reports.words import page_lang, page_translator

TEMPLATE = "grille.html.j2"


def render_html(grille: Mapping[str, Any], lang: str = "fr") -> str:
    """Render the template with the grille's rows (no external resource: styles are inline)."""
    source = resources.files("scoring.reports").joinpath(TEMPLATE).read_text(encoding="utf-8")
    page: str = environment(lang=lang).from_string(source).render(page_context(grille, lang))
    return page


def environment(loader: Any = None, lang: str = "fr") -> Any:
    """The Jinja environment of the grille page, speaking ``lang`` (pages that extend it, e.g. the
    reviewed grille, pass a loader)."""
    from jinja2 import Environment, StrictUndefined

    env = Environment(
        loader=loader,
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    t = page_translator(lang)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        t.gettext, t.ngettext, newstyle=False, pgettext=t.pgettext, npgettext=t.npgettext
    )
    env.filters["css_string"] = css_string
    return env


def page_context(grille: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """What the grille template reads: identity, the activities' rows, the verdict."""
    return {
        "lang": page_lang(lang),
        "grille": grille,
        "identity": identity(grille, lang),
        "activities": activities(grille, lang),
        "verdict": grille["verdict"],
        "verdict_word": verdict_word(grille["verdict"], lang),
        "counts": counts_text(grille["counts"], lang),
        "rubric": grille["rubric"],
        "session": grille["session"],
        "counts_text": counts_text,
    }


def css_string(value: object) -> Markup:
    """``value`` as the inside of a double-quoted CSS string in a <style> block (no HTML escaping there)."""
    escaped = "".join(
        ch if ch.isalnum() or ch in " .,:;-_·—()'/" else f"\\{ord(ch):x} " for ch in str(value)
    )
    return Markup(escaped)
