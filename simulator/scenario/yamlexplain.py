"""A YAML parser error told in the trainer's words: what is wrong, on the line where the fault is.

The parser reports where it gave up, which is often a few lines after the real mistake (an unclosed
quote is only noticed at the end of the file) and in its own jargon (« expected <block end> »).
:func:`explain` looks at the text to find the usual faults — an unclosed quote or bracket, a key
without a space after its colon, a colon inside an unquoted value, an indentation that matches no
level above — and falls back to the parser's own problem, translated, at the parser's position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from simulator.i18n import N_, Message

_KEY_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_-]*):(?=[^\s:/\\])")
_KEY_VALUE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][A-Za-z0-9_-]*):\s+(.*)$")
_ITEM = re.compile(r"^\s*-\s+(.*)$")

#: The parser's usual complaints, said plainly (the rest are shown as the parser wrote them).
PROBLEMS = {
    "could not find expected ':'": N_("a ':' is expected after a key"),
    "mapping values are not allowed here": N_("a colon is not allowed here"),
    "found character '`' that cannot start any token": N_("a text cannot start with `"),
    "found character '@' that cannot start any token": N_(
        "a text cannot start with @: put it in quotes"
    ),
    "expected <block end>, but found '?'": N_(
        "a key appears in the middle of a list of '-' items at the same level"
    ),
    "expected <block end>, but found '<scalar>'": N_(
        "unexpected text: the line above may be unclosed or wrongly indented"
    ),
    "expected <block end>, but found '-'": N_("a list '-' is not aligned with the other items"),
    "found undefined alias": N_("unknown alias (a text starting with * must be in quotes)"),
}


@dataclass(frozen=True)
class Explained:
    """Where the fault is and how to say it: a catalogue code and its parameters."""

    line: int
    column: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def explain(text: str, exc: Any, truncated: bool) -> Explained:
    """The fault behind parser error ``exc`` on ``text`` (``truncated``: the parser ran into the end)."""
    lines = text.splitlines()
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    mark = problem_mark or context_mark
    at: tuple[int, int] = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = exc.context or ""
    opened = context_mark is not None and ("quoted scalar" in context or "flow" in context)
    if (
        opened and _last_content_line(lines) > context_mark.line
    ):  # more lines follow: not a cut file
        char = lines[context_mark.line][context_mark.column : context_mark.column + 1] or "?"
        code = "yaml-unclosed-quote" if "quoted" in context else "yaml-unclosed-bracket"
        return Explained(context_mark.line + 1, context_mark.column + 1, code, {"char": char})
    if truncated:
        return Explained(*at, "truncated-file", {"problem": exc.problem or context or "?"})
    upto = mark.line if mark else len(lines) - 1
    for found in (
        _odd_quote(lines, upto),
        _key_without_space(lines, upto),
        _indentation(lines, exc),
        _colon_in_value(lines, exc),
    ):
        if found is not None:
            return found
    problem = exc.problem or context or "?"
    return Explained(
        *at,
        "yaml-syntax",
        {"problem": Message(PROBLEMS[problem]) if problem in PROBLEMS else problem},
    )


def _last_content_line(lines: list[str]) -> int:
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip() and not lines[index].lstrip().startswith("#"):
            return index
    return -1


def _odd_quote(lines: list[str], upto: int) -> Explained | None:
    """The nearest value above the error that opens a quote its line does not close (the parser
    paired it with a quote further down and broke there)."""
    for index in range(min(upto, len(lines) - 1), -1, -1):
        match = _KEY_VALUE.match(lines[index]) or _ITEM.match(lines[index])
        value = match.group(match.re.groups) if match else ""  # the last group: the value
        quote = value[:1]
        if quote in ('"', "'") and value.replace("\\" + quote, "").count(quote) % 2 == 1:
            column = len(lines[index]) - len(value) + 1
            return Explained(index + 1, column, "yaml-unclosed-quote", {"char": quote})
    return None


def _key_without_space(lines: list[str], upto: int) -> Explained | None:
    """``say:Bonjour``: a key glued to its value is read as one text, and the mapping breaks later."""
    for index in range(min(upto, len(lines) - 1), -1, -1):
        match = _KEY_NO_SPACE.match(lines[index])
        if match and not lines[index].lstrip().startswith("#"):
            column = len(match.group(1)) + len(match.group(2)) + 1
            return Explained(index + 1, column, "yaml-colon-space", {"key": match.group(2)})
    return None


def _indentation(lines: list[str], exc: Any) -> Explained | None:
    """A line indented to no level of the lines above it (one space too many or too few)."""
    mark = exc.problem_mark
    problem = exc.problem or ""
    if mark is None or not (
        "expected <block end>" in problem or "mapping values are not allowed" in problem
    ):
        return None
    line = lines[mark.line] if mark.line < len(lines) else ""
    found = len(line) - len(line.lstrip(" "))
    levels = _levels_above(lines, mark.line)
    if not levels or found in levels:
        return None
    if "mapping values" in problem and found < max(levels):
        return None
    return Explained(
        mark.line + 1, found + 1, "yaml-indent", {"found": found, "levels": _either(levels)}
    )


def _either(levels: list[int]) -> Message | str:
    """« 2 ou 4 ou 6 » in the reader's language."""
    if len(levels) == 1:
        return str(levels[0])
    return Message("{first} or {rest}", first=str(levels[0]), rest=_either(levels[1:]))


def _levels_above(lines: list[str], index: int) -> list[int]:
    """The indentations a line could take: the nearest line above and each of its enclosing keys."""
    levels: list[int] = []
    for previous in range(index - 1, -1, -1):
        text = lines[previous]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        indent = len(text) - len(text.lstrip(" "))
        if text.lstrip().startswith("- "):
            indent_item = indent + 2
            if not levels or indent_item < min(levels):
                levels.append(indent_item)
        if not levels or indent < min(levels):
            levels.append(indent)
        if indent == 0:
            break
    return sorted(set(levels))


def _colon_in_value(lines: list[str], exc: Any) -> Explained | None:
    """``phone: +32 81 22 33 44: standard``: a second « : » inside an unquoted value."""
    mark = exc.problem_mark
    if (
        mark is None
        or "mapping values are not allowed" not in (exc.problem or "")
        or mark.line >= len(lines)
    ):
        return None
    match = _KEY_VALUE.match(lines[mark.line])
    if match is None or match.group(2)[:1] in ("'", '"'):
        return None
    return Explained(mark.line + 1, mark.column + 1, "yaml-colon-in-value", {"key": match.group(1)})
