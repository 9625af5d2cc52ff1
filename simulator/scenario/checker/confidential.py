"""Check a scenario's ``confidential`` declaration: it must be able to fail.

The declaration says who is on the line and which words disclose a debt or a medical matter. It
can fail only if, at some node where a third party is on the line, the candidate can say such a
word: a prompt (anything can be typed) or a reply whose text holds one of the words. Otherwise it
promises a protection it never gives (``confidential-cannot-fail``), like any critical that cannot fail.
"""

from __future__ import annotations

from simulator.formatting.text import contains_phrase
from simulator.scenario.checker.context import FileContext
from simulator.scenario.models import Scenario
from simulator.scenario.models.common import text_in
from simulator.scenario.parties import party_at


def check_confidential(scenario: Scenario, ctx: FileContext) -> None:
    """An error when the ``confidential`` declaration can never give its critical."""
    spec = scenario.confidential
    if spec is None:
        return
    words = [word for matter in spec.matters for word in matter.words]
    for node in scenario.nodes.values():
        if party_at(scenario, node) == "customer":
            continue
        if node.prompt is not None:
            return
        for reply in node.replies or ():
            texts = [text_in(reply.text, lang) for lang in scenario.languages]
            if any(contains_phrase(text, word) for text in texts for word in words):
                return
    ctx.error(("confidential",), "confidential-cannot-fail")
