"""What the assessors' commands print: their sentences in French and English, and the audit and sessions tables."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.console import Console
from rich.table import Table

from scoring.assessment.model import OVERRIDE, STATUS_LABELS, AuditEntry, SessionReview
from scoring.reports.view import verdict_word

#: The commands' sentences, by language (``str.format`` templates).
TEXT: dict[str, dict[str, Any]] = {
    "fr": {
        "error": "Erreur : {}", "no_store": "journal introuvable : {} (simulez ou passez une épreuve d'abord).",
        "no_admin_store": "magasin introuvable : {} (créez-le avec « callsim store init ADMIN »).",
        "prompt": "Phrase secrète de {} : ", "admin_prompt": "Phrase secrète de l'administrateur {} : ",
        "removed": "Évaluateur retiré : {} (ses signatures passées restent vérifiables).",
        "broken_grille": "ÉCHEC : chaîne des grilles rompue à la grille n° {seq}.", "again": "Une deuxième fois, pour confirmer : ",
        "mismatch": "les deux saisies de la phrase secrète diffèrent ; rien n'est créé.",
        "unread": "phrase secrète non lue (utilisez --passphrase-stdin ou la variable {}).",
        "added": "Évaluateur enregistré : {}.", "none": "Aucun compte d'évaluateur : créez-en un avec callsim assessor add NOM.",
        "override": "Dérogation enregistrée (audit n° {seq}) : {session} {code} {previous} → {verdict} "
                    "(verdict automatique : {automatic}), par {who}.",
        "review": "Session {session} marquée comme revue par {who} (audit n° {seq}).",
        "sign": "Session {session} signée par {who} (audit n° {seq}).",
        "reopen": "Session {session} rouverte par {who} (audit n° {seq}) : {reason}",
        "confirm_text": "Texte tapé de l'événement {event} ({rule}) tranché : {met}, par {who} (audit n° {seq}).",
        "met": "satisfait", "not_met": "non satisfait",
        "intact": "OK : chaîne d'audit intacte ({count} {entries}).", "entry": "entrée", "entries_word": "entrées",
        "broken": "ÉCHEC : chaîne d'audit rompue à l'entrée n° {seq}.", "no_entries": "Aucune entrée d'audit.",
        "no_sessions": "Aucune session ne correspond.",
        "audit_columns": ("n°", "Quand", "Qui", "Session", "Quoi", "Pourquoi"),
        "sessions_columns": ("Session", "Candidat·e", "Épreuve", "Date", "Statut", "Verdict auto / final", "Dérogations"),
        "did": {"assessor_added": "compte créé", "admin_added": "administrateur créé",
                "assessor_removed": "compte retiré", "store_migrated": "magasin scellé (migration)",
                "centre_seal": "sceau du centre", "review": "marquée revue", "sign": "signée", "reopen": "rouverte",
                "override": "dérogation {code} : {previous} → {verdict}", "confirm_text": "texte tapé tranché"},
    },
    "en": {
        "error": "Error: {}", "no_store": "journal not found: {} (simulate or sit an épreuve first).",
        "no_admin_store": "store not found: {} (create it with « callsim store init ADMIN »).",
        "prompt": "Passphrase of {}: ", "admin_prompt": "Passphrase of the administrator {}: ",
        "removed": "Assessor removed: {} (their past signatures stay verifiable).",
        "broken_grille": "FAILED: grilles chain broken at grille #{seq}.", "again": "Once more, to confirm: ",
        "mismatch": "the two passphrases differ; nothing is created.",
        "unread": "passphrase not read (use --passphrase-stdin or the {} variable).",
        "added": "Assessor registered: {}.", "none": "No assessor account: create one with callsim assessor add NAME.",
        "override": "Override recorded (audit #{seq}): {session} {code} {previous} → {verdict} "
                    "(automatic verdict: {automatic}), by {who}.",
        "review": "Session {session} marked reviewed by {who} (audit #{seq}).",
        "sign": "Session {session} signed by {who} (audit #{seq}).",
        "reopen": "Session {session} re-opened by {who} (audit #{seq}): {reason}",
        "confirm_text": "Typed text of event {event} ({rule}) decided: {met}, by {who} (audit #{seq}).",
        "met": "met", "not_met": "not met",
        "intact": "OK: audit chain intact ({count} {entries}).", "entry": "entry", "entries_word": "entries",
        "broken": "FAILED: audit chain broken at entry #{seq}.", "no_entries": "No audit entry.",
        "no_sessions": "No session matches.",
        "audit_columns": ("#", "When", "Who", "Session", "What", "Why"),
        "sessions_columns": ("Session", "Candidate", "Épreuve", "Date", "Status", "Verdict auto / final", "Overrides"),
        "did": {"assessor_added": "account created", "admin_added": "administrator created",
                "assessor_removed": "account removed", "store_migrated": "store sealed (migration)",
                "centre_seal": "centre seal", "review": "marked reviewed", "sign": "signed", "reopen": "re-opened",
                "override": "override {code}: {previous} → {verdict}", "confirm_text": "typed text decided"},
    },
}


#: Width of the tables when the output is not a terminal (a file, a pipe): whole lines, same bytes every run.
PIPE_WIDTH = 160


def console() -> Console:
    """Standard output; a terminal's own width, else ``PIPE_WIDTH``."""
    screen = Console(highlight=False)
    return screen if screen.is_terminal else Console(highlight=False, width=PIPE_WIDTH)


def audit_table(entries: Iterable[AuditEntry], text: dict[str, Any], lang: str, *, with_session: bool) -> Table:
    """One row per entry: seq, when, who, (session,) what was done, why."""
    seq, when, who, session, what, why = text["audit_columns"]
    table = Table()
    table.add_column(seq, justify="right")
    table.add_column(when, no_wrap=True)
    table.add_column(who)
    if with_session:
        table.add_column(session, no_wrap=True)
    table.add_column(what)
    table.add_column(why)
    for entry in entries:
        cells = [str(entry.seq), moment(entry.at), entry.assessor]
        if with_session:
            cells.append(entry.session_id or "—")
        cells += [did(entry, text, lang), str(entry.payload.get("reason", ""))]
        table.add_row(*cells)
    return table


def did(entry: AuditEntry, text: dict[str, Any], lang: str) -> str:
    """What an audit entry records, in a few words."""
    template = text["did"].get(entry.action, entry.action)
    if entry.action != OVERRIDE:
        return template
    payload = entry.payload
    return template.format(code=payload.get("competency", "?"), previous=verdict_word(str(payload.get("previous")), lang),
                           verdict=verdict_word(str(payload.get("verdict")), lang))


def sessions_table(reviews: Iterable[SessionReview], text: dict[str, Any], lang: str) -> Table:
    """One row per session: id, candidate, épreuve, date, status, épreuve verdict automatic / final, overrides."""
    table = Table()
    for index, heading in enumerate(text["sessions_columns"]):
        table.add_column(heading, no_wrap=index in (0, 3), justify="right" if index == 6 else "left")
    for review in reviews:
        verdicts = "—" if review.grille is None else (
            f"{verdict_word(review.automatic_verdict(), lang)} / {verdict_word(review.final_verdict(), lang)}")
        table.add_row(review.session_id, review.candidate_id, review.epreuve_id, review.created_at[:10],
                      STATUS_LABELS[lang][review.status], verdicts, str(len(review.overrides)))
    return table


def moment(at: str) -> str:
    """``2026-01-06T10:00:00.000`` → ``2026-01-06 10:00:00``."""
    return at[:19].replace("T", " ")
