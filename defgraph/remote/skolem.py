"""Blank nodes as Skolem IRIs and back, for a server that refuses blank nodes in an update."""

from __future__ import annotations

import uuid
from typing import Iterable
from urllib.parse import urljoin

import pyoxigraph as ox

# the path of Skolem IRIs (RDF 1.1 Concepts, 3.5: a well-known IRI with the registered name genid)
GENID = "/.well-known/genid/"


def skolem_prefix(base_iri: str) -> str:
    """Where a store of that base IRI mints its Skolem IRIs: the well-known genid path of the base's authority."""
    return urljoin(base_iri, GENID)


def skolemised(quads: Iterable[ox.Quad], prefix: str) -> list[ox.Quad]:
    """The quads with each blank node replaced by a new IRI under `prefix`, one per blank node of
    this call (the same node, the same IRI; another call, other IRIs, as blank nodes of another
    document are other nodes)."""
    minted: dict[ox.BlankNode, ox.NamedNode] = {}

    def term(t: object) -> object:
        if not isinstance(t, ox.BlankNode):
            return t
        if t not in minted:
            minted[t] = ox.NamedNode(prefix + uuid.uuid4().hex)
        return minted[t]
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), term(q.graph_name)) for q in quads]


def deskolemised(quads: Iterable[ox.Quad], prefix: str) -> list[ox.Quad]:
    """The quads with each IRI under `prefix` (a Skolem IRI of `skolemised`) a blank node again."""
    def term(t: object) -> object:
        return ox.BlankNode(t.value[len(prefix):]) if isinstance(t, ox.NamedNode) and t.value.startswith(prefix) else t
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), term(q.graph_name)) for q in quads]
