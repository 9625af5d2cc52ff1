"""The grille in the terminal: a rich table of the 23 competencies grouped by key activity."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.reports.view import activities, counts_text, identity, verdict_word, words

STYLES = {"ok": "bold green", "nok": "bold red", "not_observed": "bold yellow"}


def print_terminal(grille: Mapping[str, Any], console: Any, lang: str = "fr") -> None:
    """Print the identity block, then one table section per activity (verdict, counts, reason)."""
    from rich.table import Table
    from rich.text import Text

    w = words(lang)
    for label, value in identity(grille, lang):
        console.print(
            Text.assemble((f"{label} : " if lang != "en" else f"{label}: ", "bold"), value)
        )
    verdict = grille["verdict"]
    console.print(
        Text.assemble(
            (f"{w['verdict']} : " if lang != "en" else f"{w['verdict']}: ", "bold"),
            (verdict_word(verdict, lang), STYLES[verdict]),
            f"  ({counts_text(grille['counts'], lang)})",
        )
    )
    table = Table(title=f"{w['title']} — {w['standard']}", highlight=False)
    table.add_column(w["code"], no_wrap=True)
    table.add_column(w["competency"], overflow="fold", ratio=3)
    table.add_column("Verdict", no_wrap=True)
    table.add_column(w["positive"], justify="right")
    table.add_column(w["negative"], justify="right")
    table.add_column("!", justify="right")
    table.add_column(w["reason"], overflow="fold", ratio=2)
    for index, activity in enumerate(activities(grille, lang)):
        if index:
            table.add_section()
        table.add_row(
            Text(activity.code, style="bold"),
            Text(activity.label, style="bold"),
            Text(activity.verdict_word, style=STYLES[activity.verdict]),
            "",
            "",
            "",
            counts_text(activity.counts, lang),
        )
        for row in activity.competencies:
            table.add_row(
                row.code,
                row.label,
                Text(row.verdict_word, style=STYLES[row.verdict]),
                str(row.positive),
                str(row.negative),
                str(row.critical) if row.critical else "",
                row.reason,
            )
    console.print(table)
    _print_criteria(grille, console, lang)


def _print_criteria(grille: Mapping[str, Any], console: Any, lang: str) -> None:
    """Rubric 2: each competency's criteria, their kind, and per contact met / not met with the seqs."""
    from rich.table import Table

    rows = [
        (row, criterion)
        for activity in activities(grille, lang)
        for row in activity.competencies
        for criterion in row.criteria
    ]
    if not rows:
        return
    w = words(lang)
    table = Table(title=w["criteria"], highlight=False)
    table.add_column(w["code"], no_wrap=True)
    table.add_column(w["kind"], no_wrap=True)
    table.add_column(w["criterion"], overflow="fold", ratio=2)
    table.add_column(w["per_contact"], overflow="fold", ratio=3)
    for row, criterion in rows:
        table.add_row(row.code, criterion.kind_word, criterion.label, criterion.summary(lang))
    console.print(table)
