"""One candidate of the load test at a browser seat: signs in, then plays the practice épreuve as a person would.

A candidate reads before deciding: before each key that decides something (take the contact, pick a
reply, hang up, close the wrap-up, leave the feedback) they *think* for a time drawn from
``random.Random(seat index)`` between the two bounds of ``--think`` (seconds; the same draws on every
run, so two runs of the same seat think alike). The fields of the wrap-up (outcome, note) are typed
at typing speed. A key's latency (``stored_latencies``) runs from the moment the page sends the key to
the seat (its websocket frame, as Chromium stamps it) to the action acknowledged in the store: what
the server costs. ``latencies`` runs from the key press (Playwright) until the frame that changed the
screen reached the page: adds the browser's own work, before and after.
"""

from __future__ import annotations

import asyncio
import base64
import random
import re
import statistics
import time
from dataclasses import dataclass
from typing import Any

from scripts.browser_seats import plain

#: The épreuve clock's text (« Temps restant 45 min », « 1 h 05 », « 4:59 »).
_CLOCK = re.compile(r"Temps restant (?:\d+ h \d\d|\d+ min|\d+:\d\d)")
#: Seconds between two keys of a form the candidate fills in (outcome, note).
TYPING_GAP = 0.3
#: The mark of a contact asking for a written answer (the conversation's « ✍ label » line).
ANSWER_ASKED = "✍"
#: What the candidate writes when asked (a message contact, a reference to note).
ANSWER = "Bonjour, je vérifie votre dossier et je reviens vers vous aujourd'hui."
#: The wrap-up form's button: the form is open (its keys go nowhere else).
WRAP_UP_FORM = "Confirmer la clôture"
#: Seconds between two looks in the store for the action a key made.
POLL = 0.02


@dataclass(frozen=True)
class Think:
    """The range of a candidate's think time before a deciding key, in seconds."""

    low: float
    high: float

    @classmethod
    def parse(cls, text: str) -> Think:
        """``"2-6"`` (or ``"2,6"``, or ``"3"`` for always 3 s)."""
        low, _, high = text.replace(",", "-").partition("-")
        bounds = cls(float(low), float(high or low))
        if not 0 <= bounds.low <= bounds.high:
            raise ValueError(f"think time: {text!r} is not MIN-MAX seconds with 0 ≤ MIN ≤ MAX")
        return bounds


