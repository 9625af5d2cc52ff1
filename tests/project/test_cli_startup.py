"""The command line starts fast: ``--version`` and ``--help`` import no application module, ``--help``
lists every command with its help line, and only the chosen command's module is imported."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib import import_module
from pathlib import Path

import pytest

import simulator.cli
from simulator.cli import COMMAND_MODULES, COMMANDS, main
from simulator.cli.language import command_help

ROOT = Path(__file__).resolve().parents[2]

#: Packages a candidate must not wait for when asking only for the version or the list of commands.
HEAVY = (
    "textual",
    "pydantic",
    "scoring",
    "ruamel",
    "simulator.scenario",
    "simulator.engine",
    "simulator.app",
)

_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from simulator.cli import main
try:
    main(sys.argv[2:])
except SystemExit:
    pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _imported_by(*argv: str) -> tuple[str, list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(ROOT), *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    return done.stdout, json.loads(done.stderr.strip().splitlines()[-1])


def _heavy(modules: list[str]) -> list[str]:
    return [m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY)]


@pytest.mark.parametrize("argv", [["--version"], ["--help"], [], ["--help", "practice"]])
def test_version_and_help_import_no_application_module(argv: list[str]) -> None:
    _out, modules = _imported_by(*argv)
    assert _heavy(modules) == []
    assert not [
        m for m in modules if m.startswith("simulator.cli.") and m.endswith("_cmd")
    ]  # no command module


def test_version_is_the_installed_one() -> None:
    out, _modules = _imported_by("--version")
    assert out.strip() == f"callsim {simulator.cli.version()}"
    assert out.strip().split()[1][0].isdigit()


def test_a_chosen_command_imports_only_its_own_module() -> None:
    _out, modules = _imported_by("referentiel", "--help")
    commands = {m for m in modules if m.startswith("simulator.cli.") and m.endswith("_cmd")}
    assert commands == {"simulator.cli.referentiel_cmd"}
    assert not [m for m in modules if m == "textual" or m.startswith("textual.")]


def test_help_lists_every_command_with_its_help_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # one line per command
    with pytest.raises(SystemExit) as stopped:
        main(["--help"])
    assert stopped.value.code == 0
    listing = " ".join(
        capsys.readouterr().out.split()
    )  # a long name puts its help on the next line
    for name in COMMANDS:
        assert f" {name} {command_help(name)}" in listing, name
    assert (
        "afficher les activités-clés et les compétences du référentiel" in listing
    )  # French by default


def test_each_module_registers_exactly_the_commands_the_table_gives_it() -> None:
    for module in COMMAND_MODULES:
        parser = argparse.ArgumentParser()
        subparsers = parser.add_subparsers(dest="command")
        import_module(f"simulator.cli.{module}").register(subparsers)
        registered = {action.dest: action.help for action in subparsers._choices_actions}
        expected = {
            name: command_help(name) for name, (owner, _help) in COMMANDS.items() if owner == module
        }
        assert registered == expected, module


def test_an_unknown_command_is_refused_with_the_list(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["pratice"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "pratice" in err and "practice" in err


def test_no_command_prints_the_list_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "referentiel" in capsys.readouterr().err


def test_a_command_module_that_cannot_be_imported_is_a_sentence_not_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CALLSIM_LOG_DIR", str(tmp_path))
    monkeypatch.setitem(COMMANDS, "referentiel", ("no_such_cmd", "afficher le référentiel"))
    monkeypatch.setattr(simulator.cli, "COMMAND_MODULES", (*COMMAND_MODULES, "no_such_cmd"))
    assert main(["referentiel"]) == simulator.cli.UNEXPECTED_EXIT
    err = capsys.readouterr().err
    assert "erreur inattendue" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "name", ["practice", "exam", "simulate", "score", "rescore", "report", "transcript", "review"]
)
def test_the_candidates_and_the_batchs_commands_help_imports_its_own_module_and_nothing_heavy(
    name: str,
) -> None:
    """``callsim practice --help`` is as quick as ``--help``: its own command module only, no models, no
    rubric, no Textual (the app and the épreuve are imported once the command runs)."""
    _out, modules = _imported_by(name, "--help")
    commands = {m for m in modules if m.startswith("simulator.cli.") and m.endswith("_cmd")}
    assert commands == {f"simulator.cli.{COMMANDS[name][0]}"}
    assert _heavy(modules) == []
