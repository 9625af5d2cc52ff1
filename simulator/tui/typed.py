"""What the shared pieces ask of either app: ``lang`` (the interface's language) and ``t`` (its translator).

The shared dialog types ``self.app`` with ``getters.app(SpeakingApp)`` for the type checker only;
both apps have these two attributes. Nothing changes at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App


class SpeakingApp(App[Any]):
    """What the shared pieces ask of either app (declared for the type checker; both apps have them)."""

    lang: str
    t: Callable[..., str]
