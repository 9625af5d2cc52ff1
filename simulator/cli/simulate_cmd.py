"""``callsim simulate``: play a whole épreuve headlessly with a simulated candidate and print the session id."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from simulator.cli.language import command_help
from simulator.cli.scoring_common import error
from simulator.cli.store_option import add_store_option, store_path

#: The fixed moment a simulated épreuve starts at unless ``--start`` says otherwise (same inputs → same journal).
SIMULATION_START = "2026-01-05T09:00:00"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``simulate``."""
    from simulator.policies.registry import DESCRIPTIONS

    simulate = subparsers.add_parser(
        "simulate",
        help=command_help("simulate"),
        description="Joue toute une épreuve avec un candidat simulé et affiche l'identifiant de la session. "
        "Candidats : " + " ; ".join(f"{k} — {fr}" for k, (fr, _en) in DESCRIPTIONS.items()) + ".",
    )
    simulate.add_argument(
        "--epreuve",
        required=True,
        metavar="NOM|CHEMIN",
        help="nom d'une épreuve de la bibliothèque (voir callsim epreuve list, p. ex. practice, standard) ou fichier d'épreuve",
    )
    simulate.add_argument(
        "--policy",
        choices=tuple(DESCRIPTIONS),
        default="ideal",
        help="candidat simulé (défaut : ideal)",
    )
    simulate.add_argument(
        "--seed", type=int, default=1, help="graine de l'épreuve et du candidat (défaut : 1)"
    )
    simulate.add_argument(
        "--candidate", metavar="ID", help="identifiant du candidat (défaut : SIM-<policy>-<seed>)"
    )
    simulate.add_argument(
        "--start",
        metavar="AAAA-MM-JJTHH:MM",
        default=SIMULATION_START,
        help=f"début de l'épreuve (défaut : {SIMULATION_START}, pour des journaux reproductibles)",
    )
    add_store_option(simulate)
    simulate.set_defaults(handler=cmd_simulate)


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play an épreuve with a simulated candidate; print the session id on standard output."""
    from scoring.bundles import epreuve_file, load_epreuve
    from scoring.score import ScoringError
    from simulator.engine.clock import ManualClock, stamp
    from simulator.engine.session import EpreuveSession, session_id_for
    from simulator.journal.backends import open_journal
    from simulator.journal.errors import JournalError, UnknownSession
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    try:
        start = datetime.fromisoformat(args.start)
    except ValueError:
        return error(f"date de début invalide : « {args.start} » (attendu : AAAA-MM-JJTHH:MM)", 2)
    candidate = args.candidate or f"SIM-{args.policy}-{args.seed}"
    try:
        bundle = load_epreuve(epreuve_file(args.epreuve))
    except ScoringError as exc:
        return error(exc.message_fr, 2)
    try:
        with open_journal(store_path(args)) as store:
            session_id = session_id_for(candidate, bundle.epreuve.id, args.seed, stamp(start))
            try:
                store.header(session_id)
                print(
                    f"Déjà simulée : {session_id} (même épreuve, candidat, graine et début).",
                    file=sys.stderr,
                )
                print(session_id)
                return 0
            except UnknownSession:
                pass
            clock = ManualClock(start)
            session = EpreuveSession.start(
                bundle, store=store, clock=clock, candidate_id=candidate, seed=args.seed
            )
            try:
                actions = play_epreuve(session, policy_factory(args.policy, args.seed), clock)
            finally:
                session.close()
            print(
                f"{bundle.epreuve.id} : candidat simulé « {args.policy} », graine {args.seed}, {actions} actions, "
                f"fin : {session.finished or 'non terminée'}.",
                file=sys.stderr,
            )
            print(session.session_id)
            return 0
    except JournalError as exc:
        return error(exc.message("fr"))
