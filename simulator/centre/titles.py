"""The title of a seat's contact in progress, as the invigilator's table shows it: in the invigilator's
language, with the customer's data the seat's candidate sees (no Textual).

Each épreuve is read once (the on-disk cache makes it quick) and each title is made once per
session and contact. An épreuve the watch cannot read (moved, changed to no longer have the
session's form) leaves the contact's id in the table rather than stopping it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from jinja2 import TemplateError

from simulator.engine.bundle import Bundle, BundleError


class ContactTitles:
    """``title(header, key)``: the title of contact ``key`` of the session ``header`` opens, in ``lang``."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self._bundles: dict[tuple[str, str], Bundle | None] = {}
        self._titles: dict[tuple[str, str], str] = {}

    def title(self, header: Any, key: str) -> str:
        """The title, or ``key`` itself when the épreuve cannot be read; ``""`` for no contact."""
        if not key:
            return ""
        made = self._titles.get((header.session_id, key))
        if made is None:
            made = self._titles[(header.session_id, key)] = self._made(header, key)
        return made

    def _made(self, header: Any, key: str) -> str:
        from simulator.engine.context import build_context

        bundle = self._bundle(header)
        if bundle is None:
            return key
        extra = header.extra
        try:
            forms = {k: dict(v) for k, v in dict(extra.get("variants") or {}).items()}
            scenario = bundle.with_forms(forms).contact(key).scenario
            context = build_context(
                scenario,
                header.seed,
                date.fromisoformat(str(extra["today"])),
                header.language,
                str(extra["agent_name"]),
            )
            return context.text(scenario.title, self.lang)
        except (LookupError, ValueError, TemplateError):
            return key

    def _bundle(self, header: Any) -> Bundle | None:
        from simulator.engine.session_state import bundle_of

        where = (str(header.extra.get("source", "")), str(header.extra.get("epreuve_path", "")))
        if where not in self._bundles:
            try:
                self._bundles[where] = bundle_of(header)
            except (BundleError, LookupError, OSError, ValueError):
                self._bundles[where] = None
        return self._bundles[where]
