"""``callsim scenario pairs FILE``: a pairwise design of a scenario's variants, as a ``combinations:``
block to paste at the end of the file (every alternative meets every other in a few forms)."""

from __future__ import annotations

import argparse
import sys

from simulator.i18n import N_


def register(commands: argparse._SubParsersAction) -> None:
    pairs = commands.add_parser(
        "pairs",
        help=N_("write a pairwise design of a scenario's variants (a 'combinations:' block)"),
    )
    pairs.add_argument("file", metavar=N_("FILE"), help=N_("scenario with variants (.yaml)"))
    pairs.set_defaults(handler=run_pairs)


def run_pairs(args: argparse.Namespace) -> int:
    from simulator.cli.scenario_cmd import not_a_scenario
    from simulator.i18n import translator
    from simulator.scenario.loader import load_file
    from simulator.scenario.variants.design import form_count, pairwise_design

    t = translator("cli", args.lang)
    loaded = load_file(args.file)
    if not_a_scenario("pairs", args.file, loaded):
        return 2
    if loaded.layer is None:
        for diagnostic in loaded.diagnostics:
            print(diagnostic.format(args.lang), file=sys.stderr)
        print(t("{file} declares no variants.", file=args.file), file=sys.stderr)
        return 1
    design = pairwise_design(loaded.layer)
    note = t(
        "# a pairwise design: {n} forms instead of {all}; every alternative meets every other",
        n=len(design),
        all=form_count(loaded.layer),
    )
    print(note)
    print("combinations:")
    for combination in design:
        inner = ", ".join(f"{dim}: {alt}" for dim, alt in combination.items())
        print(f"  - {{{inner}}}")
    return 0
