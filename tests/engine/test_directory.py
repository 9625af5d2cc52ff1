"""Tests for the transfer directory tool."""

from __future__ import annotations

import json

import pytest

from simulator.engine.tools.directory import Directory, Service
from simulator.engine.tools.errors import ToolError, UnknownService


def _directory() -> Directory:
    return Directory(
        [
            Service(
                "billing",
                "Service facturation",
                "2104",
                "Contestation de facture, plan de paiement",
            ),
            Service("tech", "Dépannage technique", "2200", "Pannes, fuites, compteurs défectueux"),
            Service(
                "complaints",
                "Service plaintes",
                "2300",
                "Plaintes écrites, insatisfaction après une facturation",
            ),
        ]
    )


def test_search_ranks_name_hits_first() -> None:
    directory = _directory()
    assert [s.id for s in directory.search("factur")] == ["billing", "complaints"]
    assert [s.id for s in directory.search("DEPANNAGE")] == ["tech"]
    assert [s.id for s in directory.search("compteur")] == ["tech"]
    assert [s.id for s in directory.search("2300")] == ["complaints"]
    assert [s.id for s in directory.search("service plainte")] == ["complaints"]
    assert directory.search("mazout") == []
    assert directory.searches == [
        "factur",
        "DEPANNAGE",
        "compteur",
        "2300",
        "service plainte",
        "mazout",
    ]


def test_empty_search_lists_all_by_name() -> None:
    directory = _directory()
    assert [s.id for s in directory.search("")] == ["tech", "billing", "complaints"]
    assert directory.searches == []


def test_get_and_consult() -> None:
    directory = _directory()
    assert directory.get("tech").extension == "2200"
    assert directory.consulted == []
    directory.consult("billing")
    directory.consult("tech")
    assert directory.consulted == ["billing", "tech"]
    with pytest.raises(UnknownService) as caught:
        directory.get("hr")
    assert isinstance(caught.value, ToolError) and caught.value.code == "unknown_service"
    with pytest.raises(ValueError):
        Directory([Service("a", "A", "1", "x"), Service("a", "B", "2", "y")])


def test_snapshot_restore_round_trip() -> None:
    directory = _directory()
    directory.search("plainte")
    directory.consult("complaints")
    snap = directory.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    again = Directory.restore(json.loads(json.dumps(snap)))
    assert again.snapshot() == snap
    assert again.services == directory.services
