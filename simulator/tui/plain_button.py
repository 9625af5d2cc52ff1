"""A one-line button: its label on the primary colour, pressed by a click, Enter or Space.

It looks like Textual's compact primary ``Button`` without the ~250 lines of CSS a ``Button``
brings for its variants and states, which the first screen would otherwise parse before showing.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class PlainButton(Static, can_focus=True):
    """A button showing ``label``; posts ``PlainButton.Pressed`` when pressed."""

    DEFAULT_CSS = """
    PlainButton {
        width: auto;
        height: 1;
        padding: 0 1;
        text-style: bold;
        color: $button-color-foreground;
        background: $primary;
        pointer: pointer;
        &:hover {
            background: $primary-darken-2;
        }
        &:focus {
            text-style: $button-focus-text-style;
        }
    }
    """
    BINDINGS = [Binding("enter,space", "press", show=False)]

    class Pressed(Message):
        """The button was pressed."""

        def __init__(self, button: PlainButton) -> None:
            super().__init__()
            self.button = button

        @property
        def control(self) -> PlainButton:
            return self.button

    def __init__(self, label: str, **kwargs: Any) -> None:
        super().__init__(label, markup=False, **kwargs)

    def action_press(self) -> None:
        """Press the button."""
        self.post_message(self.Pressed(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_press()
