"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, Virtuoso, GraphDB) behind the GraphStore protocol.

`RemoteStore` is the embedded store's logic (defgraph.store: article writes with their inference and
deals graphs, dumps, counts) run on an engine that speaks HTTP: `SparqlEngine` does what that
logic asks of pyoxigraph's `Store` (queries, updates, quad patterns) through the SPARQL 1.1
Protocol. Every write is one SPARQL Update request, which the server applies as one transaction,
and is retried on transient failures (connection errors, 5xx), so an article's graph is either
written whole or left as it was. A server that takes only so many triples in one request
(`Kind.max_update_triples`: Virtuoso) is given a larger article in steps under a pending note,
its graphs staged and moved in place by one last request (`RemoteStore._write_in_steps`), and
an article whose removal changes more deal triples than that is removed in steps under the same
note (`RemoteStore._remove_article`); other writes larger than that are staged by Graph Store PUTs
and added by one request (`SparqlEngine.extend`), the deal changes that follow them sent in steps
under the deals' removed version triple. On a server that refuses blank nodes in an update
(`Kind.skolemise`: Virtuoso) each is written as a Skolem IRI (`skolemised`; `deskolemised` turns
them back); one that keeps no default graph (`Kind.default_graph`: Virtuoso) refuses triples for it
with one line. A CONSTRUCT or DESCRIBE is asked for N-Triples. Credentials come from the environment only.

One module a kind: kinds.py (KINDS, Endpoints, `endpoints`), http.py (Http, RemoteError),
skolem.py (Skolem IRIs), engine.py (SparqlEngine), store.py (RemoteStore, open_remote, open_any).
"""

from __future__ import annotations

from .engine import GRAPHS_PER_READ, JSON_RESULTS, STAGING, SparqlEngine, prologue
from .http import BACKOFF_SECONDS, MAX_BACKOFF, TRANSIENT_STATUS, Http, RemoteError
from .kinds import (ENV_AUTH, ENV_GSP_URL, ENV_KIND, ENV_PASSWORD, ENV_RETRIES, ENV_TIMEOUT, ENV_TOKEN,
                    ENV_UPDATE_URL, ENV_USER, KINDS, Endpoints, Kind, endpoints, is_remote)
from .skolem import GENID, deskolemised, skolem_prefix, skolemised
from .store import RemoteStore, open_any, open_remote

__all__ = [
    "ENV_AUTH", "ENV_GSP_URL", "ENV_KIND", "ENV_PASSWORD", "ENV_RETRIES", "ENV_TIMEOUT", "ENV_TOKEN", "ENV_UPDATE_URL",
    "ENV_USER", "KINDS", "Endpoints", "Kind", "endpoints", "is_remote",
    "GRAPHS_PER_READ", "JSON_RESULTS", "STAGING", "SparqlEngine", "prologue",
    "BACKOFF_SECONDS", "MAX_BACKOFF", "TRANSIENT_STATUS", "Http", "RemoteError",
    "GENID", "deskolemised", "skolem_prefix", "skolemised",
    "RemoteStore", "open_any", "open_remote",
]
