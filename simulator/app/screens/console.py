"""The console: the queue and the clock, the active contact, the reply options and the tools.

Every key press becomes one engine call (``session.perform``); the screen then redraws from
the engine's views. Nothing here decides what is right or wrong. The Footer shows only the
keys that do something at this moment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.events import DescendantFocus
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static, TextArea

from simulator.app.i18n import N_
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.help import HelpScreen
from simulator.app.screens.transfer import TransferScreen
from simulator.app.screens.wrapup import WrapUpScreen
from simulator.app.typography import prose
from simulator.app.widgets.clock import EpreuveClock
from simulator.app.widgets.conversation import Conversation
from simulator.app.widgets.queue_list import QueueList
from simulator.app.widgets.reply_list import ReplyList
from simulator.app.widgets.tool_deck import ToolDeck
from simulator.app.widgets.tool_panel import ToolPanel
from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Pause,
    Resume,
    Say,
    Take,
    Transfer,
    WrapUp,
)
from simulator.engine.session import SessionError
from simulator.engine.toolbox import ActionRefused
from simulator.engine.views import ContactView
from simulator.journal.errors import StoreWriteFailed
from simulator.journal.receipt import CHECKPOINT, checkpoint_code
from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp

#: How each phase of the contact is named in the title bar.
PHASE_LABELS = {
    "waiting": N_("waiting"),
    "opening": N_("opening"),
    "discovery": N_("need discovery"),
    "resolution": N_("resolution"),
    "agreement": N_("agreement"),
    "closing": N_("closing"),
    "on_hold": N_("on hold"),
    "in_progress": N_("in progress"),
    "wrap_up": N_("wrap-up"),
    "ended": N_("ended"),
}
_LIVE_CALL = ("opening", "discovery", "resolution", "agreement", "closing", "on_hold")


class ConsoleScreen(Screen):
    """The candidate's working screen for the whole épreuve."""

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", N_("Help")),
        Binding("f2", "take", N_("Take")),
        Binding("f3", "next", N_("Continue")),
        Binding("f4", "hold", N_("Hold")),
        Binding("f6", "transfer", N_("Transfer")),
        Binding("f7", "tools(1)", N_("Tools")),
        Binding("shift+f7", "tools(-1)", N_("Previous tool"), show=False),
        Binding("f8", "hang_up", N_("Hang up")),
        Binding("f9", "wrap_up", N_("Wrap-up")),
        Binding("escape", "back", N_("Replies"), show=False),
        *(Binding(str(n), f"choose({n})", show=False) for n in range(1, 6)),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view: ContactView | None = None
        self.wrap_offered: str | None = None
        self.chosen_service = ""
        self.prompt_shown: tuple[str, int] | None = None
        #: The focus was in the tools before it moved (Shift+Tab out of a tool must not arm a reply).
        self._focus_was_in_tools = False
        #: The checkpoint (event count // 100) whose receipt is shown.
        self._checkpoint_shown = 0

    def compose(self) -> ComposeResult:
        t = self.app.t
        with Horizontal(id="console"):
            with Vertical(id="side"):
                yield EpreuveClock(t("Time left"), t, id="clock")
                yield Static("", id="checkpoint")
                yield Static(t("Contacts"), classes="heading")
                yield QueueList(id="queue")
            with Vertical(id="main"):
                yield Static("", id="contact-title")
                yield Conversation(id="conversation")
                yield ReplyList(id="replies")
                yield Input(
                    id="say", placeholder=t("Type your answer and press Enter"), compact=True
                )
                yield ToolDeck(id="tools")
        yield KeyBar()

    def on_mount(self) -> None:
        self.refresh_from_engine()
        self.set_interval(1.0, self._tick)

    # -- engine → widgets --------------------------------------------------------------------------

    def _tick(self) -> None:
        session = self.app.live_session
        before = (session.seq, session.finished)
        try:
            session.tick()
        except StoreWriteFailed:
            self.app.save_again()
            return
        if (session.seq, session.finished) != before:
            self.refresh_from_engine()
        else:
            self.query_one(EpreuveClock).remaining = session.remaining_seconds()

    def _show_checkpoint(self, session: Any) -> None:
        """Every 100 events, the journal's receipt code for the invigilator's attendance sheet."""
        if session.seq // CHECKPOINT == self._checkpoint_shown:
            return
        self._checkpoint_shown = session.seq // CHECKPOINT
        found = (
            checkpoint_code(session.store, session.session_id, session.seq)
            if session.store
            else None
        )
        line = self.query_one("#checkpoint", Static)
        line.display = found is not None
        if found is not None:
            line.update(self.app.t("Receipt at event {seq}: {code}", seq=found[0], code=found[1]))

    def refresh_from_engine(self) -> None:
        app, t = self.app, self.app.t
        session = app.live_session
        if session.finished is not None:
            app.show_end()
            return
        self.query_one(EpreuveClock).remaining = session.remaining_seconds()
        self._show_checkpoint(session)
        queue = self.query_one(QueueList)
        queue.show(session.queue(), t)
        previous, view = self.view, session.active_view()
        self.view = view
        conversation, replies = self.query_one(Conversation), self.query_one(ReplyList)
        say, title = self.query_one("#say", Input), self.query_one("#contact-title", Static)
        deck = self.query_one(ToolDeck)
        self.refresh_bindings()
        if view is None:
            title.update(t("No contact in progress — choose one in the queue (F2)."))
            replies.show(())
            say.display = False
            deck.show_tools(None, (), t, app.lang)
            if not isinstance(self.focused, Input | TextArea):
                queue.focus()
            return
        if previous is None or view.key != previous.key:
            conversation.reset()
            conversation.add(f"[{view.organisation}] {prose(view.briefing)}")
            for _mail_id, sender, subject, body in view.inbox:
                conversation.add(f"✉ {sender} — {subject}\n{prose(body)}")
        deck.show_tools(
            view.key,
            view.tools,
            t,
            app.lang,
            inbox=view.inbox,
            forms=self._forms(view.key),
            documents=self._documents(view.key),
        )
        phase = t(PHASE_LABELS.get(view.phase, view.phase))
        title.update(f"{phase} · {view.title}")
        conversation.show(view.lines, t)
        replies.show(view.replies)
        self._fit()
        say.display = view.prompt is not None
        if view.prompt is not None:
            say.placeholder = view.prompt.placeholder or view.prompt.label
            prompt_key = (view.key, len(view.lines))
            if prompt_key != self.prompt_shown:
                self.prompt_shown = prompt_key
                conversation.add(f"✍ {view.prompt.label}")
        if not self._in_tools():
            self.action_back()
        if view.phase == "wrap_up" and self.wrap_offered != view.key:
            self.wrap_offered = view.key
            self.action_wrap_up()

    def _forms(self, key: str) -> tuple[tuple[str, str], ...]:
        """The forms tool's list of forms (id, title), as a real forms tool lists them."""
        forms = self.app.live_session.contact(key).box.forms
        return (
            tuple((form_id, template.title) for form_id, template in forms.templates.items())
            if forms
            else ()
        )

    def _documents(self, key: str) -> tuple[tuple[str, str], ...]:
        """The documentation's articles (id, title) the mail may attach."""
        docs = self.app.live_session.contact(key).box.documentation
        return tuple((article.id, article.title) for article in docs.articles) if docs else ()

    def on_descendant_focus(self, event: DescendantFocus) -> None:
        if isinstance(event.widget, ReplyList) and self._focus_was_in_tools:
            event.widget.highlighted = None  # Enter sends nothing until the candidate picks a reply
        self._focus_was_in_tools = self._in_tools()
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """On a short terminal the tools take the room of the replies while the candidate works in them.

        Inline styles, not a class on the screen: a class would restyle every widget at each focus change.
        """
        short, inside = self.size.height < 32, self._in_tools()
        view = self.view
        self.query_one(ReplyList).display = bool(view and view.replies) and not (short and inside)
        self.query_one(ToolDeck).styles.height = (16 if inside else 9) if short else "45%"

    def _in_tools(self) -> bool:
        focused: Widget | None = self.focused
        return focused is not None and any(
            isinstance(node, ToolDeck) for node in focused.ancestors_with_self
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the keys that would do nothing now, so the Footer shows what can be done."""
        view = self.view
        if action == "take":
            return view is None
        if view is None:
            return action in ("help", "back", "choose")
        live_call = view.medium == "phone" and view.phase in _LIVE_CALL
        open_task = view.medium != "phone" and view.phase not in (
            "waiting",
            "ended",
        )  # set aside for a call
        return {
            "next": view.can_continue,
            "hold": live_call or open_task,
            "transfer": live_call,
            "hang_up": live_call,
            "wrap_up": view.phase == "wrap_up",
            "tools": bool(view.tools),
        }.get(action, True)

    # -- widgets → engine --------------------------------------------------------------------------

    def perform(self, action: Any) -> Any:
        app = self.app
        try:
            outcome = app.live_session.perform(action)
        except ActionRefused as exc:
            self.notify(exc.message(app.lang), severity="warning")
            return None
        except SessionError as exc:
            self.notify(exc.message(app.lang), severity="error", timeout=30)
            return None
        except (
            StoreWriteFailed
        ):  # the journal is busy: the app saves the action again, then redraws
            app.save_again()
            return None
        ended_title = self.view.title if self.view is not None else ""
        self.refresh_from_engine()
        if outcome.feedback is not None:
            app.push_screen(FeedbackScreen(ended_title, outcome.feedback))
        return outcome

    @on(OptionList.OptionSelected, "#queue")
    def _take_chosen(self, event: OptionList.OptionSelected) -> None:
        self.perform(Take(contact=str(event.option.id)))

    @on(OptionList.OptionSelected, "#replies")
    def _reply_chosen(self, event: OptionList.OptionSelected) -> None:
        self.perform(Choose(reply=str(event.option.id)))

    @on(Input.Submitted, "#say")
    def _said(self, event: Input.Submitted) -> None:
        if event.value.strip() and self.perform(Say(text=event.value.strip())) is not None:
            event.input.value = ""

    @on(ToolPanel.Run)
    def _tool(self, event: ToolPanel.Run) -> None:
        outcome = self.perform(event.action)
        if outcome is not None and outcome.result is not None and event.panel.is_attached:
            event.panel.show_result(event.action, outcome.result)

    @on(ToolPanel.ServiceChosen)
    def _service_chosen(self, event: ToolPanel.ServiceChosen) -> None:
        self.chosen_service = event.service

    def action_take(self) -> None:
        queue = self.query_one(QueueList)
        waiting = [o for o in queue.options if not o.disabled]
        highlighted = queue.highlighted_option
        if highlighted is not None and not highlighted.disabled:
            self.perform(Take(contact=str(highlighted.id)))
        elif waiting:
            self.perform(Take(contact=str(waiting[0].id)))
        else:
            self.notify(self.app.t("No contact is waiting."))

    def action_choose(self, number: int) -> None:
        view = self.view
        if view is None or not view.replies or number > len(view.replies):
            return
        if isinstance(self.focused, Input | TextArea) or self._in_tools():
            return
        self.perform(Choose(reply=view.replies[number - 1][0]))

    def action_next(self) -> None:
        self.perform(Continue())

    def action_hold(self) -> None:
        """A call is put on hold (or resumed); a task or a mail is set aside for a ringing call."""
        if self.view is not None and self.view.medium != "phone":
            self.perform(Pause())
        else:
            self.perform(Resume() if self.view is not None and self.view.on_hold else Hold())

    def action_hang_up(self) -> None:
        self.perform(HangUp())

    def action_transfer(self) -> None:
        def chosen(service: str | None) -> None:
            if service:
                self.perform(Transfer(service=service))

        deck = self.query_one(ToolDeck)
        panel = deck.panel("directory")
        seen = (
            [(row.key, row.cells[0]) for row in panel.shown.rows]
            if panel and panel.shown and panel.shown.rows
            else []
        )
        self.app.push_screen(TransferScreen(self.chosen_service, seen), chosen)

    def action_wrap_up(self) -> None:
        view = self.view
        if view is None or view.phase != "wrap_up":
            return

        def done(result: tuple[str | None, str] | None) -> None:
            if result is not None:
                self.perform(WrapUp(outcome=result[0], note=result[1]))

        self.app.push_screen(WrapUpScreen(view), done)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_tools(self, step: int) -> None:
        self.query_one(ToolDeck).focus_tool(step if self._in_tools() else 0)

    def action_back(self) -> None:
        """Back to the conversation: the typed answer when one is asked, else the replies."""
        view = self.view
        self._focus_was_in_tools = False  # asked for: the replies come back as they were
        if view is not None and view.prompt is not None:
            self.query_one("#say", Input).focus()
        elif view is not None and view.replies:
            replies = self.query_one(ReplyList)
            replies.highlighted = 0 if replies.highlighted is None else replies.highlighted
            replies.focus()
        elif view is None:
            self.query_one(QueueList).focus()
        else:
            self.query_one(Conversation).focus()
