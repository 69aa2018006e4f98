"""Every write but an article's (updates, loads, graphs, inferences), the deals graph following; `repair`."""

from __future__ import annotations

from typing import Callable, Iterable, TypeVar

import pyoxigraph as ox

from ..deals.index import version_quad
from ..entail import Hierarchy, inferred_graph
from ..formats import DATASET_FORMATS, RDF_FORMATS
from ..sparql_policy import check as check_fetches
from ..write_scope import Scope, of_graph, of_quads, of_update
from .base import PENDING, StoreError
from .checks import check_rdf
from .sparql import _data, _drops, insert_data

T = TypeVar("T")


class GraphWrites:
    """What OxigraphStore does for every write but an article's, and to stay consistent after a crash."""

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
