"""The graph page: /graph?query=… or /graph?focus=… draws the same interactive view as `defgraph viz`,
or with `format=gexf|graphml|json` sends it as that graph file.

The page is drawn in a query worker, from the workers' snapshot, under the server's timeout
and row cap, like any query: reading a large store for it cannot hold up the web process.
What is drawn from a snapshot is kept in the worker and beside the store (views.py), and the
whole graph is drawn ahead whenever a new snapshot is served. Until that drawing is done, a page
drawn from an earlier content of the store is shown, marked with the time of its data; when none
was ever drawn, a browser gets a small page that reloads itself until the drawing is ready.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
from flask import Blueprint, Response, request

from ..store import GraphStore, OxigraphStore
from ..queries import QueryError, named_query
from ..viz import GraphRequest, Selection, VizError, build_graph, selection_from_result
from ..viz.export import VIZ_FORMATS
from ..viz.stored import graph_from_bytes, graph_to_bytes
from ..viz.view import graph_view, page
from .core import HttpError, current_state
from .executor import QueryOutcome, QueryTask, error
from .pool import RETRY_AFTER
from .protocol import outcome_response
from .views import ViewCache, code_fingerprint, content_key

log = logging.getLogger(__name__)
code_fingerprint()      # once, here: query workers (forked with this module loaded) inherit it

bp = Blueprint("graph", __name__)

MAX_DEPTH = 5
PAGES_KEPT = 8      # answers a query worker keeps per snapshot
STYLE = "margin: 0; padding: .3rem .8rem; background: #fff3cd; border-bottom: 1px solid #e6cf7a; color: #4d3b00"
EARLIER_NOTE = ('<p id="dg-earlier" role="status" style="{style}">Drawn from the data as of {when}; an '
                'updated drawing is being prepared: reload the page in a little while to see it.</p>')
PREPARING_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta http-equiv="refresh" content="{seconds}">
<title>The graph is being drawn</title>
</head>
<body style="font-family: system-ui, sans-serif">
<p id="dg-preparing" role="status" style="{style}">The graph of the store is being drawn for the first time.
This page reloads itself every {seconds} s until the drawing is ready.</p>
</body>
</html>
"""

# In a query worker: per read-only snapshot (which never changes), the store's graph by events
# mode and fact cap, and the last answers drawn from it. A new snapshot is a new store object,
# and what was kept for the old one goes with it.
_kept: "weakref.WeakKeyDictionary[OxigraphStore, dict]" = weakref.WeakKeyDictionary()


def snapshot(store: GraphStore) -> bool:
    """Whether the store is a read-only snapshot that never changes (a remote store may change at any time)."""
    return isinstance(store, OxigraphStore) and store.read_only


def kept(store: OxigraphStore) -> dict:
    """What this process keeps for a snapshot: {"graphs": {...}, "pages": OrderedDict, "key": ...}."""
    return _kept.setdefault(store, {"graphs": {}, "pages": OrderedDict()})


def _on_disk(store: GraphStore, views: str) -> tuple[ViewCache, str] | None:
    """Where views of this snapshot are kept beside the store, and under which key (None: not kept)."""
    if not views or not snapshot(store) or store.path is None:
        return None
    mine = kept(store)
    if "key" not in mine:
        mine["key"] = content_key(store.path)
    return (ViewCache(views), mine["key"]) if mine["key"] else None


def graph_file(events: str, max_facts: int | None) -> str:
    """The name of the file that keeps the store's graph beside the store."""
    return f"graph-{events}-{max_facts}.json"


def store_graph(store: GraphStore, events: str = "edges", max_facts: int | None = None, views: str = "",
                keep: bool = True):
    """The whole store's graph (build_graph), built once per read-only snapshot (and, with
    `keep`, kept in `views`, a folder beside the store, for other processes and restarts); the
    views narrow copies of it and never change it."""
    if not snapshot(store):
        return build_graph(store, events=events, max_facts=max_facts)
    graphs = kept(store)["graphs"]
    if (events, max_facts) not in graphs:
        disk = _on_disk(store, views)
        name = graph_file(events, max_facts)
        G = None
        if disk and (data := disk[0].get(disk[1], name)) is not None:
            try:
                G = graph_from_bytes(data)
            except ValueError as exc:
                log.warning("a kept graph cannot be read (%s): building it again", exc)
        if G is None:
            G = build_graph(store, events=events, max_facts=max_facts)
            if disk and keep:
                _keep_graph(disk[0], disk[1], name, G)
        graphs[(events, max_facts)] = G
    return graphs[(events, max_facts)]


