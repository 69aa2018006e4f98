"""What the deals graph is made from (the quads a rebuild reads), read within a write's scope
before and after the write, and the events whose merged nodes a change of them touches."""

from __future__ import annotations

from typing import Iterable, Iterator

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, RDFS

from ..namespaces import DG, SCHEMA, Minter
from ..write_scope import Part, Scope
from .index import deals_graph, version_quad
from .reports import EVENT_TYPES, MEMBER_ROLES, READ, TYPE

# the predicates read outside article graphs, from any graph: an article's date and source, a
# report set apart by hand
OUTSIDE = frozenset(ox.NamedNode(str(p)) for p in (DCTERMS.issued, DCTERMS.publisher, SCHEMA.url, DG.separateDeal))
_TYPE, _LABEL, _MENTIONED_IN = ox.NamedNode(TYPE), ox.NamedNode(str(RDFS.label)), ox.NamedNode(str(DG.mentionedIn))
_REPORT, _VARIANT_OF, _EQUIPMENT = (ox.NamedNode(str(p)) for p in (DG.report, DG.variantOf, DG.equipment))
_MEMBERS = frozenset(ox.NamedNode(str(DG) + role) for role in MEMBER_ROLES)
_EVENT_CLASSES = [ox.NamedNode(c) for c in EVENT_TYPES]
Pattern = tuple[ox.NamedNode | None, ox.NamedNode | None, ox.NamedNode | None, ox.NamedNode | None]


class DealInputs:
    """The deal inputs of one store: an article graph's event triples, an article's date and
    source and a report's separation in any graph, entity names in the entities graph; and the
    deals graph itself, whose change by a write only a rebuild undoes."""

    def __init__(self, minter: Minter) -> None:
        self.article_prefix = minter.iri("article", "")
        self.entities = ox.NamedNode(minter.entities_graph)
        self.deals = ox.NamedNode(deals_graph(minter))
        self._marker = version_quad(self.deals.value)

    def is_input(self, q: ox.Quad) -> bool:
        """Whether a rebuild of the deals graph reads this quad (or, in the deals graph, replaces it)."""
        g = q.graph_name
        if g == self.deals:
            return q != self._marker
        if q.predicate in OUTSIDE:
            return True
        if isinstance(g, ox.NamedNode) and g.value.startswith(self.article_prefix):
            return q.predicate in READ and (q.predicate != _TYPE or q.object in _EVENT_CLASSES)
        return g == self.entities and q.predicate == _LABEL

    def patterns(self, scope: Scope) -> list[Pattern] | None:
        """The quad patterns that hold every deal input a write of this scope may change; None
        when it may change any predicate of any graph, or the deals graph as a whole."""
        if scope.anywhere:
            return None
        out: set[Pattern] = set()
        for part in scope.parts:
            found = self._part(part)
            if found is None:
                return None
            out.update(found)
        return sorted(out, key=lambda p: tuple(t.value if t is not None else "" for t in p))

    def _part(self, part: Part) -> list[Pattern] | None:
        graph, p = part
        named = graph if isinstance(graph, ox.NamedNode) else None   # the default graph: read from all, kept apart by is_input
        if graph is None and p is None or graph == self.deals and p is None:
            return None
        if graph == self.deals:
            return [(None, p, None, self.deals)]
        if p is None:            # a whole graph: what it can hold
            if named is not None and named.value.startswith(self.article_prefix):
                return [(None, None, None, named)]
            return [(None, q, None, named) for q in OUTSIDE] + ([(None, _LABEL, None, self.entities)]
                                                                if graph == self.entities else [])
        if graph is None:        # one predicate in any graph, the deals graph included
            if p == _TYPE:
                return [(None, _TYPE, c, None) for c in _EVENT_CLASSES] + [(None, _TYPE, None, self.deals)]
            if p == _LABEL:
                return [(None, _LABEL, None, self.entities), (None, _LABEL, None, self.deals)]
            return [(None, p, None, None)] if p in READ or p in OUTSIDE else [(None, p, None, self.deals)]
        if p in OUTSIDE or p in READ and named is not None and named.value.startswith(self.article_prefix) \
                or p == _LABEL and graph == self.entities:
            return [(None, p, None, named)]
        return []

    def read(self, store: ox.Store, patterns: list[Pattern]) -> set[ox.Quad]:
        """The deal inputs the patterns hold now."""
        return {q for s, p, o, g in patterns for q in store.quads_for_pattern(s, p, o, g) if self.is_input(q)}

    def touched_events(self, store: ox.Store, changed: Iterable[ox.Quad]) -> set[str]:
        """The events whose reports or merged node a change of these deal inputs can alter: the
        subject (an event, or any other subject, which makes no report), the events of an article
        whose date or source changed, those merged with an entity whose name changed, an article's
        transfers of a system whose family it reads otherwise."""
        events: set[str] = set()
        for q in changed:
            if isinstance(q.subject, ox.NamedNode):        # a rebuild reads events by IRI only
                events.add(q.subject.value)
            if q.predicate in OUTSIDE:
                events.update(e.subject.value for e in store.quads_for_pattern(None, _MENTIONED_IN, q.subject, None)
                              if isinstance(e.subject, ox.NamedNode))
            elif q.predicate == _LABEL and q.graph_name == self.entities:
                events.update(self._merged_with(store, q.subject))
            elif q.predicate == _VARIANT_OF:    # the article's transfers of that system
                events.update(e.subject.value for e in store.quads_for_pattern(None, _EQUIPMENT, q.subject, q.graph_name)
                              if isinstance(e.subject, ox.NamedNode))
        return events

    def _merged_with(self, store: ox.Store, entity: ox.NamedNode | ox.BlankNode) -> Iterator[str]:
        """The reports of the merged nodes that have this entity as a member."""
        for m in store.quads_for_pattern(None, None, entity, self.deals):
            if m.predicate in _MEMBERS:
                yield from (r.object.value for r in store.quads_for_pattern(m.subject, _REPORT, None, self.deals))