class AsyncSeat:
    """One seat page driven from asyncio: what the terminal received, keys, and the journal behind it."""

    def __init__(
        self, page: object, journal: object, candidate: str, index: int, think: Think
    ) -> None:
        self.page, self.journal, self.candidate = page, journal, candidate
        self.think, self.rng = think, random.Random(index)
        self.frames: list[str] = []
        self.session_id = ""
        #: Key press → the action acknowledged in the store, then shown on the page.
        self.latencies: list[float] = []
        #: Key press → the action acknowledged in the store (what the server costs, without painting).
        self.stored_latencies: list[float] = []
        self.acknowledged: list[int] = []
        self.contacts_closed = 0
        self.completed = False
        self.unshown = 0
        self.thought = 0.0
        #: When each frame of ``frames`` reached the page (Chromium's monotonic clock, seconds).
        self.frame_times: list[float] = []
        #: When the page sent each key to the seat (the websocket's « stdin » frames).
        self.keys_sent: list[float] = []

    async def watch(self, context: object) -> None:
        """Follow the page's websocket through the DevTools protocol: each frame with the time
        Chromium stamped on it (``time.monotonic``'s clock), not the time it reached this script."""
        cdp = await context.new_cdp_session(self.page)  # type: ignore[attr-defined]
        await cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", self._frame)
        cdp.on("Network.webSocketFrameSent", self._sent)

    def _frame(self, event: dict[str, Any]) -> None:
        frame = event["response"]
        data = frame["payloadData"]
        text = base64.b64decode(data).decode("utf-8", "replace") if frame["opcode"] == 2 else data
        self.frames.append(text)
        self.frame_times.append(event["timestamp"])

    def _sent(self, event: dict[str, Any]) -> None:
        if event["response"]["payloadData"].startswith('["stdin"'):
            self.keys_sent.append(event["timestamp"])

    async def wait_for(self, pattern: str, after: int = 0, timeout: float = 300.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if re.search(pattern, plain("".join(self.frames[after:]))):
                return
            await asyncio.sleep(0.05)
        raise TimeoutError(f"{self.candidate}: {pattern!r} not seen")

    async def sees(self, pattern: str, after: int, within: float) -> bool:
        """Whether ``pattern`` shows on the page (after frame ``after``) within ``within`` seconds."""
        try:
            await self.wait_for(pattern, after=after, timeout=within)
        except TimeoutError:
            return False
        return True

    async def ponder(self) -> None:
        """The candidate reads the screen before the next deciding key."""
        pause = self.rng.uniform(self.think.low, self.think.high)
        self.thought += pause
        await asyncio.sleep(pause)

    async def key(self, key: str) -> None:
        await self.page.locator(".xterm-helper-textarea").focus()  # type: ignore[attr-defined]
        await self.page.keyboard.press(key)  # type: ignore[attr-defined]

    async def type(self, text: str) -> None:
        await self.page.locator(".xterm-helper-textarea").focus()  # type: ignore[attr-defined]
        await self.page.keyboard.type(text)  # type: ignore[attr-defined]

    def stored(self) -> int:
        last = self.journal.last_event(self.session_id)  # type: ignore[attr-defined]
        return last.seq if last else 0

    def finished(self) -> bool:
        """Whether the épreuve is over (its journal ends it)."""
        last = self.journal.last_event(self.session_id)  # type: ignore[attr-defined]
        return last is not None and last.type in ("session_finished", "time_up")

    def patience(self) -> float:
        """How long to wait for a key that may not be an action: 4 × the median latency (3 to 30 s)."""
        usual = statistics.median(self.stored_latencies) if self.stored_latencies else 2.0
        return min(30.0, max(3.0, 4 * usual))

    def action_after(self, seq: int) -> int | None:
        """The seq of the first action journalled after ``seq`` (heartbeats, arrivals are not actions)."""
        events = self.journal.events(self.session_id, after_seq=seq)  # type: ignore[attr-defined]
        return next((e.seq for e in events if e.type == "action"), None)

    async def action(self, key: str, think: bool = True) -> bool:
        """Think, press ``key``; True when the journal recorded an action, its latency noted."""
        if think:
            await self.ponder()
        settle = self.patience()
        before, mark = await asyncio.to_thread(self.stored), len(self.frames)
        sent = len(self.keys_sent)
        pressed = time.monotonic()
        await self.key(key)
        found = None
        while found is None and time.monotonic() < pressed + settle:
            await asyncio.sleep(POLL)
            found = await asyncio.to_thread(self.action_after, before)
        if found is None:
            return False
        acknowledged = time.monotonic()
        # from the key leaving the page (the browser's own work before it is not the server's)
        start = self.keys_sent[sent] if len(self.keys_sent) > sent else pressed
        self.stored_latencies.append(acknowledged - start)
        shown = await self._screen_update(mark, time.monotonic() + 20.0)
        self.latencies.append((shown or time.monotonic()) - pressed)
        self.acknowledged.append(found)
        self.unshown += shown is None
        return True

    async def _screen_update(self, mark: int, deadline: float) -> float | None:
        """When the frame that changed the page's screen after frame ``mark`` reached the page (a
        turn of the clock's minute does not count), or ``None`` if none came before ``deadline``."""
        text, seen = "", mark
        while time.monotonic() < deadline:
            while seen < len(self.frames):
                text += plain(self.frames[seen])
                seen += 1
                if len(_CLOCK.sub("", text).split()) > 3:
                    return self.frame_times[seen - 1]
            await asyncio.sleep(0.01)
        return None


async def sit(seat: AsyncSeat, url: str, rounds: int, delay: float = 0.0) -> None:
    """After ``delay`` (the candidates arrive one by one), sign in and play round after round until the end."""
    await asyncio.sleep(delay)
    await seat.page.goto(url, timeout=300_000)  # type: ignore[attr-defined]
    await seat.wait_for("Numéro de candidat")
    await seat.type(seat.candidate)
    mark = len(seat.frames)
    await seat.key("Enter")
    await seat.wait_for("Temps restant", after=mark)
    seat.session_id = await asyncio.to_thread(session_of, seat.journal, seat.candidate)
    for _ in range(rounds):
        await close_contact(seat)
        if await asyncio.to_thread(seat.finished):
            seat.completed = True
            break


async def close_contact(seat: AsyncSeat) -> None:
    """One round of keys that ends a contact of the practice épreuve, well or badly.

    Take the next contact (F2), pick the first reply while one is offered (1) or write an answer when
    the contact asks for one (text, Enter), hang up (F8), read the
    wrap-up form once it shows, choose an outcome and write a note (F10), leave the feedback
    (Escape) — thinking before each of these keys. A key that the journal does not record (no reply left, nothing to hang
    up) is waited for only a few times the usual latency; a contact that needs more keys gets them in
    the next round (F9 opens its wrap-up again).
    """
    mark = len(seat.frames)
    await seat.action("F2")
    for _ in range(15):
        if ANSWER_ASKED in plain("".join(seat.frames[mark:])):
            # the contact asks for a written answer: the candidate types one, then Enter
            mark = len(seat.frames)
            await seat.ponder()
            await seat.type(ANSWER)
            if not await seat.action("Enter", think=False):
                break
            continue
        before = len(seat.frames)
        if await seat.action("1"):
            mark = before
        elif ANSWER_ASKED not in plain("".join(seat.frames[mark:])):
            break  # no reply left; a request for an answer that showed late is answered next turn
    form = len(seat.frames)
    await seat.action("F8")
    await seat.key("F9")  # opens the wrap-up form again if an earlier round left it
    if await seat.sees(WRAP_UP_FORM, after=form, within=seat.patience()):
        await seat.ponder()  # reads the wrap-up form
        for key in ("Enter", "ArrowDown", "Enter", "Tab"):
            await seat.key(key)
            await asyncio.sleep(TYPING_GAP)
        await seat.type("Cliente rappelée, dossier transmis.")
        if await seat.action("F10"):
            seat.contacts_closed += 1
    await seat.ponder()  # reads the practice feedback after the contact
    await seat.key("Escape")
    await asyncio.sleep(TYPING_GAP)


def session_of(journal: object, candidate: str, timeout: float = 300.0) -> str:
    """The id of the latest session of ``candidate`` (waits until the seat has created it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for session_id in reversed(journal.session_ids()):  # type: ignore[attr-defined]
            if journal.header(session_id).candidate_id == candidate:  # type: ignore[attr-defined]
                return session_id
        time.sleep(0.2)
    raise TimeoutError(f"no session for {candidate}")
