"""The embedded, persistent SPARQL store (Oxigraph) behind one small interface."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Protocol, TypeVar

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDFS

from .deals import DealIndex
from .deals.index import version_quad
from .deals.inputs import DealInputs
from .entail import Hierarchy, inferred_graph
from .formats import DATASET_FORMATS, RDF_FORMATS
from .namespaces import DEFAULT_BASE_IRI, PREFIXES
from .rdfxml_guard import check_rdfxml
from .results import Results
from .sparql_policy import check as check_fetches
from .write_scope import Scope, of_graph, of_quads, of_update

DEFAULT_STORE_DIR = "defgraph-store"
META_FILE = "defgraph.json"

# in the deals graph while a batch of articles is written: one of its article graphs (see put_articles)
PENDING = ox.NamedNode("urn:x-defgraph:pendingArticle")
T = TypeVar("T")


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says why."""


class GraphStore(Protocol):
    """What defgraph needs of a store; a remote SPARQL 1.1 store can implement it too."""

    base_iri: str
    row_limit: int | None          # the most rows its queries answer with; an answer that long may be cut

    def put_article(self, graph_iri: str, nquads: bytes, hierarchy: Hierarchy | None = None,
                    merged: set | None = None) -> None: ...
    def select(self, query: str) -> Results: ...
    def query(self, query: str, **dataset: object) -> object: ...
    def update(self, update: str, **dataset: object) -> None: ...
    def dump(self, fmt: str, graph: str | None = None) -> bytes: ...
    def load(self, data: bytes, fmt: str, graph: str | None = None) -> int: ...
    def write_graph(self, data: bytes, fmt: str, graph: str | None, *, replace: bool = False,
                    base_iri: str | None = None) -> None: ...
    def remove_graph(self, graph: str) -> None: ...
    def has_graph(self, graph: str) -> bool: ...
    def clear_default_graph(self) -> None: ...
    def rebuild_inferences(self, hierarchy: Hierarchy, sources: Iterable[str]) -> int: ...
    def deals_built(self) -> bool: ...
    def rebuild_deals(self, article_graphs: Iterable[str]) -> None: ...
    def count(self, graph: str | None = None) -> int: ...
    def graphs(self) -> list[str]: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


def check_rdf(data: bytes, fmt: str) -> None:
    """Refuse (SyntaxError) data that a parser would blow up: RDF/XML with nested or too many entities."""
    if RDF_FORMATS.get(fmt) == ox.RdfFormat.RDF_XML:   # under any of its names
        check_rdfxml(data)


def check_base_iri(base_iri: str) -> None:
    """Raise StoreError unless `base_iri` is an absolute http(s) IRI that IRIs can be minted under."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_iri)
    try:
        ox.NamedNode(base_iri)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query \
            or parts.fragment:
        raise StoreError(f"base IRI {base_iri!r} is not an absolute http(s) IRI without query or "
                         "fragment (e.g. https://example.org/defgraph/)")


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """A SPARQL INSERT DATA of quads, each term as Oxigraph writes it in N-Triples."""
    return "INSERT DATA {\n" + _data(quads) + "\n}"


def default_location() -> str:
    """The store folder: `DEFGRAPH_STORE`, else `./defgraph-store`."""
    return os.environ.get("DEFGRAPH_STORE") or DEFAULT_STORE_DIR


def _term(term: object) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    from rdflib import BNode, Literal

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def ox_quads(graph: Graph, graph_iri: str | None) -> Iterator[ox.Quad]:
    """The triples of an rdflib graph as Oxigraph quads in one named graph."""
    g = ox.NamedNode(graph_iri) if graph_iri else ox.DefaultGraph()
    for s, p, o in graph:
        yield ox.Quad(_term(s), _term(p), _term(o), g)


def _drops(graphs: Iterable[str]) -> str:
    """The SPARQL Update that drops these graphs (absent ones too)."""
    return " ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs)


def _data(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of SPARQL INSERT DATA / DELETE DATA (terms in Oxigraph's N-Triples form)."""
    by_graph: dict[object, list[str]] = {}
    for q in quads:
        by_graph.setdefault(q.graph_name, []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join("\n".join(lines) if isinstance(g, ox.DefaultGraph) else f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}"
                     for g, lines in by_graph.items())


