"""The tools of the active contact as tabs: one panel per tool, kept for the whole contact.

A tool the current step does not allow is hidden, not destroyed, so a search result or a form
being filled in is still there when the tool comes back.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from textual.widgets import TabbedContent, TabPane

from simulator.app.tool_shapes import TOOL_TITLES
from simulator.app.widgets.tool_panel import ToolPanel


class ToolDeck(TabbedContent):
    """Tabs of tool panels for one contact."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._contact: str | None = None
        self._built: list[str] = []
        self.present: list[str] = []

    def show_tools(
        self,
        contact: str | None,
        tools: Sequence[str],
        t: Callable[..., str],
        lang: str,
        *,
        inbox: Sequence[tuple[str, str, str, str]] = (),
        forms: Sequence[tuple[str, str]] = (),
        documents: Sequence[tuple[str, str]] = (),
    ) -> None:
        """Show the panels of ``tools`` for ``contact`` (a new contact starts with fresh panels)."""
        wanted = [name for name in TOOL_TITLES if name in tools]
        if contact != self._contact:
            self._contact, self._built, self.present = contact, [], []
            self.clear_panes()
        for name in wanted:
            if name not in self._built:
                self._built.append(name)
                self.add_pane(
                    TabPane(
                        t(TOOL_TITLES[name]),
                        ToolPanel(name, t, lang, inbox=inbox, forms=forms, documents=documents),
                        id=f"tool-{name}",
                    )
                )
        if wanted != self.present:
            for name in self._built:
                (self.show_tab if name in wanted else self.hide_tab)(f"tool-{name}")
            self.present = wanted
        self.display = bool(wanted)

    async def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        panel = self.panel(str(event.pane.id).removeprefix("tool-"))
        if panel is not None:
            await panel.build()

    def panel(self, tool: str) -> ToolPanel | None:
        """The panel of ``tool``, if the contact has it."""
        found = self.query(f"#tool-{tool} ToolPanel")
        return found.first(ToolPanel) if found else None

    def focus_tool(self, step: int = 0) -> None:
        """Focus the active panel's first field; ``step`` ±1 moves to the next or previous tool first."""
        if not self.present:
            return
        current = self.active.removeprefix("tool-") if self.active else self.present[0]
        index = self.present.index(current) if current in self.present else 0
        name = self.present[(index + step) % len(self.present)]
        self.active = f"tool-{name}"
        panel = self.panel(name)
        if panel is not None:
            self.call_after_refresh(panel.focus_first)
