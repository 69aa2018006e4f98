"""What every blueprint shares: the server state, HTTP errors, and the write-access check."""

from __future__ import annotations

import hmac
import threading
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from flask import Request, current_app

from ..store import OxigraphStore
from .executor import InlineExecutor, PoolExecutor, QueryOutcome, Task
from .settings import Settings

T = TypeVar("T")


class HttpError(Exception):
    """A request the server refuses: status, a message for the client, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class ServerState:
    """The store, the settings and the query executor of one app."""

    store: OxigraphStore
    settings: Settings
    executor: PoolExecutor | InlineExecutor
    base_iri: str
    write_lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, task: Task) -> QueryOutcome:
        """Run a task in a query worker, under the timeout."""
        return self.executor.run(task)

    def write(self, change: Callable[[OxigraphStore], T]) -> T:
        """Apply a change to the read-write store, then let query workers see it."""
        with self.write_lock:
            try:
                return change(self.store)
            finally:
                self.executor.invalidate()


def current_state() -> ServerState:
    return current_app.extensions["defgraph"]


def authorize_write(request: Request) -> None:
    """Refuse (401/403) a write unless updates are on and the request carries the token."""
    settings = current_state().settings
    if not settings.allow_update:
        raise HttpError(403, "updates are disabled on this server "
                             "(start it with --allow-update and an update token)")
    header = request.headers.get("Authorization", "")
    if not header:
        raise HttpError(401, "updates need an 'Authorization: Bearer <token>' header",
                        {"WWW-Authenticate": 'Bearer realm="defgraph"'})
    scheme, _, token = header.partition(" ")
    assert settings.update_token is not None
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                             settings.update_token.encode()):
        raise HttpError(403, "the update token is not valid",
                        {"WWW-Authenticate": 'Bearer realm="defgraph", error="invalid_token"'})
