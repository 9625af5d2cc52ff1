"""The one ``--lang`` option of every callsim command, and argparse's own words in that language.

Every parser of the command line is a :class:`CallsimParser`: it carries ``--lang`` (fr, nl, en;
French by default), so ``callsim --lang nl scenario check`` and ``callsim scenario check --lang nl``
are the same. The language is read from the arguments before the parser is built (:func:`speak`),
so the help, the usage line and argparse's error messages are all in it; they come from the ``cli``
catalog like every other message of the command line. Option help, command help, descriptions,
epilogs and metavars are English message ids marked with ``N_`` where the parser is built:
:class:`TranslatedHelp` translates the texts when the help is printed, :class:`CallsimParser` the
metavars when an option is added (argparse's error messages name them too).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, TypeVar

from simulator.i18n import DEFAULT_LANG, LANGUAGES, N_, Translator

_ActionT = TypeVar("_ActionT", bound=argparse.Action)

#: The words argparse itself prints (its gettext calls, Python 3.11 to 3.13), translated in ``cli``.
ARGPARSE_WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("not allowed with argument %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ignored explicit argument %r"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("show program's version number and exit"),
)
#: What a command speaks when it does not speak all three languages yet (``set_defaults(speaks=FR_EN)``):
#: ``--lang nl`` gives it French, the other language of a Belgian seat.
FR_EN = ("fr", "en")
LANG_HELP = N_("language of the messages: fr (default), nl or en")

#: The command line's translator: set once per run by :func:`speak`, French until then.
t = Translator(DEFAULT_LANG, "cli")


def requested_language(argv: Sequence[str]) -> str:
    """The language ``--lang X`` or ``--lang=X`` asks for in ``argv`` (the last one wins); French otherwise."""
    lang = DEFAULT_LANG
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        value = (
            argv[i + 1] if arg == "--lang" and i + 1 < len(argv) else arg.removeprefix("--lang=")
        )
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            lang = value
    return lang


def without_language(argv: Sequence[str]) -> list[str]:
    """``argv`` without its ``--lang`` options (to find which command is chosen)."""
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--lang":
            skip = True
        elif not arg.startswith("--lang="):
            kept.append(arg)
    return kept


def spoken(lang: str, speaks: Sequence[str] = LANGUAGES) -> str:
    """``lang`` when the command speaks it, French otherwise."""
    return lang if lang in speaks else DEFAULT_LANG


def speak(lang: str) -> Translator:
    """Make the command line speak ``lang``: its own help texts and argparse's words."""
    global t
    t = Translator(lang if lang in LANGUAGES else DEFAULT_LANG, "cli")
    # argparse looks its words up through these two module functions at the moment it prints them:
    # the one documented way to translate it is to give it other gettext functions.
    argparse._ = t.gettext  # type: ignore[attr-defined]
    argparse.ngettext = t.ngettext  # type: ignore[attr-defined]
    return t


def _translated(text: str | None) -> str | None:
    """``text`` in the chosen language (an empty or suppressed text as it is: gettext's ``""`` is the
    catalog's header)."""
    return t.gettext(text) if text and text != argparse.SUPPRESS else text


class TranslatedHelp(argparse.HelpFormatter):
    """argparse's formatter, with every ``help=``, description and epilog looked up in the ``cli``
    catalog when printed (``%(default)s`` and the like are filled in after translating)."""

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return _translated(action.help)

    def add_text(self, text: str | None) -> None:
        super().add_text(_translated(text))


class CallsimParser(argparse.ArgumentParser):
    """An argument parser with the shared ``--lang`` and the translated help: its value on the
    top-level parser is the default of every sub-command, so a sub-command's parser never resets it."""

    def __init__(self, *args: object, top: bool = False, **kwargs: object) -> None:
        kwargs.setdefault("formatter_class", TranslatedHelp)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument(
            "--lang",
            choices=LANGUAGES,
            metavar="{fr,nl,en}",
            help=LANG_HELP,
            default=DEFAULT_LANG if top else argparse.SUPPRESS,
        )

    def _add_action(self, action: _ActionT) -> _ActionT:
        action.metavar = _metavar(action.metavar)  # usage, help and argparse's errors all name it
        return super()._add_action(action)

    def add_subparsers(self, **kwargs: Any) -> Any:
        kwargs["metavar"] = _metavar(kwargs.get("metavar"))
        return super().add_subparsers(**kwargs)


def _metavar(metavar: Any) -> Any:
    """A metavar (``N_("FILE")``, or a tuple of them) in the chosen language, when the option is added."""
    if isinstance(metavar, tuple):
        return tuple(_translated(name) for name in metavar)
    return _translated(metavar) if isinstance(metavar, str) else metavar


def translator(lang: str) -> Translator:
    """The ``cli`` messages in ``lang`` (French for a language the command line does not speak): a
    command translates with the language of its own arguments."""
    return Translator(lang if lang in LANGUAGES else DEFAULT_LANG, "cli")


def command_help(name: str) -> str:
    """The help line of command ``name`` (from the table of ``simulator.cli``), in the chosen language."""
    from simulator.cli import COMMANDS

    return t(COMMANDS[name][1])
