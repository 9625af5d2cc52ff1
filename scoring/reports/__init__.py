"""Reports of a grille: terminal (rich), JSON, CSV, Markdown and printable HTML (A4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

FORMATS: tuple[str, ...] = ("terminal", "html", "json", "csv", "md")


def render_text(grille: Mapping[str, Any], fmt: str, lang: str = "fr") -> str:
    """The grille as text in ``fmt`` (every format but ``terminal``, which prints through rich)."""
    if fmt == "json":
        from scoring.grille import grille_pretty

        return grille_pretty(grille)
    if fmt == "csv":
        from scoring.reports.csv_report import render_csv

        return render_csv(grille, lang)
    if fmt == "md":
        from scoring.reports.markdown import render_markdown

        return render_markdown(grille, lang)
    if fmt == "html":
        from scoring.reports.html import render_html

        return render_html(grille, lang)
    raise ValueError(f"unknown report format {fmt!r}: expected one of {', '.join(FORMATS)}")
