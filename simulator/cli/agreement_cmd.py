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
from simulator.cli.language import command_help, translator
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, Translator

FORMATS = ("table", "json", "csv")


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``agreement``."""
    parser = subparsers.add_parser(
        "agreement",
        help=command_help("agreement"),
        description=N_(
            "Per competency, then for the whole grille: number of sessions both reviewed, share of identical verdicts and Cohen's κ, between two assessors or between an assessor and the automatic scoring (« auto »)."
        ),
    )
    parser.add_argument(
        "--assessors",
        nargs=2,
        metavar=("A", "B"),
        help=N_(
            "the two assessors to compare (« auto »: the automatic scoring); default: every pair, then each against the automatic scoring"
        ),
    )
    parser.add_argument(
        "--format", choices=FORMATS, default="table", help=N_("format (default: table)")
    )
    add_store_option(parser)
    parser.set_defaults(handler=cmd_agreement)


def cmd_agreement(args: argparse.Namespace) -> int:
    """Print the agreement reports of the chosen pairs."""
    from scoring.assessment.agreement import AUTOMATIC, agreement_report, assessors_in, rater_pairs
    from scoring.assessment.desk import ReviewDesk
    from simulator.system_clock import SystemClock

    t = translator(args.lang)
    path = store_path(args)
    if not path.is_file():
        return _fail(
            t, t("journal not found: {path} (simulate or sit an épreuve first).", path=path), 2
        )
    try:
        with ReviewDesk.open(path, SystemClock()) as desk:
            reviews = desk.sessions()
            accounts = desk.assessor_names()
    except desk_errors() as exc:
        return _fail(t, *desk_failure(exc, args.lang))
    if args.assessors:
        first, second = args.assessors
        for name in (first, second):
            if name != AUTOMATIC and name not in accounts:
                return _fail(
                    t,
                    t(
                        "unknown assessor: « {name} » (accounts: {accounts}; « auto » stands for the automatic "
                        "scorer).",
                        name=name,
                        accounts=", ".join(accounts) or "—",
                    ),
                    2,
                )
        if first == second:
            return _fail(t, t("choose two different assessors."), 2)
        pairs = [(first, second)]
    else:
        pairs = rater_pairs(assessors_in(reviews))
        if not pairs:
            print(
                t(
                    "No session marked reviewed: nothing to compare (callsim mark-reviewed SESSION --assessor NAME)."
                ),
                file=sys.stderr,
            )
            return 0
    reports = [agreement_report(reviews, first, second) for first, second in pairs]
    if args.format == "json":
        sys.stdout.write(
            json.dumps([_as_json(report) for report in reports], indent=2, ensure_ascii=False)
            + "\n"
        )
    elif args.format == "csv":
        sys.stdout.write(_as_csv(reports))
    else:
        _print_tables(reports, t)
    for report in reports:
        if not report.enough and args.format != "table":
            print(_too_few(report, t), file=sys.stderr)
    return 0


def _fail(t: Translator, message: str, code: int = 1) -> int:
    print(t("Error: {message}", message=message), file=sys.stderr)
    return code


def _rater(name: str, t: Translator) -> str:
    from scoring.assessment.agreement import AUTOMATIC

    return t("the automatic scorer") if name == AUTOMATIC else name


def _too_few(report: Any, t: Translator) -> str:
    from scoring.assessment.agreement import MINIMUM_COMMON_SESSIONS

    first, second = _rater(report.first, t), _rater(report.second, t)
    return t.n(
        "{first} and {second}: {n} session reviewed by both; at least {minimum} are needed for a meaningful κ.",
        "{first} and {second}: {n} sessions reviewed by both; at least {minimum} are needed for a meaningful κ.",
        len(report.sessions),
        first=first,
        second=second,
        minimum=MINIMUM_COMMON_SESSIONS,
    )


def _decimal(value: float, places: int, t: Translator) -> str:
    shown = f"{value:.{places}f}"  # 252 of 253 is 99.6 %, never a rounded-up 100 %
    return (
        shown if t.lang == "en" else shown.replace(".", ",")
    )  # a decimal comma in French and Dutch


def _percent(value: float | None, t: Translator) -> str:
    return "—" if value is None else t("{value}%", value=_decimal(value * 100, 1, t))


def _kappa(value: float | None, t: Translator) -> str:
    return "—" if value is None else _decimal(value, 2, t)


def _print_tables(reports: list[Any], t: Translator) -> None:
    from rich.console import Console
    from rich.table import Table

    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    console = Console(highlight=False)
    for report in reports:
        if not report.enough:
            print(_too_few(report, t))
            continue
        first, second = _rater(report.first, t), _rater(report.second, t)
        title = t.n(
            "Agreement: {first} and {second} — {n} session in common",
            "Agreement: {first} and {second} — {n} sessions in common",
            len(report.sessions),
            first=first,
            second=second,
        )
        table = Table(title=title, title_justify="left")
        table.add_column(t("Competency"))
        table.add_column("n", justify="right")
        table.add_column(t("Agreement"), justify="right")
        table.add_column(t("Cohen's κ"), justify="right")
        for row in report.competencies:
            label = (
                referentiel.competency(row.code).label(t.lang)
                if referentiel.is_code(row.code)
                else ""
            )
            table.add_row(
                f"{row.code} {label}", str(row.n), _percent(row.observed, t), _kappa(row.kappa, t)
            )
        overall = report.overall
        table.add_section()
        table.add_row(
            t("Overall"),
            str(overall.n),
            _percent(overall.observed, t),
            _kappa(overall.kappa, t),
            style="bold",
        )
        console.print(table)


def _as_json(report: Any) -> dict[str, Any]:
    from scoring.assessment.agreement import MINIMUM_COMMON_SESSIONS

    data: dict[str, Any] = {
        "first": report.first,
        "second": report.second,
        "sessions": len(report.sessions),
        "minimum_sessions": MINIMUM_COMMON_SESSIONS,
        "enough": report.enough,
        "competencies": [],
        "overall": None,
    }
    if report.enough:
        data["competencies"] = [_row_json(row) for row in report.competencies]
        data["overall"] = _row_json(report.overall)
    return data


def _row_json(row: Any) -> dict[str, Any]:
    return {
        "competency": row.code or "overall",
        "n": row.n,
        "agreement": None if row.observed is None else round(row.observed, 4),
        "kappa": None if row.kappa is None else round(row.kappa, 4),
    }


def _as_csv(reports: list[Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("first", "second", "sessions", "competency", "n", "agreement", "kappa"))
    for report in reports:
        if not report.enough:
            continue
        for row in (*report.competencies, report.overall):
            item = _row_json(row)
            writer.writerow(
                (
                    report.first,
                    report.second,
                    len(report.sessions),
                    item["competency"],
                    item["n"],
                    "" if item["agreement"] is None else item["agreement"],
                    "" if item["kappa"] is None else item["kappa"],
                )
            )
    return out.getvalue()
