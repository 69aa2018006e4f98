"""RemoteStore: the embedded store's logic on a SparqlEngine; open_remote and open_any."""

from __future__ import annotations

import os

import pyoxigraph as ox

from ..deals import DealIndex
from ..deals.index import version_quad
from ..deals.inputs import DealInputs
from ..entail import inferred_graph
from ..formats import DATASET_FORMATS
from ..namespaces import PREFIXES
from ..store import PENDING, RDF_FORMATS, OxigraphStore, StoreError, _Batch, _data, _drops, check_base_iri
from .engine import STAGING, SparqlEngine
from .kinds import KINDS, Endpoints, endpoints, is_remote
from .skolem import skolem_prefix, skolemised


class RemoteStore(OxigraphStore):
    """A store on a remote SPARQL 1.1 server, with the embedded store's behaviour: the same
    graphs, the same article writes (one update request each, retried; in steps where the server
    needs it), queries, dumps; a writable open repairs what a write cut short left.

    On a server that takes only so many triples in one update (`Kind.max_update_triples`), a larger
    `write_graph`, `load` or inference graph is written whole or not at all (staged, then added by one
    request), but a replaced graph may be left absent by a crash; the deals graph then follows in
    steps, marked for a rebuild until the last one. An article written or removed there in steps
    is noted as pending until the last step (`repair` then drops it and rebuilds the deals). On a
    server that refuses blank nodes in an update (`Kind.skolemise`), `write_graph` and `load` store
    a Skolem IRI for each blank node: what reads back is the graph written, equal to it once
    those IRIs are blank nodes again (`deskolemised`), not isomorphic to it as such."""

    # no bulk path over HTTP: each article is one update request, so each is whole or absent
    put_articles = None

    def __init__(self, where: Endpoints, *, base_iri: str | None = None, read_only: bool = False,
                 merge_events: bool = True, check: bool = True) -> None:
        """`check` asks the server once whether it is reachable and queries the union of its graphs."""
        from ..namespaces import DEFAULT_BASE_IRI

        if base_iri is not None:
            check_base_iri(base_iri)
        self.path = None
        self.where = where
        self.read_only = read_only
        self.base_iri = base_iri or DEFAULT_BASE_IRI
        self._store = SparqlEngine(where)
        self._deals = DealIndex(self.base_iri, enabled=merge_events)
        self._inputs = DealInputs(self._deals.minter)
        if check:
            self._store.check_union()
            if not read_only:
                self.repair()

    def put_article(self, graph_iri: str, nquads: bytes, hierarchy: object = None,
                    merged: set | None = None) -> None:
        """As the embedded store's (one update request, retried, or `_write_in_steps`), having first
        read in one request what it looks up about the entities the article brings (their names
        and stated or inferred triples in the merged graphs), instead of one request per triple."""
        from ..deals.reports import SEPARATE

        subjects, graphs, own = set(), set(), set()
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            if q.graph_name.value != graph_iri:
                subjects.add(q.subject)
                graphs.update((q.graph_name, ox.NamedNode(inferred_graph(self.base_iri, q.graph_name.value))))
            else:
                own.add(q.subject)          # its events: whether a person set one apart from its deal
        self._store.prefetch(subjects, graphs, (own, ox.NamedNode(SEPARATE)))
        try:
            super().put_article(graph_iri, nquads, hierarchy, merged)
        finally:
            self._store.known = None

    def _write_article(self, graph_iri: str, write: _Batch) -> None:
        """One update request, or `_write_in_steps` where the server needs it: when the request would
        carry more triples than it takes, or would replace a stored article (Virtuoso 7.2, after a
        crash, replays a transaction that deletes and adds the same triples with some of them lost)."""
        limit = self._store.update_limit()
        size = sum(map(len, (write.quads, write.inferred, write.now_stated, write.deal_delete, write.deal_insert)))
        if limit is None or size <= limit and not self.has_graph(graph_iri):
            super()._write_article(graph_iri, write)
        else:
            self._write_in_steps(graph_iri, write, limit)

    def _write_in_steps(self, graph_iri: str, write: _Batch, limit: int) -> None:
        """Write an article in requests of at most `limit` triples, each article graph whole or absent
        throughout: a pending note with the article's graphs dropped first (a crash from here on
        leaves the note, and `repair` drops the article and rebuilds the deals); the deal changes,
        the merged graphs' additions (with their entailments) before the inferred triples they now
        state are deleted; the article graph and its inference graph staged by Graph Store PUTs
        (Virtuoso's is no transaction: it empties the graph, then loads it in parts); then one
        request adds both in place, drops them from staging and removes the note. Each request may
        be retried: applied twice, it changes nothing more."""
        engine = self._store
        article, entailed = ox.NamedNode(graph_iri), ox.NamedNode(inferred_graph(self.base_iri, graph_iri))
        deals = ox.NamedNode(self._deals.graph)
        note = ox.Quad(deals, PENDING, article, deals)
        added = [*write.quads, *write.inferred, *write.deal_insert]
        own = {g: [q for q in added if q.graph_name == g] for g in (article, entailed)}
        engine.update(f"DROP SILENT GRAPH {article} ; DROP SILENT GRAPH {entailed} ; INSERT DATA {{ {_data([note])} }}")
        engine.update_in_steps("DELETE", sorted(write.deal_delete, key=str), limit)
        engine.update_in_steps("INSERT", [q for q in added if q.graph_name not in own], limit)
        engine.update_in_steps("DELETE", sorted(set(write.now_stated) - set(added), key=str), limit)
        staged = {ox.NamedNode(STAGING + g.value): g for g, quads in own.items() if quads}
        for staging, g in staged.items():
            engine.put_graph(staging, own[g])
        engine.update(" ;\n".join([f"ADD SILENT GRAPH {staging} TO {g} ; DROP SILENT GRAPH {staging}"
                                   for staging, g in staged.items()] + [f"DELETE DATA {{ {_data([note])} }}"]))

    def _replace(self, graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad]) -> None:
        """As the embedded store's; more triples than the server takes in one request (a rebuilt deals
        graph, an inference graph, a replaced graph) are staged by a Graph Store PUT, the graph dropped,
        then the staged triples added in place by one request: the graph is then the old one, absent,
        or the new one whole (a deals graph left absent has no version triple: `repair` rebuilds it)."""
        limit = self._store.update_limit()
        if limit is None or len(quads) <= limit or not isinstance(graph, ox.NamedNode) \
                or any(q.graph_name != graph for q in quads):
            super()._replace(graph, quads)
            return
        staging = ox.NamedNode(STAGING + graph.value)
        self._store.put_graph(staging, quads)
        self._store.update(f"DROP SILENT GRAPH {graph}")
        self._store.update(f"ADD SILENT GRAPH {staging} TO {graph} ; DROP SILENT GRAPH {staging}")

    def _as_stored(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """As given, or, on a server that refuses blank nodes in an update (`Kind.skolemise`: Virtuoso),
        each blank node a new Skolem IRI (`skolemised`): the graph read back is the one written with
        those IRIs for its blank nodes (`deskolemised` turns them back); StoreError for triples in
        the default graph of a server that keeps none (`Kind.default_graph`: Virtuoso)."""
        kind = KINDS[self.where.kind] if self.where.kind else None
        if kind is not None and not kind.default_graph and any(isinstance(q.graph_name, ox.DefaultGraph)
                                                               for q in quads):
            raise StoreError(f"{self.location}: {kind.name} keeps no default graph of its own (its default "
                             "graph is the union of its named graphs): write the triples to a named graph")
        if kind is None or not kind.skolemise or not any(isinstance(t, ox.BlankNode) for q in quads
                                                         for t in (q.subject, q.object, q.graph_name)):
            return quads
        return skolemised(quads, skolem_prefix(self.base_iri))

    def _remove_article(self, pair: tuple[str, str], deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """As the embedded store's (one request), or, with more deal changes than the server takes in
        one, in steps under a pending note: the article's graphs dropped and the note added by one
        request; the deal changes in requests of at most that many triples; the note removed. A crash
        between leaves the note, and `repair` rebuilds the deals from the articles that remain."""
        limit = self._store.update_limit()
        if limit is None or len(deal_delete) + len(deal_insert) <= limit:
            super()._remove_article(pair, deal_delete, deal_insert)
            return
        engine = self._store
        deals = ox.NamedNode(self._deals.graph)
        note = ox.Quad(deals, PENDING, ox.NamedNode(pair[0]), deals)
        engine.update(_drops(pair) + f" ;\nINSERT DATA {{ {_data([note])} }}")
        engine.update_in_steps("DELETE", sorted(deal_delete, key=str), limit)
        engine.update_in_steps("INSERT", sorted(deal_insert, key=str), limit)
        engine.update(f"DELETE DATA {{ {_data([note])} }}")

    def _change_deals(self, delete: list[ox.Quad], insert: list[ox.Quad]) -> None:
        """As the embedded store's, or in requests of at most as many triples as the server takes,
        the deals' version triple last: the caller removed it first, so a crash in between leaves
        the deals graph marked for a rebuild (`repair`)."""
        limit = self._store.update_limit()
        if limit is None or len(delete) + len(insert) <= limit:
            super()._change_deals(delete, insert)
            return
        marker = version_quad(self._deals.graph)
        self._store.update_in_steps("DELETE", sorted(delete, key=str), limit)
        self._store.update_in_steps("INSERT", [q for q in insert if q != marker], limit)
        if marker in insert:
            self._store.add(marker)

    def _apply_article_graph(self, target: ox.NamedNode, quads: list[ox.Quad], replace: bool,
                             deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """As the embedded store's (one request), or, with more triples than the server takes in one,
        in steps: the deals' version triple removed; the graph dropped (`replace`); the triples staged
        and added in place by one request (`SparqlEngine.extend`); the deal changes; the version
        triple back. The graph is then as before, absent (`replace`) or whole, and a crash before
        the end leaves the deals marked for a rebuild (`repair`)."""
        limit = self._store.update_limit()
        if limit is None or len(quads) + len(deal_delete) + len(deal_insert) <= limit:
            super()._apply_article_graph(target, quads, replace, deal_delete, deal_insert)
            return
        marker = version_quad(self._deals.graph)
        built = self._has(marker.subject, marker.predicate, marker.object, marker.graph_name)
        if built:
            self._store.remove(marker)
        self._store.update((f"DROP SILENT GRAPH {target} ; " if replace else "") + f"CREATE SILENT GRAPH {target}")
        self._store.extend(quads)
        self._change_deals(deal_delete, [*deal_insert, *([marker] if built else [])])

    def repair(self) -> list[str]:
        """As the embedded store's, having first dropped the staging graphs of writes cut short."""
        self._check_writable()
        staged = self._store.staged()
        if staged:
            self._store.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in staged))
        return super().repair()

    @property
    def location(self) -> str:
        """What to show as the store's location: its query endpoint."""
        return self.where.query

    @property
    def row_limit(self) -> int | None:
        """The most rows the server answers a query with (None: no limit)."""
        return self._store.row_limit()

    def count(self, graph: str | None = None) -> int:
        """Number of quads in the named graphs, or of triples in one graph."""
        return self._store.count(ox.NamedNode(graph) if graph is not None else None)

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        """Serialise the named graphs (dataset formats), one graph, or their union (graph formats)."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
        if graph is None and fmt not in DATASET_FORMATS and self.row_limit is not None:
            # the union's triples from every graph read whole: a CONSTRUCT would be cut at the row limit
            triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern())
            return ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        return super().dump(fmt, graph)

    def snapshot(self, target: str | os.PathLike) -> None:
        raise StoreError(f"{self.location}: a remote store has no on-disk snapshot")

    def release(self) -> None:
        pass

    def reacquire(self) -> None:
        pass

    def close(self) -> None:
        self._store.close()

    def __reduce__(self) -> tuple:
        """Pickled (for a query worker process) as its endpoints, not its connections."""
        return (_reopen, (self.where, self.base_iri, self.read_only))


def _reopen(where: Endpoints, base_iri: str, read_only: bool) -> RemoteStore:
    return RemoteStore(where, base_iri=base_iri, read_only=read_only, check=False)


def open_remote(url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                kind: str | None = None, read_only: bool = False, base_iri: str | None = None) -> RemoteStore:
    """Open the remote store whose SPARQL query endpoint is `url` (see `endpoints`)."""
    return RemoteStore(endpoints(url, update_url=update_url, gsp_url=gsp_url, kind=kind),
                       read_only=read_only, base_iri=base_iri)


def open_any(location: str | None = None, *, read_only: bool = False, base_iri: str | None = None,
             update_url: str | None = None, gsp_url: str | None = None, kind: str | None = None) -> OxigraphStore:
    """Open the store at `location`: a remote store when it is an http(s) URL (its query
    endpoint), else the embedded store in that folder (default: `default_location()`)."""
    from ..store import default_location, open_store

    location = location or default_location()
    if is_remote(location):
        return open_remote(location, update_url=update_url, gsp_url=gsp_url, kind=kind,
                           read_only=read_only, base_iri=base_iri)
    return open_store(location, read_only=read_only, base_iri=base_iri)
