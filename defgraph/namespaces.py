"""RDF namespaces and the minting of defgraph's IRIs."""

from __future__ import annotations

import hashlib

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .names import slugify  # IRIs are minted from names

DG = Namespace("https://w3id.org/defgraph/ontology#")
ONTOLOGY_IRI = "https://w3id.org/defgraph/ontology"
SCHEMA = Namespace("https://schema.org/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
ORG = Namespace("http://www.w3.org/ns/org#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
VOID = Namespace("http://rdfs.org/ns/void#")

DEFAULT_BASE_IRI = "http://127.0.0.1:8080/"

PREFIXES = {
    "dg": str(DG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "foaf": str(FOAF),
    "org": str(ORG),
    "sem": str(SEM),
}

__all__ = ["DG", "SCHEMA", "FOAF", "ORG", "SEM", "VOID", "PREFIXES", "slugify", "Minter",
           "DCTERMS", "OWL", "PROV", "RDF", "RDFS", "SKOS", "XSD"]


def short_hash(*parts: str, length: int = 16) -> str:
    """A stable hexadecimal digest of some strings."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


class Minter:
    """Mints `{base}id/{kind}/{slug}` IRIs under one base IRI."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        self.base = base if base.endswith(("/", "#")) else base + "/"

    def iri(self, kind: str, slug: str) -> str:
        return f"{self.base}id/{kind}/{slug}"

    def entity(self, kind: str, name: str) -> str:
        return self.iri(kind, slugify(name))

    @property
    def entities_graph(self) -> str:
        return f"{self.base}graph/entities"

    @property
    def ontology_graph(self) -> str:
        return ONTOLOGY_IRI
