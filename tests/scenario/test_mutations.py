"""Mutation tests: break a valid scenario in one known place and the checker must point right there.

Each test starts from a file that checks clean (the corpus's ``valid-minimal.yaml`` or a shipped
scenario), applies one mistake a trainer really makes — a renamed node, a deleted or doubled
key, an unknown competency, ``yes`` for a boolean, a tab, a cut-off file, a list instead of a
word, a node left without replies, evidence removed, a reference to nothing, a missing
translation… — and asserts the exact diagnostics: code, severity, line and column. Expected
positions are computed from the mutated text (where the needle now sits), never copied from the
checker's output, so a diagnostic that drifts to the next key or to the enclosing block fails.

The shipped scenario is read once, when the module is imported, and its anchors (which node to
rename, which boolean to spoil…) are found from its content: other people edit that file.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from simulator.scenario.checker import check_paths, load_checked
from simulator.scenario.checker.competencies import sources
from simulator.scenario.checker.graph import edges
from simulator.scenario.models.checks import OutcomeCheck

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).with_name("corpus")
MINIMAL_PATH = CORPUS / "valid-minimal.yaml"
TAB_IN_BLOCK_PATH = CORPUS / "valid-tab-in-block-scalar.yaml"
SHIPPED_PATH = ROOT / "scenarios" / "inbound" / "maison-lumiere-livraison.yaml"

MINIMAL = MINIMAL_PATH.read_text(encoding="utf-8")
SHIPPED = SHIPPED_PATH.read_text(encoding="utf-8")

Found = tuple[int, int, str, str]  # line, column, severity, code


# --- helpers ------------------------------------------------------------------------------


def pos(text: str, needle: str, nth: int = 1, skip: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of the ``nth`` occurrence of ``needle``, plus ``skip``."""
    index = -1
    for _ in range(nth):
        index = text.index(needle, index + 1)
    index += skip
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def value_pos(text: str, key_and_value: str, nth: int = 1) -> tuple[int, int]:
    """Where the value of a ``key: value`` text starts (the character after ``: ``)."""
    return pos(text, key_and_value, nth, skip=key_and_value.index(": ") + 2)


def end_of(text: str) -> tuple[int, int]:
    """The position just past the last character: where a cut-off file stops."""
    return text.count("\n") + 1, len(text) - (text.rfind("\n") + 1) + 1


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"the mutation's anchor {old!r} must occur exactly once"
    return text.replace(old, new)


def run(tmp_path: Path, content: str | bytes, name: str = "mutant.yaml") -> list:
    """Check ``content`` as a file, exactly as ``callsim scenario check`` would."""
    target = tmp_path / name
    target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return check_paths([target]).diagnostics


def found(diagnostics, severity: str | None = None) -> list[Found]:
    return [
        (d.line, d.column, d.severity, d.code)
        for d in diagnostics
        if severity in (None, d.severity)
    ]


def errors(line_col: tuple[int, int], code: str) -> Found:
    return (*line_col, "error", code)


def warning(line_col: tuple[int, int], code: str) -> Found:
    return (*line_col, "warning", code)


def drop_block(text: str, first_line: str, after: int = 0) -> str:
    """Remove the first line (from offset ``after``) that starts with ``first_line``, and every
    line indented deeper below it."""
    lines = text.splitlines(keepends=True)
    starts = [sum(len(line) for line in lines[:i]) for i in range(len(lines))]
    start = next(
        i for i, line in enumerate(lines) if starts[i] >= after and line.startswith(first_line)
    )
    indent = len(first_line) - len(first_line.lstrip(" "))
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > indent
    ):
        end += 1
    while (
        end > start + 1 and not lines[end - 1].strip()
    ):  # keep the blank line that separated blocks
        end -= 1
    return "".join(lines[:start] + lines[end:])


def test_the_unmutated_files_are_clean(tmp_path):
    """The premise of every mutation below: the starting files give no diagnostic at all."""
    assert found(run(tmp_path, MINIMAL)) == []
    assert found(run(tmp_path, SHIPPED)) == []


