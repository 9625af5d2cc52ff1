"""``callsim simulate | score | rescore | report``: simulated candidates, batch scoring and the grille's reports.

``simulate`` plays a whole épreuve headlessly with a candidate policy and prints the session id.
``score`` verifies journals and stores their grille (rubric version and journal head beside it);
``rescore`` re-derives the evidence by replay, shows what changes per competency, then stores;
``report`` prints or writes the latest grille of a session.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

#: The fixed moment a simulated épreuve starts at unless ``--start`` says otherwise (same inputs → same journal).
SIMULATION_START = "2026-01-05T09:00:00"
_BATCH_WRITE = 100


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``simulate``, ``score``, ``rescore`` and ``report``."""
    from simulator.policies.registry import DESCRIPTIONS

    simulate = subparsers.add_parser(
        "simulate", help="faire passer une épreuve à un candidat simulé (sans écran)",
        description="Joue toute une épreuve avec un candidat simulé et affiche l'identifiant de la session. "
                    "Candidats : " + " ; ".join(f"{k} — {fr}" for k, (fr, _en) in DESCRIPTIONS.items()) + ".")
    simulate.add_argument("--epreuve", required=True, metavar="NOM|CHEMIN",
                          help="nom (scenarios/epreuves/NOM.yaml, p. ex. practice, standard) ou fichier d'épreuve")
    simulate.add_argument("--policy", choices=tuple(DESCRIPTIONS), default="ideal", help="candidat simulé (défaut : ideal)")
    simulate.add_argument("--seed", type=int, default=1, help="graine de l'épreuve et du candidat (défaut : 1)")
    simulate.add_argument("--candidate", metavar="ID", help="identifiant du candidat (défaut : SIM-<policy>-<seed>)")
    simulate.add_argument("--start", metavar="AAAA-MM-JJTHH:MM", default=SIMULATION_START,
                          help=f"début de l'épreuve (défaut : {SIMULATION_START}, pour des journaux reproductibles)")
    _add_store_option(simulate)
    simulate.set_defaults(handler=cmd_simulate)

    score = subparsers.add_parser(
        "score", help="noter des sessions (grille OK / NOK par compétence)",
        description="Vérifie le journal de chaque session, calcule sa grille d'évaluation à partir des preuves "
                    "du journal et l'enregistre avec la version de la grille de notation et l'empreinte du journal. "
                    "Un journal qui ne passe pas la vérification est refusé, avec la raison.")
    score.add_argument("sessions", nargs="*", metavar="SESSION", help="identifiants de session")
    score.add_argument("--all", action="store_true", help="toutes les sessions du journal")
    score.add_argument("--force", action="store_true", help="renoter même une session déjà notée sur la même base")
    _add_scoring_options(score)
    score.set_defaults(handler=cmd_score)

    rescore = subparsers.add_parser(
        "rescore", help="renoter par rejeu (règles ou grille de notation modifiées)",
        description="Rejoue les journaux sur les fichiers d'épreuve actuels (le moteur recalcule les preuves), "
                    "applique la grille de notation et affiche les différences par compétence avant d'écrire.")
    rescore.add_argument("sessions", nargs="*", metavar="SESSION",
                         help="identifiants de session (défaut : toutes les sessions déjà notées)")
    rescore.add_argument("--all", action="store_true", help="toutes les sessions du journal, notées ou non")
    rescore.add_argument("--dry-run", action="store_true", help="afficher les différences sans rien écrire")
    rescore.add_argument("--epreuve", metavar="CHEMIN", help="fichier d'épreuve sur lequel rejouer (défaut : celui de la session)")
    _add_scoring_options(rescore)
    rescore.set_defaults(handler=cmd_rescore)

    report = subparsers.add_parser(
        "report", help="afficher ou exporter la grille d'une session",
        description="La dernière grille enregistrée d'une session : tableau dans le terminal, HTML imprimable (A4), "
                    "JSON, CSV ou Markdown.")
    report.add_argument("session", metavar="SESSION", help="identifiant de la session")
    report.add_argument("--format", choices=("terminal", "html", "json", "csv", "md"), default="terminal",
                        help="format (défaut : terminal)")
    report.add_argument("--lang", choices=("fr", "en"), default="fr", help="langue du rapport (défaut : fr)")
    report.add_argument("-o", "--output", metavar="FICHIER", help="fichier de sortie (défaut : sortie standard)")
    _add_store_option(report)
    report.set_defaults(handler=cmd_report)


