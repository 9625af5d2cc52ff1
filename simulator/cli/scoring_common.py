"""What the scoring commands share: the ``--rubric``/``--jobs`` options, the progress bar, verdict wording, errors."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.store_option import add_store_option

#: Grilles are written to the store in batches of this many.
BATCH_WRITE = 100


def add_scoring_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--rubric``, ``--jobs`` and ``--store`` (``score`` and ``rescore``)."""
    parser.add_argument("--rubric", metavar="FICHIER", help="grille de notation YAML (défaut : celle livrée avec callsim)")
    parser.add_argument("--jobs", type=int, metavar="N", help="processus en parallèle (défaut : selon le nombre de sessions)")
    add_store_option(parser)


def rubric(args: argparse.Namespace) -> Any:
    """The rubric ``--rubric`` names, else the one shipped with callsim (raises ``RubricError``)."""
    from scoring.rubric_file import default_rubric, load_rubric

    return load_rubric(args.rubric) if args.rubric else default_rubric()


def print_rubric_error(exc: Any) -> int:
    """Print a ``RubricError``'s lines in French; the exit code for it."""
    for line in exc.lines("fr"):
        print(line, file=sys.stderr)
    return 2


def error(message: str, code: int = 1) -> int:
    """Print ``Erreur : message`` on standard error; return ``code``."""
    print(f"Erreur : {message}", file=sys.stderr)
    return code


def now() -> str:
    """The wall-clock moment a grille is stored at (the command line is the only place that reads it)."""
    from simulator.engine.clock import stamp
    from simulator.system_clock import SystemClock

    return stamp(SystemClock().now())


def verdict_fr(verdict: str) -> str:
    return {"ok": "OK", "nok": "NOK", "not_observed": "NON OBSERVÉ"}.get(verdict, verdict)


def counts_fr(counts: dict[str, int]) -> str:
    return f"{counts['ok']} OK · {counts['nok']} NOK · {counts['not_observed']} non observée(s)"


class progress_bar:
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


def check_store(path: Any, session_ids: list[str]) -> tuple[str | None, set[str]]:
    """The refusal when the audit log, the grilles or these sessions' sealed journals do not verify (else
    ``None``), and which of the sessions are signed (no new grille until re-opened)."""
    from scoring.assessment.integrity import check_sessions, signed_rows
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_audit, open_grilles
    from simulator.journal.backends import open_journal

    try:
        with open_journal(path, create=False) as journal, open_audit(path) as audit, open_grilles(path) as grilles:
            check_sessions(journal, audit, grilles, session_ids)
            return None, set(signed_rows(audit.entries())) & set(session_ids)
    except AssessmentError as exc:
        return exc.message("fr"), set()


def without_signed(ids: list[str], signed: set[str]) -> list[str]:
    """``ids`` but the signed sessions, each named on stderr: a signed session is re-opened before it is scored again."""
    for session_id in ids:
        if session_id in signed:
            print(f"{session_id} signée : rouvrez-la (callsim reopen) avant de la noter à nouveau.", file=sys.stderr)
    return [session_id for session_id in ids if session_id not in signed]
