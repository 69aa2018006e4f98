"""The pipeline: article files → extraction → RDF → store, with a summary of what happened."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import DCTERMS

from .articles import Article, ArticleError, expand_paths, read_file
from .extract import extract
from .entail import Hierarchy, ontology_hierarchy
from .linkset import GAZETTEER_GRAPH, link_graph
from .mapping import article_iri, entity_iri, event_iri, to_rdf
from .namespaces import ONTOLOGY_IRI, Minter
from .resources import ONTOLOGY_FILE
from .stats import EntityCounts, EntityTally
from .store import GraphStore


@dataclass
class IngestSummary:
    """What an ingest read, stored and skipped."""

    articles: int = 0
    entity_tally: EntityTally = field(default_factory=EntityTally)
    events: Counter = field(default_factory=Counter)     # distinct events by class
    triples: int = 0
    skipped: list[ArticleError] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)   # files in folders that are no articles
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def entities(self) -> EntityCounts:
        """The entities of the articles read, counted as `stats` and the graph legend count them."""
        return self.entity_tally.counts()


# the digest of the ontology file that the stored ontology and inference graphs were made from
DIGEST_QUERY = f"SELECT ?d WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ <{ONTOLOGY_IRI}> dcterms:identifier ?d }} }}"


def ensure_ontology(store: GraphStore, ontology: Path = ONTOLOGY_FILE) -> Hierarchy:
    """Keep the ontology in its own named graph, so that queries can use its hierarchy, and the
    inference graphs entailed by it; both are rebuilt when the ontology file changes."""
    hierarchy = ontology_hierarchy(ontology)
    if [r["d"] for r in store.select(DIGEST_QUERY)] != [hierarchy.digest]:
        minter = Minter(store.base_iri)
        written_by_ingest = (minter.entities_graph, link_graph(minter, GAZETTEER_GRAPH))
        store.rebuild_inferences(hierarchy, [g for g in store.graphs() if g in written_by_ingest
                                             or g.startswith(minter.iri("article", ""))])
        # the ontology and its digest last: after a crash before them, the next ingest rebuilds again
        digest = ox.Triple(ox.NamedNode(ONTOLOGY_IRI), ox.NamedNode(str(DCTERMS.identifier)),
                           ox.Literal(hierarchy.digest))
        store.write_graph(ontology.read_bytes() + f"\n{digest} .\n".encode("utf-8"), "turtle",
                          ONTOLOGY_IRI, replace=True)
    return hierarchy


def ingest_article(article: Article, store: GraphStore, summary: IngestSummary | None = None,
                   hierarchy: Hierarchy | None = None) -> int:
    """Extract one article and replace its graph (and, given the ontology's `hierarchy`, its
    inference graph) in the store; the number of triples written."""
    minter = Minter(store.base_iri)
    facts = extract(article)
    dataset = to_rdf(facts, minter)
    store.put_article(str(article_iri(article.id, minter)), dataset, hierarchy)
    written = sum(len(g) for g in dataset.graphs())
    if summary is not None:
        summary.articles += 1
        summary.triples += written
        for e in facts.entities.values():
            summary.entity_tally.add(str(entity_iri(e.key, minter)), e.cls, not e.implied)
        # an event's IRI is the article's and its signature's: two alike in one article are one
        events = {(event_iri(article.id, ev, minter), ev.cls) for ev in facts.events}
        summary.events.update(cls for _, cls in events)
        summary.notes.extend(f"{article.source_file}: {note}" for note in facts.skipped)
    return written


def ingest_articles(articles: Iterable[Article | ArticleError], store: GraphStore, *,
                    entail: bool = True) -> IngestSummary:
    """Ingest articles (errors among them are recorded and skipped); `entail=False` leaves out
    the inference graphs (only to measure what they cost: the store is then incomplete)."""
    summary = IngestSummary()
    hierarchy = ensure_ontology(store)
    for item in articles:
        if isinstance(item, ArticleError):
            summary.skipped.append(item)
        else:
            ingest_article(item, store, summary, hierarchy if entail else None)
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
