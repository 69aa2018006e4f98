"""rdflib terms, graphs and datasets as Oxigraph terms, quads and N-Quads."""

from __future__ import annotations

from typing import Iterator

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef


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


def dataset_nquads(dataset: Dataset) -> bytes:
    """The named graphs of an rdflib dataset as N-Quads, the form `put_article` takes."""
    quads = [q for graph in dataset.graphs() if str(graph.identifier) != "urn:x-rdflib:default"
             for q in ox_quads(graph, str(graph.identifier))]
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
