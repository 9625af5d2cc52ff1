"""Fixtures of the test-centre tests: one throwaway PostgreSQL cluster per test run, a fresh database per test."""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator

import pytest

from scripts import pg_cluster
from tests.services import need

_NAMES = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg_cluster.Cluster]:
    """A PostgreSQL cluster in a temporary folder, stopped and removed at the end of the run."""
    need(pg_cluster.available(), "PostgreSQL (initdb, pg_ctl)")
    with tempfile.TemporaryDirectory(prefix="callsim-pg-") as folder:
        cluster = pg_cluster.start(folder)
        try:
            yield cluster
        finally:
            cluster.stop()


@pytest.fixture()
def pg_url(pg_server: pg_cluster.Cluster) -> str:
    """The URL of a new, empty database owned by the centre's role (not a superuser)."""
    import psycopg

    name = f"callsim_t{next(_NAMES)}"
    with psycopg.connect(pg_server.admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} OWNER {pg_cluster.ROLE}")
    return f"postgresql://{pg_cluster.ROLE}@127.0.0.1:{pg_server.port}/{name}"


@pytest.fixture(scope="session")
def lrs() -> Iterator[tuple[str, str]]:
    """Ralph's LRS (file-system backend) on a free local port: ``(xAPI endpoint, user:password)``."""
    import importlib.util
    import socket
    import subprocess
    import time
    from pathlib import Path

    import httpx

    from scripts import local_lrs

    need(
        importlib.util.find_spec("ralph") is not None
        and importlib.util.find_spec("uvicorn") is not None,
        "Ralph's LRS (ralph-malph[lrs])",
    )
    with tempfile.TemporaryDirectory(prefix="callsim-lrs-") as folder, socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()
        local_lrs.write_account(Path(folder), "centre", "lrs-secret")
        command, env = local_lrs.server_command(Path(folder), port)
        server = subprocess.Popen(
            command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        url = f"http://127.0.0.1:{port}/xAPI"
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/__heartbeat__").status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            yield url, "centre:lrs-secret"
        finally:
            server.terminate()
            server.wait(timeout=10)
