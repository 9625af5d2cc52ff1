"""Sign-in: the assessor's name and passphrase (masked); a refusal is shown and the screen stays."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import getters, on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Label, Static

from simulator.tui.key_bar import KeyBar

if TYPE_CHECKING:
    from simulator.review.app import ReviewApp


class SignInScreen(Screen):
    """Asks the app to sign the assessor in; the desk decides."""

    if TYPE_CHECKING:
        app = getters.app(ReviewApp)

    AUTO_FOCUS = "#assessor"

    def compose(self) -> ComposeResult:
        t = self.app.t
        with VerticalScroll(id="signin"):
            yield Static(t("callsim — review of the épreuves"), id="signin-title")
            yield Static(t("Sign in with your assessor account."), id="signin-intro")
            with Horizontal(classes="signin-row"):
                yield Label(t("Assessor"), classes="signin-label")
                yield Input(id="assessor", compact=True)
            with Horizontal(classes="signin-row"):
                yield Label(t("Passphrase"), classes="signin-label")
                yield Input(id="passphrase", password=True, compact=True)
            yield Button(t("Sign in (Enter)"), id="signin-button", variant="primary", compact=True)
            no_account = t(
                "There is no assessor account in this store yet: an administrator registers one with "
                "« callsim assessor add NAME --admin ADMIN »."
            )
            yield Static(self._store_state(no_account), id="signin-error", classes="refusal")
        yield KeyBar()

    def _store_state(self, no_account: str) -> str:
        """``""``, the hint when nobody is registered, or why the store cannot be read (it did not verify)."""
        from scoring.assessment.model import AssessmentError

        try:
            return "" if self.app.desk.assessor_names() else no_account
        except AssessmentError as error:
            return error.message(self.app.lang)

    @on(Input.Submitted, "#assessor")
    def _to_passphrase(self) -> None:
        self.query_one("#passphrase", Input).focus()

    @on(Input.Submitted, "#passphrase")
    @on(Button.Pressed, "#signin-button")
    def _sign_in(self) -> None:
        name = self.query_one("#assessor", Input).value.strip()
        passphrase = self.query_one("#passphrase", Input)
        refusal = self.app.sign_in(name, passphrase.value)
        if refusal:
            self.refused(refusal)

    def refused(self, refusal: str) -> None:
        """Say why the sign-in was refused; the passphrase is typed again."""
        passphrase = self.query_one("#passphrase", Input)
        passphrase.value = ""
        self.query_one("#signin-error", Static).update(refusal)
        (
            passphrase
            if self.query_one("#assessor", Input).value.strip()
            else self.query_one("#assessor", Input)
        ).focus()
