"""Canonical JSON at scoring speed: ``orjson`` where it writes exactly the standard library's bytes.

Scoring writes one canonical grille per session (sorted keys, no spaces, UTF-8) and hashes it;
that was about a fifth of its time. ``canonical`` writes with ``orjson`` when the value is made
only of dicts, lists, strings, ints, booleans and None — there both libraries give the same bytes
— and with ``json`` otherwise (a float, whose exponent notation differs; a tuple; a subclass; a
non-string key; an integer beyond 64 bits), so a grille's bytes never depend on which one ran.
``loads`` reads with ``orjson`` too, except a text holding a run of 19 digits or more (where an
integer beyond 64 bits could be, which ``orjson`` would read as a float): that text is read by
``json``. Runs of digits are found on the bytes at C speed (``bytes.translate``), so the check costs
a fraction of what ``orjson`` saves over ``json`` on a journal's payloads.
"""

from __future__ import annotations

import json
from typing import Any

import orjson

_ENCODER = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
)
_PLAIN = (str, int, bool, type(None))
#: Every digit → ``0``, every other byte → a space: a run of 19 digits becomes 19 zeros.
_DIGITS = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
_LONG_RUN = b"0" * 19


def loads(text: str) -> Any:
    """``json.loads(text)``, value for value (integers of any size stay integers), at ``orjson``'s speed."""
    return loads_bytes(text.encode("utf-8", "surrogatepass"))


def loads_bytes(data: bytes) -> Any:
    """``json.loads`` of UTF-8 ``data``, value for value, at ``orjson``'s speed (no decoding to text first)."""
    if len(data) < 19 or _LONG_RUN not in data.translate(_DIGITS):
        try:
            return orjson.loads(data)
        except (
            orjson.JSONDecodeError
        ):  # what orjson refuses and json reads (a lone surrogate, 1e400): json says
            pass
    return json.loads(data.decode("utf-8", "surrogatepass"))


def canonical(value: Any) -> bytes:
    """Canonical JSON bytes of ``value``: ``json``'s sorted, compact, UTF-8 form, byte for byte."""
    return canonical_plain(value) if not odd(value) else _ENCODER.encode(value).encode("utf-8")


def canonical_plain(value: Any) -> bytes:
    """``canonical`` of a value the caller knows holds no float, tuple or subclass (see ``odd``).

    What ``orjson`` refuses (a non-str key, an integer beyond 64 bits, a lone surrogate) still takes
    the standard library's form; a float would not, hence the caller's guarantee.
    """
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS)
    except (TypeError, ValueError):
        return _ENCODER.encode(value).encode("utf-8")


def odd(value: Any) -> bool:
    """Whether ``value`` holds anything but dicts, lists, str, int, bool and None (a float, a tuple,
    a subclass): then only ``canonical`` writes it in the standard library's form."""
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
        if odd(item):
            return True
    return False
