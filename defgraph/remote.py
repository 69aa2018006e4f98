"""A remote SPARQL 1.1 store (Oxigraph server, Fuseki, Virtuoso, GraphDB) behind the GraphStore protocol.

`RemoteStore` is the embedded store's logic (store.py: article writes with their inference and
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
"""

from __future__ import annotations

import os
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Iterable, Iterator
from urllib.parse import urljoin, urlsplit

import pyoxigraph as ox

from .entail import inferred_graph
from .formats import DATASET_FORMATS
from .namespaces import PREFIXES
from .results import graph_answer
from .store import PENDING, RDF_FORMATS, OxigraphStore, StoreError, _Batch, _data, _drops, check_base_iri, values
from .deals import DealIndex
from .deals.index import version_quad
from .deals.inputs import DealInputs

ENV_UPDATE_URL = "DEFGRAPH_UPDATE_URL"
ENV_GSP_URL = "DEFGRAPH_GSP_URL"
ENV_KIND = "DEFGRAPH_STORE_KIND"
ENV_USER = "DEFGRAPH_STORE_USER"
ENV_PASSWORD = "DEFGRAPH_STORE_PASSWORD"
ENV_TOKEN = "DEFGRAPH_STORE_TOKEN"
ENV_AUTH = "DEFGRAPH_STORE_AUTH"
ENV_RETRIES = "DEFGRAPH_STORE_RETRIES"
ENV_TIMEOUT = "DEFGRAPH_STORE_TIMEOUT"

TRANSIENT_STATUS = {500, 502, 503, 504}
BACKOFF_SECONDS = 0.5            # first wait before a retry; doubled each time, at most MAX_BACKOFF
MAX_BACKOFF = 8.0
JSON_RESULTS = "application/sparql-results+json"
# a graph written in steps is staged under this prefix + its IRI, then moved in place in one request
STAGING = "urn:x-defgraph:staging:"
# graphs read in one request, at most, when a server with a row limit is read whole (see SparqlEngine._all_quads)
GRAPHS_PER_READ = 200
# the path of Skolem IRIs (RDF 1.1 Concepts, 3.5: a well-known IRI with the registered name genid)
GENID = "/.well-known/genid/"


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


class RemoteError(StoreError):
    """The remote store could not be reached or refused a request; the message says which and why."""


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


def skolem_prefix(base_iri: str) -> str:
    """Where a store of that base IRI mints its Skolem IRIs: the well-known genid path of the base's authority."""
    return urljoin(base_iri, GENID)


def skolemised(quads: Iterable[ox.Quad], prefix: str) -> list[ox.Quad]:
    """The quads with each blank node replaced by a new IRI under `prefix`, one per blank node of
    this call (the same node, the same IRI; another call, other IRIs, as blank nodes of another
    document are other nodes)."""
    minted: dict[ox.BlankNode, ox.NamedNode] = {}

    def term(t: object) -> object:
        if not isinstance(t, ox.BlankNode):
            return t
        if t not in minted:
            minted[t] = ox.NamedNode(prefix + uuid.uuid4().hex)
        return minted[t]
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), term(q.graph_name)) for q in quads]


def deskolemised(quads: Iterable[ox.Quad], prefix: str) -> list[ox.Quad]:
    """The quads with each IRI under `prefix` (a Skolem IRI of `skolemised`) a blank node again."""
    def term(t: object) -> object:
        return ox.BlankNode(t.value[len(prefix):]) if isinstance(t, ox.NamedNode) and t.value.startswith(prefix) else t
    return [ox.Quad(term(q.subject), q.predicate, term(q.object), term(q.graph_name)) for q in quads]


def _safe(url: str) -> str:
    """A URL as it may be shown: without credentials."""
    parts = urlsplit(url)
    return url if not (parts.username or parts.password) else url.replace(parts.netloc, parts.hostname or "", 1)


