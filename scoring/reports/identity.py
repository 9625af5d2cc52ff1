"""The identity lines of a grille: who, which épreuve, when, with which versions, and what interrupted it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from scoring.reports.words import words


def identity(grille: Mapping[str, Any], lang: str) -> list[tuple[str, str]]:
    """(label, value) pairs: who, which épreuve, when, with which versions."""
    w = words(lang)
    s, rubric, journal = grille["session"], grille["rubric"], grille["journal"]
    mode = w.get(f"mode_{s['mode']}", s["mode"])
    ended = w.get(s.get("ended_reason") or "unfinished", s.get("ended_reason") or "")
    if s.get("ended_at"):
        ended = f"{ended} — {s['ended_at'][:16].replace('T', ' ')}"
    source = w.get(f"source_{grille['evidence_source']}", grille["evidence_source"])
    replay = grille.get("replay")
    if replay and replay.get("scenario_files") == "changed":
        source += f" ({w['scenario_files']} {w['changed']})"
    scenarios = ", ".join(
        f"{sc['id']}{' ' + sc['version'] if sc.get('version') else ''} [{sc['sha256'][:8]}]"
        for sc in grille.get("scenarios", ())
    )
    versions = (
        f"{w['app']} {s['app_version']} · {w['rubric']} {rubric['id']} {rubric['version']} "
        f"[{rubric['sha256'][:8]}] · {w['referentiel']} {grille['referentiel']['version']}"
    )
    journal_line = (
        f"{journal['events']} {w['events']} · {w['head']} {journal['head'][:16]} · {source}"
    )
    return [
        (w["candidate"], s["candidate_id"]),
        (w["session"], f"{s['id']} (seed {s['seed']}, {s['language']})"),
        (
            w["epreuve"],
            f"{s['epreuve_id']} {s.get('epreuve_version', '')} — {mode} [{s['epreuve_hash'][:8]}]",
        ),
        (w["date"], s["created_at"][:16].replace("T", " ")),
        (w["ended"], ended),
        (w["versions"], versions),
        (w["scenarios"], scenarios),
        *_variants(s.get("variants"), w),
        (w["journal"], journal_line),
        (w["receipt"], _receipt(journal["head"])),
        *_interruptions(s.get("interruptions") or (), w),
        *_invigilator(s.get("invigilator") or (), w),
    ]


def _variants(drawn: Any, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """The form each scenario with variants took for this candidate (none: no line at all)."""
    if not drawn:
        return []
    forms = "; ".join(
        f"{sid} : " + ", ".join(f"{dim}={alt}" for dim, alt in combo.items())
        for sid, combo in drawn.items()
    )
    return [(w["variants"], forms)]


def _receipt(head: str) -> str:
    """The receipt code of the journal head the grille was computed from (as on the attendance sheet)."""
    from simulator.journal.receipt import code_of

    return code_of(head)


def _interruptions(stops: Any, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """One line listing every interruption and its length (none when the épreuve ran in one go)."""
    if not stops:
        return []
    parts = [
        w["interruption"].format(
            stopped=stop["stopped_at"][11:19],
            resumed=stop["resumed_at"][11:19],
            seconds=round(stop["seconds"]),
            cause=f", {_cause(stop['cause'], w)}",
        )
        for stop in stops
    ]
    return [(w["interruptions"], f"{len(stops)} — " + " · ".join(parts))]


def _invigilator(acts: Any, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """One line listing the invigilator's pauses of the clock and extensions of time (none when there were none)."""
    parts = []
    for act in acts:
        if act["kind"] == "extension":
            parts.append(
                w["extension"].format(
                    minutes=act["minutes"], at=act["at"][11:19], reason=act["reason"]
                )
            )
        elif act["resumed_at"] is None:
            parts.append(
                w["pause_open"].format(paused=act["paused_at"][11:19], reason=act["reason"])
            )
        else:
            parts.append(
                w["pause"].format(
                    paused=act["paused_at"][11:19],
                    resumed=act["resumed_at"][11:19],
                    seconds=round(act["seconds"]),
                    reason=act["reason"],
                )
            )
    return [(w["invigilator"], " · ".join(parts))] if parts else []


def _cause(cause: str, w: Mapping[str, str]) -> str:
    """A signal's name as journalled (SIGTERM, SIGHUP…), the invigilator's closing, or no signal at all."""
    return w.get(f"cause_{cause}", cause) if cause else w["no_cause"]
