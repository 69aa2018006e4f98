"""Settings of the SPARQL server: limits, admission control, update access, allowed SERVICE endpoints."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_TIMEOUT = 30.0
DEFAULT_ROW_CAP = 100_000
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024


def _cores() -> int:
    return os.cpu_count() or 2


def _default_workers() -> int:
    """More query processes than cores: a short query then runs beside long ones (the kernel
    shares the cores among them) instead of waiting for one to end."""
    return max(3, _cores() + 2)


@dataclass(frozen=True)
class Settings:
    """How the server behaves; every field has a safe default."""

    timeout: float = DEFAULT_TIMEOUT            # seconds a query or update may take, its wait included
    row_cap: int = DEFAULT_ROW_CAP              # most result rows (or triples) sent back
    max_request_bytes: int = DEFAULT_MAX_REQUEST_BYTES  # larger request bodies get 413
    allow_update: bool = False                  # SPARQL Update and GSP writes (need the token)
    update_token: str | None = None             # the Bearer token that authorises writes
    service_allow_list: tuple[str, ...] = ()    # SERVICE endpoints a query may call
    workers: int = field(default_factory=_default_workers)  # query processes
    base_iri: str | None = None                 # IRIs minted by defgraph (default: the store's)
    worker_memory_mb: int = 2048                # a query or update process holding more is stopped (0: no cap)
    queue: int = 64                             # requests that may wait for a free query process
    queue_wait: float = 10.0                    # seconds one may wait (it counts against its timeout)
    client_limit: int = 8                       # requests one client address may have in the server at once
    long_after: float = 2.0                     # a query running longer than this is a long one
    reserved: int = 1                           # workers kept for clients that used little lately
    long_queries: int = 0                       # long queries at once (0: cores - 1, below workers, at least 1)
    client_timeout: float = 30.0                # seconds a client may take to send a request, or stay idle
    max_connections: int = 1000                 # open connections (more wait to be accepted)
    refresh_seconds: float = 1.0                # a read-only server looks this often for a finished ingest

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise ValueError(f"timeout must be positive, not {self.timeout}")
        if self.row_cap < 1:
            raise ValueError(f"row cap must be at least 1, not {self.row_cap}")
        if self.max_request_bytes < 1024:
            raise ValueError(f"max request bytes must be at least 1024, not {self.max_request_bytes}")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")
        if self.allow_update and not self.update_token:
            raise ValueError("updates need a token: give --update-token or set DEFGRAPH_UPDATE_TOKEN")
        for name in ("worker_memory_mb", "queue", "long_queries", "reserved"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name.replace('_', ' ')} must not be negative, not {getattr(self, name)}")
        for name in ("queue_wait", "long_after", "client_timeout", "refresh_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name.replace('_', ' ')} must be positive, not {getattr(self, name)}")
        if self.client_limit < 1 or self.max_connections < 1:
            raise ValueError("the client limit and the connection limit must be at least 1")
        if not self.long_queries:
            object.__setattr__(self, "long_queries", max(1, min(self.workers - 1, _cores() - 1)))
