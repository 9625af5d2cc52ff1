"""Scenario texts as prose on a pane of any width: re-flowed, with French spacing tied to its punctuation.

Trainers wrap long texts in the YAML (block scalars), at a width that is not the pane's: ``unwrap``
joins those lines again (a blank line, a list item or a short line such as a signature stay where
they are). French puts a space before « ? », « ! », « : », « ; » and « » » and after « « »: ``tie``
makes it a non-breaking one, and ``fit`` breaks lines only at ordinary spaces, so no line ever
starts with the punctuation. Rich and Textual wrap at every space, non-breaking ones included,
hence the texts are fitted here to the pane's width before they are drawn.
"""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text

NBSP = "\u00a0"
#: A line of the YAML at least this long that goes on in the next line was wrapped by its author.
WRAPPED_LINE = 50
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•*–]|\d{1,2}[.)]|[a-z][.)]|Art\.)\s")
_BEFORE = re.compile(r"[ \u202f]+(?=[?!:;»])")
_AFTER = re.compile(r"(?<=«)[ \u202f]+")
_TOKENS = re.compile(r"\n|[^ \n]+ *| +")


def unwrap(text: str) -> str:
    """Join the lines a trainer wrapped by hand; keep paragraphs, list items and short lines."""
    paragraphs = []
    for paragraph in _PARAGRAPHS.split(text.strip("\n")):
        lines: list[str] = []
        for line in paragraph.split("\n"):
            if (
                lines
                and len(lines[-1].rstrip()) >= WRAPPED_LINE
                and line.strip()
                and not _LIST_ITEM.match(line)
            ):
                lines[-1] = f"{lines[-1].rstrip()} {line.strip()}"
            else:
                lines.append(line.rstrip())
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def tie(text: str) -> str:
    """The space before « ? ! : ; » » and after « « » made non-breaking."""
    return _AFTER.sub(NBSP, _BEFORE.sub(NBSP, text))


def prose(text: str) -> str:
    """A scenario text ready to be fitted: unwrapped and tied."""
    return tie(unwrap(text))


def break_offsets(plain: str, width: int) -> list[int]:
    """Where new lines start so that no line is wider than ``width`` (breaking at ordinary spaces only)."""
    offsets, column = [], 0
    for match in _TOKENS.finditer(plain):
        token = match.group()
        if token == "\n":
            column = 0
            continue
        if column and not token.startswith(" ") and column + cell_len(token.rstrip(" ")) > width:
            offsets.append(match.start())
            column = 0
        column += cell_len(token)
    return offsets


def fit(text: Text | str, width: int) -> Text:
    """``text`` broken into lines no wider than ``width`` (a longer word is left to the widget to fold)."""
    rich = Text(text) if isinstance(text, str) else text
    if width <= 0:
        return rich
    lines = rich.divide(break_offsets(rich.plain, width))
    for line in lines:
        line.rstrip()
    return Text("\n").join(lines)