def values(var: str, terms: Iterable[ox.NamedNode | ox.Literal]) -> str:
    """A SPARQL `VALUES ?var { … }` clause of Oxigraph terms, each written as Oxigraph writes it
    in N-Triples (escaped), so that no value can end its term: the way values reach a query."""
    return f"VALUES ?{var} {{ {' '.join(str(t) for t in terms)} }}"


def dataset_nquads(dataset: Dataset) -> bytes:
    """The named graphs of an rdflib dataset as N-Quads, the form `put_article` takes."""
    quads = [q for graph in dataset.graphs() if str(graph.identifier) != "urn:x-rdflib:default"
             for q in ox_quads(graph, str(graph.identifier))]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_ENTAILED: dict[str, tuple[frozenset[str], frozenset[str]]] = {}


def _entailed_terms(hierarchy: Hierarchy) -> tuple[frozenset[str], frozenset[str]]:
    """The classes and properties that `hierarchy` can entail (by ontology digest)."""
    if hierarchy.digest not in _ENTAILED:
        _ENTAILED[hierarchy.digest] = (frozenset().union(*hierarchy.superclasses.values()),
                                       frozenset().union(*hierarchy.superproperties.values()))
    return _ENTAILED[hierarchy.digest]


@dataclass
class _Batch:
    """What a run of articles writes, gathered article by article (see `put_articles`)."""

    graphs: set[str] = field(default_factory=set)
    quads: list[ox.Quad] = field(default_factory=list)          # article graphs, labels, merged graphs
    stated: set[ox.Quad] = field(default_factory=set)           # of those, the merged graphs'
    inferred: set[ox.Quad] = field(default_factory=set)
    now_stated: set[ox.Quad] = field(default_factory=set)       # stored inferences the batch states
    labelled: set[tuple[str, str]] = field(default_factory=set)  # (graph, subject) given a label
    entity_labels: dict[str, str] = field(default_factory=dict)  # subject → the label it was given
    fresh: set[ox.Quad] = field(default_factory=set)
    deal_delete: set[ox.Quad] = field(default_factory=set)
    deal_insert: set[ox.Quad] = field(default_factory=set)

    def add_deals(self, delete: Iterable[ox.Quad], insert: Iterable[ox.Quad]) -> None:
        """Net the deals graph's changes of one more article into the batch's."""
        for q in delete:
            if q in self.deal_insert:
                self.deal_insert.discard(q)
            else:
                self.deal_delete.add(q)
        for q in insert:
            if q in self.deal_delete:
                self.deal_delete.discard(q)
            else:
                self.deal_insert.add(q)


