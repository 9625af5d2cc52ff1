"""A local learning record store for trying ``callsim export --to`` and for the tests: Ralph's LRS, file-system backend.

``python scripts/local_lrs.py FOLDER --port 8100 --user centre --password …`` writes the account
(bcrypt) to ``FOLDER/auth.json``, then serves the xAPI endpoint ``http://127.0.0.1:PORT/xAPI`` with
the statements kept in ``FOLDER/fs_lrs.jsonl`` until stopped (Ctrl+C). Needs ``ralph-malph[lrs]``.

Ralph's file-system backend creates its statements file on the first POST and refuses every later one
("already exists and overwrite is not allowed"): the server started here appends instead.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path


def write_account(folder: Path, user: str, password: str) -> Path:
    """The LRS's accounts file with one account allowed every scope."""
    import bcrypt

    folder.mkdir(parents=True, exist_ok=True)
    account = {
        "username": user,
        "hash": bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=4)).decode(),
        "scopes": ["all"],
        "agent": {"account": {"homePage": "http://127.0.0.1", "name": user}},
    }
    path = folder / "auth.json"
    path.write_text(json.dumps([account]), encoding="utf-8")
    return path


def server_command(folder: Path, port: int) -> tuple[list[str], dict[str, str]]:
    """The command and environment that run the LRS on ``127.0.0.1:port`` with its data in ``folder``."""
    env = {
        **os.environ,
        "RALPH_RUNSERVER_BACKEND": "fs",
        "RALPH_AUTH_FILE": str(folder / "auth.json"),
        "RALPH_APP_DIR": str(folder),
        "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(folder),
        "RALPH_BACKENDS__DATA__FS__DEFAULT_DIRECTORY_PATH": str(folder),
        "RALPH_SENTRY_DSN": "",
    }
    return [
        sys.executable,
        str(Path(__file__).resolve()),
        "--serve-only",
        str(folder),
        "--port",
        str(port),
    ], env


def serve(port: int) -> None:
    """Run Ralph's LRS in this process, its file-system backend appending to the statements file."""
    import uvicorn
    from ralph.backends.data.base import BaseOperationType
    from ralph.backends.lrs.fs import FSLRSBackend

    FSLRSBackend.default_operation_type = BaseOperationType.APPEND
    uvicorn.run("ralph.api:app", host="127.0.0.1", port=port, log_level="warning", access_log=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of the accounts and statements")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--user", default="centre")
    parser.add_argument("--password")
    parser.add_argument("--serve-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_only:
        serve(args.port)
        return 0
    if not args.password:
        parser.error("--password is required")
    write_account(args.folder, args.user, args.password)
    command, env = server_command(args.folder.resolve(), args.port)
    print(f"xAPI endpoint: http://127.0.0.1:{args.port}/xAPI", flush=True)
    try:
        return subprocess.call(command, env=env)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
