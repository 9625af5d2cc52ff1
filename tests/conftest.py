"""Test-wide settings: signing keys go to a temporary key folder (never the user's), derived with cheap argon2id costs.

The key folder is ``$CALLSIM_KEYS`` (what the command line and the review app read); new keys are
derived with ``CHEAP_KDF`` (each key file records its own costs, so unlocking stays cheap too).
The real costs are those of ``KdfParams()``, tested apart.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import simulator.engine  # noqa: F401 — registers the engine's rules, which the scenario checker asks
from scoring.assessment import keys

_FOLDER = tempfile.mkdtemp(prefix="callsim-test-keys-")
atexit.register(shutil.rmtree, _FOLDER, True)
os.environ[keys.KEYS_ENV] = _FOLDER
keys.DEFAULT_KDF = keys.KdfParams(time_cost=1, memory_cost=8, parallelism=1)
