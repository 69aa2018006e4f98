"""A function over items on a Dask distributed cluster, results streamed back in input order.

The cluster is Dask's (`dask scheduler`, `dask worker`, or any deployment of `dask.distributed`):
defgraph starts no process of its own there. The workers need defgraph installed (the function
is sent by reference, `defgraph.ingest.extract_article`); a worker that dies has its tasks run
again elsewhere by the scheduler, and an item whose task kills `allowed-failures` workers
(Dask's setting, 3 by default) gives `crashed(item)`.
"""

from __future__ import annotations

from collections import deque
from concurrent.futures import CancelledError
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# how long to wait for the scheduler to answer, and for it to have a worker
CONNECT_TIMEOUT_S = 20
WORKERS_TIMEOUT_S = 120


class ClusterError(RuntimeError):
    """The Dask cluster cannot be used; the message names the scheduler and the reason."""


@dataclass(frozen=True)
class Cluster:
    """A connected Dask client and what the writer reports of it."""

    client: Any          # distributed.Client (dask is an optional extra, imported on connection)
    address: str
    threads: int         # worker threads on the cluster when the run started

    def close(self) -> None:
        """Disconnect from the scheduler (the cluster itself keeps running)."""
        self.client.close()


def connect(address: str, *, timeout: float = CONNECT_TIMEOUT_S,
            workers_timeout: float = WORKERS_TIMEOUT_S) -> Cluster:
    """Connect to the Dask scheduler at `address` and wait for a worker; ClusterError otherwise."""
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--scheduler needs dask.distributed: pip install 'defgraph[dask]'") from None
    _probe(address, timeout)
    client = Client(address, timeout=timeout, set_as_default=False)
    try:
        client.wait_for_workers(1, timeout=workers_timeout)
    except (OSError, TimeoutError) as exc:
        client.close()
        raise ClusterError(f"the Dask scheduler at {address} has no worker after "
                           f"{workers_timeout:g} s ({type(exc).__name__})") from None
    return Cluster(client, address, sum(client.nthreads().values()))


def _probe(address: str, timeout: float) -> None:
    """Open and close one connection to the scheduler, ClusterError if none opens.

    A `Client` that fails to connect is left to its finaliser, which then blocks the
    interpreter's exit and prints a traceback; a bare connection first avoids that.
    """
    import asyncio

    from distributed.comm import connect as open_comm

    async def probe() -> None:
        comm = await open_comm(address, timeout=timeout)
        await comm.close()

    try:
        asyncio.run(probe())
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address} ({exc})") from None


def map_on_cluster(fn: Callable[..., R], items: Iterable[T], cluster: Cluster, *, args: tuple = (),
                   crashed: Callable[[T], R], window: int | None = None,
                   passed: Callable[[T], bool] = lambda item: False) -> Iterator[R | T]:
    """`fn(item, *args)` for each item as a task on the cluster, yielded in input order.

    Items that `passed(item)` are yielded as they are, in their place, without a task. At most
    `window` tasks are in flight (default 4 per worker thread), so memory stays flat on both
    sides; a result is released on the cluster as soon as it is yielded.
    """
    from distributed import KilledWorker

    window = window or 4 * max(cluster.threads, 1)
    source = iter(items)
    pending: deque[tuple[T, Any]] = deque()
    try:
        while True:
            for item in source:
                pending.append((item, None if passed(item) else
                                cluster.client.submit(fn, item, *args, pure=False)))
                if len(pending) >= window:
                    break
            if not pending:
                return
            item, future = pending.popleft()
            if future is None:
                yield item
                continue
            try:
                result = future.result()
            except KilledWorker:
                result = crashed(item)
            except (CancelledError, OSError) as exc:   # the scheduler went away
                raise ClusterError(f"lost the Dask scheduler at {cluster.address} "
                                   f"({type(exc).__name__}: {exc})") from None
            finally:
                future.release()
            yield result
    finally:
        for _, future in pending:
            if future is not None:
                future.cancel()
