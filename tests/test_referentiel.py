"""The référentiel as data, checked against the official source document (the test oracle)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import simulator.cli
from simulator.referentiel import LANGUAGES, Competency, Referentiel, get_referentiel

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(__file__).resolve().parent / "fixtures" / "referentiel-source.txt"

EXPECTED_CODES = (
    *(f"01.{n:02d}" for n in range(1, 11)),
    *(f"02.{n:02d}" for n in range(1, 9)),
    *(f"03.{n:02d}" for n in range(1, 6)),
)

TWINS = {
    "record_information": ("01.05", "02.03"),
    "confirm_agreement": ("01.09", "02.04"),
    "close_conversation": ("01.10", "02.08"),
}


def collapse_whitespace(text: str) -> str:
    """Runs of whitespace (spaces, newlines) become one space — and nothing else changes."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def ref() -> Referentiel:
    return get_referentiel()


@pytest.fixture(scope="module")
def source() -> str:
    return collapse_whitespace(SOURCE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source_labels(source: str) -> dict[str, str]:
    """Code → label as printed in section 1 of the source (activities and competencies)."""
    start = source.index("Compétences (2-10/AC)") + len("Compétences (2-10/AC)")
    end = source.index("2. CONDITIONS")
    parts = re.split(r"(?:^| )(\d\d(?:\.\d\d)?) ", source[start:end])
    assert parts[0].strip() == ""
    return {code: text.strip() for code, text in zip(parts[1::2], parts[2::2], strict=True)}


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch):
    """``simulator.cli.main`` with only this sub-command registered (others are built elsewhere)."""
    monkeypatch.setattr(simulator.cli, "COMMAND_MODULES", ("referentiel_cmd",))
    monkeypatch.setenv("COLUMNS", "160")  # keep table rows on one line whatever the terminal
    return simulator.cli.main


# --- structure ----------------------------------------------------------------------------


def test_three_activities_and_23_competencies_in_code_order(ref: Referentiel) -> None:
    assert [a.code for a in ref.activities] == ["01", "02", "03"]
    assert [len(a.competencies) for a in ref.activities] == [10, 8, 5]
    assert len(ref.competencies) == 23
    assert ref.codes == EXPECTED_CODES
    assert tuple(c.code for c in ref.competencies) == EXPECTED_CODES
    assert tuple(c.code for a in ref.activities for c in a.competencies) == EXPECTED_CODES
    for activity in ref.activities:
        assert all(c.activity == activity.code for c in activity.competencies)
        assert all(c.code.startswith(activity.code + ".") for c in activity.competencies)


def test_metadata(ref: Referentiel) -> None:
    assert ref.version == "2010-10"
    assert "09.03.06" in ref.source
    assert "Opérateur call center" in ref.source


def test_loaded_once() -> None:
    assert get_referentiel() is get_referentiel()


