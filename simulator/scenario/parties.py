"""Who is on the line at a node of a scenario: the customer, or a third party the ``confidential`` declaration names."""

from __future__ import annotations

from typing import Any


def party_at(scenario: Any, node: Any) -> str:
    """Who is on the line at ``node``: the node's ``party``, else the scenario's ``on_the_line``."""
    spec = scenario.confidential
    if node is not None and node.party is not None:
        return node.party
    return spec.on_the_line if spec is not None else "customer"
