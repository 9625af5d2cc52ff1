"""The terminal player: a trainer can play a scenario from its start or from any node."""

from __future__ import annotations

import datetime as dt
import io

from simulator.engine.bundle import single_scenario_bundle
from simulator.engine.clock import ManualClock
from simulator.engine.session import EpreuveSession
from simulator.journal.memory_store import MemoryJournalStore
from simulator.trainer.play import TerminalPlayer

SCENARIO = "scenarios/inbound/maison-lumiere-livraison.yaml"


def play(
    lines: list[str], start_node: str | None = None, lang: str = "fr"
) -> tuple[int, str, EpreuveSession]:
    bundle = single_scenario_bundle(SCENARIO)
    session = EpreuveSession.start(
        bundle,
        store=MemoryJournalStore(),
        clock=ManualClock(dt.datetime(2026, 3, 2, 9)),
        candidate_id="t",
        seed=5,
        language=lang,
    )
    out = io.StringIO()
    code = TerminalPlayer(session, iter(lines), out, lang=lang, start_node=start_node).run()
    return code, out.getvalue(), session


def _index_of(output: str, text: str) -> str:
    for line in reversed(output.splitlines()):
        if text in line and line.strip()[0].isdigit():
            return line.strip().split(".", 1)[0]
    raise AssertionError(f"{text!r} not offered")


def test_numbered_choices_move_the_conversation():
    code, out, session = play(["1", ":quitter"])
    assert code == 1  # quit before the end
    assert "Le téléphone sonne" in out
    assert "1." in out and "2." in out and "3." in out


def test_playing_from_a_node_starts_there():
    code, out, session = play(["1", ":quitter"], start_node="solution")
    assert "je la reçois quand, ma lampe ?" in out
    assert session.contact("maison-lumiere-livraison").node_id == "solution"


def test_tool_commands_and_refusals_are_shown():
    _, out, session = play(["1", ":client " + "Zzzz", ":lire n-existe-pas", ":quitter"])
    assert "(aucun résultat / fait)" in out
    assert "⚠" in out


def test_english_interface_for_english_speaking_trainers():
    _, out, _ = play(["1", ":help", ":quit"], lang="en")
    assert "Type :help" in out and "Commands:" in out
    assert "The phone has been ringing" in out


def test_a_wrap_up_note_may_contain_apostrophes():
    note = "rappel du chef d'atelier demain"
    _, out, session = play(["1", ":raccrocher", f":clôture information {note}", ":quitter"])
    actions = [
        e.payload["action"] for e in session.store.events(session.session_id) if e.type == "action"
    ]
    assert {"kind": "wrap_up", "outcome": "information", "note": note}.items() <= actions[
        -1
    ].items()
    assert "Arguments incorrects" not in out


def test_the_queue_prompt_accepts_help_and_explains_a_wrong_answer():
    bundle = single_scenario_bundle(SCENARIO)
    session = EpreuveSession.start(
        bundle,
        store=MemoryJournalStore(),
        clock=ManualClock(dt.datetime(2026, 3, 2, 9)),
        candidate_id="t",
        seed=5,
    )
    out = io.StringIO()
    TerminalPlayer(session, iter([":aide", "x", ":quitter"]), out).run()
    assert "Commandes :" in out.getvalue()
    assert "Tapez le numéro du contact à prendre (1 à 1)." in out.getvalue()


def test_mail_and_fax_are_typed_commands_with_their_parts_separated_by_bars():
    _, _, session = play(
        [
            "1",
            ":mail client@exemple.be | Votre commande | Bonjour, voici le suivi. Cordialement",
            ":fax 02 223 45 67 | Réclamation | Madame, Monsieur,",
            ":quitter",
        ]
    )
    sent = [
        e.payload["action"]["args"]
        for e in session.store.events(session.session_id)
        if e.type == "action" and e.payload["action"]["kind"] == "tool"
    ]
    assert sent[0] == {
        "to": "client@exemple.be",
        "subject": "Votre commande",
        "body": "Bonjour, voici le suivi. Cordialement",
        "channel": "mail",
    }
    assert sent[1]["channel"] == "fax" and sent[1]["to"] == "02 223 45 67"


def _play_file(path: str, lines: list[str], lang: str = "fr") -> str:
    bundle = single_scenario_bundle(path)
    session = EpreuveSession.start(
        bundle,
        store=MemoryJournalStore(),
        clock=ManualClock(dt.datetime(2026, 3, 2, 9)),
        candidate_id="t",
        seed=5,
        language=lang,
    )
    out = io.StringIO()
    TerminalPlayer(session, iter(lines), out, lang=lang).run()
    return out.getvalue()


def test_agenda_slots_show_weekday_date_and_time_in_the_session_language():
    out = _play_file(
        "scenarios/outbound/energie-rendez-vous-compteur.yaml", ["1", ":agenda", ":quitter"]
    )
    assert "mardi 3 mars 2026, 08:00" in out and "2026-03-03T08:00" not in out
    out = _play_file(
        "scenarios/outbound/energie-rendez-vous-compteur.yaml", ["1", ":agenda", ":quit"], lang="en"
    )
    assert "Tuesday 3 March 2026, 08:00" in out


def test_a_form_is_a_table_of_its_fields_with_the_values_typed_never_a_python_dict():
    path = "tests/fixtures/lang/televente-energie-vente-ou-refus.yaml"
    out = _play_file(
        path,
        [
            "1",
            ":champ passage-tarif-fixe ean 541449920000000000",
            ":formulaire passage-tarif-fixe",
            ":quitter",
        ],
    )
    row = next(line for line in out.splitlines() if "Code EAN du compteur" in line)
    assert "541449920000000000" in row and "oui" in row
    assert "{'" not in out and "'template'" not in out


def test_the_help_and_the_parser_agree_on_mail_attachments():
    from simulator.i18n import LANGUAGES, translator
    from simulator.trainer.play import HELP, _mail

    assert all("[| <document>, …]" in translator("checker", lang)(HELP) for lang in LANGUAGES)
    action = _mail(
        "client@example.be | Votre dossier | Bonjour, voici le dépliant. | depliant-aide, faq"
    )
    assert action.args["attachments"] == ["depliant-aide", "faq"]
    assert "attachments" not in _mail("client@example.be | Objet | Texte").args


def test_a_stored_text_without_dutch_is_shown_in_french_to_a_dutch_speaking_trainer():
    """A few refusals are stored in French and English only (their bytes are kept): a Dutch trainer
    reads the French instead of the player stopping on a missing language."""
    _code, _out, session = play([":quitter"])
    out = io.StringIO()
    player = TerminalPlayer(session, iter([]), out, lang="nl")
    player.show_result(
        {
            "ok": False,
            "error": {"code": "invalid_record", "fr": "Fiche invalide.", "en": "Invalid record."},
        }
    )
    assert "⚠ Fiche invalide." in out.getvalue()
    player.show_result(
        {
            "ok": False,
            "error": {"fr": "Fiche invalide.", "en": "Invalid record.", "nl": "Ongeldige fiche."},
        }
    )
    assert "⚠ Ongeldige fiche." in out.getvalue()
