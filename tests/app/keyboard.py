"""A candidate at the keyboard: turns the ideal candidate's actions into key presses on the real app.

The actions come from the engine's ideal policy (what to do); how they reach the engine is only
keys: F-keys, digits, Tab/Shift+Tab between fields, arrows and Enter in lists, typed text. The
app's widgets turn them into engine calls, as for a person.
"""

from __future__ import annotations

import asyncio
import unicodedata
from typing import Any

from textual import events
from textual.widgets import Input, Select, SelectionList, TextArea

from simulator.app.screens.console import ConsoleScreen
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.wrapup import WrapUpScreen
from simulator.app.widgets.reply_list import ReplyList
from simulator.app.widgets.tool_deck import ToolDeck
from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Resume,
    Say,
    Take,
    Transfer,
    UseTool,
    WrapUp,
)
from simulator.policies.ideal import IdealPolicy

_BOUND = 40  # no key loop in here may run longer than this
_TYPED = 40  # longer texts are pasted


class KeyboardCandidate:
    """Plays an épreuve through ``pilot`` with the keys a person would press."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.policies: dict[str, IdealPolicy] = {}

    async def press(self, *keys: str) -> None:
        """Press ``keys`` one after the other, then let the app settle (as ``burst``)."""
        await self.burst(*keys)

    async def type(self, text: str) -> None:
        """Type ``text`` as a burst of key events (as a fast typist's terminal sends them), then let the app settle.

        A long text is pasted instead (the terminal's bracketed paste), to keep the tests fast.
        """
        if len(text) > _TYPED:
            self.app.post_message(events.Paste(text))
        else:
            await self.burst(*(ch if ch != "\n" else "enter" for ch in text))
            return
        await self.settle()

    async def burst(self, *keys: Any) -> None:
        """Send ``keys`` (or pastes) one after the other without waiting in between, then let the app settle."""
        for key in keys:
            if isinstance(key, events.Paste):
                self.app.post_message(key)
            elif len(key) == 1:
                name = (
                    key
                    if key.isalnum()
                    else unicodedata.name(key).lower().replace("-", "_").replace(" ", "_")
                )
                self.app.post_message(events.Key(name, key))
            else:
                self.app.post_message(events.Key(key, "\r" if key == "enter" else None))
        await self.settle()

    async def settle(self) -> None:
        """Wait until the app has handled every message and deferred call the keys caused.

        Textual's own pause waits for the process to look idle, which a loaded machine fakes (the
        app gets no CPU for a while and seems idle). Here the queues themselves are watched: each
        round lets the app and the screen's widgets handle what is queued, then refreshes the
        screen (which runs the calls deferred until after a refresh, such as a focus move),
        until nothing is left.
        """
        for _ in range(_BOUND):
            await self.pilot._wait_for_screen()
            screen = self.app.screen
            screen._on_timer_update()
            await asyncio.sleep(0)
            pumps = [self.app, *screen.walk_children(with_self=True)]
            if not screen._callbacks and all(
                p._message_queue.empty() and not p._next_callbacks for p in pumps
            ):
                break
        await self.pilot.pause()

    # -- the whole épreuve ------------------------------------------------------------------------

    async def sign_in(self, candidate: str) -> None:
        await self.type(candidate)
        await self.press("enter")
        assert isinstance(self.app.screen, ConsoleScreen), self.app.screen

    async def play(self, *, max_actions: int = 400, snapshot: Any = None) -> int:
        """Play until the end screen; returns the number of actions sent by keys."""
        session, count = self.app.session, 0
        while session.finished is None and count < max_actions:
            await self._dismiss_feedback()
            key = session.state.active or next(
                (q.key for q in session.queue() if q.phase == "waiting"), None
            )
            assert key is not None, "nothing left to do but the épreuve is not over"
            policy = self.policies.setdefault(key, IdealPolicy())
            for action in policy.next_actions(session.contact(key)):
                before = session.seq
                await self.act(action)
                count += 1
                if snapshot is not None:
                    snapshot(self.app)
                assert session.seq > before, f"the keys for {action!r} did not reach the engine"
        await self._dismiss_feedback()
        return count

    async def _dismiss_feedback(self) -> None:
        if isinstance(self.app.screen, FeedbackScreen):
            await self.press("escape")

    # -- one action --------------------------------------------------------------------------------

    async def act(self, action: Any) -> None:
        if isinstance(action, Take):
            await self.press("f2")
        elif isinstance(action, Choose):
            await self.choose(action.reply)
        elif isinstance(action, Say):
            await self.press(
                "escape"
            )  # back to the conversation: the answer field when one is asked
            assert isinstance(self.app.focused, Input) and self.app.focused.id == "say"
            await self.type(action.text)
            await self.press("enter")
        elif isinstance(action, Continue):
            await self.press("f3")
        elif isinstance(action, Hold | Resume):
            await self.press("f4")
        elif isinstance(action, HangUp):
            await self.press("f8")
        elif isinstance(action, Transfer):
            await self.press("f6")
            await self.press("tab") if not isinstance(self.app.focused, Input) else None
            await self.press("ctrl+a", "ctrl+k")
            await self.type(action.service)
            await self.press("enter")
        elif isinstance(action, UseTool):
            await self.use_tool(action)
        elif isinstance(action, WrapUp):
            await self.wrap_up(action)
        else:  # pragma: no cover - a new kind of action needs its keys here
            raise TypeError(f"no keys for {action!r}")

    async def choose(self, reply: str) -> None:
        view = self.app.screen.view
        index = [r for r, _text in view.replies].index(reply)
        if index < 5:
            await self.press("escape")  # back to the replies (focus moves once the app has settled)
            await self.press(str(index + 1))  # the reply's number
            return
        await self.press("escape")
        assert isinstance(self.app.focused, ReplyList)
        await self.press("home", *["down"] * index, "enter")

    async def use_tool(self, action: UseTool) -> None:
        deck = self.app.screen.query_one(ToolDeck)
        target = f"tool-{action.tool}"
        for _ in range(
            _BOUND
        ):  # F7 into the tools, then F7 / Shift+F7 to the tool, the shorter way
            focused = self.app.focused
            in_tools = focused is not None and any(
                isinstance(n, ToolDeck) for n in focused.ancestors_with_self
            )
            if in_tools and deck.active == target:
                break
            tools = deck.present
            steps = (
                tools.index(action.tool) - tools.index(deck.active.removeprefix("tool-"))
            ) % len(tools)
            await self.press("f7" if not in_tools or steps <= len(tools) // 2 else "shift+f7")
        assert deck.active == target
        panel = deck.panel(action.tool)
        await self.select(panel.query_one("#op", Select), action.op, panel.choices["op"])
        pending: list[Any] = []
        for arg in sorted(
            action.args, key=lambda a: list(panel.args).index(a) if a in panel.args else -1
        ):
            if arg not in panel.args:
                continue  # an argument the panel does not ask: the engine's default applies
            widget = panel.query_one(f"#arg-{arg}")
            if isinstance(widget, SelectionList):  # attachments: tick each document in the list
                await self.burst(*pending, *self._tabs_to(widget))
                pending = []
                for document in action.args[arg]:
                    await self.burst(
                        "home", *["down"] * panel.choices[arg].index(document), "space"
                    )
                continue
            value = str(action.args[arg])
            if isinstance(widget, Select):
                await self.burst(*pending)
                pending = []
                await self.select(widget, value, panel.choices.get(arg, ()))
            else:  # the focus moves once the app has settled: Tab first, then type
                await self.burst(*pending, *self._tabs_to(widget))
                pending = []
                if self._text_of(
                    widget
                ):  # a key binding acts after the keys typed with it: clear first
                    await self.burst(*self._clearing(widget))
                pending = self._text(value)
        await self.burst(*pending, "f5")

    async def wrap_up(self, action: WrapUp) -> None:
        if not isinstance(self.app.screen, WrapUpScreen):
            await self.press("f9")
        screen = self.app.screen
        assert isinstance(screen, WrapUpScreen)
        outcomes = ("", *(code for code, _label in screen.view.outcomes))
        await self.select(screen.query_one("#outcome", Select), action.outcome or "", outcomes)
        note = screen.query_one("#note", TextArea)
        await self.burst(*self._tabs_to(note))
        await self.burst(*self._text(action.note), "f10")

    # -- widgets -----------------------------------------------------------------------------------

    def _tabs_to(self, widget: Any) -> list[str]:
        """The Tab (or Shift+Tab) presses from the focused widget to ``widget``."""
        chain = self.app.screen.focus_chain
        steps = chain.index(widget) - chain.index(self.app.focused)
        return ["tab"] * steps if steps >= 0 else ["shift+tab"] * -steps

    async def tab_to(self, widget: Any) -> None:
        """Tab (or Shift+Tab) through the screen's focus chain to ``widget``."""
        await self.burst(*self._tabs_to(widget))
        assert self.app.focused is widget, f"Tab did not reach {widget!r} but {self.app.focused!r}"

    @staticmethod
    def _text_of(widget: Any) -> str:
        return widget.text if isinstance(widget, TextArea) else widget.value

    @staticmethod
    def _clearing(widget: Any) -> list[str]:
        """Select all and delete (a text area), or go to the start and delete to the end (a field)."""
        return ["ctrl+a", "delete"] if isinstance(widget, TextArea) else ["ctrl+a", "ctrl+k"]

    @staticmethod
    def _text(value: str) -> list[Any]:
        """The keys that type ``value`` (a long text is pasted)."""
        return (
            [events.Paste(value)]
            if len(value) > _TYPED
            else ["enter" if ch == "\n" else ch for ch in value]
        )

    async def fill(self, widget: Any, value: str, choices: tuple[str, ...] = ()) -> None:
        if isinstance(widget, Select):
            await self.select(widget, value, choices)
            return
        if self._text_of(widget):
            await self.burst(*self._clearing(widget))
        await self.burst(*self._text(value))

    async def select(self, select: Select, value: str, choices: tuple[str, ...]) -> None:
        """Tab to the list, open it (Enter), go to its top, Down to the option, Enter."""
        if select.value == value:
            return
        await self.burst(*self._tabs_to(select), "enter")
        await self.burst("home", *["down"] * choices.index(value), "enter")
        assert select.value == value, f"{select!r} shows {select.value!r}, not {value!r}"
