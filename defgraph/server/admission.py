"""Fairness at the door: a limit on what one client may have in the server at once, and
waitress hardened against slow clients (a deadline for each request to arrive, many
connections held without a thread each)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from contextlib import contextmanager
from typing import Any, Iterator

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, MultiSocketServer

from .settings import Settings


class ClientBusy(Exception):
    """A client already has as many requests in the server as it may."""


class ClientLimits:
    """How many requests each client address has in the server (queued or running)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._held: Counter[str] = Counter()
        self._lock = threading.Lock()

    @contextmanager
    def hold(self, client: str) -> Iterator[None]:
        """One more request of `client` for the block; ClientBusy when it is at its limit."""
        with self._lock:
            if self._held[client] >= self.limit:
                raise ClientBusy(client)
            self._held[client] += 1
        try:
            yield
        finally:
            with self._lock:
                self._held[client] -= 1
                if not self._held[client]:
                    del self._held[client]


class DeadlineChannel(HTTPChannel):
    """A waitress connection that notes when the request it is receiving began."""

    request_began = 0.0

    def received(self, data: bytes) -> bool:
        if data and self.request is None:
            self.request_began = time.time()
        return super().received(data)


def waitress_options(settings: Settings) -> dict[str, Any]:
    """waitress options from the settings: connection limit and idle timeout."""
    return {"connection_limit": settings.max_connections,
            "channel_timeout": max(1, int(settings.client_timeout)),
            "cleanup_interval": max(1, min(30, int(settings.client_timeout) // 2)),
            "backlog": 2048}


def harden(server: Any, settings: Settings) -> None:
    """Close connections whose request has not fully arrived `client_timeout` seconds after its
    first byte (a slow-loris client trickling a byte at a time), besides waitress's idle timeout."""
    servers = [s for s in server.map.values() if isinstance(s, BaseWSGIServer)] \
        if isinstance(server, MultiSocketServer) else [server]
    limit = settings.client_timeout
    for one in servers:
        one.channel_class = DeadlineChannel
        idle = one.maintenance

        def maintenance(now: float, one: Any = one, idle: Any = idle) -> None:
            idle(now)
            for channel in list(one.active_channels.values()):
                began = getattr(channel, "request_began", 0.0)
                if channel.request is not None and not channel.requests and began and now - began > limit:
                    channel.will_close = True

        one.maintenance = maintenance


class Usage:
    """Each client's recent use of the query processes, in process-seconds halving every HALF_LIFE seconds."""

    HALF_LIFE = 10.0
    FORGET_BELOW = 0.001

    def __init__(self) -> None:
        self._used: dict[str, tuple[float, float]] = {}     # client: (seconds, when)

    def of(self, client: str, now: float | None = None) -> float:
        value, at = self._used.get(client, (0.0, 0.0))
        now = time.monotonic() if now is None else now
        return value * 0.5 ** ((now - at) / self.HALF_LIFE)

    def add(self, client: str, seconds: float) -> None:
        now = time.monotonic()
        self._used[client] = (self.of(client, now) + seconds, now)
        if len(self._used) > 10_000:         # forget clients that have not been back for long
            self._used = {c: v for c, v in self._used.items() if self.of(c, now) > self.FORGET_BELOW}


class _Waiter:
    """A request waiting for a free process."""

    def __init__(self, client: str, seq: int) -> None:
        self.client = client
        self.seq = seq
        self.event = threading.Event()
        self.item: Any = None
        self.outcome = ""           # why it got no process: "", "pushed out" or "closed"


class FairQueue:
    """Free query processes, and the requests waiting for one. A process that comes free goes to
    the waiting request whose client has used the processes least lately (so a client of short
    queries or pages goes before one that keeps them busy); when `capacity` requests already wait,
    a newcomer lighter than the heaviest waiter takes its place, else it is refused. `reserve`
    processes are kept for light clients (less than LIGHT process-seconds lately): a page or a
    health check finds one free even while heavy clients keep every other one busy."""

    LIGHT = 1.0

    def __init__(self, capacity: int, reserve: int = 0) -> None:
        self.capacity = capacity
        self.reserve = reserve
        self.usage = Usage()
        self._free: list[Any] = []
        self._waiting: list[_Waiter] = []
        self._seq = 0
        self._closed = False
        self._lock = threading.Lock()

    def put(self, item: Any) -> None:
        """A process is free: to the lightest waiting request, else kept for the next one."""
        with self._lock:
            if self._waiting:
                now = time.monotonic()
                chosen = min(self._waiting, key=lambda w: (self.usage.of(w.client, now), w.seq))
                if len(self._free) >= self.reserve or self.usage.of(chosen.client, now) < self.LIGHT:
                    self._waiting.remove(chosen)
                    chosen.item = item
                    chosen.event.set()
                    return
            self._free.append(item)

    def get(self, client: str, wait: float) -> tuple[Any, str]:
        """(a free process, "") or (None, why not: "full", "waited", "pushed out" or "closed")."""
        with self._lock:
            if self._closed:
                return None, "closed"
            if self._free and (len(self._free) > self.reserve or self.usage.of(client) < self.LIGHT):
                return self._free.pop(), ""
            if len(self._waiting) >= self.capacity:
                now = time.monotonic()
                heaviest = max(self._waiting, key=lambda w: (self.usage.of(w.client, now), w.seq), default=None)
                if heaviest is None or self.usage.of(heaviest.client, now) <= self.usage.of(client, now):
                    return None, "full"
                self._waiting.remove(heaviest)
                heaviest.outcome = "pushed out"
                heaviest.event.set()
            self._seq += 1
            me = _Waiter(client, self._seq)
            self._waiting.append(me)
        me.event.wait(max(wait, 0.0))
        with self._lock:
            if me.item is not None:
                return me.item, ""
            if me in self._waiting:
                self._waiting.remove(me)
                return None, "waited"
            return None, me.outcome or "closed"

    def close(self) -> list[Any]:
        """Wake every waiting request (it gets no process); the free processes, for stopping."""
        with self._lock:
            self._closed = True
            for w in self._waiting:
                w.outcome = "closed"
                w.event.set()
            self._waiting = []
            free, self._free = self._free, []
        return free
