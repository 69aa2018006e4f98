"""SparqlEngine: what the store's logic asks of pyoxigraph's Store, over the SPARQL 1.1 Protocol."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

import pyoxigraph as ox

from ..results import graph_answer
from ..store import StoreError, _data, values
from .kinds import KINDS, Endpoints
from .http import Http, RemoteError

JSON_RESULTS = "application/sparql-results+json"
# a graph written in steps is staged under this prefix + its IRI, then moved in place in one request
STAGING = "urn:x-defgraph:staging:"
# graphs read in one request, at most, when a server with a row limit is read whole (see SparqlEngine._all_quads)
GRAPHS_PER_READ = 200


_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z_][\w\-.]*)?\s*:", re.IGNORECASE)


def prologue(text: str, prefixes: dict[str, str] | None, base_iri: str | None) -> str:
    """SPARQL text with BASE and the PREFIX declarations of `prefixes` it does not declare itself
    (the remote server knows none of defgraph's predefined prefixes)."""
    declared = set(_DECLARED.findall(text))
    head = [f"BASE {ox.NamedNode(base_iri)}"] if base_iri else []
    head += [f"PREFIX {p}: {ox.NamedNode(ns)}" for p, ns in (prefixes or {}).items() if p not in declared]
    return " ".join(head + [text])     # on the first line: the server's errors keep the text's line numbers


class SparqlEngine:
    """What defgraph.store asks of pyoxigraph's Store, done through a remote SPARQL 1.1 endpoint.

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
        from ..server.sparql_text import query_form, with_values

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
