"""``callsim scenario play | test | walk``: preview, scripted test plans, and exhaustive path walks."""

from __future__ import annotations

import argparse
import sys

from simulator.i18n import N_, translator


def register(commands: argparse._SubParsersAction) -> None:
    play = commands.add_parser(
        "play", help=N_("play a scenario or an épreuve in the terminal (preview)")
    )
    play.add_argument("file", metavar=N_("FILE"), help=N_("scenario or épreuve (.yaml)"))
    play.add_argument(
        "--from", dest="start_node", metavar=N_("NODE"), help=N_("start the dialogue at this node")
    )
    play.add_argument("--seed", type=int, default=1, help=N_("the candidate's seed (default: 1)"))
    play.set_defaults(handler=run_play)

    test = commands.add_parser("test", help=N_("run the test plans (*.plans.yaml)"))
    test.add_argument(
        "paths", nargs="*", metavar=N_("PATH"), help=N_("default: scenarios here, else the library")
    )
    test.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    test.set_defaults(handler=run_test)

    walk = commands.add_parser("walk", help=N_("walk every path of a scenario (dead ends, errors)"))
    walk.add_argument("files", nargs="+", metavar=N_("FILE"))
    walk.add_argument("--seed", type=int, default=1)
    walk.add_argument("--max-states", type=int, default=5000)
    walk.set_defaults(handler=run_walk)


def run_play(args: argparse.Namespace) -> int:
    from simulator.cli.scenario_cmd import not_a_scenario
    from simulator.engine.bundle import BundleError, load_bundle, single_scenario_bundle
    from simulator.engine.session import EpreuveSession
    from simulator.journal.memory_store import MemoryJournalStore
    from simulator.scenario.loader import load_file
    from simulator.system_clock import SystemClock
    from simulator.trainer.play import TerminalPlayer
    from simulator.trainer.walk import explain

    loaded = load_file(args.file)
    if loaded.kind == "testplan":
        not_a_scenario("play", args.file, loaded)
        return 2
    try:
        bundle = (
            load_bundle(args.file)
            if loaded.kind == "epreuve"
            else single_scenario_bundle(args.file)
        )
    except BundleError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format(args.lang), file=sys.stderr)
        return 1
    if args.start_node is not None and not _has_node(bundle, args, args.start_node):
        return 2
    session = None
    try:
        session = EpreuveSession.start(
            bundle,
            store=MemoryJournalStore(),
            clock=SystemClock(),
            candidate_id="apercu",
            seed=args.seed,
            language=args.lang,
        )
        player = TerminalPlayer(
            session, _input_lines(), sys.stdout, lang=args.lang, start_node=args.start_node
        )
        return player.run()
    except OSError:  # the terminal or the pipe went away: nothing to do with the scenario
        raise
    except Exception as exc:  # noqa: BLE001 — a trainer's preview stops with a message, never a traceback
        sys.stdout.flush()
        t = translator("cli", args.lang)
        stopped = t(
            "the scenario stopped on an error: {error}\n"
            "  Run 'callsim scenario check' and 'callsim scenario walk' on {file} to find where.",
            error=explain(exc, args.lang),
            file=args.file,
        )
        print(f"callsim scenario play: {stopped}", file=sys.stderr)
        return 1
    finally:
        if session is not None:
            session.close()


def _has_node(bundle, args: argparse.Namespace, node: str) -> bool:
    """Whether ``--from`` names a node of the scenario (of one of the épreuve's scenarios); else say so."""
    import difflib

    nodes = sorted({node_id for planned in bundle.contacts for node_id in planned.scenario.nodes})
    if node in nodes:
        return True
    t = translator("cli", args.lang)
    close = difflib.get_close_matches(node, nodes, n=1, cutoff=0.6)
    guess = " " + t("Did you mean '{name}'?", name=close[0]) if close else ""
    listing = ", ".join(nodes[:30]) + (", …" if len(nodes) > 30 else "")
    said = t(
        "--from: node '{node}' does not exist in {file}.{guess} Nodes: {nodes}",
        node=node,
        file=args.file,
        guess=guess,
        nodes=listing,
    )
    print(f"callsim scenario play: {said}", file=sys.stderr)
    return False


def _input_lines():
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def run_test(args: argparse.Namespace) -> int:
    from simulator.i18n import translator
    from simulator.library import default_check_folders
    from simulator.trainer.plans import find_plan_files, run_plan_file
    from simulator.trainer.plans_text import file_lines, summary_line

    files = find_plan_files(args.paths or default_check_folders())
    if not files:
        t = translator("cli", args.lang)
        print("callsim scenario test: " + t("no test plan (*.plans.yaml) found"), file=sys.stderr)
        return 2
    outcomes = [run_plan_file(path) for path in files]
    passed = sum(r.ok for o in outcomes for r in o.results)
    failed = sum(not r.ok for o in outcomes for r in o.results) + sum(
        bool(o.diagnostics) for o in outcomes
    )
    if args.output == "json":
        print(_tested_json(outcomes, args.lang))
    else:
        for line in (line for outcome in outcomes for line in file_lines(outcome, args.lang)):
            print(line)
        print(summary_line(passed, failed, args.lang))
    return 1 if failed else 0


def _tested_json(outcomes: list, lang: str) -> str:
    """The plan files as JSON: each file's diagnostics and each plan's failures in ``lang``."""
    import json

    from simulator.trainer.plans_text import failure_texts

    return json.dumps(
        [
            {
                "file": o.file,
                "diagnostics": [d.to_json() for d in o.diagnostics],
                "plans": [
                    {"plan": r.plan, "ok": r.ok, "failures": failure_texts(r, lang)}
                    for r in o.results
                ],
            }
            for o in outcomes
        ],
        ensure_ascii=False,
        indent=2,
    )


def run_walk(args: argparse.Namespace) -> int:
    import simulator.engine  # noqa: F401 — registers the engine's rules, which the checker asks
    from simulator.cli.scenario_cmd import not_a_scenario
    from simulator.scenario.checker import load_checked

    worst = 0
    for file in args.files:
        loaded = load_checked(file)
        if not_a_scenario("walk", file, loaded):
            worst = 2
            continue
        if loaded.model is None or loaded.kind != "scenario":
            for diagnostic in loaded.diagnostics:
                print(diagnostic.format(args.lang), file=sys.stderr)
            worst = max(worst, 1)
            continue
        for shown, scenario in _walked_forms(file, loaded, args.lang):
            worst = max(worst, _walk_one(shown, scenario, args))
    return worst


def _walked_forms(file: str, loaded, lang: str) -> list[tuple[str, object]]:
    """The file as written, or each form of a scenario with variants (named after its alternatives)."""
    from simulator.scenario.variants.draw import label
    from simulator.trainer.walk_text import form_name

    if not loaded.forms:
        return [(file, loaded.model)]
    return [(form_name(file, label(form.variant), lang), form.model) for form in loaded.forms]


def _walk_one(file: str, scenario, args: argparse.Namespace) -> int:
    """Walk one scenario (one form) and print what the walk found; 1 when it found a problem."""
    from simulator.trainer.walk import walk
    from simulator.trainer.walk_text import report_lines, stopped_line

    try:
        report = walk(scenario, seed=args.seed, max_states=args.max_states)
    except Exception as exc:  # noqa: BLE001 — reported like the crashes the walk itself finds
        print(stopped_line(file, exc, args.lang))
        return 1
    print("\n".join(report_lines(file, report, args.lang)))
    return 0 if report.ok else 1
