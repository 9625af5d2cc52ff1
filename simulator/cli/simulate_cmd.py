"""``callsim simulate``: play a whole épreuve headlessly with a simulated candidate and print the session id."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import Any

from simulator.cli import language
from simulator.cli.language import command_help, translator
from simulator.cli.layer_text import layer_text
from simulator.cli.scoring_common import error
from simulator.cli.store_option import add_store_option, store_path
from simulator.i18n import N_, Translator

#: The fixed moment a simulated épreuve starts at unless ``--start`` says otherwise (same inputs → same journal).
SIMULATION_START = "2026-01-05T09:00:00"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``simulate``."""
    from simulator.policies.registry import DESCRIPTIONS

    simulate = subparsers.add_parser(
        "simulate",
        help=command_help("simulate"),
        description=language.t(
            "Plays a whole épreuve with a simulated candidate and prints the session's id. "
            "Candidates: {candidates}.",
            candidates=_candidates(DESCRIPTIONS),
        ),
    )
    simulate.add_argument(
        "--epreuve",
        required=True,
        metavar=N_("NAME|PATH"),
        help=N_(
            "name of an épreuve of the library (see callsim epreuve list, e.g. practice, standard) or épreuve file"
        ),
    )
    simulate.add_argument(
        "--policy",
        choices=tuple(DESCRIPTIONS),
        default="ideal",
        help=N_("simulated candidate (default: ideal)"),
    )
    simulate.add_argument(
        "--seed",
        type=int,
        default=1,
        help=N_("seed of the épreuve and of the candidate (default: 1)"),
    )
    simulate.add_argument(
        "--candidate", metavar="ID", help=N_("the candidate's id (default: SIM-<policy>-<seed>)")
    )
    simulate.add_argument(
        "--start",
        metavar=N_("YYYY-MM-DDTHH:MM"),
        default=SIMULATION_START,
        help=N_("start of the épreuve (default: %(default)s, for reproducible journals)"),
    )
    add_store_option(simulate)
    simulate.set_defaults(handler=cmd_simulate)


def _candidates(descriptions: dict[str, tuple[str, str]]) -> str:
    """Each simulated candidate with what it does, in the language of the help (French for Dutch)."""
    english = language.t.lang == "en"
    return language.t("; ").join(
        f"{name} — {pair[1] if english else pair[0]}" for name, pair in descriptions.items()
    )


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play an épreuve with a simulated candidate; print the session id on standard output."""
    from scoring.bundles import epreuve_file, load_epreuve
    from scoring.score import ScoringError
    from simulator.engine.clock import stamp
    from simulator.engine.session import session_id_for
    from simulator.journal.backends import open_journal
    from simulator.journal.errors import JournalError

    t = translator(args.lang)
    try:
        start = datetime.fromisoformat(args.start)
    except ValueError:
        wrong = t("invalid start date: « {start} » (expected: YYYY-MM-DDTHH:MM)", start=args.start)
        return error(t, wrong, 2)
    candidate = args.candidate or f"SIM-{args.policy}-{args.seed}"
    try:
        bundle = load_epreuve(epreuve_file(args.epreuve))
    except ScoringError as exc:
        return error(t, layer_text(exc, args.lang), 2)
    try:
        with open_journal(store_path(args)) as store:
            session_id = session_id_for(candidate, bundle.epreuve.id, args.seed, stamp(start))
            if not _simulated(store, session_id):
                print(_play(args, bundle, store, candidate, start, t))
                return 0
            print(
                t(
                    "Already simulated: {session} (same épreuve, candidate, seed and start).",
                    session=session_id,
                ),
                file=sys.stderr,
            )
            print(session_id)
            return 0
    except JournalError as exc:
        return error(t, layer_text(exc, args.lang))


def _simulated(store: Any, session_id: str) -> bool:
    """Whether ``store`` already holds the session (same épreuve, candidate, seed and start)."""
    from simulator.journal.errors import UnknownSession

    try:
        store.header(session_id)
    except UnknownSession:
        return False
    return True


def _play(
    args: argparse.Namespace,
    bundle: Any,
    store: Any,
    candidate: str,
    start: datetime,
    t: Translator,
) -> str:
    """Play the épreuve into ``store``, say how it went on standard error; the new session's id."""
    from simulator.engine.clock import ManualClock
    from simulator.engine.session import EpreuveSession
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    clock = ManualClock(start)
    session = EpreuveSession.start(
        bundle, store=store, clock=clock, candidate_id=candidate, seed=args.seed
    )
    try:
        actions = play_epreuve(session, policy_factory(args.policy, args.seed), clock)
    finally:
        session.close()
    played = t.n("{n} action", "{n} actions", actions)
    print(
        t(
            "{epreuve}: simulated candidate « {policy} », seed {seed}, {actions}, end: {end}.",
            epreuve=bundle.epreuve.id,
            policy=args.policy,
            seed=args.seed,
            actions=played,
            end=session.finished or t("not finished"),
        ),
        file=sys.stderr,
    )
    return str(session.session_id)