# --- the minimal scenario: one replaced text, the diagnostics it must give ---------------------


@dataclass(frozen=True)
class Expect:
    """A diagnostic expected in the mutated text: at the ``nth`` ``needle`` (``skip`` characters on),
    or, with ``on_value``, at the value of a ``key: value`` needle."""

    severity: str
    code: str
    needle: str
    nth: int = 1
    skip: int = 0
    on_value: bool = False

    def found_in(self, text: str) -> Found:
        where = (
            value_pos(text, self.needle, self.nth)
            if self.on_value
            else pos(text, self.needle, self.nth, self.skip)
        )
        return (*where, self.severity, self.code)


def error_at(code: str, needle: str, nth: int = 1, skip: int = 0) -> Expect:
    return Expect("error", code, needle, nth, skip)


def error_on_value(code: str, key_and_value: str, nth: int = 1) -> Expect:
    return Expect("error", code, key_and_value, nth, on_value=True)


def warning_at(code: str, needle: str, nth: int = 1, skip: int = 0) -> Expect:
    return Expect("warning", code, needle, nth, skip)


def warning_on_value(code: str, key_and_value: str, nth: int = 1) -> Expect:
    return Expect("warning", code, key_and_value, nth, on_value=True)


@dataclass(frozen=True)
class Replacement:
    """Replace ``old`` (which occurs exactly once) by ``new`` in ``valid-minimal.yaml``: exactly ``expect`` follows."""

    name: str
    old: str
    new: str
    expect: tuple[Expect, ...]


def case(name: str, old: str, new: str, *expect: Expect) -> Replacement:
    return Replacement(name, old, new, expect)


_REPLIES_OF_HORAIRES = (
    "    replies:\n      - id: donner-horaires\n"
    '        text: "Le samedi, nous sommes ouverts {{ facts.horaires_samedi }}."\n'
    "        act: inform\n        goto: fin\n"
)
_HORAIRES_TEXT = 'text: "Le samedi, nous sommes ouverts {{ facts.horaires_samedi }}."'
_ORGANISATION = (
    "organisation:\n  name: Librairie Papyrus\n  sector: librairie indépendante\n  city: Namur\n"
)
_FAQ_ARTICLE = "    - id: horaires\n      kind: faq\n"
_SATURDAY = '  horaires_samedi: "de 10 h à 18 h"'

