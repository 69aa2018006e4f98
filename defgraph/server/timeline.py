"""The timeline page: /timeline draws the deals, meetings and agreements of the deals graph as
`defgraph viz --timeline` does, in a query worker like any query; items open their resource pages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, request

from ..store import GraphStore
from ..viz.timeline import timeline_items, timeline_page
from .core import current_state
from .executor import QueryOutcome
from .protocol import outcome_response

bp = Blueprint("timeline", __name__)


@dataclass(frozen=True)
class TimelinePageTask:
    """One /timeline page to draw in a query worker."""

    base: str            # IRIs minted under it link to their page on this server
    script_root: str
    allowed_services: tuple[str, ...] = ()   # set by the executor, as on every task (no SERVICE here)

    def run(self, store: GraphStore) -> QueryOutcome:
        """Read the merged events and draw the page."""
        html = timeline_page(timeline_items(store, href=self._href))
        return QueryOutcome(200, html.encode("utf-8"), "text/html; charset=utf-8", "page")

    def _href(self, iri: str) -> str | None:
        if iri.startswith(self.base + "id/"):
            return self.script_root + "/" + iri[len(self.base):]
        return None


@bp.route("/timeline")
def timeline() -> Response:
    """Deals, meetings and agreements on a zoomable time axis, filterable by country, system, category and status."""
    state = current_state()
    return outcome_response(state.run(TimelinePageTask(state.base_iri, request.script_root)))
