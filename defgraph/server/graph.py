"""The graph page: /graph?query=… or /graph?focus=… draws the same interactive view as `defgraph viz`."""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ..queries import QueryError, named_query
from ..viz import GraphRequest, Selection, VizError, selection_from_result
from ..viz.view import page
from .core import HttpError, current_state
from .executor import QueryTask

bp = Blueprint("graph", __name__)

MAX_DEPTH = 5


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


def _selection(query: str) -> Selection:
    """Run the user's query in a worker (under the server's timeout) and read what it names."""
    state = current_state()
    outcome = state.run(QueryTask(query, tabular="json", graph="ntriples",
                                  row_cap=state.settings.row_cap))
    if outcome.status != 200:
        raise HttpError(outcome.status, outcome.message)
    if outcome.kind == "solutions":
        return selection_from_result(ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON))
    if outcome.kind == "graph":
        return selection_from_result(ox.parse(outcome.body, format=ox.RdfFormat.N_TRIPLES))
    raise HttpError(400, "an ASK query names nothing to draw; use SELECT or CONSTRUCT")


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
    query = args.get("query", "").strip()
    if query:
        try:
            query = named_query(query)    # a competency query's name, as the CLI takes it
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        req.selection = _selection(query)
    base = state.base_iri

    def href(iri: str) -> str | None:
        # entities minted by defgraph open their resource page on this server
        if iri.startswith(base + "id/"):
            return request.script_root + "/" + iri[len(base):]
        return None

    try:
        html, _ = page(state.store, req, href=href, open_on="click")
    except VizError as exc:
        raise HttpError(400, str(exc)) from None
    return Response(html, content_type="text/html; charset=utf-8")