REPLACEMENTS = [
    case(
        "rename-node-so-its-goto-dangles",
        "  fin:\n",
        "  fini:\n",
        error_on_value("dangling-goto", "goto: fin"),
        warning_at("unreachable-node", "fini:"),
    ),
    # horaires (now unreachable) held the only check of 01.03: reachability says it cannot be observed.
    case(
        "rename-node-with-three-incoming-gotos",
        "  horaires:\n",
        "  horaire:\n",
        # what is left of 01.03 can only fail (a hold without warning the caller): never positive
        error_at("never-positive", '"01.03"'),
        *(error_on_value("dangling-goto", "goto: horaires", n) for n in (1, 2, 3)),
        warning_at("unreachable-node", "horaire:"),
        warning_at("unreachable-node", "  fin:", skip=2),
    ),
    case(
        "misspell-the-start-node",
        "start: accueil",
        "start: acceuil",
        error_on_value("dangling-goto", "start: acceuil"),
    ),
    case(
        "delete-a-reply-goto",
        "        act: inform\n        goto: fin\n",
        "        act: inform\n",
        error_at("missing-field", "id: donner-horaires"),
    ),
    case(
        "delete-a-check-competency",
        '        competency: "01.03"\n',
        "",
        error_at("missing-field", "id: faq-consultee"),
    ),
    case(
        "delete-organisation-city",
        "  city: Namur\n",
        "",
        error_at("missing-field", "name: Librairie Papyrus"),
    ),
    case(
        "delete-outcome-of-flow-ending",
        "end: {outcome: resolved}",
        "end: {}",
        error_at("missing-field", "{}"),
    ),
    case(
        "duplicate-a-nested-key",
        "        act: inform\n",
        "        act: inform\n        act: inform\n",
        error_at("duplicate-key", "act: inform", 2),
    ),
    case(
        "duplicate-a-key-in-a-flow-mapping",
        '{competency: "01.01", effect: negative,',
        '{competency: "01.01", effect: negative, effect: positive,',
        error_at("duplicate-key", "effect: positive,", 2),
    ),
    case(
        "claim-an-unknown-competency",
        'competencies: ["01.01", "01.03"]',
        'competencies: ["01.01", "04.01"]',
        error_at("unknown-competency", '"04.01"'),
        warning_on_value("evidence-not-claimed", 'competency: "01.03"'),
    ),
    case(
        "evidence-for-an-unknown-competency",
        '{competency: "01.01", effect: negative',
        '{competency: "04.02", effect: negative',
        error_on_value("unknown-competency", 'competency: "04.02"'),
    ),
    case(
        "check-for-an-unknown-competency",
        'competency: "01.03"',
        'competency: "09.09"',
        # its only check now names 09.09: what is left of 01.03 can only fail (a hold without warning)
        error_at("never-positive", '"01.03"'),
        error_on_value("unknown-competency", 'competency: "09.09"'),
    ),
    case(
        "malformed-competency-code",
        '["01.01", "01.03"]',
        '["01.01", "1.3"]',
        error_at("invalid-value", '"1.3"'),
    ),
    *(
        case(
            f"boolean-written-{word}",
            "effect: negative,",
            f"effect: negative, critical: {word},",
            error_on_value("yaml11-boolean", f"critical: {word}"),
        )
        for word in ("yes", "No", "on", "OFF", "y")
    ),
    case(
        "boolean-written-quoted-yes",
        "effect: negative,",
        'effect: negative, critical: "yes",',
        error_on_value("wrong-type", 'critical: "yes"'),
    ),
    case(
        "reply-text-written-yes",
        'text: "Oui."',
        "text: yes",
        warning_on_value("ambiguous-boolean", "text: yes"),
    ),
    *(
        case(name, old, new, error_on_value("wrong-type", new))
        for name, old, new in (
            ("number-replaced-by-list", "duration_minutes: 5", "duration_minutes: [5]"),
            ("goto-replaced-by-list", "goto: fin", "goto: [fin]"),
            ("text-replaced-by-list", 'say: "Merci, au revoir !"', "say: [Merci, au revoir]"),
            ("choice-replaced-by-list", "kind: faq", "kind: [faq]"),
            ("mapping-replaced-by-list", "end: {outcome: resolved}", "end: [resolved]"),
            ("list-replaced-by-scalar", "tools: [documentation]", "tools: documentation"),
            ("number-in-quotes", "duration_minutes: 5", 'duration_minutes: "5"'),
            *(
                (
                    f"unparsable-number-{literal}",
                    "duration_minutes: 5",
                    f"duration_minutes: {literal}",
                )
                for literal in ("0x_", "-_", "._")
            ),
            ("number-of-5000-digits", "duration_minutes: 5", f"duration_minutes: {'9' * 5000}"),
        )
    ),
    case(
        "block-replaced-by-scalar",
        _ORGANISATION,
        "organisation: Librairie Papyrus\n",
        error_on_value("wrong-type", "organisation: Librairie"),
    ),
    case(
        "value-left-empty",
        "duration_minutes: 5",
        "duration_minutes:",  # just past the colon
        error_at("wrong-type", "duration_minutes:", skip=len("duration_minutes:")),
    ),
    *(
        case(
            name,
            _REPLIES_OF_HORAIRES,
            replies,
            error_at("dead-end", "  horaires:", skip=2),
            warning_at("unreachable-node", "  fin:", skip=2),
        )
        for name, replies in (
            ("remove-all-replies", ""),
            ("empty-the-replies", "    replies: []\n"),
        )
    ),
    case(
        "document-reference-to-missing-article",
        "article: horaires",
        "article: horaires-ete",
        error_on_value("dangling-reference", "article: horaires-ete"),
    ),
    case(
        "two-articles-with-one-id",
        _FAQ_ARTICLE,
        "    - id: horaires\n      kind: faq\n      title: Bis\n      body: Bis\n" + _FAQ_ARTICLE,
        error_on_value("duplicate-id", "- id: horaires", 2),
    ),
    case(
        "remove-english-of-the-title",
        "  en: Papyrus bookshop — Saturday opening hours\n",
        "",
        warning_at("missing-translation", "fr: Librairie Papyrus —"),
    ),
    case(
        "remove-french-of-the-title",
        "  fr: Librairie Papyrus — les horaires du samedi\n",
        "",
        error_at("missing-field", "en: Papyrus bookshop"),
    ),
    case(
        "misspelt-key",
        "        act: inform\n",
        "        acts: inform\n",
        error_at("unknown-key", "acts: inform"),
    ),
    case(
        "unknown-act",
        "act: inform",
        "act: informs",
        error_on_value("invalid-value", "act: informs"),
    ),
    case(
        "unknown-check-type",
        "type: document_opened",
        "type: document_open",
        error_on_value("invalid-value", "type: document_open"),
    ),
    case(
        "unknown-ending-outcome",
        "{outcome: resolved}",
        "{outcome: solved}",
        error_on_value("invalid-value", "outcome: solved"),
    ),
    case(
        "broken-template-braces",
        _HORAIRES_TEXT,
        _HORAIRES_TEXT.replace("}}.", "}."),
        error_on_value("template-syntax", 'text: "Le samedi'),
    ),
    case(
        "unknown-template-variable",
        "{{ agent.name }}",
        "{{ agent.nom }}",
        error_on_value("unknown-variable", 'text: "Librairie Papyrus,'),
    ),
    case(
        "unknown-document-marker",
        "callsim: scenario/1",
        "callsim: scenario/2",
        error_on_value("unknown-document", "callsim: scenario/2"),
    ),
    # the root is level 0, facts level 1, the first "{" level 2: level 41 is the 40th "{".
    *(
        case(
            f"nesting-{depth}-deep",
            _SATURDAY,
            "  horaires_samedi: " + "{a: " * depth + "x" + "}" * depth,
            error_at("too-deep", "{a: ", 40),
        )
        for depth in (45, 3000)
    ),
]


