"""The language of the interface, chosen on one line: the three names, the current one marked.

One widget where Textual's ``Select`` mounts five (its current value, its overlay list and their
parts): the sign-in screen is the first thing a candidate sees and should appear at once.
←/→ move to the previous/next language, Space to the next one, a click on a name chooses it;
Enter confirms the choice (the screen starts the épreuve, as Enter does in the number field).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class LanguageChooser(Widget, can_focus=True):
    """``Français  Nederlands  English`` with the chosen language highlighted."""

    DEFAULT_CSS = """
    LanguageChooser {
        width: auto;
        height: 1;
        &:focus {
            background: $accent 35%;
        }
    }
    """
    BINDINGS = [
        Binding("right,space", "step(1)", show=False),
        Binding("left", "step(-1)", show=False),
        Binding("enter", "submit", show=False),
    ]

    #: The code of the chosen language (``fr``, ``nl``, ``en``).
    value: reactive[str] = reactive("", init=False)

    class _Language(Message):
        """A message about the language shown (its ``value``), from ``chooser``."""

        def __init__(self, chooser: LanguageChooser, value: str) -> None:
            super().__init__()
            self.chooser, self.value = chooser, value

        @property
        def control(self) -> LanguageChooser:
            return self.chooser

    class Changed(_Language):
        """Another language was chosen."""

    class Submitted(_Language):
        """Enter was pressed: the language shown is the one the candidate wants."""

    def __init__(self, languages: Sequence[tuple[str, str]], value: str, **kwargs: Any) -> None:
        """``languages`` are ``(name shown, code)`` pairs in the order the keys go through them."""
        super().__init__(**kwargs)
        self._names = {code: name for name, code in languages}
        self._codes = [code for _name, code in languages]
        if value not in self._names:
            raise ValueError(
                f"unknown language {value!r} (expected one of {', '.join(self._codes)})"
            )
        self.set_reactive(LanguageChooser.value, value)
        self._spans: list[tuple[int, int, str]] = []

    def render(self) -> Text:
        text, self._spans = Text(no_wrap=True), []
        for code in self._codes:
            start = len(text)
            text.append(
                f" {self._names[code]} ", style="bold reverse" if code == self.value else ""
            )
            self._spans.append((start, len(text), code))
        return text

    def watch_value(self, value: str) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, step: int) -> None:
        """Choose the language ``step`` places further in the list (going round)."""
        self.value = self._codes[(self._codes.index(self.value) + step) % len(self._codes)]

    def action_submit(self) -> None:
        """Confirm the language shown."""
        self.post_message(self.Submitted(self, self.value))

    def on_click(self, event: events.Click) -> None:
        for start, end, code in self._spans:
            if start <= event.x < end:
                self.value = code
                return
