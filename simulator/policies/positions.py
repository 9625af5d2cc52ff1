"""Where a simulated candidate stands in a contact: the node it is at, the prompt it must answer.

A policy is asked for its next move only while the contact runs, so there is a current node (and
a prompt when it is asked to type): finding none is a bug in the driver, said as such.
"""

from __future__ import annotations

from simulator.engine.contact import ContactRuntime
from simulator.scenario.models import Node, Prompt


def current_node(contact: ContactRuntime) -> Node:
    """The node the contact is at."""
    node = contact.node
    if node is None:
        raise RuntimeError(
            f"contact {contact.scenario.id} is at no node (phase {contact.phase.value})"
        )
    return node


def current_prompt(contact: ContactRuntime) -> Prompt:
    """The prompt of the node the contact is at (the candidate is asked to type)."""
    prompt = current_node(contact).prompt
    if prompt is None:
        raise RuntimeError(
            f"node {contact.node_id} of contact {contact.scenario.id} asks for no typed answer"
        )
    return prompt
