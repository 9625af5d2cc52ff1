"""The grille reports' own words, as message ids of the engine catalog, and the words each report reads.

The HTML pages write their words in the templates (``{{ _("…") }}``, Jinja's i18n extension);
the terminal, Markdown and identity lines read the same ids through :func:`words`. A grille is a
document in the languages a grille is stored in (French, English): a Dutch report is written in
French, like its evidence, its reasons and its criteria (:func:`page_lang`).
"""

from __future__ import annotations

from collections.abc import Mapping

from simulator.i18n import N_, NC_, Translator, translated, translator

DOMAIN = "engine"
#: How many competencies (or activities) came out OK, NOK and not observed.
COUNTS = N_("{ok} OK · {nok} NOK · {not_observed} not observed")

#: Each word of the reports, by the key the reports read it with.
WORDS: dict[str, str | tuple[str, str]] = {
    "title": N_("Assessment grid"),
    "standard": N_("« Opérateur call center » competency standard"),
    "candidate": N_("Candidate"),
    "session": N_("Session"),
    "epreuve": N_("Épreuve"),
    "date": N_("Date of the épreuve"),
    "ended": N_("End of the épreuve"),
    "versions": N_("Versions"),
    "journal": N_("Journal"),
    "verdict": N_("Result of the épreuve"),
    "code": N_("Code"),
    "competency": N_("Competency"),
    "reason": N_("Reason"),
    "critical": NC_("column of critical observations", "critical"),
    "evidence": N_("Evidence"),
    "effect": N_("Effect"),
    "seq": N_("#"),
    "time": N_("Time"),
    "did": N_("What the candidate did"),
    "why": N_("Finding"),
    "no_evidence": N_("No observation."),
    "completed": N_("completed"),
    "time_up": N_("time ran out"),
    "unfinished": N_("not finished"),
    "mode_exam": N_("exam"),
    "mode_practice": N_("practice"),
    "events": N_("events"),
    "head": N_("head hash"),
    "rubric": N_("rubric"),
    "referentiel": N_("référentiel"),
    "source_journal": N_("evidence read from the journal"),
    "source_replay": N_("evidence re-derived by replay"),
    "positive_word": NC_("effect of an observation", "positive"),
    "negative_word": NC_("effect of an observation", "negative"),
    "critical_word": NC_("effect of an observation", "critical"),
    "receipt": N_("Receipt"),
    "scenarios": N_("Scenarios"),
    "variants": N_("Variants"),
    "scenario_files": N_("scenario files"),
    "changed": N_("changed since the session"),
    "counts": COUNTS,
    "interruptions": N_("Interruptions"),
    "interruption": N_("stopped {stopped} → resumed {resumed} ({seconds} s{cause})"),
    "no_cause": N_("no signal"),
    "cause_invigilator": N_("closed by the invigilator"),
    "cause_connection": N_("tab closed or connection lost"),
    "invigilator": N_("Invigilator"),
    "pause": N_("clock paused {paused} → {resumed} ({seconds} s, {reason})"),
    "pause_open": N_("clock paused since {paused} ({reason})"),
    "extension": N_("+{minutes} min at {at} ({reason})"),
    "criteria": N_("Criteria"),
    "criterion": N_("Criterion"),
    "kind": N_("Kind"),
    "per_contact": N_("Per contact"),
    "to_confirm": N_("{n} typed text(s) to confirm, not counted"),
    "chose": N_("Chose a reply (see the excerpt)"),
    "typed": N_("Typed an answer (see the excerpt)"),
}
#: Signs and names that read the same in every language.
SIGNS = {"positive": "+", "negative": "−", "app": "callsim"}

#: How a verdict reads.
VERDICT_WORDS = {"ok": N_("OK"), "nok": N_("NOK"), "not_observed": N_("NOT OBSERVED")}

#: Who speaks in an excerpt.
SPEAKER_WORDS = {
    "customer": N_("Customer"),
    "agent": N_("Candidate"),
    "supervisor": N_("Supervisor"),
    "system": N_("System"),
}


def page_lang(lang: str) -> str:
    """The language a report is written in: English when asked, else French (the stored languages)."""
    return "en" if lang == "en" else "fr"


def page_translator(lang: str) -> Translator:
    """The translator the report pages speak through (the engine catalog in :func:`page_lang`)."""
    return translator(DOMAIN, page_lang(lang))


def words(lang: str) -> dict[str, str]:
    """Every word of the reports in ``lang``, by key (placeholders left for the caller to fill)."""
    return {**translated(WORDS, DOMAIN, page_lang(lang)), **SIGNS}


def verdict_word(verdict: str, lang: str) -> str:
    """``ok`` → « OK », ``not_observed`` → « NON OBSERVÉ »; an unknown verdict as it is."""
    message = VERDICT_WORDS.get(verdict)
    return page_translator(lang).gettext(message) if message else verdict


def speakers(lang: str) -> dict[str, str]:
    """How each speaker of an excerpt is named in ``lang``."""
    return translated(SPEAKER_WORDS, DOMAIN, page_lang(lang))


def counts_text(counts: Mapping[str, int], lang: str) -> str:
    """« 17 OK · 2 NOK · 4 non observée(s) »."""
    values = {k: counts.get(k, 0) for k in ("ok", "nok", "not_observed")}
    return page_translator(lang).gettext(COUNTS).format(**values)