def _add_store_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--store", metavar="CHEMIN", help="base du journal (par défaut : $CALLSIM_STORE ou "
                                                          "$XDG_DATA_HOME/callsim/callsim.sqlite3)")


def _add_scoring_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--rubric", metavar="FICHIER", help="grille de notation YAML (défaut : celle livrée avec callsim)")
    parser.add_argument("--jobs", type=int, metavar="N", help="processus en parallèle (défaut : selon le nombre de sessions)")
    _add_store_option(parser)


def _store_path(args: argparse.Namespace) -> Path:
    from simulator.journal.paths import default_store_path

    return Path(args.store) if args.store else default_store_path()


def _error(message: str, code: int = 1) -> int:
    print(f"Erreur : {message}", file=sys.stderr)
    return code


def _now() -> str:
    from simulator.engine.clock import stamp
    from simulator.system_clock import SystemClock

    return stamp(SystemClock().now())


# -- simulate ---------------------------------------------------------------------------------------


def cmd_simulate(args: argparse.Namespace) -> int:
    """Play an épreuve with a simulated candidate; print the session id on standard output."""
    from scoring.bundles import epreuve_file, load_epreuve
    from scoring.score import ScoringError
    from simulator.engine.clock import ManualClock, stamp
    from simulator.engine.session import EpreuveSession, session_id_for
    from simulator.journal.errors import JournalError, UnknownSession
    from simulator.journal.sqlite_store import SqliteJournalStore
    from simulator.policies.driver import play_epreuve
    from simulator.policies.registry import policy_factory

    try:
        start = datetime.fromisoformat(args.start)
    except ValueError:
        return _error(f"date de début invalide : « {args.start} » (attendu : AAAA-MM-JJTHH:MM)", 2)
    candidate = args.candidate or f"SIM-{args.policy}-{args.seed}"
    try:
        bundle = load_epreuve(epreuve_file(args.epreuve))
    except ScoringError as exc:
        return _error(exc.message_fr, 2)
    try:
        with SqliteJournalStore(_store_path(args)) as store:
            session_id = session_id_for(candidate, bundle.epreuve.id, args.seed, stamp(start))
            try:
                store.header(session_id)
                print(f"Déjà simulée : {session_id} (même épreuve, candidat, graine et début).", file=sys.stderr)
                print(session_id)
                return 0
            except UnknownSession:
                pass
            clock = ManualClock(start)
            session = EpreuveSession.start(bundle, store=store, clock=clock, candidate_id=candidate, seed=args.seed)
            try:
                actions = play_epreuve(session, policy_factory(args.policy, args.seed), clock)
            finally:
                session.close()
            print(f"{bundle.epreuve.id} : candidat simulé « {args.policy} », graine {args.seed}, {actions} actions, "
                  f"fin : {session.finished or 'non terminée'}.", file=sys.stderr)
            print(session.session_id)
            return 0
    except JournalError as exc:
        return _error(exc.message_fr)


# -- score ------------------------------------------------------------------------------------------


def _rubric(args: argparse.Namespace) -> Any:
    from scoring.rubric_file import default_rubric, load_rubric

    return load_rubric(args.rubric) if args.rubric else default_rubric()


def _print_rubric_error(exc: Any) -> int:
    for line in exc.lines("fr"):
        print(line, file=sys.stderr)
    return 2


