"""The rubric file: the shipped one loads; a broken one gives positioned errors (file:line:column), never a traceback."""

from __future__ import annotations

import pytest

from scoring.rubric_file import (
    RubricError,
    load_rubric,
    rubric_from_bytes,
    shipped_rubric,
)
from simulator.cli import main

VALID = b"""callsim: rubric/1
id: essai
version: 2.0.0
title: {fr: Essai, en: Trial}
competencies:
  minimum_observations: 3
  minimum_positive_share: 0.5
modes:
  practice: {minimum_observations: 1}
overrides:
  "01.09": {minimum_positive_share: 1.0, critical_negative: count}
"""


def test_rubric_1_stays_loadable_and_documents_its_rules():
    loaded = shipped_rubric("1")
    assert loaded.rubric.id == "defaut" and loaded.version == "1.0.0" and len(loaded.sha256) == 64
    rule = loaded.rubric.rule_for("01.01", "exam")
    assert (rule.minimum_observations, rule.minimum_positive_share, rule.critical_negative) == (
        2,
        0.75,
        "nok",
    )
    assert loaded.rubric.rule_for("01.01", "practice").minimum_observations == 1


def test_settings_resolve_in_three_layers():
    rubric = rubric_from_bytes(VALID, "essai.yaml").rubric
    assert rubric.rule_for("01.01", "exam").to_json() == {
        "minimum_observations": 3,
        "minimum_positive_share": 0.5,
        "critical_negative": "nok",
    }
    assert rubric.rule_for("01.09", "practice").to_json() == {
        "minimum_observations": 1,
        "minimum_positive_share": 1.0,
        "critical_negative": "count",
    }


@pytest.mark.parametrize(
    ("text", "where", "code"),
    [
        (
            VALID.replace(b"minimum_observations: 3", b"minimum_observations: 0"),
            "essai.yaml:6:25",
            "invalid-value",
        ),
        (
            VALID.replace(b"minimum_positive_share: 0.5", b"minimum_positive_shar: 0.5"),
            "essai.yaml:7:3",
            "unknown-key",
        ),
        (VALID.replace(b'"01.09"', b'"01.99"'), "essai.yaml:11:3", "unknown-competency"),
        (
            VALID.replace(b"critical_negative: count", b"critical_negative: sometimes"),
            "essai.yaml:11:",
            "invalid-value",
        ),
        (
            VALID.replace(b"callsim: rubric/1", b"callsim: rubric/9"),
            "essai.yaml:1:10",
            "invalid-value",
        ),
        (VALID.replace(b"version: 2.0.0\n", b""), "essai.yaml:1:1", "missing-field"),
        (VALID + b"modes: {}\n", "essai.yaml:12:1", "duplicate-key"),
        (b"callsim: rubric/1\nid: [essai\n", "essai.yaml:3:1", "truncated-file"),
        (b"", "essai.yaml:1:1", "empty-file"),
    ],
)
def test_a_broken_rubric_is_reported_with_its_position(text, where, code):
    with pytest.raises(RubricError) as caught:
        rubric_from_bytes(text, "essai.yaml")
    lines = [d.format("en") for d in caught.value.diagnostics]
    assert any(line.startswith(where) and f"[{code}]" in line for line in lines), lines


def test_a_missing_rubric_file_is_a_positioned_error(tmp_path):
    with pytest.raises(RubricError) as caught:
        load_rubric(tmp_path / "absent.yaml")
    assert caught.value.diagnostics[0].code == "unreadable-file"


def test_the_cli_prints_the_positions_and_exits_2_without_a_traceback(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(VALID.replace(b"minimum_positive_share: 0.5", b"minimum_positive_share: lots"))
    assert (
        main(["score", "--all", "--rubric", str(bad), "--store", str(tmp_path / "none.sqlite3")])
        == 2
    )
    err = capsys.readouterr().err
    assert f"{bad}:7:27: error:" in err and "Traceback" not in err
