"""Read a YAML 1.2 file into plain data, with a source map and every hazard reported by position.

libyaml (``yamlfast``) or, when it cannot, ruamel.yaml composes the node tree (each node knows
its line and column; both give the same tree, and every syntax error is ruamel.yaml's, explained);
the data is then built here, so that duplicate keys, foreign tags, excessive depth and YAML 1.1
booleans are reported as diagnostics — all of them, not just the first — instead of exceptions.
The scans of the raw text (invalid UTF-8, tabs, deep nesting, empty or truncated files) live in
``yamlhazards``.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError

from simulator.i18n import Message
from simulator.scenario import yamlfast
from simulator.scenario.diagnostics import Diagnostic
from simulator.scenario.yamlexplain import explain
from simulator.scenario.yamlhazards import (
    at_end,
    deep_flow_prefix,
    has_content,
    invalid_utf8,
    tab_indentation,
    too_deep_position,
)

MAX_BYTES = 1024 * 1024
MAX_DEPTH = 40
MAX_NODES = 200_000

#: Plain scalars that YAML 1.1 would have turned into booleans.
YAML11_BOOLEANS = frozenset({"y", "n", "yes", "no", "on", "off"})

Path = tuple[str | int, ...]

_STR, _INT, _FLOAT, _BOOL, _NULL = (
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
)
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


@dataclass(frozen=True)
class Position:
    """A 1-based line and column in a file."""

    line: int
    column: int


@dataclass
class SourceMap:
    """Where each value (and each mapping key) of the data sits in the file."""

    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    #: Paths of plain (unquoted) scalars that YAML 1.1 would read as booleans.
    yaml11_booleans: set[Path] = field(default_factory=set)
    #: The source text of numbers and booleans, as written (``01.10``, not the 1.1 YAML reads).
    written: dict[Path, str] = field(default_factory=dict)

    def value(self, path: Path) -> Position:
        """Position of the value at ``path``, or of its nearest known ancestor."""
        return self._nearest(self.values, path)

    def key(self, path: Path) -> Position:
        """Position of the key that introduces ``path`` (falls back to the value)."""
        if path in self.keys:
            return self.keys[path]
        return self.value(path)

    def resolve(self, loc: tuple[Any, ...]) -> Path:
        """Map a validation location (which may include union tags) onto a real data path."""
        path: Path = ()
        for element in loc:
            candidate = (*path, element)
            if candidate in self.values:
                path = candidate
        return path

    @staticmethod
    def _nearest(table: dict[Path, Position], path: Path) -> Position:
        while path and path not in table:
            path = path[:-1]
        return table.get(path, Position(1, 1))


@dataclass
class YamlDocument:
    """The outcome of reading one file: data (None when unreadable), source map, diagnostics."""

    path: str
    data: Any
    source_map: SourceMap
    diagnostics: list[Diagnostic]
    text: str = ""


def read_yaml(raw: bytes, path: str, *, fast: bool = True) -> YamlDocument:
    """Decode, scan, parse and construct ``raw``; never raises on bad input.

    ``fast=False`` composes with ruamel.yaml only, never with libyaml (same document).
    """
    smap = SourceMap()
    diags: list[Diagnostic] = []
    if len(raw) > MAX_BYTES:
        return _failed(path, smap, diags, 1, 1, "file-too-large", size=len(raw), limit=MAX_BYTES)
    text = _decode(raw, path, diags)
    if text is None:
        return YamlDocument(path, None, smap, diags)
    if not has_content(text):
        return _failed(path, smap, diags, 1, 1, "empty-file")
    deep = deep_flow_prefix(text, MAX_DEPTH)
    if deep is not None:
        # ruamel.yaml's scanner is quadratic in flow nesting ("[[[[…" takes minutes): find the
        # place in the short prefix that holds it, before reading the whole file.
        where = too_deep_position(text[:deep], MAX_DEPTH)
        if where is not None:
            return _failed(path, smap, diags, *where, "too-deep", limit=MAX_DEPTH)
    root = yamlfast.compose(text) if fast else yamlfast.UNCOMPOSED
    if root is yamlfast.UNCOMPOSED:
        root = _composed(text, path, smap, diags)
    if isinstance(root, YamlDocument):
        return root
    if root is None:
        return _failed(path, smap, diags, 1, 1, "empty-file")
    builder = _Builder(path, smap, diags, text)
    data = builder.build(root, (), 0)
    if builder.stopped:
        # Past a limit the rest of the data is missing: validating it would only add a
        # cascade of bogus "empty value" errors at the top of the file.
        return YamlDocument(path, None, smap, diags, text)
    if not isinstance(data, dict):
        mark = root.start_mark
        diags.append(
            Diagnostic(path, mark.line + 1, mark.column + 1, "error", "root-not-mapping", {})
        )
        return YamlDocument(path, None, smap, diags, text)
    return YamlDocument(path, data, smap, diags, text)


def _failed(
    path: str,
    smap: SourceMap,
    diags: list[Diagnostic],
    line: int,
    column: int,
    code: str,
    **params: Any,
) -> YamlDocument:
    """The document that could not be read, with the error that says why added to ``diags``."""
    diags.append(Diagnostic(path, line, column, "error", code, params))
    return YamlDocument(path, None, smap, diags)


def _composed(text: str, path: str, smap: SourceMap, diags: list[Diagnostic]) -> Any:
    """The composed root node of ``text`` (None when empty), or the ``YamlDocument`` saying why it cannot be."""
    try:
        return YAML(typ="safe", pure=True).compose(io.StringIO(text))
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        # Tabs are legal inside block scalars and quoted text; they only matter when they
        # break the parse, and then every offending line is more useful than the first one.
        tabs = tab_indentation(text, path, line)
        if tabs:
            return YamlDocument(path, None, smap, tabs, text)
        found = explain(text, exc, truncated=at_end(text, mark))
        return _failed(path, smap, diags, found.line, found.column, found.code, **found.params)
    except ReaderError as exc:
        line, column = _offset_position(text, exc.position)
        char = exc.character if isinstance(exc.character, int) else ord(exc.character or "\0")
        return _failed(
            path,
            smap,
            diags,
            line,
            column,
            "yaml-syntax",
            problem=Message("non-printable character U+{code}", code=format(char, "04X")),
        )
    except RecursionError:  # nesting far deeper than MAX_DEPTH exhausts the composer's stack
        line, column = too_deep_position(text, MAX_DEPTH) or (1, 1)
        return _failed(path, smap, diags, line, column, "too-deep", limit=MAX_DEPTH)
    except YAMLError as exc:  # any other parser complaint, still positioned at the start
        return _failed(
            path,
            smap,
            diags,
            1,
            1,
            "yaml-syntax",
            problem=(str(exc).splitlines() or [type(exc).__name__])[0],
        )


def _decode(raw: bytes, path: str, diags: list[Diagnostic]) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        diags.extend(invalid_utf8(raw, path))
        return None


def _offset_position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


class _Builder:
    """Turn composed nodes into dicts, lists and scalars, recording positions and hazards."""

    def __init__(self, path: str, smap: SourceMap, diags: list[Diagnostic], text: str = "") -> None:
        self.path, self.smap, self.diags, self.text = path, smap, diags, text
        self.count = 0
        self.stopped = False

    def error(self, node: Any, code: str, **params: Any) -> None:
        if "tag" in params:
            params["tag"] = str(params["tag"]).replace("tag:yaml.org,2002:", "!!")
        mark = node.start_mark
        self.diags.append(
            Diagnostic(self.path, mark.line + 1, mark.column + 1, "error", code, params)
        )

    def build(self, node: Any, path: Path, depth: int) -> Any:
        self.count += 1
        if self.stopped:
            return None
        if self.count > MAX_NODES:
            self.stopped = True
            self.error(node, "too-many-nodes", limit=MAX_NODES)
            return None
        if depth > MAX_DEPTH:
            self.stopped = True
            self.error(node, "too-deep", limit=MAX_DEPTH)
            return None
        self.smap.values[path] = Position(node.start_mark.line + 1, node.start_mark.column + 1)
        tag = getattr(node.tag, "value", node.tag)
        # Nodes of ruamel.yaml and of PyYAML alike: told apart by their ``id``.
        if node.id == "mapping":
            if tag != _MAP:
                self.error(node, "yaml-tag", tag=tag)
            return self.mapping(node, path, depth)
        if node.id == "sequence":
            if tag != _SEQ:
                self.error(node, "yaml-tag", tag=tag)
            return [self.build(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        assert node.id == "scalar"  # YAML has no fourth kind of node
        return self.scalar(node, tag, path)

    def mapping(self, node: Any, path: Path, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.id != "scalar":
                self.error(key_node, "key-not-string")
                continue
            key = key_node.value
            if key in first_seen:
                code = "duplicate-node" if path == ("nodes",) else "duplicate-key"
                self.error(key_node, code, key=key, first_line=first_seen[key])
                continue
            first_seen[key] = key_node.start_mark.line + 1
            child = (*path, key)
            self.smap.keys[child] = Position(
                key_node.start_mark.line + 1, key_node.start_mark.column + 1
            )
            result[key] = self.build(value_node, child, depth + 1)
            if child in self.smap.values and _is_omitted(value_node):
                self.smap.values[child] = self._after_colon(key_node) or self.smap.values[child]
        return result

    def _after_colon(self, key_node: Any) -> Position | None:
        """Just after the ``:`` that follows a key: where its omitted value should have been.

        ruamel.yaml places an omitted value (``key:`` then a new line) at the *next* token, which
        is the next key, possibly lines below; a trainer must be sent to the key that lacks it.
        """
        mark = key_node.end_mark
        index = mark.index
        while index < len(self.text) and self.text[index] in " \t":
            index += 1
        if index >= len(self.text) or self.text[index] != ":":
            return None
        return Position(mark.line + 1, mark.column + (index - mark.index) + 2)

    def scalar(self, node: Any, tag: str | None, path: Path) -> Any:
        value = node.value
        if tag in (_INT, _FLOAT, _BOOL):
            self.smap.written[path] = value
        if tag in (_STR, _TIMESTAMP):
            # a plain scalar has no style: None from ruamel.yaml, "" from PyYAML
            if not node.style and value.lower() in YAML11_BOOLEANS:
                self.smap.yaml11_booleans.add(path)
            return value
        if tag == _NULL:
            return None
        if tag == _BOOL:
            return value.lower() == "true"
        if tag == _INT:
            return _int(value)
        if tag == _FLOAT:
            return _float(value)
        self.error(node, "yaml-tag", tag=tag)
        return value


def _is_omitted(node: Any) -> bool:
    """A value left out entirely (``key:`` with nothing after it), not an explicit ``null``."""
    return (
        node.id == "scalar"
        and node.value == ""
        and not node.style
        and node.start_mark.index == node.end_mark.index
    )


def _int(value: str) -> int | str:
    """The integer ruamel.yaml recognised; the text itself when it holds no usable number.

    The resolver also accepts forms such as ``0b101``, ``0x_`` or ``-_`` and numbers longer
    than Python converts: those stay text, so the model reports a wrong type at their place.
    """
    text = value.replace("_", "")
    sign = -1 if text.startswith("-") else 1
    body = text.lstrip("+-")
    base = {"0x": 16, "0o": 8, "0b": 2}.get(body[:2].lower(), 10)
    try:
        return sign * int(body[2:] if base != 10 else body, base)
    except ValueError:
        return value


def _float(value: str) -> float | str:
    lowered = value.lower().replace("_", "")
    if lowered in (".inf", "+.inf"):
        return float("inf")
    if lowered == "-.inf":
        return float("-inf")
    if lowered == ".nan":
        return float("nan")
    try:
        return float(lowered)
    except ValueError:
        return value
