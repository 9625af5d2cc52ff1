"""Fuzzing the checker: whatever bytes a trainer's editor, a bad copy or a crash leaves in a file,
``callsim scenario check`` answers with positioned diagnostics, never with a traceback.

Valid files (the corpus's valid files and shipped scenarios) are mutated at random — bit flips,
inserted, deleted or spliced bytes, truncation, copied ranges, and fragments known to trouble YAML
readers (invalid UTF-8, NUL, tabs, BOM, odd line breaks, very deep nesting, huge keys, aliases,
tags, numbers Python cannot convert). For every mutant the checker must return a ``CheckReport``
whose diagnostics have a known code, a line and column ≥ 1 inside the file, and a message and a
hint that render completely in French and in English.

Hypothesis runs derandomised (the same examples on every run) and without a database, so the
suite stays deterministic; the example counts keep this module around 20 seconds.
"""

from __future__ import annotations

import json
import random
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from simulator.cli import main
from simulator.i18n import translator
from simulator.scenario.checker import CheckReport, check_paths
from simulator.scenario.messages import MESSAGES

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).with_name("corpus")

#: Small valid files: cheap to check, so most examples go to them.
SMALL = {p.name: p.read_bytes() for p in sorted(CORPUS.glob("valid-*.yaml"))}
#: Shipped scenarios (those in the repository's history: others are being written meanwhile).
SHIPPED = {
    p.name: p.read_bytes()
    for p in (
        ROOT / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml",
        ROOT / "scenarios" / "inbound" / "telecom-message-facture.yaml",
        ROOT / "scenarios" / "outbound" / "energie-rendez-vous-compteur.yaml",
        ROOT / "scenarios" / "admin" / "assurance-declaration-sinistre.yaml",
    )
    if p.is_file()
}

#: Byte fragments that have broken YAML readers before.
FRAGMENTS = (
    b"\x00",
    b"\t",
    b"\t\t",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    "\u2028".encode(),
    "\x85".encode(),
    b"\x1b[31m",
    b"\x7f",
    b"\\",
    b": ",
    b"- ",
    b"? ",
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b"'",
    b"|",
    b">-",
    b"#",
    b"&a ",
    b"*a ",
    b"&a [*a]",
    b"<<: *a\n",
    b"!!binary ",
    b"!foo ",
    b"!!python/object:os.system ",
    b"%YAML 1.1\n---\n",
    b"%TAG ! tag:x,2000:\n",
    b"---\n",
    b"...\n",
    b"yes",
    b"no",
    b"~",
    b"null",
    b"0x_",
    b"-_",
    b"._",
    b"0b101",
    b".inf",
    b"9" * 5000,
    b"[" * 1500,
    b"{a: " * 60,
    b"- " * 80 + b"x",
    b"  " * 200 + b"deep: 1\n",
    b"k" * 3000 + b": v\n",
    b'"' + b"k" * 3000 + b'": v\n',
    b"{{ facts.",
    b"}}",
    b"{% if %}",
    "é".encode(),
    "😀".encode(),
)

OPERATIONS = ("flip", "insert", "delete", "truncate", "splice", "fragment", "copy")


@st.composite
def mutants(draw, sources: dict[str, bytes]) -> tuple[str, bytes]:
    """A source file's name and its bytes after one to four random mutations."""
    name = draw(st.sampled_from(sorted(sources)))
    data = bytearray(sources[name])
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(st.sampled_from(OPERATIONS))
        at = draw(st.integers(0, len(data)))
        if operation == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif operation == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=24))
        elif operation == "fragment":
            data[at:at] = draw(st.sampled_from(FRAGMENTS))
        elif operation == "delete":
            del data[at : at + draw(st.integers(1, 80))]
        elif operation == "truncate":
            del data[at:]
        elif operation == "splice":
            data[at : at + draw(st.integers(0, 40))] = draw(st.binary(max_size=40))
        elif operation == "copy":
            start = draw(st.integers(0, len(data)))
            data[at:at] = data[start : start + draw(st.integers(1, 300))]
    return name, bytes(data)


def assert_well_formed(report: CheckReport, raw: bytes, path: Path) -> None:
    """What a trainer (and an editor plug-in) relies on for every diagnostic."""
    assert isinstance(report, CheckReport)
    assert report.files == [str(path)]
    # Python's splitlines knows every line break YAML knows (and a few more): an upper bound.
    last_line = len(raw.decode("utf-8", errors="replace").splitlines()) + 1
    for d in report.diagnostics:
        assert d.severity in ("error", "warning")
        assert d.code in MESSAGES, f"no message for code {d.code!r}"
        assert 1 <= d.line <= last_line, d.format("en")
        assert d.column >= 1, d.format("en")
        for lang in ("fr", "nl", "en"):
            message, hint = d.message(lang), d.hint(lang)
            assert message and hint, (d.code, lang)
            _assert_every_placeholder_filled(d, lang)
            assert d.format(lang).startswith(
                f"{path}:{d.line}:{d.column}: {d.severity}: {message} [{d.code}]"
            )
            json.dumps(d.to_json(lang), ensure_ascii=False)