class Http:
    """HTTP requests to the remote store (a session per thread), retried on transient failures."""

    def __init__(self, where: Endpoints) -> None:
        self.where = where
        self._local = threading.local()

    def _session(self):
        import requests

        session = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            w = self.where
            if w.token:
                session.headers["Authorization"] = f"Bearer {w.token}"
            elif w.user is not None:
                session.auth = (requests.auth.HTTPDigestAuth(w.user, w.password or "") if w.auth == "digest"
                                else (w.user, w.password or ""))
            self._local.session = session
        return session

    def send(self, method: str, url: str, what: str, **kwargs: object):
        """The response to a request (2xx), retried with backoff on connection errors (an answer cut
        short included) and 5xx; RemoteError when it keeps failing or the server refuses it (a 400
        is a SyntaxError)."""
        import requests

        tries = self.where.retries + 1
        problem = ""
        for attempt in range(tries):
            if attempt:
                time.sleep(min(MAX_BACKOFF, BACKOFF_SECONDS * 2 ** (attempt - 1)))
            try:
                resp = self._session().request(method, url, timeout=(10, self.where.timeout), **kwargs)
            except (requests.ConnectionError, requests.exceptions.ChunkedEncodingError) as exc:
                # refused, reset, or cut mid-answer (a server killed while it answered): writes are idempotent
                problem = f"cannot connect ({type(exc).__name__})"
                self._local.session = None
                continue
            except requests.Timeout:
                problem = f"no answer within {self.where.timeout:g} s (${ENV_TIMEOUT})"
                continue
            if resp.status_code < 300:
                return resp
            message = resp.text.strip().splitlines()[0][:300] if resp.text.strip() else resp.reason
            if resp.status_code in TRANSIENT_STATUS:
                problem = f"HTTP {resp.status_code}: {message}"
                continue
            if resp.status_code == 400:
                raise SyntaxError(f"the store refused the {what}: {message}")
            if resp.status_code in (401, 403):
                raise RemoteError(f"{url}: the store refused the {what} (HTTP {resp.status_code}): set "
                                  f"${ENV_USER} and ${ENV_PASSWORD} (or ${ENV_TOKEN}) to credentials it accepts")
            raise RemoteError(f"{url}: the store refused the {what} (HTTP {resp.status_code}: {message})")
        raise RemoteError(f"{url}: the {what} failed after {tries} tries: {problem}")

    def close(self) -> None:
        session = getattr(self._local, "session", None)
        if session is not None:
            session.close()
            self._local.session = None


_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z_][\w\-.]*)?\s*:", re.IGNORECASE)


def prologue(text: str, prefixes: dict[str, str] | None, base_iri: str | None) -> str:
    """SPARQL text with BASE and the PREFIX declarations of `prefixes` it does not declare itself
    (the remote server knows none of defgraph's predefined prefixes)."""
    declared = set(_DECLARED.findall(text))
    head = [f"BASE {ox.NamedNode(base_iri)}"] if base_iri else []
    head += [f"PREFIX {p}: {ox.NamedNode(ns)}" for p, ns in (prefixes or {}).items() if p not in declared]
    return " ".join(head + [text])     # on the first line: the server's errors keep the text's line numbers


