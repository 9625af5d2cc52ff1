"""Key labels in the interface's language, looked up when they are drawn.

Bindings are declared with English descriptions (``N_("Hang up")``), the catalogs' message ids;
nothing rewrites them. Whatever draws a key (the key bar) asks ``key_label`` and ``key_name`` at
draw time with the app, whose ``t`` speaks the language chosen at sign-in.
"""

from __future__ import annotations

from textual.app import App

from simulator.i18n import N_

#: Labels Textual's own widgets show in the key bar (the key that closes an open dropdown list).
FRAMEWORK_KEY_LABELS = (N_("Dismiss menu"),)
#: Keys named as on the candidate's keyboard (« Échap », « Entrée », « Maj »); F-keys and letters as printed.
KEY_NAMES = {
    "escape": N_("Esc"),
    "enter": N_("Enter"),
    "space": N_("Space"),
    "shift": N_("Shift"),
    "ctrl": "Ctrl",
    "alt": "Alt",
    "tab": "Tab",
    "backspace": "⌫",
    "delete": N_("Del"),
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "pageup": N_("PgUp"),
    "pagedown": N_("PgDn"),
    "home": N_("Home"),
    "end": N_("End"),
}


def key_name(key: str, app: App) -> str:
    """``ctrl+q`` as ``Ctrl+Q``, ``escape`` as « Échap » in French: the key as the help text names it."""
    parts, combined = [], "+" in key
    for part in key.split("+"):
        if part in KEY_NAMES:
            parts.append(key_label(KEY_NAMES[part], app))
        elif (part[:1] == "f" and part[1:].isdigit()) or (combined and len(part) == 1):
            parts.append(part.upper())  # F7; Ctrl+Q (a letter alone stays as typed: « b »)
        else:
            parts.append(part)
    return "+".join(parts)


def key_label(description: str, app: App) -> str:
    """``description`` (a message id) in the app's language; the id itself when the app has no catalog."""
    translate = getattr(app, "t", None)
    return translate(description) if description and callable(translate) else description
