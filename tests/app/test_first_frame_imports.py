"""``callsim practice`` paints its first screen before importing what only the épreuve needs.

The command runs through the console script's code path (``simulator.cli.main``) in a process of
its own, headless; when the sign-in screen is painted (the moment the app starts loading the
épreuve) the modules imported so far are noted and the app stops. The models and pydantic, the
journal, the package metadata, the YAML parser and the engine (even to find the épreuve's file) are
imported only after that frame.
An épreuve checked before (a warm cache) is shown before its models are built: when its title is
painted, pydantic is still not imported.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: What the sign-in screen does not need: imported after its first frame, by the loading thread.
NOT_BEFORE_THE_FIRST_FRAME = (
    "pydantic",
    "simulator.scenario.models",
    "simulator.engine",
    "textual.widgets._text_area",  # the sign-in screen has no text area
    "simulator.journal",
    "importlib.metadata",
    "ruamel",
    "scoring",
)

_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from simulator.app import app as app_module

seen = []

def start_loading(self):
    seen.extend(sorted(sys.modules))
    self.exit()

app_module.CallsimApp.start_loading = start_loading
run = app_module.CallsimApp.run
app_module.CallsimApp.run = lambda self, **kw: run(self, headless=True, size=(120, 40))
from simulator.cli import main
code = main(["practice"])
print(json.dumps({"code": code, "modules": seen}))
"""


def _probed(probe: str, tmp_path: Path) -> dict:
    """What ``probe`` saw of ``callsim practice`` started in a new process (store and cache in ``tmp_path``)."""
    done = subprocess.run(
        [sys.executable, "-c", probe, str(ROOT)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=True,
        env={
            **os.environ,
            "CALLSIM_STORE": str(tmp_path / "journal.sqlite3"),
            "CALLSIM_CACHE_DIR": str(tmp_path / "cache"),
        },
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_first_screen_is_painted_before_the_epreuve_is_loaded(tmp_path: Path) -> None:
    seen = _probed(_PROBE, tmp_path)
    assert seen["code"] == 0
    modules = seen["modules"]
    assert "simulator.app.screens.signin" in modules  # the probe saw the first frame
    early = [
        m
        for m in modules
        if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_THE_FIRST_FRAME)
    ]
    assert early == []


_SHOWN_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
from simulator.app import app as app_module

seen = {}

def painted(self):
    seen["modules"] = sorted(sys.modules)
    seen["title"] = self.epreuve_title()
    seen["bundle"] = self.bundle is not None
    self.exit()

app_module.CallsimApp._painted_epreuve = painted
run = app_module.CallsimApp.run
app_module.CallsimApp.run = lambda self, **kw: run(self, headless=True, size=(120, 40))
from simulator.cli import main
main(["practice"])
print(json.dumps(seen))
"""


def test_a_checked_epreuve_is_shown_before_its_models_are_built(tmp_path: Path) -> None:
    cold, warm = (_probed(_SHOWN_PROBE, tmp_path) for _start in ("cold", "warm"))
    assert cold["bundle"] is True and "pydantic" in cold["modules"]  # checked, then cached
    assert warm["title"] == cold["title"] != ""
    assert warm["bundle"] is False
    assert "pydantic" not in warm["modules"]
    assert "simulator.scenario.models" not in warm["modules"]
