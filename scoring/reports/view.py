"""A grille made easy to render: labels from the référentiel, evidence joined to its moment, words per language."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scoring.actions_text import action_text
from scoring.reports.criteria_view import CriterionRow, criteria_rows, evidence_note, kind_word

VERDICT_WORDS = {
    "fr": {"ok": "OK", "nok": "NOK", "not_observed": "NON OBSERVÉ"},
    "en": {"ok": "OK", "nok": "NOK", "not_observed": "NOT OBSERVED"},
}

WORDS = {
    "fr": {
        "title": "Grille d'évaluation", "standard": "Titre de compétence « Opérateur call center »",
        "candidate": "Candidat·e", "session": "Session", "epreuve": "Épreuve", "date": "Date de l'épreuve",
        "ended": "Fin de l'épreuve", "versions": "Versions", "journal": "Journal", "verdict": "Résultat de l'épreuve",
        "code": "Code", "competency": "Compétence", "reason": "Motif", "positive": "+", "negative": "−",
        "critical": "critiques", "evidence": "Preuves", "effect": "Effet", "seq": "n°", "time": "Heure", "contact": "Contact",
        "did": "Ce que le/la candidat·e a fait", "rule": "Règle", "why": "Constat", "no_evidence": "Aucune observation.",
        "completed": "terminée", "time_up": "temps écoulé", "unfinished": "non terminée", "mode_exam": "examen",
        "mode_practice": "entraînement", "events": "événements", "head": "empreinte finale",
        "rubric": "grille de notation", "referentiel": "référentiel", "app": "callsim",
        "source_journal": "preuves lues dans le journal", "source_replay": "preuves recalculées par rejeu",
        "positive_word": "positive", "negative_word": "négative", "critical_word": "critique",
        "assessor": "Évaluateur·rice", "jury": "Président·e du jury", "name": "Nom", "signature": "Signature",
        "signed_date": "Date", "verdicts_legend": "OK : compétence démontrée · NOK : non démontrée · NON OBSERVÉ : "
        "trop peu d'observations — à trancher par un évaluateur, jamais un OK implicite.",
        "receipt": "Reçu", "rubric_rule": "Règle appliquée", "annex": "Annexe — les preuves, compétence par compétence",
        "page": "page", "of": "sur", "scenario_files": "fichiers de scénario", "changed": "modifiés depuis la session",
        "counts": "{ok} OK · {nok} NOK · {not_observed} non observée(s)",
        "interruptions": "Interruptions", "interruption": "arrêt {stopped} → reprise {resumed} ({seconds} s{cause})",
        "no_cause": "sans signal", "cause_invigilator": "fermée par le surveillant",
        "cause_connection": "onglet fermé ou connexion perdue",
        "invigilator": "Surveillant", "pause": "horloge en pause {paused} → {resumed} ({seconds} s, {reason})",
        "pause_open": "horloge en pause depuis {paused} ({reason})", "extension": "+{minutes} min à {at} ({reason})",
        "criteria": "Critères", "criterion": "Critère", "kind": "Type", "per_contact": "Par contact",
        "to_confirm": "{n} texte(s) tapé(s) à confirmer, non compté(s)",
    },
    "en": {
        "title": "Assessment grid", "standard": "« Opérateur call center » competency standard",
        "candidate": "Candidate", "session": "Session", "epreuve": "Épreuve", "date": "Date of the épreuve",
        "ended": "End of the épreuve", "versions": "Versions", "journal": "Journal", "verdict": "Result of the épreuve",
        "code": "Code", "competency": "Competency", "reason": "Reason", "positive": "+", "negative": "−",
        "critical": "critical", "evidence": "Evidence", "effect": "Effect", "seq": "#", "time": "Time", "contact": "Contact",
        "did": "What the candidate did", "rule": "Rule", "why": "Finding", "no_evidence": "No observation.",
        "completed": "completed", "time_up": "time ran out", "unfinished": "not finished", "mode_exam": "exam",
        "mode_practice": "practice", "events": "events", "head": "head hash",
        "rubric": "rubric", "referentiel": "référentiel", "app": "callsim",
        "source_journal": "evidence read from the journal", "source_replay": "evidence re-derived by replay",
        "positive_word": "positive", "negative_word": "negative", "critical_word": "critical",
        "assessor": "Assessor", "jury": "Chair of the jury", "name": "Name", "signature": "Signature",
        "signed_date": "Date", "verdicts_legend": "OK: competency shown · NOK: not shown · NOT OBSERVED: too few "
        "observations — an assessor must decide, never an implicit OK.",
        "receipt": "Receipt", "rubric_rule": "Rule applied", "annex": "Annex — the evidence, competency by competency",
        "page": "page", "of": "of", "scenario_files": "scenario files", "changed": "changed since the session",
        "counts": "{ok} OK · {nok} NOK · {not_observed} not observed",
        "interruptions": "Interruptions", "interruption": "stopped {stopped} → resumed {resumed} ({seconds} s{cause})",
        "no_cause": "no signal", "cause_invigilator": "closed by the invigilator",
        "cause_connection": "tab closed or connection lost",
        "invigilator": "Invigilator", "pause": "clock paused {paused} → {resumed} ({seconds} s, {reason})",
        "pause_open": "clock paused since {paused} ({reason})", "extension": "+{minutes} min at {at} ({reason})",
        "criteria": "Criteria", "criterion": "Criterion", "kind": "Kind", "per_contact": "Per contact",
        "to_confirm": "{n} typed text(s) to confirm, not counted",
    },
}


def words(lang: str) -> dict[str, str]:
    return WORDS["en" if lang == "en" else "fr"]


def verdict_word(verdict: str, lang: str) -> str:
    return VERDICT_WORDS["en" if lang == "en" else "fr"].get(verdict, verdict)


def localised(texts: Mapping[str, str] | None, lang: str) -> str:
    if not texts:
        return ""
    return texts.get(lang) or texts.get("fr") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class EvidenceRow:
    """One observation with its moment, in one language."""

    seq: int
    at: str
    time: str
    contact: str
    effect: str
    critical: bool
    rule: str
    explanation: str
    detail: str
    did: str
    excerpt: tuple[tuple[str, str], ...]
    #: Why it did not count as usual under rubric 2 (a duplicate, a contact cut short, to confirm), else "".
    note: str = ""
    kind: str = ""


@dataclass(frozen=True)
class CompetencyRow:
    code: str
    label: str
    verdict: str
    verdict_word: str
    positive: int
    negative: int
    critical: int
    reason: str
    rule: Mapping[str, Any]
    evidence: tuple[EvidenceRow, ...]
    #: Rubric 2: the criteria with their kind and, per contact, met / not met / not observed.
    criteria: tuple[CriterionRow, ...] = ()


@dataclass(frozen=True)
class ActivityRow:
    code: str
    label: str
    verdict: str
    verdict_word: str
    counts: Mapping[str, int]
    competencies: tuple[CompetencyRow, ...]


SPEAKERS = {
    "fr": {"customer": "Client·e", "agent": "Candidat·e", "supervisor": "Superviseur·e", "system": "Système"},
    "en": {"customer": "Customer", "agent": "Candidate", "supervisor": "Supervisor", "system": "System"},
}


def activities(grille: Mapping[str, Any], lang: str) -> list[ActivityRow]:
    """The three key activities with their competencies, labels in ``lang``, evidence joined to moments."""
    from simulator.referentiel import get_referentiel

    referentiel = get_referentiel()
    label_lang = lang if lang in ("fr", "en", "nl") else "fr"
    moments = {m["seq"]: m for m in grille.get("moments", ())}
    speakers = SPEAKERS["en" if lang == "en" else "fr"]
    rows = []
    for activity in grille["activities"]:
        competencies = []
        for item in (c for c in grille["competencies"] if c["activity"] == activity["code"]):
            evidence = []
            for entry in item["evidence"]:
                moment = moments.get(entry["seq"], {})
                evidence.append(EvidenceRow(
                    seq=entry["seq"], at=moment.get("at", ""), time=moment.get("at", "")[11:19],
                    contact=entry["contact"], effect=entry["effect"], critical=entry["critical"], rule=entry["rule"],
                    explanation=localised(entry.get("explanation"), lang), detail=localised(entry.get("detail"), lang),
                    did=_did(moment.get("action", {"kind": "?"}), lang),
                    excerpt=tuple((speakers.get(speaker, speaker), text) for speaker, text in moment.get("excerpt", ())),
                    note=evidence_note(entry, lang), kind=kind_word(entry["kind"], lang) if entry.get("kind") else "",
                ))
            competencies.append(CompetencyRow(
                code=item["code"], label=referentiel.competency(item["code"]).label(label_lang),
                verdict=item["verdict"], verdict_word=verdict_word(item["verdict"], lang),
                positive=item["positive"], negative=item["negative"], critical=item["critical"],
                reason=_reason(item, lang), rule=item["rule"], evidence=tuple(evidence),
                criteria=criteria_rows(item, lang)))
        rows.append(ActivityRow(activity["code"], referentiel.activity(activity["code"]).label(label_lang),
                                activity["verdict"], verdict_word(activity["verdict"], lang), activity["counts"],
                                tuple(competencies)))
    return rows


def _reason(item: Mapping[str, Any], lang: str) -> str:
    """Why the scorer decided so, and how many typed texts still wait for an assessor."""
    reason = localised(item["reason"], lang)
    if item.get("to_confirm"):
        reason += " · " + words(lang)["to_confirm"].format(n=item["to_confirm"])
    return reason


_SHOWN_IN_EXCERPT = {
    "choose": ("Réponse choisie (voir l'extrait)", "Chose a reply (see the excerpt)"),
    "say": ("Réponse tapée (voir l'extrait)", "Typed an answer (see the excerpt)"),
}


def _did(action: Mapping[str, str], lang: str) -> str:
    """What the candidate did; a reply's words are not repeated, the excerpt shows them."""
    pair = _SHOWN_IN_EXCERPT.get(action.get("kind", ""))
    if pair is not None:
        return pair[1] if lang == "en" else pair[0]
    return action_text(action, lang)


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
    scenarios = ", ".join(f"{sc['id']}{' ' + sc['version'] if sc.get('version') else ''} [{sc['sha256'][:8]}]"
                          for sc in grille.get("scenarios", ()))
    return [
        (w["candidate"], s["candidate_id"]),
        (w["session"], f"{s['id']} (seed {s['seed']}, {s['language']})"),
        (w["epreuve"], f"{s['epreuve_id']} {s.get('epreuve_version', '')} — {mode} [{s['epreuve_hash'][:8]}]"),
        (w["date"], s["created_at"][:16].replace("T", " ")),
        (w["ended"], ended),
        (w["versions"], (f"{w['app']} {s['app_version']} · {w['rubric']} {rubric['id']} {rubric['version']} "
                         f"[{rubric['sha256'][:8]}] · {w['referentiel']} {grille['referentiel']['version']}")),
        ("Scénarios" if lang != "en" else "Scenarios", scenarios),
        *_variants(s.get("variants"), lang),
        (w["journal"], f"{journal['events']} {w['events']} · {w['head']} {journal['head'][:16]} · {source}"),
        (w["receipt"], _receipt(journal["head"])),
    ] + _interruptions(s.get("interruptions") or (), w) + _invigilator(s.get("invigilator") or (), w)


