"""Tests for the documentation and scripts base tool."""

from __future__ import annotations

import json

import pytest

from simulator.engine.tools.documentation import Article, ArticleSummary, DocumentationBase
from simulator.engine.tools.errors import ToolError, UnknownArticle


def _base() -> DocumentationBase:
    return DocumentationBase(
        [
            Article(
                "A1",
                "procedure",
                "Déménagement : transfert du contrat",
                ("adresse", "relevé"),
                "Demander la date du déménagement et les index.",
            ),
            Article(
                "A2",
                "script",
                "Accueil téléphonique",
                ("salutation",),
                "Bonjour, vous êtes bien au service clientèle. Pour un déménagement, voir A1.",
            ),
            Article(
                "A3",
                "faq",
                "Facture trop élevée",
                ("facturation", "plainte"),
                "Vérifier les index relevés et le plan de paiement.",
            ),
            Article(
                "A4",
                "article",
                "Plan de paiement",
                ("facture", "échelonnement"),
                "Un plan de paiement peut être proposé.",
            ),
        ]
    )


def test_search_is_accent_and_case_insensitive_and_ranks_title_hits_first() -> None:
    base = _base()
    assert [s.id for s in base.search("DEMENAGEMENT")] == ["A1", "A2"]
    assert [s.id for s in base.search("déménag")] == ["A1", "A2"]
    assert [s.id for s in base.search("plan paiement")] == ["A4", "A3"]
    assert [s.id for s in base.search("factur")] == ["A3", "A4"]
    assert base.search("index")[0] == ArticleSummary(
        "A1", "procedure", "Déménagement : transfert du contrat"
    )
    assert base.search("inexistant") == []
    assert base.searches == [
        "DEMENAGEMENT",
        "déménag",
        "plan paiement",
        "factur",
        "index",
        "inexistant",
    ]


def test_empty_query_lists_all_by_title() -> None:
    base = _base()
    assert [s.id for s in base.search("   ")] == ["A2", "A1", "A3", "A4"]
    assert base.searches == []


def test_search_order_is_deterministic_for_ties() -> None:
    base = DocumentationBase(
        [
            Article("Z", "faq", "Même titre", (), "x"),
            Article("B", "faq", "Meme titre", (), "x"),
        ]
    )
    assert [s.id for s in base.search("titre")] == ["B", "Z"]


def test_open_records_each_opening_in_order() -> None:
    base = _base()
    assert base.open("A3").title == "Facture trop élevée"
    base.open("A1")
    base.open("A3")
    assert base.opened == ["A3", "A1", "A3"]
    with pytest.raises(UnknownArticle) as caught:
        base.open("nope")
    assert isinstance(caught.value, ToolError)
    assert caught.value.code == "unknown_article"
    assert "nope" in caught.value.message("fr") and "nope" in caught.value.message("en")
    assert base.opened == ["A3", "A1", "A3"]


def test_select_and_unselect_keep_order_without_duplicates() -> None:
    base = _base()
    base.select("A4")
    base.select("A1")
    base.select("A4")
    assert base.selected == ["A4", "A1"]
    base.unselect("A4")
    base.unselect("A4")
    assert base.selected == ["A1"]
    with pytest.raises(UnknownArticle):
        base.select("A9")


def test_invalid_articles_are_refused() -> None:
    with pytest.raises(ValueError):
        Article("X", "memo", "t", (), "b")
    with pytest.raises(ValueError):
        DocumentationBase([Article("X", "faq", "t", (), "b"), Article("X", "faq", "u", (), "c")])


def test_snapshot_restore_round_trip() -> None:
    base = _base()
    base.search("plan")
    base.open("A4")
    base.select("A4")
    base.select("A2")
    snap = base.snapshot()
    assert json.loads(json.dumps(snap)) == snap
    again = DocumentationBase.restore(json.loads(json.dumps(snap)))
    assert again.snapshot() == snap
    assert again.articles == base.articles
    assert again.opened == ["A4"] and again.selected == ["A4", "A2"]