class _Released:
    """Stands for the engine's handle of a store another process holds (see OxigraphStore.release)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __getattr__(self, name: str) -> object:
        raise StoreError(f"{self.path}: the store is closed, or held by another process")


class OxigraphStore:
    """An Oxigraph store in a folder (or in memory when `path` is None)."""

    row_limit: int | None = None       # the embedded store answers every row

    def __init__(self, path: str | os.PathLike | None = None, *, base_iri: str | None = None,
                 read_only: bool = False, merge_events: bool = True) -> None:
        """`merge_events=False` leaves the deals graph alone (only to measure what merging costs:
        the store is then incomplete)."""
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        meta = self._read_meta()
        if base_iri is not None:
            check_base_iri(base_iri)            # before anything is opened or saved
        self.base_iri = base_iri or meta.get("base_iri") or DEFAULT_BASE_IRI
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no defgraph store here (run `defgraph ingest` first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            if not read_only and "LOCK" in str(exc):
                raise StoreError(f"{self.path}: another process has the store open for writing (a running "
                                 "`defgraph ingest`, or `defgraph serve --allow-update`, which takes "
                                 "writes over HTTP); wait for it to end or stop it") from None
            how = "" if read_only else " for writing"
            raise StoreError(f"{self.path}: cannot open the store{how} ({exc})") from None
        self._deals = DealIndex(self.base_iri, enabled=merge_events)
        self._inputs = DealInputs(self._deals.minter)
        if self.path is not None and not read_only:
            if meta.get("base_iri") and base_iri and meta["base_iri"] != base_iri:
                raise StoreError(f"{self.path}: store was built with base IRI {meta['base_iri']}, "
                                 f"not {base_iri}; use another --store")
            try:
                self._write_meta({"base_iri": self.base_iri})
            except OSError as exc:
                del self._store
                raise StoreError(f"{self.path}: cannot open the store for writing ({exc})") from None
            self.repair()

    # metadata -----------------------------------------------------------
    def _read_meta(self) -> dict:
        if self.path is None:
            return {}
        try:
            return json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_meta(self, meta: dict) -> None:
        assert self.path is not None
        (self.path / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")

    # writing ------------------------------------------------------------
    def put_article(self, graph_iri: str, nquads: bytes, hierarchy: Hierarchy | None = None,
                    merged: set[ox.Quad] | None = None) -> None:
        """Replace one article's named graph, and merge the entity descriptions it brings.

        `nquads` (see `dataset_nquads`) holds the article's graph under `graph_iri` and any
        other named graphs (such as the merged entities graph), whose triples are added. An
        `rdfs:label` in those other graphs is only added where the subject has none yet there,
        so that an entity keeps the canonical name it was first given. With a `hierarchy`, the
        entailments of each graph go into its inference graph (the article's replaced, the others
        added to). `merged`, when given, is the caller's record of the other graphs' quads it has
        already put in this store (kept up to date here): re-adding those costs most of a write,
        so they are skipped; it is only valid while the caller is the store's one writer.
        All of it, with the deals the article touches, is one transaction.
        """
        self._check_writable()
        write = _Batch()
        fresh = self._prepare(graph_iri, nquads, hierarchy, merged, write)
        try:
            self._write_article(graph_iri, write)
        except BaseException:
            self._deals.forget()
            raise
        if merged is not None:
            merged.update(fresh)

    def _write_article(self, graph_iri: str, write: _Batch) -> None:
        """Write what `_prepare` gathered for one article, its graph and inference graph replaced, in one transaction."""
        drop = (graph_iri, inferred_graph(self.base_iri, graph_iri))
        self._store.update(" ;\n".join(
            [f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in drop]
            + [f"DELETE DATA {{ {_data(d)} }}" for d in (write.now_stated, write.deal_delete) if d]
            + [f"INSERT DATA {{ {_data(write.quads + list(write.inferred) + list(write.deal_insert))} }}"]))

    def put_articles(self, articles: Iterable[tuple[str, bytes]], hierarchy: Hierarchy | None = None,
                     merged: set[ox.Quad] | None = None) -> None:
        """`put_article` for each (graph IRI, N-Quads) in order, with the same result, but the
        articles new to the store written together by the engine's bulk loader.

        Each run of new articles is gathered as `put_article` would write them one after another
        (labels, entailments and the deals they touch included), then written in three steps:
        its graphs noted as pending in the deals graph, everything bulk-loaded, then what it
        deletes deleted and the note removed. A crash before the end leaves the note, and the
        next writable open drops those graphs and rebuilds the deals graph (`repair`). An article
        the store already holds, or one twice in the run, ends the run and is replaced by
        `put_article`."""
        self._check_writable()
        batch = _Batch()
        self._deals.batching = True
        try:
            for graph_iri, nquads in articles:
                if graph_iri in batch.graphs or self.has_graph(graph_iri):
                    self._write_batch(batch, merged)
                    batch = _Batch()
                    self._deals.batching = False
                    self.put_article(graph_iri, nquads, hierarchy, merged)
                    self._deals.batching = True
                    continue
                batch.graphs.add(graph_iri)
                batch.fresh.update(self._prepare(graph_iri, nquads, hierarchy, merged, batch))
            self._write_batch(batch, merged)
        finally:
            self._deals.batching = False

    def _prepare(self, graph_iri: str, nquads: bytes, hierarchy: Hierarchy | None, merged: set[ox.Quad] | None,
                 batch: _Batch) -> list[ox.Quad]:
        """Add to `batch` what `put_article` writes for one article, reading the store as it will
        be once the batch's earlier articles are written; the article's fresh merged quads."""
        quads: list[ox.Quad] = []
        labels: list[ox.Quad] = []
        fresh: list[ox.Quad] = []
        label = str(RDFS.label)
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            if q.graph_name.value == graph_iri:
                quads.append(q)
            elif q.predicate.value == label:
                labels.append(q)
            elif merged is None or q not in merged:
                fresh.append(q)
        article = list(quads)
        # first label wins, among those already stored and those new in this article
        for q in labels:
            key = (q.graph_name.value, q.subject.value)
            if key not in batch.labelled and not self._has(q.subject, q.predicate, None, q.graph_name):
                batch.labelled.add(key)
                quads.append(q)
                if key[0] == self._deals.minter.entities_graph:
                    batch.entity_labels[key[1]] = q.object.value
        quads += fresh
        inferred: list[ox.Quad] = []
        if hierarchy is not None:
            by_graph: dict[str, list[ox.Quad]] = {}
            for q in quads:
                by_graph.setdefault(q.graph_name.value, []).append(q)
            for name, graph_quads in by_graph.items():
                target = ox.NamedNode(inferred_graph(self.base_iri, name))
                new = hierarchy.entail_graph(graph_quads, target.value)
                if name != graph_iri:  # a merged graph: entail only what it does not already state
                    stated = ox.NamedNode(name)
                    new = [q for q in new if not self._has(q.subject, q.predicate, q.object, stated)
                           and ox.Quad(q.subject, q.predicate, q.object, stated) not in batch.stated]
                    classes, properties = _entailed_terms(hierarchy)
                    for q in graph_quads:    # stated now, so no longer only inferred there
                        if not (q.predicate.value in properties
                                or q.predicate == _TYPE and q.object.value in classes):
                            continue         # never entailed: cannot be in the inference graph
                        was = ox.Quad(q.subject, q.predicate, q.object, target)
                        if was in batch.inferred:
                            batch.inferred.discard(was)
                        elif self._has(q.subject, q.predicate, q.object, target):
                            batch.now_stated.add(was)
                inferred += new
        # the merged events (deals) the article's old and new reports touch; names the store
        # does not hold yet come from the batch's earlier articles, else from this one
        deal_delete, deal_insert = self._deals.changes(
            self._store, graph_iri, article,
            {**{q.subject.value: q.object.value for q in labels}, **batch.entity_labels})
        batch.add_deals(deal_delete, deal_insert)
        batch.quads += quads
        batch.stated.update(q for q in quads if q.graph_name.value != graph_iri)
        batch.inferred.update(inferred)
        return fresh

    def _write_batch(self, batch: _Batch, merged: set[ox.Quad] | None) -> None:
        """Write a batch of new articles gathered by `_prepare` (see `put_articles`)."""
        if not batch.graphs:
            return
        deals = ox.NamedNode(self._deals.graph)
        pending = [ox.Quad(deals, PENDING, ox.NamedNode(g), deals) for g in sorted(batch.graphs)]
        try:
            self._store.extend(pending)
            self._store.bulk_extend(batch.quads + list(batch.inferred) + list(batch.deal_insert))
            self._store.update(f"DELETE DATA {{ {_data([*batch.now_stated, *batch.deal_delete, *pending])} }}")
        except BaseException:
            self._deals.forget()
            raise
        if merged is not None:
            merged.update(batch.fresh)

    def repair(self) -> list[str]:
        """Make the store consistent after a crash: drop the article graphs of a batch that did
        not finish (`put_articles`), and rebuild the deals graph when a write that it could not
        follow did not finish (its version triple gone). The article graphs dropped."""
        self._check_writable()
        deals = ox.NamedNode(self._deals.graph)
        pending = sorted(q.object.value for q in self._store.quads_for_pattern(deals, PENDING, None, deals))
        if pending:
            self._store.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for name in pending
                                          for g in (name, inferred_graph(self.base_iri, name))))
        if pending or (not self.deals_built() and self._article_graphs()):
            self.rebuild_deals(self._article_graphs())
        return pending

    def _article_graphs(self) -> list[str]:
        prefix = self._deals.minter.iri("article", "")
        return [g for g in self.graphs() if g.startswith(prefix)]

    def _is_article_graph(self, graph: str | None) -> bool:
        return graph is not None and graph.startswith(self._deals.minter.iri("article", ""))

    def _following_deals(self, scope: Scope, write: Callable[[], T]) -> T:
        """Run a write that the deal index does not follow as it goes (it may change triples in
        `scope`), then bring the deals graph up to date: the deal inputs in the scope are read
        before and after the write, and only the merged nodes of the events whose inputs changed
        are recomputed (`DealIndex.refresh`); the whole deals graph is rebuilt when the write may
        have changed anything, or changed the deals graph itself.

        The deals' version triple is removed first (a transaction of its own) and put back with
        the deals' changes (one transaction), so that a crash in between leaves the store marked
        for a rebuild (`repair`); a write that fails changes nothing, and the triple is put back."""
        self._deals.forget()
        if not self._deals.enabled:
            return write()
        patterns = self._inputs.patterns(scope)
        if patterns == []:                       # nothing there that the deals are made from
            return write()
        marker = version_quad(self._deals.graph)
        built = self._has(marker.subject, marker.predicate, marker.object, marker.graph_name)
        before = self._inputs.read(self._store, patterns) if built and patterns is not None else None
        if built:
            self._store.remove(marker)
        try:
            result = write()
        except BaseException:
            if built:
                self._store.add(marker)
            raise
        changed = before ^ self._inputs.read(self._store, patterns) if before is not None else None
        if changed is None or any(q.graph_name == self._inputs.deals for q in changed):
            if built or self.has_graph(self._deals.graph) or self._article_graphs():
                self.rebuild_deals(self._article_graphs())
            return result
        delete, insert = self._deals.refresh(self._store, self._inputs.touched_events(self._store, changed))
        self._change_deals(list(delete), [*insert, marker])
        return result

    def _change_deals(self, delete: list[ox.Quad], insert: list[ox.Quad]) -> None:
        """Delete and insert quads of the deals graph in one transaction."""
        self._store.update(" ;\n".join(([f"DELETE DATA {{ {_data(delete)} }}"] if delete else [])
                                       + [insert_data(insert)]))

    def _has(self, s: object, p: object, o: object, g: ox.NamedNode) -> bool:
        return any(True for _ in self._store.quads_for_pattern(s, p, o, g))

    def rebuild_inferences(self, hierarchy: Hierarchy, sources: Iterable[str]) -> int:
        """Recompute the inference graph of each source graph (after the ontology changed);
        the number of inferred triples. Each graph is replaced in a transaction of its own."""
        total = 0
        self._check_writable()
        for name in sources:
            target = inferred_graph(self.base_iri, name)
            new = hierarchy.entail_graph(list(self.quads(name)), target)
            if new:
                self._replace(ox.NamedNode(target), new)
            else:
                self._store.update(f"DROP SILENT GRAPH {ox.NamedNode(target)}")
            total += len(new)
        return total

    def _replace(self, graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad]) -> None:
        """Empty `graph` and add `quads` (to any graph) in one transaction: after a crash the store
        holds the old graph or the new one, never an empty or a half-written one.

        pyoxigraph has no transaction spanning a removal and an insertion; one SPARQL update is
        one. Its text is Oxigraph's own N-Triples writing of each term, not user text.
        """
        empty = "CLEAR SILENT DEFAULT" if isinstance(graph, ox.DefaultGraph) else \
            f"DROP SILENT GRAPH {graph} ; CREATE SILENT GRAPH {graph}"
        self._store.update(f"{empty} ;\n{insert_data(quads)}")

    def update(self, update: str, *, allowed_services: Iterable[str] = (), **dataset: object) -> None:
        """Run a SPARQL 1.1 Update (PolicyError for LOAD, or SERVICE to an endpoint not allowed);
        the deals graph follows what it changed (see `_following_deals`)."""
        self._check_writable()
        check_fetches(update, update=True, allowed_services=allowed_services,
                      base_iri=dataset.get("base_iri"), prefixes=dataset.get("prefixes"))
        scope = of_update(update, base_iri=dataset.get("base_iri"), prefixes=dataset.get("prefixes"))
        self._following_deals(scope, lambda: self._store.update(update, **dataset))

    def load(self, data: bytes, fmt: str, graph: str | None = None) -> int:
        """Add RDF data in a format of RDF_FORMATS into a graph; the number of quads added.
        The deals graph follows (see `_following_deals`)."""
        self._check_writable()
        check_rdf(data, fmt)
        quads = list(ox.parse(data, format=RDF_FORMATS[fmt]))
        if graph and fmt not in DATASET_FORMATS:
            target = ox.NamedNode(graph)
            quads = [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
        quads = self._as_stored(quads)
        before = len(self._store)
        self._following_deals(of_quads(quads), lambda: self._store.extend(quads))
        return len(self._store) - before

    def remove_graph(self, graph: str) -> None:
        """Remove a named graph and its inference graph, and an article's reports from the merged
        events, in one transaction (after removing another graph, the deals graph follows: see
        `_following_deals`)."""
        self._check_writable()
        pair = (graph, inferred_graph(self.base_iri, graph))
        if not self._is_article_graph(graph):
            self._following_deals(of_graph(ox.NamedNode(pair[0])) | of_graph(ox.NamedNode(pair[1])),
                                  lambda: self._store.update(_drops(pair)))
            return
        deal_delete, deal_insert = self._deals.changes(self._store, graph, [])
        try:
            self._remove_article(pair, list(deal_delete), list(deal_insert))
        except BaseException:
            self._deals.forget()
            raise

    def _remove_article(self, pair: tuple[str, str], deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """Drop an article graph and its inference graph (`pair`), and apply its deal changes, in one transaction."""
        self._store.update(" ;\n".join(
            [_drops(pair)] + [f"{verb} DATA {{ {_data(d)} }}"
                              for verb, d in (("DELETE", deal_delete), ("INSERT", deal_insert)) if d]))

    def deals_built(self) -> bool:
        """Whether the deals graph has been built from every article graph (see `rebuild_deals`)."""
        if not self._deals.enabled:
            return True
        q = version_quad(self._deals.graph)
        return self._has(q.subject, q.predicate, q.object, q.graph_name)

    def rebuild_deals(self, article_graphs: Iterable[str]) -> None:
        """Compute the deals graph afresh from the article graphs, and replace it in one transaction."""
        self._check_writable()
        quads = self._deals.rebuild(self._store, article_graphs)
        self._replace(ox.NamedNode(self._deals.graph), quads)

    def write_graph(self, data: bytes, fmt: str, graph: str | None, *, replace: bool = False,
                    base_iri: str | None = None) -> None:
        """Add RDF data to one graph (the default graph when `graph` is None), emptying it
        first when `replace`; data that does not parse raises SyntaxError and changes nothing.
        The deals graph follows: an article graph's reports are merged in the same transaction;
        after a write to another graph, see `_following_deals`."""
        self._check_writable()
        target = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        check_rdf(data, fmt)
        quads = self._as_stored([ox.Quad(q.subject, q.predicate, q.object, target)
                                 for q in ox.parse(data, format=RDF_FORMATS[fmt], base_iri=base_iri)])
        if isinstance(target, ox.NamedNode) and self._is_article_graph(graph):
            self._write_article_graph(target, quads, replace)
        else:
            self._following_deals(of_quads(quads) | (of_graph(target) if replace else Scope()),
                                  lambda: self._write(target, quads, replace))

    def _as_stored(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """Parsed quads as this store keeps them (the embedded store: as given, blank nodes too); StoreError
        for quads it cannot keep."""
        return quads

    def _write(self, target: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad], replace: bool) -> None:
        if replace:
            self._replace(target, quads)
            return
        if isinstance(target, ox.NamedNode):
            self._store.add_graph(target)
        self._store.extend(quads)

    def _write_article_graph(self, target: ox.NamedNode, quads: list[ox.Quad], replace: bool) -> None:
        """Write (replace, or add to) an article graph and merge its reports, in one transaction."""
        now = quads if replace else list(self._store.quads_for_pattern(None, None, None, target)) + quads
        deal_delete, deal_insert = self._deals.changes(self._store, target.value, now)
        try:
            self._apply_article_graph(target, quads, replace, list(deal_delete), list(deal_insert))
        except BaseException:
            self._deals.forget()
            raise

    def _apply_article_graph(self, target: ox.NamedNode, quads: list[ox.Quad], replace: bool,
                             deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """Write an article graph's triples (emptying it first when `replace`) and its deal changes in one transaction."""
        self._store.update(" ;\n".join(
            ([f"DROP SILENT GRAPH {target}"] if replace else [])
            + [f"CREATE SILENT GRAPH {target}"]
            + ([f"DELETE DATA {{ {_data(deal_delete)} }}"] if deal_delete else [])
            + [insert_data(quads + deal_insert)]))

    def has_graph(self, graph: str) -> bool:
        """Whether the store holds a named graph of that IRI."""
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def clear_default_graph(self) -> None:
        """Empty the default graph (the named graphs stay; the deals graph follows, see
        `_following_deals`)."""
        self._check_writable()
        self._following_deals(of_graph(ox.DefaultGraph()), lambda: self._store.clear_graph(ox.DefaultGraph()))

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path}: store is open read-only")

    # reading ------------------------------------------------------------
    def query(self, query: str, *, union: bool = True, allowed_services: Iterable[str] = (),
              **dataset: object) -> object:
        """Run a SPARQL query; the default graph is the union of all graphs unless
        `default_graph`/`named_graphs` say otherwise. Returns Oxigraph's result object.

        A SERVICE to an endpoint not in `allowed_services` raises PolicyError before anything runs."""
        check_fetches(query, update=False, allowed_services=allowed_services,
                      base_iri=dataset.get("base_iri"), prefixes=PREFIXES)
        if dataset.get("default_graph") is not None:
            union = False
        return self._store.query(query, use_default_graph_as_union=union, prefixes=PREFIXES,
                                 **{k: v for k, v in dataset.items() if v is not None})

    def select(self, query: str) -> Results:
        """The answer of a SELECT query (rows as plain strings, None for unbound), truncated when
        it has as many rows as the store answers at most."""
        result = self.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        return Results.of(result, row_limit=self.row_limit)

    def ask(self, query: str) -> bool:
        return bool(self.query(query))

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        """Serialise the whole store (dataset formats) or one graph."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
        if graph is not None:
            return self._store.dump(format=RDF_FORMATS[fmt], from_graph=ox.NamedNode(graph),
                                    prefixes=PREFIXES if fmt in {"turtle", "trig"} else None)
        if fmt in DATASET_FORMATS:
            return self._store.dump(format=RDF_FORMATS[fmt],
                                    prefixes=PREFIXES if fmt == "trig" else None)
        # graph formats: the union of all graphs, as a set of triples
        triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                    use_default_graph_as_union=True)
        return ox.serialize(triples, format=RDF_FORMATS[fmt],
                            prefixes=PREFIXES if fmt == "turtle" else None)

    def count(self, graph: str | None = None) -> int:
        """Number of quads in the store, or of triples in one graph."""
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None,
                                             ox.NamedNode(graph) if graph else None)

    def snapshot(self, target: str | os.PathLike) -> None:
        """Write a consistent, read-only-openable copy of the store to a new folder (hard links
        where possible), which later writes and compactions of this store leave untouched."""
        if self.path is None:
            raise StoreError("an in-memory store has no on-disk snapshot")
        self.flush()
        self._store.backup(str(target))
        if (self.path / META_FILE).exists():      # the base IRI, which the snapshot's readers need
            shutil.copyfile(self.path / META_FILE, Path(target) / META_FILE)

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()

    def release(self) -> None:
        """Close the engine's handle (and its lock on the folder) so that another process can
        open the store for writing; `reacquire` opens it again."""
        self.flush()
        self._store = _Released(self.path)

    def reacquire(self) -> None:
        """Open the store again after `release`."""
        if isinstance(self._store, _Released):
            self._store = ox.Store.read_only(str(self.path)) if self.read_only else ox.Store(str(self.path))

    def close(self) -> None:
        if isinstance(self._store, _Released):
            return
        self.flush()
        self._store = _Released(self.path)

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(location: str | None = None, *, read_only: bool = False,
               base_iri: str | None = None) -> OxigraphStore:
    """Open the store at `location` (default: `default_location()`)."""
    return OxigraphStore(location or default_location(), read_only=read_only, base_iri=base_iri)
