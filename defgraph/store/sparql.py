"""SPARQL text made from Oxigraph terms and quads (each term as Oxigraph writes it in N-Triples)."""

from __future__ import annotations

from typing import Iterable

import pyoxigraph as ox


def insert_data(quads: Iterable[ox.Quad]) -> str:
    """A SPARQL INSERT DATA of quads, each term as Oxigraph writes it in N-Triples."""
    return "INSERT DATA {\n" + _data(quads) + "\n}"


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
