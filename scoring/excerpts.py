"""The transcript around one event: what the other party had just said, and what this event showed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.actions_text import clip, describe_event

#: Lines of one event kept in an excerpt (an event rarely shows more).
MAX_LINES = 4


class ExcerptReader:
    """Follows the journal in order and remembers, per contact, the other party's last line."""

    def __init__(self) -> None:
        self.last_heard: dict[str, tuple[str, str]] = {}

    def moment(self, event_type: str, at: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        """``{"at", "contact", "action", "excerpt"}`` for one event (call before ``feed``).

        The excerpt is a list of ``[speaker, text]``: the other party's previous line in this
        contact, then the lines this event showed.
        """
        contact = payload.get("contact") if event_type == "action" else None
        lines = [
            [str(line.get("speaker", "")), clip(str(line.get("text", "")))]
            for line in (payload.get("lines") or ())[:MAX_LINES]
        ]
        before = self.last_heard.get(contact) if contact else None
        if before is not None:
            lines.insert(0, [before[0], clip(before[1])])
        return {
            "at": at,
            "contact": contact,
            "action": describe_event(event_type, payload),
            "excerpt": lines,
        }

    def feed(self, event_type: str, payload: Mapping[str, Any]) -> None:
        """Remember the last line the other party said in this event's contact."""
        if event_type != "action":
            return
        contact = str(payload.get("contact", ""))
        for line in payload.get("lines") or ():
            if line.get("speaker") not in ("agent", "system"):
                self.last_heard[contact] = (str(line.get("speaker", "")), str(line.get("text", "")))
