"""``callsim assessor | override | mark-reviewed | sign | reopen | confirm-text | audit | sessions``: the assessors' side for scripting.

Every rule lives in ``scoring.assessment.desk.ReviewDesk``: these commands read the arguments and
the passphrase, call the desk and print its answer. A refusal exits 1 with the desk's message in the
chosen language; an unknown session, a missing store or a bad filter exits 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.assessor_accounts_cmd import register_accounts
from simulator.cli.desk_access import _acting, _as_assessor, _common, _run, _usage
from simulator.cli.language import command_help


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``assessor``, ``override``, ``mark-reviewed``, ``sign``, ``reopen``, ``confirm-text``, ``audit`` and ``sessions``."""
    register_accounts(subparsers)

    override = subparsers.add_parser(
        "override",
        help=command_help("override"),
        description="Déroge au verdict automatique d'une compétence. La raison est obligatoire ; le verdict "
        "automatique reste visible à côté ; l'acte est inscrit au journal d'audit.",
    )
    override.add_argument("session", metavar="SESSION", help="identifiant de la session")
    override.add_argument(
        "competency", metavar="COMPÉTENCE", help="code de la compétence (p. ex. 01.09)"
    )
    override.add_argument("--verdict", required=True, metavar="OK|NOK", help="nouveau verdict")
    override.add_argument(
        "--reason", required=True, metavar="TEXTE", help="raison écrite (obligatoire)"
    )
    _acting(override, cmd_override)

    mark = subparsers.add_parser(
        "mark-reviewed",
        help=command_help("mark-reviewed"),
        description="Vous vous portez garant de la grille de la session (notée ou déjà revue).",
    )
    mark.add_argument("session", metavar="SESSION", help="identifiant de la session")
    _acting(mark, cmd_mark_reviewed)

    sign = subparsers.add_parser(
        "sign",
        help=command_help("sign"),
        description="Signe une session revue ; refusé tant qu'une compétence reste "
        "« non observée ». Une session signée ne change plus sans réouverture.",
    )
    sign.add_argument("session", metavar="SESSION", help="identifiant de la session")
    _acting(sign, cmd_sign)

    reopen = subparsers.add_parser(
        "reopen",
        help=command_help("reopen"),
        description="Rouvre une session signée pour permettre une modification ; "
        "la raison est inscrite au journal d'audit.",
    )
    reopen.add_argument("session", metavar="SESSION", help="identifiant de la session")
    reopen.add_argument(
        "--reason", required=True, metavar="TEXTE", help="raison écrite (obligatoire)"
    )
    _acting(reopen, cmd_reopen)
    _register_confirm(subparsers)
    _register_audit(subparsers)
    _register_sessions(subparsers)


