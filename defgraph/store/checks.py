"""Checks before anything is stored: RDF a parser would blow up, a base IRI that IRIs cannot be minted under."""

from __future__ import annotations

import pyoxigraph as ox

from ..formats import RDF_FORMATS
from ..rdfxml_guard import check_rdfxml
from .base import StoreError


def check_rdf(data: bytes, fmt: str) -> None:
    """Refuse (SyntaxError) data that a parser would blow up: RDF/XML with nested or too many entities."""
    if RDF_FORMATS.get(fmt) == ox.RdfFormat.RDF_XML:   # under any of its names
        check_rdfxml(data)


def check_base_iri(base_iri: str) -> None:
    """Raise StoreError unless `base_iri` is an absolute http(s) IRI that IRIs can be minted under."""
    from urllib.parse import urlsplit

    parts = urlsplit(base_iri)
    try:
        ox.NamedNode(base_iri)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc or parts.query \
            or parts.fragment:
        raise StoreError(f"base IRI {base_iri!r} is not an absolute http(s) IRI without query or "
                         "fragment (e.g. https://example.org/defgraph/)")
