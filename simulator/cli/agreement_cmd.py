"""``callsim agreement``: how far assessors agree with each other and with the automatic scorer (Cohen's κ).

Without ``--assessors``, every pair of assessors who marked sessions reviewed, then each of them
against the automatic scorer (``auto``); with ``--assessors A B``, that pair only. Per competency:
the sessions both rated, the share of identical verdicts and κ; then the whole grille. Below
``MINIMUM_COMMON_SESSIONS`` sessions in common, the report says so instead of printing a κ.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from typing import Any

from simulator.cli.desk_errors import desk_errors, desk_failure
from simulator.cli.language import FR_EN, command_help
from simulator.cli.store_option import add_store_option, store_path

FORMATS = ("table", "json", "csv")

TEXT: dict[str, dict[str, str]] = {
    "fr": {
        "error": "Erreur : {}", "no_store": "journal introuvable : {} (simulez ou passez une épreuve d'abord).",
        "auto": "la notation automatique", "title": "Accord : {first} et {second} — {n} session(s) en commun",
        "competency": "Compétence", "n": "n", "agreement": "Accord", "kappa": "κ de Cohen", "overall": "Ensemble",
        "too_few": "{first} et {second} : {n} session(s) revue(s) par les deux ; il en faut au moins {minimum} "
                   "pour qu'un κ ait un sens.",
        "nobody": "Aucune session marquée comme revue : rien à comparer (callsim mark-reviewed SESSION --assessor NOM).",
        "unknown": "évaluateur inconnu : « {} » (comptes : {} ; « auto » désigne la notation automatique).",
        "same": "choisissez deux évaluateurs différents.", "undefined": "—",
    },
    "en": {
        "error": "Error: {}", "no_store": "journal not found: {} (simulate or sit an épreuve first).",
        "auto": "the automatic scorer", "title": "Agreement: {first} and {second} — {n} session(s) in common",
        "competency": "Competency", "n": "n", "agreement": "Agreement", "kappa": "Cohen's κ", "overall": "Overall",
        "too_few": "{first} and {second}: {n} session(s) reviewed by both; at least {minimum} are needed for a "
                   "meaningful κ.",
        "nobody": "No session marked reviewed: nothing to compare (callsim mark-reviewed SESSION --assessor NAME).",
        "unknown": "unknown assessor: '{}' (accounts: {}; 'auto' stands for the automatic scorer).",
        "same": "choose two different assessors.", "undefined": "—",
    },
}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``agreement``."""
    parser = subparsers.add_parser(
        "agreement", help=command_help("agreement"),
        description="Par compétence puis pour toute la grille : nombre de sessions revues par les deux, part de "
                    "verdicts identiques et κ de Cohen, entre deux évaluateurs ou entre un évaluateur et la "
                    "notation automatique (« auto »).")
    parser.add_argument("--assessors", nargs=2, metavar=("A", "B"),
                        help="les deux évaluateurs à comparer (« auto » : la notation automatique) ; "
                             "défaut : toutes les paires, puis chacun face à la notation automatique")
    parser.add_argument("--format", choices=FORMATS, default="table", help="format (défaut : table)")
    parser.set_defaults(speaks=FR_EN)  # Dutch: French until these texts are in the cli catalog
    add_store_option(parser)
    parser.set_defaults(handler=cmd_agreement)


