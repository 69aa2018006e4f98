"""Linked data: the ontology at /ontology (RDF by content negotiation, or an HTML page),
the VoID description at /.well-known/void, and the full dump at /dump.nq.gz."""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from typing import Iterable, Iterator

import pyoxigraph as ox
from flask import Blueprint, Response, render_template, request
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from ..formats import family, lookup, rdflib_bytes
from ..namespaces import DG, ONTOLOGY_IRI, PREFIXES
from ..resources import ONTOLOGY_FILE
from ..void import VOCABULARIES
from ..results import Results
from .core import HttpError, current_state
from .executor import QueryTask
from .protocol import negotiate
from .resources import short_name

bp = Blueprint("linked_data", __name__)

SERVED_RDF = family("rdf", served=True)   # what its pages and answers offer


def _rdf_response(body: bytes, fmt: str) -> Response:
    return Response(body, content_type=f"{lookup('rdf', fmt).media_type}; charset=utf-8",
                    headers={"Vary": "Accept"})


# --- /ontology ---------------------------------------------------------------------------------

@dataclass
class Term:
    """A class, property or individual of the ontology as the page shows it."""

    iri: str
    name: str                      # local name: the page anchor
    label: str
    comment: str = ""
    kind: str = ""                 # object / datatype property, individual's class
    parents: list[str] = field(default_factory=list)     # prefixed names of superclasses/-properties
    children: list["Term"] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    ranges: list[str] = field(default_factory=list)
    equivalents: list[str] = field(default_factory=list)


def _local(iri: str) -> str:
    return iri[len(str(DG)):] if iri.startswith(str(DG)) else iri


def _en(g: Graph, s: URIRef, p: URIRef) -> str:
    values = list(g.objects(s, p))
    for v in values:
        if getattr(v, "language", None) in ("en", None):
            return str(v)
    return str(values[0]) if values else ""


def _names(g: Graph, s: URIRef, p: URIRef) -> list[str]:
    return sorted(short_name(str(o)) for o in g.objects(s, p) if isinstance(o, URIRef))


@lru_cache(maxsize=1)
def ontology_page() -> dict:
    """The ontology's classes (as a tree), properties and individuals, from its labels and comments."""
    g = Graph().parse(ONTOLOGY_FILE, format="turtle")
    ns = str(DG)

    def term(s: URIRef, parent_prop: URIRef) -> Term:
        return Term(str(s), _local(str(s)), _en(g, s, RDFS.label) or _local(str(s)),
                    _en(g, s, RDFS.comment), parents=_names(g, s, parent_prop),
                    domains=_names(g, s, RDFS.domain), ranges=_names(g, s, RDFS.range),
                    equivalents=_names(g, s, OWL.equivalentClass))

    classes = {str(s): term(s, RDFS.subClassOf) for s in g.subjects(RDF.type, OWL.Class)
               if str(s).startswith(ns)}
    roots = []
    for c in sorted(classes.values(), key=lambda t: t.label.lower()):
        local_parents = [str(o) for o in g.objects(URIRef(c.iri), RDFS.subClassOf) if str(o) in classes]
        if local_parents:
            classes[local_parents[0]].children.append(c)
        else:
            roots.append(c)
    props = []
    for kind, cls in (("object property", OWL.ObjectProperty), ("datatype property", OWL.DatatypeProperty)):
        for s in g.subjects(RDF.type, cls):
            if str(s).startswith(ns):
                t = term(s, RDFS.subPropertyOf)
                t.kind = kind
                props.append(t)
    individuals = []
    for s in set(g.subjects(RDF.type, OWL.NamedIndividual)):
        t = term(s, RDFS.subClassOf)
        t.kind = ", ".join(n for n in _names(g, s, RDF.type) if n != "owl:NamedIndividual")
        individuals.append(t)
    onto = URIRef(ONTOLOGY_IRI)
    return {
        "iri": ONTOLOGY_IRI, "namespace": ns,
        "title": _en(g, onto, URIRef("http://purl.org/dc/terms/title")) or "defgraph ontology",
        "description": _en(g, onto, URIRef("http://purl.org/dc/terms/description")),
        "version": _en(g, onto, OWL.versionInfo),
        "roots": roots,
        "classes": sorted(classes.values(), key=lambda t: t.label.lower()),
        "properties": sorted(props, key=lambda t: t.label.lower()),
        "individuals": sorted(individuals, key=lambda t: t.label.lower()),
    }


@lru_cache(maxsize=4)
def ontology_rdf(fmt: str) -> bytes:
    if fmt == "turtle":
        return ONTOLOGY_FILE.read_bytes()
    triples = [q.triple for q in ox.parse(path=str(ONTOLOGY_FILE), format=ox.RdfFormat.TURTLE)]
    return ox.serialize(triples, format=lookup("rdf", fmt).oxigraph,
                        prefixes=PREFIXES if fmt in ("rdfxml", "trig") else None)


@bp.route("/ontology")
def ontology() -> Response:
    """The ontology: Turtle, RDF/XML, JSON-LD or N-Triples by Accept (or ?format=), else HTML."""
    fmt = negotiate(request, SERVED_RDF, html=True)
    if fmt != "html":
        return _rdf_response(ontology_rdf(fmt), fmt)
    html = render_template("ontology.html", o=ontology_page(), formats=SERVED_RDF)
    return Response(html, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})


# --- /.well-known/void and /dump.nq.gz --------------------------------------------------------

def _select(query: str) -> list[dict[str, str | None]]:
    """Rows of a SELECT run by the server's query workers, as plain strings."""
    outcome = current_state().run(QueryTask(query, tabular="json"))
    if outcome.kind == "error":
        raise HttpError(outcome.status, outcome.message)
    return Results.from_json(outcome.body, truncated=bool(outcome.truncated)).rows


@bp.route("/.well-known/void")
def void() -> Response:
    """The VoID description of this server's dataset."""
    from ..void import void_description

    state = current_state()
    base = state.base_iri        # the configured base, never the request's Host header
    g = void_description(_select, base, sparql_endpoint=base + "sparql", data_dump=base + "dump.nq.gz")
    fmt = negotiate(request, SERVED_RDF)
    return _rdf_response(rdflib_bytes(g, fmt, VOCABULARIES), fmt)


DUMP_BATCH = 10_000   # quads serialised (and compressed) at a time


def gzip_nquads(quads: Iterable[ox.Quad], batch: int = DUMP_BATCH) -> Iterator[bytes]:
    """Quads as a gzip stream of N-Quads, a batch at a time: memory stays flat whatever the store's size."""
    z = zlib.compressobj(6, zlib.DEFLATED, 16 + zlib.MAX_WBITS)   # 16+: a gzip header and trailer
    it = iter(quads)
    while chunk := list(islice(it, batch)):
        out = z.compress(ox.serialize(chunk, format=ox.RdfFormat.N_QUADS))
        if out:
            yield out
    yield z.flush()


@bp.route("/dump.nq.gz")
def dump() -> Response:
    """Every quad of the store as gzip-compressed N-Quads, streamed from one consistent view of it."""
    state = current_state()

    def stream() -> Iterator[bytes]:
        with state.reading() as store:
            yield from gzip_nquads(store.quads())

    return Response(stream(), content_type="application/gzip",
                    headers={"Content-Disposition": 'attachment; filename="defgraph.nq.gz"'})