@pytest.mark.parametrize("replacement", REPLACEMENTS, ids=lambda r: r.name)
def test_each_replacement_in_the_minimal_scenario_is_reported_where_it_was_made(
    replacement, tmp_path
):
    mutated = replace_once(MINIMAL, replacement.old, replacement.new)
    assert mutated != MINIMAL
    expected = [expect.found_in(mutated) for expect in replacement.expect]
    assert sorted(found(run(tmp_path, mutated))) == sorted(expected)


# --- the minimal scenario: mutations that are more than one replacement -----------------------


@dataclass(frozen=True)
class Mutation:
    """A named way to break ``valid-minimal.yaml``; ``apply`` returns the text and what it must give."""

    name: str
    apply: Callable[[str], tuple[str, list[Found]]]


def _delete_top_level_key(key: str):
    def apply(text):
        mutated = drop_block(text, f"{key}:")
        root = pos(mutated, "\n", skip=1)  # the mapping starts on the line after the comment
        return mutated, [errors(root, "missing-field")]

    return apply


def _duplicate_top_level_key(text):
    mutated = text + "kind: complaint\n"
    return mutated, [errors(pos(mutated, "kind: complaint"), "duplicate-key")]


def _duplicate_node(text):
    mutated = text + "\n  fin:\n    say: Au revoir.\n    end: {outcome: done}\n"
    return mutated, [errors(pos(mutated, "  fin:", 2, skip=2), "duplicate-node")]


def _remove_the_only_evidence(text):
    mutated = drop_block(text, "    expect:")
    # what is left of 01.03 can only fail (a hold without warning the caller)
    return mutated, [errors(pos(mutated, '"01.03"'), "never-positive")]


