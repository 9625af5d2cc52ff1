"""``callsim score``: verify journals and store their grille, with the rubric version and journal head beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
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
    """Add ``score``."""
    score = subparsers.add_parser(
        "score", help=command_help("score"),
        description="Vérifie le journal de chaque session, calcule sa grille d'évaluation à partir des preuves "
                    "du journal et l'enregistre avec la version de la grille de notation et l'empreinte du journal. "
                    "Un journal qui ne passe pas la vérification est refusé, avec la raison.")
    score.add_argument("sessions", nargs="*", metavar="SESSION", help="identifiants de session")
    score.add_argument("--all", action="store_true", help="toutes les sessions du journal")
    score.add_argument("--force", action="store_true", help="renoter même une session déjà notée sur la même base")
    add_scoring_options(score)
    score.set_defaults(handler=cmd_score)


def cmd_score(args: argparse.Namespace) -> int:
    """Score the named sessions (or all of them), store their grilles, report refusals."""
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_grilles, open_transcripts
    from scoring.batch import Job, run, workers_for
    from scoring.rubric_file import RubricError
    from simulator.journal.backends import location_text
    from simulator.journal.errors import JournalError

    if not args.sessions and not args.all:
        return error("nommez des sessions ou utilisez --all.", 2)
    try:
        chosen = rubric(args)
    except RubricError as exc:
        return print_rubric_error(exc)
    path = store_path(args)
    try:
        source = open_transcripts(path)
        ids = list(args.sessions) or source.session_ids()
        source.close()
        refused_store, signed = check_store(path, ids)
        if refused_store is not None:
            return error(refused_store)
        grilles = open_grilles(path)
        ids = without_signed(ids, signed)
        todo = ids if args.force else _needing_score(path, grilles, ids, chosen.sha256)
    except JournalError as exc:
        return error(exc.message("fr"))
    except AssessmentError as exc:
        return error(exc.message("fr"))
    job = Job(location_text(path), chosen, "journal")
    written, refused = 0, []
    pending = []
    verbose = len(todo) <= 20
    with grilles, progress_bar(len(todo), "Notation") as advance:
        for outcome in run(job, todo, workers=workers_for(len(todo), job, args.jobs)):
            advance()
            if outcome.grille is None:
                refused.append(outcome)
                continue
            pending.append(outcome.grille)
            if verbose:
                grille = outcome.grille.grille()
                print(f"{outcome.session_id}\t{verdict_fr(grille['verdict'])}\t{counts_fr(grille['counts'])}")
            if len(pending) >= BATCH_WRITE:
                written += grilles.put(pending, now())
                pending.clear()
        written += grilles.put(pending, now())
    skipped = len(ids) - len(todo)
    print(f"{written} grille(s) enregistrée(s) (grille de notation {chosen.rubric.id} {chosen.version})"
          + (f", {skipped} déjà à jour" if skipped else "") + (f", {len(refused)} refusée(s)" if refused else "") + ".",
          file=sys.stderr)
    for outcome in refused:
        print(f"{outcome.session_id} refusée : {(outcome.refusal or ('', '', ''))[1]}", file=sys.stderr)
    return 1 if refused else 0


def _needing_score(path: Path, grilles: Any, ids: list[str], rubric_sha: str) -> list[str]:
    """Sessions whose latest grille is not already from this journal head and this rubric (journal evidence)."""
    from simulator.journal.backends import open_journal
    from simulator.journal.canonical import header_hash
    from simulator.journal.errors import UnknownSession

    todo = []
    with open_journal(path, create=False) as store:
        for session_id in ids:
            latest = grilles.latest(session_id)
            if latest is None or latest.rubric_sha256 != rubric_sha or latest.evidence_source != "journal":
                todo.append(session_id)
                continue
            try:
                last = store.last_event(session_id)
                head = last.hash if last is not None else header_hash(store.header(session_id))
            except (UnknownSession, ValueError, TypeError):
                todo.append(session_id)
                continue
            if head != latest.journal_head:
                todo.append(session_id)
    return todo
