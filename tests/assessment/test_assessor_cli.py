"""The assessors' commands through ``callsim``'s real entry point: exit codes and what a person reads, in French and English."""

from __future__ import annotations

import io

import pytest

from simulator.cli import main
from tests.assessment.desk_support import PASSPHRASE, sqlite_desk, sqlite_store

ANNE = "Anne Lefèvre"


@pytest.fixture()
def store(tmp_path, monkeypatch):
    """Three sessions (two scored), the account « Anne Lefèvre », and her passphrase in the environment."""
    path = tmp_path / "callsim.sqlite3"
    ids = sqlite_store(path)
    sqlite_desk(path, ANNE).close()
    monkeypatch.setenv("CALLSIM_ASSESSOR_PASSPHRASE", PASSPHRASE)
    return str(path), ids


def _run(capsys, *argv):
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _stdin(monkeypatch, text):
    monkeypatch.setattr("sys.stdin", io.StringIO(text))


ADMIN_PASSPHRASE = "la phrase de l'administrateur"


def _initialised(tmp_path, capsys, monkeypatch):
    """A new store created by ``callsim store init`` with the administrator « Chef de centre »."""
    path = str(tmp_path / "new.sqlite3")
    _stdin(monkeypatch, ADMIN_PASSPHRASE + "\n")
    code, out, err = _run(
        capsys, "store", "init", "Chef de centre", "--passphrase-stdin", "--store", path
    )
    assert (code, err) == (0, "") and out.startswith(
        f"Magasin créé : {path}. Administrateur : Chef de centre (clé "
    )
    return path


def test_assessor_add_needs_the_administrators_passphrase_then_list(tmp_path, capsys, monkeypatch):
    path = _initialised(tmp_path, capsys, monkeypatch)
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\nune phrase secrète assez longue\n")
    assert _run(
        capsys,
        "assessor",
        "add",
        "Marc Peeters",
        "--admin",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        path,
    ) == (0, "Évaluateur enregistré : Marc Peeters.\n", "")
    assert _run(capsys, "assessor", "list", "--store", path)[:2] == (0, "Marc Peeters\n")
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\nune phrase secrète assez longue\n")
    code, _out, err = _run(
        capsys,
        "assessor",
        "add",
        "marc peeters",
        "--admin",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        path,
        "--lang",
        "en",
    )
    assert (code, err) == (1, "Error: The account 'Marc Peeters' already exists.\n")


def test_assessor_add_without_the_administrators_passphrase_creates_nothing(
    tmp_path, capsys, monkeypatch
):
    """The insider's shortcut: « assessor add » with a made-up administrator or a wrong passphrase is refused."""
    path = _initialised(tmp_path, capsys, monkeypatch)
    for admin, passphrase in (
        ("Chef de centre", "pas la bonne phrase"),
        ("Marc Peeters", ADMIN_PASSPHRASE),
    ):
        _stdin(monkeypatch, f"{passphrase}\nune phrase secrète assez longue\n")
        code, _out, err = _run(
            capsys,
            "assessor",
            "add",
            "Marc Peeters",
            "--admin",
            admin,
            "--passphrase-stdin",
            "--store",
            path,
        )
        assert (code, err) == (1, "Erreur : Nom d'évaluateur ou phrase secrète incorrect.\n")
    assert _run(capsys, "assessor", "list", "--store", path)[1] == ""


def test_assessor_add_asks_twice_on_the_terminal_and_refuses_a_mismatch(
    tmp_path, capsys, monkeypatch
):
    path = _initialised(tmp_path, capsys, monkeypatch)
    answers = iter(
        [ADMIN_PASSPHRASE, "une phrase secrète assez longue", "une phrase secrète assez longu"]
    )
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    code, _out, err = _run(
        capsys, "assessor", "add", "Marc", "--admin", "Chef de centre", "--store", path
    )
    assert (code, err) == (
        1,
        "Erreur : les deux saisies de la phrase secrète diffèrent ; rien n'est créé.\n",
    )
    answers = iter([ADMIN_PASSPHRASE] + ["une phrase secrète assez longue"] * 2)
    assert (
        _run(capsys, "assessor", "add", "Marc", "--admin", "Chef de centre", "--store", path)[0]
        == 0
    )