def _register_confirm(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``confirm-text``."""
    confirm = subparsers.add_parser(
        "confirm-text",
        help=command_help("confirm-text"),
        description="Confirme ou corrige le jugement automatique « à confirmer » d'un texte tapé (événement du "
        "journal) ; une session ne peut être signée tant qu'un texte attend.",
    )
    confirm.add_argument("session", metavar="SESSION", help="identifiant de la session")
    confirm.add_argument(
        "event", metavar="ÉVÉNEMENT", type=int, help="numéro de l'événement du texte (seq)"
    )
    decided = confirm.add_mutually_exclusive_group(required=True)
    decided.add_argument(
        "--met", dest="met", action="store_true", help="le texte satisfait le contrôle"
    )
    decided.add_argument(
        "--not-met", dest="met", action="store_false", help="le texte ne le satisfait pas"
    )
    confirm.add_argument(
        "--rule", metavar="RÈGLE", help="un seul contrôle (p. ex. text:recap/recap-date)"
    )
    confirm.add_argument(
        "--reason", metavar="TEXTE", help="raison écrite (obligatoire pour corriger la machine)"
    )
    _acting(confirm, cmd_confirm_text)


def _register_audit(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``audit verify | show``."""
    audit = subparsers.add_parser(
        "audit",
        help=command_help("audit"),
        description="Le journal d'audit des évaluateurs, chaîné par empreintes SHA-256.",
    )
    audit.set_defaults(handler=lambda _args: _usage(audit))
    audit_actions = audit.add_subparsers(dest="audit_command", metavar="ACTION")
    verify = audit_actions.add_parser(
        "verify",
        help="vérifier la chaîne d'audit",
        description="Recalcule la chaîne et nomme la première entrée en défaut.",
    )
    _common(verify)
    verify.set_defaults(handler=cmd_audit_verify)
    show = audit_actions.add_parser(
        "show",
        help="afficher les entrées d'audit (qui, quand, quoi, pourquoi)",
        description="Affiche le journal d'audit, ou la partie d'une session.",
    )
    show.add_argument("session", nargs="?", metavar="SESSION", help="seulement cette session")
    _common(show)
    show.set_defaults(handler=cmd_audit_show)


def _register_sessions(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``sessions``."""
    from scoring.assessment.model import STATUSES

    sessions = subparsers.add_parser(
        "sessions",
        help=command_help("sessions"),
        description="Toutes les sessions du journal, notées ou non : statut (to_score, "
        "scored, reviewed, signed), verdicts automatique et final, dérogations.",
    )
    sessions.add_argument(
        "--epreuve", metavar="ÉPREUVE", help="seulement cette épreuve (p. ex. practice)"
    )
    sessions.add_argument("--status", choices=STATUSES, help="seulement ce statut")
    sessions.add_argument(
        "--since", metavar="AAAA-MM-JJ", help="sessions commencées ce jour-là ou après"
    )
    sessions.add_argument(
        "--until", metavar="AAAA-MM-JJ", help="sessions commencées ce jour-là ou avant"
    )
    _common(sessions)
    sessions.set_defaults(handler=cmd_sessions)


# -- acts -----------------------------------------------------------------------------------------


def cmd_override(args: argparse.Namespace) -> int:
    """Override one competency's verdict with a reason."""
    from scoring.reports.view import verdict_word

    def act(desk: Any, who: str, text: dict[str, Any]) -> int:
        done = desk.override(who, args.session, args.competency, args.verdict, args.reason)
        print(
            text["override"].format(
                seq=done.audit_seq,
                session=done.session_id,
                code=done.competency,
                who=who,
                previous=verdict_word(done.previous, args.lang),
                verdict=verdict_word(done.verdict, args.lang),
                automatic=verdict_word(done.automatic, args.lang),
            )
        )
        return 0

    return _as_assessor(args, act)


def cmd_mark_reviewed(args: argparse.Namespace) -> int:
    """Mark a scored session reviewed."""
    return _as_assessor(
        args, lambda desk, who, text: _done(text["review"], desk.mark_reviewed(who, args.session))
    )


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign a reviewed session."""
    return _as_assessor(
        args, lambda desk, who, text: _done(text["sign"], desk.sign(who, args.session))
    )


def cmd_reopen(args: argparse.Namespace) -> int:
    """Re-open a signed session, with a reason."""
    return _as_assessor(
        args,
        lambda desk, who, text: _done(text["reopen"], desk.reopen(who, args.session, args.reason)),
    )


def cmd_confirm_text(args: argparse.Namespace) -> int:
    """Decide a typed text the machine was unsure about."""

    def act(desk: Any, who: str, text: dict[str, Any]) -> int:
        entry = desk.confirm_text(
            args.session, args.event, args.met, args.reason, who, rule=args.rule
        )
        print(
            text["confirm_text"].format(
                event=args.event,
                rule=args.rule or "*",
                who=who,
                seq=entry.seq,
                met=text["met" if args.met else "not_met"],
            )
        )
        return 0

    return _as_assessor(args, act)


def _done(template: str, entry: Any) -> int:
    print(
        template.format(
            session=entry.session_id,
            who=entry.assessor,
            seq=entry.seq,
            reason=entry.payload.get("reason", ""),
        )
    )
    return 0


# -- audit and sessions ---------------------------------------------------------------------------


def cmd_audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the audit chain is intact, 1 naming the first bad entry and why."""

    def verify(desk: Any, text: dict[str, Any]) -> int:
        found = desk.verify_audit()
        if found is None:
            count = len(desk.audit_entries())
            print(
                text["intact"].format(
                    count=count, entries=text["entry" if count < 2 else "entries_word"]
                )
            )
            return 0
        print(text["broken" if found.table == "audit" else "broken_grille"].format(seq=found.seq))
        print(found.message(args.lang))
        return 1

    return _run(args, verify)


def cmd_audit_show(args: argparse.Namespace) -> int:
    """A table of the audit entries (all, or one session's): seq, when, who, what, why."""
    from simulator.cli.assessor_views import audit_table, console

    def show(desk: Any, text: dict[str, Any]) -> int:
        entries = desk.review(args.session).audit if args.session else desk.audit_entries()
        if not entries:
            print(text["no_entries"], file=sys.stderr)
            return 0
        console().print(audit_table(entries, text, args.lang, with_session=not args.session))
        return 0

    return _run(args, show)


def cmd_sessions(args: argparse.Namespace) -> int:
    """A table of the sessions with their review status, verdicts and overrides."""
    from simulator.cli.assessor_views import console, sessions_table

    def listing(desk: Any, text: dict[str, Any]) -> int:
        found = desk.sessions(
            epreuve=args.epreuve, status=args.status, since=args.since, until=args.until
        )
        if not found:
            print(text["no_sessions"], file=sys.stderr)
            return 0
        console().print(sessions_table(found, text, args.lang))
        return 0

    return _run(args, listing)
