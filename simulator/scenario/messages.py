"""The checker's diagnostic messages and hints, keyed by code: English message ids of the ``checker``
catalog (``simulator/i18n/locale/*/LC_MESSAGES/checker.po``), translated where a diagnostic is shown."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from simulator.i18n import translator
from simulator.scenario.messages_checker import CHECKER_MESSAGES
from simulator.scenario.messages_file import FILE_MESSAGES

#: code → (message, hint). Placeholders use ``str.format`` names; a parameter may be a ``Message``.
MESSAGES: dict[str, tuple[str, str]] = {**FILE_MESSAGES, **CHECKER_MESSAGES}


def render(code: str, part: str, lang: str, params: Mapping[str, Any]) -> str:
    """Render the message (``part='message'``) or hint of ``code`` in ``lang``."""
    entry = MESSAGES.get(code)
    if entry is None:
        return code if part == "message" else ""
    return translator("checker", lang).format(entry[0] if part == "message" else entry[1], params)
