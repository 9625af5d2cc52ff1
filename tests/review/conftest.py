"""Fixtures of the review app's tests: the shared scored store (built once) and a private copy per test."""

from __future__ import annotations

import pytest

from tests.review.review_support import build_store, copy_store


@pytest.fixture(scope="session")
def review_template(tmp_path_factory):
    """The test store built once: its path and the sessions it holds."""
    return build_store(tmp_path_factory.mktemp("review-template"))


@pytest.fixture
def review_store(review_template, tmp_path):
    """A private copy of the test store and its sessions (each test may write to its audit)."""
    template, played = review_template
    return copy_store(template, tmp_path), played
