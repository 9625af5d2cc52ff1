"""Key labels in the interface's language, looked up when they are drawn.

Bindings are declared with English descriptions (``N_("Hang up")``), the catalogs' message ids;
nothing rewrites them. Whatever draws a key (the key bar) asks ``key_label`` at draw time with
the app, whose ``t`` speaks the language chosen at sign-in.
"""

from __future__ import annotations

from textual.app import App

from simulator.app.i18n import N_

#: Labels Textual's own widgets show in the key bar (the key that closes an open dropdown list).
FRAMEWORK_KEY_LABELS = (N_("Dismiss menu"),)


def key_label(description: str, app: App) -> str:
    """``description`` (a message id) in the app's language; the id itself when the app has no catalog."""
    translate = getattr(app, "t", None)
    return translate(description) if description and callable(translate) else description