class SparqlEngine:
    """What store.py asks of pyoxigraph's Store, done through a remote SPARQL 1.1 endpoint.

    The default graph of the server's queries must be the union of its named graphs (as the
    embedded store's queries see it); `check_union` says so when it is not. Patterns without
    a graph see the named graphs (defgraph writes nothing in the default graph)."""

    def __init__(self, where: Endpoints) -> None:
        self.where = where
        self.http = Http(where)
        # (subject, predicate or None for all, graph or None for any) → its quads, read in a few
        # requests before an article is written (see RemoteStore.put_article); None outside one
        self.known: dict[tuple[object, object, object], list[ox.Quad]] | None = None

    def prefetch(self, subjects: set, graphs: set, subjects_of: tuple[set, ox.NamedNode]) -> None:
        """Read every quad of `subjects` in `graphs`, and of the subjects of `subjects_of` with its
        predicate in any graph, in two requests, for the patterns that follow."""
        self.known = {(s, None, g): [] for s in subjects for g in graphs}
        if subjects and graphs:
            query = (f"SELECT ?s ?p ?o ?g WHERE {{ {values('s', sorted(subjects, key=str))} "
                     f"{values('g', sorted(graphs, key=str))} GRAPH ?g {{ ?s ?p ?o }} }}")
            for row in self._select_all(query, "?s ?g ?p ?o"):
                self.known[(row["s"], None, row["g"])].append(ox.Quad(row["s"], row["p"], row["o"], row["g"]))
        more, predicate = subjects_of
        self.known.update({(s, predicate, None): [] for s in more})
        if more:
            query = (f"SELECT ?s ?o ?g WHERE {{ {values('s', sorted(more, key=str))} "
                     f"GRAPH ?g {{ ?s {predicate} ?o }} }}")
            for row in self._select_all(query, "?s ?g ?o"):
                self.known[(row["s"], predicate, None)].append(ox.Quad(row["s"], predicate, row["o"], row["g"]))

    # reading -------------------------------------------------------------
    def query(self, query: str, *, use_default_graph_as_union: bool = True, prefixes: dict | None = None,
              base_iri: str | None = None, default_graph: object = None, named_graphs: object = None,
              substitutions: dict | None = None) -> object:
        """Run a query; pyoxigraph's result objects (QuerySolutions, QueryBoolean, QueryTriples)."""
        from .server.sparql_text import query_form, with_values

        if substitutions:
            query = with_values(query, {v.value: t for v, t in substitutions.items()})
        params: list[tuple[str, str]] = []
        for g in ([default_graph] if isinstance(default_graph, ox.NamedNode) else default_graph or []):
            params.append(("default-graph-uri", g.value))
        for g in named_graphs or []:
            params.append(("named-graph-uri", g.value))
        union_param = KINDS[self.where.kind].union_param if self.where.kind else None
        if use_default_graph_as_union and not params and union_param:
            params.append((union_param, ""))
        text = prologue(query, prefixes, base_iri)
        # a CONSTRUCT or DESCRIBE is asked for RDF: Virtuoso answers one with SELECT results when JSON is acceptable
        graph = query_form(query) in ("CONSTRUCT", "DESCRIBE")
        kind = KINDS[self.where.kind] if self.where.kind else None
        if graph and kind and kind.describe_pragma and query_form(query) == "DESCRIBE":
            text = f"{kind.describe_pragma} {text}"
        # a form POST: every SPARQL 1.1 server takes it (Virtuoso 7.2 hangs on a direct POST)
        resp = self.http.send("POST", self.where.query, "query", data=[("query", text), *params],
                              headers={"Accept": "application/n-triples, text/turtle;q=0.9" if graph else
                                       f"{JSON_RESULTS}, application/n-triples;q=0.9"})
        media = resp.headers.get("Content-Type", "").split(";")[0].strip()
        if media in (JSON_RESULTS, "application/json") and not graph:
            return ox.parse_query_results(resp.content, format=ox.QueryResultsFormat.JSON)
        fmt = ox.RdfFormat.N_TRIPLES if media == "text/plain" else ox.RdfFormat.from_media_type(media)
        if fmt is None:
            raise RemoteError(f"{self.where.query}: the store answered a query with {media or 'no media type'}")
        return graph_answer(ox.parse(resp.content, format=fmt))

    def _select(self, query: str) -> ox.QuerySolutions:
        return self.query(query)

    def row_limit(self) -> int | None:
        """The most rows the server answers a query with (None: no limit)."""
        return KINDS[self.where.kind].max_rows if self.where.kind else None

    def update_limit(self) -> int | None:
        """The most triples one update request may carry (None: any)."""
        return KINDS[self.where.kind].max_update_triples if self.where.kind else None

    def _select_all(self, select: str, order: str) -> Iterator[ox.QuerySolution]:
        """Every row of a SELECT (with no ORDER BY, LIMIT or OFFSET of its own): one request, or,
        when the server cut its answer at its row limit, pages of that many rows of the answer
        sorted by `order` in a subquery (Virtuoso refuses an OFFSET past its limit on a sorted query,
        not on a sorted subquery)."""
        limit = self.row_limit()
        rows = self._select(select)
        if limit is None:
            yield from rows
            return
        variables = " ".join(map(str, rows.variables))
        rows = list(rows)
        if len(rows) < limit:
            yield from rows
            return
        offset = 0
        while True:
            page = list(self._select(f"SELECT {variables} WHERE {{ {{ {select} ORDER BY {order} }} }} "
                                     f"LIMIT {limit} OFFSET {offset}"))
            yield from page
            if len(page) < limit:
                return
            offset += limit

    def _all_quads(self) -> Iterator[ox.Quad]:
        """Every quad of the named graphs but the hidden ones, on a server with a row limit: graph by
        graph, as many graphs in one request as their sizes allow, a larger graph in pages."""
        limit, hidden = self.row_limit(), self._system_graphs()
        batches: list[list[ox.NamedNode]] = [[]]
        rows = 0
        for g, n in self._graph_sizes():
            if g.value.startswith(hidden):
                continue
            if batches[-1] and (rows + n >= limit or len(batches[-1]) == GRAPHS_PER_READ):
                batches.append([])
                rows = 0
            batches[-1].append(g)
            rows += n
        for batch in filter(None, batches):
            query = f"SELECT ?s ?p ?o ?g WHERE {{ {values('g', batch)} GRAPH ?g {{ ?s ?p ?o }} }}"
            for row in self._select_all(query, "?g ?s ?p ?o"):
                yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def _graph_sizes(self) -> Iterator[tuple[ox.NamedNode, int]]:
        """Each named graph (hidden ones too) and its number of triples."""
        for row in self._select_all("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "?g"):
            yield row["g"], int(row["n"].value)

    def quads_for_pattern(self, s: object = None, p: object = None, o: object = None,
                          g: object = None) -> Iterator[ox.Quad]:
        """The quads of named graphs matching a pattern (None: any term)."""
        known = self.known
        if known is not None and ((s, None, g) in known or (s, p, g) in known):
            yield from (q for q in known[(s, None, g) if (s, None, g) in known else (s, p, g)]
                        if (p is None or q.predicate == p) and (o is None or q.object == o))
            return
        if s is None and p is None and o is None and g is None and self.row_limit() is not None:
            yield from self._all_quads()
            return
        bound = [values(name, [term]) for name, term in (("s", s), ("p", p), ("o", o), ("g", g))
                 if term is not None]
        rows = self._select_all("SELECT ?s ?p ?o ?g WHERE { " + " ".join(bound) + " GRAPH ?g { ?s ?p ?o } }",
                                "?g ?s ?p ?o")
        hidden = self._system_graphs() if g is None else ()
        for row in rows:
            if not (hidden and row["g"].value.startswith(hidden)):
                yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def _system_graphs(self) -> tuple[str, ...]:
        return (KINDS[self.where.kind].system_graphs if self.where.kind else ()) + (STAGING,)

    def contains_named_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self.query(f"ASK {{ {values('g', [graph])} GRAPH ?g {{ ?s ?p ?o }} }}"))

    def named_graphs(self) -> Iterator[ox.NamedNode]:
        hidden = self._system_graphs()
        # GROUP BY, not DISTINCT: Virtuoso 7.2 answers a DISTINCT of more graphs than its row limit
        # with no rows, after its transaction times out
        yield from (g for g, _ in self._graph_sizes() if not g.value.startswith(hidden))

    def count(self, graph: ox.NamedNode | None = None) -> int:
        """Quads in the named graphs, or triples in one graph."""
        if graph is not None:
            rows = self._select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {values('g', [graph])} GRAPH ?g {{ ?s ?p ?o }} }}")
            return sum(int(row["n"].value) for row in rows)
        hidden = self._system_graphs()
        return sum(n for g, n in self._graph_sizes() if not g.value.startswith(hidden))

    def __len__(self) -> int:
        return self.count()

    def dump(self, format: ox.RdfFormat, from_graph: ox.NamedNode | None = None,
             prefixes: dict | None = None) -> bytes:
        """One graph (read through the Graph Store Protocol, or by SELECTs on a server whose
        row limit cuts those too), or every named graph (dataset formats), serialised here."""
        if from_graph is None:
            return ox.serialize(self.quads_for_pattern(), format=format, prefixes=prefixes)
        if self.row_limit() is not None:
            return ox.serialize((ox.Triple(q.subject, q.predicate, q.object)
                                 for q in self.quads_for_pattern(g=from_graph)), format=format, prefixes=prefixes)
        if not self.contains_named_graph(from_graph):
            return ox.serialize([], format=format, prefixes=prefixes)
        resp = self.http.send("GET", self.where.gsp, "graph read", params={"graph": from_graph.value},
                              headers={"Accept": "application/n-triples"})
        media = resp.headers.get("Content-Type", "").split(";")[0].strip()
        fmt = ox.RdfFormat.from_media_type(media) or ox.RdfFormat.N_TRIPLES
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(resp.content, format=fmt))
        return ox.serialize(triples, format=format, prefixes=prefixes)

    def check_union(self) -> None:
        """StoreError unless the server's default graph shows what its named graphs hold."""
        if self.query("ASK { GRAPH ?g { ?s ?p ?o } }") and not self.query("ASK { ?s ?p ?o }"):
            hint = KINDS[self.where.kind].union_hint if self.where.kind else \
                "configure the server so, or give its --store-kind"
            raise StoreError(f"{self.where.query}: the store's default graph is not the union of its named "
                             f"graphs, which defgraph's queries expect: {hint}")

    # writing -------------------------------------------------------------
    def update(self, update: str, *, base_iri: str | None = None, prefixes: dict | None = None) -> None:
        """Run a SPARQL Update in one request (one transaction on the server), retried on transient failures."""
        self.http.send("POST", self.where.update, "update", data={"update": prologue(update, prefixes, base_iri)})

    def update_in_steps(self, verb: str, quads: list[ox.Quad], size: int) -> None:
        """INSERT DATA or DELETE DATA (`verb`) of quads in requests of at most `size` quads each."""
        for start in range(0, len(quads), size):
            self.update(f"{verb} DATA {{ {_data(quads[start:start + size])} }}")

    def put_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Replace a graph with the triples of quads by a Graph Store Protocol PUT (one request of
        any size, but not atomic on every server: Virtuoso empties the graph, then loads it in parts)."""
        body = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
        self.http.send("PUT", self.where.gsp, "graph write", params={"graph": graph.value}, data=body,
                       headers={"Content-Type": "application/n-triples"})

    def staged(self) -> list[ox.NamedNode]:
        """The staging graphs on the server (what writes in steps left when they did not finish)."""
        rows = self._select_all(f'SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} '
                                f'FILTER (STRSTARTS(STR(?g), "{STAGING}")) }}', "?g")
        return [row["g"] for row in rows]

    def extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads in one request, or, when they are more than the server takes in one, staged
        graph by graph by Graph Store PUTs, then added in place by one request: all or none of them
        (a staging graph left by a crash is dropped by `RemoteStore.repair`)."""
        quads = list(quads)
        limit = self.update_limit()
        if limit is None or len(quads) <= limit:
            if quads:
                self.update(f"INSERT DATA {{ {_data(quads)} }}")
            return
        by_graph: dict[ox.NamedNode | ox.DefaultGraph, list[ox.Quad]] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name, []).append(q)
        moves = []
        for g, own in by_graph.items():
            named = isinstance(g, ox.NamedNode)
            staging = ox.NamedNode(STAGING + (g.value if named else "default-graph"))
            self.put_graph(staging, own)
            moves.append(f"ADD SILENT GRAPH {staging} TO {g if named else 'DEFAULT'} ; DROP SILENT GRAPH {staging}")
        self.update(" ;\n".join(moves))

    def add(self, quad: ox.Quad) -> None:
        self.extend([quad])

    def remove(self, quad: ox.Quad) -> None:
        self.update(f"DELETE DATA {{ {_data([quad])} }}")

    def add_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"CREATE SILENT GRAPH {graph}")

    def clear_graph(self, graph: object) -> None:
        self.update("CLEAR SILENT DEFAULT" if isinstance(graph, ox.DefaultGraph) else f"CLEAR SILENT GRAPH {graph}")

    def load(self, data: bytes, format: ox.RdfFormat, to_graph: ox.NamedNode | None = None) -> None:
        """Parse here, then add in one update."""
        quads = ox.parse(data, format=format)
        if to_graph is not None:
            quads = (ox.Quad(q.subject, q.predicate, q.object, to_graph) for q in quads)
        self.extend(quads)

    def flush(self) -> None:
        pass

    def close(self) -> None:
        self.http.close()


