"""``callsim rescore``: replay journals on the current épreuve files, show what changes per competency, then store."""

from __future__ import annotations

import argparse
import sys
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
    """Add ``rescore``."""
    rescore = subparsers.add_parser(
        "rescore",
        help=command_help("rescore"),
        description=N_(
            "Replays the journals on the current épreuve files (the engine computes the evidence again), applies the scoring grid and shows the differences per competency before writing. A journal written by this version of callsim on the same épreuve files is not replayed: the replay would give exactly the evidence it holds (--replay replays it all the same)."
        ),
    )
    rescore.add_argument(
        "sessions",
        nargs="*",
        metavar=N_("SESSION"),
        help=N_("session ids (default: every session already scored)"),
    )
    rescore.add_argument(
        "--all", action="store_true", help=N_("every session of the journal, scored or not")
    )
    rescore.add_argument(
        "--dry-run", action="store_true", help=N_("show the differences without writing anything")
    )
    rescore.add_argument(
        "--epreuve",
        metavar=N_("PATH"),
        help=N_("épreuve file to replay on (default: the session's)"),
    )
    rescore.add_argument(
        "--replay",
        action="store_true",
        help=N_(
            "replay every journal, even one whose evidence the engine would derive unchanged (same callsim version and épreuve files)"
        ),
    )
    add_scoring_options(rescore)
    rescore.set_defaults(handler=cmd_rescore)


def cmd_rescore(args: argparse.Namespace) -> int:
    """Replay, apply the rubric, print what changes per competency, then store (unless --dry-run)."""
    from scoring.rubric_file import RubricError

    t = translator(args.lang)
    try:
        chosen = rubric(args)
    except RubricError as exc:
        return print_rubric_error(exc, args.lang)
    path = store_path(args)
    if not path.is_file():
        return error(t, t("journal not found: {path}", path=path))
    opened = _grilles_and_ids(args, path)
    if isinstance(opened, str):
        return error(t, opened)
    grilles, ids = opened
    if not ids:
        print(
            t("No session to score again (no grille stored: use callsim score, or --all)."),
            file=sys.stderr,
        )
        return 0
    with grilles:
        new, refused, changed = _replay(args, path, chosen, grilles, ids, t)
        summary = t.n(
            "{n} session scored again with {rubric} {version}",
            "{n} sessions scored again with {rubric} {version}",
            len(new),
            rubric=chosen.rubric.id,
            version=chosen.version,
        )
        summary += t.n(", {n} with changed verdicts", ", {n} with changed verdicts", changed)
        if args.dry_run:
            print(t("{summary}; nothing is written (--dry-run).", summary=summary), file=sys.stderr)
        else:
            for start in range(0, len(new), BATCH_WRITE):
                grilles.put(new[start : start + BATCH_WRITE], now())
            stored = t.n("{n} grille stored", "{n} grilles stored", len(new))
            print(t("{summary}; {stored}.", summary=summary, stored=stored), file=sys.stderr)
    return 1 if refused else 0


def _replay(
    args: argparse.Namespace, path: Any, chosen: Any, grilles: Any, ids: list[str], t: Translator
) -> tuple[list[Any], list[Any], int]:
    """Replay ``ids`` in parallel and print each session's differences, then the refusals: the new
    grilles, the refused outcomes and how many sessions changed verdicts."""
    from scoring.batch import Job, run, workers_for
    from simulator.journal.backends import location_text

    job = Job(location_text(path), chosen, "replay", args.epreuve, force_replay=args.replay)
    new, refused, changed, outcomes = [], [], 0, []
    with progress_bar(len(ids), t("Replay")) as advance:
        for outcome in run(job, ids, workers=workers_for(len(ids), job, args.jobs)):
            outcomes.append(outcome)
            advance()
    for outcome in outcomes:
        if outcome.grille is None:
            refused.append(outcome)
            continue
        previous = grilles.latest(outcome.session_id)
        lines = _difference_lines(
            previous.grille() if previous else None, outcome.grille.grille(), t
        )
        changed += bool(lines[1:])
        print("\n".join(lines))
        new.append(outcome.grille)
    for outcome in refused:
        reason = outcome.reason(args.lang)
        print(t("{session}: refused — {reason}", session=outcome.session_id, reason=reason))
    return new, refused, changed


def _grilles_and_ids(args: argparse.Namespace, path: Any) -> tuple[Any, list[str]] | str:
    """The grilles store and the sessions to rescore (signed ones left out, each named), or why not."""
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_grilles, open_transcripts
    from simulator.journal.errors import JournalError

    try:
        grilles = open_grilles(path)
    except AssessmentError as exc:
        return layer_text(exc, args.lang)
    try:
        if args.sessions:
            ids = list(args.sessions)
        elif args.all:
            source = open_transcripts(path)
            ids = source.session_ids()
            source.close()
        else:
            ids = grilles.scored_session_ids()
        refused, signed = check_store(path, ids, args.lang)
    except JournalError as exc:
        refused = layer_text(exc, args.lang)
    if refused is not None:
        grilles.close()
        return refused
    return grilles, without_signed(ids, signed, args.lang)


def _difference_lines(old: dict[str, Any] | None, new: dict[str, Any], t: Translator) -> list[str]:
    """A heading line for the session, then one line per competency whose verdict or counts changed."""
    from scoring.diff import differences, rubric_change

    session = new["session"]
    who = f"{session['id']} ({session['candidate_id']})"
    if old is None:
        return [
            t(
                "{session}: first grille — {verdict} ({counts})",
                session=who,
                verdict=verdict_text(new["verdict"], t),
                counts=counts_text(new["counts"], t),
            )
        ]
    head = t(
        "{session}: {old} → {new}",
        session=who,
        old=verdict_text(old["verdict"], t),
        new=verdict_text(new["verdict"], t),
    )
    if moved := rubric_change(old, new):
        head += t(" [scoring grid {change}]", change=moved)
    lines = [head]
    for change in differences(old, new):
        reason = change.new_reason.get(t.lang) or change.new_reason.get("fr")  # stored in fr and en
        why = t(": {reason}", reason=reason) if change.verdict_changed and reason else ""
        lines.append(
            f"  {change.code}  {verdict_text(change.old_verdict, t):>11} → {verdict_text(change.new_verdict, t):<11} "
            f"({change.old_positive}+ {change.old_negative}− → {change.new_positive}+ {change.new_negative}−){why}"
        )
    if len(lines) == 1:
        lines[0] += t(" — no change per competency")
    return lines
