"""The keys that do something now, on one line at the bottom of the screen (a light Footer).

Textual's Footer mounts one widget per key and rebuilds them at every focus change; this bar
draws the same bindings as one line of text and redraws only when they change, which keeps
each key press cheap on a slow exam PC. Clicking a key runs it, as in the Footer.

The bindings keep their English descriptions (the catalogs' message ids); each label is looked
up in the app's catalog (``app.t``) when the bar is drawn, so the keys always speak the language
chosen at sign-in, whichever screen or widget declared them.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

from simulator.tui.bindings import key_label, key_name


class KeyBar(Widget):
    """``F1 Help  F2 Take …`` for the screen's active bindings that are shown."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keys: tuple[Any, ...] = ()
        self._spans: list[tuple[int, int, Any, str]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self._bindings_changed, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if not self.is_attached or screen is not self.screen:
            return
        keys: list[Any] = []
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in screen.active_bindings.values():
            if binding.show and binding.action not in seen:
                seen.add(binding.action)
                keys.append(
                    (
                        node,
                        binding.action,
                        binding.key_display or binding.key,
                        binding.description,
                        enabled,
                    )
                )
        keys.append(getattr(self.app, "lang", ""))  # a new language draws the labels again
        if tuple(keys) != self._keys:
            self._keys = tuple(keys)
            self.refresh()

    def render(self) -> Text:
        text, self._spans = Text(no_wrap=True, overflow="ellipsis"), []
        for node, action, key, description, enabled in self._keys[:-1]:
            start = len(text)
            text.append(f" {key_name(key, self.app)} ", style="bold reverse" if enabled else "dim")
            text.append(f"{key_label(description, self.app)} ", style="" if enabled else "dim")
            self._spans.append((start, len(text), node, action))
        return text

    async def on_click(self, event: events.Click) -> None:
        for start, end, node, action in self._spans:
            if start <= event.x < end:
                await self.app.run_action(action, node)
                return
