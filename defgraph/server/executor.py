"""Running read queries where they can be abandoned: a pool of processes, each with the store open read-only.

pyoxigraph cannot interrupt a query from Python, so each query runs in a worker process
(a worker whose query outlives the timeout is killed and replaced) while the web
process keeps serving. Workers serialise results in Rust and send back bytes. After a
write, the web process bumps a generation number and workers reopen their read-only
snapshot of the store before their next query.
"""

from __future__ import annotations

import fcntl
import logging
import multiprocessing
import multiprocessing.context
import os
import queue
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass, replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable, Protocol

import pyoxigraph as ox

from ..namespaces import PREFIXES
from ..sparql_policy import PolicyError
from ..store import OxigraphStore, StoreError
from .sandbox import deny_network, die_with_parent
from .sparql_text import has_keyword, query_form, with_limit

log = logging.getLogger(__name__)

TABULAR_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
BOOLEAN_TYPES = {k: TABULAR_TYPES[k] for k in ("json", "xml")}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
}
VALUE_CAP = 1_000_000    # characters of one value in a SELECT answer; longer values are cut
_RESULTS_FORMAT = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_RDF_FORMAT = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
               "rdfxml": ox.RdfFormat.RDF_XML, "jsonld": ox.RdfFormat.JSON_LD}


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

    def run(self, store: OxigraphStore) -> "QueryOutcome":
        """Run the query on a store and serialise its answer (never raises)."""
        return execute(store, self)


class Task(Protocol):
    """Work a query worker does on its store: a QueryTask, or a page drawn from the store."""

    allowed_services: tuple[str, ...]

    def run(self, store: OxigraphStore) -> "QueryOutcome": ...


@dataclass(frozen=True)
class QueryOutcome:
    """A serialised answer, or an error with its HTTP status and message."""

    status: int
    body: bytes = b""
    media_type: str = "text/plain; charset=utf-8"
    kind: str = "error"         # solutions, boolean, graph, page or error
    truncated: str = ""         # what was cut from the answer, and why ("": nothing)

    @property
    def message(self) -> str:
        return self.body.decode("utf-8", "replace")


def error(status: int, message: str) -> QueryOutcome:
    return QueryOutcome(status, message.encode("utf-8"))


def execute(store: OxigraphStore, task: QueryTask) -> QueryOutcome:
    """Run a query on a store and serialise its answer (never raises)."""
    try:
        return _execute(store, task)
    except PolicyError as exc:
        return error(403, str(exc))
    except SyntaxError as exc:
        return error(400, f"SPARQL syntax error: {exc}")
    except OSError as exc:      # its text names files of the store: for the log only
        log.error("query failed reading the store: %s", exc)
        return error(500, "the query failed: the store could not be read (the details are in the server log)")
    except (RuntimeError, ValueError) as exc:   # the engine cannot evaluate what the query asks
        return error(400, f"the query cannot be evaluated: {exc}")


def _dataset(task: QueryTask) -> dict:
    """Keyword arguments of OxigraphStore.query for the task's dataset."""
    if task.default_graphs is None and task.named_graphs is None:
        # FROM/FROM NAMED in the query define its dataset; the union default would override them
        return {"union": task.union and not has_keyword(task.query, "FROM")}
    return {"union": False,
            "default_graph": [ox.NamedNode(g) for g in task.default_graphs or ()],
            "named_graphs": [ox.NamedNode(g) for g in task.named_graphs or ()]}


def _execute(store: OxigraphStore, task: QueryTask) -> QueryOutcome:
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
        return QueryOutcome(200, result.serialize(format=_RESULTS_FORMAT[fmt]),
                            _with_charset(BOOLEAN_TYPES[fmt]), "boolean")
    if isinstance(result, ox.QuerySolutions):
        return _solutions(result, task, rerun=lambda: store.query(task.query, **dataset))
    return _graph(result, task)


def _row_cap_note(cap: int) -> str:
    return f"results cut at the server's row cap of {cap}"


def _solutions(result: ox.QuerySolutions, task: QueryTask, rerun: Callable[[], object]) -> QueryOutcome:
    # TSV holds one solution per line and every term losslessly, so rows are counted and
    # cut on bytes, then converted in Rust to the format asked for: no per-row Python.
    tsv = result.serialize(format=ox.QueryResultsFormat.TSV)
    notes = []
    if len(tsv) > VALUE_CAP and max(map(len, tsv.split(b"\n"))) > VALUE_CAP:
        # a value too long to send (or for the TSV reader): run again, cutting long values
        tsv = _capped_tsv(rerun(), task.row_cap)
        notes.append(f"values longer than {VALUE_CAP} characters cut")
    if task.row_cap is not None and tsv.count(b"\n") - 1 > task.row_cap:
        end = -1
        for _ in range(task.row_cap + 1):
            end = tsv.index(b"\n", end + 1)
        tsv = tsv[:end + 1]
        notes.insert(0, _row_cap_note(task.row_cap))
    truncated = "; ".join(notes)
    fmt = task.tabular if task.tabular in TABULAR_TYPES else "json"
    body = tsv if fmt == "tsv" else ox.parse_query_results(
        tsv, format=ox.QueryResultsFormat.TSV).serialize(format=_RESULTS_FORMAT[fmt])
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


