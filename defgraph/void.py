"""The VoID description of the graph: size, entities per class, links per target dataset, access points."""

from __future__ import annotations

from collections import Counter
from typing import Callable
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, OWL, RDF, XSD

from .linkset import DBR, SEMAPV, SSSOM, WD
from .namespaces import DG, PREFIXES, VOID, Minter, short_hash, slugify
from .store import values

Select = Callable[[str], list[dict[str, str | None]]]

KNOWN_TARGETS = {str(WD): "https://www.wikidata.org/", str(DBR): "https://dbpedia.org/"}
VOCABULARIES = {**PREFIXES, "void": str(VOID), "sssom": str(SSSOM), "semapv": str(SEMAPV)}
LINK_PREDICATES = (str(OWL.sameAs), "http://www.w3.org/2004/02/skos/core#closeMatch",
                   "http://www.w3.org/2004/02/skos/core#exactMatch")

TRIPLES_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
# ?ids, ?links (the base IRI's id/ and graph/links/) and ?p (LINK_PREDICATES) come in by VALUES
CLASSES_QUERY = """SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { %s
  GRAPH ?g { ?e a ?c } FILTER(STRSTARTS(STR(?e), ?ids) && ?c != owl:Axiom) } GROUP BY ?c ORDER BY ?c"""
LINKS_QUERY = """SELECT ?g ?p ?o ?target WHERE { %s
  GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), ?links) && STRSTARTS(STR(?s), ?ids))
  OPTIONAL { GRAPH ?g { ?g <http://rdfs.org/ns/void#objectsTarget> ?target } } }"""
PREDICATES_QUERY = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }"
TYPES_QUERY = "SELECT DISTINCT ?c WHERE { GRAPH ?g { ?s a ?c } }"


def target_dataset(obj: str, declared: str | None) -> str:
    """The dataset a linked IRI belongs to: Wikidata, DBpedia, the linkset's target, or its host."""
    for prefix, dataset in KNOWN_TARGETS.items():
        if obj.startswith(prefix):
            return dataset
    if declared:
        return declared
    parts = urlsplit(obj)
    return f"{parts.scheme}://{parts.netloc}/" if parts.netloc else obj


def vocabularies(iris: list[str]) -> list[str]:
    """The known vocabularies whose namespace some of these IRIs are in."""
    return sorted({ns for iri in iris for ns in VOCABULARIES.values() if iri.startswith(ns)})


def _class_slug(cls: str) -> str:
    """A class's partition name: its local name, after its vocabulary's prefix unless it is dg's
    (dg:Person and foaf:Person are both there once inference types every person as both)."""
    local = cls.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    prefix = next((p for p, ns in VOCABULARIES.items() if cls.startswith(ns)), None)
    if prefix == "dg":
        return slugify(local)
    return slugify(f"{prefix}-{local}") if prefix else short_hash(cls, length=12)


def void_description(select: Select, base: str, *, sparql_endpoint: str | None = None,
                     data_dump: str | None = None) -> Graph:
    """VoID for the store that `select` queries, whose IRIs are minted under `base`."""
    base = Minter(base).base
    ds = URIRef(base + ".well-known/void#defgraph")
    g = Graph()
    g.bind("void", VOID)
    g.bind("dcterms", DCTERMS)
    g.bind("dg", DG)
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, DCTERMS.title, Literal("defgraph", lang="en")))
    g.add((ds, DCTERMS.description, Literal(
        "A knowledge graph of defence cooperation extracted from news articles: people, agencies, "
        "countries, equipment and the events that tie them, with provenance.", lang="en")))
    g.add((ds, VOID.uriSpace, Literal(base + "id/")))
    g.add((ds, FOAF.homepage, URIRef(base)))
    if sparql_endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    if data_dump:
        g.add((ds, VOID.dataDump, URIRef(data_dump)))
    g.add((ds, VOID.feature, URIRef("http://www.w3.org/ns/formats/N-Quads")))

    triples = int(select(TRIPLES_QUERY)[0]["n"] or 0)
    g.add((ds, VOID.triples, Literal(triples, datatype=XSD.integer)))

    entities = 0
    ids = values("ids", [ox.Literal(base + "id/")])
    for row in select(CLASSES_QUERY % ids):
        n = int(row["n"] or 0)
        part = URIRef(f"{ds}-class-{_class_slug(row['c'])}")
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(row["c"])))
        g.add((part, VOID.entities, Literal(n, datatype=XSD.integer)))
        entities += n
    g.add((ds, VOID.entities, Literal(entities, datatype=XSD.integer)))

    links: Counter[tuple[str, str]] = Counter()
    bound = " ".join([ids, values("links", [ox.Literal(base + "graph/links/")]),
                      values("p", [ox.NamedNode(p) for p in LINK_PREDICATES])])
    for row in select(LINKS_QUERY % bound):
        links[(target_dataset(row["o"], row.get("target")), row["p"])] += 1
    for (target, pred), n in sorted(links.items()):
        ls = URIRef(f"{ds}-links-{slugify(target)}-{slugify(pred.rsplit('#', 1)[-1])}")
        g.add((ds, VOID.subset, ls))
        g.add((ls, RDF.type, VOID.Linkset))
        g.add((ls, VOID.subjectsTarget, ds))
        g.add((ls, VOID.objectsTarget, URIRef(target)))
        g.add((ls, VOID.linkPredicate, URIRef(pred)))
        g.add((ls, VOID.triples, Literal(n, datatype=XSD.integer)))

    used = [r["p"] for r in select(PREDICATES_QUERY)] + [r["c"] for r in select(TYPES_QUERY)]
    for vocab in vocabularies([u for u in used if u]):
        g.add((ds, VOID.vocabulary, URIRef(vocab)))
    return g