def test_assessor_add_refuses_a_short_passphrase_and_an_unreadable_one(
    tmp_path, capsys, monkeypatch
):
    path = _initialised(tmp_path, capsys, monkeypatch)
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\ntrop courte\n")
    code, _out, err = _run(
        capsys,
        "assessor",
        "add",
        "Marc",
        "--admin",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        path,
    )
    assert (code, err) == (1, "Erreur : Phrase secrète trop courte : au moins 12 caractères.\n")
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\n")
    code, _out, err = _run(
        capsys,
        "assessor",
        "add",
        "Marc",
        "--admin",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        path,
        "--lang",
        "en",
    )
    assert code == 1 and "passphrase not read" in err
    assert _run(capsys, "assessor", "list", "--store", path)[1] == ""


def test_assessor_remove_needs_the_administrator_and_keeps_the_past(tmp_path, capsys, monkeypatch):
    path = _initialised(tmp_path, capsys, monkeypatch)
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\nune phrase secrète assez longue\n")
    assert (
        _run(
            capsys,
            "assessor",
            "add",
            "Marc",
            "--admin",
            "Chef de centre",
            "--passphrase-stdin",
            "--store",
            path,
        )[0]
        == 0
    )
    _stdin(monkeypatch, "pas la bonne phrase\n")
    assert (
        _run(
            capsys,
            "assessor",
            "remove",
            "Marc",
            "--admin",
            "Chef de centre",
            "--passphrase-stdin",
            "--store",
            path,
        )[0]
        == 1
    )
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\n")
    assert _run(
        capsys,
        "assessor",
        "remove",
        "Marc",
        "--admin",
        "Chef de centre",
        "--passphrase-stdin",
        "--store",
        path,
        "--lang",
        "en",
    ) == (0, "Assessor removed: Marc (their past signatures stay verifiable).\n", "")
    assert _run(capsys, "assessor", "list", "--store", path)[1] == ""
    assert _run(capsys, "audit", "verify", "--store", path)[:2] == (
        0,
        "OK : chaîne d'audit intacte (3 entrées).\n",
    )


def test_assessor_add_on_a_missing_store_points_to_store_init(tmp_path, capsys, monkeypatch):
    _stdin(monkeypatch, f"{ADMIN_PASSPHRASE}\nune phrase secrète assez longue\n")
    code, _out, err = _run(
        capsys,
        "assessor",
        "add",
        "Marc",
        "--admin",
        "Chef",
        "--passphrase-stdin",
        "--store",
        str(tmp_path / "absent.sqlite3"),
    )
    assert (
        code == 2
        and "callsim store init ADMIN" in err
        and not (tmp_path / "absent.sqlite3").exists()
    )


def test_store_init_twice_is_refused(tmp_path, capsys, monkeypatch):
    path = _initialised(tmp_path, capsys, monkeypatch)
    _stdin(monkeypatch, ADMIN_PASSPHRASE + "\n")
    code, _out, err = _run(
        capsys, "store", "init", "Autre Chef", "--passphrase-stdin", "--store", path
    )
    assert (code, err) == (1, "Erreur : Ce magasin a déjà un administrateur.\n")


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "fr",
            "Erreur : Une dérogation exige une raison écrite : au moins 3 mots et 15 lettres qui disent ce qui a été "
            "observé (reçu : 0 mot, 0 lettre).\n",
        ),
        (
            "en",
            "Error: An override needs a written reason: at least 3 words and 15 letters saying what was observed "
            "(got 0 words, 0 letters).\n",
        ),
    ],
)
@pytest.mark.parametrize("reason", ["", "   ", "\t\n", "\u200b", ".", "\u200b\u2060 . \ufeff"])
def test_override_without_a_reason_exits_1(store, capsys, lang, expected, reason):
    path, ids = store
    code, out, err = _run(
        capsys,
        "override",
        ids["never-confirms"],
        "01.09",
        "--verdict",
        "OK",
        "--reason",
        reason,
        "--assessor",
        ANNE,
        "--store",
        path,
        "--lang",
        lang,
    )
    assert (code, out, err) == (1, "", expected)
    assert "dérogation" not in _run(capsys, "audit", "show", "--store", path)[1]


@pytest.mark.parametrize(
    "lang, expected",
    [
        (
            "fr",
            "Dérogation enregistrée (audit n° 3) : {s} 01.09 NOK → OK (verdict automatique : NOK), par Anne Lefèvre.\n",
        ),
        (
            "en",
            "Override recorded (audit #3): {s} 01.09 NOK → OK (automatic verdict: NOK), by Anne Lefèvre.\n",
        ),
    ],
)
def test_override_with_a_reason(store, capsys, lang, expected):
    path, ids = store
    session = ids["never-confirms"]
    code, out, _err = _run(
        capsys,
        "override",
        session,
        "01.09",
        "--verdict",
        "ok",
        "--reason",
        "vérifié à la réécoute",
        "--assessor",
        ANNE,
        "--store",
        path,
        "--lang",
        lang,
    )
    assert (code, out) == (0, expected.format(s=session))


