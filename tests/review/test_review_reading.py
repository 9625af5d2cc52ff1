"""What the review app shows, computed without a screen: the transcript's moments, the replay's contacts, the grille rows."""

from __future__ import annotations

from scoring.assessment.model import Override, SessionReview
from simulator.review.grille_rows import epreuve_verdicts, grille_lines
from simulator.review.i18n import translator
from simulator.review.reading import Moment, by_contact, read_moments
from tests.scoring.scoring_support import practice, simulated, simulated_grille


def _review(overrides: tuple[Override, ...] = ()) -> SessionReview:
    header, _events = simulated(practice(), "never-confirms", 2)
    return SessionReview(
        header.session_id,
        header.candidate_id,
        header.epreuve_id,
        header.mode,
        header.created_at,
        "scored",
        simulated_grille(practice(), "never-confirms", 2),
        "sha",
        overrides,
    )


def _override(code: str, verdict: str, automatic: str) -> Override:
    return Override(
        "S",
        code,
        verdict,
        automatic,
        automatic,
        "Vu dans la transcription",
        "Marie Dupont",
        "2026-01-12T14:00:00.000",
        1,
        "h",
    )


def test_every_event_is_a_moment_with_its_contact_in_arrival_order():
    _header, events = simulated(practice(), "never-confirms", 2)
    moments = read_moments(events, "fr", translator("fr"))
    assert [m.seq for m in moments] == [e.seq for e in events]
    assert moments[0].did == "Début de l'épreuve « entrainement-decouverte » (4 contacts)"
    assert moments[-1].did == "Fin de l'épreuve (terminée)"
    numbers = [m.contact_number for m in moments if m.contact]
    assert sorted(set(numbers)) == [1, 2, 3, 4] and numbers == sorted(numbers)
    search = next(m for m in moments if m.did.startswith("Outil fichier clients : search"))
    assert search.result[0].endswith("résultat(s)") and search.result[1].startswith("· ")
    said = next(m for m in moments if m.lines and m.lines[0].role == "agent")
    assert said.lines[0].speaker == "Candidat·e"


def test_the_moments_carry_the_evidence_the_grille_lists():
    _header, events = simulated(practice(), "never-confirms", 2)
    moments = {m.seq: m for m in read_moments(events, "en", translator("en"))}
    grille = simulated_grille(practice(), "never-confirms", 2)
    for competency in grille["competencies"]:
        for item in competency["evidence"]:
            assert (competency["code"], item["effect"]) in moments[item["seq"]].evidence


def test_a_contact_that_comes_back_after_another_is_a_new_run_of_the_replay():
    def moment(seq: int, contact: str, number: int) -> Moment:
        return Moment(seq, "2026-01-05T09:00:00.000", contact, number, "", (), (), ())

    runs = by_contact(
        [
            moment(1, "", 0),
            moment(2, "a", 1),
            moment(3, "a", 1),
            moment(4, "b", 2),
            moment(5, "a", 1),
        ]
    )
    assert [(r.contact, r.number, [m.seq for m in r.moments]) for r in runs] == [
        ("", 0, [1]),
        ("a", 1, [2, 3]),
        ("b", 2, [4]),
        ("a", 1, [5]),
    ]


def test_grille_rows_keep_the_automatic_verdict_beside_the_override():
    review = _review((_override("01.09", "ok", "nok"),))
    lines = {c.code: c for a in grille_lines(review, "fr") for c in a.competencies}
    assert len(lines) == 23
    assert (lines["01.09"].automatic, lines["01.09"].final, lines["01.09"].overridden) == (
        "nok",
        "ok",
        True,
    )
    assert lines["01.09"].override.reason == "Vu dans la transcription"
    assert not lines["01.01"].overridden and lines["01.01"].override is None
    assert lines["01.09"].evidence == tuple(
        sorted(
            {
                e["seq"]
                for c in review.grille["competencies"]
                if c["code"] == "01.09"
                for e in c["evidence"]
            }
        )
    )


