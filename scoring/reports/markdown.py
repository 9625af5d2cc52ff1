"""The grille as Markdown: identity, one verdict table per key activity, then the evidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.reports.view import activities, counts_text, identity, verdict_word, words


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_markdown(grille: Mapping[str, Any], lang: str = "fr") -> str:
    w = words(lang)
    out = [f"# {w['title']} — {w['standard']}", "", "| | |", "|---|---|"]
    out += [f"| {_cell(label)} | {_cell(value)} |" for label, value in identity(grille, lang)]
    out += [
        "",
        f"**{w['verdict']} : {verdict_word(grille['verdict'], lang)}** ({counts_text(grille['counts'], lang)})",
        "",
    ]
    rows = activities(grille, lang)
    for activity in rows:
        out += [
            f"## {activity.code} — {activity.label} — {activity.verdict_word}",
            "",
            f"| {w['code']} | {w['competency']} | Verdict | + | − | {w['critical']} | {w['reason']} |",
            "|---|---|---|---:|---:|---:|---|",
        ]
        out += [
            f"| {r.code} | {_cell(r.label)} | **{r.verdict_word}** | {r.positive} | {r.negative} | {r.critical} "
            f"| {_cell(r.reason)} |"
            for r in activity.competencies
        ]
        out.append("")
    out += [f"## {w['evidence']}", ""]
    for activity in rows:
        for row in activity.competencies:
            out.append(f"### {row.code} — {row.label} — {row.verdict_word}")
            out.append("")
            if row.criteria:
                out += [f"| {w['kind']} | {w['criterion']} | {w['per_contact']} |", "|---|---|---|"]
                out += [
                    f"| {c.kind_word} | {_cell(c.label)} | {_cell(c.summary(lang))} |"
                    for c in row.criteria
                ]
                out.append("")
            if not row.evidence:
                out += [w["no_evidence"], ""]
                continue
            for item in row.evidence:
                effect = w["positive_word"] if item.effect == "positive" else w["negative_word"]
                if item.critical:
                    effect += f", {w['critical_word']}"
                detail = f" ({item.detail})" if item.detail else ""
                detail += f" [{item.note}]" if item.note else ""
                out.append(
                    f"- **{w['seq']} {item.seq}**, {item.time}, {item.contact} — *{effect}* — "
                    f"{_cell(item.explanation)}{_cell(detail)} — {_cell(item.did)} — `{item.rule}`"
                )
                out += [
                    f"  > {speaker} : {_cell(text)}"
                    if lang != "en"
                    else f"  > {speaker}: {_cell(text)}"
                    for speaker, text in item.excerpt
                ]
            out.append("")
    return "\n".join(out).rstrip() + "\n"
