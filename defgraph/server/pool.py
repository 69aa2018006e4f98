"""Query worker processes: a pool that runs read tasks where they can be abandoned, with admission control.

pyoxigraph cannot interrupt a query from Python, so each query runs in a worker process
(a worker whose query outlives the timeout, or its memory cap, is killed and replaced) while
the web process keeps serving. Workers read an immutable snapshot of the store; after a
write (or an ingest into a served folder) the pool is pointed at a newer one and workers
reopen it before their next task.

Admission: a request waits at most `queue_wait` seconds for a free worker (and only if fewer
than `queue` others wait), and that wait counts against its timeout; at most `long_queries`
tasks may run past `long_after` seconds at once, so some worker is always left for short
queries and pages. A refused request gets a 503 with Retry-After.
"""

from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.context
import os
import signal
import threading
import time
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any, Callable

from ..remote import Endpoints, RemoteStore
from ..store import OxigraphStore, StoreError
from .admission import FairQueue
from .executor import QueryOutcome, Task, error
from .sandbox import deny_network, die_with_parent
from .settings import Settings

log = logging.getLogger(__name__)

TICK = 0.05          # seconds between two looks at a busy worker (memory, long-running)
RETRY_AFTER = 2      # seconds a refused client is told to wait
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096

_worker_store: tuple[int, str | Endpoints, OxigraphStore] | None = None   # generation, source, open store


def _reader(source: str | Endpoints) -> OxigraphStore:
    """The store a worker reads: a snapshot folder, or a remote store's endpoints."""
    if isinstance(source, Endpoints):
        return RemoteStore(source, read_only=True, check=False)
    return OxigraphStore(source, read_only=True)


def _worker_run(task: Task, generation: int, path: str | Endpoints) -> QueryOutcome:
    """Run a task in a worker, first (re)opening the snapshot the task names if it changed."""
    global _worker_store
    if _worker_store is None or _worker_store[0] != generation or _worker_store[1] != path:
        if _worker_store is not None:
            _worker_store[2].close()
        _worker_store = None
        try:
            _worker_store = (generation, path, _reader(path))
        except (StoreError, OSError) as exc:
            log.warning("cannot open the store snapshot: %s", exc)
            return error(503, "the store changed while the query waited; please retry", RETRY_AFTER)
    return task.run(_worker_store[2])


def _worker_main(conn: Connection, offline: bool) -> None:
    """A worker's loop: receive (task, generation, path), send back the outcome, until told to stop.

    An `offline` worker cannot open network sockets at all (no SERVICE endpoint is allowed)."""
    confine(offline)
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


