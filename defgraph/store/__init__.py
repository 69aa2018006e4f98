"""The embedded, persistent SPARQL store (Oxigraph) behind one small interface.

One module a kind: base.py (the GraphStore protocol, StoreError, the pending-article marker),
checks.py (RDF and base IRIs checked before anything is stored), sparql.py (SPARQL text of Oxigraph
terms), terms.py (rdflib terms as Oxigraph's), articles.py (article writes, one at a time or in
batches), writes.py (every other write, the deals graph following it; `repair`), oxigraph.py
(OxigraphStore, open_store).
"""

from __future__ import annotations

from ..formats import RDF_FORMATS
from .articles import _Batch
from .base import PENDING, GraphStore, StoreError
from .checks import check_base_iri, check_rdf
from .oxigraph import DEFAULT_STORE_DIR, META_FILE, OxigraphStore, default_location, open_store
from .sparql import _data, _drops, insert_data, values
from .terms import dataset_nquads, ox_quads

__all__ = [
    "DEFAULT_STORE_DIR", "META_FILE", "PENDING", "RDF_FORMATS", "GraphStore", "OxigraphStore", "StoreError",
    "check_base_iri", "check_rdf", "dataset_nquads", "default_location", "insert_data", "open_store", "ox_quads",
    "values",
    "_Batch", "_data", "_drops",       # what defgraph.remote builds RemoteStore on
]
