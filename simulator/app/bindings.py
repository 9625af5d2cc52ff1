"""Key bindings shown in the Footer, translated into the candidate's language when a screen is made."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from textual.dom import DOMNode


def translate_bindings(node: DOMNode, t: Callable[..., str]) -> None:
    """Replace each binding's description by its translation (the ids are the English texts)."""
    table = node._bindings.key_to_bindings
    for key, bindings in table.items():
        table[key] = [dataclasses.replace(b, description=t(b.description)) if b.description else b for b in bindings]