def confine(offline: bool) -> None:
    """What every worker process does first: leave Ctrl+C to the web process, die with it,
    and with `offline`, give up network sockets."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    if offline:
        deny_network()


class _Worker:
    """One worker process and the web process's end of its pipe."""

    def __init__(self, context: multiprocessing.context.BaseContext, offline: bool,
                 main: Callable[..., None] = _worker_main, args: tuple[Any, ...] = (),
                 name: str = "defgraph-query") -> None:
        self.conn, child = context.Pipe()
        self.process = context.Process(target=main, args=(child, offline, *args), daemon=True, name=name)
        self.process.start()
        child.close()
        self._stopping = threading.Lock()

    def stop(self, kill: bool = False, grace: float = 1.0) -> None:
        """Ask the worker to exit (kill it if it is busy past `grace` seconds, or if `kill`), and reap it.

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
            self.process.join(timeout=grace)
            if self.process.is_alive():
                self.process.kill()
                self.process.join()
            self.conn.close()

    def rss(self) -> int:
        """Bytes of memory the process holds now (0 where this cannot be read)."""
        try:
            with open(f"/proc/{self.process.pid}/statm", "rb") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, ValueError, IndexError):
            return 0


class Stopped(Exception):
    """A task was stopped before it answered: why ('timeout', 'memory', 'long'), after how long."""

    def __init__(self, reason: str, seconds: float) -> None:
        super().__init__(reason)
        self.reason = reason
        self.seconds = seconds


def await_answer(worker: _Worker, seconds: float, memory_cap: int,
                 long_after: float | None = None, may_run_long: Callable[[], bool] | None = None) -> Any:
    """The worker's answer, waited for at most `seconds`; Stopped when the time is up, the worker
    holds more than `memory_cap` bytes, or it runs past `long_after` and `may_run_long()` says no.
    EOFError/OSError when the worker died."""
    start = time.monotonic()
    deadline = start + seconds
    while True:
        now = time.monotonic()
        if now >= deadline:
            raise Stopped("timeout", now - start)
        if worker.conn.poll(min(TICK, deadline - now)):
            return worker.conn.recv()
        if memory_cap and worker.rss() > memory_cap:
            raise Stopped("memory", time.monotonic() - start)
        if may_run_long is not None and long_after is not None and time.monotonic() - start > long_after:
            if not may_run_long():
                raise Stopped("long", time.monotonic() - start)
            may_run_long = None


def stopped_message(stop: Stopped, settings: Settings, what: str = "query") -> QueryOutcome:
    """The 503 a client gets for a task the server stopped."""
    if stop.reason == "memory":
        return error(503, f"the {what} needed more than {settings.worker_memory_mb} MB of memory and was "
                          "stopped (the limit is the server's --worker-memory)", RETRY_AFTER)
    if stop.reason == "long":
        return error(503, f"the server is already running {settings.long_queries} long queries; this one ran "
                          f"{stop.seconds:.1f} s and was stopped: retry later", RETRY_AFTER)
    return error(503, f"{what} timeout: the {what} (and its wait for a free process) took longer than "
                      f"{settings.timeout:g} s and was stopped (the limit is the server's --timeout)", RETRY_AFTER)


class PoolExecutor:
    """Runs tasks in worker processes, under the timeout, the memory cap and admission control.

    Each worker is a long-lived process with a pipe of its own; a request takes a free worker,
    sends it the task and waits on the pipe.
    """

    def __init__(self, path: str | Endpoints, settings: Settings, *, network: bool = False) -> None:
        """Workers read the snapshot folder `path`, or a remote store's endpoints (which needs
        `network`: its workers keep network sockets)."""
        self.settings = settings
        self.network = network
        self.allowed_services = tuple(settings.service_allow_list)
        self._context = multiprocessing.get_context("forkserver")
        # every worker, replacements included, starts with what its tasks import (graph: the viz)
        self._context.set_forkserver_preload(["defgraph.server.executor", "defgraph.server.graph"])
        self.timeout = settings.timeout
        self.generation = 0
        self.path = path
        self.listeners: list[Callable[[str], None]] = []   # told of each new snapshot (use)
        self._lock = threading.Lock()
        self._closed = False
        self._long = 0
        self._benched: dict[str, float] = {}   # client: until when its requests are refused
        self._all: set[_Worker] = set()
        self._free = FairQueue(settings.queue, min(settings.reserved, settings.workers - 1))
        for _ in range(settings.workers):
            self._free.put(self._spawn())

    @property
    def context(self) -> multiprocessing.context.BaseContext:
        return self._context

    def _spawn(self) -> _Worker:
        worker = _Worker(self._context, offline=not (self.allowed_services or self.network))
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker and put a fresh one in its place (started in the background: the
        request that had it is answered at once)."""
        with self._lock:
            self._all.discard(worker)
        worker.process.kill()
        threading.Thread(target=self._respawn, args=(worker,), daemon=True, name="defgraph-respawn").start()

    def _respawn(self, dead: _Worker) -> None:
        dead.stop(kill=True)
        if self._closed:
            return
        try:
            worker = self._spawn()
        except Exception:  # noqa: BLE001 - retried at the next replacement; the log says why
            log.exception("cannot start a query worker")
            return
        if self._closed:
            self._retire(worker)
        else:
            self._free.put(worker)

    def _retire(self, worker: _Worker) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop()

    def use(self, path: str) -> None:
        """Make workers read this snapshot from their next task on (and tell the listeners)."""
        with self._lock:
            self.path = path
            self.generation += 1
        for listener in self.listeners:
            listener(path)

    def _take(self, client: str, wait: float) -> _Worker | QueryOutcome:
        """A free worker, or the 503 of a request that may not wait (or waited too long)."""
        worker, why = self._free.get(client, wait)
        if worker is not None:
            return worker
        if why == "closed":
            return error(503, "the server is shutting down")
        if why == "waited":
            return error(503, f"the server is busy: no query process became free within {wait:.1f} s; "
                              "retry later", RETRY_AFTER)
        return error(503, f"the server is busy: {self.settings.queue} requests wait for a query process, from "
                          "clients that used it no more than you lately; retry later", RETRY_AFTER)

    def _bench(self, client: str) -> None:
        """A client whose query was stopped early (long, memory, crash) is refused for RETRY_AFTER
        seconds, whether or not it honours the Retry-After it was sent: one retrying such a query
        at once would otherwise keep workers dying and starting."""
        if not client:
            return
        now = time.monotonic()
        with self._lock:
            self._benched[client] = now + RETRY_AFTER
            if len(self._benched) > 10_000:
                self._benched = {c: t for c, t in self._benched.items() if t > now}

    def _claim_long(self) -> bool:
        with self._lock:
            if self._long >= self.settings.long_queries:
                return False
            self._long += 1
            return True

    def run(self, task: Task, client: str = "") -> QueryOutcome:
        """Run a task on a free worker for a client (its address); an outcome always (refusals
        and failures included). Its worker time counts against the client's turn in the queue."""
        if self._closed:
            return error(503, "the server is shutting down")
        start = time.monotonic()
        if self._benched.get(client, 0.0) > start:
            wait = self._benched[client] - start
            return error(503, f"your last query was stopped; wait {wait:.1f} s (as its Retry-After said) "
                              "before sending another", max(1, round(wait)))
        worker = self._take(client, min(self.settings.queue_wait, self.timeout))
        if isinstance(worker, QueryOutcome):
            return worker
        job = (replace(task, allowed_services=self.allowed_services), self.generation, self.path)
        try:
            worker.conn.send(job)
        except OSError:                # the worker died while idle: the job never started
            self._replace(worker)
            worker = self._take(client, max(0.0, self.timeout - (time.monotonic() - start)))
            if isinstance(worker, QueryOutcome):
                return worker
            try:
                worker.conn.send(job)
            except OSError as exc:
                log.error("query worker died: %s", exc)
                self._replace(worker)
                return error(500, "the query process died; the query was abandoned")
        long = []

        def may_run_long() -> bool:
            if self._claim_long():
                long.append(True)
                return True
            return False

        began = time.monotonic()
        charge = 0.0    # process-seconds this client is charged beyond its run: a stopped worker's restart
        try:
            outcome = await_answer(worker, self.timeout - (began - start),
                                   self.settings.worker_memory_mb * 2**20, self.settings.long_after, may_run_long)
        except Stopped as stop:
            self._replace(worker)
            charge = self.settings.long_after
            if stop.reason != "timeout":   # stopped early: a client retrying at once would churn workers
                self._bench(client)
            return stopped_message(stop, self.settings)
        except (EOFError, OSError) as exc:
            self._replace(worker)
            charge = self.settings.long_after
            self._bench(client)
            if self._closed:           # close() stopped the worker under this request
                return error(503, "the server is shutting down")
            log.error("query worker died (exit code %s): %s", worker.process.exitcode, exc)
            return error(500, "the query process died (it crashed or ran out of memory); "
                              "the query was abandoned")
        except BaseException:
            self._replace(worker)      # its answer may still be in the pipe: never reuse it
            raise
        finally:
            self._free.usage.add(client, time.monotonic() - began + charge)
            if long:
                with self._lock:
                    self._long -= 1
        self._free.put(worker)
        return outcome

    def close(self) -> None:
        self._closed = True
        self._free.close()             # wakes the requests waiting for a worker
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


class InlineExecutor:
    """Runs queries in the web process (for an in-memory store); no timeout is enforced."""

    def __init__(self, store: OxigraphStore, allowed_services: tuple[str, ...] = ()) -> None:
        self._store = store
        self.allowed_services = tuple(allowed_services)

    def run(self, task: Task, client: str = "") -> QueryOutcome:
        return replace(task, allowed_services=self.allowed_services).run(self._store)

    def use(self, path: str) -> None:
        pass

    def close(self) -> None:
        pass
