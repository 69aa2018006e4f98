"""Entailment from the ontology's hierarchy: the superclasses, equivalent classes and
superproperties of what an article states, as triples of their own.

The only axioms used are rdfs:subClassOf, owl:equivalentClass, rdfs:subPropertyOf and
owl:equivalentProperty, closed transitively. Each of their entailments follows from one stated
triple and the ontology alone (no rdfs:domain or rdfs:range typing, no owl:sameAs smushing), so
the entailments of a named graph depend on that graph only: they are kept in a graph derived
from its name (`inferred_graph`), replaced whenever the graph is.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import quote

import pyoxigraph as ox

from .namespaces import DG, OWL, RDF, RDFS, Minter
from .resources import ONTOLOGY_FILE

INFERRED_SEGMENT = "graph/inferred/"
_TYPE = ox.NamedNode(str(RDF.type))


def inferred_prefix(base: str) -> str:
    """What the names of all inference graphs under `base` start with."""
    return Minter(base).base + INFERRED_SEGMENT


def inferred_graph(base: str, graph: str) -> str:
    """The graph that holds the entailments of `graph`: `{base}graph/inferred/` + its path."""
    base = Minter(base).base
    return inferred_prefix(base) + (graph[len(base):] if graph.startswith(base) else quote(graph, safe=""))


def _closure(edges: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Each node's strict ancestors along `edges` (cycles, as from equivalences, allowed)."""
    out: dict[str, frozenset[str]] = {}
    for start in edges:
        seen: set[str] = set()
        todo = list(edges[start])
        while todo:
            node = todo.pop()
            if node not in seen:
                seen.add(node)
                todo.extend(edges.get(node, ()))
        seen.discard(start)
        if seen:
            out[start] = frozenset(seen)
    return out


@dataclass(frozen=True)
class Hierarchy:
    """The ontology's class and property hierarchy, closed: term IRI → every term above it."""

    superclasses: dict[str, frozenset[str]]
    superproperties: dict[str, frozenset[str]]
    digest: str     # sha256 of the ontology file, which the store keeps to know when to rebuild

    def entail(self, triples: Iterable[tuple]) -> Iterator[tuple]:
        """The triples entailed by each (subject, predicate, object) of Oxigraph terms (some may be stated)."""
        for s, p, o in triples:
            if p == _TYPE and isinstance(o, ox.NamedNode):
                for c in self.superclasses.get(o.value, ()):
                    yield s, _TYPE, ox.NamedNode(c)
            for sup in self.superproperties.get(p.value, ()):
                yield s, ox.NamedNode(sup), o

    def entail_graph(self, quads: Iterable[ox.Quad], graph: str) -> list[ox.Quad]:
        """The entailments of one graph's quads that it does not state itself, as quads in `graph`."""
        stated = {(q.subject, q.predicate, q.object) for q in quads}
        target = ox.NamedNode(graph)
        return [ox.Quad(s, p, o, target) for s, p, o in set(self.entail(stated)) - stated]


def hierarchy_from(data: bytes) -> Hierarchy:
    """The closed hierarchy of an ontology in Turtle, up to its own terms and their equivalents.

    Superclasses and superproperties in other vocabularies (schema:, prov:, sem:, org:) are
    left out: they would nearly double the store; the ontology graph answers them by path.
    """
    classes: dict[str, set[str]] = defaultdict(set)
    properties: dict[str, set[str]] = defaultdict(set)
    equivalents: set[str] = set()
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        s, p, o = t.subject, t.predicate.value, t.object
        if not (isinstance(s, ox.NamedNode) and isinstance(o, ox.NamedNode)):
            continue
        table = {str(RDFS.subClassOf): classes, str(OWL.equivalentClass): classes,
                 str(RDFS.subPropertyOf): properties, str(OWL.equivalentProperty): properties}.get(p)
        if table is None:
            continue
        table[s.value].add(o.value)
        if p in (str(OWL.equivalentClass), str(OWL.equivalentProperty)):
            table[o.value].add(s.value)
            equivalents |= {s.value, o.value}

    def own(closed: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        kept = {k: frozenset(t for t in v if t.startswith(str(DG)) or t in equivalents)
                for k, v in closed.items()}
        return {k: v for k, v in kept.items() if v}

    return Hierarchy(own(_closure(classes)), own(_closure(properties)),
                     "sha256:" + hashlib.sha256(data).hexdigest())


@lru_cache(maxsize=4)
def _cached(path: str, mtime_ns: int, size: int) -> Hierarchy:
    return hierarchy_from(Path(path).read_bytes())


def ontology_hierarchy(path: Path = ONTOLOGY_FILE) -> Hierarchy:
    """The closed hierarchy of the ontology file (read again when the file changes)."""
    st = path.stat()
    return _cached(str(path), st.st_mtime_ns, st.st_size)