def cmd_agreement(args: argparse.Namespace) -> int:
    """Print the agreement reports of the chosen pairs."""
    from scoring.assessment.agreement import AUTOMATIC, agreement_report, assessors_in, rater_pairs
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    text = TEXT[args.lang]
    path = store_path(args)
    if not path.is_file():
        return _fail(text, text["no_store"].format(path), 2)
    try:
        with ReviewDesk.open(path, SystemClock()) as desk:
            reviews = desk.sessions()
            accounts = desk.assessor_names()
    except desk_errors() as exc:
        return _fail(text, *desk_failure(exc, args.lang))
    if args.assessors:
        first, second = args.assessors
        for name in (first, second):
            if name != AUTOMATIC and name not in accounts:
                return _fail(text, text["unknown"].format(name, ", ".join(accounts) or "—"), 2)
        if first == second:
            return _fail(text, text["same"], 2)
        pairs = [(first, second)]
    else:
        pairs = rater_pairs(assessors_in(reviews))
        if not pairs:
            print(text["nobody"], file=sys.stderr)
            return 0
    reports = [agreement_report(reviews, first, second) for first, second in pairs]
    if args.format == "json":
        sys.stdout.write(json.dumps([_as_json(report) for report in reports], indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        sys.stdout.write(_as_csv(reports))
    else:
        _print_tables(reports, text, args.lang)
    for report in reports:
        if not report.enough and args.format != "table":
            print(_too_few(report, text), file=sys.stderr)
    return 0


def _fail(text: dict[str, str], message: str, code: int = 1) -> int:
    print(text["error"].format(message), file=sys.stderr)
    return code


def _rater(name: str, text: dict[str, str]) -> str:
    from scoring.assessment.agreement import AUTOMATIC

    return text["auto"] if name == AUTOMATIC else name


def _too_few(report: Any, text: dict[str, str]) -> str:
    from scoring.assessment.agreement import MINIMUM_COMMON_SESSIONS

    return text["too_few"].format(first=_rater(report.first, text), second=_rater(report.second, text),
                                  n=len(report.sessions), minimum=MINIMUM_COMMON_SESSIONS)


def _percent(value: float | None, lang: str, text: dict[str, str]) -> str:
    if value is None:
        return text["undefined"]
    shown = f"{value * 100:.1f}"  # one decimal: 252 of 253 is 99.6 %, never a rounded-up 100 %
    return f"{shown.replace('.', ',')} %" if lang == "fr" else f"{shown}%"


def _kappa(value: float | None, lang: str, text: dict[str, str]) -> str:
    if value is None:
        return text["undefined"]
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if lang == "fr" else shown


def _print_tables(reports: list[Any], text: dict[str, str], lang: str) -> None:
    from rich.console import Console
    from rich.table import Table

    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    console = Console(highlight=False)
    for report in reports:
        if not report.enough:
            print(_too_few(report, text))
            continue
        table = Table(title=text["title"].format(first=_rater(report.first, text), second=_rater(report.second, text),
                                                 n=len(report.sessions)), title_justify="left")
        table.add_column(text["competency"])
        table.add_column(text["n"], justify="right")
        table.add_column(text["agreement"], justify="right")
        table.add_column(text["kappa"], justify="right")
        for row in report.competencies:
            label = referentiel.competency(row.code).label(lang) if referentiel.is_code(row.code) else ""
            table.add_row(f"{row.code} {label}", str(row.n), _percent(row.observed, lang, text),
                          _kappa(row.kappa, lang, text))
        overall = report.overall
        table.add_section()
        table.add_row(text["overall"], str(overall.n), _percent(overall.observed, lang, text),
                      _kappa(overall.kappa, lang, text), style="bold")
        console.print(table)


def _as_json(report: Any) -> dict[str, Any]:
    from scoring.assessment.agreement import MINIMUM_COMMON_SESSIONS

    data: dict[str, Any] = {"first": report.first, "second": report.second, "sessions": len(report.sessions),
                            "minimum_sessions": MINIMUM_COMMON_SESSIONS, "enough": report.enough,
                            "competencies": [], "overall": None}
    if report.enough:
        data["competencies"] = [_row_json(row) for row in report.competencies]
        data["overall"] = _row_json(report.overall)
    return data


def _row_json(row: Any) -> dict[str, Any]:
    return {"competency": row.code or "overall", "n": row.n,
            "agreement": None if row.observed is None else round(row.observed, 4),
            "kappa": None if row.kappa is None else round(row.kappa, 4)}


def _as_csv(reports: list[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("first", "second", "sessions", "competency", "n", "agreement", "kappa"))
    for report in reports:
        if not report.enough:
            continue
        for row in (*report.competencies, report.overall):
            item = _row_json(row)
            writer.writerow((report.first, report.second, len(report.sessions), item["competency"], item["n"],
                             "" if item["agreement"] is None else item["agreement"],
                             "" if item["kappa"] is None else item["kappa"]))
    return out.getvalue()