def _keep_graph(cache: ViewCache, key: str, name: str, G) -> None:
    try:
        cache.put(key, name, graph_to_bytes(G))
    except TypeError as exc:
        log.warning("the store's graph cannot be kept: %s", exc)


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
    views: str = ""            # the folder beside the store where views are kept ("": none)
    # whether the store's graph is kept beside the store as soon as it is built (the warm-up
    # keeps it after the page instead); not part of what the page is
    keep_graph: bool = field(default=True, repr=False, compare=False)

    def run(self, store: GraphStore) -> QueryOutcome:
        """The page (or file) asked for: drawn once per read-only snapshot, then kept."""
        if not snapshot(store) or self.allowed_services:    # a SERVICE may answer otherwise next time
            return self.draw(store)
        pages, key = kept(store)["pages"], repr(self)
        if key in pages:
            pages.move_to_end(key)
            return pages[key]
        disk = _on_disk(store, self.views)
        name = self.file_name
        outcome = _outcome_from(disk[0].get(disk[1], name)) if disk else None
        if outcome is None:
            outcome = self.draw(store)
            if disk and outcome.status == 200:
                disk[0].put(disk[1], name, _outcome_bytes(outcome, _taken(store)))
        pages[key] = outcome
        while len(pages) > PAGES_KEPT:
            pages.popitem(last=False)
        return outcome

    @property
    def file_name(self) -> str:
        """The name of the file that keeps this page beside the store."""
        return "page-" + hashlib.sha256(repr(self).encode("utf-8")).hexdigest()[:32]

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

        def build(store: GraphStore, events: str, max_facts: int | None):
            return store_graph(store, events, max_facts, self.views, keep=self.keep_graph)

        form = VIZ_FORMATS[self.fmt]
        try:
            if self.fmt == "html":
                html, G = page(store, req, href=self._href, open_on="click", build=build)
                body = html.encode("utf-8")
            else:
                G = graph_view(store, req, build=build)
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


@dataclass(frozen=True)
class StoreGraphTask:
    """Keep the whole store's graph of a snapshot beside the store (the last step of a warm-up)."""

    events: str
    row_cap: int
    views: str
    allowed_services: tuple[str, ...] = ()

    def run(self, store: GraphStore) -> QueryOutcome:
        """An empty 200 once the graph is kept."""
        disk = _on_disk(store, self.views)
        name = graph_file(self.events, self.row_cap)
        if disk and not disk[0].has(disk[1], name):
            _keep_graph(disk[0], disk[1], name, store_graph(store, self.events, self.row_cap, self.views))
        return QueryOutcome(200, kind="done")


def warm_steps(base: str, row_cap: int, views: str) -> list:
    """What a server draws ahead on each new snapshot: the page of /graph as a request without
    parameters asks for it, then the store's graph it was drawn from, kept for other views."""
    return [GraphPageTask(GraphRequest(), None, base, "", row_cap, views=views, keep_graph=False),
            StoreGraphTask("edges", row_cap, views)]


def _warm_step(task: GraphPageTask, steps: list, kept_already: Callable[[str], bool]) -> int:
    """The warm-up step a request has to wait for: the page itself, else the store's graph
    when the request narrows it; -1 when none, or when it is kept beside the store already."""
    page, graph = steps
    if task == page:
        return -1 if kept_already(task.file_name) else 0
    if task.request.events == graph.events:
        return -1 if kept_already(graph_file(graph.events, graph.row_cap)) else 1
    return -1


def _kept_answer(state, task: GraphPageTask) -> QueryOutcome | None:
    """The answer kept beside the store for this request and the snapshot served now, if any."""
    if not task.views or state.executor.allowed_services:    # a SERVICE may answer otherwise now
        return None
    key = content_key(Path(state.executor.path))
    return _outcome_from(ViewCache(task.views).get(key, task.file_name)) if key else None


