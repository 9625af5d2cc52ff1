"""Exports of reviewed sessions: JSON Lines, xAPI 1.0.3 statements, CSV and the printable HTML grille.

One module per format, each a pure function ``(review, header, events, *, blind, lang) -> str``
(same inputs → same bytes): ``jsonl``, ``xapi``, ``csv_export``, ``html_export``. ``view`` holds
what they share (final verdicts by activity, the override in force, blind masking).
``export_many`` puts several sessions in one document (every format but HTML, one page per session).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from scoring.assessment.model import SessionReview
from simulator.journal.events import Event, SessionHeader

FORMATS: tuple[str, ...] = ("jsonl", "xapi", "csv", "html")


@dataclass(frozen=True)
class Exported:
    """One session to export: its review, its journal and (when read from a store) its ``SealStatus``."""

    review: SessionReview
    header: SessionHeader
    events: Sequence[Event]
    seal: Any = None


def export_one(
    fmt: str, item: Exported, *, blind: bool = False, lang: str = "fr", home_page: str | None = None
) -> str:
    """One session in ``fmt``."""
    if fmt == "html":
        from scoring.exports.html_export import export_html

        return export_html(
            item.review, item.header, item.events, blind=blind, lang=lang, seal=item.seal
        )
    return export_many(fmt, [item], blind=blind, lang=lang, home_page=home_page)


def export_many(
    fmt: str,
    items: Sequence[Exported],
    *,
    blind: bool = False,
    lang: str = "fr",
    home_page: str | None = None,
) -> str:
    """Several sessions in one document: all the lines (jsonl), rows (csv) or statements (xapi), in order."""
    if fmt == "jsonl":
        from scoring.exports.jsonl import jsonl_records, render_jsonl

        return render_jsonl(
            [
                record
                for i in items
                for record in jsonl_records(i.review, i.header, i.events, blind=blind, lang=lang)
            ]
        )
    if fmt == "csv":
        from scoring.exports.csv_export import csv_rows, render_csv

        return render_csv(
            [
                row
                for i in items
                for row in csv_rows(i.review, i.header, i.events, blind=blind, lang=lang)
            ]
        )
    if fmt == "xapi":
        from scoring.exports.xapi import DEFAULT_HOME_PAGE, render_statements, statements

        page = home_page or DEFAULT_HOME_PAGE
        return render_statements(
            [
                s
                for i in items
                for s in statements(i.review, i.header, i.events, blind=blind, home_page=page)
            ]
        )
    raise ValueError(
        f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)} (html: one page per session)"
    )
