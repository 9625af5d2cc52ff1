"""Documentation and scripts base: search, open and select articles during a contact."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from simulator.engine.tools.errors import UnknownArticle
from simulator.formatting.text import normalise

ARTICLE_KINDS = ("script", "article", "procedure", "faq")


@dataclass(frozen=True)
class Article:
    """A document already rendered in the candidate's language."""

    id: str
    kind: str
    title: str
    keywords: tuple[str, ...]
    body: str

    def __post_init__(self) -> None:
        if self.kind not in ARTICLE_KINDS:
            raise ValueError(f"unknown article kind: {self.kind!r}")
        object.__setattr__(self, "keywords", tuple(self.keywords))

    def summary(self) -> ArticleSummary:
        return ArticleSummary(self.id, self.kind, self.title)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "title": self.title,
            "keywords": list(self.keywords),
            "body": self.body,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return cls(data["id"], data["kind"], data["title"], tuple(data["keywords"]), data["body"])


@dataclass(frozen=True)
class ArticleSummary:
    """What a search result list shows."""

    id: str
    kind: str
    title: str


@lru_cache(maxsize=1 << 12)
def _hits(terms: tuple[str, ...], text: str) -> frozenset[str]:
    """Terms that start a word of *text* (both normalised); remembered, articles are searched again and again."""
    words = normalise(text).split()
    return frozenset(t for t in terms if any(w.startswith(t) for w in words))


class DocumentationBase:
    """The searchable base; records searches, openings and the selection to send or attach."""

    def __init__(self, articles: Iterable[Article]) -> None:
        self._articles: dict[str, Article] = {}
        for article in articles:
            if article.id in self._articles:
                raise ValueError(f"duplicate article id: {article.id!r}")
            self._articles[article.id] = article
        self.searches: list[str] = []
        self.opened: list[str] = []
        self.selected: list[str] = []

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(self._articles.values())

    def _by_title(self) -> list[Article]:
        return sorted(self._articles.values(), key=lambda a: (normalise(a.title), a.id))

    def search(self, query: str) -> list[ArticleSummary]:
        """Articles holding every word of *query* (as word prefixes), title/keyword hits first."""
        terms = tuple(dict.fromkeys(normalise(query).split()))
        if query.strip():
            self.searches.append(query.strip())
        if not terms:
            return [a.summary() for a in self._by_title()]
        ranked: list[tuple[int, int, str, str, Article]] = []
        for article in self._articles.values():
            head = _hits(terms, " ".join((article.title, *article.keywords)))
            body = _hits(terms, article.body)
            if len(head | body) < len(terms):
                continue
            tier = 0 if len(head) == len(terms) else 1
            ranked.append((tier, -len(head), normalise(article.title), article.id, article))
        ranked.sort(key=lambda r: r[:4])
        return [r[4].summary() for r in ranked]

    def get(self, article_id: str) -> Article:
        """The article, without recording an opening."""
        try:
            return self._articles[article_id]
        except KeyError:
            raise UnknownArticle(article_id) from None

    def open(self, article_id: str) -> Article:
        """Open an article for reading; every opening is recorded in order."""
        article = self.get(article_id)
        self.opened.append(article_id)
        return article

    def select(self, article_id: str) -> None:
        """Pick a document to send or attach (idempotent)."""
        self.get(article_id)
        if article_id not in self.selected:
            self.selected.append(article_id)

    def unselect(self, article_id: str) -> None:
        """Drop a document from the selection (no-op if not selected)."""
        self.get(article_id)
        if article_id in self.selected:
            self.selected.remove(article_id)

    def snapshot(self) -> dict[str, Any]:
        return {
            "articles": [a.to_dict() for a in self._articles.values()],
            "searches": list(self.searches),
            "opened": list(self.opened),
            "selected": list(self.selected),
        }

    @classmethod
    def restore(cls, snapshot: dict[str, Any]) -> DocumentationBase:
        base = cls(Article.from_dict(a) for a in snapshot["articles"])
        base.searches = list(snapshot.get("searches", []))
        base.opened = list(snapshot.get("opened", []))
        base.selected = list(snapshot.get("selected", []))
        return base
