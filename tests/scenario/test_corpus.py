"""The checker's corpus: each broken file gives exactly the diagnostics its ``.expected`` file lists.

Every corpus file holds one mistake a trainer really makes (a typo in a key, a ``goto`` to a
node that does not exist, a tab, a YAML 1.1 ``yes``…). The ``.expected`` file next to it lists
the diagnostics, one per line as ``line:column: severity: message [code]`` in English, so a
change of position, wording or code shows up in review. To refresh after a deliberate change:
``python -m tests.scenario.test_corpus`` and read the diff before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from simulator.scenario.checker import check_paths

CORPUS = Path(__file__).with_name("corpus")
CASES = sorted(CORPUS.glob("*.yaml"))


def rendered(path: Path, lang: str = "en") -> str:
    """The diagnostics of ``path`` as the ``.expected`` file spells them (no file name, no hint)."""
    report = check_paths([path])
    prefix = f"{path}:"
    lines = [d.format(lang, with_hint=False).removeprefix(prefix) for d in report.diagnostics]
    return "".join(line + "\n" for line in lines)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_each_corpus_file_gives_exactly_its_expected_diagnostics(path):
    expected = path.with_suffix(".expected").read_text(encoding="utf-8")
    assert rendered(path) == expected


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_diagnostic_reads_in_french_with_a_hint(path):
    for diagnostic in check_paths([path]).diagnostics:
        assert diagnostic.message("fr") and diagnostic.hint("fr"), diagnostic.code
        assert diagnostic.line >= 1 and diagnostic.column >= 1


def test_every_broken_file_is_broken_and_the_valid_one_is_clean():
    for path in CASES:
        text = path.with_suffix(".expected").read_text(encoding="utf-8")
        if path.stem.startswith("valid-"):
            assert text == "", path
        else:
            assert text.strip(), (
                f"{path.name} is meant to show a mistake but its .expected is empty"
            )


if __name__ == "__main__":  # refresh the .expected files after a deliberate change
    for case in CASES:
        case.with_suffix(".expected").write_text(rendered(case), encoding="utf-8")
    sys.stdout.write(f"{len(CASES)} expected files written; review the diff.\n")