def test_override_refusals_and_their_exit_codes(store, capsys, monkeypatch):
    path, ids = store
    base = [
        "--verdict",
        "OK",
        "--reason",
        "vérifié à la réécoute de l'appel",
        "--assessor",
        ANNE,
        "--store",
        path,
    ]
    code, _out, err = _run(capsys, "override", "S-000000000000", "01.09", *base)
    assert (code, err) == (2, "Erreur : Session inconnue : « S-000000000000 ».\n")
    code, _out, err = _run(capsys, "override", ids["never-confirms"], "09.99", *base)
    assert code == 1 and "Compétence inconnue : « 09.99 »" in err
    code, _out, err = _run(capsys, "override", ids["careless"], "01.09", *base)
    assert code == 1 and "n'est pas encore notée" in err
    monkeypatch.setenv("CALLSIM_ASSESSOR_PASSPHRASE", "pas la bonne phrase")
    code, _out, err = _run(capsys, "override", ids["never-confirms"], "01.09", *base)
    assert (code, err) == (1, "Erreur : Nom d'évaluateur ou phrase secrète incorrect.\n")
    _stdin(monkeypatch, PASSPHRASE + "\n")
    assert (
        _run(capsys, "override", ids["never-confirms"], "01.09", *base, "--passphrase-stdin")[0]
        == 0
    )


def test_the_whole_lifecycle_on_the_command_line(store, capsys):
    path, ids = store
    session = ids["ideal"]
    who = ["--assessor", ANNE, "--store", path]
    code, _out, err = _run(capsys, "sign", session, *who)
    assert code == 1 and "pas encore revue" in err
    assert _run(capsys, "mark-reviewed", session, *who)[:2] == (
        0,
        f"Session {session} marquée comme revue par {ANNE} (audit n° 3).\n",
    )
    code, _out, err = _run(capsys, "sign", session, *who, "--lang", "en")
    assert code == 1 and "still 'not observed': 01.08, 02.05, 02.07, 03.04" in err
    for code_ in ("01.08", "02.05", "02.07", "03.04"):
        assert (
            _run(
                capsys,
                "override",
                session,
                code_,
                "--verdict",
                "OK",
                "--reason",
                "observé à la réécoute",
                *who,
            )[0]
            == 0
        )
    assert _run(capsys, "sign", session, *who)[:2] == (
        0,
        f"Session {session} signée par {ANNE} (audit n° 8).\n",
    )
    code, _out, err = _run(
        capsys,
        "override",
        session,
        "01.01",
        "--verdict",
        "NOK",
        "--reason",
        "oubli de la salutation d'accueil",
        *who,
    )
    assert code == 1 and "rouvrez-la d'abord" in err
    code, _out, err = _run(capsys, "reopen", session, "--reason", " ", *who)
    assert code == 1 and "exige une raison écrite" in err
    assert _run(
        capsys, "reopen", session, "--reason", "réclamation du candidat", *who, "--lang", "en"
    )[:2] == (0, f"Session {session} re-opened by {ANNE} (audit #9): réclamation du candidat\n")
    assert (
        _run(
            capsys,
            "override",
            session,
            "01.01",
            "--verdict",
            "NOK",
            "--reason",
            "oubli de la salutation d'accueil",
            *who,
        )[0]
        == 0
    )
    code, out, _err = _run(capsys, "audit", "show", session, "--store", path)
    assert code == 0
    rows = [line for line in out.splitlines() if line.startswith("│")]
    assert [row.split("│")[1].strip() for row in rows] == [str(n) for n in range(3, 11)]
    assert "rouverte" in rows[6] and "réclamation du candidat" in rows[6]
    assert (
        "dérogation 01.01 : OK → NOK" in rows[7] and "oubli de la salutation d'accueil" in rows[7]
    )


