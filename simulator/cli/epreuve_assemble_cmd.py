"""``callsim epreuve assemble NAME``: choose the forms of a block of seeds ahead of time and write them
beside the épreuve (``NAME.forms.json``), so that any two candidates' forms differ the most.

``--check`` writes nothing: it says whether the table on disk is the one assembling gives today
(exit 1 when it is missing or out of date), for a trainer's pre-commit check or CI.
"""

from __future__ import annotations

import argparse
import statistics
import sys
from typing import Any

from simulator.cli.epreuve_forms_text import percent
from simulator.i18n import N_, translator


def register(commands: Any) -> None:
    """Add ``epreuve assemble`` to the épreuve sub-commands."""
    assemble = commands.add_parser(
        "assemble",
        help=N_("choose the forms of the seeds ahead of time, as far apart as possible"),
        description=N_(
            "Chooses, for a block of consecutive seeds, the form of every scenario with variants so "
            "that any two seeds differ on as many right answers as possible, and writes the table "
            "beside the épreuve file (NAME.forms.json). Candidates then sit the forms of the table."
        ),
    )
    assemble.add_argument(
        "epreuve", metavar=N_("ÉPREUVE"), help=N_("épreuve file, or its name (e.g. standard)")
    )
    assemble.add_argument(
        "--check",
        action="store_true",
        help=N_("write nothing; exit code 1 if the table on disk is missing or out of date"),
    )
    assemble.set_defaults(handler=run_assemble)


def run_assemble(args: argparse.Namespace) -> int:
    from simulator.cli.epreuve_forms_cmd import checked_epreuve
    from simulator.scenario.variants.form_table import table_path
    from simulator.trainer.assemble_forms import assemble, pair_differences

    t = translator("cli", args.lang)
    bundle = checked_epreuve("assemble", args.epreuve, args.lang)
    if bundle is None:
        return 2
    if not any(c.layer is not None for c in bundle.contacts):
        print(t("{id}: no scenario of this épreuve has variants.", id=bundle.epreuve.id))
        return 0
    table = assemble(bundle)
    written = table.dumps()
    target = table_path(bundle.path)
    shares = pair_differences(table, bundle)
    summary = t(
        "{rows} forms: difference of the right answers between two of them: median {median}, minimum {minimum}",
        rows=table.rows,
        median=percent(statistics.median(shares), args.lang),
        minimum=percent(min(shares), args.lang),
    )
    if args.check:
        try:
            current = target.read_text(encoding="utf-8") == written
        except OSError:
            current = False
        print(summary)
        if current:
            print(t("{path} is up to date.", path=target))
            return 0
        print(
            t(
                "{path} is missing or out of date: run callsim epreuve assemble {name}.",
                path=target,
                name=args.epreuve,
            )
        )
        return 1
    try:
        target.write_text(written, encoding="utf-8")
    except OSError as exc:
        print(f"callsim epreuve assemble: {target}: {exc.strerror}", file=sys.stderr)
        return 2
    print(summary)
    print(t("written: {path}", path=target))
    return 0
