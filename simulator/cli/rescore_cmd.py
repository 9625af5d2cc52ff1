"""``callsim rescore``: replay journals on the current épreuve files, show what changes per competency, then store."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.language import command_help
from simulator.cli.scoring_common import (
    BATCH_WRITE,
    add_scoring_options,
    check_store,
    counts_fr,
    error,
    now,
    print_rubric_error,
    progress_bar,
    rubric,
    verdict_fr,
    without_signed,
)
from simulator.cli.store_option import store_path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``rescore``."""
    rescore = subparsers.add_parser(
        "rescore",
        help=command_help("rescore"),
        description="Rejoue les journaux sur les fichiers d'épreuve actuels (le moteur recalcule les preuves), "
        "applique la grille de notation et affiche les différences par compétence avant d'écrire.",
    )
    rescore.add_argument(
        "sessions",
        nargs="*",
        metavar="SESSION",
        help="identifiants de session (défaut : toutes les sessions déjà notées)",
    )
    rescore.add_argument(
        "--all", action="store_true", help="toutes les sessions du journal, notées ou non"
    )
    rescore.add_argument(
        "--dry-run", action="store_true", help="afficher les différences sans rien écrire"
    )
    rescore.add_argument(
        "--epreuve",
        metavar="CHEMIN",
        help="fichier d'épreuve sur lequel rejouer (défaut : celui de la session)",
    )
    add_scoring_options(rescore)
    rescore.set_defaults(handler=cmd_rescore)


def cmd_rescore(args: argparse.Namespace) -> int:
    """Replay, apply the rubric, print what changes per competency, then store (unless --dry-run)."""
    from scoring.batch import Job, run, workers_for
    from scoring.rubric_file import RubricError

    try:
        chosen = rubric(args)
    except RubricError as exc:
        return print_rubric_error(exc)
    path = store_path(args)
    if not path.is_file():
        return error(f"journal introuvable : {path}")
    opened = _grilles_and_ids(args, path)
    if isinstance(opened, str):
        return error(opened)
    grilles, ids = opened
    if not ids:
        print(
            "Aucune session à renoter (aucune grille enregistrée : utilisez callsim score, ou --all).",
            file=sys.stderr,
        )
        return 0
    from simulator.journal.backends import location_text

    job = Job(location_text(path), chosen, "replay", args.epreuve)
    new, refused, changed = [], [], 0
    with grilles:
        outcomes = []
        with progress_bar(len(ids), "Rejeu") as advance:
            for outcome in run(job, ids, workers=workers_for(len(ids), job, args.jobs)):
                outcomes.append(outcome)
                advance()
        for outcome in outcomes:
            if outcome.grille is None:
                refused.append(outcome)
                continue
            previous = grilles.latest(outcome.session_id)
            lines = _difference_lines(
                previous.grille() if previous else None, outcome.grille.grille()
            )
            changed += bool(lines[1:])
            print("\n".join(lines))
            new.append(outcome.grille)
        for outcome in refused:
            print(f"{outcome.session_id} : refusée — {(outcome.refusal or ('', '', ''))[1]}")
        summary = (
            f"{len(new)} session(s) renotée(s) avec {chosen.rubric.id} {chosen.version}, "
            f"{changed} avec des verdicts modifiés"
        )
        if args.dry_run:
            print(f"{summary} ; rien n'est écrit (--dry-run).", file=sys.stderr)
        else:
            for start in range(0, len(new), BATCH_WRITE):
                grilles.put(new[start : start + BATCH_WRITE], now())
            print(f"{summary} ; {len(new)} grille(s) enregistrée(s).", file=sys.stderr)
    return 1 if refused else 0


def _grilles_and_ids(args: argparse.Namespace, path: Any) -> tuple[Any, list[str]] | str:
    """The grilles store and the sessions to rescore (signed ones left out, each named), or why not."""
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_grilles, open_transcripts
    from simulator.journal.errors import JournalError

    try:
        grilles = open_grilles(path)
    except AssessmentError as exc:
        return exc.message("fr")
    try:
        if args.sessions:
            ids = list(args.sessions)
        elif args.all:
            source = open_transcripts(path)
            ids = source.session_ids()
            source.close()
        else:
            ids = grilles.scored_session_ids()
        refused, signed = check_store(path, ids)
    except JournalError as exc:
        refused = exc.message("fr")
    if refused is not None:
        grilles.close()
        return refused
    return grilles, without_signed(ids, signed)


def _difference_lines(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """A heading line for the session, then one line per competency whose verdict or counts changed."""
    from scoring.diff import differences, rubric_change

    session = new["session"]
    if old is None:
        return [
            (
                f"{session['id']} ({session['candidate_id']}) : première grille — {verdict_fr(new['verdict'])} "
                f"({counts_fr(new['counts'])})"
            )
        ]
    head = f"{session['id']} ({session['candidate_id']}) : {verdict_fr(old['verdict'])} → {verdict_fr(new['verdict'])}"
    if moved := rubric_change(old, new):
        head += f" [grille de notation {moved}]"
    lines = [head]
    for change in differences(old, new):
        why = (
            f" : {change.new_reason['fr']}"
            if change.verdict_changed and change.new_reason.get("fr")
            else ""
        )
        lines.append(
            f"  {change.code}  {verdict_fr(change.old_verdict):>11} → {verdict_fr(change.new_verdict):<11} "
            f"({change.old_positive}+ {change.old_negative}− → {change.new_positive}+ {change.new_negative}−){why}"
        )
    if len(lines) == 1:
        lines[0] += " — aucun changement par compétence"
    return lines