def _node_id_in_capitals(text):
    mutated = replace_once(text, "  fin:\n", "  Fin:\n").replace("goto: fin", "goto: Fin")
    return mutated, [
        errors(value_pos(mutated, "goto: Fin"), "invalid-identifier"),
        errors(pos(mutated, "  Fin:", skip=2), "invalid-identifier"),
    ]


def _fact_name_in_capitals(text):
    mutated = replace_once(text, "  horaires_samedi:", "  Horaires_samedi:").replace(
        "facts.horaires_samedi", "facts.Horaires_samedi"
    )
    return mutated, [errors(pos(mutated, "Horaires_samedi:"), "invalid-identifier")]


MINIMAL_MUTATIONS = [
    *(
        Mutation(f"delete-required-{key}", _delete_top_level_key(key))
        for key in ("id", "title", "duration_minutes", "competencies", "start", "nodes")
    ),
    Mutation("delete-required-callsim", _delete_top_level_key("callsim")),
    Mutation("duplicate-a-top-level-key", _duplicate_top_level_key),
    Mutation("duplicate-a-node", _duplicate_node),
    Mutation("remove-the-only-evidence-of-a-claim", _remove_the_only_evidence),
    Mutation("node-id-in-capitals", _node_id_in_capitals),
    Mutation("fact-name-in-capitals", _fact_name_in_capitals),
]


@pytest.mark.parametrize("mutation", MINIMAL_MUTATIONS, ids=lambda m: m.name)
def test_each_mutation_of_the_minimal_scenario_is_reported_where_it_was_made(mutation, tmp_path):
    mutated, expected = mutation.apply(MINIMAL)
    assert mutated != MINIMAL
    assert sorted(found(run(tmp_path, mutated))) == sorted(expected)


def test_a_missing_field_names_the_field_and_a_duplicate_names_the_first_line(tmp_path):
    """The message must say *which* field is missing and *where* the first copy of a key is."""
    missing = run(tmp_path, drop_block(MINIMAL, "start:"))
    assert [d.params["field"] for d in missing] == ["start"]
    assert "'start'" in missing[0].message("en") and "« start »" in missing[0].message("fr")

    doubled = replace_once(
        MINIMAL, "        act: inform\n", "        act: inform\n        act: inform\n"
    )
    (duplicate,) = run(tmp_path, doubled)
    assert duplicate.params["first_line"] == pos(doubled, "act: inform")[0]


# --- tabs -----------------------------------------------------------------------------------


def _indented_lines(text: str) -> list[int]:
    return [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]


def _tab_cases(text: str) -> list[tuple[int, int]]:
    """(line, spaces kept before the tab): the tab replaces the indentation, or follows it."""
    cases = []
    for number in _indented_lines(text)[::4]:
        line = text.splitlines()[number - 1]
        spaces = len(line) - len(line.lstrip(" "))
        cases.append((number, 0))
        if spaces:
            cases.append((number, spaces))
    return cases


@pytest.mark.parametrize(("number", "kept"), _tab_cases(MINIMAL), ids=lambda v: str(v))
def test_a_tab_in_the_indentation_is_reported_on_its_line_and_column(number, kept, tmp_path):
    lines = MINIMAL.splitlines(keepends=True)
    lines[number - 1] = " " * kept + "\t" + lines[number - 1].lstrip(" ")
    assert found(run(tmp_path, "".join(lines))) == [errors((number, kept + 1), "tab-indentation")]


def test_a_tab_that_belongs_to_a_block_of_text_does_not_hide_the_real_error(tmp_path):
    """valid-tab-in-block-scalar.yaml has a legitimate tab inside a ``|`` block: a syntax error
    further down must be reported where it is, not as a tab on the block's line."""
    base = TAB_IN_BLOCK_PATH.read_text(encoding="utf-8")
    assert found(run(tmp_path, base)) == []
    colon = replace_once(base, "start: accueil\n", "start: accueil: encore\n")
    assert found(run(tmp_path, colon)) == [errors(pos(colon, ": encore"), "yaml-colon-in-value")]
    tab = replace_once(base, "start: accueil\n", "\tstart: accueil\n")
    assert found(run(tmp_path, tab)) == [errors(pos(tab, "\tstart"), "tab-indentation")]


