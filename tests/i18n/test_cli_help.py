"""The help of every command speaks the chosen language: each ``help=`` of ``simulator/cli`` is an
English message id of the ``cli`` catalog, translated when the help is printed."""

from __future__ import annotations

import argparse
import ast
from pathlib import Path

import pytest

from simulator.cli import COMMAND_MODULES, build_parser, main
from simulator.cli.language import speak
from simulator.i18n import Translator
from simulator.i18n.extract import source_ids

CLI = Path(__file__).resolve().parents[2] / "simulator" / "cli"


@pytest.fixture(autouse=True)
def _french_again():
    yield
    speak("fr")  # the command line's language is process-wide: leave it as a fresh run finds it


def _help(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return " ".join(capsys.readouterr().out.split())  # argparse wraps the lines: compare the words


@pytest.mark.parametrize(
    ("command", "texts"),
    [
        (
            ("score",),
            {
                "fr": "renoter même une session déjà notée sur la même base",
                "nl": "ook een sessie die al op dezelfde basis gescoord is opnieuw scoren",
                "en": "score again even a session already scored on the same basis",
            },
        ),
        (
            ("export",),
            {
                "fr": "à l'aveugle : un pseudonyme à la place de l'identifiant du/de la candidat·e",
                "nl": "blind: een pseudoniem in plaats van de id van de kandidaat",
                "en": "blind: a pseudonym instead of the candidate's id",
            },
        ),
        (
            ("transcript", "verify"),
            {
                "fr": "fichier de sceau du centre : la session doit y correspondre",
                "nl": "zegelbestand van het centrum: de sessie moet ermee overeenkomen",
                "en": "the centre's seal file: the session must match it",
            },
        ),
        (
            ("scenario", "check"),
            {
                "fr": "les avertissements comptent comme des erreurs",
                "nl": "waarschuwingen tellen als fouten",
                "en": "warnings count as errors",
            },
        ),
    ],
)
def test_option_help_speaks_the_chosen_language(capsys, command, texts):
    assert texts["fr"] in _help(capsys, *command)  # French by default
    for lang in ("nl", "en"):
        shown = _help(capsys, "--lang", lang, *command)
        assert texts[lang] in shown and texts["fr"] not in shown
    assert texts["nl"] in _help(capsys, *command, "--lang", "nl")  # --lang after the command too


def test_a_default_value_is_filled_in_after_translating(capsys):
    shown = _help(capsys, "--lang", "nl", "simulate")
    assert (
        "begin van de proef (standaard: 2026-01-05T09:00:00, voor reproduceerbare logboeken)"
        in shown
    )
    assert "Kandidaten: ideal —" in shown  # the description, and the simulated candidates it lists


def test_metavars_are_translated_in_the_help_and_in_argparse_errors(capsys):
    metavars = {
        "fr": "SESSION|FICHIER.jsonl",
        "nl": "SESSIE|BESTAND.jsonl",
        "en": "SESSION|FILE.jsonl",
    }
    for lang, metavar in metavars.items():
        assert metavar in _help(capsys, "--lang", lang, "transcript", "verify")
    with pytest.raises(SystemExit):
        main(["--lang", "nl", "override", "S-1"])
    assert "COMPETENTIE" in capsys.readouterr().err  # the missing argument, named in Dutch


def test_the_command_list_and_descriptions_are_translated(capsys):
    assert "beoordeelde sessies exporteren" in _help(capsys, "--lang", "nl")
    assert "Exports the reviewed grille of scored sessions" in _help(
        capsys, "--lang", "en", "export"
    )


def _helps() -> list[tuple[str, int, ast.expr]]:
    found = []
    for path in sorted(CLI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                found += [
                    (path.name, kw.value.lineno, kw.value)
                    for kw in node.keywords
                    if kw.arg == "help"
                ]
    return found


def _marked(value: ast.expr) -> str | None:
    """The message id of ``N_("…")``; ``None`` for anything else."""
    if (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id == "N_"
        and len(value.args) == 1
        and isinstance(value.args[0], ast.Constant)
    ):
        return str(value.args[0].value)
    return None


def _from_the_commands_table(value: ast.expr) -> bool:
    """``command_help(name)`` or ``LANG_HELP``: help lines marked with ``N_`` where they are defined."""
    if isinstance(value, ast.Call) and isinstance(value.func, ast.Name):
        return value.func.id == "command_help"
    return isinstance(value, ast.Name) and value.id == "LANG_HELP"


def test_every_help_of_the_command_line_is_a_message_of_the_cli_catalog():
    helps = _helps()
    assert len(helps) > 100  # every option of every command, not a few
    wrong = [
        (name, line)
        for name, line, value in helps
        if _marked(value) is None and not _from_the_commands_table(value)
    ]
    assert wrong == [], 'write help=N_("English") (README, Translations)'
    ids = source_ids("cli")
    missing = sorted({_marked(value) for _name, _line, value in helps} - ids - {None})
    assert missing == [], "run python scripts/catalogs.py update"
    for lang in ("fr", "nl"):
        t = Translator(lang, "cli")
        same = [
            msgid
            for _n, _l, value in helps
            if (msgid := _marked(value)) and t.gettext(msgid) == msgid
        ]
        assert same == [], f"translate these option helps in {lang}"


def _parsers(parser: argparse.ArgumentParser, path: str = "callsim"):
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _parsers(sub, f"{path} {name}")


@pytest.mark.parametrize("lang", ["fr", "nl", "en"])
def test_the_help_of_every_command_prints_in_every_language(lang):
    """A translation that breaks argparse's ``%(default)s`` formatting fails here, not in front of a trainer."""
    speak(lang)
    shown = {path: parser.format_help() for path, parser in _parsers(build_parser(COMMAND_MODULES))}
    assert len(shown) > 30 and not [path for path, text in shown.items() if "%(" in text]