def _graph(result: ox.QueryTriples, task: QueryTask) -> QueryOutcome:
    triples = list(dict.fromkeys(result))   # a triple stated in several graphs is one triple of the answer
    truncated = _row_cap_note(task.row_cap) if task.row_cap is not None and len(triples) > task.row_cap else ""
    if truncated:
        triples = triples[:task.row_cap]
    fmt = task.graph if task.graph in GRAPH_TYPES else "turtle"
    body = ox.serialize(triples, format=_RDF_FORMAT[fmt],
                        prefixes=PREFIXES if fmt in ("turtle", "rdfxml") else None)
    return QueryOutcome(200, body, _with_charset(GRAPH_TYPES[fmt]), "graph", truncated)


def _with_charset(media_type: str) -> str:
    return f"{media_type}; charset=utf-8"


# --- worker processes ------------------------------------------------------------

_worker_store: tuple[int, str, OxigraphStore] | None = None   # generation, path, open store


def _worker_run(task: Task, generation: int, path: str) -> QueryOutcome:
    """Run a task in a worker, first (re)opening the snapshot the task names if it changed."""
    global _worker_store
    if _worker_store is None or _worker_store[0] != generation or _worker_store[1] != path:
        if _worker_store is not None:
            _worker_store[2].close()
        _worker_store = None
        try:
            _worker_store = (generation, path, OxigraphStore(path, read_only=True))
        except (StoreError, OSError) as exc:
            log.warning("cannot open the store snapshot: %s", exc)
            return error(503, "the store changed while the query waited; please retry")
    return task.run(_worker_store[2])


def _worker_main(conn: Connection, offline: bool) -> None:
    """A worker's loop: receive (task, generation, path), send back the outcome, until told to stop.

    An `offline` worker cannot open network sockets at all (no SERVICE endpoint is allowed)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)   # Ctrl+C is the web process's to handle
    die_with_parent()
    if offline:
        deny_network()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):                # the web process is gone
            return
        if job is None:
            return
        try:
            outcome = _worker_run(*job)
        except Exception:  # noqa: BLE001 - a worker must answer every job it takes
            log.exception("query worker error")
            outcome = error(500, "the query failed (the details are in the server log)")
        conn.send(outcome)


class _Worker:
    """One query process and the web process's end of its pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext, offline: bool) -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=_worker_main, args=(child, offline), daemon=True,
                                       name="defgraph-query")
        self.process.start()
        child.close()
        self._stopping = threading.Lock()

    def stop(self, kill: bool = False) -> None:
        """Ask the worker to exit (kill it if it is busy past a second, or if `kill`), and reap it.

        Safe to call twice, from two threads (a request replacing it while the server closes)."""
        with self._stopping:
            if self.conn.closed:
                return
            if kill:
                self.process.kill()
            else:
                try:
                    self.conn.send(None)
                except OSError:
                    self.process.kill()
            self.process.join(timeout=1)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.conn.close()


LOCK_FILE = "owner.lock"


def snapshot_prefix(store_path: Path) -> str:
    """The name that the snapshot folders of a store begin with (beside the store)."""
    return f".{store_path.name}-snapshots-"


def remove_stale_snapshots(store_path: Path) -> list[Path]:
    """Remove the snapshot folders beside a store that no live server holds; the folders removed.

    A server holds an exclusive flock on its folder's lock file for as long as it runs; the
    kernel drops it when the process ends, however it ends, so an unlockable folder is live.
    """
    removed = []
    parent = store_path.resolve().parent
    for folder in parent.glob(snapshot_prefix(store_path) + "*"):
        lock = folder / LOCK_FILE
        try:
            fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:         # being created this instant, or from an older version
            if time.time() - folder.stat().st_mtime < STALE_UNLOCKED_SECONDS:
                continue
            fd = None
        except OSError:
            continue
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue                      # a live server's
        finally:
            if fd is not None:
                os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if removed:
        log.info("removed %d stale snapshot folder(s) beside %s", len(removed), store_path)
    return removed


STALE_UNLOCKED_SECONDS = 60


