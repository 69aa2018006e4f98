"""The Flask app factory, its error handling, and the production (waitress) server."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Callable

from flask import Blueprint, Flask, Response
from flask_cors import CORS
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from ..remote import RemoteStore
from ..store import OxigraphStore, StoreError
from .admission import harden, waitress_options
from .core import HttpError, ServerState
from .pool import InlineExecutor, PoolExecutor
from .settings import Settings
from .snapshots import Refresher, Snapshots
from .writer import InlineWriter, Writer

log = logging.getLogger(__name__)

EXPOSED_HEADERS = ["X-Defgraph-Truncated", "X-Defgraph-Drawn-As-Of", "Server-Timing", "Content-Type",
                   "Content-Disposition"]


def blueprints() -> list[Blueprint]:
    """Every kind of page, one blueprint each. To add a kind of page, append its blueprint here."""
    from . import graph, graph_store, linked_data, map_page, protocol, query_page, resources, timeline

    return [
        protocol.bp,      # /sparql, /update
        graph_store.bp,   # /rdf-graph-store
        resources.bp,     # /id/<kind>/<slug>
        query_page.bp,    # /
        graph.bp,         # /graph
        map_page.bp,      # /map
        linked_data.bp,   # /ontology, /.well-known/void, /dump.nq.gz
        timeline.bp,      # /timeline
    ]


def create_app(store: OxigraphStore, settings: Settings | None = None) -> Flask:
    """A Flask app serving `store` over SPARQL, the Graph Store Protocol and HTML pages."""
    settings = settings or Settings()
    if settings.allow_update and store.read_only:
        raise ValueError("updates need the store opened read-write")
    base_iri = settings.base_iri or store.base_iri
    base_iri = base_iri if base_iri.endswith(("/", "#")) else base_iri + "/"
    state = _state(store, settings, base_iri)
    app = Flask("defgraph.server", static_folder="static", template_folder="templates")
    app.config["MAX_CONTENT_LENGTH"] = settings.max_request_bytes
    app.config["PROPAGATE_EXCEPTIONS"] = False
    app.extensions["defgraph"] = state
    CORS(app, origins="*", expose_headers=EXPOSED_HEADERS,
         allow_headers=["Content-Type", "Accept", "Authorization"],
         methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"])
    for bp in blueprints():
        app.register_blueprint(bp)
    _register_error_handlers(app, settings)
    app.after_request(_nosniff)
    return app


def _state(store: OxigraphStore, settings: Settings, base_iri: str) -> ServerState:
    """The query pool and the writer for a store: in this process for an in-memory store;
    else worker processes reading snapshots, and for a read-write store a writer process
    that holds the store (this process lets go of it until the app is closed)."""
    if isinstance(store, RemoteStore):
        # workers send the queries to the remote store, which is live: no snapshots; writes go
        # from this process, one request each (the remote server's transaction)
        pool = PoolExecutor(store.where, settings, network=True)
        return ServerState(store, settings, pool, base_iri, writer=None if store.read_only else InlineWriter(store))
    if store.path is None:
        return ServerState(store, settings, InlineExecutor(store, settings.service_allow_list), base_iri,
                           writer=InlineWriter(store))
    snapshots = Snapshots(store.path)
    if store.read_only:
        # workers read a checkpoint even of a read-only store, so that a `defgraph ingest` into
        # the served folder cannot pull files from under them; it is served once it ends
        first = snapshots.next_target()
        try:
            store.snapshot(first)
            snapshots.add(first)
            path = str(first)
        except (OSError, RuntimeError, StoreError) as exc:
            log.warning("serving %s directly (no snapshot beside it: %s)", store.path, exc)
            snapshots.discard(first)
            path = str(store.path)
        pool = PoolExecutor(path, settings)
        state = ServerState(store, settings, pool, base_iri, snapshots=snapshots)
        _warm_up(state, snapshots)
        if path != str(store.path):
            pool.use(path)                # tells the warm-up
        state.refresher = Refresher(store.path, snapshots, pool.use, settings.refresh_seconds)
        state.refresher.start()
        return state
    store.release()
    pool = PoolExecutor("", settings)
    state = ServerState(store, settings, pool, base_iri, snapshots=snapshots)
    _warm_up(state, snapshots)
    try:
        state.writer = Writer(pool, snapshots, store.path, settings)
    except StoreError:
        state.close()                     # the store is this process's again
        raise
    return state


def _warm_up(state: ServerState, snapshots: Snapshots) -> None:
    """Keep graph views beside the store, and draw the whole graph ahead on each snapshot the
    workers are pointed at."""
    from .graph import warm_steps
    from .views import Warmer, views_folder

    assert isinstance(state.executor, PoolExecutor) and state.store.path is not None
    state.views = views_folder(state.store.path)
    state.warm_steps = warm_steps(state.base_iri, state.settings.row_cap, str(state.views))
    state.warmer = Warmer(state.executor, state.warm_steps, state.settings.worker_memory_mb * 2**20,
                          above_bytes=int(state.settings.warm_above_mb * 2**20), pin=snapshots.pinned)
    state.executor.listeners.append(state.warmer.warm)


def _nosniff(resp: Response) -> Response:
    """Every response: browsers take the Content-Type as given (no sniffing a result into HTML)."""
    resp.headers["X-Content-Type-Options"] = "nosniff"
    return resp


def _text(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return Response(message.rstrip("\n") + "\n", status=status,
                    content_type="text/plain; charset=utf-8", headers=headers or {})


def _register_error_handlers(app: Flask, settings: Settings) -> None:
    @app.errorhandler(HttpError)
    def http_error(exc: HttpError) -> Response:
        return _text(exc.status, exc.message, exc.headers)

    @app.errorhandler(RequestEntityTooLarge)
    def too_large(exc: RequestEntityTooLarge) -> Response:
        return _text(413, f"request too large: the limit is {settings.max_request_bytes} bytes")

    @app.errorhandler(HTTPException)
    def http_exception(exc: HTTPException) -> Response:
        resp = exc.get_response()
        headers = {k: v for k, v in resp.headers.items() if k.lower() in ("allow", "location")}
        return _text(exc.code or 500, f"{exc.code} {exc.name}: {exc.description}", headers)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception) -> Response:
        # the trace goes to the server log, never to the client
        log.exception("unhandled error")
        return _text(500, "internal server error (the details are in the server log)")


def close_app(app: Flask) -> None:
    """Stop the app's query workers and writer; the store is the caller's again."""
    app.extensions["defgraph"].close()


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def make_server(app: Flask, **where: object) -> object:
    """A waitress server for the app (`host`/`port` or `sockets`), with the settings' connection
    limits and timeouts against slow clients; enough threads that requests waiting for a query
    process never hold up pages that need none."""
    from waitress import create_server

    settings: Settings = app.extensions["defgraph"].settings
    threads = min(settings.workers + settings.queue + 8, 128)
    server = create_server(app, threads=threads, max_request_body_size=settings.max_request_bytes + 65536,
                           ident="defgraph", **waitress_options(settings), **where)
    harden(server, settings)
    return server


def serve(app: Flask, host: str = "127.0.0.1", port: int = 8080, *,
          on_ready: Callable[[str], None] | None = None) -> None:
    """Serve the app with waitress until interrupted (Ctrl+C or SIGTERM); `on_ready` gets the
    base URL. The app's workers and snapshots are gone when it returns or raises (OSError when
    the address cannot be listened on)."""
    server = None
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _interrupt) if main else None  # SIGTERM stops it as Ctrl+C does
    try:
        server = make_server(app, host=host, port=port)
        url = f"http://{host}:{server.effective_port}/"
        if on_ready:
            on_ready(url)
        server.run()                   # returns on KeyboardInterrupt
    except KeyboardInterrupt:
        pass
    finally:
        if main:
            signal.signal(signal.SIGTERM, previous)
        close_app(app)     # running queries end (their clients get an answer); workers, snapshots go
        if server is not None:
            server.task_dispatcher.shutdown(timeout=5)
            server.close()
