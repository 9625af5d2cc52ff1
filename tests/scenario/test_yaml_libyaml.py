"""libyaml composes what ruamel.yaml composes: the same data, positions, hazards and diagnostics.

Every YAML file of the repository and crafted edge cases are read twice — with libyaml
(``read_yaml``'s default) and with ruamel.yaml only (``fast=False``) — and the documents compared.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from simulator.scenario import yamlfast
from simulator.scenario.yamlsource import YamlDocument, read_yaml

ROOT = Path(__file__).resolve().parents[2]
YAML_FILES = sorted(
    p.relative_to(ROOT)
    for p in ROOT.rglob("*")
    if p.suffix in (".yaml", ".yml") and p.is_file() and ".git" not in p.parts
)
#: Files that ship with callsim and are read on every cold start: libyaml must compose them all.
SHIPPED = [
    p
    for p in YAML_FILES
    if p.parts[0] in ("scenarios", "simulator", "scoring") and p.name != "referentiel.yaml"
]

needs_libyaml = pytest.mark.skipif(not yamlfast.available(), reason="PyYAML without libyaml")


def _view(doc: YamlDocument) -> tuple[object, ...]:
    smap = doc.source_map
    return (
        repr(doc.data),  # NaN, -0.0, 1 and True told apart
        smap.values,
        smap.keys,
        smap.yaml11_booleans,
        smap.written,
        [repr(d) for d in doc.diagnostics],
    )


def _same(raw: bytes, name: str) -> YamlDocument:
    fast, slow = read_yaml(raw, name), read_yaml(raw, name, fast=False)
    assert _view(fast) == _view(slow)
    return fast


def test_the_repository_has_yaml_everywhere_it_is_compared() -> None:
    folders = {p.parts[0] for p in YAML_FILES}
    assert {"scenarios", "simulator", "scoring", "tests"} <= folders
    assert len(SHIPPED) > 50


@needs_libyaml
@pytest.mark.parametrize("relative", YAML_FILES, ids=str)
def test_every_repository_file_reads_the_same_with_libyaml(relative: Path) -> None:
    _same((ROOT / relative).read_bytes(), str(relative))


@needs_libyaml
def test_libyaml_composes_every_shipped_file() -> None:
    refused = [
        str(p)
        for p in SHIPPED
        if yamlfast.compose((ROOT / p).read_text(encoding="utf-8-sig")) is yamlfast.UNCOMPOSED
    ]
    assert refused == []


#: (name, text, composed by libyaml)
CASES = [
    ("crlf", b"id: a\r\nname: b\r\nlist:\r\n  - 1\r\n  - x\r\nempty:\r\nnext: 2\r\n", True),
    ("bom", b"\xef\xbb\xbfid: a\nempty:\nnext: yes\n", True),
    ("accents", "nom: Zoë Léonard\nprénom:\nrue: Chaussée de Wavre\n".encode(), True),
    ("emoji keys", "😀: 1\nclé😀:\nsuite: «😀»\n".encode(), True),
    ("emoji flow", "f: {émoji: 😀😀, clé: , ß😀: , suite: 1}\ng: [😀, {a😀: }]\n".encode(), True),
    # ruamel.yaml reads ``clé:`` before a comma as the key "clé:"; libyaml refuses it
    ("colon then comma", "f: {émoji: 😀😀, clé:, suite: 1}\n".encode(), False),
    ("omitted", b"a:\nb: 1\nc:   \n\n  \nd:\n  e:\n  f: ~\ng: null\n", True),
    ("omitted spaced key", b"a  :\nb : 1\n'q' :\n\"r\":\n", True),
    ("literal", b"a: |\n  one\n   two\n\n  three\nb: 1\n", True),
    ("folded", b"a: >\n  one\n  two\n\n  three\n\nb: >-\n  x\n", True),
    ("strip keep", b"a: |-\n  one\n\nb: |+\n  two\n\nc: |2\n    indented\n", True),
    ("quoted lines", b"a: \"one\n  two\\n\n\n  three \\\"x\\\"\"\nb: 'it''s\n  here'\n", True),
    ("plain lines", b"a: one\n  two\n\n  three\nb: x # comment\n", True),
    ("anchors", b"base: &b {x: 1}\nother: *b\nlist: [*b, &c 2, *c]\n", True),
    ("merge", b"a: &a {x: 1}\nb:\n  <<: *a\n  y: 2\n", True),
    ("duplicate", b"a: 1\nb: 2\na: 3\nnodes:\n  n: 1\n  n: 2\n", True),
    ("yaml 1.1 booleans", b"a: yes\nb: No\nc: on\nd: OFF\ne: y\nf: 'yes'\ng: [n, Y]\n", True),
    ("numbers", b"o: 0o17\nx: 0x1F\nu: 1_000\nz: 012\nb: 0b101\nm: -0\ne: 1.5e3\n", True),
    ("floats", b"i: .inf\nj: -.Inf\nk: +.inf\nn: .nan\nd: 1.\nh: .5\ns: 1:30\n", True),
    ("booleans 1.2", b"a: true\nb: False\nc: TRUE\nd: tRue\n", True),
    ("timestamps", b"d: 2024-03-01\nt: 2024-03-01 10:00:00\nz: 2024-03-01T10:00:00Z\n", True),
    ("explicit tags", b"s: !!str 12\nf: !foo x\ni: !!int '7'\ne: ! 12\nm: !!map {}\n", True),
    ("flow", b"f: {a: 1, b: [x, y, {c: d}]}\ng: []\nh: {}\ni: [a, b, ]\n", True),
    ("complex key", b"? [a]\n: 1\nb: {[1]: 2}\n", True),
    ("odd scalars", b"a: =\nb: <<\nc: ''\nd: \"\"\ne: '~'\n", True),
    ("root sequence", b"- 1\n- 2\n", True),
    ("document markers", b"---\na: 1\n...\n", True),
    ("empty document", b"---\n", True),
    ("directive 1.2", b"%YAML 1.2\n---\na: yes\nb: 0o17\n", False),
    ("directive 1.1", b"%YAML 1.1\n---\na: yes\n", False),
    ("unclosed flow", b"a: [1, 2\nb: 3\n", False),
    ("unclosed quote", b"a: 'x\nb: 3\n", False),
    ("bad indentation", b"a:\n  b: 1\n c: 2\n", False),
    ("tab indentation", b"a:\n\tb: 1\n", False),
    ("two documents", b"a: 1\n---\nb: 2\n", False),
    ("control character", b"a: x\x07y\n", False),
]


@needs_libyaml
@pytest.mark.parametrize(("name", "raw", "composed"), CASES, ids=[c[0] for c in CASES])
def test_edge_cases_read_the_same(name: str, raw: bytes, composed: bool) -> None:
    _same(raw, name)
    text = raw.decode("utf-8-sig")
    assert (yamlfast.compose(text) is not yamlfast.UNCOMPOSED) is composed


@needs_libyaml
def test_libyaml_resolves_plain_scalars_as_yaml_1_2() -> None:
    doc = _same(b"a: yes\nb: on\nc: 0o17\nd: 0x1F\ne: 1_000\nf: .nan\ng: 012\n", "t")
    assert doc.data["a"] == "yes" and doc.data["b"] == "on"
    assert doc.source_map.yaml11_booleans == {("a",), ("b",)}
    assert (doc.data["c"], doc.data["d"], doc.data["e"], doc.data["g"]) == (15, 31, 1000, 12)
    assert doc.data["f"] != doc.data["f"]


@needs_libyaml
def test_an_omitted_value_after_emoji_is_placed_after_its_colon() -> None:
    doc = _same("x: {😀a: 1, 😀😀: }\n".encode(), "t")
    assert doc.data == {"x": {"😀a": 1, "😀😀": None}}
    assert (
        doc.source_map.values[("x", "😀😀")].line,
        doc.source_map.values[("x", "😀😀")].column,
    ) == (1, 15)


@needs_libyaml
def test_a_syntax_error_keeps_its_explained_diagnostic() -> None:
    doc = _same(b"id: a\nlist: [1, 2\nnext: 3\n", "t")
    assert doc.data is None
    assert [d.code for d in doc.diagnostics] == ["yaml-unclosed-bracket"]


@needs_libyaml
@pytest.mark.parametrize("kind", ["block", "flow"])
def test_nesting_deep_enough_to_overflow_libyaml_is_read_by_ruamel(kind: str) -> None:
    levels = 60_000  # libyaml's recursive composer overflows the C stack well before this
    text = (
        "a:\n  " + "- " * levels + "x\n" if kind == "block" else "a: " + "[" * levels + "]" * levels
    )
    assert yamlfast.compose(text) is yamlfast.UNCOMPOSED
    doc = _same(text.encode(), "t")
    assert [d.code for d in doc.diagnostics] == ["too-deep"]


def test_reading_works_without_pyyaml() -> None:
    script = (
        "import sys; sys.modules['yaml'] = None\n"
        "from simulator.scenario import yamlfast\n"
        "from simulator.scenario.yamlsource import read_yaml\n"
        "assert not yamlfast.available()\n"
        "doc = read_yaml(b'a: yes\\nb: 0o17\\nc:\\n', 't')\n"
        "print(doc.data, sorted(doc.source_map.yaml11_booleans))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "{'a': 'yes', 'b': 15, 'c': None} [('a',)]"
