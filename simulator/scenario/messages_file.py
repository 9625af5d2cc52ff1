"""The diagnostics of reading a scenario file and of its model: code → (message, hint) message ids.

Part of ``simulator.scenario.messages`` (which renders them), in the ``checker`` catalog."""

from __future__ import annotations

from simulator.i18n import N_

#: code → (message, hint) for the file's bytes, its YAML and its model.
FILE_MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading the file -------------------------------------------------------------
    "invalid-utf8": (
        N_("invalid UTF-8 byte {byte}"),
        N_("Save the file as UTF-8 (without BOM) in your editor."),
    ),
    "file-too-large": (
        N_("file too large ({size} bytes, limit {limit})"),
        N_("Split the content into several scenarios."),
    ),
    "empty-file": (
        N_("the file is empty"),
        N_("Start with 'callsim: scenario/1' or 'callsim: epreuve/1' (see the trainer's guide)."),
    ),
    "tab-indentation": (
        N_("tab character in indentation"),
        N_("YAML only allows spaces for indentation: replace the tab with spaces."),
    ),
    "yaml-syntax": (
        N_("invalid YAML syntax: {problem}"),
        N_("Check indentation, colons and quotes around this position."),
    ),
    "yaml-unclosed-quote": (
        N_("the quote {char} opened here is never closed"),
        N_(
            "Close the text with the same quote ({char}…{char}) on this line. For an apostrophe inside a text in single quotes, double it: 'l''agence'; or use double quotes around the text."
        ),
    ),
    "yaml-unclosed-bracket": (
        N_("the '{char}' opened here is never closed"),
        N_(
            "Close the list with ']' (or the block with '}}') on this line, and separate the items with commas."
        ),
    ),
    "yaml-colon-space": (
        N_("a space is missing after the colon of '{key}'"),
        N_("Write '{key}: value': YAML only sees a key when its colon is followed by a space."),
    ),
    "yaml-colon-in-value": (
        N_("the value of '{key}' contains ': ' (colon and space)"),
        N_('Put the whole value in quotes: {key}: "…"; without quotes YAML reads a new key.'),
    ),
    "yaml-indent": (
        N_(
            "inconsistent indentation: {found} space(s) here, while the lines above start at {levels}"
        ),
        N_(
            "Align this line with the key it sits beside (same number of spaces), or indent it 2 spaces more than the key it belongs to."
        ),
    ),
    "truncated-file": (
        N_("the file ends in the middle of an element ({problem})"),
        N_(
            "The file looks truncated: close the open string, list or block, or restore the end of the file."
        ),
    ),
    "duplicate-key": (
        N_("duplicate key '{key}' (first defined on line {first_line})"),
        N_("A key may appear only once per block: remove or rename one of them."),
    ),
    "duplicate-node": (
        N_("node '{key}' defined twice (first defined on line {first_line})"),
        N_("Every dialogue node needs a unique id: rename one and update the 'goto' references."),
    ),
    "duplicate-id": (
        N_("duplicate id '{id}' in {collection} (first used on line {first_line})"),
        N_("Give each item a unique id."),
    ),
    "key-not-string": (
        N_("a key must be a plain string"),
        N_("Write the key as a word (e.g. 'title:'), not a list or a block."),
    ),
    "yaml-tag": (
        N_("YAML tag '{tag}' is not allowed"),
        N_("Scenarios only use text, numbers, lists and blocks: remove the tag."),
    ),
    "too-deep": (
        N_("nesting too deep (more than {limit} levels)"),
        N_("Simplify the structure of the file."),
    ),
    "too-many-nodes": (
        N_("the file contains too many elements (more than {limit})"),
        N_("Check anchors and aliases (&, *) or split the file."),
    ),
    "root-not-mapping": (
        N_("the document must be a mapping ('key: value')"),
        N_("Start with 'callsim: scenario/1' then the scenario's fields."),
    ),
    "unknown-document": (
        N_("unknown document type: {value}"),
        N_(
            "The first key must be 'callsim: scenario/1' ('scenario/1.1' with variants) or 'callsim: epreuve/1'."
        ),
    ),
    "yaml11-boolean": (
        N_("'{value}' is not a boolean in YAML 1.2"),
        N_("Write true or false."),
    ),
    "ambiguous-boolean": (
        N_("'{value}' is read as text, not as yes/no"),
        N_("If it is meant as text, quote it; otherwise write true or false."),
    ),
    # --- the model ------------------------------------------------------------------
    "missing-field": (
        N_("required field '{field}' is missing"),
        N_("Add '{field}: …' to this block (see the trainer's guide)."),
    ),
    "unknown-key": (
        N_("unknown key '{key}'"),
        N_("{suggestion}"),
    ),
    "wrong-type": (
        N_("wrong type: expected {expected}, found {found}"),
        N_("{advice}"),
    ),
    "invalid-identifier": (
        N_("invalid identifier '{value}': {detail}"),
        N_(
            "Write for example '{suggestion}': an identifier holds only lower-case letters without accents, digits, '-' and '_'."
        ),
    ),
    "invalid-value": (
        N_("invalid value '{value}': {detail}"),
        N_("{advice}"),
    ),
}
