"""``callsim review`` on the command line, and the wall between the candidate app and the review app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.cli import build_parser, main
from simulator.cli.review_cmd import run_review

#: The child processes import this source tree, whatever folder the tests were started from.
REPO = Path(__file__).resolve().parents[2]


def test_review_is_a_command_with_store_language_and_blind_mode():
    args = build_parser().parse_args(
        ["review", "--store", "journal.sqlite3", "--lang", "en", "--blind"]
    )
    assert (
        args.handler is run_review
        and args.store == "journal.sqlite3"
        and args.lang == "en"
        and args.blind
    )
    assert build_parser().parse_args(["review"]).lang == "fr"


@pytest.mark.parametrize(
    "lang, expected",
    [
        ("fr", "callsim review : base introuvable"),
        ("en", "callsim review: store not found"),
    ],
)
def test_a_missing_store_is_a_clear_message(tmp_path, capsys, lang, expected):
    assert main(["review", "--store", str(tmp_path / "absent.sqlite3"), "--lang", lang]) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


def test_a_file_that_is_not_a_store_is_refused_without_a_traceback(tmp_path, capsys):
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("pas une base SQLite", encoding="utf-8")
    assert main(["review", "--store", str(bogus)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("callsim review : ") and "Traceback" not in err


def test_the_candidate_app_never_loads_the_review_app():
    """No key, command or screen of the candidate app can reach review: it does not even import it."""
    code = (
        "import sys, simulator.app.app, simulator.app.screens.console, simulator.cli.app_cmd; "
        "print(sorted(m for m in sys.modules if m.startswith(('simulator.review', 'scoring.assessment'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
