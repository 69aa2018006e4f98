"""The pipeline: article files → extraction → RDF → store, with a summary of what happened."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rdflib import Graph

from .articles import Article, ArticleError, expand_paths, read_file
from .extract import extract
from .mapping import article_iri, to_rdf
from .namespaces import Minter
from .resources import ONTOLOGY_FILE
from .store import GraphStore


@dataclass
class IngestSummary:
    """What an ingest read, stored and skipped."""

    articles: int = 0
    entities: Counter = field(default_factory=Counter)
    events: Counter = field(default_factory=Counter)
    triples: int = 0
    skipped: list[ArticleError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)   # files in folders that are no articles
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped


def ensure_ontology(store: GraphStore) -> None:
    """Keep the ontology in its own named graph, so that queries can use its hierarchy."""
    from .namespaces import ONTOLOGY_IRI

    if ONTOLOGY_IRI not in store.graphs():
        store.load(ONTOLOGY_FILE.read_bytes(), "turtle", graph=ONTOLOGY_IRI)


def ingest_article(article: Article, store: GraphStore, summary: IngestSummary | None = None) -> int:
    """Extract one article and replace its graph in the store; the number of triples written."""
    minter = Minter(store.base_iri)
    facts = extract(article)
    dataset = to_rdf(facts, minter)
    store.put_article(str(article_iri(article.id, minter)), dataset)
    written = sum(len(g) for g in dataset.graphs())
    if summary is not None:
        summary.articles += 1
        summary.triples += written
        summary.entities.update(e.cls for e in facts.entities.values() if not e.implied)
        summary.events.update(ev.cls for ev in facts.events)
        summary.notes.extend(f"{article.source_file}: {note}" for note in facts.skipped)
    return written


def ingest_articles(articles: Iterable[Article | ArticleError], store: GraphStore) -> IngestSummary:
    """Ingest articles (errors among them are recorded and skipped)."""
    summary = IngestSummary()
    ensure_ontology(store)
    for item in articles:
        if isinstance(item, ArticleError):
            summary.skipped.append(item)
        else:
            ingest_article(item, store, summary)
    store.flush()
    return summary


def ingest_files(files: Iterable, store: GraphStore, *, missing: Iterable[ArticleError] = (),
                 ignored: Iterable = (), progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Ingest every article in the files; `progress(1)` is called after each file."""

    def items():
        yield from missing
        for f in files:
            yield from read_file(f)
            if progress:
                progress(1)

    summary = ingest_articles(items(), store)
    summary.ignored.extend(str(f) for f in ignored)
    return summary


def ingest_paths(paths: Iterable[str], store: GraphStore) -> IngestSummary:
    """Ingest every article in the files, folders and globs given."""
    files, missing, ignored = expand_paths(paths)
    return ingest_files(files, store, missing=missing, ignored=ignored)


def store_graph(store: GraphStore) -> Graph:
    """The union of the store's graphs as an in-memory rdflib graph (for validation and viz)."""
    g = Graph()
    g.parse(data=store.dump("nt"), format="nt")
    return g
