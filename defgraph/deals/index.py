"""Keeping the deals graph up to date: the merged nodes an article's new and old reports touch
are recomputed, and only they, so the cost of an article does not grow with the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDF, RDFS

from ..namespaces import DG, Minter
from .families import merged_groups, unit_of
from .record import merged_iri, record_triples
from .reports import (EVENT_TYPES, MERGED_KINDS, VARIANT_OF, ArticleLookup, Description, Report, describe,
                      event_subjects, normalise, reports_of)

# stated in the deals graph once it has been built from every article graph (a store from before
# merged events has no such triple, and its deals graph is built at the next ingest)
DEALS_VERSION = "defgraph-deals/1"
MAX_CACHED_UNITS = 100_000    # past this many routes or merged nodes in memory, the cache starts again
_REPORT, _CONFLICT, _LABEL, _TYPE, _VARIANT_OF, _SUPPLIER, _RECIPIENT = (
    ox.NamedNode(str(p)) for p in (DG.report, DG.conflict, RDFS.label, RDF.type, DG.variantOf, DG.supplier, DG.recipient))
Unit = tuple[str, ...]    # what is recomputed together: a transfer's route, else a merged node's key


def deals_graph(minter: Minter) -> str:
    """The named graph of the merged events: `{base}graph/deals`."""
    return f"{minter.base}graph/deals"


def version_quad(graph: str) -> ox.Quad:
    """The triple that says the deals graph was built from every article graph."""
    g = ox.NamedNode(graph)
    return ox.Quad(g, ox.NamedNode(str(DCTERMS.identifier)), ox.Literal(DEALS_VERSION), g)


class DealIndex:
    """The merged nodes of one store with their reports, read from the store on first use and
    kept up to date by `changes`; valid while its store object is the store's one writer (the
    store forgets it on any other write). Transfers are kept by route (a family's reports may
    join a variant's deal), other merged events by key; of a route, only the deals whose reports
    changed are computed again."""

    def __init__(self, base_iri: str, *, enabled: bool = True) -> None:
        self.enabled = enabled     # off only to measure what merging costs
        self.minter = Minter(base_iri)
        self.graph = deals_graph(self.minter)
        self._entities = ox.NamedNode(self.minter.entities_graph)
        self._reports: dict[Unit, dict[str, Report]] = {}
        self._written: dict[Unit, dict[str, set[ox.Quad]]] = {}     # merged node IRI → its triples
        self._signatures: dict[Unit, dict[str, tuple[Report, ...]]] = {}   # … → the reports they were made from
        self._loaded: dict[Unit, set[str] | None] = {}     # the merged nodes read of a unit; None: all of it
        self._labels: dict[str, str] = {}
        self._pending: dict[str, str] = {}     # labels the article being written brings
        # while a batch of articles is computed before any of it is written, the cache must hold
        # (the store does not have the batch's reports yet)
        self.batching = False

    def forget(self) -> None:
        """Drop what is cached: the store was written some other way."""
        self._reports.clear()
        self._written.clear()
        self._signatures.clear()
        self._loaded.clear()
        self._labels.clear()
        self._pending = {}

    def changes(self, store: ox.Store, article_graph: str, new_quads: Iterable[ox.Quad],
                labels: dict[str, str] | None = None) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """The quads to delete from and add to the deals graph when the article graph
        `article_graph` is replaced by `new_quads` (none: removed); `labels` names entities
        the store does not know yet. The caller must write them in the same transaction as the
        article, or call `forget` when that fails."""
        if not self.enabled:
            return [], []
        if len(self._reports) > MAX_CACHED_UNITS and not self.batching:
            self.forget()
        self._pending = labels or {}
        old = self._old_reports(store, article_graph)
        new_described = describe(new_quads)
        articles = ArticleLookup(store, {s: d for s, d in new_described.items() if s == article_graph})

        def family(iri: str) -> str | None:
            return min((v.value for v in new_described.get(iri, {}).get(VARIANT_OF, ())), default=None)
        new = [r for s in event_subjects(new_described) for r in reports_of(s, new_described[s], articles, family)]
        units: dict[Unit, _Where] = {}
        for r in old + new:
            _where(units, r, merged_iri(r.key, self.minter))
        for unit, where in sorted(units.items()):
            self._load(store, unit, where)
        for r in old:
            self._reports[unit_of(r.key)].pop(r.event, None)
        for r in new:
            self._reports[unit_of(r.key)][r.event] = r
        delete: list[ox.Quad] = []
        insert: list[ox.Quad] = []
        events = {r.event for r in old + new}
        for unit in sorted(units):
            gone, added = self._recompute(store, unit, events)
            delete += gone
            insert += added
        return delete, insert

    def refresh(self, store: ox.Store, events: Iterable[str]) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """The quads to delete from and add to the deals graph after a write that the index did
        not follow changed what the store says of `events` (IRIs; their triples, their article's
        date or source, a separation, a member's name), the deals graph still as before that
        write: only the merged nodes those events were in, or are in now, are recomputed (with
        the other deals of their routes)."""
        self.forget()
        if not self.enabled:
            return [], []
        g = ox.NamedNode(self.graph)
        articles = ArticleLookup(store)
        touched = set(events)
        fresh: dict[Unit, list[Report]] = {}     # the events' reports now, by unit
        units: dict[Unit, _Where] = {}
        for e in sorted(touched):
            for r in self._event_reports(store, e, articles):
                fresh.setdefault(unit_of(r.key), []).append(r)
                _where(units, r, merged_iri(r.key, self.minter))
        delete: list[ox.Quad] = []
        olds = {q.subject for e in touched for q in store.quads_for_pattern(None, _REPORT, ox.NamedNode(e), g)}
        known = {n for where in units.values() for n in where.nodes}   # the nodes the events are in now
        for old in sorted(olds, key=lambda n: n.value):
            if old.value in known:
                continue
            found = self._report_of(store, old, touched, articles)
            if found is not None:
                _where(units, found, old.value)
                continue
            route = self._stored_route(store, old)
            if route is not None:    # a deal none of whose reports is left: its route is regrouped without it
                where = units.setdefault(route[0], _Where())
                where.nodes.add(old.value)
                where.routes.add(route[1])
            else:                    # a meeting or an agreement: it goes
                delete += self._stored_record(store, old)
        insert: list[ox.Quad] = []
        for unit, where in sorted(units.items()):
            # (what the write changed may have made or unmade a variant anywhere on the route)
            where.families = True
            self._load(store, unit, where)
            reports = self._reports[unit]
            for e in [e for e in reports if e in touched]:
                del reports[e]
            reports.update((r.event, r) for r in fresh.get(unit, ()))
            gone, added = self._recompute(store, unit, touched)
            delete += gone
            insert += added
        return delete, insert

    def rebuild(self, store: ox.Store, article_graphs: Iterable[str]) -> list[ox.Quad]:
        """Every quad of the deals graph computed afresh from the article graphs (the caller
        replaces the graph with them); the cache is filled on the way."""
        self.forget()
        articles = ArticleLookup(store)
        for graph in article_graphs:
            for r in self._graph_reports(store, graph, articles):
                self._reports.setdefault(unit_of(r.key), {})[r.event] = r
        out = [version_quad(self.graph)]
        for unit in sorted(self._reports):
            self._written[unit], self._signatures[unit], self._loaded[unit] = {}, {}, None
            out += self._recompute(store, unit)[1]
        return out

    def _recompute(self, store: ox.Store, unit: Unit, touched: set[str] = frozenset()) -> tuple[list[ox.Quad], list[ox.Quad]]:
        """The unit's merged nodes from its reports now, computed again only where their reports
        changed (a node read from the store is unchanged when it holds the same reports and the
        write touched none of them); the quads to delete and to add."""
        before, signatures = self._written[unit], self._signatures[unit]
        now: dict[str, set[ox.Quad]] = {}
        signed: dict[str, tuple[Report, ...]] = {}
        for key, reports in merged_groups(list(self._reports[unit].values())).items():
            node = merged_iri(key, self.minter)
            signed[node] = tuple(sorted(reports, key=lambda r: r.event))
            events = {r.event for r in reports}
            same = signatures.get(node) == signed[node] if node in signatures else node in before and \
                not events & touched and events == {q.object.value for q in before[node] if q.predicate == _REPORT}
            now[node] = before[node] if same else \
                record_triples(key, reports, self.minter, self.graph, lambda iri: self._label(store, iri))
        delete = [q for node, quads in before.items() if now.get(node) is not quads for q in quads - now.get(node, set())]
        insert = [q for node, quads in now.items() if before.get(node) is not quads for q in quads - before.get(node, set())]
        self._written[unit], self._signatures[unit] = now, signed
        return delete, insert

    # reading -------------------------------------------------------------
    def _old_reports(self, store: ox.Store, graph: str) -> list[Report]:
        return self._graph_reports(store, graph, ArticleLookup(store))

    @staticmethod
    def _graph_reports(store: ox.Store, graph: str, articles: ArticleLookup) -> list[Report]:
        """The reports an article graph makes as stored."""
        g = ox.NamedNode(graph)
        typed = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), None, g)
                 if q.object.value.removeprefix(str(DG)) in MERGED_KINDS}
        out: list[Report] = []
        for event in sorted(typed):
            d: Description = describe(store.quads_for_pattern(ox.NamedNode(event), None, None, g))[event]
            out += reports_of(event, d, articles, _family_in(store, g))
        return out

    def _event_reports(self, store: ox.Store, event: str, articles: ArticleLookup) -> list[Report]:
        """The reports an event makes as stored, read as a rebuild reads them: from each article
        graph that gives it a merged kind (none when it is gone)."""
        node = ox.NamedNode(event)
        prefix = self.minter.iri("article", "")
        graphs = sorted({q.graph_name.value for q in store.quads_for_pattern(node, _TYPE, None, None)
                         if q.object.value in EVENT_TYPES and q.graph_name.value.startswith(prefix)})
        return [r for graph in map(ox.NamedNode, graphs)
                for r in reports_of(event, describe(store.quads_for_pattern(node, None, None, graph)).get(event, {}),
                                    articles, _family_in(store, graph))]

    def _stored_record(self, store: ox.Store, node: ox.NamedNode) -> set[ox.Quad]:
        """The triples of a merged node and of its conflicts as the deals graph holds them."""
        g = ox.NamedNode(self.graph)
        written = set(store.quads_for_pattern(node, None, None, g))
        for q in list(written):
            if q.predicate == _CONFLICT:
                written.update(store.quads_for_pattern(q.object, None, None, g))
        return written

    def _report_of(self, store: ox.Store, node: ox.NamedNode, skip: set[str],
                   articles: ArticleLookup) -> Report | None:
        """A report (not in `skip`) still of a stored merged node: its unit is the node's."""
        for q in store.quads_for_pattern(node, _REPORT, None, ox.NamedNode(self.graph)):
            if q.object.value not in skip:
                for r in self._event_reports(store, q.object.value, articles):
                    return r
        return None

    def _load(self, store: ox.Store, unit: Unit, where: "_Where") -> None:
        """Read from the store the merged nodes of a unit that `where` names and their reports, unless
        cached; for a route where a family may join a variant, every deal between the suppliers and
        recipients named (a route without variants needs only the deals it touches)."""
        loaded = self._loaded.get(unit, set())
        if loaded is None:
            return
        if unit not in self._reports:
            self._reports[unit], self._written[unit], self._signatures[unit] = {}, {}, {}
        reports = self._reports[unit]
        whole = unit[0] == "Transfer" and (where.families or any(self._is_family(store, e) for e in where.systems))
        found = set(where.nodes)
        while True:
            if whole:
                found |= self._route_nodes(store, where.routes)
            new = self._read_nodes(store, unit, found - loaded)
            reports.update((r.event, r) for r in new)
            loaded |= found
            if whole or unit[0] != "Transfer" or not any(
                    r.family or self._is_family(store, r.members[2][1]) for r in new):
                break
            whole = True   # a deal read is a variant's or a family's: its route is read whole
        self._loaded[unit] = None if whole else loaded

    def _read_nodes(self, store: ox.Store, unit: Unit, nodes: set[str]) -> list[Report]:
        """Read stored merged nodes into a unit's cache; the reports they hold."""
        written = {n: quads for n in sorted(nodes) if (quads := self._stored_record(store, ox.NamedNode(n)))}
        self._written[unit].update(written)
        articles = ArticleLookup(store)
        events = sorted({q.object.value for quads in written.values() for q in quads if q.predicate == _REPORT})
        return [r for event in events for r in self._event_reports(store, event, articles) if unit_of(r.key) == unit]

    def _route_nodes(self, store: ox.Store, routes: set[tuple[str, str]]) -> set[str]:
        """The stored deals between the given suppliers and recipients."""
        g = ox.NamedNode(self.graph)
        found: set[str] = set()
        for supplier, recipient in routes:
            to = {q.subject for q in store.quads_for_pattern(None, _RECIPIENT, ox.NamedNode(recipient), g)}
            found |= {q.subject.value for q in store.quads_for_pattern(None, _SUPPLIER, ox.NamedNode(supplier), g)
                      if q.subject in to}
        return found

    @staticmethod
    def _is_family(store: ox.Store, system: str) -> bool:
        """Whether an article reads some system as a variant of this one."""
        return next(iter(store.quads_for_pattern(None, _VARIANT_OF, ox.NamedNode(system), None)), None) is not None

    def _stored_route(self, store: ox.Store, node: ox.NamedNode) -> tuple[Unit, tuple[str, str]] | None:
        """The unit and the supplier and recipient of a stored deal (None for other merged nodes)."""
        g = ox.NamedNode(self.graph)
        if not any(True for _ in store.quads_for_pattern(node, _TYPE, ox.NamedNode(str(DG.Deal)), g)):
            return None
        ends = [min((q.object.value for q in store.quads_for_pattern(node, p, None, g)), default=None)
                for p in (_SUPPLIER, _RECIPIENT)]
        if None in ends:
            return None
        return ("Transfer", *(normalise(e) for e in ends)), (ends[0], ends[1])

    def _label(self, store: ox.Store, iri: str) -> str:
        if iri not in self._labels:
            stored = min((q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), _LABEL, None,
                                                                          self._entities)), default=None)
            # the stored name wins, as it does in the entities graph
            self._labels[iri] = stored or self._pending.get(iri) or iri.rsplit("/", 1)[-1]
        return self._labels[iri]


def _family_in(store: ox.Store, graph: ox.NamedNode) -> Callable[[str], str | None]:
    """The family an article graph reads a system as a variant of."""
    return lambda iri: min((q.object.value for q in store.quads_for_pattern(ox.NamedNode(iri), _VARIANT_OF, None, graph)),
                           default=None)


@dataclass
class _Where:
    """Where a unit's stored part is: merged node IRIs, (supplier, recipient) IRIs, the systems of
    its reports and whether one of them reads its system as a variant."""

    nodes: set[str] = field(default_factory=set)
    routes: set[tuple[str, str]] = field(default_factory=set)
    systems: set[str] = field(default_factory=set)
    families: bool = False


def _where(units: dict[Unit, _Where], r: Report, node: str) -> None:
    """Note where a report's unit is stored: a merged node of it and, for a transfer, its route."""
    where = units.setdefault(unit_of(r.key), _Where())
    where.nodes.add(node)
    if r.cls == "Transfer":
        where.routes.add((r.members[0][1], r.members[1][1]))
        where.systems.add(r.members[2][1])
        where.families = where.families or r.family is not None
