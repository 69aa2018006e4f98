"""The SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graph-store (`?graph=IRI` or `?default`)."""

from __future__ import annotations

import pyoxigraph as ox
from flask import Blueprint, Request, Response, request

from .core import HttpError, authorize_write, current_state
from ..formats import FormatError, family, lookup
from .executor import GraphExistsTask, QueryTask
from .protocol import negotiate, outcome_response
from .writer import GraphDeleteTask, GraphWriteTask

bp = Blueprint("graph_store", __name__)

SERVED_RDF = family("rdf", served=True)   # what its pages and answers offer


def target_graph(req: Request) -> str | None:
    """The graph IRI a request names (None for the default graph)."""
    graphs = req.args.getlist("graph")
    if "default" in req.args:
        if graphs:
            raise HttpError(400, "give either ?default or ?graph=IRI, not both")
        return None
    if len(graphs) != 1:
        raise HttpError(400, "name one graph: ?graph=IRI (or ?default for the default graph)")
    try:
        return ox.NamedNode(graphs[0]).value
    except ValueError:
        raise HttpError(400, f"graph: {graphs[0]!r} is not an absolute IRI") from None


def _read(graph: str | None, req: Request) -> Response:
    state = current_state()
    if graph is not None and outcome_response(state.run(GraphExistsTask(graph))).data != b"true":
        raise HttpError(404, f"no graph <{graph}> in this store")
    where = "GRAPH ?graph { ?s ?p ?o }" if graph else "?s ?p ?o"
    task = QueryTask(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {where} }}", union=False,
                     graph=negotiate(req, SERVED_RDF), row_cap=None,
                     bindings=(("graph", graph),) if graph else ())
    return outcome_response(state.run(task))


def _write(graph: str | None, req: Request, *, replace: bool) -> Response:
    authorize_write(req)
    try:   # a media type, never a format's name
        fmt = lookup(SERVED_RDF, req.mimetype).name if "/" in req.mimetype else None
    except FormatError:
        fmt = None
    if fmt is None:
        raise HttpError(415, f"unsupported Content-Type {req.mimetype or '(none)'!r}: send one of "
                             + ", ".join(sorted(mt for f in SERVED_RDF for mt in f.media_types)))
    task = GraphWriteTask(req.get_data(), fmt, graph, replace, graph or req.base_url, req.mimetype)
    return outcome_response(current_state().write(task))


def _delete(graph: str | None, req: Request) -> Response:
    authorize_write(req)
    return outcome_response(current_state().write(GraphDeleteTask(graph)))


@bp.route("/rdf-graph-store", methods=["GET", "PUT", "POST", "DELETE"])
def graph_store() -> Response:
    """GET a graph (always); PUT, POST, DELETE it (with updates enabled and the token)."""
    graph = target_graph(request)
    if request.method in ("GET", "HEAD"):
        return _read(graph, request)
    if request.method == "DELETE":
        return _delete(graph, request)
    return _write(graph, request, replace=request.method == "PUT")
