"""Read queries as tasks a query worker runs (pool.py): what a task is, how its answer is serialised.

Workers serialise results in Rust and send back bytes; every failure becomes an outcome
with its HTTP status and a plain message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Callable, Protocol

import pyoxigraph as ox

from ..formats import family, lookup, media_types
from ..namespaces import PREFIXES
from ..queries import store_limit_note
from ..sparql_policy import PolicyError
from ..remote import RemoteError
from ..store import GraphStore
from .sparql_text import has_keyword, query_form, with_limit

log = logging.getLogger(__name__)

# what the server answers in, by query form: name → media type, the first the default
TABULAR_TYPES = media_types(family("results", served=True))
BOOLEAN_TYPES = media_types(family("results", served=True, boolean=True))
GRAPH_TYPES = media_types(family("rdf", served=True))
VALUE_CAP = 1_000_000    # characters of one value in a SELECT answer; longer values are cut


def _oxigraph(kind: str, name: str) -> ox.RdfFormat | ox.QueryResultsFormat:
    return lookup(kind, name).oxigraph


@dataclass(frozen=True)
class QueryTask:
    """One read query and how its answer should be written."""

    query: str
    base_iri: str | None = None
    default_graphs: tuple[str, ...] | None = None   # protocol dataset, None when not given
    named_graphs: tuple[str, ...] | None = None
    union: bool = True          # without a dataset: default graph = union of all graphs
    tabular: str = "json"       # format for SELECT results (a key of TABULAR_TYPES)
    boolean: str = "json"       # format for ASK results
    graph: str = "turtle"       # format for CONSTRUCT/DESCRIBE results
    row_cap: int | None = None  # most rows (triples) returned; None: no cap
    bindings: tuple[tuple[str, str], ...] = ()   # (variable, IRI): values the engine substitutes
    allowed_services: tuple[str, ...] = ()  # SERVICE endpoints it may call (set by the executor)

    def run(self, store: GraphStore) -> "QueryOutcome":
        """Run the query on a store and serialise its answer (never raises)."""
        return execute(store, self)


class Task(Protocol):
    """Work a query worker does on its store: a QueryTask, or a page drawn from the store."""

    allowed_services: tuple[str, ...]

    def run(self, store: GraphStore) -> "QueryOutcome": ...


@dataclass(frozen=True)
class QueryOutcome:
    """A serialised answer, or an error with its HTTP status and message."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    kind: str = "error"         # solutions, boolean, graph, page, done (a write) or error
    truncated: str = ""         # what was cut from the answer, and why ("": nothing)
    retry_after: int = 0        # seconds a refused client should wait before retrying (0: none)

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace")


def error(status: int, message: str, retry_after: int = 0) -> QueryOutcome:
    """An error outcome: its status and a plain-text message for the client."""
    return QueryOutcome(status, message.encode("utf-8"), retry_after=retry_after)


def guarded(action: Callable[[], QueryOutcome], what: str, io_problem: str) -> QueryOutcome:
    """action(), with what the store raises on a SPARQL text as outcomes: 403 for what the policy
    refuses, 400 for a syntax error or what the engine cannot evaluate, 500 for I/O (logged only:
    its text names files of the store)."""
    try:
        return action()
    except PolicyError as exc:
        return error(403, str(exc))
    except RemoteError as exc:
        log.error("%s failed: %s", what, exc)
        return error(502, f"the {what} failed: the store behind this server did not answer "
                          "(the details are in the server log)")
    except SyntaxError as exc:
        return error(400, f"SPARQL syntax error: {exc}")
    except OSError as exc:
        log.error("%s failed: %s", what, exc)
        return error(500, f"the {what} failed: {io_problem} (the details are in the server log)")
    except (RuntimeError, ValueError) as exc:
        return error(400, f"the {what} cannot be evaluated: {exc}")


def execute(store: GraphStore, task: QueryTask) -> QueryOutcome:
    """Run a query on a store and serialise its answer (never raises)."""
    return guarded(lambda: _execute(store, task), "query", "the store could not be read")


def _dataset(task: QueryTask) -> dict:
    """Keyword arguments of GraphStore.query for the task's dataset."""
    if task.default_graphs is None and task.named_graphs is None:
        # FROM/FROM NAMED in the query define its dataset; the union default would override them
        return {"union": task.union and not has_keyword(task.query, "FROM")}
    return {"union": False,
            "default_graph": [ox.NamedNode(g) for g in task.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in task.named_graphs or ()]}


