"""defgraph's web server: a SPARQL 1.1 endpoint, the Graph Store Protocol, resource and query pages.

`create_app(store, settings)` builds the Flask app; `serve(app, host, port)` runs it with waitress.

Adding a kind of page: write a module here with one `flask.Blueprint` (e.g. `graph.py` with
`bp = Blueprint("graph", __name__)` and its routes), put its templates in `templates/` (extend
`base.html`) and its assets in `static/`, then append `graph.bp` to the list in
`app.blueprints()`. Inside a view, `core.current_state()` gives the store, the settings and
`run(QueryTask(...))`, which runs a read query in a worker process under the server's timeout;
raise `core.HttpError(status, message)` to refuse a request with a plain-text message.
"""

from .settings import Settings

__all__ = ["create_app", "serve", "close_app", "Settings"]


def __getattr__(name: str) -> object:
    # the app (Flask, waitress) loads on first use, so that the command line can read the
    # settings table without it
    if name in ("create_app", "serve", "close_app"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
