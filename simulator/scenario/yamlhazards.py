"""Scan YAML text for the hazards the parser reports badly or too slowly, each with its position.

Invalid UTF-8 bytes (every one, not just the first), tabs in indentation (every line, not the
parser's first complaint), nesting too deep to parse quickly, and files that are empty or cut
short. ``simulator.scenario.yamlsource`` calls these scans around the parse; they never raise.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    MappingStartEvent,
    NodeEvent,
)
from ruamel.yaml.tokens import ScalarToken

from simulator.scenario.diagnostics import Diagnostic

#: At most this many invalid bytes are reported for one file.
MAX_INVALID_BYTES = 20

_TAB_IN_INDENT = re.compile(r"^( *)\t")


def invalid_utf8(raw: bytes, path: str) -> list[Diagnostic]:
    """One ``invalid-utf8`` diagnostic per byte sequence that is not UTF-8 (at most MAX_INVALID_BYTES)."""
    found: list[Diagnostic] = []
    offset = 0
    while offset < len(raw):
        try:
            raw[offset:].decode("utf-8")
            break
        except UnicodeDecodeError as exc:
            bad = offset + exc.start
            line_start = raw.rfind(b"\n", 0, bad) + 1
            column = len(raw[line_start:bad].decode("utf-8", errors="replace")) + 1
            line = raw.count(b"\n", 0, bad) + 1
            found.append(
                Diagnostic(
                    path, line, column, "error", "invalid-utf8", {"byte": f"0x{raw[bad]:02X}"}
                )
            )
            offset = bad + max(1, exc.end - exc.start)
            if len(found) >= MAX_INVALID_BYTES:
                break
    return found


def has_content(text: str) -> bool:
    """Whether any line holds more than blanks or a comment."""
    return any(line.strip() and not line.lstrip().startswith("#") for line in text.splitlines())


def at_end(text: str, mark: Any) -> bool:
    """Whether a parse error's ``mark`` is followed by nothing but blanks: the file was cut short."""
    if mark is None:
        return False
    rest = text[mark.index :] if getattr(mark, "index", None) is not None else ""
    return not rest.strip()


def tab_indentation(text: str, path: str, error_line: int) -> list[Diagnostic]:
    """Tabs in the indentation of lines up to the parse error, outside multi-line scalars.

    A tab that starts a line of a block scalar (``|``, ``>``) or of multi-line quoted text is
    content, not indentation: reporting it would hide the real error further down.
    """
    inside = _scalar_lines(text)
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number > error_line:
            break
        match = _TAB_IN_INDENT.match(line)
        if match and line.strip() and number not in inside:
            found.append(
                Diagnostic(path, number, len(match.group(1)) + 1, "error", "tab-indentation", {})
            )
    return found


def _scalar_lines(text: str) -> set[int]:
    """1-based lines that continue a multi-line scalar, as far as the text can be scanned.

    The scanner reads ahead, so a scalar just before a scanning error is never handed out:
    the text is then scanned again up to the line of the error, a few times at most.
    """
    lines: set[int] = set()
    for _attempt in range(10):
        try:
            for token in YAML(typ="safe", pure=True).scan(io.StringIO(text)):
                if isinstance(token, ScalarToken) and token.end_mark.line > token.start_mark.line:
                    last = token.end_mark.line + (1 if token.end_mark.column > 0 else 0)
                    lines.update(range(token.start_mark.line + 2, last + 1))
            return lines
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            cut = _line_start(text, mark.line) if mark is not None else 0
            if cut <= 0 or cut >= len(text):
                return lines
            text = text[:cut]
        except (YAMLError, RecursionError):
            return lines
    return lines


def _line_start(text: str, line: int) -> int:
    """Offset of the start of 0-based ``line`` in ``text``."""
    offset = 0
    for _ in range(line):
        offset = text.find("\n", offset) + 1
        if offset == 0:
            return len(text)
    return offset


def deep_flow_prefix(text: str, max_depth: int) -> int | None:
    """Where brackets (``[``, ``{``) first open twice ``max_depth`` levels; None below ``max_depth``.

    A rough count (quotes are not followed, comments are): only a hint that the file may nest
    too deeply, and how much of it to parse to find out cheaply.
    """
    depth = deepest = 0
    in_comment = False
    previous = "\n"
    for index, char in enumerate(text):
        if in_comment:
            in_comment = char != "\n"
        elif char == "#" and previous in " \t\n":
            in_comment = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if depth >= 2 * max_depth:
                return index + 1
        elif char in "]}":
            depth = max(0, depth - 1)
        previous = char
    return len(text) if deepest > max_depth else None


def too_deep_position(text: str, max_depth: int) -> tuple[int, int] | None:
    """Where a value first sits deeper than ``max_depth``, as the reader counts (without recursion)."""
    # One entry per open collection: None for a sequence, else "the next node is a key".
    open_collections: list[bool | None] = []
    try:
        for event in YAML(typ="safe", pure=True).parse(io.StringIO(text)):
            if isinstance(event, CollectionEndEvent):
                open_collections.pop()
                continue
            if not isinstance(event, NodeEvent):
                continue
            parent_expects_key = bool(open_collections) and open_collections[-1] is True
            if open_collections and open_collections[-1] is not None:
                open_collections[-1] = not open_collections[-1]
            if not parent_expects_key and len(open_collections) > max_depth:
                return event.start_mark.line + 1, event.start_mark.column + 1
            if isinstance(event, CollectionStartEvent):
                open_collections.append(True if isinstance(event, MappingStartEvent) else None)
    except (YAMLError, IndexError):
        pass
    return None