def _execute(store: GraphStore, task: QueryTask) -> QueryOutcome:
    dataset = {**_dataset(task), "base_iri": task.base_iri, "allowed_services": task.allowed_services}
    if task.bindings:
        dataset["substitutions"] = {ox.Variable(k): ox.NamedNode(v) for k, v in task.bindings}
    result = None
    if task.row_cap is not None and query_form(task.query) == "SELECT":
        try:  # let the engine stop early; a query with its own LIMIT will not parse so
            result = store.query(with_limit(task.query, task.row_cap + 1), **dataset)
        except (SyntaxError, PolicyError):   # the query as given is checked and run below
            result = None
    if result is None:
        result = store.query(task.query, **dataset)

    if isinstance(result, ox.QueryBoolean):
        fmt = task.boolean if task.boolean in BOOLEAN_TYPES else "json"
        return QueryOutcome(200, result.serialize(format=_oxigraph("results", fmt)),
                            _with_charset(BOOLEAN_TYPES[fmt]), "boolean")
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result, task, rerun=lambda: store.query(task.query, **dataset), row_limit=store.row_limit)
    return _graph(result, task, row_limit=store.row_limit)


def _row_cap_note(cap: int) -> str:
    return f"results cut at the server's row cap of {cap}"


def _solutions(result: ox.QuerySolutions, task: QueryTask, rerun: Callable[[], object],
               row_limit: int | None = None) -> QueryOutcome:
    # TSV holds one solution per line and every term losslessly, so rows are counted and
    # cut on bytes, then converted in Rust to the format asked for: no per-row Python.
    tsv = result.serialize(format=ox.QueryResultsFormat.TSV)
    notes = []
    if len(tsv) > VALUE_CAP and max(map(len, tsv.split(b"\n"))) > VALUE_CAP:
        # a value too long to send (or for the TSV reader): run again, cutting long values
        tsv = _capped_tsv(rerun(), task.row_cap)
        notes.append(f"values longer than {VALUE_CAP} characters cut")
    rows = tsv.count(b"\n") - 1
    if row_limit is not None and rows >= row_limit and (task.row_cap is None or rows <= task.row_cap):
        notes.insert(0, store_limit_note(row_limit))
    if task.row_cap is not None and rows > task.row_cap:
        end = -1
        for _ in range(task.row_cap + 1):
            end = tsv.index(b"\n", end + 1)
        tsv = tsv[:end + 1]
        notes.insert(0, _row_cap_note(task.row_cap))
    truncated = "; ".join(notes)
    fmt = task.tabular if task.tabular in TABULAR_TYPES else "json"
    body = tsv if fmt == "tsv" else ox.parse_query_results(
        tsv, format=ox.QueryResultsFormat.TSV).serialize(format=_oxigraph("results", fmt))
    return QueryOutcome(200, body, _with_charset(TABULAR_TYPES[fmt]), "solutions", truncated)


def _capped_tsv(result: ox.QuerySolutions, row_cap: int | None) -> bytes:
    """Solutions as TSV (at most row_cap + 1 rows), every literal cut to VALUE_CAP characters."""
    names = list(result.variables)
    lines = ["\t".join(str(v) for v in names)]
    for i, row in enumerate(result):
        if row_cap is not None and i > row_cap:
            break
        lines.append("\t".join("" if row[v] is None else str(_cap(row[v])) for v in names))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _cap(term: object) -> object:
    if not isinstance(term, ox.Literal) or len(term.value) <= VALUE_CAP:
        return term
    if term.language:
        return ox.Literal(term.value[:VALUE_CAP], language=term.language)
    return ox.Literal(term.value[:VALUE_CAP], datatype=term.datatype)


def _graph(result: ox.QueryTriples, task: QueryTask, row_limit: int | None = None) -> QueryOutcome:
    triples = list(dict.fromkeys(result))   # a triple stated in several graphs is one triple of the answer
    truncated = _row_cap_note(task.row_cap) if task.row_cap is not None and len(triples) > task.row_cap else ""
    if row_limit is not None and len(triples) >= row_limit and not truncated:
        truncated = store_limit_note(row_limit, "triples")
    if truncated:
        triples = triples[:task.row_cap]
    fmt = task.graph if task.graph in GRAPH_TYPES else "turtle"
    body = ox.serialize(triples, format=_oxigraph("rdf", fmt),
                        prefixes=PREFIXES if fmt in ("turtle", "trig", "rdfxml") else None)
    return QueryOutcome(200, body, _with_charset(GRAPH_TYPES[fmt]), "graph", truncated)


def _with_charset(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


@dataclass(frozen=True)
class GraphExistsTask:
    """Whether the store holds a named graph (an empty one included): a boolean outcome."""

    graph: str
    allowed_services: tuple[str, ...] = ()

    def run(self, store: GraphStore) -> QueryOutcome:
        """b"true" or b"false"."""
        found = store.has_graph(self.graph)
        return QueryOutcome(200, b"true" if found else b"false", "text/plain", "boolean")
