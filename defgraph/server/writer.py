"""Writes to a served store (SPARQL Update, Graph Store PUT/POST/DELETE) in a writer process.

The writer process alone holds the store open for writing. Each write is one transaction
in it, under the server's timeout and memory cap; a write that crashes the engine (a
deeply nested update), runs too long or takes too much memory costs its own request: the
process is killed, the transaction never commits, and a fresh writer reopens the store.
After each write the writer checkpoints the store into a new snapshot for the query workers.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Protocol

from ..namespaces import PREFIXES
from ..store import GraphStore, OxigraphStore, StoreError
from .executor import QueryOutcome, error, guarded
from .pool import RETRY_AFTER, PoolExecutor, Stopped, _Worker, await_answer, confine, stopped_message
from .settings import Settings
from .snapshots import Snapshots

log = logging.getLogger(__name__)

START_SECONDS = 120        # a writer (re)opening a large store replays its log first
SNAPSHOT_SECONDS = 120


def done(status: int = 204) -> QueryOutcome:
    return QueryOutcome(status, kind="done")


class WriteTask(Protocol):
    """A change to the store, applied in one transaction by the writer."""

    def apply(self, store: GraphStore) -> QueryOutcome: ...


@dataclass(frozen=True)
class UpdateTask:
    """A SPARQL 1.1 Update."""

    text: str
    base_iri: str | None
    allowed_services: tuple[str, ...] = ()

    def apply(self, store: GraphStore) -> QueryOutcome:
        """Run it (the store checks SERVICE and LOAD first); 204, or the error's status and message."""
        def run() -> QueryOutcome:
            store.update(self.text, base_iri=self.base_iri, prefixes=PREFIXES,
                         allowed_services=self.allowed_services)
            return done()

        return guarded(run, "update", "the store could not be written")


@dataclass(frozen=True)
class GraphWriteTask:
    """Graph Store PUT (replace) or POST (add): RDF data into one graph (None: the default graph)."""

    data: bytes
    fmt: str
    graph: str | None
    replace: bool
    base_iri: str | None
    media_type: str

    def apply(self, store: GraphStore) -> QueryOutcome:
        """201 when the graph is new, else 204; 400 when the body does not parse (nothing changed)."""
        existed = self.graph is None or store.has_graph(self.graph)
        try:
            store.write_graph(self.data, self.fmt, self.graph, replace=self.replace, base_iri=self.base_iri)
        except SyntaxError as exc:
            return error(400, f"the body is not valid {self.media_type}: {exc}")
        return done(204 if existed else 201)


@dataclass(frozen=True)
class GraphDeleteTask:
    """Graph Store DELETE of one graph (None: empty the default graph)."""

    graph: str | None

    def apply(self, store: GraphStore) -> QueryOutcome:
        """204, or 404 when there is no such graph."""
        if self.graph is None:
            store.clear_default_graph()
        elif not store.has_graph(self.graph):
            return error(404, f"no graph <{self.graph}> in this store")
        else:
            store.remove_graph(self.graph)
        return done()


def _writer_main(conn: Connection, offline: bool, path: str) -> None:
    """The writer's loop: open the store, answer "ready", then for each (task, snapshot folder)
    apply the task, answer its outcome, checkpoint the store when it changed, answer whether
    that worked; until told to stop."""
    confine(offline)
    try:
        store = OxigraphStore(path)
    except StoreError as exc:
        conn.send(str(exc))
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            store.close()
            return
        if job is None:
            store.close()
            return
        task, target = job
        try:
            outcome = task.apply(store) if task is not None else done()
        except Exception:  # noqa: BLE001 - the writer answers every job it takes
            log.exception("writer error")
            outcome = error(500, "the write failed (the details are in the server log)")
        conn.send(outcome)
        if outcome.status < 400:
            try:
                store.snapshot(target)
                conn.send(True)
            except (OSError, StoreError) as exc:
                log.error("cannot snapshot the store: %s", exc)
                conn.send(False)


class Writer:
    """The web process's side of the writer: one write at a time, each under the timeout."""

    def __init__(self, pool: PoolExecutor, snapshots: Snapshots, store_path: Path, settings: Settings) -> None:
        self._pool = pool
        self._snapshots = snapshots
        self._path = str(store_path)
        self._settings = settings
        self._lock = threading.Lock()
        self._closed = False
        self._process = self._start()
        first = self._snapshots.next_target()
        if self._write(None, first, START_SECONDS).status >= 400:
            raise StoreError(f"{store_path}: cannot make a snapshot of the store for the query workers")

    def _start(self) -> _Worker:
        worker = _Worker(self._pool.context, offline=not self._settings.service_allow_list,
                         main=_writer_main, args=(self._path,), name="defgraph-writer")
        try:
            if not worker.conn.poll(START_SECONDS):
                raise StoreError(f"{self._path}: the writer process did not open the store")
            answer = worker.conn.recv()
        except (EOFError, OSError):
            answer = "the writer process died opening the store"
        if answer != "ready":
            worker.stop(kill=True)
            raise StoreError(str(answer))
        return worker

    def _restart(self) -> None:
        self._process.stop(kill=True)
        if not self._closed:
            self._process = self._start()

    def run(self, task: WriteTask) -> QueryOutcome:
        """Apply a write; then query workers read the store as it is after it."""
        start = time.monotonic()
        if not self._lock.acquire(timeout=min(self._settings.queue_wait, self._settings.timeout)):
            return error(503, "the server is busy with other writes; retry later", RETRY_AFTER)
        try:
            if self._closed:
                return error(503, "the server is shutting down")
            return self._write(task, self._snapshots.next_target(),
                               self._settings.timeout - (time.monotonic() - start))
        finally:
            self._lock.release()

    def _write(self, task: WriteTask | None, target: Path, seconds: float) -> QueryOutcome:
        cap = self._settings.worker_memory_mb * 2**20
        try:
            self._process.conn.send((task, str(target)))
            outcome = await_answer(self._process, seconds, cap)
        except Stopped as stop:
            self._restart()
            stopped = stopped_message(stop, self._settings, "update")
            return error(stopped.status, stopped.message + "; nothing of it was written")
        except (EOFError, OSError) as exc:
            log.error("writer process died (exit code %s): %s", self._process.process.exitcode, exc)
            self._restart()
            return error(500, "the write crashed the store's engine and was abandoned; nothing of it was "
                              "written (the store is as it was before)")
        if outcome.status >= 400:
            return outcome
        try:
            snapshot_ok = await_answer(self._process, SNAPSHOT_SECONDS, 0)
        except (Stopped, EOFError, OSError) as exc:
            log.error("writer process failed making a snapshot: %s", exc)
            self._restart()
            snapshot_ok = False
        if snapshot_ok:
            self._snapshots.add(target)
            self._pool.use(str(target))
        else:
            self._snapshots.discard(target)
            log.error("the query workers still read the store as it was before the last write")
        return outcome

    def close(self) -> None:
        self._closed = True
        with self._lock:
            self._process.stop(grace=SNAPSHOT_SECONDS)


class InlineWriter:
    """Writes in the web process, for an in-memory store (no process can share it)."""

    def __init__(self, store: GraphStore) -> None:
        self._store = store
        self._lock = threading.Lock()

    def run(self, task: WriteTask) -> QueryOutcome:
        with self._lock:
            return task.apply(self._store)

    def close(self) -> None:
        pass
