"""The référentiel « Opérateur call center »: its key activities and competencies, as data.

The labels live in ``referentiel.yaml`` next to this module — the single source of every
competency label in callsim (French verbatim from the official document, with English and
Dutch translations). Nothing else in the code base spells a label: it asks this module.

The file is read once (``get_referentiel()`` is cached) into frozen dataclasses:

* ``Activity`` — a key activity ("01" inbound, "02" outbound, "03" administrative tasks);
* ``Competency`` — one of the 23 competencies, "01.01" … "03.05", with the ``skill`` it assesses.
  Three skills appear in two activities (e.g. ``confirm_agreement`` is 01.09 inbound and 02.04
  outbound); ``Referentiel.for_skill(skill, direction)`` picks the right code.

This module is part of the engine: it must never import textual (nor rich).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any, Literal

from ruamel.yaml import YAML

__all__ = [
    "DIRECTIONS",
    "LANGUAGES",
    "Activity",
    "Competency",
    "Direction",
    "Referentiel",
    "ReferentielError",
    "get_referentiel",
]

#: Languages every label is given in; French is the reference (verbatim from the source).
LANGUAGES: tuple[str, ...] = ("fr", "en", "nl")

Direction = Literal["inbound", "outbound", "admin"]

#: Which key activity a call direction (or the back office) belongs to.
DIRECTIONS: Mapping[str, str] = MappingProxyType({"inbound": "01", "outbound": "02", "admin": "03"})

_RESOURCE = "referentiel.yaml"
_ACTIVITY_CODE = re.compile(r"^\d\d$")
_COMPETENCY_CODE = re.compile(r"^(\d\d)\.\d\d$")
_SKILL = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")


class ReferentielError(ValueError):
    """The bundled ``referentiel.yaml`` is malformed (a packaging or editing mistake)."""


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    return lang


@dataclass(frozen=True)
class Competency:
    """One competency of the référentiel, e.g. code "01.09" in activity "01"."""

    code: str
    activity: str
    skill: str
    labels: Mapping[str, str] = field(hash=False)

    def label(self, lang: str = "fr") -> str:
        """The label in ``lang`` (one of ``LANGUAGES``)."""
        return self.labels[_check_lang(lang)]

    def to_json_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data: code, skill and labels (all languages, or only ``lang``)."""
        return {"code": self.code, "skill": self.skill, "labels": _labels_dict(self.labels, lang)}


