"""The map page: /map draws every transfer as an arrow between countries; /map?query=… draws a
SELECT's ?supplier → ?recipient rows as arrows and its ?country column as a choropleth.

Like /graph, the page is drawn in a query worker under the server's timeout and row cap."""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ..queries import QueryError, named_query
from ..store import GraphStore
from ..viz.build import VizError
from ..viz.geo import result_map, transfer_map
from ..viz.map_page import render_map
from .core import HttpError, current_state
from .executor import QueryOutcome, QueryTask, error
from .protocol import outcome_response

bp = Blueprint("map", __name__)


@dataclass(frozen=True)
class MapPageTask:
    """One /map page to draw in a query worker: the user's query, if any."""

    query: str | None
    title: str
    row_cap: int
    allowed_services: tuple[str, ...] = ()

    def run(self, store: GraphStore) -> QueryOutcome:
        """Run the query, draw the page (never raises: errors become outcomes)."""
        try:
            if not self.query:
                data = transfer_map(store)
            else:
                outcome = QueryTask(self.query, tabular="json", row_cap=self.row_cap,
                                    allowed_services=self.allowed_services).run(store)
                if outcome.kind == "error":
                    return outcome
                if outcome.kind != "solutions":
                    return error(400, "the map draws a SELECT query's rows; this query is not a SELECT")
                result = ox.parse_query_results(outcome.body, format=ox.QueryResultsFormat.JSON)
                variables = [v.value for v in result.variables]
                rows = [{v: row[v] for v in variables} for row in result]
                data = result_map(store, variables, rows, self.title)
        except VizError as exc:
            return error(400, str(exc))
        return QueryOutcome(200, render_map(data).encode("utf-8"), "text/html; charset=utf-8", "page")


@bp.route("/map")
def map_page() -> Response:
    """Transfers between countries, or the map of a query (a competency query's name or SPARQL)."""
    state = current_state()
    raw = request.args.get("query", "").strip()
    query, title = None, "Transfers between countries"
    if raw:
        try:
            query = named_query(raw)
        except QueryError as exc:
            raise HttpError(400, str(exc)) from None
        title = f"Map of the query '{raw}'" if query != raw else "Map of a query"
    return outcome_response(state.run(MapPageTask(query, title, state.settings.row_cap)))
