"""Every command that takes a store works on a PostgreSQL store: simulate, store init, score, report, sessions,
export, transcript verify; and ``store copy`` moves a SQLite store to a server with every chain verified."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

ROOT = Path(__file__).resolve().parents[2]


def callsim(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "simulator", *args],
        cwd=ROOT,
        input=stdin,
        text=True,
        capture_output=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), **(env or {})},
        timeout=240,
    )


def simulate(store: str, seed: int) -> str:
    done = callsim("simulate", "--epreuve", "practice", "--seed", str(seed), "--store", store)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


@pytest.mark.slow
def test_the_assessors_chain_on_a_server(pg_url: str, lrs: tuple[str, str]) -> None:
    session = simulate(pg_url, 3)
    init = callsim(
        "store",
        "init",
        "admin",
        "--store",
        pg_url,
        "--passphrase-stdin",
        stdin="phrase-secrete-01\n",
    )
    assert init.returncode == 0, init.stderr
    assert "***" not in init.stdout and "Administrateur : admin" in init.stdout
    score = callsim("score", session, env={"CALLSIM_STORE": pg_url})
    assert score.returncode == 0, score.stderr
    assert session in callsim("sessions", "--store", pg_url).stdout
    assert callsim("transcript", "verify", session, "--store", pg_url).returncode == 0
    exported = callsim("export", session, "--format", "xapi", "--store", pg_url)
    assert exported.returncode == 0, exported.stderr
    statements = json.loads(exported.stdout)
    assert len(statements) == 24 and all(s["context"]["registration"] for s in statements)
    url, auth = lrs
    sent = callsim(
        "export",
        session,
        "--format",
        "xapi",
        "--to",
        url,
        "--store",
        pg_url,
        env={"CALLSIM_LRS_AUTH": auth},
    )
    assert sent.returncode == 0 and "24 déclarations envoyées" in sent.stderr, sent.stderr
    refused = callsim(
        "export",
        session,
        "--format",
        "xapi",
        "--to",
        url,
        "--auth",
        "centre:faux",
        "--store",
        pg_url,
    )
    assert refused.returncode == 1 and "--auth" in refused.stderr
    with psycopg.connect(pg_url, autocommit=True) as conn:
        for table in ("grilles", "audit", "assessors"):
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(f"DELETE FROM {table}")


@pytest.mark.slow
def test_store_copy_moves_everything_and_verifies_it(pg_url: str, tmp_path: Path) -> None:
    lite = tmp_path / "centre.sqlite3"
    sessions = [simulate(str(lite), seed) for seed in (1, 2)]
    assert (
        callsim(
            "store",
            "init",
            "admin",
            "--store",
            str(lite),
            "--passphrase-stdin",
            stdin="phrase-secrete-01\n",
        ).returncode
        == 0
    )
    assert callsim("score", "--all", "--store", str(lite)).returncode == 0
    copied = callsim("store", "copy", "--from", f"sqlite:{lite}", "--to", pg_url)
    assert copied.returncode == 0, copied.stderr
    assert "2 sessions" in copied.stdout and "2 grilles" in copied.stdout
    listed = callsim("transcript", "list", "--store", pg_url)
    assert all(s in listed.stdout for s in sessions)
    again = callsim("store", "copy", "--from", f"sqlite:{lite}", "--to", pg_url, "--lang", "en")
    assert again.returncode == 1 and "never merges" in again.stderr
    wrong = callsim("store", "copy", "--from", pg_url, "--to", str(lite))
    assert wrong.returncode == 2 and "--from" in wrong.stderr
