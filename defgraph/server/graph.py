"""The graph page: /graph?query=… or /graph?focus=… draws the same interactive view as `defgraph viz`,
or with `format=gexf|graphml|json` sends it as that graph file.

The page is drawn in a query worker, from the workers' snapshot, under the server's timeout
and row cap, like any query: reading a large store for it cannot hold up the web process.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, replace
from datetime import date

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ..store import GraphStore, OxigraphStore
from ..queries import QueryError, named_query
from ..viz import GraphRequest, Selection, VizError, build_graph, selection_from_result
from ..viz.export import VIZ_FORMATS
from ..viz.view import graph_view, page
from .core import HttpError, current_state
from .executor import QueryOutcome, QueryTask, error
from .protocol import outcome_response

bp = Blueprint("graph", __name__)

MAX_DEPTH = 5
PAGES_KEPT = 8      # answers a query worker keeps per snapshot

# In a query worker: per read-only snapshot (which never changes), the store's graph by events
# mode and fact cap, and the last answers drawn from it. A new snapshot is a new store object,
# and what was kept for the old one goes with it.
_kept: "weakref.WeakKeyDictionary[OxigraphStore, dict]" = weakref.WeakKeyDictionary()


def snapshot(store: GraphStore) -> bool:
    """Whether the store is a read-only snapshot that never changes (a remote store may change at any time)."""
    return isinstance(store, OxigraphStore) and store.read_only


def kept(store: OxigraphStore) -> dict:
    """What this process keeps for a snapshot: {"graphs": {...}, "pages": OrderedDict}."""
    return _kept.setdefault(store, {"graphs": {}, "pages": OrderedDict()})


def store_graph(store: GraphStore, events: str = "edges", max_facts: int | None = None):
    """The whole store's graph (build_graph), built once per read-only snapshot; the views
    narrow copies of it and never change it."""
    if not snapshot(store):
        return build_graph(store, events=events, max_facts=max_facts)
    graphs = kept(store)["graphs"]
    if (events, max_facts) not in graphs:
        graphs[(events, max_facts)] = build_graph(store, events=events, max_facts=max_facts)
    return graphs[(events, max_facts)]


def _date(name: str) -> date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HttpError(400, f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None


def _depth() -> int:
    raw = request.args.get("depth", "1").strip() or "1"
    if not raw.isdigit() or not 0 <= int(raw) <= MAX_DEPTH:
        raise HttpError(400, f"depth: {raw!r} is not a whole number from 0 to {MAX_DEPTH}")
    return int(raw)


@dataclass(frozen=True)
class GraphPageTask:
    """One /graph page to draw in a query worker: the view asked for, and the user's query if any."""

    request: GraphRequest
    query: str | None
    base: str                  # entities minted under it link to their page on this server
    script_root: str
    row_cap: int
    allowed_services: tuple[str, ...] = ()
    fmt: str = "html"          # a name of VIZ_FORMATS

    def run(self, store: GraphStore) -> QueryOutcome:
        """The page (or file) asked for: drawn once per read-only snapshot, then kept."""
        if not snapshot(store) or self.allowed_services:    # a SERVICE may answer otherwise next time
            return self.draw(store)
        pages, key = kept(store)["pages"], repr(self)
        if key in pages:
            pages.move_to_end(key)
            return pages[key]
        outcome = pages[key] = self.draw(store)
        while len(pages) > PAGES_KEPT:
            pages.popitem(last=False)
        return outcome

    def draw(self, store: GraphStore) -> QueryOutcome:
        """Run the query, draw the page (never raises: errors become outcomes)."""
        req = replace(self.request, max_facts=self.row_cap)
        if self.query:
            outcome = QueryTask(self.query, tabular="json", graph="ntriples", row_cap=self.row_cap,
                                allowed_services=self.allowed_services).run(store)
            if outcome.kind == "error":
                return outcome
            try:
                req.selection = _selection(outcome)
            except VizError as exc:
                return error(400, str(exc))
        form = VIZ_FORMATS[self.fmt]
        try:
            if self.fmt == "html":
                html, G = page(store, req, href=self._href, open_on="click", build=store_graph)
                body = html.encode("utf-8")
            else:
                G = graph_view(store, req, build=store_graph)
                body = form.write(G, req)
        except VizError as exc:
            return error(400, str(exc))
        return QueryOutcome(200, body, form.media_type, "page",
                            truncated=f"only the first {self.row_cap} facts drawn (the server's row cap)"
                            if G.graph.get("truncated") else "")

    def _href(self, iri: str) -> str | None:
        # entities minted by defgraph open their resource page on this server
        if iri.startswith(self.base + "id/"):
            return self.script_root + "/" + iri[len(self.base):]
        return None


def _selection(outcome: QueryOutcome) -> Selection:
    """What the user's query result names."""
    if outcome.kind == "solutions":
        return selection_from_result(ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON))
    if outcome.kind == "graph":
        return selection_from_result(ox.parse(outcome.body, format=ox.RdfFormat.N_TRIPLES))
    raise VizError("an ASK query names nothing to draw; use SELECT or CONSTRUCT")


@bp.route("/graph")
def graph() -> Response:
    """The whole graph, a query's result, or one entity's neighbourhood, as an interactive page."""
    state = current_state()
    args = request.args
    events = args.get("events", "edges")
    size_by = args.get("size", "degree")
    if size_by not in ("degree", "betweenness", "pagerank"):
        raise HttpError(400, f"size: {size_by!r} is not one of degree, betweenness, pagerank")
    req = GraphRequest(events=events, size_by=size_by, focus=args.get("focus", "").strip() or None,
                       depth=_depth(), since=_date("since"), until=_date("until"),
                       types=[t for t in args.get("type", "").split(",") if t.strip()])
    fmt = args.get("format", "html")
    if fmt not in VIZ_FORMATS:
        raise HttpError(400, f"format: {fmt!r} is not one of {', '.join(VIZ_FORMATS)}")
    query = args.get("query", "").strip() or None
    if query:
        try:
            query = named_query(query)    # a competency query's name, as the CLI takes it
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
    task = GraphPageTask(req, query, state.base_iri, request.script_root, state.settings.row_cap, fmt=fmt)
    return outcome_response(state.run(task))
