"""Event identity across articles: the reports of one transfer, meeting or agreement in many
articles become one merged node (a deal, with its record) in the graph `{base}graph/deals`."""

from .index import DEALS_VERSION, DealIndex, deals_graph
from .record import STAGE, Conflict, conflicts, merged_iri
from .reports import Report, normalise

__all__ = ["DealIndex", "deals_graph", "DEALS_VERSION", "merged_iri", "conflicts", "Conflict", "Report",
           "STAGE", "normalise"]
