"""The template context of one contact: its generated customer, references and hidden facts."""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date
from typing import Any

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

    def text(self, text: Text | None, lang: str | None = None) -> str:
        """A scenario text in the candidate's language, with its variables filled in."""
        chosen = lang or self.lang
        return render(text_in(text, chosen), self.variables, chosen)

    def value(self, template: str) -> str:
        """A templated value (a fact, an expected field value) — language-neutral."""
        return render(template, self.variables, self.lang)


def build_context(scenario: Scenario, seed: int, today: date, lang: str, agent_name: str) -> ContactContext:
    """Generate the persona, the references and the facts of ``scenario`` for ``seed``."""
    spec = scenario.persona
    persona = make_persona(derive_seed(seed, scenario.id, "persona"), language=spec.language,
                           region=spec.region, today=today)
    if spec.gender is not None and persona.gender != spec.gender:
        persona = _with_gender(seed, scenario, spec, today)
    rng = random.Random(derive_seed(seed, scenario.id, "references"))
    references = {name: make_reference(rng, pattern) for name, pattern in scenario.references.items()}
    org = scenario.organisation
    variables: dict[str, Any] = {
        "customer": persona.to_template_dict(),
        "org": {"name": org.name, "sector": text_in(org.sector, lang), "city": org.city,
                "phone": org.phone or "", "email": org.email or ""},
        "agent": {"name": agent_name},
        "today": today.isoformat(),
        "refs": references,
    }
    variables["facts"] = {name: render(value, variables, lang) for name, value in scenario.facts.items()}
    return ContactContext(persona, variables, lang)


def _with_gender(seed: int, scenario: Scenario, spec: Any, today: date) -> Persona:
    """Try successive sub-seeds until the persona has the gender the scenario asks for."""
    for attempt in range(1, 64):
        persona = make_persona(derive_seed(seed, scenario.id, "persona", str(attempt)),
                               language=spec.language, region=spec.region, today=today)
        if persona.gender == spec.gender:
            return persona
    return persona
