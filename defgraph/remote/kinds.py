"""Where a remote store answers: each server product's endpoints (KINDS), those of a URL (`endpoints`)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..store import StoreError

ENV_UPDATE_URL = "DEFGRAPH_UPDATE_URL"
ENV_GSP_URL = "DEFGRAPH_GSP_URL"
ENV_KIND = "DEFGRAPH_STORE_KIND"
ENV_USER = "DEFGRAPH_STORE_USER"
ENV_PASSWORD = "DEFGRAPH_STORE_PASSWORD"
ENV_TOKEN = "DEFGRAPH_STORE_TOKEN"
ENV_AUTH = "DEFGRAPH_STORE_AUTH"
ENV_RETRIES = "DEFGRAPH_STORE_RETRIES"
ENV_TIMEOUT = "DEFGRAPH_STORE_TIMEOUT"


@dataclass(frozen=True)
class Kind:
    """A server product: its endpoints relative to its query endpoint, how the server is made
    to query the union of its graphs by default, and the HTTP authentication it expects."""

    name: str
    query_suffix: str                          # the query endpoint's path ends so
    update_suffix: str
    gsp_suffix: str
    union_hint: str
    auth: str = "basic"
    union_param: str | None = None             # a query parameter asking for the union default graph
    system_graphs: tuple[str, ...] = ()        # IRI prefixes of the server's own graphs, left out of
                                               # graphs(), count() and dumps
    max_update_triples: int | None = None      # the most triples one update request may carry (None: any)
    max_rows: int | None = None                # the most rows (or triples) it answers a query with, cutting
                                               # the rest silently (None: no limit); also its Graph Store GETs
    describe_pragma: str = ""                  # put before a DESCRIBE for the embedded store's answer
    skolemise: bool = False                    # blank nodes written as Skolem IRIs (see `skolemised`)
    default_graph: bool = True                 # whether it keeps triples in a default graph of its own


KINDS: dict[str, Kind] = {k.name: k for k in (
    Kind("oxigraph", "/query", "/update", "/store", "defgraph asks for it with each query",
         union_param="union-default-graph"),
    Kind("fuseki", "/sparql", "/update", "/data", "set `tdb2:unionDefaultGraph true` on the dataset"),
    Kind("virtuoso", "/sparql", "/sparql-auth", "/sparql-graph-crud-auth",
         "Virtuoso queries every graph by default; check that the endpoint has no default graph set",
         auth="digest", system_graphs=("http://www.openlinksw.com/schemas/", "http://www.w3.org/ns/ldp#",
                                       "http://localhost:8890/"),
         max_update_triples=500,       # 7.2: SP031/SP030/SQ199 errors from ~1,500 triples in one request
         max_rows=10_000,              # virtuoso.ini's ResultSetMaxRows as Debian ships it
         # 7.2 describes from one graph, with the triples naming the resource, unless asked for its CBD
         describe_pragma='define sql:describe-mode "CBD"',
         # 7.2 refuses blank nodes in INSERT DATA (SP031), and answers stored ones as nodeID://…,
         # which no SPARQL results parser takes for a blank node label
         skolemise=True,
         default_graph=False),         # 7.2: "No plain default graph specified" for any write to it
    Kind("graphdb", "", "/statements", "/rdf-graphs/service",
         "GraphDB queries every graph by default; check the repository's settings"),
)}


@dataclass(frozen=True)
class Endpoints:
    """Where a remote store answers (query, update, Graph Store Protocol) and how to log in."""

    query: str
    update: str
    gsp: str
    kind: str = ""
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    auth: str = "basic"
    retries: int = 5
    timeout: float = 300.0


def is_remote(location: str | os.PathLike | None) -> bool:
    """Whether a --store value names a remote store (an http(s) URL) rather than a folder."""
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def endpoints(url: str, *, update_url: str | None = None, gsp_url: str | None = None,
              kind: str | None = None) -> Endpoints:
    """The endpoints of the remote store whose query endpoint is `url`: update and Graph Store
    URLs as given, else from the environment, else the kind's defaults beside `url`; credentials
    from the environment only."""
    kind = kind or os.environ.get(ENV_KIND) or None
    if kind is not None and kind not in KINDS:
        raise StoreError(f"store kind {kind!r} is not known; one of {', '.join(KINDS)}")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.username or parts.password:
        raise StoreError(f"{_safe(url)}: not an http(s) URL of a SPARQL query endpoint (credentials go in "
                         f"${ENV_USER} / ${ENV_PASSWORD}, never in the URL)")
    update_url = update_url or os.environ.get(ENV_UPDATE_URL) or None
    gsp_url = gsp_url or os.environ.get(ENV_GSP_URL) or None
    base = url.rstrip("/")
    if kind is not None:
        k = KINDS[kind]
        if k.query_suffix and not base.endswith(k.query_suffix):
            base += k.query_suffix     # a server's root: its query endpoint is at the usual path
        root = base[:len(base) - len(k.query_suffix)] if k.query_suffix else base
        url = base
        update_url = update_url or root + k.update_suffix
        gsp_url = gsp_url or root + k.gsp_suffix
    if not update_url or not gsp_url:
        raise StoreError(f"{url}: give --update-url and --gsp-url (or ${ENV_UPDATE_URL} and ${ENV_GSP_URL}), "
                         f"or --store-kind ({', '.join(KINDS)}) for the usual ones")
    env = os.environ
    try:
        retries = int(env.get(ENV_RETRIES, "5"))
        timeout = float(env.get(ENV_TIMEOUT, "300"))
    except ValueError:
        raise StoreError(f"${ENV_RETRIES} must be a whole number and ${ENV_TIMEOUT} a number of seconds") from None
    auth = env.get(ENV_AUTH) or (KINDS[kind].auth if kind else "basic")
    if auth not in ("basic", "digest"):
        raise StoreError(f"${ENV_AUTH} must be basic or digest, not {auth!r}")
    return Endpoints(url, update_url, gsp_url, kind or "", env.get(ENV_USER) or None,
                     env.get(ENV_PASSWORD), env.get(ENV_TOKEN) or None, auth, max(0, retries), timeout)


def _safe(url: str) -> str:
    """A URL as it may be shown: without credentials."""
    parts = urlsplit(url)
    return url if not (parts.username or parts.password) else url.replace(parts.netloc, parts.hostname or "", 1)
