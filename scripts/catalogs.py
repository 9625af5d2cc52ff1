"""Keep the gettext catalogs in step with the code.

``python scripts/catalogs.py update [DOMAIN…]`` extracts the marked messages (``t(…)``, ``N_(…)``,
``Message(…)``, ``t.n(…)``…) of each domain's folders with Babel and rewrites its ``.po`` files:
new ids are added (English gets the id itself, French and Dutch an empty translation to fill in),
ids the code no longer uses are dropped, existing translations are kept.
``python scripts/catalogs.py compile`` writes each ``.mo`` next to its ``.po``, the bytes the build puts
in the wheel (to look at them; a checkout always reads its ``.po``; ``*.mo`` is ignored by git). ``python scripts/catalogs.py check`` lists the untranslated and fuzzy entries (exit code 1 if any).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from simulator.i18n import DOMAINS, LANGUAGES, po_path
from simulator.i18n.catalogs import compile_po
from simulator.i18n.extract import source_keys, update


def check() -> int:
    """Print every message a catalog leaves untranslated or fuzzy; 1 when there is one."""
    from babel.messages.pofile import read_po

    problems = 0
    for domain in DOMAINS:
        for lang in LANGUAGES:
            with po_path(domain, lang).open("rb") as po:
                catalog = read_po(po, locale=lang)
            for msgid, context in sorted(
                source_keys(domain), key=lambda key: (key[0], key[1] or "")
            ):
                message = catalog.get(msgid, context=context)
                forms = (
                    []
                    if message is None
                    else [message.string]
                    if isinstance(message.string, str)
                    else list(message.string)
                )
                if message is None or not all(forms) or message.fuzzy:
                    problems += 1
                    print(
                        f"{po_path(domain, lang)}: {'fuzzy' if message is not None and message.fuzzy else 'untranslated'}: {msgid!r}"
                    )
    return 1 if problems else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("update", "compile", "check"))
    parser.add_argument(
        "domains", nargs="*", metavar="DOMAIN", help=f"one of {', '.join(DOMAINS)} (default: all)"
    )
    args = parser.parse_args()
    unknown = sorted(set(args.domains) - set(DOMAINS))
    if unknown:
        parser.error(f"unknown domain(s): {', '.join(unknown)} (known: {', '.join(DOMAINS)})")
    domains = args.domains or DOMAINS
    if args.action == "update":
        for domain in domains:
            for path in update(domain):
                print(path)
    elif args.action == "compile":
        for domain in domains:
            for lang in LANGUAGES:
                po = po_path(domain, lang)
                po.with_suffix(".mo").write_bytes(compile_po(po))
                print(po.with_suffix(".mo"))
    else:
        return check()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
