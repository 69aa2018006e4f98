"""The pipeline: article files → extraction → RDF → store, with a summary of what happened.

Extraction runs in this process (`jobs=1`) or in worker processes; either way the store is
written from this process alone, one article after another in input order, so that the
store ends the same whatever the number of jobs.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import pyoxigraph as ox
from rdflib import Graph
from rdflib.namespace import DCTERMS

from .articles import Article, ArticleError, count_inputs, expand_paths, read_file
from .canonical import canonical_keys
from .deals.corrections import article_graphs
from .extract import extract
from .entail import Hierarchy, ontology_hierarchy
from .linkset import GAZETTEER_GRAPH, link_graph
from .mapping import article_iri, entity_iri, event_iri, to_rdf
from .namespaces import ONTOLOGY_IRI, Minter
from .cluster import Cluster, connect, map_on_cluster
from .parallel import map_in_order
from .resources import ONTOLOGY_FILE
from .stats import EntityCounts, EntityTally
from .store import GraphStore, dataset_nquads


# articles written to the store together (see `write_batch`): a crash loses at most these
BATCH_SIZE = 1000


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
    seconds: float = 0.0
    jobs: int = 1
    scheduler: str | None = None   # the Dask scheduler that extracted, if one did (`jobs`: its worker threads)
    write_seconds: float = 0.0     # of `seconds`, the time spent writing to the store

    @property
    def ok(self) -> bool:
        return not self.skipped

    @property
    def entities(self) -> EntityCounts:
        """The entities of the articles read, counted as `stats` and the graph legend count them."""
        return self.entity_tally.counts()

    @property
    def extracted_by(self) -> str:
        """Who extracted, as the ingest summary's last line says it."""
        if self.scheduler:
            return (f"{self.jobs} worker thread{'s' if self.jobs != 1 else ''} on the Dask cluster "
                    f"at {self.scheduler}")
        return f"{self.jobs} extraction process{'es' if self.jobs > 1 else ''}"

    @property
    def rate(self) -> float:
        """Articles written per second."""
        return self.articles / self.seconds if self.seconds > 0 else 0.0


@dataclass
class Extracted:
    """One article's facts as N-Quads for the writer, with what the summary counts of them."""

    graph: str
    nquads: bytes
    triples: int
    entities: list[tuple[str, str, bool]]   # (IRI, class, named in the article rather than implied)
    events: list[tuple[str, str]]           # (IRI, class), each event once
    notes: list[str]


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


# the digest of the ontology file that the stored ontology and inference graphs were made from
DIGEST_QUERY = f"SELECT ?d WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ <{ONTOLOGY_IRI}> dcterms:identifier ?d }} }}"


def ensure_ontology(store: GraphStore, ontology: Path = ONTOLOGY_FILE) -> Hierarchy:
    """Keep the ontology in its own named graph, so that queries can use its hierarchy, and the
    inference graphs entailed by it; both are rebuilt when the ontology file changes. The deals
    graph is built from every article graph when the store has none yet."""
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
    if not store.deals_built():   # a store from before merged events: build them from every article
        store.rebuild_deals(article_graphs(store))
    return hierarchy


def extract_article(article: Article, base_iri: str) -> Extracted | ArticleError:
    """Extract one article into quads under `base_iri`; a failure of extraction becomes an ArticleError."""
    minter = Minter(base_iri)
    try:
        facts = extract(article)
        dataset = to_rdf(facts, minter)
    except Exception as exc:  # a bug on one article must not stop the others
        return ArticleError(describe(article), f"extraction failed ({type(exc).__name__}: {exc})")
    canon = canonical_keys(facts.entities)
    # an event's IRI is the article's and its signature's: two alike in one article are one
    events = sorted({(str(event_iri(article.id, ev, minter)), ev.cls) for ev in facts.events})
    return Extracted(graph=str(article_iri(article.id, minter)), nquads=dataset_nquads(dataset),
                     triples=sum(len(g) for g in dataset.graphs()),
                     entities=[(str(entity_iri(canon[e.key], minter)), e.cls, not e.implied)
                               for e in facts.entities.values()],
                     events=events, notes=[f"{article.source_file}: {note}" for note in facts.skipped])


def describe(article: Article) -> str:
    """How an error message names an article: its file and its title."""
    title = article.title if len(article.title) <= 60 else article.title[:59] + "…"
    return f"{article.source_file or 'article'} ({title!r})"


def extract_all(articles: Iterable[Article | ArticleError], base_iri: str, *, jobs: int = 1,
                cluster: Cluster | None = None) -> Iterator[Extracted | ArticleError]:
    """`extract_article` over articles on a Dask `cluster`, else in `jobs` processes (1: this
    one), in input order; errors pass through."""
    if cluster is not None:
        return map_on_cluster(extract_article, articles, cluster, args=(base_iri,), crashed=_crashed,
                              passed=lambda item: isinstance(item, ArticleError))
    if jobs > 1:
        return map_in_order(extract_article, articles, args=(base_iri,), jobs=jobs, crashed=_crashed,
                            passed=lambda item: isinstance(item, ArticleError))
    return (item if isinstance(item, ArticleError) else extract_article(item, base_iri) for item in articles)


def write_extracted(result: Extracted, store: GraphStore, summary: IngestSummary,
                    hierarchy: Hierarchy | None = None, merged: set | None = None) -> None:
    """Replace one extracted article's graph (and its inference graph) in the store and count it."""
    store.put_article(result.graph, result.nquads, hierarchy, merged)
    _count(result, summary)


