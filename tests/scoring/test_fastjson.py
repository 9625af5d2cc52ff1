"""Grilles are stored and hashed: the fast JSON writer must give the standard library's canonical bytes exactly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scoring.fastjson import canonical, loads

_STD = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(alphabet=st.characters(blacklist_categories=("Cs",)))
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@given(_VALUES)
@settings(max_examples=400, deadline=None)
def test_canonical_bytes_are_the_standard_librarys(value):
    assert canonical(value) == _STD.encode(value).encode("utf-8")


def test_exponents_tuples_and_odd_keys_take_the_standard_form():
    for value in ({"share": 1e-05, "big": 1e16}, {"t": (1, 2)}, {1: "x"}, [2.5e-07]):
        assert canonical(value) == _STD.encode(value).encode("utf-8")


@pytest.mark.parametrize(
    "text",
    [
        '{"amount":123456789012345678901234567890}',  # beyond 64 bits: orjson would read a float
        '{"n":-9223372036854775809,"m":18446744073709551616}',
        '{"text":"\\ud800"}',  # a lone surrogate, which orjson refuses
        '{"x":1e400}',  # json reads infinity, orjson refuses
        '{"a":1,"a":2}',
        '{"phone":"0470 12 34 56","iban":"BE71096123456769","n":[1,2.5,null,true,false]}',
        "[]",
    ],
)
def test_loads_reads_what_json_reads(text: str) -> None:
    assert loads(text) == json.loads(text)
    assert repr(loads(text)) == repr(json.loads(text))  # an integer stays an integer


def test_loads_refuses_what_json_refuses() -> None:
    with pytest.raises(ValueError):
        loads('{"a":')


@given(_VALUES)
@settings(max_examples=400, deadline=None)
def test_loads_reads_any_json_as_json_does(value):
    text = _STD.encode(value)
    assert repr(loads(text)) == repr(json.loads(text))
