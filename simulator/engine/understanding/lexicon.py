"""The shared lexicons (data/fr.yaml, nl.yaml, en.yaml): concepts and tone markers, read once."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

LANGS = ("fr", "nl", "en")
TONE_KINDS = ("insult", "threat", "sarcasm", "refusal", "blame")


@cache
def _data(lang: str) -> dict[str, Any]:
    from ruamel.yaml import YAML

    text = (
        resources.files("simulator.engine.understanding")
        .joinpath(f"data/{lang}.yaml")
        .read_text("utf-8")
    )
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


@cache
def concept_names() -> frozenset[str]:
    """Every concept any language defines."""
    return frozenset(name for lang in LANGS for name in _data(lang)["concepts"])


@cache
def concept_phrases(name: str) -> tuple[str, ...]:
    """The phrases of concept ``name`` in all three languages (Belgian texts mix them)."""
    if name not in concept_names():
        raise KeyError(name)
    return tuple(dict.fromkeys(p for lang in LANGS for p in _data(lang)["concepts"].get(name, ())))


@cache
def tone_phrases(lang: str) -> tuple[tuple[str, str], ...]:
    """(kind, phrase) tone markers of ``lang`` and of English (heard in every language)."""
    langs = (lang,) if lang == "en" else (lang, "en")
    return tuple(
        (kind, phrase)
        for code in langs
        for kind in TONE_KINDS
        for phrase in _data(code)["tone"][kind]
    )


def concept_phrase(name: str, lang: str) -> str:
    """The first phrase of concept ``name`` in ``lang`` (else in any language): how to write it plainly."""
    own = _data(lang)["concepts"].get(name) or concept_phrases(name)
    return str(own[0])
