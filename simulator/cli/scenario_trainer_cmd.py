"""``callsim scenario play | test | walk``: preview, scripted test plans, and exhaustive path walks."""

from __future__ import annotations

import argparse
import sys


def register(commands: argparse._SubParsersAction) -> None:
    play = commands.add_parser("play", help="jouer un scénario ou une épreuve dans le terminal (aperçu)")
    play.add_argument("file", metavar="FICHIER", help="scénario ou épreuve (.yaml)")
    play.add_argument("--from", dest="start_node", metavar="NŒUD", help="commencer le dialogue à ce nœud")
    play.add_argument("--seed", type=int, default=1, help="graine du candidat (défaut : 1)")
    play.add_argument("--lang", choices=("fr", "en", "nl"), default="fr", help="langue du candidat")
    play.set_defaults(handler=run_play)

    test = commands.add_parser("test", help="exécuter les plans de test (*.plans.yaml)")
    test.add_argument("paths", nargs="*", default=["scenarios"], metavar="CHEMIN")
    test.add_argument("--format", choices=("text", "json"), default="text", dest="output")
    test.set_defaults(handler=run_test)

    walk = commands.add_parser("walk", help="parcourir tous les chemins d'un scénario (impasses, erreurs)")
    walk.add_argument("files", nargs="+", metavar="FICHIER")
    walk.add_argument("--seed", type=int, default=1)
    walk.add_argument("--max-states", type=int, default=5000)
    walk.set_defaults(handler=run_walk)


def run_play(args: argparse.Namespace) -> int:
    from simulator.engine.bundle import BundleError, load_bundle, single_scenario_bundle
    from simulator.engine.session import EpreuveSession
    from simulator.journal.memory_store import MemoryJournalStore
    from simulator.scenario.loader import load_file
    from simulator.system_clock import SystemClock
    from simulator.trainer.play import TerminalPlayer

    kind = load_file(args.file).kind
    try:
        bundle = load_bundle(args.file) if kind == "epreuve" else single_scenario_bundle(args.file)
    except BundleError as exc:
        for diagnostic in exc.diagnostics:
            print(diagnostic.format("fr"), file=sys.stderr)
        return 1
    session = EpreuveSession.start(bundle, store=MemoryJournalStore(), clock=SystemClock(),
                                   candidate_id="apercu", seed=args.seed, language=args.lang)
    try:
        player = TerminalPlayer(session, _input_lines(), sys.stdout, lang=args.lang, start_node=args.start_node)
        return player.run()
    finally:
        session.close()


def _input_lines():
    while True:
        try:
            yield input("> ")
        except EOFError:
            return


def run_test(args: argparse.Namespace) -> int:
    import json

    from simulator.trainer.plans import find_plan_files, run_plan_file

    files = find_plan_files(args.paths)
    if not files:
        print("aucun plan de test (*.plans.yaml) trouvé", file=sys.stderr)
        return 2
    outcomes = [run_plan_file(path) for path in files]
    passed = sum(r.ok for o in outcomes for r in o.results)
    failed = sum(not r.ok for o in outcomes for r in o.results) + sum(bool(o.diagnostics) for o in outcomes)
    if args.output == "json":
        print(json.dumps([{
            "file": o.file,
            "diagnostics": [d.to_json() for d in o.diagnostics],
            "plans": [{"plan": r.plan, "ok": r.ok, "failures": r.failures} for r in o.results],
        } for o in outcomes], ensure_ascii=False, indent=2))
    else:
        for outcome in outcomes:
            for diagnostic in outcome.diagnostics:
                print(diagnostic.format("fr"))
            for result in outcome.results:
                print(f"{'OK  ' if result.ok else 'ÉCHEC'} {outcome.file} :: {result.plan} — {result.title}")
                for failure in result.failures:
                    print("      " + failure.replace("\n", "\n      "))
        print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_walk(args: argparse.Namespace) -> int:
    from simulator.scenario.checker import load_checked
    from simulator.trainer.walk import walk

    worst = 0
    for file in args.files:
        loaded = load_checked(file)
        if loaded.model is None or loaded.kind != "scenario":
            for diagnostic in loaded.diagnostics:
                print(diagnostic.format("fr"), file=sys.stderr)
            worst = 1
            continue
        report = walk(loaded.model, seed=args.seed, max_states=args.max_states)
        loops = " (avec boucles)" if report.looping else ""
        endings = ", ".join(f"{k}: {v}" for k, v in sorted(report.endings.items()))
        print(f"{file}: {report.states} états, {report.paths} chemins complets{loops}; fins : {endings}")
        for line in report.dead_ends:
            print(f"  impasse : {line}")
        for line in report.exceptions:
            print(f"  erreur : {line}")
        for code in report.never_observed:
            print(f"  compétence jamais observée : {code}")
        for code in report.never_positive:
            print(f"  compétence jamais observée positivement : {code}")
        if report.truncated:
            print(f"  exploration limitée : {report.truncated} état(s) non explorés (--max-states)")
        if not report.ok:
            worst = 1
    return worst
