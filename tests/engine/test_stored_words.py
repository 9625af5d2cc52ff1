"""What the engine writes into a journal keeps its words now that it speaks through the catalogs.

A journal keeps each judgement's why and each critical's explanation as ``{"fr": …, "en": …}`` (and
Dutch in a Dutch session); a replay compares the evidence it derives with the journal's, byte for
byte. These are the texts journals written before the catalogs hold: if a translation drifts, an
old journal no longer replays.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from simulator.engine import criticals
from simulator.engine.evaluation import TONE_EXPLANATION, text_judgement
from simulator.engine.session_state import SessionError, same_evidence
from simulator.engine.textcheck import TextCheckResult
from simulator.engine.tool_judges import _appointments_found
from simulator.i18n import Message
from simulator.journal.errors import SessionInUse, StoreMisconfigured


def test_a_failed_text_keeps_its_french_and_english_why():
    result = TextCheckResult(
        ok=False,
        missing=("la date", "le montant"),
        forbidden_found=("garanti",),
        tone=("tu",),
        not_a_sentence=True,
    )
    judgement = text_judgement(result)
    assert judgement.detail == {
        "fr": "manque : la date, le montant; contient : garanti; ton inacceptable : tu; "
        "une simple liste de valeurs, pas une phrase",
        "en": "missing: la date, le montant; contains: garanti; unacceptable tone: tu; "
        "a bare list of values, not a sentence",
    }
    assert judgement.grave and not judgement.ok


def test_an_unsure_text_says_what_to_confirm_in_both_languages():
    result = TextCheckResult(
        ok=False, missing=(), forbidden_found=(), unsure=(("sarcasm", "bravo"),)
    )
    detail = text_judgement(result).detail
    assert detail["fr"] == "à confirmer : ton possiblement sarcastique (« bravo »)"
    assert detail["en"] == "to confirm: possibly sarcastic tone ('bravo')"


def test_the_appointment_count_agrees_in_french_and_keeps_the_english_as_journals_hold_it():
    assert _appointments_found(0, 1) == {
        "fr": "0 rendez-vous dans l'agenda (1 attendu)",
        "en": "0 appointments in the calendar (1 expected)",
    }
    assert _appointments_found(1, 2) == {
        "fr": "1 rendez-vous dans l'agenda (2 attendus)",
        "en": "1 appointments in the calendar (2 expected)",
    }


def test_a_critical_is_explained_in_dutch_only_in_a_dutch_session():
    dutch = SimpleNamespace(lang="nl", key="C1")
    found = criticals._critical(
        dutch, "01.02", "ENG-TRANSFER-LOST", criticals._TRANSFER, service="Facturation"
    )
    assert dict(found.explanation) == {
        "fr": "L'appelant a été transféré vers « Facturation », où sa demande n'est pas traitée : il est perdu.",
        "en": "The caller was transferred to 'Facturation', where their matter is not handled: they are lost.",
        "nl": "De beller werd doorverbonden naar ‘Facturation’, waar zijn vraag niet behandeld wordt: hij is verloren.",
    }
    french = SimpleNamespace(lang="fr", key="C1")
    found = criticals._critical(
        french, "03.02", "ENG-RECORD-NOT-CONCERNED", criticals._RECORD, ids="CLI-1"
    )
    assert list(found.explanation) == ["fr", "en"]
    assert (
        found.explanation["fr"]
        == "Une fiche que le contact ne concernait pas a été modifiée ou créée (CLI-1)."
    )


def test_the_tone_rule_keeps_its_three_texts():
    assert TONE_EXPLANATION == {
        "fr": "Le texte adressé à l'interlocuteur est inacceptable (ton).",
        "en": "The text addressed to the other party is unacceptable (tone).",
        "nl": "De tekst aan de gesprekspartner is onaanvaardbaar (toon).",
    }


def test_a_session_error_reads_in_the_candidates_language_dutch_included():
    step = SimpleNamespace(evidence=[])
    event = SimpleNamespace(seq=7, payload={"evidence": [{"competency": "01.02"}]})
    with pytest.raises(SessionError) as caught:
        same_evidence(step, event)  # type: ignore[arg-type]
    assert str(caught.value) == "Replaying event 7 does not give the same evidence."
    assert caught.value.message("fr") == "Rejouer l'événement 7 ne donne pas les mêmes preuves."
    assert (
        caught.value.message("nl")
        == "Het opnieuw afspelen van gebeurtenis 7 geeft niet dezelfde bewijzen."
    )


def test_journal_errors_read_in_every_language_and_keep_their_two_language_str():
    error = SessionInUse("S-1", "pid=42")
    assert str(error) == (
        "La session « S-1 » est déjà ouverte par un autre programme (détenteur : pid=42) ; fermez-le avant "
        "de reprendre cette session. / Session 'S-1' is already open in another process (holder: pid=42); "
        "close it before resuming this session."
    )
    assert "pid=42" in error.message("nl") and "Sessie ‘S-1’" in error.message("nl")
    refused = StoreMisconfigured(
        "/centre/journal.sqlite3", Message("trigger '{name}' is missing", name="events_no_update")
    )
    assert (
        refused.message("fr")
        == "Journal refusé (/centre/journal.sqlite3) : déclencheur « events_no_update » manquant"
    )
    assert (
        refused.message("en")
        == "Journal store refused (/centre/journal.sqlite3): trigger 'events_no_update' is missing"
    )