def _assert_every_placeholder_filled(diagnostic, lang: str) -> None:
    """A parameter the catalogue expects but the checker forgot renders as nothing: catch it."""
    for template in (translator("checker", lang)(m) for m in MESSAGES[diagnostic.code]):
        for _, field, _, _ in string.Formatter().parse(template):
            if field:
                assert field in diagnostic.params, (diagnostic.code, field)


def _check(directory: Path, raw: bytes) -> None:
    path = directory / "mutant.yaml"
    path.write_bytes(raw)
    assert_well_formed(check_paths([path]), raw, path)


_SCRATCH: dict[str, Path] = {}


def _scratch(factory) -> Path:
    """One scratch folder for all examples (a new folder per example would only cost time)."""
    if "dir" not in _SCRATCH:
        _SCRATCH["dir"] = factory.mktemp("fuzz")
    return _SCRATCH["dir"]


FAST = settings(
    derandomize=True,
    database=None,
    deadline=None,
    max_examples=150,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(FAST, max_examples=15)


@FAST
@given(mutant=mutants(SMALL))
def test_random_mutations_of_the_corpus_valid_files_always_give_a_clean_report(
    mutant, tmp_path_factory
):
    _check(_scratch(tmp_path_factory), mutant[1])


@SLOW
@given(mutant=mutants(SHIPPED))
def test_random_mutations_of_the_shipped_scenarios_always_give_a_clean_report(
    mutant, tmp_path_factory
):
    _check(_scratch(tmp_path_factory), mutant[1])


@pytest.mark.parametrize(
    "fragment", FRAGMENTS, ids=lambda f: f[:12].decode("utf-8", "backslashreplace")
)
def test_every_troublesome_fragment_inserted_in_the_middle_gives_a_clean_report(fragment, tmp_path):
    """Each fragment on its own, at a fixed place: no example count can forget one."""
    raw = SMALL["valid-minimal.yaml"]
    middle = raw.index(b"\nnodes:") + 1
    _check(tmp_path, raw[:middle] + fragment + raw[middle:])


def test_the_fuzzer_finds_the_sources_it_was_promised():
    assert "valid-minimal.yaml" in SMALL and len(SHIPPED) >= 2


# --- through the command line -----------------------------------------------------------


def _cli_mutants() -> list[tuple[str, bytes]]:
    """A dozen fixed mutants: random ones from a seeded generator plus the nastiest fragments."""
    rng = random.Random(20260415)
    base = SMALL["valid-minimal.yaml"]
    found = []
    for index in range(8):
        data = bytearray(base)
        for _ in range(3):
            at = rng.randrange(len(data))
            data[at : at + rng.randrange(4)] = bytes(
                rng.randrange(256) for _ in range(rng.randrange(1, 6))
            )
        found.append((f"random-{index}", bytes(data)))
    middle = base.index(b"\nnodes:") + 1
    for label, fragment in (
        ("nul", b"\x00"),
        ("bad-utf8", b"\xff\xfe"),
        ("deep", b"x: " + b"[" * 3000 + b"\n"),
        ("huge-key", b"k" * 5000 + b": v\n"),
        ("tab", b"\tnodes2: 1\n"),
    ):
        found.append((label, base[:middle] + fragment + base[middle:]))
    found.append(("truncated", base[: len(base) // 2]))
    return found


@pytest.mark.parametrize(("label", "raw"), _cli_mutants(), ids=[m[0] for m in _cli_mutants()])
def test_the_check_command_answers_0_or_1_on_mutated_files_never_a_traceback(
    label, raw, tmp_path, capsys
):
    path = tmp_path / f"{label}.yaml"
    path.write_bytes(raw)
    for extra in ([], ["--format", "json"], ["--lang", "en", "--strict"]):
        code = main(["scenario", "check", str(path), *extra])
        out, err = capsys.readouterr()
        assert code in (0, 1), (extra, out, err)
        assert "Traceback" not in out + err
        if extra[:2] == ["--format", "json"]:
            payload = json.loads(out)
            assert payload["files"] == [str(path)]
            assert code == (1 if payload["errors"] else 0)
        elif code == 1:
            assert f"{path}:" in out


@pytest.mark.parametrize(
    ("label", "raw"), _cli_mutants()[-6:], ids=[m[0] for m in _cli_mutants()[-6:]]
)
def test_the_graph_command_refuses_a_broken_file_with_its_diagnostics(label, raw, tmp_path, capsys):
    path = tmp_path / f"{label}.yaml"
    path.write_bytes(raw)
    assert main(["scenario", "graph", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and f"{path}:" in err
