"""An épreuve's assembled forms: a table, written beside the épreuve file, of the form each seed sits.

``callsim epreuve assemble NAME`` (:mod:`simulator.trainer.assemble_forms`) chooses, once, the forms
of a block of consecutive seeds so that any two of them differ on as many right answers as it can
find, and writes them to ``NAME.forms.json`` beside ``NAME.yaml``. A seed then sits row
``seed mod rows`` of the table: any ``rows`` consecutive seeds get ``rows`` different rows, so the
candidates of a session, of a day, of a week sit forms far apart from each other.

The table is used only while it fits the épreuve: every scenario with variants has a column, and
every form a row names is still one of its scenario's forms. Otherwise (a dimension added, an
alternative renamed, a damaged file) the draw falls back on the spreading code of
:mod:`simulator.scenario.variants.spread`, and ``callsim epreuve forms`` says the table is out of
date. A session records its forms in its header: resuming, replaying and rescoring never read the
table again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from simulator.scenario.variants.draw import Combination, all_combinations, key
from simulator.scenario.variants.spec import VariantLayer

#: What the first line of a table says it is (and its version).
KIND = "callsim-forms/1"
SUFFIX = ".forms.json"


@dataclass(frozen=True)
class FormTable:
    """Scenario id → the form (key, as ``dim=alt,dim=alt``) of each row."""

    epreuve: str
    columns: dict[str, tuple[str, ...]]

    @property
    def rows(self) -> int:
        return len(next(iter(self.columns.values()), ()))

    def fits(self, layers: Iterable[tuple[str, VariantLayer]]) -> bool:
        """Whether every scenario with variants has a full column of forms it still has."""
        layers = list(layers)
        if not layers or {sid for sid, _ in layers} != set(self.columns):
            return False
        for scenario_id, layer in layers:
            column = self.columns[scenario_id]
            if len(column) != self.rows or not set(column) <= _by_key(layer).keys():
                return False
        return True

    def draw(
        self, layers: Iterable[tuple[str, VariantLayer]], seed: int
    ) -> dict[str, dict[str, str]]:
        """Scenario id → dimension → alternative of row ``seed mod rows``."""
        row = seed % self.rows
        return {
            scenario_id: dict(_by_key(layer)[self.columns[scenario_id][row]])
            for scenario_id, layer in layers
        }

    def dumps(self) -> str:
        """The table as written to disk: one line per scenario's column, stable bytes."""
        forms = {sid: sorted(set(column)) for sid, column in self.columns.items()}
        lines = [
            "{",
            f'  "kind": {json.dumps(KIND)},',
            f'  "epreuve": {json.dumps(self.epreuve, ensure_ascii=False)},',
            f'  "rows": {self.rows},',
            '  "scenarios": {',
        ]
        entries = []
        for sid, column in self.columns.items():
            index = {form: number for number, form in enumerate(forms[sid])}
            entries.append(
                f"    {json.dumps(sid)}: {{\n"
                f'      "forms": {json.dumps(forms[sid], ensure_ascii=False)},\n'
                f'      "rows": {json.dumps([index[form] for form in column])}\n'
                "    }"
            )
        lines.append(",\n".join(entries))
        lines += ["  }", "}"]
        return "\n".join(lines) + "\n"


def _by_key(layer: VariantLayer) -> dict[str, Combination]:
    """A scenario's forms by their key (each a dimension → alternative, in declaration order)."""
    return {key(combination): combination for combination in all_combinations(layer)}


def table_path(epreuve_path: str | Path) -> Path:
    """``epreuves/standard.yaml`` → ``epreuves/standard.forms.json``."""
    path = Path(epreuve_path)
    return path.with_name(path.name.rsplit(".", 1)[0] + SUFFIX)


def parse_table(text: str) -> FormTable | None:
    """A table from its JSON text; None when it is not one (damaged, another kind, rows unequal)."""
    try:
        data = json.loads(text)
        if data.get("kind") != KIND:
            return None
        columns = {}
        for sid, column in data["scenarios"].items():
            forms = [str(form) for form in column["forms"]]
            columns[str(sid)] = tuple(forms[int(number)] for number in column["rows"])
        table = FormTable(str(data["epreuve"]), columns)
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None
    if not columns or len({len(column) for column in columns.values()}) != 1 or not table.rows:
        return None
    return table


_READ: dict[tuple[str, int, int], FormTable | None] = {}


def read_table(epreuve_path: str | Path) -> FormTable | None:
    """The table beside an épreuve file, if there is a readable one (read once per file version)."""
    path = table_path(epreuve_path)
    try:
        stat = path.stat()
    except OSError:
        return None
    memo = (str(path), stat.st_mtime_ns, stat.st_size)
    if memo not in _READ:
        try:
            _READ[memo] = parse_table(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            _READ[memo] = None
    return _READ[memo]
