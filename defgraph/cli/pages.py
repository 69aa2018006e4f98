"""Commands that show the graph: serve it, draw it (viz: graph, map, timeline)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import click

from ..formats import DEFAULTS, family
from ..store import StoreError
from ..viz.export import VIZ_FORMATS, viz_format
from .base import (_open, _out_file, _shown, _write_error, format_option, main, settings_from, settings_options,
                   store_option)


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8080, show_default=True, type=int, help="Port to listen on (0: any free port).")
@settings_options
def serve(store_dir: str, host: str, port: int, **values: object) -> None:
    """Serve the graph: SPARQL endpoint at /sparql, query page at /, entity pages at /id/...

    \b
    Example:
      defgraph serve --port 8080
      DEFGRAPH_UPDATE_TOKEN=secret defgraph serve --allow-update
    """
    from ..server import close_app, create_app
    from ..server import serve as run_server

    try:
        settings = settings_from(values)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    store = _open(store_dir, read_only=not settings.allow_update)
    try:
        app = create_app(store, settings)
    except StoreError as exc:
        store.close()
        raise click.ClickException(str(exc)) from None
    try:
        run_server(app, host, port, on_ready=lambda url: click.echo(
            f"defgraph is serving {_shown(store_dir)} at {url} (SPARQL endpoint: {url}sparql); "
            "Ctrl+C stops it", err=False))
    except OSError as exc:   # the port is taken, or the address is not this machine's
        close_app(app)
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    finally:
        store.close()


def _date_option(value: str | None, name: str):
    from datetime import date

    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name) from None


@main.command()
@store_option
@click.option("--out", "out", type=click.Path(dir_okay=False), required=True,
              help="File to write (its suffix picks the format when --format is not given: "
                   + ", ".join(f.suffix for f in VIZ_FORMATS.values()) + ").")
@format_option(family("view"), None,
               f"Write it as (default: from the --out suffix, else {DEFAULTS['view']}): "
               + "; ".join(f"{f.name} for {f.opens_in}" for f in family("view")) + ".")
@click.option("--query", "query_file", default=None,
              help="Draw only what a query names: a .rq file, a competency query name or SPARQL. "
                   "A SELECT: the entities its rows name (by IRI or label), an edge between each two "
                   "of a row labelled with their variables; a CONSTRUCT: its IRIs and its triples.")
@click.option("--focus", default=None, help="Draw the neighbourhood of one entity (label, alias or IRI).")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 10),
              help="Steps around --focus.")
@click.option("--type", "types", default=None,
              help="Only these classes, comma-separated (e.g. Person,Equipment or Ministry).")
@click.option("--since", default=None, help="Only facts from articles issued on or after this date (YYYY-MM-DD).")
@click.option("--until", default=None, help="Only facts from articles issued on or before this date (YYYY-MM-DD).")
@click.option("--events", type=click.Choice(["edges", "nodes"]), default="edges", show_default=True,
              help="Draw events as labelled edges between participants, or as small nodes joining them.")
@click.option("--size-by", type=click.Choice(["degree", "betweenness", "pagerank"]), default="degree",
              show_default=True, help="Node size by this centrality.")
@click.option("--title", default=None, help="Page title.")
@click.option("--map", "as_map", is_flag=True,
              help="Write a map instead (an HTML page that opens offline): every transfer as an arrow "
                   "between countries, or with --query a SELECT's ?supplier/?recipient rows as arrows "
                   "and its ?country column as a choropleth.")
@click.option("--timeline", is_flag=True,
              help="Write the deals, meetings and agreements on a zoomable time axis instead (an HTML page "
                   "that opens offline, filterable by country, system, category and status).")
def viz(store_dir: str, out: str, fmt: str | None, query_file: str | None, focus: str | None, depth: int,
        types: str | None, since: str | None, until: str | None, events: str, size_by: str,
        title: str | None, as_map: bool, timeline: bool) -> None:
    """Write the graph as one interactive HTML page that opens offline, or as a file for
    Gephi, Cytoscape or networkx (GEXF, GraphML, node-link JSON).

    \b
    Examples:
      defgraph viz --out graph.html
      defgraph viz --out graph.gexf --type Country,Equipment
      defgraph viz --out graph.xml --format graphml
      defgraph viz --out transfers.html --query transfers --events nodes
      defgraph viz --out umerov.html --focus Umerov --depth 2
      defgraph viz --out kit.html --type Country,Equipment --since 2023-01-01
      defgraph viz --map --out transfers-map.html
      defgraph viz --map --query persons --out nationalities.html
      defgraph viz --timeline --out timeline.html
    """
    if timeline:
        _timeline(store_dir, out)
        return
    from ..queries import load_query, run_query
    from ..viz import GraphRequest, selection_from_result, write_view

    if as_map:
        _write_map(store_dir, out, query_file, title)
        return

    req = GraphRequest(events=events, focus=focus, depth=depth, size_by=size_by, title=title,
                       types=[t for t in (types or "").split(",") if t.strip()],
                       since=_date_option(since, "--since"), until=_date_option(until, "--until"))
    with _writing_from(store_dir, out) as store:
        if query_file:
            req.selection = selection_from_result(run_query(store, load_query(query_file)))
        G = write_view(store, req, out, fmt)
    click.echo(f"wrote {out} ({viz_format(fmt, out).name}): {G.number_of_nodes()} nodes, "
               f"{G.number_of_edges()} edges", err=True)


@contextmanager
def _writing_from(store_dir: str, out: str) -> Iterator:
    """The store, open for reading while a view of it is written to `out`; a bad query, a view
    that cannot be drawn or a file that cannot be written is one line, and the store is closed."""
    from ..queries import QueryError
    from ..viz import VizError

    _out_file(out)
    store = _open(store_dir)
    try:
        yield store
    except (QueryError, VizError) as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise _write_error(out, exc) from None
    finally:
        store.close()


def _write_map(store_dir: str, out: str, query_file: str | None, title: str | None) -> None:
    """`viz --map`: the map page of the transfers, or of a query, written to `out`."""
    from ..queries import load_query
    from ..viz.geo import map_data
    from ..viz.map_page import write_map

    with _writing_from(store_dir, out) as store:
        query = load_query(query_file) if query_file else None
        data = map_data(store, query, title or (f"Map of the query '{query_file}'" if query_file else None))
        write_map(data, out)
    click.echo(f"wrote {out} (map): {len(data.flows)} arrows, {len(data.values)} countries shaded", err=True)



def _timeline(store_dir: str, out: str) -> None:
    """`defgraph viz --timeline`: the timeline page of the store's merged events."""
    from ..viz.timeline import write_timeline

    with _writing_from(store_dir, out) as store:
        n = write_timeline(store, out)
    click.echo(f"wrote {out} (timeline): {n} items", err=True)
