"""Assemble an épreuve's parallel forms ahead of time: the form each of a block of seeds sits.

The spreading code of :mod:`simulator.scenario.variants.spread` knows only how many alternatives
each dimension has: two seeds it keeps apart may still share the forms of the scenarios whose
dimensions drive most right answers. Assembling looks at the right answers themselves
(:func:`simulator.scenario.variants.compare.right_answers`, the measure ``callsim epreuve forms``
reports):

1. the block's ``rows`` seeds start from the code's draw (each alternative drawn as often as the
   others);
2. for every scenario, how many right answers differ between any two of its forms;
3. a local search swaps the forms of two rows within one scenario (the balance of alternatives
   stays as it is) whenever that brings the pairs of rows that share the most right answers
   further apart (it lowers ``Σ (1 − difference)^64`` over the pairs, which weighs the closest pairs
   far more than the others).

Everything is exact and seeded by the épreuve's id: the same épreuve files give the same table,
byte for byte. The result is a :class:`~simulator.scenario.variants.form_table.FormTable`.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass

from simulator.engine.bundle import Bundle, PlannedContact
from simulator.scenario.variants.compare import differing, right_answers
from simulator.scenario.variants.draw import key
from simulator.scenario.variants.form_table import FormTable
from simulator.scenario.variants.spread import draw_forms

#: Rows of a table: the seeds of a block; any ``ROWS`` consecutive seeds sit different rows.
ROWS = 128
#: Swaps tried: enough for the standard épreuve's 17 scenarios to settle (about fifteen seconds).
SWAPS = 120_000


@dataclass
class _Column:
    """One scenario: its forms in use, the differing and union right answers between any two."""

    scenario_id: str
    forms: list[str]
    rows: list[int]  # row → index in ``forms``
    differ: list[list[int]]
    union: list[list[int]]


def assemble(bundle: Bundle, rows: int | None = None, swaps: int | None = None) -> FormTable:
    """The table of ``rows`` forms of ``bundle`` whose closest pair differs the most found."""
    rows, swaps = rows or ROWS, swaps or SWAPS
    columns = _columns(bundle, rows)
    _search(columns, rows, _constant(bundle), swaps, random.Random(_seed(bundle)))
    return FormTable(
        bundle.epreuve.id,
        {c.scenario_id: tuple(c.forms[index] for index in c.rows) for c in columns},
    )


def pair_differences(table: FormTable, bundle: Bundle) -> list[float]:
    """The share of right answers that differ, for every pair of the table's rows."""
    columns = [
        _column(c, list(table.columns[c.scenario.id]))
        for c in bundle.contacts
        if c.layer is not None
    ]
    differ, union = _totals(columns, table.rows, _constant(bundle))
    return [differ[a][b] / union[a][b] for a in range(table.rows) for b in range(a + 1, table.rows)]


def _constant(bundle: Bundle) -> int:
    """The right answers of the scenarios without variants: the same on every row."""
    return sum(len(right_answers(c.scenario)) for c in bundle.contacts if c.layer is None)


def _seed(bundle: Bundle) -> int:
    return int.from_bytes(hashlib.sha256(f"assemble|{bundle.epreuve.id}".encode()).digest()[:8])


def _columns(bundle: Bundle, rows: int) -> list[_Column]:
    """Each scenario with variants, its forms for the block's seeds as the spreading code draws them."""
    drawn = [draw_forms(bundle.layers(), seed) for seed in range(rows)]
    return [
        _column(
            c,
            [
                key({d: drawn[row][c.scenario.id][d] for d in c.layer.variants})
                for row in range(rows)
            ],
        )
        for c in bundle.contacts
        if c.layer is not None
    ]


#: (scenario file's SHA-256, form) → the form's right answers: a form is what its file's bytes make it.
_ANSWERS: dict[tuple[str, str], dict[str, str]] = {}


