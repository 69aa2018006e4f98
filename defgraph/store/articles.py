"""Article writes: one article in a transaction (`put_article`), a run of new ones bulk-loaded (`put_articles`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

import pyoxigraph as ox
from rdflib.namespace import RDFS

from ..entail import Hierarchy, inferred_graph
from .base import PENDING
from .sparql import _data

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


class ArticleWrites:
    """What OxigraphStore does to write articles (its graphs, labels, entailments and deals)."""

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
