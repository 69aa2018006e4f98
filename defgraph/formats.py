"""Every format defgraph reads or writes, declared once: query results, RDF and graph views.

One row per format: its name (``--format NAME`` on the command line, ``?format=NAME`` on the
server), the other names it answers to, its media type and the others clients send for it, its
file suffixes, and what writes it (Oxigraph's format, rdflib's name, or for a graph view the
function that writes it). The CLI's ``--format`` choices, the server's content negotiation
(``Accept`` and ``?format=``), the Graph Store's request bodies, ``defgraph import``'s file
suffixes, the service description's ``sd:resultFormat`` and the store's ``load``/``dump`` all
read this table, so a format added here is offered everywhere at once.

>>> lookup("rdf", "nt").name, lookup("rdf", "application/x-turtle").name
('ntriples', 'turtle')
>>> [f.name for f in family("results", served=True)]
['json', 'xml', 'csv', 'tsv']
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox

KINDS = ("results", "rdf", "view")   # SELECT/ASK answers; RDF graphs and datasets; graph views


class FormatError(ValueError):
    """A format name, media type or suffix that no format of its kind has; says which exist."""


@dataclass(frozen=True)
class Format:
    """One format: how it is named, served and written."""

    name: str                                   # canonical name (--format, ?format=)
    kind: str                                   # one of KINDS
    label: str                                  # as people call it, e.g. "RDF/XML"
    media_type: str                             # what the server sends it as
    suffixes: tuple[str, ...]                   # file suffixes, the usual one first
    aliases: tuple[str, ...] = ()               # other names accepted for it
    media_aliases: tuple[str, ...] = ()         # other media types clients send (Accept, Content-Type)
    oxigraph: ox.RdfFormat | ox.QueryResultsFormat | None = None   # Oxigraph writes and reads it
    rdflib: str | None = None                   # rdflib's name for it
    w3c: str | None = None                      # its IRI at http://www.w3.org/ns/formats/
    dataset: bool = False                       # holds named graphs
    boolean: bool = False                       # can hold an ASK answer
    served: bool = True                         # offered by the server
    writer: str | None = None                   # "module:function" writing a graph view in it
    opens_in: str = ""                          # what reads it, for help texts

    @property
    def suffix(self) -> str:
        """The usual file suffix, e.g. ".ttl"."""
        return self.suffixes[0]

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the format answers to."""
        return (self.name, *self.aliases)

    @property
    def media_types(self) -> tuple[str, ...]:
        """Its media type and the others clients send for it."""
        return (self.media_type, *self.media_aliases)

    def write(self, *args: object) -> bytes:
        """Call the function that writes a graph view in this format (kind "view")."""
        if self.writer is None:
            raise TypeError(f"{self.name} is not written by a function of its own")
        module, _, function = self.writer.partition(":")
        fn: Callable[..., bytes] = getattr(import_module(module), function)
        return fn(*args)


_W3C = "http://www.w3.org/ns/formats/"
_R, _Q = ox.RdfFormat, ox.QueryResultsFormat