def write_batch(results: list[Extracted], store: GraphStore, summary: IngestSummary,
                hierarchy: Hierarchy | None = None, merged: set | None = None) -> None:
    """`write_extracted` for each result in order, the store ending the same; a store that can
    write many articles at once (`put_articles`, the embedded store's bulk path) is given them so."""
    put_articles = getattr(store, "put_articles", None)
    if put_articles is None or len(results) == 1:
        for result in results:
            store.put_article(result.graph, result.nquads, hierarchy, merged)
    else:
        put_articles([(r.graph, r.nquads) for r in results], hierarchy, merged)
    for result in results:
        _count(result, summary)


def _count(result: Extracted, summary: IngestSummary) -> None:
    summary.articles += 1
    summary.triples += result.triples
    for iri, cls, named in result.entities:
        summary.entity_tally.add(iri, cls, named)
    summary.events.update(cls for _, cls in result.events)
    summary.notes.extend(result.notes)


def ingest_article(article: Article, store: GraphStore, summary: IngestSummary | None = None,
                   hierarchy: Hierarchy | None = None) -> int:
    """Extract one article and replace its graph (and, given the ontology's `hierarchy`, its
    inference graph) in the store; the number of triples written."""
    result = extract_article(article, store.base_iri)
    if isinstance(result, ArticleError):
        raise result
    write_extracted(result, store, summary if summary is not None else IngestSummary(), hierarchy)
    return result.triples


def ingest_articles(articles: Iterable[Article | ArticleError], store: GraphStore, *, jobs: int = 1,
                    cluster: Cluster | None = None, progress: Callable[[int], None] | None = None,
                    entail: bool = True, batch_size: int = BATCH_SIZE) -> IngestSummary:
    """Ingest articles, extracting on a Dask `cluster` or in `jobs` processes (errors among them
    are recorded and skipped); `progress(1)` is called after each item. The store is written
    `batch_size` articles at a time (`write_batch`; 1: one article after another, as before).
    `entail=False` leaves out the inference graphs (only to measure what they cost: the store
    is then incomplete)."""
    summary = IngestSummary(jobs=cluster.threads if cluster else jobs,
                            scheduler=cluster.address if cluster else None)
    start = time.perf_counter()
    hierarchy = ensure_ontology(store)
    merged: set[ox.Quad] = set()
    results = extract_all(articles, store.base_iri, jobs=jobs, cluster=cluster)
    batch: list[Extracted] = []

    def write() -> None:
        t0 = time.perf_counter()
        write_batch(batch, store, summary, hierarchy if entail else None, merged)
        summary.write_seconds += time.perf_counter() - t0
        batch.clear()

    try:
        for result in results:
            if isinstance(result, ArticleError):
                summary.skipped.append(result)
            else:
                batch.append(result)
                if len(batch) >= batch_size:
                    write()
            if progress:
                progress(1)
        write()
    finally:
        if hasattr(results, "close"):
            results.close()   # stops the worker processes (or cancels the tasks) now, also when a write fails
    t0 = time.perf_counter()
    store.flush()
    summary.write_seconds += time.perf_counter() - t0
    summary.seconds = time.perf_counter() - start
    return summary


def _crashed(article: Article) -> ArticleError:
    return ArticleError(describe(article), "the extraction process died on it (killed, or out of memory)")


def ingest_files(files: Iterable[Path], store: GraphStore, *, missing: Iterable[ArticleError] = (),
                 ignored: Iterable[Path] = (), jobs: int = 1, cluster: Cluster | None = None,
                 progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Ingest every article in the files, extracting on a Dask `cluster` or in `jobs` processes;
    `progress(1)` is called after each article or skipped input."""

    def items() -> Iterator[Article | ArticleError]:
        yield from missing
        for f in files:
            yield from read_file(f)

    files = list(files)
    missing = list(missing)
    if jobs > 1 and cluster is None:   # no more workers than articles; one article is extracted here
        jobs = min(jobs, count_items(files, missing))
    summary = ingest_articles(items(), store, jobs=jobs, cluster=cluster, progress=progress)
    summary.ignored.extend(str(f) for f in ignored)
    return summary


def count_items(files: Iterable[Path], missing: Iterable[ArticleError] = ()) -> int:
    """How many articles and skipped inputs `ingest_files` will report progress for."""
    return len(list(missing)) + sum(count_inputs(f) for f in files)


def ingest_paths(paths: Iterable[str], store: GraphStore, *, jobs: int = 1, scheduler: str | None = None,
                 progress: Callable[[int], None] | None = None) -> IngestSummary:
    """Ingest every article in the files, folders and globs given, extracting in `jobs`
    processes, or on the Dask cluster whose scheduler is at `scheduler` (ClusterError if it
    cannot be used)."""
    files, missing, ignored = expand_paths(paths)
    cluster = connect(scheduler) if scheduler else None
    try:
        return ingest_files(files, store, missing=missing, ignored=ignored, jobs=jobs, cluster=cluster,
                            progress=progress)
    finally:
        if cluster is not None:
            cluster.close()


def store_graph(store: GraphStore) -> Graph:
    """The union of the store's graphs as an in-memory rdflib graph (for validation and viz)."""
    g = Graph()
    g.parse(data=store.dump("ntriples"), format="nt")
    return g
