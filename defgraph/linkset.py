"""Links into other datasets as RDF: each link statement with its description (source, method, score).

A link `<e> owl:sameAs <x>` (or `skos:closeMatch`) lives in a named graph of its own,
`{base}graph/links/{name}`, beside an OWL axiom annotation that says where it came from:

    <{base}id/link/{hash}> a owl:Axiom ;
        owl:annotatedSource <e> ; owl:annotatedProperty owl:sameAs ; owl:annotatedTarget <x> ;
        sssom:mapping_justification semapv:LexicalMatching ;   # or semapv:ManualMappingCuration
        sssom:confidence 0.97 ; rdfs:comment "how it was matched" ; dcterms:source <…> .

The description's IRI is a hash of the link, so writing the same link twice changes nothing.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from typing import Iterable

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, XSD

from .namespaces import Minter, short_hash
from .resources import DATA_DIR

SSSOM = Namespace("https://w3id.org/sssom/")
SEMAPV = Namespace("https://w3id.org/semapv/vocab/")
WD = Namespace("http://www.wikidata.org/entity/")
DBR = Namespace("http://dbpedia.org/resource/")
DATA_IRI = "https://w3id.org/defgraph/data/"   # the gazetteer files, as sources of links

GAZETTEER_GRAPH = "gazetteer"
GAZETTEER_FILES = {"Country": "countries.csv", "Agency": "organizations.csv", "Equipment": "equipment.csv"}

Triple = tuple[URIRef, URIRef, object]


def link_graph(minter: Minter, name: str) -> str:
    """The IRI of the named graph that holds one set of links."""
    return f"{minter.base}graph/links/{name}"


def link_triples(subject: str, predicate: URIRef, target: str, minter: Minter, *,
                 justification: URIRef, source: str, confidence: float | None = None,
                 comment: str | None = None) -> list[Triple]:
    """The link statement and its OWL axiom annotation (source, justification, score, method)."""
    s, o = URIRef(subject), URIRef(target)
    axiom = URIRef(minter.iri("link", short_hash(subject, str(predicate), target)))
    out: list[Triple] = [
        (s, predicate, o),
        (axiom, RDF.type, OWL.Axiom),
        (axiom, OWL.annotatedSource, s),
        (axiom, OWL.annotatedProperty, predicate),
        (axiom, OWL.annotatedTarget, o),
        (axiom, SSSOM.mapping_justification, justification),
        (axiom, DCTERMS.source, URIRef(source)),
    ]
    if confidence is not None:
        out.append((axiom, SSSOM.confidence, Literal(f"{confidence:.3f}", datatype=XSD.decimal)))
    if comment:
        out.append((axiom, RDFS.comment, Literal(comment)))
    return out


@lru_cache(maxsize=1)
def dbpedia_titles() -> dict[str, str]:
    """Wikidata QID → DBpedia resource name, for the entities whose English Wikipedia title is certain."""
    with open(DATA_DIR / "dbpedia.csv", encoding="utf-8", newline="") as f:
        return {row["wikidata"]: row["dbpedia"] for row in csv.DictReader(f)}


def gazetteer_links(subject: str, family: str, qid: str | None, minter: Minter) -> list[Triple]:
    """owl:sameAs to Wikidata (and DBpedia where certain) for a gazetteer entity with a QID."""
    if not qid or family not in GAZETTEER_FILES:
        return []
    source = DATA_IRI + GAZETTEER_FILES[family]
    out = link_triples(subject, OWL.sameAs, str(WD[qid]), minter,
                       justification=SEMAPV.ManualMappingCuration, source=source,
                       comment=f"Wikidata QID curated in defgraph's gazetteer {GAZETTEER_FILES[family]}")
    title = dbpedia_titles().get(qid)
    if title:
        out += link_triples(subject, OWL.sameAs, str(DBR[title]), minter,
                            justification=SEMAPV.ManualMappingCuration, source=DATA_IRI + "dbpedia.csv",
                            comment=f"English Wikipedia title of {qid}, curated in defgraph's dbpedia.csv")
    return out


def add_all(graph, triples: Iterable[Triple]) -> None:
    for t in triples:
        graph.add(t)
