"""The Python front door for notebooks: open a store, ingest, query, and get or draw the graph.

>>> import tempfile
>>> from pathlib import Path
>>> import defgraph
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text(
...     "France to send SAMP/T to Ukraine\\n\\nFrance will deliver a second SAMP/T air defence "
...     "system to Ukraine, Defence Minister Sébastien Lecornu said.", encoding="utf-8")
>>> with defgraph.open(folder / "store") as kg:
...     print(kg.ingest([folder / "a.txt"]).articles)
...     rows = kg.query("SELECT ?name WHERE { ?c a dg:Country ; rdfs:label ?name } ORDER BY ?name")
...     print(rows.variables, [r["name"] for r in rows])
...     print(len(kg.query("transfers")) > 0, kg.query("ASK { ?p a dg:Person }"))
...     G = kg.graph(types=["Country", "Equipment"])
...     print(sorted(d["label"] for _, d in G.nodes(data=True)))
...     print(kg.viz(folder / "graph.gexf").number_of_nodes() > 0, (folder / "graph.gexf").exists())
1
['name'] ['France', 'Ukraine']
True True
['France', 'SAMP/T', 'Ukraine']
True True
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

import pyoxigraph as ox

from .results import Results, term_value
from .store import OxigraphStore

if TYPE_CHECKING:
    import networkx as nx

    from .ingest import IngestSummary
    from .viz import GraphRequest


Rows = Results   # a query's answer (variables, rows, truncated): the one type of every SELECT


def rows_of(result: object, row_limit: int | None = None) -> Rows | bool:
    """Rows of an Oxigraph result (SELECT, CONSTRUCT or DESCRIBE), or the answer of an ASK;
    truncated when it has `row_limit` rows (a CONSTRUCT's: triples), the most the store answers with."""
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        return Results.of(result, row_limit=row_limit)
    names = ["subject", "predicate", "object"]
    rows = [dict(zip(names, map(term_value, (t.subject, t.predicate, t.object)))) for t in result]
    return Rows(names, rows, row_limit is not None and len(rows) >= row_limit)


class KnowledgeGraph:
    """A defgraph store opened from Python (see `open`)."""

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store

    def ingest(self, paths: Iterable[str | Path], *, jobs: int = 1) -> IngestSummary:
        """Read articles (files, folders, globs) into the store, as `defgraph ingest` does."""
        from .ingest import ingest_paths

        return ingest_paths([str(p) for p in paths], self.store, jobs=jobs)

    def query(self, text_or_name: str) -> Rows | bool:
        """Run SPARQL text, a .rq file or a competency query name (e.g. "transfers")."""
        from .queries import load_query, run_query

        return rows_of(run_query(self.store, load_query(text_or_name)), self.store.row_limit)

    def graph(self, *, query: str | None = None, events: str = "edges", types: Iterable[str] = (),
              since: date | None = None, until: date | None = None, focus: str | None = None,
              depth: int = 1) -> nx.MultiDiGraph:
        """The networkx graph of the store, narrowed as `defgraph viz` narrows it."""
        from .viz import graph_view

        return graph_view(self.store, self._request(query, events=events, types=list(types), since=since,
                                                    until=until, focus=focus, depth=depth))

    def viz(self, out: str | Path, format: str | None = None, *, query: str | None = None,
            events: str = "edges", types: Iterable[str] = (), since: date | None = None,
            until: date | None = None, focus: str | None = None, depth: int = 1,
            size_by: str = "degree", title: str | None = None) -> nx.MultiDiGraph:
        """Write the view to a file (HTML page, GEXF, GraphML or node-link JSON; by default the
        format of its suffix) as `defgraph viz` does; the graph written."""
        from .viz import write_view

        req = self._request(query, events=events, types=list(types), since=since, until=until,
                            focus=focus, depth=depth, size_by=size_by, title=title)
        return write_view(self.store, req, out, format)

    def _request(self, query: str | None, **view: object) -> GraphRequest:
        from .queries import load_query, run_query
        from .viz import GraphRequest, selection_from_result

        req = GraphRequest(**view)
        if query is not None:
            req.selection = selection_from_result(run_query(self.store, load_query(query)))
        return req

    def close(self) -> None:
        """Close the store (the object is not usable after)."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open(path: str | Path | None = None, *, read_only: bool = False, base_iri: str | None = None,
         update_url: str | None = None, gsp_url: str | None = None, kind: str | None = None) -> KnowledgeGraph:
    """Open (or create) the store in a folder (default: $DEFGRAPH_STORE, else ./defgraph-store),
    or a remote SPARQL 1.1 store by its query endpoint's URL, for `.ingest`, `.query`, `.graph`
    and `.viz`.

    A remote store takes `kind` ("oxigraph", "fuseki", "virtuoso", "graphdb") for its usual
    update and Graph Store endpoints, or `update_url` and `gsp_url`; credentials come from
    $DEFGRAPH_STORE_USER and $DEFGRAPH_STORE_PASSWORD (or $DEFGRAPH_STORE_TOKEN), e.g. with
    `oxigraph serve --location db --bind 127.0.0.1:7878` running:

    >>> kg = defgraph.open("http://127.0.0.1:7878/query", kind="oxigraph")   # doctest: +SKIP
    >>> kg.ingest(["seeds/"]).articles                                        # doctest: +SKIP
    1
    >>> kg.query("persons").variables                                         # doctest: +SKIP
    ['name', 'role', 'country', 'organization']
    """
    from .remote import open_any

    return KnowledgeGraph(open_any(str(path) if path is not None else None, read_only=read_only,
                                   base_iri=base_iri, update_url=update_url, gsp_url=gsp_url, kind=kind))
