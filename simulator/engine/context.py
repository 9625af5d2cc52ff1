"""The template context of one contact: its generated customer, references and hidden facts."""

from __future__ import annotations

import hashlib
import random
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from simulator.engine.belgian_places import pinned_places
from simulator.engine.generators import generate
from simulator.engine.personas import Persona, make_persona, make_reference
from simulator.scenario.models import Scenario, Text, text_in
from simulator.scenario.templating import render


def derive_seed(seed: int, *parts: str) -> int:
    """A stable sub-seed for one part of a session (same inputs → same number, on every machine)."""
    digest = hashlib.sha256(":".join([str(seed), *parts]).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass(frozen=True)
class ContactContext:
    """Everything a contact's texts can refer to, generated once from the seed."""

    persona: Persona
    variables: dict[str, Any]
    lang: str
    #: Texts already filled in, by (template, language): the variables never change.
    _rendered: dict[tuple[str, str], str] = field(
        default_factory=dict, init=False, compare=False, repr=False
    )

    def text(self, text: Text | None, lang: str | None = None) -> str:
        """A scenario text in the candidate's language, with its variables filled in."""
        chosen = lang or self.lang
        return self._render(text_in(text, chosen), chosen)

    def value(self, template: str) -> str:
        """A templated value (a fact, an expected field value) — language-neutral."""
        return self._render(template, self.lang)

    def _render(self, template: str, lang: str) -> str:
        key = (template, lang)
        if key not in self._rendered:
            self._rendered[key] = render(template, self.variables, lang)
        return self._rendered[key]


#: Contexts kept for the next session on the same scenario object and seed (a replay, a resume, a rescore).
CONTEXTS_KEPT = 256
_contexts: OrderedDict[tuple[Any, ...], tuple[weakref.ref[Scenario], ContactContext]] = (
    OrderedDict()
)
_contexts_lock = threading.Lock()


def build_context(
    scenario: Scenario, seed: int, today: date, lang: str, agent_name: str
) -> ContactContext:
    """Generate the persona, the references and the facts of ``scenario`` for ``seed``.

    A context is a pure function of its arguments and never changes: the last ones built are
    handed out again (with the texts they already filled in) for the same scenario object.
    """
    key = (id(scenario), seed, today, lang, agent_name)
    with _contexts_lock:
        kept = _contexts.get(key)
        if kept is not None and kept[0]() is scenario:
            _contexts.move_to_end(key)
            return kept[1]
    ctx = _new_context(scenario, seed, today, lang, agent_name)
    with _contexts_lock:
        _contexts[key] = (weakref.ref(scenario), ctx)
        _contexts.move_to_end(key)
        while len(_contexts) > CONTEXTS_KEPT:
            _contexts.popitem(last=False)
    return ctx


def _new_context(
    scenario: Scenario, seed: int, today: date, lang: str, agent_name: str
) -> ContactContext:
    spec = scenario.persona
    persona = contact_persona(
        seed,
        scenario.id,
        spec.language,
        spec.region,
        spec.gender,
        today,
        spec.commune,
        spec.province,
    )
    rng = random.Random(derive_seed(seed, scenario.id, "references"))
    references = {
        name: make_reference(rng, pattern)
        if isinstance(pattern, str)
        else generate(pattern.generator, rng, persona, today)
        for name, pattern in scenario.references.items()
    }
    org = scenario.organisation
    variables: dict[str, Any] = {
        "customer": persona.to_template_dict(),
        "org": {
            "name": org.name,
            "sector": text_in(org.sector, lang),
            "city": org.city,
            "phone": org.phone or "",
            "email": org.email or "",
        },
        "agent": {"name": agent_name},
        "today": today.isoformat(),
        "refs": references,
    }
    variables["facts"] = {
        name: render(value, variables, lang) for name, value in scenario.facts.items()
    }
    return ContactContext(persona, variables, lang)


@lru_cache(maxsize=1024)
def contact_persona(
    seed: int,
    contact: str,
    language: str,
    region: str | None,
    gender: str | None,
    today: date,
    commune: str | None = None,
    province: str | None = None,
) -> Persona:
    """The customer of one contact for a seed: a pure function of its arguments (remembered)."""
    places = pinned_places(commune, province) if commune or province else ()
    persona = make_persona(
        derive_seed(seed, contact, "persona"),
        language=language,
        region=region,
        today=today,
        places=places,
    )
    if gender is None or persona.gender == gender:
        return persona
    # Try successive sub-seeds until the persona has the gender the scenario asks for.
    for attempt in range(1, 64):
        persona = make_persona(
            derive_seed(seed, contact, "persona", str(attempt)),
            language=language,
            region=region,
            today=today,
            places=places,
        )
        if persona.gender == gender:
            return persona
    return persona
