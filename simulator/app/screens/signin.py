"""Sign-in: the candidate's id, the language, and how the épreuve works before it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Input, Static

from simulator.app.i18n import N_
from simulator.app.widgets.language_chooser import LanguageChooser
from simulator.tui.key_bar import KeyBar
from simulator.tui.plain_button import PlainButton

if TYPE_CHECKING:
    from simulator.app.app import CallsimApp

_LANGUAGE_NAMES = {"fr": "Français", "nl": "Nederlands", "en": "English"}


class SignInScreen(Screen):
    """Collects the candidate id and language, then asks the app to open the seat.

    The screen is small on purpose (one text for the header, one for the briefing, one widget for
    the language, a light button): it is the first thing the candidate sees and must appear at once.
    """

    if TYPE_CHECKING:
        app = getters.app(CallsimApp)

    AUTO_FOCUS = "#candidate"
    BINDINGS = [Binding("f10", "start", N_("Start"), show=True)]

    def __init__(self) -> None:
        super().__init__()
        if isinstance(
            self.app.focused, LanguageChooser
        ):  # made to show another language: keep choosing
            self.AUTO_FOCUS = "#language"  # type: ignore[misc]  # Textual reads it from the screen instance
        elif self.app.candidate_fixed:  # the number was given on the command line: nothing to type
            self.AUTO_FOCUS = "#start"  # type: ignore[misc]  # chosen per screen, read from the instance

    def compose(self) -> ComposeResult:
        app = self.app
        t = app.t
        with VerticalScroll(id="signin"):
            yield Static(self._header(), id="signin-header")
            with Horizontal(classes="signin-row"):
                yield Static(t("Candidate number"), classes="signin-label")
                if app.candidate_fixed:  # given on the command line: shown, not editable
                    yield Static(escape(app.request.candidate_id), id="candidate-fixed")
                else:
                    yield Input(
                        value=app.request.candidate_id,
                        id="candidate",
                        placeholder=t("e.g. C-0421"),
                        compact=True,
                    )
            with Horizontal(classes="signin-row"):
                yield Static(t("Language"), classes="signin-label")
                yield LanguageChooser(
                    [(_LANGUAGE_NAMES[code], code) for code in app.offered_languages()],
                    app.lang,
                    id="language",
                )
            yield PlainButton(t("Start the épreuve (Enter)"), id="start")
            yield Static(self._briefing(), id="how-it-works")
        yield KeyBar()

    def _header(self) -> str:
        title = self.app.t("callsim — Call centre operator épreuve")
        return f"[b $accent]{escape(title)}[/]\n{escape(self.app.epreuve_title())}"

    def _briefing(self) -> str:
        t = self.app.t
        heading, rules, keys = (
            t("How the épreuve works"),
            t(self.app.briefing_key()),
            t("KEYS_HELP"),
        )
        return f"[b $accent]{escape(heading)}[/]\n\n{rules}\n\n{keys}"

    def on_mount(self) -> None:
        self.call_after_refresh(
            self.app.start_loading
        )  # the épreuve loads once this screen is painted

    def on_bundle_ready(self) -> None:
        self.query_one("#signin-header", Static).update(self._header())
        self.query_one("#how-it-works", Static).update(self._briefing())

    def candidate_number(self) -> str:
        """The number typed so far (or given on the command line, which cannot be changed here)."""
        if self.app.candidate_fixed:
            return self.app.request.candidate_id
        return self.query_one("#candidate", Input).value.strip()

    @on(LanguageChooser.Changed, "#language")
    def _language(self, event: LanguageChooser.Changed) -> None:
        self.app.change_language(event.value, self.candidate_number())

    @on(Input.Submitted, "#candidate")
    @on(LanguageChooser.Submitted, "#language")
    @on(PlainButton.Pressed, "#start")
    def action_start(self) -> None:
        candidate = self.candidate_number()
        if not candidate:
            self.notify(self.app.t("Type your candidate number first."), severity="warning")
            self.query_one("#candidate", Input).focus()
            return
        self.app.open_seat(candidate)
