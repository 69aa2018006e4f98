"""A function over items in worker processes, results in input order, surviving dead workers."""

from __future__ import annotations

import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items dying one after another, each alone in a fresh worker, mean the workers cannot run at all.
MAX_CONSECUTIVE_CRASHES = 3


class WorkersDied(RuntimeError):
    """Worker processes die whatever they are given; the message says so."""


def map_in_order(fn: Callable[..., R], items: Iterable[T], *, args: tuple = (), jobs: int,
                 crashed: Callable[[T], R], window: int | None = None,
                 passed: Callable[[T], bool] = lambda item: False) -> Iterator[R | T]:
    """`fn(item, *args)` for each item in `jobs` spawned processes, yielded in input order.

    Items that `passed(item)` are yielded as they are, in their place, without a worker.
    At most `window` items are in flight (default 4 per job), so memory stays flat. When a
    worker dies (killed, out of memory), the items then in flight are run again one at a time
    in fresh workers, which tells the item that kills its worker (it gives `crashed(item)`) from
    the ones that were only caught up in it; then the work goes on in parallel.
    """
    window = window or 4 * jobs
    context = multiprocessing.get_context("spawn")   # fork would copy the parent's store handle

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=context)

    source = iter(items)
    pending: deque[tuple[T, Future | None]] = deque()
    pool = new_pool()
    try:
        while True:
            for item in source:
                pending.append((item, None if passed(item) else _submit(pool, fn, item, args)))
                if len(pending) >= window:
                    break
            if not pending:
                return
            item, future = pending[0]
            try:
                result = item if future is None else future.result()
            except BrokenProcessPool:
                stranded = [i for i, _ in pending]   # the passed ones among them pass again
                pending.clear()
                pool.shutdown(wait=True)
                pool = yield from _one_at_a_time(fn, stranded, args, new_pool, crashed, passed)
                continue
            pending.popleft()
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, fn: Callable[..., R], item: T, args: tuple) -> Future:
    """`pool.submit(fn, item, *args)`; a pool already broken gives a future failed with that."""
    try:
        return pool.submit(fn, item, *args)
    except BrokenProcessPool as broken:   # a worker died since the last look: the item is rerun with the others
        future: Future = Future()
        future.set_exception(broken)
        return future


def _one_at_a_time(fn: Callable[..., R], items: list[T], args: tuple,
                   new_pool: Callable[[], ProcessPoolExecutor],
                   crashed: Callable[[T], R], passed: Callable[[T], bool]) -> Iterator[R | T]:
    """Run items singly, each in a fresh pool after a crash; returns the pool to go on with."""
    pool = new_pool()
    streak = 0
    try:
        for item in items:
            if passed(item):
                yield item
                continue
            try:
                result = pool.submit(fn, item, *args).result()
                streak = 0
            except BrokenProcessPool:
                pool.shutdown(wait=True)
                pool = new_pool()
                streak += 1
                if streak >= MAX_CONSECUTIVE_CRASHES:
                    raise WorkersDied(f"{streak} worker processes in a row died, each on one article; "
                                      "stopping (articles before them are stored)") from None
                result = crashed(item)
            yield result
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    return pool