# --- cutting the file short -----------------------------------------------------------------


TRUNCATIONS = {
    # name: (where to cut, what the cut-off text must give, computed from that text)
    "inside-a-quoted-string": ('say: "Jusqu', lambda t: [errors(end_of(t), "truncated-file")]),
    "inside-a-flow-mapping": (
        '{competency: "01.01", eff',
        lambda t: [errors(end_of(t), "truncated-file")],
    ),
    "inside-a-flow-list": (
        'competencies: ["01.01", ',
        lambda t: [errors(end_of(t), "truncated-file")],
    ),
    "after-the-nodes-key": ("nodes:", lambda t: [errors(end_of(t), "wrong-type")]),
    "after-a-goto-key": ("goto:", lambda t: [errors(end_of(t), "wrong-type")]),
    "after-a-reply-without-goto": (
        "act: inform\n",
        lambda t: [errors(pos(t, "id: donner-horaires"), "missing-field")],
    ),
    "before-the-ending-node": (
        "        goto: fin\n",
        lambda t: [errors(value_pos(t, "goto: fin"), "dangling-goto")],
    ),
    "after-the-first-comment": ("\n", lambda t: [errors((1, 1), "empty-file")]),
    "to-nothing": ("", lambda t: [errors((1, 1), "empty-file")]),
}


@pytest.mark.parametrize("name", TRUNCATIONS)
def test_a_file_cut_short_is_reported_where_it_stops(name, tmp_path):
    needle, expect = TRUNCATIONS[name]
    cut = MINIMAL[: MINIMAL.index(needle) + len(needle)]
    assert sorted(found(run(tmp_path, cut))) == sorted(expect(cut))


def test_a_file_cut_inside_a_multibyte_character_is_reported_on_that_character(tmp_path):
    raw = MINIMAL.encode("utf-8")
    index = raw.index("indépendante".encode()) + len("ind")  # the first byte of "é"
    line, column = pos(MINIMAL, "indépendante", skip=len("ind"))
    diagnostics = run(tmp_path, raw[: index + 1])
    assert found(diagnostics) == [errors((line, column), "invalid-utf8")]
    assert diagnostics[0].params["byte"] == "0xC3"


def test_every_line_boundary_cut_gives_positioned_diagnostics_inside_the_file(tmp_path):
    """Cutting after each line never raises, and every diagnostic points inside what is left."""
    offset = 0
    for line in MINIMAL.splitlines(keepends=True)[:-1]:
        offset += len(line)
        cut = MINIMAL[:offset]
        diagnostics = run(tmp_path, cut)
        last_line = cut.count("\n") + 1
        assert diagnostics, f"cut after line {last_line - 1} went unnoticed"
        for d in diagnostics:
            assert 1 <= d.line <= last_line and d.column >= 1, (last_line, d.format("en"))


# --- bytes a text editor should never have written ------------------------------------------


def test_an_invalid_utf8_byte_is_reported_on_its_character(tmp_path):
    raw = MINIMAL.encode("utf-8").replace(b"Namur", b"Na\xffmur")
    (diagnostic,) = run(tmp_path, raw)
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (
        *pos(MINIMAL, "Namur", skip=2),
        "invalid-utf8",
    )
    assert diagnostic.params["byte"] == "0xFF"


def test_a_nul_character_is_reported_on_its_position_in_the_trainers_language(tmp_path):
    mutated = replace_once(MINIMAL, "Namur", "Na\x00mur")
    (diagnostic,) = run(tmp_path, mutated)
    assert (diagnostic.line, diagnostic.column, diagnostic.code) == (
        *pos(mutated, "\x00"),
        "yaml-syntax",
    )
    assert "non-printable character U+0000" in diagnostic.message("en")
    assert "caractère non imprimable U+0000" in diagnostic.message("fr")