def test_engine_side_imports_no_ui() -> None:
    code = (
        "import sys, simulator.referentiel as r; r.get_referentiel(); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_objects_are_frozen(ref: Referentiel) -> None:
    competency = ref.competency("01.01")
    with pytest.raises(AttributeError):
        competency.code = "09.09"  # type: ignore[misc]
    with pytest.raises(TypeError):
        competency.labels["fr"] = "x"  # type: ignore[index]
    assert hash(competency) == hash(ref.competency("01.01"))


# --- labels against the official source ---------------------------------------------------


def test_french_labels_appear_verbatim_in_source(ref: Referentiel, source: str) -> None:
    for item in (*ref.activities, *ref.competencies):
        label = item.label("fr")
        assert label == label.strip()
        assert label in source, f"{item.code}: {label!r} is not in the source"
        assert f"{item.code} {label}" in source, f"{item.code}: label not next to its code"


def test_french_labels_are_exactly_the_source_entries(
    ref: Referentiel, source_labels: dict[str, str]
) -> None:
    ours = {item.code: item.label("fr") for item in (*ref.activities, *ref.competencies)}
    assert ours == source_labels


def test_typographic_apostrophe_kept(ref: Referentiel) -> None:
    assert ref.competency("01.01").label() == "Détecter les besoins de l’interlocuteur"
    assert all("'" not in c.label("fr") for c in ref.competencies)
    assert ref.competency("02.01").label("fr") == (
        "Suivre le script prévu : (enquêtes, sondages, organisation d’événements, "
        "prospection, télévente, vente)"
    )


def test_translations_present_and_distinct(ref: Referentiel) -> None:
    for item in (*ref.activities, *ref.competencies):
        assert set(item.labels) == set(LANGUAGES)
        fr = item.label("fr")
        for lang in ("en", "nl"):
            text = item.label(lang)
            assert text.strip() == text and text, f"{item.code}: empty {lang} label"
            assert text != fr, f"{item.code}: {lang} label is the French one"
        assert item.label("en") != item.label("nl")


def test_twin_competencies_share_their_labels(ref: Referentiel) -> None:
    for inbound, outbound in TWINS.values():
        assert ref.competency(inbound).label("fr") == ref.competency(outbound).label("fr")


def test_unknown_language_is_rejected(ref: Referentiel) -> None:
    with pytest.raises(ValueError, match="de"):
        ref.competency("01.01").label("de")


# --- skills and look-ups ------------------------------------------------------------------


def test_skills_are_unique_except_the_three_twins(ref: Referentiel) -> None:
    by_skill: dict[str, list[str]] = {}
    for competency in ref.competencies:
        assert re.fullmatch(r"[a-z][a-z0-9]*(_[a-z0-9]+)*", competency.skill)
        by_skill.setdefault(competency.skill, []).append(competency.code)
    shared = {skill: tuple(codes) for skill, codes in by_skill.items() if len(codes) > 1}
    assert shared == TWINS
    assert len(by_skill) == 23 - 3
    assert ref.skills == tuple(by_skill)


@pytest.mark.parametrize(("skill", "codes"), sorted(TWINS.items()))
def test_for_skill_picks_the_activity_of_the_direction(
    ref: Referentiel, skill: str, codes: tuple[str, str]
) -> None:
    assert ref.for_skill(skill, "inbound").code == codes[0]
    assert ref.for_skill(skill, "outbound").code == codes[1]
    with pytest.raises(KeyError):
        ref.for_skill(skill, "admin")


def test_for_skill_single_activity(ref: Referentiel) -> None:
    assert ref.for_skill("detect_needs", "inbound").code == "01.01"
    assert ref.for_skill("handle_objections", "outbound").code == "02.06"
    assert ref.for_skill("write_fax_and_mail", "admin").code == "03.05"
    with pytest.raises(KeyError, match="01.01"):
        ref.for_skill("detect_needs", "outbound")
    with pytest.raises(KeyError):
        ref.for_skill("juggling", "inbound")
    with pytest.raises(ValueError):
        ref.for_skill("detect_needs", "sideways")  # type: ignore[arg-type]


def test_competency_lookup(ref: Referentiel) -> None:
    competency = ref.competency("02.05")
    assert isinstance(competency, Competency)
    assert competency.activity == "02"
    assert ref.activity("02").competencies[4] is competency
    assert ref.is_code("03.05")
    for bad in ("04.01", "01.11", "1.01", "", None, 1.01):
        assert not ref.is_code(bad)  # type: ignore[arg-type]
    with pytest.raises(KeyError, match="04.01"):
        ref.competency("04.01")
    with pytest.raises(KeyError):
        ref.activity("04")


def test_to_json_dict(ref: Referentiel) -> None:
    data = ref.to_json_dict()
    assert data["version"] == "2010-10"
    assert [a["code"] for a in data["activities"]] == ["01", "02", "03"]
    first = data["activities"][0]["competencies"][0]
    assert first["code"] == "01.01" and first["skill"] == "detect_needs"
    assert set(first["labels"]) == set(LANGUAGES)
    only_nl = ref.to_json_dict("nl")["activities"][2]["competencies"][0]["labels"]
    assert only_nl == {"nl": ref.competency("03.01").label("nl")}
    json.dumps(data)  # plain data only


# --- command line -------------------------------------------------------------------------


def test_cli_json(cli, capsys: pytest.CaptureFixture[str], ref: Referentiel) -> None:
    assert cli(["referentiel", "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert "l’interlocuteur" in out  # ensure_ascii=False
    data = json.loads(out)
    assert data["version"] == "2010-10"
    competencies = [c for a in data["activities"] for c in a["competencies"]]
    assert [c["code"] for c in competencies] == list(EXPECTED_CODES)
    for entry in competencies:
        assert set(entry["labels"]) == {"fr", "en", "nl"}
        assert all(entry["labels"][lang] for lang in LANGUAGES)
        assert entry["labels"] == dict(ref.competency(entry["code"]).labels)
        assert entry["skill"] == ref.competency(entry["code"]).skill
    for activity in data["activities"]:
        assert set(activity["labels"]) == {"fr", "en", "nl"}


def test_cli_json_ignores_lang(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["referentiel", "--format", "json", "--lang", "en"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["activities"][0]["competencies"][0]["labels"]) == {"fr", "en", "nl"}


def test_cli_table_default_is_french(cli, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(["referentiel"]) == 0
    out = capsys.readouterr().out
    assert get_referentiel().competency("02.02").label("fr") in out
    for code in EXPECTED_CODES:
        assert code in out


def test_cli_table_in_dutch(cli, capsys: pytest.CaptureFixture[str], ref: Referentiel) -> None:
    assert cli(["referentiel", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert ref.competency("02.02").label("nl") in out
    assert ref.competency("01.10").label("nl") in out
    assert ref.activity("03").label("nl") in out
    assert ref.competency("02.02").label("fr") not in out


def test_cli_rejects_unknown_language(cli, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli(["referentiel", "--lang", "de"])
    assert excinfo.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_cli_rejects_unknown_format(cli) -> None:
    with pytest.raises(SystemExit) as excinfo:
        cli(["referentiel", "--format", "xml"])
    assert excinfo.value.code == 2


# --- the YAML is the single source of the labels ------------------------------------------


def test_no_python_file_spells_a_label(ref: Referentiel) -> None:
    labels = {c.label(lang) for c in ref.competencies for lang in ("fr", "en")}
    files = sorted(
        path
        for folder in ("simulator", "scoring")
        for path in (ROOT / folder).rglob("*.py")
        if ".venv" not in path.parts
    )
    assert files, "no Python file found: is ROOT right?"
    offenders = [
        f"{path.relative_to(ROOT)}: {label!r}"
        for path in files
        for text in [collapse_whitespace(path.read_text(encoding="utf-8"))]
        for label in labels
        if label in text
    ]
    assert not offenders, "labels belong in referentiel.yaml only:\n" + "\n".join(offenders)
