"""``callsim scenario check | schema | graph`` as a trainer (or an editor, or CI) uses them.

Exit codes are the contract of a compiler-like tool: 0 clean, 1 diagnostics that count as errors
(warnings too under ``--strict``), 2 a usage error (unknown option, missing argument, a path
that does not exist, a folder without YAML). The text output is one ``file:line:column:
severity: message [code]`` line per diagnostic plus an indented hint, in French or English;
``--format json`` gives the same diagnostics to tools. Folders are searched recursively.
``schema`` prints draft-07 JSON Schema; ``graph`` draws every node, choice, ending and piece
of evidence.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from simulator.cli import main
from simulator.scenario.checker import check_paths, load_checked

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).with_name("corpus")
VALID = CORPUS / "valid-minimal.yaml"
WITH_ERROR = CORPUS / "dangling-goto.yaml"  # one error and one warning
WARNING_ONLY = CORPUS / "unreachable-node.yaml"

HEAD = re.compile(
    r"^(?P<file>.+):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning): (?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$"
)


def check(capsys, *argv: str) -> tuple[int, str, str]:
    """Run ``callsim scenario check``; the item analysis is off here (its own tests are in
    test_item_analysis.py), so that these tests pin the output of the other checks."""
    items = [] if "--items" in argv else ["--items", "off"]
    code = main(["scenario", "check", *items, *argv])
    out, err = capsys.readouterr()
    return code, out, err


def usage_error(capsys, *argv: str) -> str:
    """Run a command line that argparse must refuse; return what it wrote on stderr."""
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    assert exit_.value.code == 2
    return capsys.readouterr().err


# --- exit codes ---------------------------------------------------------------------------


def test_a_clean_file_exits_0_and_prints_no_diagnostic(capsys):
    code, out, err = check(capsys, str(VALID))
    assert code == 0
    assert out == ""
    assert "1 fichier vérifié : 0 erreur, 0 avertissement." in err


def test_a_file_with_errors_exits_1_and_prints_each_diagnostic_with_its_hint(capsys):
    code, out, _ = check(capsys, str(WITH_ERROR))
    assert code == 1
    expected = check_paths([WITH_ERROR]).diagnostics
    lines = out.splitlines()
    heads = [HEAD.match(line) for line in lines if not line.startswith("    ")]
    assert all(heads), out
    assert [
        (m["file"], int(m["line"]), int(m["column"]), m["severity"], m["code"]) for m in heads
    ] == [(str(WITH_ERROR), d.line, d.column, d.severity, d.code) for d in expected]
    hints = [line for line in lines if line.startswith("    conseil: ")]
    assert len(hints) == len(expected)


def test_warnings_alone_exit_0_but_1_under_strict(capsys):
    assert check(capsys, str(WARNING_ONLY))[0] == 0
    code, out, _ = check(capsys, str(WARNING_ONLY), "--strict")
    assert code == 1
    assert ": warning: " in out


def test_strict_does_not_fail_a_clean_file(capsys):
    assert check(capsys, str(VALID), "--strict")[0] == 0


def test_an_unknown_option_is_a_usage_error(capsys):
    err = usage_error(capsys, "scenario", "check", str(VALID), "--bogus")
    assert "--bogus" in err


def test_an_unknown_language_or_format_is_a_usage_error(capsys):
    assert "--lang" in usage_error(capsys, "scenario", "check", str(VALID), "--lang", "de")
    assert "--format" in usage_error(capsys, "scenario", "check", str(VALID), "--format", "xml")


def test_graph_without_its_file_argument_is_a_usage_error(capsys):
    assert "FICHIER" in usage_error(capsys, "scenario", "graph")


def test_a_path_that_does_not_exist_exits_2_and_names_the_path(capsys, tmp_path):
    """A typo in the path is a usage error (2), not "your scenario has errors" (1)."""
    missing = tmp_path / "scenarios" / "inbound" / "librairie.yaml"
    code, out, err = check(capsys, str(missing))
    assert code == 2
    assert out == ""
    assert f"{missing}: introuvable / not found" in err


def test_one_missing_path_among_good_ones_is_still_a_usage_error(capsys, tmp_path):
    code, out, err = check(capsys, str(VALID), str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "nope.yaml" in err and out == ""


def test_no_path_checks_the_scenarios_folder_of_the_current_directory(
    capsys, tmp_path, monkeypatch
):
    (tmp_path / "scenarios").mkdir()
    shutil.copy(VALID, tmp_path / "scenarios" / "a.yaml")
    monkeypatch.chdir(tmp_path)
    code, _, err = check(capsys)
    assert code == 0 and "1 fichier vérifié" in err


@pytest.mark.slow
def test_no_path_and_no_scenarios_folder_checks_the_library_from_any_folder(
    capsys, tmp_path, monkeypatch
):
    """Regression: from a folder without scenarios/, the check said « scenarios: introuvable »."""
    from simulator.library import bundled_folder

    bundled = sum(1 for p in bundled_folder().rglob("*.yaml"))
    centre = tmp_path / "centre"
    centre.mkdir()
    shutil.copy(VALID, centre / "a.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CALLSIM_LIBRARY", raising=False)
    code, _, err = check(capsys, "--strict")
    assert code == 0 and f"{bundled} fichiers vérifiés : 0 erreur, 0 avertissement" in err
    monkeypatch.setenv("CALLSIM_LIBRARY", str(centre))
    code, _, err = check(capsys)
    assert code == 0 and f"{bundled + 1} fichiers vérifiés" in err


def test_a_folder_without_any_yaml_file_exits_2(capsys, tmp_path):
    (tmp_path / "notes.txt").write_text("pas un scénario", encoding="utf-8")
    code, _, err = check(capsys, str(tmp_path))
    assert code == 2
    assert "aucun fichier YAML trouvé" in err


# --- JSON ---------------------------------------------------------------------------------


def test_json_output_parses_and_gives_every_field_a_tool_needs(capsys):
    code, out, _ = check(capsys, str(WITH_ERROR), "--format", "json")
    assert code == 1
    payload = json.loads(out)
    expected = check_paths([WITH_ERROR]).diagnostics
    assert payload["files"] == [str(WITH_ERROR)]
    assert payload["errors"] == sum(d.severity == "error" for d in expected)
    assert payload["warnings"] == sum(d.severity == "warning" for d in expected)
    assert len(payload["diagnostics"]) == len(expected)
    for item, diagnostic in zip(payload["diagnostics"], expected, strict=True):
        assert {"file", "line", "column", "severity", "code", "message", "hint"} <= set(item)
        assert item["file"] == str(WITH_ERROR)
        assert (item["line"], item["column"], item["severity"], item["code"]) == (
            diagnostic.line,
            diagnostic.column,
            diagnostic.severity,
            diagnostic.code,
        )
        assert item["message"] == diagnostic.message("fr") and item["hint"] == diagnostic.hint("fr")


def test_json_output_of_a_clean_file_is_an_empty_list_and_exit_0(capsys):
    code, out, _ = check(capsys, str(VALID), "--format", "json")
    assert code == 0
    assert json.loads(out) == {"files": [str(VALID)], "errors": 0, "warnings": 0, "diagnostics": []}


def test_json_output_follows_the_language_and_strict_options(capsys):
    code, out, _ = check(capsys, str(WARNING_ONLY), "--format", "json", "--lang", "en", "--strict")
    assert code == 1
    (item,) = json.loads(out)["diagnostics"]
    assert item["message"] == "node 'rappel' can never be reached from 'accueil'"
    assert item["hint"] == "Link it to the dialogue with a 'goto' or remove it."


# --- language -----------------------------------------------------------------------------


def test_lang_changes_the_wording_of_messages_hints_and_summary(capsys):
    _, out_fr, err_fr = check(capsys, str(WARNING_ONLY))
    _, out_en, err_en = check(capsys, str(WARNING_ONLY), "--lang", "en")
    assert "le nœud « rappel » n'est jamais atteint depuis « accueil »" in out_fr
    assert "    conseil: Reliez-le au dialogue" in out_fr
    assert "node 'rappel' can never be reached from 'accueil'" in out_en
    assert "    hint: Link it to the dialogue" in out_en
    assert "avertissement" in err_fr and "1 file checked: 0 errors, 1 warning." in err_en
    # the position and the code do not depend on the language
    assert HEAD.match(out_fr.splitlines()[0])["code"] == HEAD.match(out_en.splitlines()[0])["code"]
    assert out_fr.split(": warning: ")[0] == out_en.split(": warning: ")[0]


# --- folders ------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, Path]:
    """A small library: nested folders, both suffixes, a hidden folder and a non-YAML file."""
    files = {
        "deep": root / "inbound" / "2026" / "printemps" / "librairie.yaml",
        "yml": root / "outbound" / "rappel.yml",
        "broken": root / "admin" / "casse.yaml",
    }
    for path in files.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(VALID, files["deep"])
    shutil.copy(VALID, files["yml"])
    shutil.copy(WITH_ERROR, files["broken"])
    (root / ".git").mkdir()
    (root / ".git" / "ignored.yaml").write_text("not: [a scenario", encoding="utf-8")
    (root / "admin" / "README.txt").write_text("notes", encoding="utf-8")
    return files


def test_checking_a_folder_finds_every_yaml_file_recursively_and_skips_hidden_folders(
    capsys, tmp_path
):
    files = _tree(tmp_path / "library")
    code, out, _ = check(capsys, str(tmp_path / "library"), "--format", "json")
    payload = json.loads(out)
    assert sorted(payload["files"]) == sorted(str(p) for p in files.values())
    assert code == 1
    assert {item["file"] for item in payload["diagnostics"]} == {str(files["broken"])}


def test_a_folder_named_through_dot_dot_is_searched_too(capsys, tmp_path, monkeypatch):
    """``callsim scenario check ../scenarios`` from a sub-folder must not skip every file."""
    files = _tree(tmp_path / "library")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    code, out, _ = check(capsys, "../library", "--format", "json")
    assert len(json.loads(out)["files"]) == len(files)
    assert code == 1


def test_a_folder_inside_a_hidden_folder_is_searched_too(capsys, tmp_path):
    """e.g. ``~/.local/share/callsim/scenarios``: only hidden folders *below* the one named are skipped."""
    files = _tree(tmp_path / ".local" / "library")
    code, out, _ = check(capsys, str(tmp_path / ".local" / "library"), "--format", "json")
    assert sorted(json.loads(out)["files"]) == sorted(str(p) for p in files.values())
    assert code == 1


# --- schema -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["scenario", "epreuve", "testplan"])
def test_schema_prints_draft_07_json_schema(kind, capsys):
    argv = ["scenario", "schema"] + ([] if kind == "scenario" else ["--kind", kind])
    assert main(argv) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["type"] == "object" and schema["properties"]
    assert "$defs" not in json.dumps(schema)  # draft-07 keeps sub-schemas under "definitions"
    refs = re.findall(r'"\$ref": "([^"]+)"', json.dumps(schema))
    assert refs and all(
        ref.startswith("#/definitions/") and ref.split("/")[-1] in schema["definitions"]
        for ref in refs
    )


def test_the_scenario_schema_knows_every_top_level_key_of_a_valid_scenario(capsys):
    main(["scenario", "schema"])
    schema = json.loads(capsys.readouterr().out)
    data = load_checked(VALID).data
    assert set(data) <= set(schema["properties"])
    assert set(schema["required"]) <= set(data)
    assert schema.get("additionalProperties") is False


# --- graph --------------------------------------------------------------------------------


def _expected_drawing_parts() -> dict[str, set[str]]:
    """What the drawing of valid-minimal.yaml must name, read from the scenario itself."""
    scenario = load_checked(VALID).model
    replies = [r for node in scenario.nodes.values() for r in node.replies or ()]
    return {
        "nodes": set(scenario.nodes),
        "choices": {r.id for r in replies},
        "endings": {node.end.outcome for node in scenario.nodes.values() if node.end is not None},
        "evidence": {
            f"{'+' if e.effect == 'positive' else '−'}{e.competency}"
            for r in replies
            for e in r.evidence
        }
        | {f"✓{c.competency}" for node in scenario.nodes.values() for c in node.expect},
    }


@pytest.mark.parametrize("output", ["mermaid", "dot"])
def test_graph_names_every_node_choice_ending_and_piece_of_evidence(output, capsys):
    assert main(["scenario", "graph", str(VALID), "--format", output]) == 0
    drawing = capsys.readouterr().out
    parts = _expected_drawing_parts()
    assert parts["nodes"] == {
        "accueil",
        "horaires",
        "fin",
    }  # the premise: the corpus file as written
    assert parts["evidence"] == {"+01.01", "−01.01", "✓01.03"}
    for kind, names in parts.items():
        for name in names:
            assert name in drawing, (kind, name)
    assert drawing.startswith(
        "flowchart TD\n" if output == "mermaid" else 'digraph "librairie-horaires" {\n'
    )


def test_mermaid_draws_one_edge_per_choice_from_its_node_to_its_target(capsys):
    main(["scenario", "graph", str(VALID), "--format", "mermaid"])
    drawing = capsys.readouterr().out
    scenario = load_checked(VALID).model
    edges = re.findall(r"^\s+n_(\w+) -->\|\"([^\"]+)\"\| n_(\w+)$", drawing, re.MULTILINE)
    expected = [
        (source, reply.id, reply.goto)
        for source, node in scenario.nodes.items()
        for reply in node.replies or ()
    ]
    assert [(s, label.split()[0], t) for s, label, t in edges] == expected
    assert re.search(
        r"^\s+n_fin\(\[\"fin: .* ⟶ resolved\"\]\)$", drawing, re.MULTILINE
    )  # the ending's own shape
    assert "class n_accueil start" in drawing


def test_dot_draws_the_ending_with_its_outcome_and_the_start_in_bold(capsys):
    main(["scenario", "graph", str(VALID), "--format", "dot"])
    drawing = capsys.readouterr().out
    assert re.search(
        r'^  "fin" \[label="fin\\n.*⟶ resolved", shape=doubleoctagon\];$', drawing, re.MULTILINE
    )
    assert re.search(r'^  "accueil" \[.*penwidth=3\];$', drawing, re.MULTILINE)
    assert '"horaires" -> "fin" [label="donner-horaires [inform]"];' in drawing


def test_mermaid_keeps_nodes_apart_whose_ids_differ_only_by_dash_or_underscore(capsys, tmp_path):
    text = VALID.read_text(encoding="utf-8")
    text = text.replace("  fin:\n", "  fin_a:\n").replace("goto: fin\n", "goto: fin_a\n")
    text = text.replace("  horaires:\n", "  fin-a:\n").replace("goto: horaires\n", "goto: fin-a\n")
    path = tmp_path / "ids.yaml"
    path.write_text(text, encoding="utf-8")
    assert check_paths([path]).diagnostics == []
    assert main(["scenario", "graph", str(path)]) == 0
    drawing = capsys.readouterr().out
    declared = re.findall(r"^    (n_\w+)[\[(]", drawing, re.MULTILINE)
    assert len(declared) == len(set(declared)) == 3
    (edge,) = re.findall(
        r"^    (n_\w+) -->\|\"donner-horaires[^|]*\| (n_\w+)$", drawing, re.MULTILINE
    )
    source, target = edge  # from fin-a to fin_a: two boxes, not a loop on one
    assert source != target and {source, target} <= set(declared)


def test_graph_of_a_file_with_errors_exits_1_with_its_diagnostics_on_stderr(capsys):
    assert main(["scenario", "graph", str(WITH_ERROR)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert f"{WITH_ERROR}:" in err and "[dangling-goto]" in err
