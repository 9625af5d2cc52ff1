"""The console: the queue and the clock, the active contact, the reply options and the tools.

Every key press becomes one engine call (``session.perform``); the screen then redraws from
the engine's views. Nothing here decides what is right or wrong.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static, TabbedContent, TabPane

from simulator.app.bindings import translate_bindings
from simulator.app.i18n import N_
from simulator.app.screens.feedback import FeedbackScreen
from simulator.app.screens.help import HelpScreen
from simulator.app.screens.transfer import TransferScreen
from simulator.app.screens.wrapup import WrapUpScreen
from simulator.app.widgets.clock import EpreuveClock
from simulator.app.widgets.conversation import Conversation
from simulator.app.widgets.queue_list import QueueList
from simulator.app.widgets.reply_list import ReplyList
from simulator.app.widgets.tool_panel import TOOL_TITLES, ToolPanel
from simulator.engine.actions import (
    Choose,
    Continue,
    HangUp,
    Hold,
    Resume,
    Say,
    Take,
    Transfer,
    WrapUp,
)
from simulator.engine.session import SessionError
from simulator.engine.toolbox import ActionRefused


#: How each phase of the contact is named in the title bar.
PHASE_LABELS = {"waiting": N_("waiting"), "opening": N_("opening"), "discovery": N_("need discovery"),
                "resolution": N_("resolution"), "agreement": N_("agreement"), "closing": N_("closing"),
                "on_hold": N_("on hold"), "in_progress": N_("in progress"), "wrap_up": N_("wrap-up"),
                "ended": N_("ended")}


class ConsoleScreen(Screen):
    """The candidate's working screen for the whole épreuve."""

    BINDINGS = [
        Binding("f1", "help", N_("Help")),
        Binding("f2", "take", N_("Take contact")),
        Binding("f3", "next", N_("Continue")),
        Binding("f4", "hold", N_("Hold/Resume")),
        Binding("f6", "transfer", N_("Transfer")),
        Binding("f8", "hang_up", N_("Hang up")),
        Binding("f9", "wrap_up", N_("Wrap-up")),
        Binding("f7", "focus_tools", N_("Tools"), show=False),
        Binding("escape", "focus_replies", N_("Replies"), show=False),
    ] + [Binding(str(n), f"choose({n})", show=False) for n in range(1, 6)]

    def __init__(self) -> None:
        super().__init__()
        self.contact_key: str | None = None
        self.wrap_offered: str | None = None
        self.chosen_service = ""
        self.prompt_shown: tuple[str, int] | None = None

    def compose(self) -> ComposeResult:
        translate_bindings(self, self.app.t)
        t = self.app.t
        with Horizontal(id="console"):
            with Vertical(id="side"):
                yield EpreuveClock(t("Time left"), id="clock")
                yield Static(t("Contacts"), classes="heading")
                yield QueueList(id="queue")
            with Vertical(id="main"):
                yield Static("", id="contact-title")
                yield Conversation(id="conversation")
                yield ReplyList(id="replies")
                yield Input(id="say", placeholder=t("Type your answer and press Enter"))
                yield TabbedContent(id="tools")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_from_engine()
        self.set_interval(1.0, self._tick)

    # -- engine → widgets --------------------------------------------------------------------------

    def _tick(self) -> None:
        session = self.app.session
        before = (session.seq, session.finished)
        session.tick()
        if (session.seq, session.finished) != before:
            self.refresh_from_engine()
        else:
            self.query_one(EpreuveClock).remaining = session.remaining_seconds()

    def refresh_from_engine(self) -> None:
        app, t = self.app, self.app.t
        session = app.session
        if session.finished is not None:
            app.show_end()
            return
        self.query_one(EpreuveClock).remaining = session.remaining_seconds()
        self.query_one(QueueList).show(session.queue(), t)
        view = session.active_view()
        conversation = self.query_one(Conversation)
        replies = self.query_one(ReplyList)
        say = self.query_one("#say", Input)
        title = self.query_one("#contact-title", Static)
        if view is None:
            self.contact_key = None
            title.update(t("No contact in progress — choose one in the queue (F2)."))
            replies.show(())
            say.display = False
            self._tools(())
            return
        if view.key != self.contact_key:
            self.contact_key = view.key
            conversation.reset()
            conversation.write(f"[{view.organisation}] {view.briefing}")
            for _mail_id, sender, subject, body in view.inbox:
                conversation.write(f"✉ {sender} — {subject}\n{body}")
            self._tools(view.tools)
        phase = t(PHASE_LABELS.get(view.phase, view.phase))
        title.update(f"{view.title} · {phase}" + (f" · {t('on hold')}" if view.on_hold else ""))
        conversation.show(view.lines, t)
        replies.show(view.replies)
        say.display = view.prompt is not None
        if view.prompt is not None:
            say.placeholder = view.prompt.placeholder or view.prompt.label
            prompt_key = (view.key, len(view.lines))
            if prompt_key != self.prompt_shown:
                self.prompt_shown = prompt_key
                conversation.write(f"✍ {view.prompt.label}")
            say.focus()
        elif view.replies:
            replies.focus()
        if view.phase == "wrap_up" and self.wrap_offered != view.key:
            self.wrap_offered = view.key
            self.action_wrap_up()

    def _tools(self, tools: tuple[str, ...]) -> None:
        tabs = self.query_one("#tools", TabbedContent)
        present = [pane.id for pane in tabs.query(TabPane)]
        wanted = [f"tool-{name}" for name in tools if name in TOOL_TITLES]
        if present == wanted:
            return
        tabs.clear_panes()
        for name in tools:
            if name in TOOL_TITLES:
                tabs.add_pane(TabPane(self.app.t(TOOL_TITLES[name]), ToolPanel(name, self.app.t), id=f"tool-{name}"))
        tabs.display = bool(wanted)

    # -- widgets → engine --------------------------------------------------------------------------

    def perform(self, action: Any) -> Any:
        app = self.app
        try:
            outcome = app.session.perform(action)
        except ActionRefused as exc:
            self.notify(exc.message(app.lang if app.lang in ("fr", "en") else "fr"), severity="warning")
            return None
        except SessionError as exc:
            self.notify(str(exc.message_fr if app.lang != "en" else exc.message_en), severity="error", timeout=30)
            return None
        ended_title = self.query_one("#contact-title", Static).render()
        self.refresh_from_engine()
        if outcome.feedback is not None:
            app.push_screen(FeedbackScreen(str(ended_title).split(" · ")[0], outcome.feedback))
        return outcome

    @on(OptionList.OptionSelected, "#queue")
    def _take_chosen(self, event: OptionList.OptionSelected) -> None:
        self.perform(Take(contact=str(event.option.id)))

    @on(OptionList.OptionSelected, "#replies")
    def _reply_chosen(self, event: OptionList.OptionSelected) -> None:
        self.perform(Choose(reply=str(event.option.id)))

    @on(Input.Submitted, "#say")
    def _said(self, event: Input.Submitted) -> None:
        if event.value.strip():
            if self.perform(Say(text=event.value.strip())) is not None:
                event.input.value = ""

    @on(ToolPanel.Run)
    def _tool(self, event: ToolPanel.Run) -> None:
        outcome = self.perform(event.action)
        if outcome is not None and outcome.result is not None:
            panel = self.query_one(f"#tool-{event.action.tool} ToolPanel", ToolPanel)
            error = panel.show_result(outcome.result, self.app.lang)
            if error:
                self.notify(error, severity="warning")
            if event.action.tool == "directory":
                self.chosen_service = ""

    def action_take(self) -> None:
        queue = self.query_one(QueueList)
        waiting = [o for o in queue.options if not o.disabled]
        if queue.highlighted is not None and not queue.get_option_at_index(queue.highlighted).disabled:
            self.perform(Take(contact=str(queue.get_option_at_index(queue.highlighted).id)))
        elif waiting:
            self.perform(Take(contact=str(waiting[0].id)))
        else:
            self.notify(self.app.t("No contact is waiting."))

    def action_choose(self, number: int) -> None:
        view = self.app.session.active_view()
        if view is not None and view.replies and not isinstance(self.focused, Input) and number <= len(view.replies):
            self.perform(Choose(reply=view.replies[number - 1][0]))

    def action_next(self) -> None:
        self.perform(Continue())

    def action_hold(self) -> None:
        view = self.app.session.active_view()
        self.perform(Resume() if view is not None and view.on_hold else Hold())

    def action_hang_up(self) -> None:
        self.perform(HangUp())

    def action_transfer(self) -> None:
        def chosen(service: str | None) -> None:
            if service:
                self.perform(Transfer(service=service))
        self.app.push_screen(TransferScreen(self.chosen_service), chosen)

    def action_wrap_up(self) -> None:
        view = self.app.session.active_view()
        if view is None or view.phase != "wrap_up":
            self.notify(self.app.t("The wrap-up comes after the call has ended (F8)."))
            return

        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self.perform(WrapUp(outcome=result[0], note=result[1]))
        self.app.push_screen(WrapUpScreen(view), done)

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    def action_focus_tools(self) -> None:
        panes = self.query(ToolPanel)
        if panes:
            self.query_one("#tools", TabbedContent).focus()

    def action_focus_replies(self) -> None:
        self.query_one(ReplyList).focus()