def _taken(store: GraphStore) -> float | None:
    """When a snapshot was taken (its folder's time), the time of the data drawn from it."""
    try:
        return os.stat(store.path).st_mtime if store.path is not None else None
    except OSError:
        return None


def _earlier_answer(task: GraphPageTask, key: str) -> tuple[QueryOutcome, float | None] | None:
    """The page for this request kept from the newest other content of the store, marked as
    drawn from the data as of then, and that time (None: no such page kept)."""
    kept_pages = []
    for data in ViewCache(task.views).earlier(key, task.file_name):
        outcome = _outcome_from(data)
        if outcome is not None and outcome.status == 200 and outcome.kind == "page":
            as_of = json.loads(data.partition(b"\n")[0]).get("as_of")
            kept_pages.append((as_of if isinstance(as_of, (int, float)) else None, outcome))
    if not kept_pages:
        return None
    as_of, outcome = max(kept_pages, key=lambda p: p[0] or 0.0)
    when = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(as_of)) if as_of else "an earlier time"
    note = EARLIER_NOTE.format(style=STYLE, when=when).encode("utf-8")
    body = outcome.body
    at = body.find(b'<header id="dg-header">')       # above the page's header
    if at < 0:
        at = body.find(b"<body>") + len(b"<body>") if b"<body>" in body else 0
    return replace(outcome, body=body[:at] + note + body[at:]), as_of


def _preparing_page() -> Response:
    """What a browser gets while the store's first graph is drawn: a page that reloads itself."""
    page = PREPARING_PAGE.format(seconds=RETRY_AFTER, style=STYLE)
    return Response(page, status=503, content_type="text/html; charset=utf-8",
                    headers={"Retry-After": str(RETRY_AFTER), "Cache-Control": "no-store", "Vary": "Accept"})


def _outcome_bytes(outcome: QueryOutcome, as_of: float | None = None) -> bytes:
    head = {"status": outcome.status, "media_type": outcome.media_type, "kind": outcome.kind,
            "truncated": outcome.truncated, "as_of": as_of}
    return json.dumps(head).encode("utf-8") + b"\n" + outcome.body


def _outcome_from(data: bytes | None) -> QueryOutcome | None:
    if data is None:
        return None
    head, _, body = data.partition(b"\n")
    try:
        fields = json.loads(head)
        return QueryOutcome(int(fields["status"]), body, str(fields["media_type"]), str(fields["kind"]),
                            str(fields["truncated"]))
    except (ValueError, KeyError, TypeError):
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
    task = GraphPageTask(req, query, state.base_iri, request.script_root, state.settings.row_cap, fmt=fmt,
                         views=state.views_for_workers())
    if (kept_page := _kept_answer(state, task)) is not None:     # no worker needed: a file read
        return outcome_response(kept_page)
    step, key = -1, None
    if state.warmer is not None and task.views and not state.executor.allowed_services:
        path = state.executor.path
        key = content_key(Path(path))
        kept_already = lambda name: key is not None and ViewCache(task.views).has(key, name)  # noqa: E731
        step = _warm_step(task, state.warm_steps, kept_already)
        if fmt == "html" and key is not None and step >= 0 and state.warmer.pending(path, step):
            # the warm-up is drawing this snapshot: show what was drawn before, marked as such
            if (earlier := _earlier_answer(task, key)) is not None:
                resp = outcome_response(earlier[0])
                resp.headers["Cache-Control"] = "no-store"
                if earlier[1]:
                    resp.headers["X-Defgraph-Drawn-As-Of"] = time.strftime(
                        "%Y-%m-%dT%H:%M:%SZ", time.gmtime(earlier[1]))
                return resp
            if "text/html" in request.accept_mimetypes.values():     # a browser: never a long wait
                return _preparing_page()

    def drawn_ahead() -> None:
        # the warm-up of the served snapshot draws what this request needs: wait for it
        if step >= 0 and not state.warmer.wait(step, state.settings.timeout):
            raise HttpError(503, "the graph of the store as it is now is still being drawn; retry in a "
                                 "few seconds", {"Retry-After": str(RETRY_AFTER)})

    return outcome_response(state.run(task, before=drawn_ahead))