# --- the shipped scenario: anchors found from its content ------------------------------------


def _shipped_model():
    loaded = load_checked(SHIPPED_PATH)
    assert loaded.model is not None, [d.format("en") for d in loaded.diagnostics]
    return loaded.model


SHIPPED_MODEL = _shipped_model()


def _most_targeted_node() -> str:
    counts: dict[str, int] = {}
    for node in SHIPPED_MODEL.nodes.values():
        for target, _ in edges(node):
            counts[target] = counts.get(target, 0) + 1
    return max((n for n in counts if n != SHIPPED_MODEL.start), key=lambda n: (counts[n], n))


def test_shipped_renaming_a_node_makes_every_goto_to_it_dangle_at_the_goto(tmp_path):
    node = _most_targeted_node()
    mutated = replace_once(SHIPPED, f"\n  {node}:\n", f"\n  {node}-old:\n")
    references = [
        m.start(2)
        for m in re.finditer(rf"(goto|next): ({re.escape(node)})$", mutated, re.MULTILINE)
    ]
    assert len(references) >= 2
    expected = sorted(errors(pos(mutated, "", skip=i), "dangling-goto") for i in references)
    diagnostics = run(tmp_path, mutated)
    assert [f for f in found(diagnostics) if f[3] == "dangling-goto"] == expected
    assert warning(pos(mutated, f"  {node}-old:", skip=2), "unreachable-node") in found(diagnostics)


def test_shipped_deleting_a_required_nested_key_points_at_its_block(tmp_path):
    mutated = drop_block(SHIPPED, "  city:")
    block = re.search(r"^organisation:\n  (\S)", mutated, re.MULTILINE)
    assert found(run(tmp_path, mutated)) == [
        errors(pos(mutated, "", skip=block.start(1)), "missing-field")
    ]


def test_shipped_duplicating_a_key_points_at_the_copy(tmp_path):
    line = re.search(r"^kind: .*\n", SHIPPED, re.MULTILINE).group(0)
    mutated = replace_once(SHIPPED, line, line + line)
    assert found(run(tmp_path, mutated)) == [errors(pos(mutated, line, 2), "duplicate-key")]


def test_shipped_an_unknown_code_in_evidence_points_at_the_code(tmp_path):
    first = re.search(r'\{competency: "(\d\d\.\d\d)"', SHIPPED)
    mutated = SHIPPED[: first.start(1)] + "04.09" + SHIPPED[first.end(1) :]
    diagnostics = run(tmp_path, mutated)
    assert errors(pos(mutated, '"04.09"'), "unknown-competency") in found(diagnostics)
    assert {f[3] for f in found(diagnostics, "error")} <= {
        "unknown-competency",
        "claimed-not-evidenced",
        "never-positive",
    }


BOOLEANS = [m.start(1) for m in re.finditer(r"^\s*\w+: (true|false)\s*$", SHIPPED, re.MULTILINE)]


@pytest.mark.parametrize(
    "offset", BOOLEANS, ids=lambda o: f"line-{SHIPPED.count(chr(10), 0, o) + 1}"
)
@pytest.mark.parametrize("word", ["yes", "no"])
def test_shipped_every_boolean_written_yes_or_no_is_reported_on_its_value(offset, word, tmp_path):
    end = SHIPPED.index("\n", offset)
    mutated = SHIPPED[:offset] + word + SHIPPED[end:]
    assert found(run(tmp_path, mutated)) == [
        errors(pos(SHIPPED, "", skip=offset), "yaml11-boolean")
    ]


def test_the_shipped_scenario_has_booleans_to_spoil():
    assert BOOLEANS, "pick another shipped scenario: this one has no boolean left"


def test_shipped_a_tab_in_a_deep_line_is_reported_there(tmp_path):
    match = re.search(r"^( {8,})goto: ", SHIPPED, re.MULTILINE)
    mutated = SHIPPED[: match.start()] + "    \t" + SHIPPED[match.start() + 4 :]
    line = SHIPPED.count("\n", 0, match.start()) + 1
    assert found(run(tmp_path, mutated)) == [errors((line, 5), "tab-indentation")]