def cmd_score(args: argparse.Namespace) -> int:
    """Score the named sessions (or all of them), store their grilles, report refusals."""
    from scoring.batch import Job, run, workers_for
    from scoring.rubric_file import RubricError
    from scoring.storage import SqliteGrilleStore
    from scoring.transcripts import SqliteTranscripts
    from simulator.journal.errors import JournalError

    if not args.sessions and not args.all:
        return _error("nommez des sessions ou utilisez --all.", 2)
    try:
        rubric = _rubric(args)
    except RubricError as exc:
        return _print_rubric_error(exc)
    path = _store_path(args)
    try:
        source = SqliteTranscripts(path)
        ids = list(args.sessions) or source.session_ids()
        grilles = SqliteGrilleStore(path)
        todo = ids if args.force else _needing_score(path, grilles, ids, rubric.sha256)
        source.close()
    except JournalError as exc:
        return _error(exc.message_fr)
    job = Job(str(path), rubric, "journal")
    written, refused = 0, []
    pending = []
    verbose = len(todo) <= 20
    with grilles, _progress(len(todo), "Notation") as advance:
        for outcome in run(job, todo, workers=workers_for(len(todo), job, args.jobs)):
            advance()
            if outcome.grille is None:
                refused.append(outcome)
                continue
            pending.append(outcome.grille)
            if verbose:
                grille = outcome.grille.grille()
                print(f"{outcome.session_id}\t{_verdict_fr(grille['verdict'])}\t{_counts_fr(grille['counts'])}")
            if len(pending) >= _BATCH_WRITE:
                written += grilles.put(pending, _now())
                pending.clear()
        written += grilles.put(pending, _now())
    skipped = len(ids) - len(todo)
    print(f"{written} grille(s) enregistrée(s) (grille de notation {rubric.rubric.id} {rubric.version})"
          + (f", {skipped} déjà à jour" if skipped else "") + (f", {len(refused)} refusée(s)" if refused else "") + ".",
          file=sys.stderr)
    for outcome in refused:
        print(f"{outcome.session_id} refusée : {outcome.refusal[1]}", file=sys.stderr)
    return 1 if refused else 0


def _needing_score(path: Path, grilles: Any, ids: list[str], rubric_sha: str) -> list[str]:
    """Sessions whose latest grille is not already from this journal head and this rubric (journal evidence)."""
    from simulator.journal.canonical import header_hash
    from simulator.journal.errors import UnknownSession
    from simulator.journal.sqlite_store import SqliteJournalStore

    todo = []
    with SqliteJournalStore(path, create=False) as store:
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


class _progress:
    """A rich progress bar on standard error when it is a terminal (nothing otherwise)."""

    def __init__(self, total: int, label: str) -> None:
        self.total, self.label = total, label
        self._bar: Any = None

    def __enter__(self) -> Any:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(stderr=True)
        if console.is_terminal and self.total > 1:
            self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=console, transient=True)
            self._bar.start()
            task = self._bar.add_task(self.label, total=self.total)
            return lambda: self._bar.advance(task)
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def _verdict_fr(verdict: str) -> str:
    return {"ok": "OK", "nok": "NOK", "not_observed": "NON OBSERVÉ"}.get(verdict, verdict)


def _counts_fr(counts: dict[str, int]) -> str:
    return f"{counts['ok']} OK · {counts['nok']} NOK · {counts['not_observed']} non observée(s)"


# -- rescore ----------------------------------------------------------------------------------------