FORMATS: tuple[Format, ...] = (
    # answers of SELECT and ASK queries
    Format("table", "results", "Text table", "text/plain", (".txt",), served=False,
           opens_in="a terminal"),
    Format("json", "results", "SPARQL JSON", "application/sparql-results+json", (".srj", ".json"),
           media_aliases=("application/json",), oxigraph=_Q.JSON, w3c=_W3C + "SPARQL_Results_JSON",
           boolean=True, opens_in="SPARQL clients, YASR, pandas.json_normalize"),
    Format("xml", "results", "SPARQL XML", "application/sparql-results+xml", (".srx", ".xml"),
           media_aliases=("application/xml", "text/xml"), oxigraph=_Q.XML,
           w3c=_W3C + "SPARQL_Results_XML", boolean=True, opens_in="SPARQL clients"),
    Format("csv", "results", "CSV", "text/csv", (".csv",), oxigraph=_Q.CSV,
           w3c=_W3C + "SPARQL_Results_CSV", opens_in="spreadsheets, pandas.read_csv"),
    Format("tsv", "results", "TSV", "text/tab-separated-values", (".tsv",), oxigraph=_Q.TSV,
           w3c=_W3C + "SPARQL_Results_TSV", opens_in="SPARQL clients, spreadsheets"),
    # RDF: CONSTRUCT and DESCRIBE answers, resource pages, the Graph Store, export and import
    Format("turtle", "rdf", "Turtle", "text/turtle", (".ttl", ".turtle"), aliases=("ttl",),
           media_aliases=("application/x-turtle",), oxigraph=_R.TURTLE, rdflib="turtle",
           w3c=_W3C + "Turtle"),
    Format("ntriples", "rdf", "N-Triples", "application/n-triples", (".nt",), aliases=("nt",),
           media_aliases=("text/plain",), oxigraph=_R.N_TRIPLES, rdflib="nt", w3c=_W3C + "N-Triples"),
    Format("rdfxml", "rdf", "RDF/XML", "application/rdf+xml", (".rdf", ".xml", ".owl"),
           aliases=("xml", "rdf"), oxigraph=_R.RDF_XML, rdflib="xml", w3c=_W3C + "RDF_XML"),
    Format("jsonld", "rdf", "JSON-LD", "application/ld+json", (".jsonld", ".json"), aliases=("json-ld",),
           media_aliases=("application/json-ld",), oxigraph=_R.JSON_LD, rdflib="json-ld",
           w3c=_W3C + "JSON-LD", dataset=True),
    Format("nquads", "rdf", "N-Quads", "application/n-quads", (".nq",), aliases=("nq",),
           oxigraph=_R.N_QUADS, rdflib="nquads", w3c=_W3C + "N-Quads", dataset=True),
    Format("trig", "rdf", "TriG", "application/trig", (".trig",), oxigraph=_R.TRIG, rdflib="trig",
           w3c=_W3C + "TriG", dataset=True),
    # graph views (defgraph viz, /graph)
    Format("html", "view", "HTML page", "text/html; charset=utf-8", (".html",),
           writer="defgraph.viz.export:write_html", opens_in="a browser, offline"),
    Format("gexf", "view", "GEXF", "application/gexf+xml", (".gexf",),
           writer="defgraph.viz.export:write_gexf", opens_in="Gephi, networkx"),
    Format("graphml", "view", "GraphML", "application/graphml+xml", (".graphml",),
           writer="defgraph.viz.export:write_graphml", opens_in="Cytoscape, Gephi, yEd, networkx"),
    Format("json", "view", "node-link JSON", "application/json", (".json",),
           writer="defgraph.viz.export:write_node_link", opens_in="networkx (node-link), D3"),
)
DEFAULTS = {"results": "table", "rdf": "turtle", "view": "html"}


def family(kind: str, *, served: bool | None = None, dataset: bool | None = None,
           boolean: bool | None = None) -> list[Format]:
    """The formats of one kind, in the table's order, narrowed by what they are."""
    if kind not in KINDS:
        raise ValueError(f"kind {kind!r}: one of {', '.join(KINDS)}")
    return [f for f in FORMATS if f.kind == kind
            and (served is None or f.served == served)
            and (dataset is None or f.dataset == dataset)
            and (boolean is None or f.boolean == boolean)]


def lookup(among: str | Iterable[Format], wanted: str) -> Format:
    """The format among those of a kind (or those given) that a name, alias or media type denotes."""
    key = wanted.strip().lower()
    formats = family(among) if isinstance(among, str) else list(among)
    for f in formats:
        if key in f.names or key in f.media_types:
            return f
    raise FormatError(f"format {wanted!r} is not one of {', '.join(f.name for f in formats)}")


def by_suffix(kind: str, path: str | Path) -> Format | None:
    """The format of `kind` that a file's suffix says (None when none does)."""
    suffix = Path(path).suffix.lower()
    return next((f for f in family(kind) if suffix in f.suffixes), None)


def media_types(formats: Iterable[Format]) -> dict[str, str]:
    """Name → media type, the form content negotiation takes."""
    return {f.name: f.media_type for f in formats}


def rdflib_bytes(graph: object, fmt: str, prefixes: dict[str, str] | None = None) -> bytes:
    """An rdflib Graph written in an RDF format of the table (by Oxigraph, so that the dataset
    formats hold it too, in their default graph)."""
    nt = graph.serialize(format="nt", encoding="utf-8")
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    form = lookup("rdf", fmt)
    return ox.serialize(triples, format=form.oxigraph,
                        prefixes=prefixes if form.name in ("turtle", "trig", "rdfxml") else None)


# the store's table: every name and alias of an RDF format → Oxigraph's format
RDF_FORMATS: dict[str, ox.RdfFormat] = {n: f.oxigraph for f in family("rdf") for n in f.names}
DATASET_FORMATS = {n for f in family("rdf", dataset=True) for n in f.names}