def test_audit_show_in_both_languages(store, capsys):
    path, ids = store
    session = ids["never-confirms"]
    _run(
        capsys,
        "override",
        session,
        "02.04",
        "--verdict",
        "OK",
        "--reason",
        "reformulation complète du besoin",
        "--assessor",
        ANNE,
        "--store",
        path,
    )
    code, out, _err = _run(capsys, "audit", "show", "--store", path)
    assert code == 0
    assert all(word in out for word in ("n°", "Quand", "Qui", "Session", "Quoi", "Pourquoi"))
    assert (
        "compte créé" in out
        and "dérogation 02.04 : NOK → OK" in out
        and "reformulation complète du besoin" in out
    )
    assert "2026-01-06 14:00:00" in out
    code, out, _err = _run(capsys, "audit", "show", session, "--store", path, "--lang", "en")
    assert code == 0 and "override 02.04: NOK → OK" in out and "account created" not in out
    assert all(word in out for word in ("When", "Who", "What", "Why"))
    assert _run(capsys, "audit", "show", "S-000000000000", "--store", path)[0] == 2


def test_sessions_lists_status_verdicts_and_overrides(store, capsys):
    path, ids = store
    _run(
        capsys,
        "override",
        ids["never-confirms"],
        "01.09",
        "--verdict",
        "OK",
        "--reason",
        "vérifié à la réécoute de l'appel",
        "--assessor",
        ANNE,
        "--store",
        path,
    )
    _run(capsys, "mark-reviewed", ids["never-confirms"], "--assessor", ANNE, "--store", path)
    code, out, _err = _run(capsys, "sessions", "--store", path)
    assert code == 0
    rows = {
        line.split("│")[1].strip(): [cell.strip() for cell in line.split("│")[2:-1]]
        for line in out.splitlines()
        if line.startswith("│")
    }
    assert rows[ids["never-confirms"]] == [
        "T-never-confirms-2",
        "entrainement-decouverte",
        "2026-01-05",
        "revue",
        "NOK / NOK",
        "1",
    ]
    assert rows[ids["ideal"]][3:] == ["notée", "NON OBSERVÉ / NON OBSERVÉ", "0"]
    assert rows[ids["careless"]][3:] == ["à noter", "—", "0"]
    assert _run(capsys, "sessions", "--store", path) == (code, out, _err), "same store, same bytes"
    code, out, _err = _run(
        capsys, "sessions", "--store", path, "--status", "reviewed", "--lang", "en"
    )
    assert (
        code == 0 and ids["never-confirms"] in out and ids["ideal"] not in out and "reviewed" in out
    )
    assert "Overrides" in out and "NOT OBSERVED" not in out
    code, out, err = _run(capsys, "sessions", "--store", path, "--since", "2026-01-06")
    assert (code, out, err) == (0, "", "Aucune session ne correspond.\n")
    assert (
        len(
            _run(
                capsys,
                "sessions",
                "--store",
                path,
                "--epreuve",
                "entrainement-decouverte",
                "--until",
                "2026-01-05",
            )[1].splitlines()
        )
        == 7
    )


def test_bad_input_exits_2_with_a_message(store, tmp_path, capsys):
    path, _ids = store
    code, _out, err = _run(capsys, "sessions", "--store", path, "--since", "5 janvier")
    assert (code, err) == (2, "Erreur : Date invalide : « 5 janvier » (attendu : AAAA-MM-JJ).\n")
    missing = str(tmp_path / "absent.sqlite3")
    for argv in (
        ["sessions"],
        ["audit", "verify"],
        ["assessor", "list"],
        ["sign", "S-1", "--assessor", ANNE],
    ):
        code, _out, err = _run(capsys, *argv, "--store", missing)
        assert code == 2 and err.startswith("Erreur : journal introuvable")
    not_a_store = tmp_path / "notes.sqlite3"
    not_a_store.write_text("ceci n'est pas une base", encoding="utf-8")
    code, _out, err = _run(capsys, "sessions", "--store", str(not_a_store))
    assert code == 1 and err.startswith("Erreur : ")


def test_confirm_text_where_no_text_waits_is_refused(store, capsys):
    path, ids = store
    code, _out, err = _run(
        capsys, "confirm-text", ids["ideal"], "3", "--met", "--assessor", ANNE, "--store", path
    )
    assert code == 1 and "Aucun texte tapé à confirmer à l'événement 3" in err


def test_confirm_text_needs_met_or_not_met(store, capsys):
    path, ids = store
    with pytest.raises(SystemExit) as exited:
        main(["confirm-text", ids["ideal"], "3", "--assessor", ANNE, "--store", path])
    assert exited.value.code == 2