def _variants(drawn: Any, lang: str) -> list[tuple[str, str]]:
    """The form each scenario with variants took for this candidate (none: no line at all)."""
    if not drawn:
        return []
    forms = "; ".join(f"{sid} : " + ", ".join(f"{dim}={alt}" for dim, alt in combo.items()) for sid, combo in drawn.items())
    return [("Variantes" if lang != "en" else "Variants", forms)]


def _receipt(head: str) -> str:
    """The receipt code of the journal head the grille was computed from (as on the attendance sheet)."""
    from simulator.journal.receipt import code_of

    return code_of(head)


def _interruptions(stops: Any, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """One line listing every interruption and its length (none when the épreuve ran in one go)."""
    if not stops:
        return []
    parts = [w["interruption"].format(stopped=stop["stopped_at"][11:19], resumed=stop["resumed_at"][11:19],
                                      seconds=round(stop["seconds"]), cause=f", {_cause(stop['cause'], w)}")
             for stop in stops]
    return [(w["interruptions"], f"{len(stops)} — " + " · ".join(parts))]


def _invigilator(acts: Any, w: Mapping[str, str]) -> list[tuple[str, str]]:
    """One line listing the invigilator's pauses of the clock and extensions of time (none when there were none)."""
    parts = []
    for act in acts:
        if act["kind"] == "extension":
            parts.append(w["extension"].format(minutes=act["minutes"], at=act["at"][11:19], reason=act["reason"]))
        elif act["resumed_at"] is None:
            parts.append(w["pause_open"].format(paused=act["paused_at"][11:19], reason=act["reason"]))
        else:
            parts.append(w["pause"].format(paused=act["paused_at"][11:19], resumed=act["resumed_at"][11:19],
                                           seconds=round(act["seconds"]), reason=act["reason"]))
    return [(w["invigilator"], " · ".join(parts))] if parts else []


def _cause(cause: str, w: Mapping[str, str]) -> str:
    """A signal's name as journalled (SIGTERM, SIGHUP…), the invigilator's closing, or no signal at all."""
    return w.get(f"cause_{cause}", cause) if cause else w["no_cause"]


def counts_text(counts: Mapping[str, int], lang: str) -> str:
    return words(lang)["counts"].format(**{k: counts.get(k, 0) for k in ("ok", "nok", "not_observed")})
