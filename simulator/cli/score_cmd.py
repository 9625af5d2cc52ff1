"""``callsim score``: verify journals and store their grille, with the rubric version and journal head beside it."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.scoring_common import (
    BATCH_WRITE,
    add_scoring_options,
    check_store,
    counts_text,
    error,
    now,
    print_rubric_error,
    progress_bar,
    rubric,
    verdict_text,
    without_signed,
)
from simulator.cli.store_option import store_path
from simulator.i18n import N_, Translator


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``score``."""
    score = subparsers.add_parser(
        "score",
        help=command_help("score"),
        description=N_(
            "Verifies each session's journal, computes its grille from the journal's evidence and stores it with the scoring grid's version and the journal's hash. A journal that fails verification is refused, with the reason."
        ),
    )
    score.add_argument("sessions", nargs="*", metavar=N_("SESSION"), help=N_("session ids"))
    score.add_argument("--all", action="store_true", help=N_("every session of the journal"))
    score.add_argument(
        "--force",
        action="store_true",
        help=N_("score again even a session already scored on the same basis"),
    )
    add_scoring_options(score)
    score.set_defaults(handler=cmd_score)


def cmd_score(args: argparse.Namespace) -> int:
    """Score the named sessions (or all of them), store their grilles, report refusals."""
    from scoring.rubric_file import RubricError

    t = translator(args.lang)
    if not args.sessions and not args.all:
        return error(t, t("name sessions or use --all."), 2)
    try:
        chosen = rubric(args)
    except RubricError as exc:
        return print_rubric_error(exc, args.lang)
    path = store_path(args)
    found = _sessions_to_score(args, path, chosen.sha256, t)
    if isinstance(found, int):
        return found
    grilles, ids, todo = found
    written, refused = _score(args, path, chosen, grilles, todo, t)
    skipped = len(ids) - len(todo)
    done = t.n(
        "{n} grille stored (scoring grid {rubric} {version})",
        "{n} grilles stored (scoring grid {rubric} {version})",
        written,
        rubric=chosen.rubric.id,
        version=chosen.version,
    )
    if skipped:
        done += t.n(", {n} already up to date", ", {n} already up to date", skipped)
    if refused:
        done += t.n(", {n} refused", ", {n} refused", len(refused))
    print(done + ".", file=sys.stderr)
    for outcome in refused:
        print(
            t(
                "{session} refused: {reason}",
                session=outcome.session_id,
                reason=outcome.reason(args.lang),
            ),
            file=sys.stderr,
        )
    return 1 if refused else 0


def _sessions_to_score(
    args: argparse.Namespace, path: Path, rubric_sha: str, t: Translator
) -> tuple[Any, list[str], list[str]] | int:
    """The grilles store, the sessions named (signed ones left out) and those to score, or the exit code."""
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_grilles, open_transcripts
    from simulator.journal.errors import JournalError

    try:
        source = open_transcripts(path)
        ids = list(args.sessions) or source.session_ids()
        source.close()
        refused_store, signed = check_store(path, ids, args.lang)
        if refused_store is not None:
            return error(t, refused_store)
        grilles = open_grilles(path)
        ids = without_signed(ids, signed, args.lang)
        todo = ids if args.force else _needing_score(path, grilles, ids, rubric_sha)
    except (JournalError, AssessmentError) as exc:
        return error(t, layer_text(exc, args.lang))
    return grilles, ids, todo


def _score(
    args: argparse.Namespace, path: Path, chosen: Any, grilles: Any, todo: list[str], t: Translator
) -> tuple[int, list[Any]]:
    """Score ``todo`` in parallel, store the grilles in batches; how many were written, and the refusals."""
    from scoring.batch import Job, run, workers_for
    from simulator.journal.backends import location_text

    job = Job(location_text(path), chosen, "journal")
    written, refused, pending = 0, [], []
    verbose = len(todo) <= 20
    with grilles, progress_bar(len(todo), t("Scoring")) as advance:
        for outcome in run(job, todo, workers=workers_for(len(todo), job, args.jobs)):
            advance()
            if outcome.grille is None:
                refused.append(outcome)
                continue
            pending.append(outcome.grille)
            if verbose:
                grille = outcome.grille.grille()
                print(
                    f"{outcome.session_id}\t{verdict_text(grille['verdict'], t)}\t{counts_text(grille['counts'], t)}"
                )
            if len(pending) >= BATCH_WRITE:
                written += grilles.put(pending, now())
                pending.clear()
        written += grilles.put(pending, now())
    return written, refused


def _needing_score(path: Path, grilles: Any, ids: list[str], rubric_sha: str) -> list[str]:
    """Sessions whose latest grille is not already from this journal head and this rubric (journal evidence)."""
    from simulator.journal.backends import open_journal
    from simulator.journal.canonical import header_hash
    from simulator.journal.errors import UnknownSession

    todo = []
    with open_journal(path, create=False) as store:
        for session_id in ids:
            latest = grilles.latest(session_id)
            if (
                latest is None
                or latest.rubric_sha256 != rubric_sha
                or latest.evidence_source != "journal"
            ):
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
