"""The acts of ``callsim override | mark-reviewed | sign | reopen | confirm-text | audit | sessions``.

Each one logs the assessor in (or opens the desk) through :mod:`simulator.cli.assessor_cmd`, asks
the desk, and prints what it recorded or found in the chosen language.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.assessor_cmd import _as_assessor, _run
from simulator.cli.layer_text import layer_text
from simulator.i18n import N_, Translator

# -- acts -----------------------------------------------------------------------------------------


def cmd_override(args: argparse.Namespace) -> int:
    """Override one competency's verdict with a reason."""
    from simulator.cli.scoring_common import verdict_text

    def act(desk: Any, who: str, t: Translator) -> int:
        done = desk.override(who, args.session, args.competency, args.verdict, args.reason)
        print(
            t(
                "Override recorded (audit #{seq}): {session} {code} {previous} → {verdict} (automatic verdict: "
                "{automatic}), by {who}.",
                seq=done.audit_seq,
                session=done.session_id,
                code=done.competency,
                who=who,
                previous=verdict_text(done.previous, t),
                verdict=verdict_text(done.verdict, t),
                automatic=verdict_text(done.automatic, t),
            )
        )
        return 0

    return _as_assessor(args, act)


def cmd_mark_reviewed(args: argparse.Namespace) -> int:
    """Mark a scored session reviewed."""
    return _as_assessor(
        args,
        lambda desk, who, t: _done(
            t,
            N_("Session {session} marked reviewed by {who} (audit #{seq})."),
            desk.mark_reviewed(who, args.session),
        ),
    )


def cmd_sign(args: argparse.Namespace) -> int:
    """Sign a reviewed session."""
    return _as_assessor(
        args,
        lambda desk, who, t: _done(
            t, N_("Session {session} signed by {who} (audit #{seq})."), desk.sign(who, args.session)
        ),
    )


def cmd_reopen(args: argparse.Namespace) -> int:
    """Re-open a signed session, with a reason."""
    return _as_assessor(
        args,
        lambda desk, who, t: _done(
            t,
            N_("Session {session} re-opened by {who} (audit #{seq}): {reason}"),
            desk.reopen(who, args.session, args.reason),
        ),
    )


def cmd_confirm_text(args: argparse.Namespace) -> int:
    """Decide a typed text the machine was unsure about."""

    def act(desk: Any, who: str, t: Translator) -> int:
        entry = desk.confirm_text(
            args.session, args.event, args.met, args.reason, who, rule=args.rule
        )
        print(
            t(
                "Typed text of event {event} ({rule}) decided: {met}, by {who} (audit #{seq}).",
                event=args.event,
                rule=args.rule or "*",
                who=who,
                seq=entry.seq,
                met=t("met") if args.met else t("not met"),
            )
        )
        return 0

    return _as_assessor(args, act)


def _done(t: Translator, template: str, entry: Any) -> int:
    print(
        t(
            template,
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

    def verify(desk: Any, t: Translator) -> int:
        found = desk.verify_audit()
        if found is None:
            count = len(desk.audit_entries())
            print(
                t.n(
                    "OK: audit chain intact ({n} entry).",
                    "OK: audit chain intact ({n} entries).",
                    count,
                )
            )
            return 0
        if found.table == "audit":
            print(t("FAILED: audit chain broken at entry #{seq}.", seq=found.seq))
        else:
            print(t("FAILED: grilles chain broken at grille #{seq}.", seq=found.seq))
        print(layer_text(found, args.lang))
        return 1

    return _run(args, verify)


def cmd_audit_show(args: argparse.Namespace) -> int:
    """A table of the audit entries (all, or one session's): seq, when, who, what, why."""
    from simulator.cli.assessor_views import audit_table, console

    def show(desk: Any, t: Translator) -> int:
        entries = desk.review(args.session).audit if args.session else desk.audit_entries()
        if not entries:
            print(t("No audit entry."), file=sys.stderr)
            return 0
        console().print(audit_table(entries, t, with_session=not args.session))
        return 0

    return _run(args, show)


def cmd_sessions(args: argparse.Namespace) -> int:
    """A table of the sessions with their review status, verdicts and overrides."""
    from simulator.cli.assessor_views import console, sessions_table

    def listing(desk: Any, t: Translator) -> int:
        found = desk.sessions(
            epreuve=args.epreuve, status=args.status, since=args.since, until=args.until
        )
        if not found:
            print(t("No session matches."), file=sys.stderr)
            return 0
        console().print(sessions_table(found, t))
        return 0

    return _run(args, listing)
