"""Reports of a grille: terminal table grouped by activity, JSON, CSV, Markdown and a self-contained A4 HTML page."""

from __future__ import annotations

import csv
import io
import json
import re
from html import unescape

import pytest
from rich.console import Console

from scoring.grille import grille_pretty
from scoring.reports import FORMATS, render_text
from scoring.reports.terminal import print_terminal
from tests.scoring.scoring_support import practice, simulated_grille


@pytest.fixture(scope="module")
def grille():
    return simulated_grille(practice(), "never-confirms", 5)


def test_terminal_lists_the_23_competencies_grouped_by_activity(grille):
    console = Console(record=True, width=160, color_system=None)
    print_terminal(grille, console, "fr")
    text, criteria = re.split(
        r"^ *Critères *$", console.export_text(), maxsplit=1, flags=re.MULTILINE
    )
    rows = re.findall(r"^│ (\d\d(?:\.\d\d)?) ", text, re.MULTILINE)
    assert rows == [
        code
        for a in ("01", "02", "03")
        for code in [a] + [c["code"] for c in grille["competencies"] if c["activity"] == a]
    ]
    assert "Confirmer l’accord pris avec l’interlocuteur" in text and "NON OBSERVÉ" in text
    assert "Résultat de l'épreuve" in text and grille["session"]["id"] in text
    assert re.search(
        r"^│ 01\.09 │ paroles +│ Confirme l'accord pris .*non atteint", criteria, re.MULTILINE
    )


def test_json_is_the_grille_itself(grille):
    assert json.loads(render_text(grille, "json")) == grille
    assert render_text(grille, "json") == grille_pretty(grille)


def test_csv_has_one_row_per_competency(grille):
    rows = list(csv.DictReader(io.StringIO(render_text(grille, "csv"))))
    assert [r["code"] for r in rows] == [c["code"] for c in grille["competencies"]]
    assert {r["code"]: r["verdict"] for r in rows}["01.09"] == "nok"
    assert {r["rubric_version"] for r in rows} == {"2.0.0"}


def test_markdown_has_the_verdicts_and_the_evidence(grille):
    text = render_text(grille, "md", "fr")
    assert text.startswith("# Grille d'évaluation")
    assert "| 01.09 | Confirmer l’accord pris avec l’interlocuteur | **NOK** |" in text
    assert "ORD-CLOSE-BEFORE-AGREEMENT" in text and "> Client·e :" in text


def test_html_is_one_self_contained_printable_a4_page(grille):
    html = unescape(render_text(grille, "html", "fr"))
    assert "@page" in html and "size: A4" in html
    assert (
        not re.search(r"""(src|href)=["']?(https?:)?//""", html)
        and "<link" not in html
        and "<script" not in html
    )
    for needed in (
        "Candidat·e",
        grille["session"]["candidate_id"],
        grille["session"]["id"],
        "Date de l'épreuve",
        "criteres 2.0.0",
        "Évaluateur·rice",
        "Président·e du jury",
        "Signature",
        "Annexe",
    ):
        assert needed in html, needed
    assert html.count('class="code"') >= 26  # 23 competencies and 3 activities
    assert "Client·e :</b>" in html  # transcript excerpts with the evidence


def test_html_escapes_what_a_candidate_typed():
    grille = json.loads(json.dumps(simulated_grille(practice(), "ideal", 1)))
    grille["session"]["candidate_id"] = '<script>alert("x")</script>"; } body { display: none'
    grille["moments"][0]["excerpt"].append(["agent", "<b>gras</b> & « guillemets »"])
    html = render_text(grille, "html", "en")
    assert "<script>" not in html and "&lt;b&gt;gras&lt;/b&gt; &amp;" in html
    style = html.split("<style>")[1].split("</style>")[0]
    assert 'content: "Assessment grid' in style and '"; }' not in style and "\\22 " in style


def test_every_format_renders_in_english_too(grille):
    for fmt in FORMATS:
        if fmt != "terminal":
            assert render_text(grille, fmt, "en")
    with pytest.raises(ValueError):
        render_text(grille, "pdf")


def _close_rule_seq(grille):
    confirm = next(c for c in grille["competencies"] if c["code"] == "01.09")
    duplicate = next(e for e in confirm["evidence"] if e["rule"] == "ORD-CLOSE-BEFORE-AGREEMENT")
    assert duplicate["status"] == "duplicate"
    return duplicate["stands_for"]


def test_every_report_shows_the_criteria_with_their_kind_per_contact_and_the_events_behind(grille):
    stands_for = _close_rule_seq(grille)
    markdown = render_text(grille, "md", "fr")
    assert re.search(
        r"^\| paroles \| Confirme l'accord pris .*\| maison-lumiere-livraison : non atteint \(n° \d+\) \|$",
        markdown,
        re.MULTILINE,
    )
    assert f"déjà compté : n° {stands_for} représente cette faute" in markdown
    html = unescape(render_text(grille, "html", "en"))
    annex = html.split("Annex — the evidence", 1)[1]
    assert (
        "<th>Kind</th><th>Criterion</th><th>Per contact</th>" in annex
        and "maison-lumiere-livraison : not met" in annex
    )
    assert "Confirms the agreement before closing the conversation" in annex
    rows = {r["code"]: r for r in csv.DictReader(io.StringIO(render_text(grille, "csv")))}
    assert rows["01.09"]["criteria"].startswith(
        "conduct accord-avant-conclusion: maison-lumiere-livraison : faute déjà comptée"
    )
    assert (
        "words accord-recapitule: maison-lumiere-livraison : non atteint"
        in rows["01.09"]["criteria"]
    )


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_reports_carry_the_receipt_of_the_journal_they_were_computed_from(grille, fmt):
    """The code an invigilator copied onto the attendance sheet is on the jury's page, for comparison."""
    from simulator.journal.receipt import code_of, normalised_code

    code = code_of(grille["journal"]["head"])
    assert normalised_code(code) is not None
    page = unescape(render_text(grille, fmt))
    assert re.search(rf"Reçu\W[^\n]*{re.escape(code)}", page)
