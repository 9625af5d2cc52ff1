"""Compose a YAML text with libyaml, PyYAML's C parser, resolving plain scalars as YAML 1.2 does.

libyaml composes the same node tree as ruamel.yaml's pure-Python scanner and parser, about twenty
times faster, and its nodes carry the same marks (line, column and a character index into the
text). Only the implicit tags differ: PyYAML resolves YAML 1.1, so the resolver here is built from
ruamel.yaml's own YAML 1.2 table — ``yes`` and ``on`` stay text, ``0o17`` is an integer — and both
parsers give ``yamlsource`` the same tree. Whenever libyaml is missing, the text holds a directive
(a ``%YAML 1.1`` line changes how ruamel.yaml resolves), could nest deep enough to overflow
libyaml's composer, or libyaml raises anything, ``compose`` returns ``UNCOMPOSED`` and the caller
composes with ruamel.yaml, whose errors are the explained ones.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.resolver import implicit_resolvers

try:
    import yaml
    from yaml.resolver import BaseResolver

    if not yaml.__with_libyaml__:
        raise ImportError("PyYAML was built without libyaml")
    from yaml._yaml import CParser
except ImportError:  # no PyYAML, or one without its C parser: ruamel.yaml composes everything
    CParser = None

#: What ``compose`` returns when the text must be composed by ruamel.yaml instead.
UNCOMPOSED: Any = object()

_DIRECTIVE = re.compile(r"^%", re.MULTILINE)

#: libyaml's composer recurses in C, one stack frame per level of nesting, and a few tens of
#: thousands of levels overflow the stack (a crash, not an exception): a text that could nest
#: deeper than this goes to ruamel.yaml, which reports it as too deep.
MAX_NESTING = 5000


def _nesting_bound(text: str) -> int:
    """More than the deepest nesting ``text`` can hold: block levels and flow brackets together.

    Of two block levels, at least one starts further right than its parent (``- - x``, ``- key:``,
    a deeper indentation; only a sequence may sit at its mapping key's column), so twice the
    longest line bounds the block levels; every flow level opens a bracket.
    """
    longest = max(map(len, text.splitlines()), default=0)
    return 2 * longest + text.count("[") + text.count("{")


def available() -> bool:
    """Whether libyaml can compose here (PyYAML is installed with its C parser)."""
    return CParser is not None


def compose(text: str) -> Any:
    """The root node of ``text`` composed by libyaml (None when empty), or ``UNCOMPOSED``."""
    if CParser is None or _DIRECTIVE.search(text) or _nesting_bound(text) > MAX_NESTING:
        return UNCOMPOSED
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except Exception:  # noqa: BLE001 — ruamel.yaml explains every complaint, at its own place
        return UNCOMPOSED
    finally:
        loader.dispose()


if CParser is not None:

    class _Resolver12(BaseResolver):
        """YAML 1.2's implicit tags, exactly ruamel.yaml's table for version 1.2."""

    for _versions, _tag, _regexp, _first in implicit_resolvers:
        if (1, 2) in _versions:
            # ruamel.yaml wraps its patterns in a lazily compiled proxy: compile them here.
            _pattern = re.compile(_regexp.pattern, _regexp.flags)
            _Resolver12.add_implicit_resolver(_tag, _pattern, _first)

    class _Loader(CParser, _Resolver12):  # type: ignore[misc, valid-type]
        """libyaml's parser and composer with the YAML 1.2 resolver, as ``yaml.CSafeLoader``."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _Resolver12.__init__(self)