class PoolExecutor:
    """Runs queries in worker processes; a query past the timeout is killed, its worker replaced.

    Each worker is a long-lived process with a pipe of its own; a request takes a free
    worker, sends it the task and waits on the pipe for at most the timeout.

    Workers open the store read-only. RocksDB allows that only while nobody writes, so
    workers read an immutable snapshot of it (a RocksDB checkpoint, made of hard links in
    milliseconds), renewed after every write the server makes.
    """

    KEEP_SNAPSHOTS = 8  # older snapshots may still serve a query that started before a write

    def __init__(self, store: OxigraphStore, workers: int, timeout: float,
                 allowed_services: tuple[str, ...] = ()) -> None:
        self.allowed_services = tuple(allowed_services)
        self._context = multiprocessing.get_context("forkserver")
        # every worker, replacements included, starts with what its tasks import (graph: the viz)
        self._context.set_forkserver_preload(["defgraph.server.executor", "defgraph.server.graph"])
        self.timeout = timeout
        self.generation = 0
        self._store = store
        self._snapshots: list[Path] = []
        self._snapshot_root: Path | None = None
        self._snapshot_lock: int | None = None    # fd whose flock says "a live server owns these"
        if store.path is not None:
            remove_stale_snapshots(store.path)
        self.path = self._first_snapshot()
        self._lock = threading.Lock()
        self._closed = False
        self._all: set[_Worker] = set()
        self._free: queue.SimpleQueue[_Worker | None] = queue.SimpleQueue()
        for _ in range(workers):
            self._free.put(self._spawn())

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, offline=not self.allowed_services)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and put a fresh one in its place."""
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=True)
        if not self._closed:
            self._free.put(self._spawn())

    def _first_snapshot(self) -> str:
        """Workers read a checkpoint even of a read-only store, so that a `defgraph ingest`
        into the served folder cannot pull files from under them."""
        try:
            return self._new_snapshot()
        except (OSError, RuntimeError, StoreError) as exc:
            if not self._store.read_only:
                raise
            log.warning("serving %s directly (no snapshot beside it: %s)", self._store.path, exc)
            return str(self._store.path)

    def _new_snapshot(self) -> str:
        if self._snapshot_root is None:
            # beside the store, on the same file system, so that the checkpoint is hard links
            assert self._store.path is not None
            self._snapshot_root = Path(tempfile.mkdtemp(prefix=snapshot_prefix(self._store.path),
                                                        dir=self._store.path.resolve().parent))
            self._snapshot_lock = os.open(self._snapshot_root / LOCK_FILE, os.O_CREAT | os.O_RDWR, 0o600)
            fcntl.flock(self._snapshot_lock, fcntl.LOCK_EX)
        target = self._snapshot_root / f"g{self.generation}"
        self._store.snapshot(target)
        self._snapshots.append(target)
        while len(self._snapshots) > self.KEEP_SNAPSHOTS:
            shutil.rmtree(self._snapshots.pop(0), ignore_errors=True)
        return str(target)

    def run(self, task: Task) -> QueryOutcome:
        if self._closed:
            return error(503, "the server is shutting down")
        worker = self._free.get()      # waits for a free worker; the timeout starts when one runs it
        if worker is None:             # closed while waiting
            self._free.put(None)
            return error(503, "the server is shutting down")
        job = (replace(task, allowed_services=self.allowed_services), self.generation, self.path)
        try:
            worker.conn.send(job)
        except OSError:                # the worker died while idle: the job never started
            self._replace(worker)
            worker = self._free.get()
            if worker is None:
                self._free.put(None)
                return error(503, "the server is shutting down")
            try:
                worker.conn.send(job)
            except OSError as exc:
                log.error("query worker died: %s", exc)
                self._replace(worker)
                return error(500, "the query process died; the query was abandoned")
        try:
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                return error(503, f"query timeout: the query ran longer than {self.timeout:g} s and "
                                  "was stopped (the limit is the server's --timeout)")
            outcome = worker.conn.recv()
        except (EOFError, OSError) as exc:
            self._replace(worker)
            if self._closed:           # close() stopped the worker under this request
                return error(503, "the server is shutting down")
            log.error("query worker died (exit code %s): %s", worker.process.exitcode, exc)
            return error(500, "the query process died (out of memory?); the query was abandoned")
        except BaseException:
            self._replace(worker)      # its answer may still be in the pipe: never reuse it
            raise
        self._free.put(worker)
        return outcome

    def invalidate(self) -> None:
        """Make workers read the store as it is now (after a write)."""
        self.generation += 1
        if not self._store.read_only:
            self.path = self._new_snapshot()

    def close(self) -> None:
        self._closed = True
        self._free.put(None)           # wakes a request waiting for a worker; it passes it on
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()
        if self._snapshot_root is not None:
            shutil.rmtree(self._snapshot_root, ignore_errors=True)
        if self._snapshot_lock is not None:
            os.close(self._snapshot_lock)
            self._snapshot_lock = None


class InlineExecutor:
    """Runs queries in the web process (for an in-memory store); no timeout is enforced."""

    def __init__(self, store: OxigraphStore, allowed_services: tuple[str, ...] = ()) -> None:
        self._store = store
        self.allowed_services = tuple(allowed_services)

    def run(self, task: Task) -> QueryOutcome:
        return replace(task, allowed_services=self.allowed_services).run(self._store)

    def invalidate(self) -> None:
        pass

    def close(self) -> None:
        pass
