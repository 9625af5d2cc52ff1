"""The simulated candidates by name, each built from the session seed (never the global random generator)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

#: name → (what it does in French, what it does in English).
DESCRIPTIONS: dict[str, tuple[str, str]] = {
    "ideal": ("réponses modèles et bon usage des outils", "model replies and correct tool use"),
    "careless": (
        "réponses au hasard (selon la graine), aucun outil",
        "random replies (seeded), no tool use",
    ),
    "never-confirms": (
        "idéal, sauf qu'il ne confirme jamais l'accord (01.09, 02.04)",
        "ideal, except it never confirms the agreement (01.09, 02.04)",
    ),
    "paraphraser": (
        "idéal, mais rédige ses textes avec ses propres mots",
        "ideal, but words its typed texts its own way",
    ),
    "keyword-stuffer": (
        "idéal, mais met les bons mots dans des phrases grossières ou de refus",
        "ideal, but puts the right words in rude or refusing sentences",
    ),
    "random": (
        "répliques au hasard (selon la graine), textes vagues, aucun outil",
        "random replies (seeded), vague texts, no tool use",
    ),
    "longest-reply": (
        "choisit toujours la réplique la plus longue, textes vagues, aucun outil",
        "always picks the longest reply, vague texts, no tool use",
    ),
    "no-tools": (
        "répliques et textes modèles, mais aucun outil",
        "model replies and texts, but no tool use",
    ),
    "random+tools": (
        "répliques au hasard, textes vagues, le travail idéal dans les outils",
        "random replies, vague texts, the ideal work in the tools",
    ),
    "longest-reply+tools": (
        "la réplique la plus longue, textes vagues, le travail idéal dans les outils",
        "the longest reply, vague texts, the ideal work in the tools",
    ),
}

POLICY_NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)


def policy_factory(name: str, seed: int) -> Callable[[], Any]:
    """A factory of fresh per-contact policies for ``play_epreuve``; ``KeyError`` for an unknown name."""
    from simulator.policies.careless import (
        CarelessPolicy,  # the engine is imported only when a candidate plays
    )
    from simulator.policies.flaws import NeverConfirmsPolicy
    from simulator.policies.ideal import IdealPolicy

    if name == "ideal":
        return IdealPolicy
    if name == "careless":
        return lambda: CarelessPolicy(seed)
    if name == "never-confirms":
        return lambda: NeverConfirmsPolicy(seed)
    if name in ("paraphraser", "keyword-stuffer"):
        from simulator.policies.wording import KeywordStufferPolicy, ParaphraserPolicy

        chosen = ParaphraserPolicy if name == "paraphraser" else KeywordStufferPolicy
        return lambda: chosen(seed)
    if name in ("random", "longest-reply", "random+tools", "longest-reply+tools"):
        from simulator.policies.cues import CuePolicy

        pick = "random" if name.startswith("random") else "longest"
        return lambda: CuePolicy(seed, pick, name.endswith("+tools"))
    if name == "no-tools":
        from simulator.policies.cues import NoToolsPolicy

        return NoToolsPolicy
    raise KeyError(f"unknown policy {name!r}: expected one of {', '.join(POLICY_NAMES)}")
