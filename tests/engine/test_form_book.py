"""Forms built on demand: the same scenario as the check built, the épreuve cache keeping the recipe
and not the forms, an unknown form refused."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from simulator.engine import bundle_cache
from simulator.engine.bundle import load_bundle
from simulator.engine.form_book import FormBook

ROOT = Path(__file__).resolve().parents[2]
PRACTICE = ROOT / "scenarios" / "epreuves" / "practice.yaml"


def _varied(bundle):
    return [c for c in bundle.contacts if c.layer is not None]


def test_a_form_built_on_demand_is_the_one_the_check_built(monkeypatch, tmp_path):
    monkeypatch.setenv(bundle_cache.CACHE_ENV, "off")
    checked = load_bundle(PRACTICE)
    for planned in _varied(checked):
        book = planned.forms
        assert isinstance(book, FormBook) and len(book) >= 4
        rebuilt = pickle.loads(pickle.dumps(book))  # the recipe only, as the cache keeps it
        assert rebuilt._built == {} and rebuilt == book
        for form in book:
            assert rebuilt[form] == book[form]
            assert rebuilt[form] is rebuilt[form]  # built once
        with pytest.raises(KeyError):
            rebuilt["contrainte=nuit,objection=prix"]


def test_the_cache_entry_keeps_no_built_form(monkeypatch, tmp_path):
    monkeypatch.setenv(bundle_cache.CACHE_ENV, str(tmp_path))
    first = load_bundle(PRACTICE)
    for planned in _varied(first):
        assert len(planned.forms._built) == len(planned.forms)  # the check built every form
    again = load_bundle(PRACTICE)  # read back from the cache
    for planned in _varied(again):
        assert planned.forms._built == {}
        drawn = next(iter(planned.forms))
        assert planned.forms[drawn] == first.contact(planned.scenario.id).forms[drawn]
