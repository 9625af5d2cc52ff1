"""No traceback ever reaches a candidate: a failure on any screen ends the app with one plain sentence.

A failure is injected on each screen of an exam (an error raised by what the screen runs next, with
a scenario's reply, its rubric and its evidence in local variables, as in the original report).
The app must end with a non-zero exit code, print nothing of Textual's (no traceback, no locals),
give the candidate the French sentence that says to call the invigilator, and leave the
technical detail — but no local variable — in the log under the user's data folder.
"""

from __future__ import annotations

import pytest

from simulator.app.failures import FAILURE_EXIT
from simulator.app.screens.console import ConsoleScreen
from simulator.crash_log import LOG_FILENAME
from tests.app.app_support import make_app
from tests.app.screen_states import CANDIDATE, STATES, steady

SECRET = "Règle : compétence C05, effet négatif, critique — le client n'a pas été vouvoyé"
CALL_THE_INVIGILATOR = "Appelez le surveillant"


class InjectedFailure(RuntimeError):
    """The failure injected into the app."""


def explode() -> None:
    rubric_rule = SECRET  # noqa: F841 — a local variable Textual's own traceback would print
    raise InjectedFailure("engine failure")


@pytest.fixture
def log_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("CALLSIM_LOG_DIR", str(tmp_path / "logs"))
    return tmp_path / "logs"


def _assert_plain_failure(app, log_dir, captured) -> None:
    assert app.return_code == FAILURE_EXIT
    assert CALL_THE_INVIGILATOR in app.failure_message
    assert app._exit_renderables == []  # Textual prints nothing when it exits
    assert (
        SECRET not in captured.out + captured.err and "Traceback" not in captured.out + captured.err
    )
    log = (log_dir / LOG_FILENAME).read_text(encoding="utf-8")
    assert "InjectedFailure: engine failure" in log and "Traceback" in log
    assert SECRET not in log  # no local variables in the log either


@pytest.mark.parametrize("state", ["signin", "console-call", "console-tool", "wrapup", "end"])
async def test_a_failure_on_any_exam_screen_ends_with_a_plain_sentence(state, log_dir, capsys):
    prepared = STATES[state][0]("fr")
    store, clock = prepared if prepared else (None, None)
    app = make_app(mode="exam", store=store, clock=clock, candidate=CANDIDATE if prepared else "")
    with pytest.raises(
        InjectedFailure
    ):  # Pilot hands the app's error back to the test, as for any app
        async with app.run_test(size=(120, 40)) as pilot:
            routine = STATES[state][1]
            if routine is not None:
                await routine(pilot)
            await steady(pilot)
            app.call_later(explode)
            await pilot.pause()
    assert not app.is_running
    _assert_plain_failure(app, log_dir, capsys.readouterr())


async def test_a_failing_engine_call_ends_with_a_plain_sentence(log_dir, capsys, monkeypatch):
    app = make_app(mode="exam", candidate=CANDIDATE)
    with pytest.raises(InjectedFailure):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConsoleScreen)
            monkeypatch.setattr(app.session, "perform", lambda action: explode())
            await pilot.press("f2")
            await pilot.pause()
    _assert_plain_failure(app, log_dir, capsys.readouterr())


def test_the_exam_command_prints_the_sentence_and_exits_non_zero(
    log_dir, capsys, monkeypatch, tmp_path
):
    """``callsim exam`` end to end (headless): the seat fails to open; the shell shows one French sentence."""
    from textual.app import App

    from simulator.app import seat
    from simulator.cli import main

    monkeypatch.setattr(seat, "open_seat", lambda *args, **kwargs: explode())
    real_run = App.run

    async def sign_in(pilot) -> None:
        for _ in range(600):  # the épreuve loads in the background; Enter once it is there
            if pilot.app.failure is not None:
                return
            await pilot.press("enter")
            await pilot.pause(0.1)

    def headless_run(self, **kwargs):
        return real_run(self, headless=True, size=(120, 40), auto_pilot=sign_in)

    monkeypatch.setattr(App, "run", headless_run)
    monkeypatch.setenv("CALLSIM_INVIGILATOR_CODE", "4711")
    code = main(
        [
            "exam",
            "--candidate",
            "C-0099",
            "--epreuve",
            "practice",
            "--store",
            str(tmp_path / "s.sqlite3"),
        ]
    )
    captured = capsys.readouterr()
    assert code == FAILURE_EXIT
    assert captured.err.strip() == (
        "callsim: Un problème technique a arrêté l'épreuve. Tout ce que vous avez fait "
        "jusqu'ici est enregistré. Appelez le surveillant : l'épreuve reprendra là où "
        "elle s'est arrêtée."
    )
    assert SECRET not in captured.out and "Traceback" not in captured.out
    assert "InjectedFailure" in (log_dir / LOG_FILENAME).read_text(encoding="utf-8")


def test_any_command_that_fails_unexpectedly_prints_one_line_and_logs_the_rest(
    log_dir, capsys, monkeypatch
):
    from simulator.cli import UNEXPECTED_EXIT, main, referentiel_cmd

    monkeypatch.setattr(referentiel_cmd, "register", _failing_register(referentiel_cmd.register))
    code = main(["referentiel"])
    captured = capsys.readouterr()
    assert code == UNEXPECTED_EXIT
    assert (
        captured.err.count("\n") == 1
        and "InjectedFailure" in captured.err
        and str(log_dir) in captured.err
    )
    assert (
        "Traceback" not in captured.err + captured.out and SECRET not in captured.err + captured.out
    )
    log = (log_dir / LOG_FILENAME).read_text(encoding="utf-8")
    assert "Traceback" in log and SECRET not in log


def _failing_register(register):
    """The command registers as usual, but its handler fails."""

    def wrapped(subparsers):
        parser = register(subparsers)
        parser.set_defaults(handler=lambda args: explode())
        return parser

    return wrapped


async def test_a_damaged_store_ends_with_its_own_sentence(log_dir, tmp_path):
    from simulator.journal.errors import StoreMisconfigured
    from simulator.journal.sqlite_store import SqliteJournalStore

    damaged = tmp_path / "centre.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    app = make_app(mode="exam", candidate=CANDIDATE)
    app.store_factory = lambda: SqliteJournalStore(damaged)
    with pytest.raises(StoreMisconfigured):
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("enter")
            await pilot.pause()
    assert app.return_code == FAILURE_EXIT
    assert app.failure_message == (
        "Le journal de l'épreuve sur cet ordinateur est endommagé ou inutilisable. "
        "Appelez le surveillant."
    )