def cmd_rescore(args: argparse.Namespace) -> int:
    """Replay, apply the rubric, print what changes per competency, then store (unless --dry-run)."""
    from scoring.batch import Job, run, workers_for
    from scoring.rubric_file import RubricError
    from scoring.storage import SqliteGrilleStore
    from scoring.transcripts import SqliteTranscripts
    from simulator.journal.errors import JournalError

    try:
        rubric = _rubric(args)
    except RubricError as exc:
        return _print_rubric_error(exc)
    path = _store_path(args)
    try:
        grilles = SqliteGrilleStore(path) if path.is_file() else None
        if grilles is None:
            return _error(f"journal introuvable : {path}")
        if args.sessions:
            ids = list(args.sessions)
        elif args.all:
            source = SqliteTranscripts(path)
            ids = source.session_ids()
            source.close()
        else:
            ids = grilles.scored_session_ids()
    except JournalError as exc:
        return _error(exc.message_fr)
    if not ids:
        print("Aucune session à renoter (aucune grille enregistrée : utilisez callsim score, ou --all).", file=sys.stderr)
        return 0
    job = Job(str(path), rubric, "replay", args.epreuve)
    new, refused, changed = [], [], 0
    with grilles:
        outcomes = []
        with _progress(len(ids), "Rejeu") as advance:
            for outcome in run(job, ids, workers=workers_for(len(ids), job, args.jobs)):
                outcomes.append(outcome)
                advance()
        for outcome in outcomes:
            if outcome.grille is None:
                refused.append(outcome)
                continue
            previous = grilles.latest(outcome.session_id)
            lines = _difference_lines(previous.grille() if previous else None, outcome.grille.grille())
            changed += bool(lines[1:])
            print("\n".join(lines))
            new.append(outcome.grille)
        for outcome in refused:
            print(f"{outcome.session_id} : refusée — {outcome.refusal[1]}")
        summary = (f"{len(new)} session(s) renotée(s) avec {rubric.rubric.id} {rubric.version}, "
                   f"{changed} avec des verdicts modifiés")
        if args.dry_run:
            print(f"{summary} ; rien n'est écrit (--dry-run).", file=sys.stderr)
        else:
            for start in range(0, len(new), _BATCH_WRITE):
                grilles.put(new[start:start + _BATCH_WRITE], _now())
            print(f"{summary} ; {len(new)} grille(s) enregistrée(s).", file=sys.stderr)
    return 1 if refused else 0


def _difference_lines(old: dict[str, Any] | None, new: dict[str, Any]) -> list[str]:
    """A heading line for the session, then one line per competency whose verdict or counts changed."""
    from scoring.diff import differences

    session = new["session"]
    if old is None:
        return [(f"{session['id']} ({session['candidate_id']}) : première grille — {_verdict_fr(new['verdict'])} "
                 f"({_counts_fr(new['counts'])})")]
    head = f"{session['id']} ({session['candidate_id']}) : {_verdict_fr(old['verdict'])} → {_verdict_fr(new['verdict'])}"
    lines = [head]
    for change in differences(old, new):
        lines.append(f"  {change.code}  {_verdict_fr(change.old_verdict):>11} → {_verdict_fr(change.new_verdict):<11} "
                     f"({change.old_positive}+ {change.old_negative}− → {change.new_positive}+ {change.new_negative}−)")
    if len(lines) == 1:
        lines[0] += " — aucun changement par compétence"
    return lines


# -- report -----------------------------------------------------------------------------------------


def cmd_report(args: argparse.Namespace) -> int:
    """Print or write the latest grille of a session in the chosen format."""
    from scoring.reports import render_text
    from scoring.storage import SqliteGrilleStore
    from simulator.journal.errors import JournalError, UnknownSession
    from simulator.journal.sqlite_store import SqliteJournalStore

    path = _store_path(args)
    try:
        with SqliteJournalStore(path, create=False) as store:
            store.header(args.session)
            last = store.last_event(args.session)
            with SqliteGrilleStore(path) as grilles:
                latest = grilles.latest(args.session)
    except UnknownSession:
        return _error(f"session inconnue : « {args.session} » (unknown session).")
    except JournalError as exc:
        return _error(exc.message_fr)
    if latest is None:
        return _error(f"la session {args.session} n'est pas encore notée : lancez « callsim score {args.session} ».")
    if last is not None and last.hash != latest.journal_head:
        print("Attention : le journal a changé depuis cette notation ; relancez « callsim score ».", file=sys.stderr)
    grille = latest.grille()
    if args.format == "terminal" and not args.output:
        from rich.console import Console

        from scoring.reports.terminal import print_terminal

        print_terminal(grille, Console(highlight=False), args.lang)
        return 0
    if args.format == "terminal":
        return _error("le format terminal s'affiche à l'écran : choisissez html, json, csv ou md avec -o.", 2)
    text = render_text(grille, args.format, args.lang)
    return _write(text, args.output)


def _write(text: str, output: str | None) -> int:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            return _error(f"écriture impossible : {exc}")
        print(f"Écrit : {output}", file=sys.stderr)
        return 0
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        return 1
    return 0