def test_grille_rows_show_each_criterion_with_its_kind_and_what_each_contact_gave():
    lines = {c.code: c for a in grille_lines(_review(), "fr") for c in a.competencies}
    assert any(
        line.startswith(
            "paroles · Confirme l'accord pris avec l'interlocuteur par un récapitulatif complet : "
        )
        and "non atteint (n° " in line
        for line in lines["01.09"].criteria
    )
    assert all(" : " in line for line in lines["01.01"].criteria) and lines["01.01"].criteria


def test_the_final_epreuve_verdict_follows_the_overrides():
    nok = [code for code, verdict in _review().automatic().items() if verdict == "nok"]
    unobserved = [
        code for code, verdict in _review().automatic().items() if verdict == "not_observed"
    ]
    assert epreuve_verdicts(_review()) == ("nok", "nok")
    only_nok_fixed = tuple(_override(code, "ok", "nok") for code in nok)
    assert epreuve_verdicts(_review(only_nok_fixed)) == ("nok", "not_observed")
    all_fixed = only_nok_fixed + tuple(_override(code, "ok", "not_observed") for code in unobserved)
    assert epreuve_verdicts(_review(all_fixed)) == ("nok", "ok")
    blank = SessionReview("S", "C", "e", "practice", "2026-01-05T09:00:00.000", "to_score", None)
    assert epreuve_verdicts(blank) == ("", "") and grille_lines(blank, "fr") == []


def test_heartbeats_are_not_moments_and_the_invigilators_acts_are_worded():
    from simulator.journal.events import Event

    def event(seq, type_, payload):
        return Event("S", seq, f"2026-01-12T09:00:{seq:02d}.000", type_, payload, "p", "h")

    events = [
        event(1, "heartbeat", {}),
        event(2, "invigilator_attempt", {"purpose": "quit", "accepted": False}),
        event(3, "interruption", {"cause": "SIGTERM"}),
        event(4, "seat_changed", {"from": "A", "to": "B"}),
    ]
    moments = read_moments(events, "fr", translator("fr"))
    assert [m.did for m in moments] == [
        "Code du surveillant tapé (refusé)",
        "L'application a été arrêtée (SIGTERM : arrêt demandé par le système)",
        "L'épreuve est passée du poste A au poste B (code du surveillant)",
    ]


def test_a_centre_seat_s_stops_and_the_invigilator_s_acts_are_worded_in_the_assessor_s_language():
    """A browser seat's lost page, the invigilator's pause, extension and end were shown to the
    assessor as raw codes (« connection », « invigilator », « clock_paused »)."""
    from simulator.journal.events import Event

    journal = [
        ("interruption", {"cause": "connection"}),
        ("clock_paused", {"reason": "Alarme incendie"}),
        ("clock_resumed", {}),
        ("time_extended", {"minutes": 15, "reason": "tiers-temps"}),
        ("interruption", {"cause": "SIGTERM"}),
        ("session_finished", {"reason": "invigilator", "note": "Malaise du candidat"}),
    ]
    events = [
        Event("S-1", seq, "2026-03-02T09:00:00.000", kind, payload, "p", "h")
        for seq, (kind, payload) in enumerate(journal, start=1)
    ]
    fr = [m.did for m in read_moments(events, "fr", translator("fr"))]
    assert fr == [
        "L'application a été arrêtée (la page du poste a été fermée ou a perdu la connexion)",
        "Le surveillant a arrêté l'horloge : « Alarme incendie »",
        "Le surveillant a relancé l'horloge",
        "Le surveillant a accordé 15 minutes de plus : « tiers-temps »",
        "L'application a été arrêtée (SIGTERM : arrêt demandé par le système)",
        "Fin de l'épreuve (terminée par le surveillant : « Malaise du candidat »)",
    ]
    nl = read_moments(events, "nl", translator("nl"))
    assert nl[-1].did.endswith("(beëindigd door de toezichter: „Malaise du candidat”)")