@dataclass(frozen=True)
class Activity:
    """A key activity ("activité-clé") and its competencies, in code order."""

    code: str
    labels: Mapping[str, str] = field(hash=False)
    competencies: tuple[Competency, ...] = ()

    def label(self, lang: str = "fr") -> str:
        """The label in ``lang`` (one of ``LANGUAGES``)."""
        return self.labels[_check_lang(lang)]

    def to_json_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain data: code, labels (all languages, or only ``lang``) and competencies."""
        return {
            "code": self.code,
            "labels": _labels_dict(self.labels, lang),
            "competencies": [c.to_json_dict(lang) for c in self.competencies],
        }


@dataclass(frozen=True)
class Referentiel:
    """The whole référentiel: 3 key activities, 23 competencies."""

    name: str
    source: str
    version: str
    activities: tuple[Activity, ...]
    competencies: tuple[Competency, ...] = field(init=False)
    _by_code: Mapping[str, Competency] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        competencies = tuple(
            sorted((c for a in self.activities for c in a.competencies), key=lambda c: c.code)
        )
        object.__setattr__(self, "competencies", competencies)
        object.__setattr__(self, "_by_code", MappingProxyType({c.code: c for c in competencies}))

    @property
    def codes(self) -> tuple[str, ...]:
        """Every competency code, in order ("01.01" … "03.05")."""
        return tuple(c.code for c in self.competencies)

    @property
    def skills(self) -> tuple[str, ...]:
        """Every distinct skill identifier, in order of first appearance."""
        return tuple(dict.fromkeys(c.skill for c in self.competencies))

    def is_code(self, code: object) -> bool:
        """Whether ``code`` is a competency code of the référentiel."""
        return isinstance(code, str) and code in self._by_code

    def competency(self, code: str) -> Competency:
        """The competency with this code; ``KeyError`` if there is none."""
        try:
            return self._by_code[code]
        except (KeyError, TypeError):
            raise KeyError(
                f"unknown competency code {code!r}: the référentiel « {self.name} » has "
                f"{self.codes[0]} to {self.codes[-1]} ({len(self.codes)} codes)"
            ) from None

    def activity(self, code: str) -> Activity:
        """The key activity with this code ("01", "02" or "03"); ``KeyError`` if there is none."""
        for activity in self.activities:
            if activity.code == code:
                return activity
        known = ", ".join(a.code for a in self.activities)
        raise KeyError(f"unknown activity code {code!r}: expected one of {known}")

    def for_skill(self, skill: str, direction: Direction) -> Competency:
        """The competency assessing ``skill`` in the activity of ``direction``.

        ``direction`` is "inbound" (activity 01), "outbound" (02) or "admin" (03). Raises
        ``KeyError`` when the skill has no competency in that activity, ``ValueError`` for an
        unknown direction.
        """
        try:
            activity_code = DIRECTIONS[direction]
        except KeyError:
            raise ValueError(
                f"unknown direction {direction!r}: expected one of {', '.join(DIRECTIONS)}"
            ) from None
        for competency in self.activity(activity_code).competencies:
            if competency.skill == skill:
                return competency
        elsewhere = [c.code for c in self.competencies if c.skill == skill]
        detail = f"it is assessed by {', '.join(elsewhere)}" if elsewhere else "no such skill"
        raise KeyError(
            f"skill {skill!r} has no competency in activity {activity_code} ({direction}): {detail}"
        )

    def to_json_dict(self, lang: str | None = None) -> dict[str, Any]:
        """Plain, JSON-ready data; labels in all languages when ``lang`` is None."""
        return {
            "referentiel": self.name,
            "source": self.source,
            "version": self.version,
            "activities": [a.to_json_dict(lang) for a in self.activities],
        }


def _labels_dict(labels: Mapping[str, str], lang: str | None) -> dict[str, str]:
    if lang is None:
        return {code: labels[code] for code in LANGUAGES}
    return {lang: labels[_check_lang(lang)]}


# --- loading --------------------------------------------------------------------------------


def _require(data: Any, key: str, where: str, kind: type) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise ReferentielError(f"{_RESOURCE}: {where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, str) and not value.strip()):
        raise ReferentielError(f"{_RESOURCE}: {where}.{key}: expected a non-empty {kind.__name__}")
    return value


def _labels(data: Any, where: str) -> Mapping[str, str]:
    raw = _require(data, "labels", where, dict)
    if set(raw) != set(LANGUAGES):
        raise ReferentielError(
            f"{_RESOURCE}: {where}.labels: expected exactly {', '.join(LANGUAGES)}, "
            f"found {', '.join(map(str, raw))}"
        )
    labels = {lang: _require(raw, lang, f"{where}.labels", str) for lang in LANGUAGES}
    for lang, text in labels.items():
        if text != text.strip() or "  " in text or "\n" in text:
            raise ReferentielError(f"{_RESOURCE}: {where}.labels.{lang}: stray whitespace")
    return MappingProxyType(labels)


def _build(data: Any) -> Referentiel:
    activities: list[Activity] = []
    seen_codes: set[str] = set()
    for index, raw_activity in enumerate(_require(data, "activities", "top level", list)):
        where = f"activities[{index}]"
        code = _require(raw_activity, "code", where, str)
        if not _ACTIVITY_CODE.match(code) or code in seen_codes:
            raise ReferentielError(f"{_RESOURCE}: {where}: bad or duplicate code {code!r}")
        seen_codes.add(code)
        competencies: list[Competency] = []
        skills: set[str] = set()
        for sub, raw in enumerate(_require(raw_activity, "competencies", where, list)):
            cwhere = f"{where}.competencies[{sub}]"
            ccode = _require(raw, "code", cwhere, str)
            match = _COMPETENCY_CODE.match(ccode)
            if not match or match.group(1) != code or ccode in seen_codes:
                raise ReferentielError(
                    f"{_RESOURCE}: {cwhere}: bad or duplicate code {ccode!r} in activity {code}"
                )
            seen_codes.add(ccode)
            skill = _require(raw, "skill", cwhere, str)
            if not _SKILL.match(skill) or skill in skills:
                raise ReferentielError(
                    f"{_RESOURCE}: {cwhere}: skill {skill!r} is not snake_case "
                    f"or appears twice in activity {code}"
                )
            skills.add(skill)
            competencies.append(Competency(ccode, code, skill, _labels(raw, cwhere)))
        if [c.code for c in competencies] != sorted(c.code for c in competencies):
            raise ReferentielError(f"{_RESOURCE}: {where}: competencies are not in code order")
        activities.append(Activity(code, _labels(raw_activity, where), tuple(competencies)))
    if [a.code for a in activities] != sorted(a.code for a in activities):
        raise ReferentielError(f"{_RESOURCE}: activities are not in code order")
    return Referentiel(
        name=_require(data, "referentiel", "top level", str),
        source=_require(data, "source", "top level", str),
        version=_require(data, "version", "top level", str),
        activities=tuple(activities),
    )


@cache
def get_referentiel() -> Referentiel:
    """The référentiel, read from the bundled YAML file on first use and cached."""
    text = resources.files(__name__).joinpath(_RESOURCE).read_text(encoding="utf-8")
    return _build(YAML(typ="safe", pure=True).load(text))
