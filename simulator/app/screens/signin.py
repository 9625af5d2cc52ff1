"""Sign-in: the candidate's id, the language, and how the épreuve works before it starts."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Select, Static

from simulator.app.bindings import translate_bindings
from simulator.app.i18n import LANGUAGES, N_
from simulator.app.widgets.key_bar import KeyBar

_LANGUAGE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}


class SignInScreen(Screen):
    """Collects the candidate id and language, then asks the app to open the seat."""

    AUTO_FOCUS = "#candidate"
    BINDINGS = [Binding("f10", "start", N_("Start"), show=True)]

    def compose(self) -> ComposeResult:
        translate_bindings(self, self.app.t)
        app = self.app
        t = app.t
        with VerticalScroll(id="signin"):
            yield Static(t("callsim — Call centre operator épreuve"), id="signin-title")
            yield Static(app.epreuve_title(), id="signin-epreuve")
            with Horizontal(classes="signin-row"):
                yield Label(t("Candidate number"), classes="signin-label")
                yield Input(value=app.request.candidate_id, id="candidate", placeholder=t("e.g. C-0421"), compact=True)
            with Horizontal(classes="signin-row"):
                yield Label(t("Language"), classes="signin-label")
                yield Select([(_LANGUAGE_NAMES[code], code) for code in LANGUAGES], value=app.lang,
                             allow_blank=False, id="language", compact=True)
            yield Button(t("Start the épreuve (Enter)"), id="start", variant="primary", compact=True)
            with Vertical(id="how-it-works"):
                yield Static(t("How the épreuve works"), classes="heading")
                yield Static(t(app.briefing_key()), id="rules")
                yield Static(t("KEYS_HELP"), id="keys")
        yield KeyBar()

    def on_mount(self) -> None:
        self.call_after_refresh(self.app.start_loading)  # the épreuve loads once this screen is painted

    def on_bundle_ready(self) -> None:
        self.query_one("#signin-epreuve", Static).update(self.app.epreuve_title())
        for rules in self.query("#rules").results(Static):
            rules.update(self.app.t(self.app.briefing_key()))

    @on(Select.Changed, "#language")
    def _language(self, event: Select.Changed) -> None:
        self.app.change_language(str(event.value), self.query_one("#candidate", Input).value.strip())

    @on(Input.Submitted, "#candidate")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        candidate = self.query_one("#candidate", Input).value.strip()
        if not candidate:
            self.notify(self.app.t("Type your candidate number first."), severity="warning")
            self.query_one("#candidate", Input).focus()
            return
        self.app.open_seat(candidate)
