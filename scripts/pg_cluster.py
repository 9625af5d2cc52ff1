"""A throwaway PostgreSQL cluster in a folder (initdb + pg_ctl): for the tests, the load test and trying a centre.

``python scripts/pg_cluster.py start FOLDER`` creates the cluster (if the folder is empty), starts it on
a Unix socket in that folder and a free local port, creates the centre's role ``callsim`` (not a
superuser) and its database, and prints the store URL; ``stop FOLDER`` stops it. Run as root, the
server runs as the ``postgres`` system user (PostgreSQL refuses to run as root). The binaries are
found on ``PATH`` or in ``/usr/lib/postgresql/*/bin`` (Debian's ``postgresql`` package).
"""

from __future__ import annotations

import argparse
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROLE = "callsim"


def pg_bin(name: str) -> str | None:
    """The path of a PostgreSQL server program, or ``None`` when PostgreSQL is not installed."""
    found = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4])
    )
    return found[-1] if found else shutil.which(name)


def available() -> bool:
    """True when ``initdb`` and ``pg_ctl`` can be found."""
    return pg_bin("initdb") is not None and pg_bin("pg_ctl") is not None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user() -> tuple[list[str], int | None, int | None]:
    """The command prefix and ids that run a server program (``postgres`` when we are root)."""
    if os.geteuid() != 0:
        return [], None, None
    user = pwd.getpwnam("postgres")
    return ["runuser", "-u", "postgres", "--"], user.pw_uid, user.pw_gid


@dataclass
class Cluster:
    """A running throwaway cluster: its folder, port and the centre's store URL."""

    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql://{ROLE}@127.0.0.1:{self.port}/{ROLE}"

    @property
    def admin_url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def stop(self) -> None:
        stop(self.folder)


def _run(args: list[str]) -> None:
    prefix, _uid, _gid = _as_server_user()
    subprocess.run([*prefix, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def start(folder: str | Path, *, fsync: bool = True) -> Cluster:
    """Create (if needed) and start the cluster in ``folder``; the role and database ``callsim`` exist after."""
    folder = Path(folder).resolve()
    data = folder / "data"
    _prefix, uid, gid = _as_server_user()
    folder.mkdir(parents=True, exist_ok=True)
    if uid is not None:
        os.chown(folder, uid, gid)
    os.chmod(folder, 0o700)
    fresh = not (data / "PG_VERSION").exists()
    if fresh:
        _run(
            [
                pg_bin("initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        )
    port = _free_port()
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"
    if not fsync:
        options += " -c fsync=off -c synchronous_commit=off"
    _run(
        [
            pg_bin("pg_ctl"),
            "-D",
            str(data),
            "-l",
            str(folder / "server.log"),
            "-o",
            options,
            "-w",
            "start",
        ]
    )
    cluster = Cluster(folder, port)
    (folder / "port").write_text(str(port))
    if fresh:
        _create_role(cluster)
    return cluster


def _create_role(cluster: Cluster) -> None:
    import psycopg

    with psycopg.connect(cluster.admin_url, autocommit=True) as conn:
        conn.execute(f"CREATE ROLE {ROLE} LOGIN NOSUPERUSER")
        conn.execute(f"CREATE DATABASE {ROLE} OWNER {ROLE}")


def stop(folder: str | Path) -> None:
    """Stop the cluster in ``folder`` (immediate shutdown: a throwaway cluster needs no checkpoint); nothing happens when it is not running."""
    data = Path(folder).resolve() / "data"
    if (data / "postmaster.pid").exists():
        _run([pg_bin("pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("start", "stop"))
    parser.add_argument("folder", help="folder of the cluster (created if missing)")
    args = parser.parse_args(argv)
    if not available():
        print("PostgreSQL is not installed (apt-get install postgresql).", file=sys.stderr)
        return 2
    if args.action == "start":
        print(start(args.folder).url)
    else:
        stop(args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
