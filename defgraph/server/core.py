"""What every blueprint shares: the server state, HTTP errors, and the write-access check."""

from __future__ import annotations

import hmac
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from flask import Request, current_app, request

from ..store import OxigraphStore
from .admission import ClientBusy, ClientLimits
from .executor import QueryOutcome, Task
from .pool import RETRY_AFTER, InlineExecutor, PoolExecutor
from .settings import Settings
from .snapshots import Refresher, Snapshots
from .views import Warmer
from .writer import InlineWriter, WriteTask, Writer


class HttpError(Exception):
    """A request the server refuses: status, a message for the client, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class ServerState:
    """The store, the settings, the query pool and the writer of one app."""

    store: OxigraphStore
    settings: Settings
    executor: PoolExecutor | InlineExecutor
    base_iri: str
    writer: Writer | InlineWriter | None = None       # None: a read-only server
    snapshots: Snapshots | None = None                # None: an in-memory store
    refresher: Refresher | None = None                # a read-only server's watch for ingests
    clients: ClientLimits | None = None
    views: Path | None = None                         # where graph views are kept (None: not kept)
    warmer: Warmer | None = None                      # draws warm_steps on each new snapshot
    warm_steps: list[Task] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.clients is None:
            self.clients = ClientLimits(self.settings.client_limit)

    @contextmanager
    def _admitted(self) -> Iterator[str]:
        """The block counts against this client's limit (429 when it is reached); the client."""
        assert self.clients is not None
        client = request.remote_addr or "?"
        try:
            with self.clients.hold(client):
                yield client
        except ClientBusy:
            raise HttpError(429, f"too many requests from your address at once (the limit is "
                                 f"{self.clients.limit}): wait for one to finish",
                            {"Retry-After": str(RETRY_AFTER)}) from None

    def run(self, task: Task, before: Callable[[], None] | None = None) -> QueryOutcome:
        """Run a task in a query worker, under the timeout and admission control (`before`
        runs first, once the request is admitted)."""
        with self._admitted() as client:
            if before is not None:
                before()
            return self.executor.run(task, client)

    def views_for_workers(self) -> str:
        """The folder where workers keep graph views, while they read snapshots ("": none)."""
        if self.views is None or not self.executor.path or self.executor.path == str(self.store.path):
            return ""
        return str(self.views)

    def write(self, task: WriteTask) -> QueryOutcome:
        """Apply a change to the store in the writer; query workers then see it."""
        assert self.writer is not None
        with self._admitted():
            return self.writer.run(task)

    @contextmanager
    def reading(self) -> Iterator[OxigraphStore]:
        """The store as query workers see it now, kept as it is while the block runs."""
        if self.snapshots is None or self.executor.path == str(self.store.path):
            yield self.store
            return
        with self.snapshots.pinned(self.executor.path) as path:
            view = OxigraphStore(path, read_only=True)
            try:
                yield view
            finally:
                view.close()

    def close(self) -> None:
        """Stop the watch, the warm-up, the writer and the query workers; remove the snapshots."""
        if self.refresher is not None:
            self.refresher.stop()
        if self.warmer is not None:
            self.warmer.close()
        if self.writer is not None:
            self.writer.close()
        self.executor.close()
        if self.snapshots is not None:
            self.snapshots.close()
        if self.store.path is not None and not self.store.read_only:
            self.store.reacquire()


def current_state() -> ServerState:
    return current_app.extensions["defgraph"]


def authorize_write(req: Request) -> None:
    """Refuse (401/403) a write unless updates are on and the request carries the token."""
    settings = current_state().settings
    if not settings.allow_update:
        raise HttpError(403, "updates are disabled on this server "
                             "(start it with --allow-update and an update token)")
    header = req.headers.get("Authorization", "")
    if not header:
        raise HttpError(401, "updates need an 'Authorization: Bearer <token>' header",
                        {"WWW-Authenticate": 'Bearer realm="defgraph"'})
    scheme, _, token = header.partition(" ")
    assert settings.update_token is not None
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(),
                                                             settings.update_token.encode()):
        raise HttpError(403, "the update token is not valid",
                        {"WWW-Authenticate": 'Bearer realm="defgraph", error="invalid_token"'})
