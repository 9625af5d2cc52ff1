"""Canonical JSON at scoring speed: ``orjson`` where it writes exactly the standard library's bytes.

Scoring writes one canonical grille per session (sorted keys, no spaces, UTF-8) and hashes it;
that was about a fifth of its time. ``canonical`` writes with ``orjson`` when the value is made
only of dicts, lists, strings, ints, booleans and None — there both libraries give the same bytes
— and with ``json`` otherwise (a float, whose exponent notation differs; a tuple; a subclass; a
non-string key; an integer beyond 64 bits), so a grille's bytes never depend on which one ran.
(Reading stays with ``json``: ``orjson`` reads an integer beyond 64 bits as a float, and checking
for one costs what it saves.)
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_ENCODER = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
_PLAIN = (str, int, bool, type(None))


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``: ``json``'s sorted, compact, UTF-8 form, byte for byte."""
    if not _odd(value):
        try:
            return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
        except (TypeError, ValueError):  # a non-str key, an int beyond 64 bits, a lone surrogate
            pass
    return _ENCODER.encode(value).encode("utf-8")


def _odd(value: Any) -> bool:
    """Whether ``value`` holds anything but dicts, lists, str, int, bool and None (a float, a tuple, a subclass)."""
    kind = type(value)
    if kind is dict:
        items: Any = value.values()
    elif kind is list:
        items = value
    else:
        return kind not in _PLAIN
    for item in items:
        if type(item) in _PLAIN:  # exact types: a subclass of str or int is odd
            continue
        if _odd(item):
            return True
    return False
