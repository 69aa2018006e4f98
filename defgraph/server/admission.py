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