@pytest.mark.parametrize("fraction", [0.25, 0.5, 0.75])
def test_shipped_a_cut_inside_a_quoted_string_is_reported_at_the_end(fraction, tmp_path):
    quotes = [m.start() for m in re.finditer(r': "[^"\n]{12,}"$', SHIPPED, re.MULTILINE)]
    start = quotes[int(len(quotes) * fraction)]
    cut = SHIPPED[: start + 8]  # ': "' and five characters of the text
    assert found(run(tmp_path, cut)) == [errors(end_of(cut), "truncated-file")]


def test_shipped_a_word_replaced_by_a_list_is_reported_on_the_list(tmp_path):
    city = re.search(r"^  city: (.+)$", SHIPPED, re.MULTILINE)
    mutated = SHIPPED[: city.start(1)] + f"[{city.group(1)}]" + SHIPPED[city.end(1) :]
    assert found(run(tmp_path, mutated)) == [
        errors(pos(mutated, "", skip=city.start(1)), "wrong-type")
    ]


def test_shipped_removing_all_replies_of_a_node_makes_it_a_dead_end(tmp_path):
    node = next(
        n for n, spec in SHIPPED_MODEL.nodes.items() if spec.replies and n != SHIPPED_MODEL.start
    )
    mutated = drop_block(SHIPPED, "    replies:", after=SHIPPED.index(f"\n  {node}:\n"))
    diagnostics = run(tmp_path, mutated)
    dead_ends = [f for f in found(diagnostics) if f[3] == "dead-end"]
    assert dead_ends == [errors(pos(mutated, f"\n  {node}:", skip=3), "dead-end")]


def test_shipped_removing_every_piece_of_evidence_for_a_claim_is_reported_on_the_claim(tmp_path):
    by_rules = {s.competency for s in sources(SHIPPED_MODEL) if not s.declared}
    flow_only = [
        code
        for code in SHIPPED_MODEL.competencies
        if code not in by_rules
        and SHIPPED.count(f'competency: "{code}"') == SHIPPED.count(f'- {{competency: "{code}",')
    ]
    assert flow_only, "no claimed competency is observed only through reply evidence"
    code = flow_only[0]
    lines = [
        line
        for line in SHIPPED.splitlines(keepends=True)
        if f'- {{competency: "{code}",' not in line
    ]
    kept = []
    for i, line in enumerate(lines):  # an ``evidence:`` left without items goes too
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if line.strip() == "evidence:" and not following.lstrip().startswith("- {"):
            continue
        kept.append(line)
    mutated = "".join(kept)
    claims = re.search(r"^competencies: .*$", mutated, re.MULTILINE)
    where = pos(mutated, "", skip=claims.start() + claims.group(0).index(f'"{code}"'))
    assert found(run(tmp_path, mutated), "error") == [errors(where, "claimed-not-evidenced")]


def test_shipped_an_outcome_check_naming_a_missing_outcome_points_at_it(tmp_path):
    outcome = next(c.equals for c in SHIPPED_MODEL.checks if isinstance(c, OutcomeCheck))
    match = re.search(rf"^\s+equals: ({re.escape(outcome)})$", SHIPPED, re.MULTILINE)
    mutated = SHIPPED[: match.start(1)] + "colis-perdu" + SHIPPED[match.end(1) :]
    assert found(run(tmp_path, mutated)) == [
        errors(pos(mutated, "", skip=match.start(1)), "dangling-reference")
    ]


def test_shipped_removing_english_from_a_flow_text_warns_on_that_text(tmp_path):
    match = re.search(r'text: (\{fr: "[^"]*")(, en: "[^"]*")(, nl: "[^"]*")?\}', SHIPPED)
    mutated = SHIPPED[: match.start(2)] + SHIPPED[match.end(2) :]
    assert found(run(tmp_path, mutated)) == [
        warning(pos(mutated, "", skip=match.start(1)), "missing-translation")
    ]
