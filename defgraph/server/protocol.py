"""The SPARQL 1.1 Protocol at /sparql and /update: reading requests, content negotiation, answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import pyoxigraph as ox
from flask import Blueprint, Request, Response, request
from werkzeug.datastructures import MultiDict

from ..formats import FORMATS, Format, family, lookup
from .core import HttpError, authorize_write, current_state
from .executor import QueryOutcome, QueryTask
from .sparql_text import add_using, has_dataset_clause
from .writer import UpdateTask

bp = Blueprint("sparql", __name__)

FORM = "application/x-www-form-urlencoded"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
VERSIONS = {"1.0", "1.1", "1.2"}

HTML = "text/html"


def negotiate(req: Request, formats: Sequence[Format], *, html: bool = False) -> str:
    """The name of the format among `formats` (or "html", for a page that also has one) that
    the request prefers by `?format=` (a name, alias or media type) or `Accept`; the first by
    default."""
    primary = ([("html", HTML)] if html else []) + [(f.name, f.media_type) for f in formats]
    offers = primary + [(f.name, mt) for f in formats for mt in f.media_aliases]
    wanted = req.args.get("format") or (req.form.get("format") if req.mimetype == FORM else None)
    if wanted:
        key = wanted.strip().lower()
        if html and key in ("html", HTML):
            return "html"
        found = next((f.name for f in formats if key in f.names or key in f.media_types), None)
        if found:
            return found
    accept = req.headers.get("Accept", "")
    if "," not in accept and ";" not in accept and "*" not in accept:
        # one plain media type, as most SPARQL clients send: the same answer as best_match, faster
        mt = accept.strip().lower()
        found = next((name for name, m in offers if m == mt), None)
        if found:
            return found
    best = req.accept_mimetypes.best_match([m for _, m in offers])
    if best is None:
        return primary[0][0]
    return next(name for name, m in offers if m == best)


@dataclass
class Operation:
    """A protocol request: a query, an update, or neither (the service description)."""

    kind: str                     # query, update or description
    text: str = ""
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


def _single(values: list[str], name: str) -> str:
    if len(values) > 1:
        raise HttpError(400, f"give exactly one '{name}' parameter, not {len(values)}")
    return values[0]


def _graph_iris(params: MultiDict, name: str) -> list[str]:
    iris = params.getlist(name)
    for iri in iris:
        try:
            ox.NamedNode(iri)
        except ValueError:
            raise HttpError(400, f"{name}: {iri!r} is not an absolute IRI") from None
    return iris


def _check_version(params: MultiDict, media_version: str | None) -> None:
    versions = params.getlist("version") + ([media_version] if media_version else [])
    if len(params.getlist("version")) > 1:
        raise HttpError(400, "give at most one 'version' parameter")
    for v in versions:
        if v not in VERSIONS:
            raise HttpError(400, f"unsupported SPARQL version {v!r} (one of {', '.join(sorted(VERSIONS))})")


def _body_text(req: Request) -> str:
    charset = req.mimetype_params.get("charset")
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise HttpError(400, f"{req.mimetype} must be UTF-8, not charset={charset}")
    try:
        return req.get_data().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise HttpError(400, f"the request body is not UTF-8: {exc}") from None


def read_operation(req: Request, *, allow_query: bool = True) -> Operation:
    """The operation a request asks for; HttpError when it breaks the protocol."""
    args = req.args
    if req.method == "GET":
        if req.content_length or req.headers.get("Transfer-Encoding"):
            raise HttpError(400, "a GET request must not have a body")
        if "update" in args:
            raise HttpError(400, "an update must be sent with POST (form field 'update' or "
                                 f"a {UPDATE_TYPE} body)")
        _check_version(args, None)
        if "query" not in args:
            return Operation("description")
        return _query(_single(args.getlist("query"), "query"), args)
    if req.method != "POST":
        raise HttpError(405, f"{req.method} is not a SPARQL protocol method; use GET or POST")
    mimetype = req.mimetype
    if not mimetype:
        raise HttpError(400, f"missing Content-Type: use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")
    if mimetype == FORM:
        form = req.form
        params = MultiDict(list(args.items(multi=True)) + list(form.items(multi=True)))
        _check_version(form, None)
        queries, updates = form.getlist("query"), form.getlist("update")
        if queries and updates:
            raise HttpError(400, "a request carries either 'query' or 'update', not both")
        if queries:
            return _query(_single(queries, "query"), params)
        if updates:
            return _update(_single(updates, "update"), params)
        raise HttpError(400, "the form body has no 'query' or 'update' field")
    if mimetype == QUERY_TYPE:
        _check_version(args, req.mimetype_params.get("version"))
        return _query(_body_text(req), args)
    if mimetype == UPDATE_TYPE:
        _check_version(args, req.mimetype_params.get("version"))
        return _update(_body_text(req), args)
    raise HttpError(415, f"unsupported Content-Type {mimetype!r}: use {FORM}, {QUERY_TYPE} or {UPDATE_TYPE}")


def _query(text: str, params: MultiDict) -> Operation:
    return Operation("query", text, _graph_iris(params, "default-graph-uri"),
                     _graph_iris(params, "named-graph-uri"))


def _update(text: str, params: MultiDict) -> Operation:
    return Operation("update", text, _graph_iris(params, "using-graph-uri"),
                     _graph_iris(params, "using-named-graph-uri"))


def query_task(op: Operation, req: Request, *, row_cap: int | None) -> QueryTask:
    dataset = bool(op.default_graphs or op.named_graphs)
    return QueryTask(
        query=op.text, base_iri=req.base_url,
        default_graphs=tuple(op.default_graphs) if dataset else None,
        named_graphs=tuple(op.named_graphs) if dataset else None,
        tabular=negotiate(req, family("results", served=True)),
        boolean=negotiate(req, family("results", served=True, boolean=True)),
        graph=negotiate(req, family("rdf", served=True)), row_cap=row_cap)


def outcome_response(outcome: QueryOutcome) -> Response:
    """The HTTP response for a query outcome (errors as plain text)."""
    if outcome.kind == "error":
        raise HttpError(outcome.status, outcome.message,
                        {"Retry-After": str(outcome.retry_after)} if outcome.retry_after else None)
    if outcome.kind == "done":
        return Response(status=outcome.status)
    resp = Response(outcome.body, status=outcome.status, content_type=outcome.media_type)
    resp.headers["Vary"] = "Accept"
    if outcome.truncated:
        resp.headers["X-Defgraph-Truncated"] = outcome.truncated
    return resp


def run_query(op: Operation, req: Request) -> Response:
    state = current_state()
    return outcome_response(state.run(query_task(op, req, row_cap=state.settings.row_cap)))


def run_update(op: Operation, req: Request) -> Response:
    authorize_write(req)
    if (op.default_graphs or op.named_graphs) and has_dataset_clause(op.text):
        raise HttpError(400, "the update names its own dataset (USING or WITH) and the request "
                             "also gives using-graph-uri/using-named-graph-uri; give one or the other")
    text = add_using(op.text, op.default_graphs, op.named_graphs)
    state = current_state()
    # run in the writer process; the store checks the text (SERVICE, LOAD) before the engine sees it
    return outcome_response(state.write(UpdateTask(text, req.base_url, state.settings.service_allow_list)))


SD_TEMPLATE = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
[] a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query{update_language} ;
  sd:resultFormat {result_formats} ;
  sd:feature sd:UnionDefaultGraph{federation} ;
  dcterms:description "defgraph: a knowledge graph of defence cooperation extracted from news articles." ;
  sd:defaultDataset [ a sd:Dataset ;
    sd:defaultGraph [ a sd:Graph ;
      dcterms:description "The union of all named graphs (one per article, plus {entities})." ] ;
    sd:namedGraph [ a sd:NamedGraph ; sd:name <{entities}> ] ] .
"""


