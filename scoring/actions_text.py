"""What the candidate did in one journal event, as facts (``describe_event``) and as words (``action_text``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: Longest quoted text kept in a description or an excerpt line.
MAX_TEXT = 400
_MAX_ARG = 80

_TOOLS = {
    "customer_db": ("fichier clients", "customer database"),
    "documentation": ("documentation", "documentation"),
    "directory": ("annuaire", "directory"),
    "agenda": ("agenda", "calendar"),
    "forms": ("formulaires", "forms"),
    "mail": ("messagerie", "mail"),
}

_SIMPLE = {
    "hang_up": ("A raccroché", "Hung up"),
    "hold": ("A mis en attente", "Put on hold"),
    "resume": ("A repris l'appel", "Resumed the call"),
    "continue": ("A poursuivi", "Went on"),
    "time_up": (
        "Temps écoulé : le contact est jugé en l'état",
        "Time ran out: the contact is judged as it stands",
    ),
}


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis."""
    if (
        len(text) <= limit
        and "\n" not in text
        and "  " not in text
        and "\t" not in text
        and "\r" not in text
    ):
        return text.strip()
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def describe_event(event_type: str, payload: Mapping[str, Any]) -> dict[str, str]:
    """Language-neutral facts about what the candidate did: ``{"kind", …}`` (a small dict of strings)."""
    if event_type != "action":
        return {"kind": event_type}
    action = payload.get("action") or {}
    kind = str(action.get("kind", "?"))
    if kind in ("choose", "say"):  # the words are the agent's line of the excerpt
        return {"kind": kind}
    if kind == "tool":
        return {
            "kind": kind,
            "tool": str(action.get("tool", "?")),
            "op": str(action.get("op", "?")),
            "args": _args(action.get("args") or {}),
        }
    if kind == "wrap_up":
        return {
            "kind": kind,
            "outcome": str(action.get("outcome") or "—"),
            "text": clip(str(action.get("note", ""))),
        }
    if kind == "transfer":
        return {"kind": kind, "service": str(action.get("service", "?"))}
    if kind == "take":
        return {"kind": kind, "contact": str(action.get("contact", "?"))}
    return {"kind": kind}


def action_text(action: Mapping[str, str], lang: str = "fr") -> str:
    """One sentence in ``lang`` (fr or en) for the facts ``describe_event`` gave."""
    fr = lang != "en"
    kind = action.get("kind", "?")
    text = action.get("text", "")
    if kind == "choose":
        return ("Réponse choisie" if fr else "Chose a reply") + (
            f" : « {text} »" if fr and text else f": “{text}”" if text else ""
        )
    if kind == "say":
        return ("Réponse tapée" if fr else "Typed an answer") + (
            f" : « {text} »" if fr and text else f": “{text}”" if text else ""
        )
    if kind == "tool":
        name_fr, name_en = _TOOLS.get(action.get("tool", ""), (action.get("tool", "?"),) * 2)
        args = f" ({action['args']})" if action.get("args") else ""
        return (
            f"Outil {name_fr} : {action.get('op')}{args}"
            if fr
            else f"Tool {name_en}: {action.get('op')}{args}"
        )
    if kind == "wrap_up":
        note = text or "—"
        return (
            f"Clôture : code « {action.get('outcome')} », note « {note} »"
            if fr
            else f"Wrap-up: code “{action.get('outcome')}”, note “{note}”"
        )
    if kind == "transfer":
        return (
            f"A transféré l'appel vers « {action.get('service')} »"
            if fr
            else f"Transferred the call to “{action.get('service')}”"
        )
    if kind == "take":
        return (
            f"A pris le contact « {action.get('contact')} »"
            if fr
            else f"Took the contact “{action.get('contact')}”"
        )
    pair = _SIMPLE.get(kind)
    return (pair[0] if fr else pair[1]) if pair else kind


def _args(args: Mapping[str, Any]) -> str:
    return ", ".join(f"{key}={clip(_plain(value), _MAX_ARG)}" for key, value in args.items())


def _plain(value: Any) -> str:
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
