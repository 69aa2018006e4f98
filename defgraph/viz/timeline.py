"""Deals, meetings and agreements on a zoomable time axis (vis-timeline, inlined): one
self-contained page, filterable by supplier, recipient, equipment, status, country and category;
the filters are kept in the page's address (`?supplier=…&status=…`), so that a filtered view can be
bookmarked and shared."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable

import jinja2
import pyoxigraph as ox

from ..deals import deals_graph
from ..namespaces import Minter
from ..results import term_value
from ..store import GraphStore
from .render import ASSETS, inline_assets

CATEGORIES = {"Deal": "deal", "MergedMeeting": "meeting", "MergedAgreement": "agreement"}

# the merged events with their span; ?deals is bound by the engine (a substitution must be projected)
# (the status's label is looked up only with the status bound: an OPTIONAL with ?stage unbound
# would pair every meeting and agreement with every label in the store)
ITEMS_QUERY = """SELECT ?deals ?m ?cls ?label ?first ?last ?date ?status WHERE {
  GRAPH ?deals { ?m a ?cls ; rdfs:label ?label ; dg:firstReported ?first ; dg:lastReported ?last .
                 VALUES ?cls { dg:Deal dg:MergedMeeting dg:MergedAgreement }
                 OPTIONAL { ?m dg:date ?date } }
  OPTIONAL { GRAPH ?deals { ?m dg:status ?stage } ?stage rdfs:label ?status }
} ORDER BY ?first ?m"""
# who and what each one names, with the countries of its actors
MEMBERS_QUERY = """SELECT DISTINCT ?deals ?m ?p ?name ?country ?kind WHERE {
  GRAPH ?deals { ?m ?p ?e . VALUES ?p { dg:supplier dg:recipient dg:equipment dg:participant dg:party } }
  ?e rdfs:label ?name .
  OPTIONAL { { ?e a dg:Country ; rdfs:label ?country }
             UNION { ?e dg:nationality|dg:agencyCountry ?c . ?c rdfs:label ?country } }
  BIND(IF(?p = dg:equipment, "system", "actor") AS ?kind)
}"""
# the sentences behind each one: its reports' evidence and articles
EVIDENCE_QUERY = """SELECT DISTINCT ?deals ?m ?sentence ?article ?title WHERE {
  GRAPH ?deals { ?m dg:report ?r }
  ?r dg:evidence ?sentence ; dg:mentionedIn ?article .
  OPTIONAL { ?article dcterms:title ?title }
} ORDER BY ?m ?article"""


@dataclass
class TimelineItem:
    """One merged event on the time axis, with what the filters and the details panel show."""

    id: str                      # the IRI
    content: str                 # its label
    start: str                   # YYYY-MM-DD
    end: str | None              # a deal reported over a span; None for a point
    category: str                # deal, meeting, agreement
    status: str | None = None
    href: str | None = None
    countries: list[str] = field(default_factory=list)
    suppliers: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    systems: list[str] = field(default_factory=list)
    actors: list[str] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)   # {"text", "article", "title", "href"}


def _rows(store: GraphStore, query: str, graph: str) -> list[dict[str, str | None]]:
    """Rows of a SELECT with ?deals bound to the deals graph by the engine (a substitution)."""
    result = store.query(query, substitutions={ox.Variable("deals"): ox.NamedNode(graph)})
    names = [v.value for v in result.variables]
    return [{n: term_value(row[n]) for n in names} for row in result]


def timeline_items(store: GraphStore, href: Callable[[str], str | None] = lambda iri: iri) -> list[TimelineItem]:
    """Every deal, meeting and agreement of the deals graph as a timeline item."""
    graph = deals_graph(Minter(store.base_iri))
    items: dict[str, TimelineItem] = {}
    for r in _rows(store, ITEMS_QUERY, graph):
        start = r["date"] if r["date"] and r["cls"].endswith(("Meeting", "Agreement")) else r["first"]
        end = r["last"] if r["cls"].endswith("#Deal") and r["last"] != r["first"] else None
        items[r["m"]] = TimelineItem(id=r["m"], content=r["label"], start=start, end=end,
                                     category=CATEGORIES[r["cls"].rpartition("#")[2]], status=r["status"],
                                     href=href(r["m"]))
    for r in _rows(store, MEMBERS_QUERY, graph):
        item = items.get(r["m"])
        if item is None:
            continue
        role = r["p"].rpartition("#")[2]
        for target in ([item.systems] if r["kind"] == "system" else [item.actors]) + \
                ([item.suppliers] if role == "supplier" else [item.recipients] if role == "recipient" else []):
            if r["name"] not in target:
                target.append(r["name"])
        if r["country"] and r["country"] not in item.countries:
            item.countries.append(r["country"])
    for r in _rows(store, EVIDENCE_QUERY, graph):
        if r["m"] in items:
            items[r["m"]].sentences.append({"text": r["sentence"], "article": r["article"],
                                            "title": r["title"] or r["article"], "href": href(r["article"])})
    for item in items.values():
        for values in (item.countries, item.suppliers, item.recipients, item.systems, item.actors):
            values.sort()
    return list(items.values())


@lru_cache(maxsize=1)
def timeline_assets() -> dict[str, str]:
    """vis-timeline (vendored from npm), defgraph's timeline script, and the CSP letting exactly those run."""
    return inline_assets({"vis_js": ASSETS / "vis-timeline-graph2d.min.js",
                          "vis_css": ASSETS / "vis-timeline-graph2d.min.css",
                          "app_js": ASSETS / "timeline.js"}, ("vis_js", "app_js"))


# items drawn on the axis at once: above it the most recent are drawn, and a filter narrows the rest
# (vis-timeline takes about a minute to lay out 8,000 items, a fraction of a second for 500)
SHOWN_LIMIT = 500


def timeline_page(items: list[TimelineItem], title: str = "defgraph timeline") -> str:
    """The self-contained HTML page of a timeline: no request leaves it."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ASSETS)), autoescape=True)
    return env.get_template("timeline.html").render(
        title=title, assets=timeline_assets(), items=[asdict(i) for i in items], limit=SHOWN_LIMIT,
        filters={"supplier": sorted({c for i in items for c in i.suppliers}),
                 "recipient": sorted({c for i in items for c in i.recipients}),
                 "equipment": sorted({s for i in items for s in i.systems}),
                 "status": sorted({i.status for i in items if i.status}),
                 "country": sorted({c for i in items for c in i.countries}),
                 "category": sorted({i.category for i in items})})


def write_timeline(store: GraphStore, out: str | Path) -> int:
    """Write the timeline of the store's deals, meetings and agreements to `out`; the number of items."""
    items = timeline_items(store)
    Path(out).write_text(timeline_page(items), encoding="utf-8")
    return len(items)


__all__ = ["TimelineItem", "timeline_items", "timeline_page", "write_timeline"]
