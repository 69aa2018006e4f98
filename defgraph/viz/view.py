"""One graph view, as asked for on the command line or the server: build, narrow, render, write."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable

import networkx as nx

from .build import build_graph
from .selection import Selection, filter_dates, filter_types, neighbourhood, select
from .export import viz_format
from .render import render_html


@dataclass
class GraphRequest:
    """What to draw: filters, a query's selection, a focus entity, and how to draw events."""

    events: str = "edges"
    types: list[str] = field(default_factory=list)
    since: date | None = None
    until: date | None = None
    selection: Selection | None = None
    focus: str | None = None
    depth: int = 1
    size_by: str = "degree"
    title: str | None = None
    max_facts: int | None = None    # read at most this many facts from the store (None: all)


def graph_view(store, req: GraphRequest, *, build: Callable[..., nx.MultiDiGraph] = build_graph) -> nx.MultiDiGraph:
    """The networkx graph of a request: the whole store graph (from `build`, which must not be
    changed afterwards), then date, class, query and focus filters in that order."""
    G = build(store, events=req.events, max_facts=req.max_facts)
    G = filter_dates(G, req.since, req.until)
    if req.types:
        G = filter_types(G, req.types)
    if req.selection is not None:
        G = select(G, req.selection)
    if req.focus:
        G = neighbourhood(G, req.focus, req.depth)
    return G


def describe(req: GraphRequest, G: nx.MultiDiGraph) -> str:
    """A short subtitle saying which view this is."""
    parts = []
    if req.focus:
        parts.append(f"around {G.nodes[G.graph['focus']]['label']} (depth {req.depth})")
    if req.selection is not None:
        parts.append("query result")
    if req.types:
        parts.append("classes: " + ", ".join(req.types))
    if req.since or req.until:
        parts.append(f"articles {req.since or '…'} to {req.until or '…'}")
    if G.graph.get("truncated"):
        parts.append(f"only the first {req.max_facts} facts of the store (the server's row cap)")
    return "; ".join(parts)


def render_page(G: nx.MultiDiGraph, req: GraphRequest, *, href: Callable[[str], str | None] | None = None,
                open_on: str = "dblclick") -> str:
    """The HTML page that draws the graph of a request."""
    kwargs = {"href": href} if href else {}
    return render_html(G, title=req.title or "defgraph relationship graph", size_by=req.size_by,
                       subtitle=describe(req, G) or None, open_on=open_on, **kwargs)


def page(store, req: GraphRequest, *, href: Callable[[str], str | None] | None = None,
         open_on: str = "dblclick", build: Callable[..., nx.MultiDiGraph] = build_graph
         ) -> tuple[str, nx.MultiDiGraph]:
    """The HTML page of a request, and the graph it draws."""
    G = graph_view(store, req, build=build)
    return render_page(G, req, href=href, open_on=open_on), G


def write_view(store, req: GraphRequest, out: str | Path, fmt: str | None = None) -> nx.MultiDiGraph:
    """Write the view of a request to a file in a format of VIZ_FORMATS (by default the one
    the file's suffix names, else HTML); the graph written."""
    form = viz_format(fmt, out)
    G = graph_view(store, req)
    Path(out).write_bytes(form.write(G, req))
    return G


def write_html(store, req: GraphRequest, out: str | Path) -> nx.MultiDiGraph:
    """Write the page of a request to a file; the graph drawn."""
    return write_view(store, req, out, "html")
