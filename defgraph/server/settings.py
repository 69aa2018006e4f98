"""Settings of the SPARQL server: limits, admission control, update access, allowed SERVICE endpoints."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from typing import Any

DEFAULT_TIMEOUT = 30.0
DEFAULT_ROW_CAP = 100_000
DEFAULT_MAX_REQUEST_BYTES = 10 * 1024 * 1024


def _cores() -> int:
    return os.cpu_count() or 2


def _default_workers() -> int:
    """More query processes than cores: a short query then runs beside long ones (the kernel
    shares the cores among them) instead of waiting for one to end."""
    return max(3, _cores() + 2)


def setting(default: object = None, help: str = "", *, option: str | None = None, factory=None,
            envvar: str | None = None, default_text: str | None = None, metavar: str | None = None) -> Any:
    """One row of the settings table: its default, what it does, and the `defgraph serve` option
    that sets it (None: settable from Python only)."""
    meta = {"help": help, "option": option, "envvar": envvar, "default_text": default_text,
            "metavar": metavar}
    if factory is not None:
        return field(default_factory=factory, metadata=meta)
    return field(default=default, metadata=meta)


@dataclass(frozen=True)
class Settings:
    """How the server behaves; every field has a safe default. The one table of the server's
    settings: `defgraph serve` derives its options (name, type, default, help) from it."""

    timeout: float = setting(DEFAULT_TIMEOUT, "Seconds a query or update may take, its wait for a free "
                             "process included; then it is stopped with a 503.", option="--timeout")
    row_cap: int = setting(DEFAULT_ROW_CAP, "Most result rows (or triples) sent back; a response header "
                           "says when the cap was hit.", option="--row-cap")
    max_request_bytes: int = setting(DEFAULT_MAX_REQUEST_BYTES, "Larger request bodies are refused (413).",
                                     option="--max-request-bytes")
    allow_update: bool = setting(False, "Enable SPARQL Update and Graph Store writes (need the token).",
                                 option="--allow-update")
    update_token: str | None = setting(None, "Bearer token that authorises updates (or "
                                       "$DEFGRAPH_UPDATE_TOKEN).", option="--update-token",
                                       envvar="DEFGRAPH_UPDATE_TOKEN")
    service_allow_list: tuple[str, ...] = setting((), "An endpoint that SERVICE clauses may call "
                                                  "(repeatable; none by default).", option="--allow-service",
                                                  metavar="URL")
    workers: int = setting(help="Query worker processes.", factory=_default_workers, option="--workers",
                           default_text="cores + 2, at least 3")
    base_iri: str | None = setting(None, "IRIs minted by defgraph (default: the store's).")
    worker_memory_mb: int = setting(2048, "MB a query or update process may hold; more stops it with a "
                                    "503 (0: no cap).", option="--worker-memory")
    queue: int = setting(64, "Requests that may wait for a free query process (the client that used the "
                         "processes least lately goes first); more get a 503 with Retry-After.", option="--queue")
    queue_wait: float = setting(10.0, "Seconds a request may wait for a query process (counted in its "
                                "--timeout).", option="--queue-wait")
    client_limit: int = setting(8, "Requests one client address may have in the server at once; more get "
                                "a 429.", option="--client-limit")
    long_after: float = setting(2.0, "A query running longer than this many seconds is a long one.")
    reserved: int = setting(1, "Workers kept free for clients that have used little lately (pages, health "
                            "checks).", option="--reserved")
    long_queries: int = setting(0, "Queries that may run past two seconds at once (0: cores - 1, fewer than "
                                "the workers, at least 1): the other workers stay free for short queries and "
                                "pages.", option="--long-queries", default_text="cores - 1")
    client_timeout: float = setting(30.0, "Seconds a client may take to send a request, or keep an idle "
                                    "connection open.", option="--client-timeout")
    max_connections: int = setting(1000, "Open connections (more wait to be accepted).")
    refresh_seconds: float = setting(1.0, "A read-only server looks this often for a finished ingest.")
    warm_above_mb: float = setting(16.0, "The graph page is drawn ahead, in a process of its own, whenever a "
                                   "new state of a store whose files take more than this many MB is served "
                                   "(0: any store).", option="--warm-above-mb")

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
        for name in ("worker_memory_mb", "queue", "long_queries", "reserved", "warm_above_mb"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name.replace('_', ' ')} must not be negative, not {getattr(self, name)}")
        for name in ("queue_wait", "long_after", "client_timeout", "refresh_seconds"):
            if getattr(self, name) <= 0:
                raise ValueError(f"{name.replace('_', ' ')} must be positive, not {getattr(self, name)}")
        if self.client_limit < 1 or self.max_connections < 1:
            raise ValueError("the client limit and the connection limit must be at least 1")
        if not self.long_queries:
            object.__setattr__(self, "long_queries", max(1, min(self.workers - 1, _cores() - 1)))


def options() -> list[tuple[str, Any]]:
    """(option, field) of every setting `defgraph serve` takes, in the table's order."""
    return [(f.metadata["option"], f) for f in fields(Settings) if f.metadata.get("option")]
