"""Where a write may change triples: the (graph, predicate) pairs of the quads it writes, or of
what a SPARQL Update's operations name, read from rdflib's algebra of it (see sparql_policy)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

import pyoxigraph as ox

Graph = ox.NamedNode | ox.DefaultGraph
# (graph, predicate); None stands for any graph, or any predicate
Part = tuple[Graph | None, ox.NamedNode | None]

# past this length an update is not parsed (rdflib's parser takes about 5 ms a triple): it may
# have changed anything
MAX_PARSED = 16_000


@dataclass(frozen=True)
class Scope:
    """The graphs and predicates a write may change: `parts`, or anything when `anywhere`."""

    parts: frozenset[Part] = frozenset()
    anywhere: bool = False

    def __or__(self, other: "Scope") -> "Scope":
        return Scope(self.parts | other.parts, self.anywhere or other.anywhere)


ANYWHERE = Scope(anywhere=True)


def of_quads(quads: Iterable[ox.Quad]) -> Scope:
    """The scope of writing (or deleting) these quads."""
    return Scope(frozenset((q.graph_name, q.predicate) for q in quads))


def of_graph(graph: Graph) -> Scope:
    """The scope of emptying or replacing a whole graph."""
    return Scope(frozenset({(graph, None)}))


def of_update(text: str, *, base_iri: str | None = None, prefixes: Mapping[str, str] | None = None) -> Scope:
    """What a SPARQL 1.1 Update may change, operation by operation: the graph and predicate of
    each quad of INSERT/DELETE DATA and of each template of DELETE/INSERT … WHERE (a variable
    standing for any), the graphs that DROP, CLEAR, ADD, MOVE and COPY empty or fill. Anything
    when rdflib cannot read the text, when the text is longer than MAX_PARSED, or when it has a
    \\u escape (which the two parsers read differently: see sparql_policy)."""
    from .sparql_policy import algebra

    if len(text) > MAX_PARSED or "\\u" in text or "\\U" in text:
        return ANYWHERE
    try:
        operations = algebra(text, update=True, base_iri=base_iri, prefixes=prefixes)
    except Exception:  # noqa: BLE001 - what cannot be read may have changed anything
        return ANYWHERE
    scope = Scope()
    for op in operations:
        scope = scope | _operation(op)
    return scope


def _term(term: object) -> ox.NamedNode | None:
    from rdflib.term import URIRef

    return ox.NamedNode(str(term)) if isinstance(term, URIRef) else None


def _graph(term: object) -> Graph | None:
    """A graph named in an operation: an IRI, the default graph, or None (a variable: any)."""
    return ox.DefaultGraph() if term == "DEFAULT" else _term(term)


def _templates(clause: object, default: Graph) -> set[Part]:
    """The (graph, predicate) pairs of a clause's quads and triples (those outside GRAPH go to `default`)."""
    if not clause:
        return set()
    parts = {(default, _term(p)) for _, p, _ in dict.get(clause, "triples") or ()}
    for graph, triples in (dict.get(clause, "quads") or {}).items():
        parts |= {(_graph(graph), _term(p)) for _, p, _ in triples}
    return parts


def _operation(op: object) -> Scope:
    """The scope of one operation of rdflib's update algebra."""
    name = op.name
    if name in ("InsertData", "DeleteData", "DeleteWhere"):
        return Scope(frozenset(_templates(op, ox.DefaultGraph())))
    if name == "Modify":
        default = _graph(dict.get(op, "withClause")) or ox.DefaultGraph()
        return Scope(frozenset(_templates(dict.get(op, "delete"), default) | _templates(dict.get(op, "insert"), default)))
    if name in ("Drop", "Clear"):
        graph = dict.get(op, "graphiri")
        if graph in ("ALL", "NAMED"):
            return ANYWHERE
        return of_graph(_graph(graph)) if _graph(graph) is not None else ANYWHERE
    if name in ("Add", "Copy", "Move"):
        source, target = (_graph(g) for g in dict.get(op, "graph"))
        if source is None or target is None:
            return ANYWHERE
        return of_graph(target) | (of_graph(source) if name == "Move" else Scope())
    if name == "Create":
        return Scope()
    return ANYWHERE      # LOAD (refused before this is asked) or an operation not known here
