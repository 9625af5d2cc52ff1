"""What the scoring commands share: the ``--rubric``/``--jobs`` options, the progress bar, verdict wording, errors."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from simulator.cli.language import translator
from simulator.cli.layer_text import layer_text
from simulator.cli.store_option import add_store_option
from simulator.i18n import N_, Translator

#: Grilles are written to the store in batches of this many.
BATCH_WRITE = 100

#: How a verdict is written in the commands' lines.
VERDICTS = {"ok": N_("OK"), "nok": N_("NOK"), "not_observed": N_("NOT OBSERVED")}


def add_scoring_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--rubric``, ``--jobs`` and ``--store`` (``score`` and ``rescore``)."""
    parser.add_argument(
        "--rubric",
        metavar=N_("FILE"),
        help=N_("YAML scoring grid (default: the one bundled with callsim)"),
    )
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help=N_("parallel processes (default: by the number of sessions)"),
    )
    add_store_option(parser)


def rubric(args: argparse.Namespace) -> Any:
    """The rubric ``--rubric`` names, else the one shipped with callsim (raises ``RubricError``)."""
    from scoring.rubric_file import default_rubric, load_rubric

    return load_rubric(args.rubric) if args.rubric else default_rubric()


def print_rubric_error(exc: Any, lang: str) -> int:
    """Print a ``RubricError``'s lines in ``lang``; the exit code for it."""
    for line in exc.lines(lang):
        print(line, file=sys.stderr)
    return 2


def error(t: Translator, message: str, code: int = 1) -> int:
    """Print ``Error: message`` in ``t``'s language on standard error; return ``code``."""
    print(t("Error: {message}", message=message), file=sys.stderr)
    return code


def now() -> str:
    """The wall-clock moment a grille is stored at (the command line is the only place that reads it)."""
    from simulator.engine.clock import stamp
    from simulator.system_clock import SystemClock

    return stamp(SystemClock().now())


def verdict_text(verdict: str, t: Translator) -> str:
    """``ok``, ``nok``, ``not_observed`` as the lines write them (another value as it is)."""
    return t(VERDICTS[verdict]) if verdict in VERDICTS else verdict


def counts_text(counts: dict[str, int], t: Translator) -> str:
    """``3 OK · 1 NOK · 2 not observed``: how many competencies have each verdict."""
    return t.n(
        "{ok} OK · {nok} NOK · {n} not observed",
        "{ok} OK · {nok} NOK · {n} not observed",
        counts["not_observed"],
        ok=counts["ok"],
        nok=counts["nok"],
    )


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
            self._bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            self._bar.start()
            task = self._bar.add_task(self.label, total=self.total)
            return lambda: self._bar.advance(task)
        return lambda: None

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.stop()


def check_store(path: Any, session_ids: list[str], lang: str) -> tuple[str | None, set[str]]:
    """The refusal when the audit log, the grilles or these sessions' sealed journals do not verify (else
    ``None``), and which of the sessions are signed (no new grille until re-opened)."""
    from scoring.assessment.integrity import check_sessions, signed_rows
    from scoring.assessment.model import AssessmentError
    from scoring.backends import open_audit, open_grilles
    from simulator.journal.backends import open_journal

    try:
        with (
            open_journal(path, create=False) as journal,
            open_audit(path) as audit,
            open_grilles(path) as grilles,
        ):
            check_sessions(journal, audit, grilles, session_ids)
            return None, set(signed_rows(audit.entries())) & set(session_ids)
    except AssessmentError as exc:
        return layer_text(exc, lang), set()


def without_signed(ids: list[str], signed: set[str], lang: str) -> list[str]:
    """``ids`` but the signed sessions, each named on stderr: a signed session is re-opened before it is scored again."""
    t = translator(lang)
    for session_id in ids:
        if session_id in signed:
            print(
                t(
                    "{session} is signed: re-open it (callsim reopen) before scoring it again.",
                    session=session_id,
                ),
                file=sys.stderr,
            )
    return [session_id for session_id in ids if session_id not in signed]