def service_description(req: Request) -> Response:
    """The sd:Service description of this endpoint, in the RDF format the client prefers."""
    state = current_state()
    turtle = SD_TEMPLATE.format(
        endpoint=f"{state.base_iri}sparql",     # the configured base, never the request's Host
        update_language=", sd:SPARQL11Update" if state.settings.allow_update else "",
        federation=", sd:BasicFederatedQuery" if state.settings.service_allow_list else "",
        entities=f"{state.base_iri}graph/entities",
        result_formats=", ".join(f"<{f.w3c}>" for f in FORMATS if f.served and f.w3c))
    rdf = family("rdf", served=True)
    fmt = negotiate(req, rdf)
    triples = [q.triple for q in ox.parse(turtle.encode(), format=ox.RdfFormat.TURTLE)]
    form = lookup(rdf, fmt)
    body = ox.serialize(triples, format=form.oxigraph)
    return Response(body, content_type=f"{form.media_type}; charset=utf-8", headers={"Vary": "Accept"})


@bp.route("/sparql", methods=["GET", "POST"])
def sparql() -> Response:
    """Queries, updates (when enabled), and the service description."""
    op = read_operation(request)
    if op.kind == "description":
        return service_description(request)
    if op.kind == "update":
        return run_update(op, request)
    return run_query(op, request)


@bp.route("/update", methods=["POST"])
def update() -> Response:
    """SPARQL 1.1 Update only."""
    op = read_operation(request)
    if op.kind != "update":
        raise HttpError(400, "this endpoint takes updates; send queries to /sparql")
    return run_update(op, request)
