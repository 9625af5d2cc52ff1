"""The real services some tests need (a PostgreSQL cluster, Debian's Chromium, an LRS): found, or skipped, or failed.

A test needing a service that is not installed is skipped, unless ``$CALLSIM_REQUIRE_SERVICES`` is
set (CI sets it), in which case it fails: a missing service must never turn CI green silently.
"""

from __future__ import annotations

import os
import shutil

import pytest

REQUIRE_ENV = "CALLSIM_REQUIRE_SERVICES"
CHROMIUM = "/usr/bin/chromium"
#: Launch arguments of headless Chromium in tests and the load test (no network beyond localhost).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def need(present: bool, what: str) -> None:
    """Skip (or fail, when services are required) a test whose service ``what`` is missing."""
    if present:
        return
    if os.environ.get(REQUIRE_ENV, "").strip():
        pytest.fail(f"{what} is required (${REQUIRE_ENV} is set) but not installed")
    pytest.skip(f"{what} is not installed")


def chromium_present() -> bool:
    return os.access(CHROMIUM, os.X_OK) or shutil.which("chromium") is not None
