"""Code speaks through the catalogs only: no ``{"fr": …, "en": …}`` table and no ``message_fr`` /
``message_en`` pair is written in a module, except the data models listed below (content whose
languages are the data itself)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LANGS = {"fr", "nl", "en"}
PAIRS = {"message_fr", "message_en", "message_nl"}

#: Content in several languages that is data, not interface: names, word lists, labels read from YAML.
DATA = {
    "simulator/engine/belgian_places.py": "place names as each language spells them",
    "simulator/engine/personas.py": "callers' lines in the scenario's languages",
    "simulator/engine/tools/customer_seed.py": "generated customers' data per language",
    "simulator/engine/understanding/text.py": "word lists of the typed-text checks, per language",
    "simulator/engine/understanding/sentence.py": "grammar words of the typed-text checks, per language",
    "simulator/engine/textcheck.py": "number and date words the typed-text checks read, per language",
    "simulator/policies/wording.py": "what the simulated candidates type, per language",
    "simulator/policies/synthetic.py": "what the simulated candidates type, per language",
    "simulator/i18n/extract.py": "gettext's plural rule of each catalog",
    "scoring/rubric2.py": "the criteria labels the rubric file gives, kept in grilles as written",
    "simulator/engine/tools/customer_values.py": "the language names a candidate may type in a record",
    "simulator/app/screens/signin.py": "each language's name written in that language, never translated",
    "simulator/formatting/dates.py": "the Babel locale and time pattern of each language (conventions, not words)",
}


def _violations(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = {
                k.value
                for k in node.keys
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            }
            if len(keys & LANGS) >= 2:
                found.append(f"{node.lineno}: a {{{', '.join(sorted(keys & LANGS))}}} table")
        elif isinstance(node, ast.arg) and node.arg in PAIRS:
            found.append(f"{node.lineno}: parameter {node.arg}")
        elif isinstance(node, ast.Attribute) and node.attr in PAIRS:
            found.append(f"{node.lineno}: attribute {node.attr}")
        elif isinstance(node, ast.FunctionDef) and [a.arg for a in node.args.args[-2:]] in (
            ["fr", "en"],
            ["en", "fr"],
        ):
            found.append(f"{node.lineno}: a (fr, en) pair of parameters")
    return found


def _modules() -> list[Path]:
    return sorted(p for top in ("simulator", "scoring") for p in (ROOT / top).rglob("*.py"))


def test_no_language_table_or_pair_outside_the_allow_lists():
    offenders = {}
    for path in _modules():
        name = path.relative_to(ROOT).as_posix()
        if name in DATA:
            continue
        if found := _violations(path):
            offenders[name] = found
    assert offenders == {}, "use a message id and the catalogs (README, Translations)"


def test_the_allow_lists_hold_only_what_is_still_there():
    """A data module that no longer holds languages leaves DATA."""
    stale = sorted(
        name for name in DATA if not (ROOT / name).exists() or not _violations(ROOT / name)
    )
    assert stale == []


def test_the_check_sees_a_table_and_a_pair(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'X = {"fr": "oui", "en": "yes"}\n'
        "class E(Exception):\n    def __init__(self, message_fr, message_en): ...\n",
        encoding="utf-8",
    )
    assert len(_violations(sample)) == 3