def _answers(contact: PlannedContact, form: str) -> dict[str, str]:
    memo = (contact.sha256, form)
    if memo not in _ANSWERS:
        _ANSWERS[memo] = right_answers(contact.forms[form])
    return _ANSWERS[memo]


def _column(contact: PlannedContact, keys: list[str]) -> _Column:
    forms = sorted(set(keys))
    answers = [_answers(contact, form) for form in forms]
    differ = [[0] * len(forms) for _ in forms]
    union = [[0] * len(forms) for _ in forms]
    for i, first in enumerate(answers):
        for j in range(i, len(answers)):
            differ[i][j], union[i][j] = differing(first, answers[j])
            differ[j][i], union[j][i] = differ[i][j], union[i][j]
    index = {form: number for number, form in enumerate(forms)}
    return _Column(contact.scenario.id, forms, [index[k] for k in keys], differ, union)


def _totals(
    columns: list[_Column], rows: int, constant: int
) -> tuple[list[list[int]], list[list[int]]]:
    differ = [[0] * rows for _ in range(rows)]
    union = [[constant] * rows for _ in range(rows)]
    for column in columns:
        for a in range(rows):
            da, ua, fa = differ[a], union[a], column.rows[a]
            row_d, row_u = column.differ[fa], column.union[fa]
            for b in range(rows):
                fb = column.rows[b]
                da[b] += row_d[fb]
                ua[b] += row_u[fb]
    return differ, union


def _penalty_row(differ: list[int], union: list[int], row: int) -> list[float]:
    """How close a row is to each other row: ``(1 − share)^64`` (products only: the same bits on
    every machine; 0 against itself)."""
    found = []
    for d, u in zip(differ, union, strict=True):
        close = 1.0 - d / u
        close *= close
        close *= close
        close *= close
        close *= close
        close *= close
        close *= close
        found.append(close)
    found[row] = 0.0
    return found


def _search(
    columns: list[_Column], rows: int, constant: int, swaps: int, rng: random.Random
) -> None:
    """Swap forms between rows of one column while it lowers the penalty of the pairs (in place).

    Only ``randrange`` is drawn from ``rng``: its sequence is the same on every Python version."""
    differ, union = _totals(columns, rows, constant)
    penalty = [_penalty_row(differ[row], union[row], row) for row in range(rows)]
    for _ in range(swaps):
        column = columns[rng.randrange(len(columns))]
        a = rng.randrange(rows)
        b = rng.randrange(rows - 1)
        b += b >= a
        fa, fb = column.rows[a], column.rows[b]
        if fa == fb:
            continue
        da, ua = _moved(column, differ[a], fa, fb), _moved(column, union[a], fa, fb, union=True)
        db, ub = _moved(column, differ[b], fb, fa), _moved(column, union[b], fb, fa, union=True)
        # a against b is unchanged (the same two forms, the other way round), and so is each row itself
        for new_d, new_u, row in ((da, ua, a), (db, ub, b)):
            for other in (a, b):
                new_d[other], new_u[other] = differ[row][other], union[row][other]
        new_a, new_b = _penalty_row(da, ua, a), _penalty_row(db, ub, b)
        if sum(new_a) + sum(new_b) >= sum(penalty[a]) + sum(penalty[b]):
            continue
        column.rows[a], column.rows[b] = fb, fa
        for row, new_d, new_u, new_p in ((a, da, ua, new_a), (b, db, ub, new_b)):
            differ[row], union[row], penalty[row] = new_d, new_u, new_p
            for other in range(rows):
                differ[other][row], union[other][row] = new_d[other], new_u[other]
                penalty[other][row] = new_p[other]


def _moved(
    column: _Column, totals: list[int], old: int, new: int, union: bool = False
) -> list[int]:
    """A row's totals against every other row if its form in ``column`` were ``new``, not ``old``."""
    table = column.union if union else column.differ
    before, after = table[old], table[new]
    return [total - before[f] + after[f] for total, f in zip(totals, column.rows)]
