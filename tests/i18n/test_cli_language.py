"""One ``--lang`` for every command: the same choices everywhere, French by default, accepted before or
after the command, and argparse's own words (usage, options, errors) in the chosen language."""

from __future__ import annotations

import argparse

import pytest

from simulator.cli import COMMAND_MODULES, build_parser, main
from simulator.cli.language import speak


@pytest.fixture(autouse=True)
def _french_again():
    yield
    speak("fr")  # the command line's language is process-wide: leave it as a fresh run finds it


def _lang_options(parser: argparse.ArgumentParser, path: str = "callsim"):
    for action in parser._actions:
        if "--lang" in action.option_strings:
            yield path, tuple(action.choices)
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from _lang_options(sub, f"{path} {name}")


def test_every_command_has_the_same_lang_option():
    found = dict(_lang_options(build_parser(COMMAND_MODULES)))
    assert len(found) > 30  # every command and sub-command, not just a few
    assert set(found.values()) == {("fr", "nl", "en")}


@pytest.mark.parametrize(
    ("lang", "usage", "options"),
    [("fr", "usage : ", "options:"), ("nl", "gebruik: ", "opties:"), ("en", "usage: ", "options:")],
)
def test_help_speaks_the_chosen_language(capsys, lang, usage, options):
    with pytest.raises(SystemExit):
        main(["--lang", lang, "scenario", "check", "--help"])
    out = capsys.readouterr().out
    assert out.startswith(usage) and f"\n{options}\n" in out
    helps = {
        "fr": "afficher cette aide et quitter",
        "nl": "deze hulp tonen en stoppen",
        "en": "show this help message and exit",
    }
    assert helps[lang] in out


def test_argparse_errors_are_translated_wherever_lang_is_written(capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["score", "--no-such-option", "--lang=nl"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("gebruik: callsim")
        and "callsim: fout: onbekende argumenten: --no-such-option" in err
    )


def test_french_is_the_default(capsys):
    with pytest.raises(SystemExit):
        main(["score", "--no-such-option"])
    assert "erreur : arguments non reconnus : --no-such-option" in capsys.readouterr().err


def test_a_refusal_speaks_dutch_too(capsys, tmp_path):
    """``report`` on a missing store, in Dutch: a message in Dutch, never a crash."""
    store = tmp_path / "absent.sqlite3"
    code = main(["report", "S-1", "--lang", "nl", "--store", str(store)])
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err and err.startswith("Fout: ")
