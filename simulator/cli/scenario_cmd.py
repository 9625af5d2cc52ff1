"""``callsim scenario …``: the trainers' commands (check, schema, graph, play, test, walk)."""

from __future__ import annotations

import argparse
import json
import sys
from importlib import import_module

from simulator.cli import language
from simulator.cli.language import command_help
from simulator.i18n import N_

#: The item analysis by default: ``strict``, so that ``--strict`` counts it like every other warning
#: (the shipped library is clean against it); ``--items warn`` reports it without ``--strict`` failing.
ITEMS_DEFAULT = "strict"

#: Sub-commands implemented in their own modules under ``simulator.cli``, each with ``register``.
EXTRA: tuple[str, ...] = ("scenario_trainer_cmd", "scenario_pairs_cmd")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("scenario", help=command_help("scenario"))
    commands = parser.add_subparsers(dest="scenario_command", metavar=N_("COMMAND"))
    parser.set_defaults(handler=lambda args: (parser.print_help(sys.stderr), 2)[1])

    check = commands.add_parser("check", help=N_("check scenarios and épreuves like source code"))
    check.add_argument(
        "paths",
        nargs="*",
        metavar=N_("PATH"),
        help=N_(
            "files or folders (default: scenarios here, else the library: CALLSIM_LIBRARY and the one bundled with callsim)"
        ),
    )
    check.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    check.add_argument("--strict", action="store_true", help=N_("warnings count as errors"))
    check.add_argument(
        "--items",
        choices=("off", "warn", "strict"),
        default=ITEMS_DEFAULT,
        help=N_(
            "analysis of the choice points: off (no analysis), warn (warnings --strict does not count), strict (--strict counts them); default: %(default)s"
        ),
    )
    check.set_defaults(handler=run_check)

    schema = commands.add_parser("schema", help=N_("show the JSON schema (draft-07) of the files"))
    schema.add_argument("--kind", choices=("scenario", "epreuve", "testplan"), default="scenario")
    schema.set_defaults(handler=run_schema)

    graph = commands.add_parser("graph", help=N_("draw a scenario's dialogue"))
    graph.add_argument("file", metavar=N_("FILE"))
    graph.add_argument("--format", choices=("mermaid", "dot"), default="mermaid", dest="output")
    graph.set_defaults(handler=run_graph)

    for name in EXTRA:
        import_module(f"simulator.cli.{name}").register(commands)


def run_check(args: argparse.Namespace) -> int:
    from pathlib import Path

    import simulator.engine  # noqa: F401 — registers the engine's rules, which the checker asks
    from simulator.library import default_check_folders
    from simulator.scenario.checker import check_paths

    if not args.paths:
        args.paths = [str(folder) for folder in default_check_folders()]
    missing = [p for p in args.paths if not Path(p).exists()]
    if missing:
        for path in missing:
            print(f"callsim scenario check: {path}: introuvable / not found", file=sys.stderr)
        return 2
    report = check_paths(args.paths, items=args.items)
    errors = sum(d.severity == "error" for d in report.diagnostics)
    warnings = len(report.diagnostics) - errors
    if args.output == "json":
        print(
            json.dumps(
                {
                    "files": report.files,
                    "errors": errors,
                    "warnings": warnings,
                    "diagnostics": [d.to_json(args.lang) for d in report.diagnostics],
                },
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for diagnostic in report.diagnostics:
            print(diagnostic.format(args.lang))
        t = language.t
        found = t.n("{n} error", "{n} errors", errors), t.n("{n} warning", "{n} warnings", warnings)
        checked = t.n(
            "{n} file checked: {errors}, {warnings}.",
            "{n} files checked: {errors}, {warnings}.",
            len(report.files),
            errors=found[0],
            warnings=found[1],
        )
        print(checked, file=sys.stderr)
    if not report.files:
        print(language.t("no YAML file found"), file=sys.stderr)
        return 2
    return 1 if report.failed(strict=args.strict) else 0


def run_schema(args: argparse.Namespace) -> int:
    from simulator.scenario.schema import schema_text

    sys.stdout.write(schema_text(args.kind))
    return 0


def run_graph(args: argparse.Namespace) -> int:
    import simulator.engine  # noqa: F401 — registers the engine's rules, which the checker asks
    from simulator.scenario.checker import load_checked
    from simulator.scenario.drawing import dot, mermaid

    loaded = load_checked(args.file)
    if not_a_scenario("graph", args.file, loaded):
        return 2
    if loaded.model is None or loaded.kind != "scenario":
        for diagnostic in loaded.diagnostics:
            print(diagnostic.format(args.lang), file=sys.stderr)
        return 1
    sys.stdout.write((mermaid if args.output == "mermaid" else dot)(loaded.model, args.lang))
    return 0


def not_a_scenario(command: str, file: str, loaded) -> bool:
    """Say so (on stderr, in the command's language) when ``file`` is a test plan or an épreuve given
    where a scenario is expected."""
    from pathlib import Path

    t = language.t
    data = loaded.data if isinstance(loaded.data, dict) else {}
    if loaded.kind == "testplan":
        tested = data.get("scenario")
        said = (
            t(
                "{file} is a test-plan file, not a scenario: give the scenario it tests ({target}); "
                "run its plans with 'callsim scenario test {file}'.",
                file=file,
                target=str(Path(file).parent / tested),
            )
            if isinstance(tested, str)
            else t(
                "{file} is a test-plan file, not a scenario: give the scenario it tests; "
                "run its plans with 'callsim scenario test {file}'.",
                file=file,
            )
        )
    elif loaded.kind == "epreuve":
        said = t(
            "{file} is an épreuve, not a scenario: give one of its scenarios (contacts[].scenario); "
            "'callsim scenario play {file}' plays the whole épreuve.",
            file=file,
        )
    else:
        return False
    print(f"callsim scenario {command}: {said}", file=sys.stderr)
    return True
