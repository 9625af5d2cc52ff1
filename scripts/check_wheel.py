"""Check the package as a test centre installs it: build the wheel, install it in a fresh virtual
environment, and from an empty folder list the épreuves, simulate the practice épreuve, check the
bundled library and run its test plans.

The tests import the source tree, so they cannot see a library left out of the wheel; this does.
Run from anywhere: ``python scripts/check_wheel.py`` (CI runs it after the tests). Exit code 0 when
every step succeeds; otherwise the failing step's output and its exit code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Left out of the copy the wheel is built from: a stale ``build/`` would end up in the wheel.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    ".benchmarks",
    "*.sqlite3*",
)
#: What must work from an empty folder, with nothing but the installed package.
COMMANDS = (
    ("epreuve", "list"),
    ("simulate", "--epreuve", "practice", "--policy", "ideal"),
    ("scenario", "check", "--strict"),
    ("scenario", "test"),  # the test plans travel with their scenarios
)


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run a command, echo it, and stop the check with its output when it fails."""
    print("$", " ".join(command), flush=True)
    done = subprocess.run(command, text=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        sys.stdout.write(done.stdout)
        sys.stderr.write(done.stderr)
        print(
            f"check_wheel: failed (exit code {done.returncode}): {' '.join(command)}",
            file=sys.stderr,
        )
        raise SystemExit(done.returncode or 1)
    return done


def build_wheel(work: Path) -> Path:
    """Build the wheel from a clean copy of the source tree; return its path."""
    source, wheels = work / "source", work / "wheels"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCES)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(wheels),
            str(source),
        ]
    )
    (wheel,) = wheels.glob("callsim-*.whl")
    check_catalogs(wheel)
    return wheel


def check_catalogs(wheel: Path) -> None:
    """The wheel carries a compiled ``.mo`` for every ``.po`` of the source tree (setup.py's build step)."""
    with zipfile.ZipFile(wheel) as archive:
        carried = set(archive.namelist())
    wanted = sorted(
        str(po.relative_to(ROOT).with_suffix(".mo")).replace(os.sep, "/")
        for po in (ROOT / "simulator" / "i18n" / "locale").glob("*/LC_MESSAGES/*.po")
    )
    missing = [mo for mo in wanted if mo not in carried]
    if not wanted or missing:
        print(
            f"check_wheel: compiled catalogs missing from the wheel: {', '.join(missing) or 'all'}",
            file=sys.stderr,
        )
        raise SystemExit(1)
    print(f"check_wheel: {len(wanted)} compiled catalogs in the wheel", flush=True)


def install(wheel: Path, work: Path) -> Path:
    """A fresh virtual environment with the wheel installed; return its ``callsim`` command."""
    venv = work / "venv"
    run([sys.executable, "-m", "venv", str(venv)])
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    run([str(scripts / "python"), "-m", "pip", "install", "--quiet", str(wheel)])
    return scripts / "callsim"


def try_commands(callsim: Path, work: Path) -> None:
    """Run every command of ``COMMANDS`` from an empty folder, with a journal of its own."""
    empty = work / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("CALLSIM_LIBRARY", "PYTHONPATH")}
    env.update(CALLSIM_STORE=str(work / "journal.sqlite3"), XDG_DATA_HOME=str(work / "data"))
    for command in COMMANDS:
        done = run([str(callsim), *command], cwd=empty, env=env)
        sys.stdout.write(
            "".join(done.stdout.splitlines(keepends=True)[-3:])
        )  # its last lines: enough to see it worked
    left = sorted(p.name for p in empty.iterdir())
    if left:
        print(
            f"check_wheel: the commands wrote into the working folder: {', '.join(left)}",
            file=sys.stderr,
        )
        raise SystemExit(1)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="callsim-wheel-") as folder:
        work = Path(folder)
        wheel = build_wheel(work)
        print(f"built {wheel.name}")
        try_commands(install(wheel, work), work)
    print("check_wheel: the installed package works from an empty folder")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
