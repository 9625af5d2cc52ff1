"""Fixtures shared by the scoring tests."""

from __future__ import annotations

import pytest

import scoring.score as scoring_score


@pytest.fixture
def replays(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sessions the engine replayed (one entry per replay), in order."""
    calls: list[str] = []
    real = scoring_score._replay_evidence

    def counted(*args, **kwargs):
        calls.append(args[0].session_id)
        return real(*args, **kwargs)

    monkeypatch.setattr(scoring_score, "_replay_evidence", counted)
    return calls