class RemoteStore(OxigraphStore):
    """A store on a remote SPARQL 1.1 server, with the embedded store's behaviour: the same
    graphs, the same article writes (one update request each, retried; in steps where the server
    needs it), queries, dumps; a writable open repairs what a write cut short left.

    On a server that takes only so many triples in one update (`Kind.max_update_triples`), a larger
    `write_graph`, `load` or inference graph is written whole or not at all (staged, then added by one
    request), but a replaced graph may be left absent by a crash; the deals graph then follows in
    steps, marked for a rebuild until the last one. An article written or removed there in steps
    is noted as pending until the last step (`repair` then drops it and rebuilds the deals). On a
    server that refuses blank nodes in an update (`Kind.skolemise`), `write_graph` and `load` store
    a Skolem IRI for each blank node: what reads back is the graph written, equal to it once
    those IRIs are blank nodes again (`deskolemised`), not isomorphic to it as such."""

    # no bulk path over HTTP: each article is one update request, so each is whole or absent
    put_articles = None

    def __init__(self, where: Endpoints, *, base_iri: str | None = None, read_only: bool = False,
                 merge_events: bool = True, check: bool = True) -> None:
        """`check` asks the server once whether it is reachable and queries the union of its graphs."""
        from .namespaces import DEFAULT_BASE_IRI

        if base_iri is not None:
            check_base_iri(base_iri)
        self.path = None
        self.where = where
        self.read_only = read_only
        self.base_iri = base_iri or DEFAULT_BASE_IRI
        self._store = SparqlEngine(where)
        self._deals = DealIndex(self.base_iri, enabled=merge_events)
        self._inputs = DealInputs(self._deals.minter)
        if check:
            self._store.check_union()
            if not read_only:
                self.repair()

    def put_article(self, graph_iri: str, nquads: bytes, hierarchy: object = None,
                    merged: set | None = None) -> None:
        """As the embedded store's (one update request, retried, or `_write_in_steps`), having first
        read in one request what it looks up about the entities the article brings (their names
        and stated or inferred triples in the merged graphs), instead of one request per triple."""
        from .deals.reports import SEPARATE

        subjects, graphs, own = set(), set(), set()
        for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS):
            if q.graph_name.value != graph_iri:
                subjects.add(q.subject)
                graphs.update((q.graph_name, ox.NamedNode(inferred_graph(self.base_iri, q.graph_name.value))))
            else:
                own.add(q.subject)          # its events: whether a person set one apart from its deal
        self._store.prefetch(subjects, graphs, (own, ox.NamedNode(SEPARATE)))
        try:
            super().put_article(graph_iri, nquads, hierarchy, merged)
        finally:
            self._store.known = None

    def _write_article(self, graph_iri: str, write: _Batch) -> None:
        """One update request, or `_write_in_steps` where the server needs it: when the request would
        carry more triples than it takes, or would replace a stored article (Virtuoso 7.2, after a
        crash, replays a transaction that deletes and adds the same triples with some of them lost)."""
        limit = self._store.update_limit()
        size = sum(map(len, (write.quads, write.inferred, write.now_stated, write.deal_delete, write.deal_insert)))
        if limit is None or size <= limit and not self.has_graph(graph_iri):
            super()._write_article(graph_iri, write)
        else:
            self._write_in_steps(graph_iri, write, limit)

    def _write_in_steps(self, graph_iri: str, write: _Batch, limit: int) -> None:
        """Write an article in requests of at most `limit` triples, each article graph whole or absent
        throughout: a pending note with the article's graphs dropped first (a crash from here on
        leaves the note, and `repair` drops the article and rebuilds the deals); the deal changes,
        the merged graphs' additions (with their entailments) before the inferred triples they now
        state are deleted; the article graph and its inference graph staged by Graph Store PUTs
        (Virtuoso's is no transaction: it empties the graph, then loads it in parts); then one
        request adds both in place, drops them from staging and removes the note. Each request may
        be retried: applied twice, it changes nothing more."""
        engine = self._store
        article, entailed = ox.NamedNode(graph_iri), ox.NamedNode(inferred_graph(self.base_iri, graph_iri))
        deals = ox.NamedNode(self._deals.graph)
        note = ox.Quad(deals, PENDING, article, deals)
        added = [*write.quads, *write.inferred, *write.deal_insert]
        own = {g: [q for q in added if q.graph_name == g] for g in (article, entailed)}
        engine.update(f"DROP SILENT GRAPH {article} ; DROP SILENT GRAPH {entailed} ; INSERT DATA {{ {_data([note])} }}")
        engine.update_in_steps("DELETE", sorted(write.deal_delete, key=str), limit)
        engine.update_in_steps("INSERT", [q for q in added if q.graph_name not in own], limit)
        engine.update_in_steps("DELETE", sorted(set(write.now_stated) - set(added), key=str), limit)
        staged = {ox.NamedNode(STAGING + g.value): g for g, quads in own.items() if quads}
        for staging, g in staged.items():
            engine.put_graph(staging, own[g])
        engine.update(" ;\n".join([f"ADD SILENT GRAPH {staging} TO {g} ; DROP SILENT GRAPH {staging}"
                                   for staging, g in staged.items()] + [f"DELETE DATA {{ {_data([note])} }}"]))

    def _replace(self, graph: ox.NamedNode | ox.DefaultGraph, quads: list[ox.Quad]) -> None:
        """As the embedded store's; more triples than the server takes in one request (a rebuilt deals
        graph, an inference graph, a replaced graph) are staged by a Graph Store PUT, the graph dropped,
        then the staged triples added in place by one request: the graph is then the old one, absent,
        or the new one whole (a deals graph left absent has no version triple: `repair` rebuilds it)."""
        limit = self._store.update_limit()
        if limit is None or len(quads) <= limit or not isinstance(graph, ox.NamedNode) \
                or any(q.graph_name != graph for q in quads):
            super()._replace(graph, quads)
            return
        staging = ox.NamedNode(STAGING + graph.value)
        self._store.put_graph(staging, quads)
        self._store.update(f"DROP SILENT GRAPH {graph}")
        self._store.update(f"ADD SILENT GRAPH {staging} TO {graph} ; DROP SILENT GRAPH {staging}")

    def _as_stored(self, quads: list[ox.Quad]) -> list[ox.Quad]:
        """As given, or, on a server that refuses blank nodes in an update (`Kind.skolemise`: Virtuoso),
        each blank node a new Skolem IRI (`skolemised`): the graph read back is the one written with
        those IRIs for its blank nodes (`deskolemised` turns them back); StoreError for triples in
        the default graph of a server that keeps none (`Kind.default_graph`: Virtuoso)."""
        kind = KINDS[self.where.kind] if self.where.kind else None
        if kind is not None and not kind.default_graph and any(isinstance(q.graph_name, ox.DefaultGraph)
                                                               for q in quads):
            raise StoreError(f"{self.location}: {kind.name} keeps no default graph of its own (its default "
                             "graph is the union of its named graphs): write the triples to a named graph")
        if kind is None or not kind.skolemise or not any(isinstance(t, ox.BlankNode) for q in quads
                                                         for t in (q.subject, q.object, q.graph_name)):
            return quads
        return skolemised(quads, skolem_prefix(self.base_iri))

    def _remove_article(self, pair: tuple[str, str], deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """As the embedded store's (one request), or, with more deal changes than the server takes in
        one, in steps under a pending note: the article's graphs dropped and the note added by one
        request; the deal changes in requests of at most that many triples; the note removed. A crash
        between leaves the note, and `repair` rebuilds the deals from the articles that remain."""
        limit = self._store.update_limit()
        if limit is None or len(deal_delete) + len(deal_insert) <= limit:
            super()._remove_article(pair, deal_delete, deal_insert)
            return
        engine = self._store
        deals = ox.NamedNode(self._deals.graph)
        note = ox.Quad(deals, PENDING, ox.NamedNode(pair[0]), deals)
        engine.update(_drops(pair) + f" ;\nINSERT DATA {{ {_data([note])} }}")
        engine.update_in_steps("DELETE", sorted(deal_delete, key=str), limit)
        engine.update_in_steps("INSERT", sorted(deal_insert, key=str), limit)
        engine.update(f"DELETE DATA {{ {_data([note])} }}")

    def _change_deals(self, delete: list[ox.Quad], insert: list[ox.Quad]) -> None:
        """As the embedded store's, or in requests of at most as many triples as the server takes,
        the deals' version triple last: the caller removed it first, so a crash in between leaves
        the deals graph marked for a rebuild (`repair`)."""
        limit = self._store.update_limit()
        if limit is None or len(delete) + len(insert) <= limit:
            super()._change_deals(delete, insert)
            return
        marker = version_quad(self._deals.graph)
        self._store.update_in_steps("DELETE", sorted(delete, key=str), limit)
        self._store.update_in_steps("INSERT", [q for q in insert if q != marker], limit)
        if marker in insert:
            self._store.add(marker)

    def _apply_article_graph(self, target: ox.NamedNode, quads: list[ox.Quad], replace: bool,
                             deal_delete: list[ox.Quad], deal_insert: list[ox.Quad]) -> None:
        """As the embedded store's (one request), or, with more triples than the server takes in one,
        in steps: the deals' version triple removed; the graph dropped (`replace`); the triples staged
        and added in place by one request (`SparqlEngine.extend`); the deal changes; the version
        triple back. The graph is then as before, absent (`replace`) or whole, and a crash before
        the end leaves the deals marked for a rebuild (`repair`)."""
        limit = self._store.update_limit()
        if limit is None or len(quads) + len(deal_delete) + len(deal_insert) <= limit:
            super()._apply_article_graph(target, quads, replace, deal_delete, deal_insert)
            return
        marker = version_quad(self._deals.graph)
        built = self._has(marker.subject, marker.predicate, marker.object, marker.graph_name)
        if built:
            self._store.remove(marker)
        self._store.update((f"DROP SILENT GRAPH {target} ; " if replace else "") + f"CREATE SILENT GRAPH {target}")
        self._store.extend(quads)
        self._change_deals(deal_delete, [*deal_insert, *([marker] if built else [])])

    def repair(self) -> list[str]:
        """As the embedded store's, having first dropped the staging graphs of writes cut short."""
        self._check_writable()
        staged = self._store.staged()
        if staged:
            self._store.update(" ;\n".join(f"DROP SILENT GRAPH {g}" for g in staged))
        return super().repair()

    @property
    def location(self) -> str:
        """What to show as the store's location: its query endpoint."""
        return self.where.query

    @property
    def row_limit(self) -> int | None:
        """The most rows the server answers a query with (None: no limit)."""
        return self._store.row_limit()

    def count(self, graph: str | None = None) -> int:
        """Number of quads in the named graphs, or of triples in one graph."""
        return self._store.count(ox.NamedNode(graph) if graph is not None else None)

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        """Serialise the named graphs (dataset formats), one graph, or their union (graph formats)."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
        if graph is None and fmt not in DATASET_FORMATS and self.row_limit is not None:
            # the union's triples from every graph read whole: a CONSTRUCT would be cut at the row limit
            triples = dict.fromkeys(ox.Triple(q.subject, q.predicate, q.object) for q in self._store.quads_for_pattern())
            return ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=PREFIXES if fmt == "turtle" else None)
        return super().dump(fmt, graph)

    def snapshot(self, target: str | os.PathLike) -> None:
        raise StoreError(f"{self.location}: a remote store has no on-disk snapshot")

    def release(self) -> None:
        pass

    def reacquire(self) -> None:
        pass

    def close(self) -> None:
        self._store.close()

    def __reduce__(self) -> tuple:
        """Pickled (for a query worker process) as its endpoints, not its connections."""
        return (_reopen, (self.where, self.base_iri, self.read_only))


def _reopen(where: Endpoints, base_iri: str, read_only: bool) -> RemoteStore:
    return RemoteStore(where, base_iri=base_iri, read_only=read_only, check=False)


def open_remote(url: str, *, update_url: str | None = None, gsp_url: str | None = None,
                kind: str | None = None, read_only: bool = False, base_iri: str | None = None) -> RemoteStore:
    """Open the remote store whose SPARQL query endpoint is `url` (see `endpoints`)."""
    return RemoteStore(endpoints(url, update_url=update_url, gsp_url=gsp_url, kind=kind),
                       read_only=read_only, base_iri=base_iri)


def open_any(location: str | None = None, *, read_only: bool = False, base_iri: str | None = None,
             update_url: str | None = None, gsp_url: str | None = None, kind: str | None = None) -> OxigraphStore:
    """Open the store at `location`: a remote store when it is an http(s) URL (its query
    endpoint), else the embedded store in that folder (default: `default_location()`)."""
    from .store import default_location, open_store

    location = location or default_location()
    if is_remote(location):
        return open_remote(location, update_url=update_url, gsp_url=gsp_url, kind=kind,
                           read_only=read_only, base_iri=base_iri)
    return open_store(location, read_only=read_only, base_iri=base_iri)
