"""The `defgraph` command line: a thin layer over the library."""

from __future__ import annotations

import dataclasses
import errno
import sys
import typing
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .formats import DEFAULTS, Format, FormatError, family, lookup
from .queries import QUERY_FORMATS
from .server import settings as server_settings
from .store import DEFAULT_STORE_DIR, StoreError
from .viz.export import VIZ_FORMATS, viz_format

STORE_HELP = (f"Store folder (default: $DEFGRAPH_STORE, else ./{DEFAULT_STORE_DIR}), or the query endpoint of "
              "a SPARQL 1.1 store, http://HOST:PORT/PATH (credentials in $DEFGRAPH_STORE_USER and "
              "$DEFGRAPH_STORE_PASSWORD).")
REMOTE_KEY = "defgraph_remote"


def _remember(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    ctx.meta.setdefault(REMOTE_KEY, {})[param.name] = value
    return value


def store_option(f):
    """--store, and for a remote store its --update-url, --gsp-url and --store-kind."""
    from .remote import ENV_GSP_URL, ENV_KIND, ENV_UPDATE_URL, KINDS

    f = click.option("--store-kind", "kind", envvar=ENV_KIND, default=None, type=click.Choice(list(KINDS)),
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: the server's product, for its usual update and Graph Store "
                          f"endpoints beside the query endpoint (or ${ENV_KIND}).")(f)
    f = click.option("--gsp-url", "gsp_url", envvar=ENV_GSP_URL, default=None, metavar="URL",
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: its Graph Store Protocol endpoint (or ${ENV_GSP_URL}).")(f)
    f = click.option("--update-url", "update_url", envvar=ENV_UPDATE_URL, default=None, metavar="URL",
                     expose_value=False, callback=_remember,
                     help=f"With a remote --store: its SPARQL Update endpoint (or ${ENV_UPDATE_URL}).")(f)
    return click.option("--store", "store_dir", envvar="DEFGRAPH_STORE", default=DEFAULT_STORE_DIR,
                        show_default=True, help=STORE_HELP, type=click.Path(file_okay=False))(f)


def _open(store_dir: str, read_only: bool = True, base_iri: str | None = None):
    from .remote import open_any

    remote = click.get_current_context().meta.get(REMOTE_KEY, {})
    try:
        return open_any(store_dir, read_only=read_only, base_iri=base_iri, **remote)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


class FormatChoice(click.Choice):
    """A --format option's choices: the formats given (defgraph.formats), by name or alias; the
    value is the format's name."""

    def __init__(self, formats: list[Format]) -> None:
        self.formats = formats
        super().__init__([f.name for f in formats])

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return lookup(self.formats, str(value)).name
        except FormatError:
            return super().convert(value, param, ctx)


def format_option(formats: list[Format], default: str | None, help: str):
    """--format over some formats of the table, its help listing them."""
    return click.option("--format", "fmt", type=FormatChoice(formats), default=default,
                        show_default=default is not None, help=help)


def settings_options(f):
    """The options of `defgraph serve` that set the server's settings: one per row of the
    settings table (server/settings.py), with its type, default and help from there."""
    hints = typing.get_type_hints(server_settings.Settings)
    for option, field in reversed(server_settings.options()):
        kind, meta = hints[field.name], field.metadata
        kwargs: dict = {"help": meta["help"], "envvar": meta["envvar"], "metavar": meta["metavar"]}
        if kind is bool:
            kwargs["is_flag"] = True
        elif kind == tuple[str, ...]:
            kwargs["multiple"] = True
        else:
            kwargs["type"] = kind if kind in (int, float) else str
            has_default = field.default is not dataclasses.MISSING
            kwargs["default"] = field.default if has_default else None
            kwargs["show_default"] = meta["default_text"] or has_default
        f = click.option(option, field.name, **kwargs)(f)
    return f


def settings_from(values: dict) -> server_settings.Settings:
    """The server's settings from `defgraph serve`'s options (an option left out keeps its
    default); ValueError names a bad one."""
    given = {name: values[name] for name in (fld.name for _, fld in server_settings.options())
             if values.get(name) is not None}
    if "service_allow_list" in given:
        given["service_allow_list"] = tuple(given["service_allow_list"])
    if not given.get("allow_update"):
        given.pop("update_token", None)
    return server_settings.Settings(**given)


def _shown(store_dir: str) -> str:
    """The store's location as messages show it: a folder's full path, or a remote store's URL."""
    from .remote import is_remote

    return store_dir if is_remote(store_dir) else str(Path(store_dir).resolve())


class _Commands(click.Group):
    """The command group; an OS error (full disk, unwritable file) ends a command with one line."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except StoreError as exc:     # a remote store that stopped answering, or refused a request
            raise click.ClickException(str(exc)) from None
        except OSError as exc:
            where = f"{exc.filename}: " if exc.filename else ""
            raise click.ClickException(f"{where}{exc.strerror or exc}"
                                       + ("; nothing more was written" if exc.errno in _FULL else "")) from None


_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}


def _out_file(out: str) -> Path:
    """The --out file, refused before any work when its folder does not exist."""
    path = Path(out)
    if not path.parent.is_dir():
        raise click.ClickException(f"{out}: the folder {path.parent} does not exist (create it first)")
    return path


def _write_error(out: str, exc: OSError) -> click.ClickException:
    return click.ClickException(f"{out}: cannot write it ({exc.strerror or exc})")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="defgraph")
def main() -> None:
    """defgraph: build a knowledge graph of defence cooperation from news articles.

    \b
    Example:
      defgraph ingest seeds/
      defgraph query queries/transfers.rq --format csv
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@store_option
@click.option("--base-iri", envvar="DEFGRAPH_BASE_IRI", default=None,
              help="Base of minted IRIs, {base}id/{class}/{slug} (default: the store's, "
                   "else http://127.0.0.1:8080/).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Processes that extract articles (default: the number of cores; 1: no worker "
                   "processes). The store is written by one process, in input order, whatever N.")
@click.option("--scheduler", envvar="DEFGRAPH_SCHEDULER", default=None, metavar="ADDRESS",
              help="Extract on the Dask distributed cluster whose scheduler is at ADDRESS "
                   "(e.g. tcp://10.0.0.5:8786; needs pip install 'defgraph[dask]'); the store is "
                   "still written here, in input order. Instead of -j.")
def ingest(paths: tuple[str, ...], store_dir: str, base_iri: str | None, jobs: int | None,
           scheduler: str | None) -> None:
    """Read articles (files, folders, globs) and add their facts to the store.

    Formats: dated text (first line `HH:MM DD.MM.YYYY`), plain text (title on the first
    line) and JSON Lines (`title`, `date`, `body`, optional `url`, `source`). A folder is read
    for .txt, .text, .jsonl and .ndjson files; its other files (README.md, SOURCES.md, .json)
    are reported as skipped. Re-ingesting an article replaces its facts.

    \b
    Example:
      defgraph ingest seeds/ more/*.txt feed.jsonl
      defgraph ingest -j 4 archive.jsonl
      defgraph ingest --scheduler tcp://10.0.0.5:8786 archive.jsonl
    """
    from .articles import expand_paths
    from .cluster import ClusterError, connect
    from .ingest import count_items, default_jobs, ingest_files
    from .parallel import WorkersDied

    if scheduler and jobs:
        raise click.UsageError("give -j or --scheduler, not both (the cluster's workers extract)")
    files, missing, ignored = expand_paths(paths)
    try:
        cluster = connect(scheduler) if scheduler else None
    except ClusterError as exc:
        raise click.ClickException(str(exc)) from None
    store = _open(store_dir, read_only=False, base_iri=base_iri)
    click.echo(f"store: {_shown(store_dir)}", err=True)

    start = time.perf_counter()
    try:
        with click.progressbar(length=count_items(files, missing), label="ingesting", file=sys.stderr,
                               show_pos=True, show_eta=True, item_show_func=lambda rate: rate) as bar:
            def progress(n: int) -> None:
                bar.update(n, f"{(bar.pos + n) / (time.perf_counter() - start):.1f} articles/s")

            summary = ingest_files(files, store, missing=missing, ignored=ignored,
                                   jobs=jobs or default_jobs(), cluster=cluster, progress=progress)
        total = store.count()
        store.close()
    except (WorkersDied, ClusterError) as exc:
        store.close()
        raise click.ClickException(str(exc)) from None
    except StoreError as exc:  # a remote store that stopped answering: each article is written whole or not
        store.close()
        raise click.ClickException(f"{exc}; the articles before this one are stored") from None
    except OSError as exc:   # a full disk: the store keeps every article written before it
        raise click.ClickException(f"{store_dir}: cannot write the store ({exc.strerror or exc}); "
                                   "the articles before this one are stored") from None
    finally:
        if cluster is not None:
            cluster.close()
    click.echo(f"articles read: {summary.articles}")
    for line in summary.entities.lines():
        click.echo(line)
    click.echo("events: " + (", ".join(f"{k} {v}" for k, v in sorted(summary.events.items())) or "none"))
    click.echo(f"triples written: {summary.triples} (store now holds {total} quads)")
    for note in summary.notes:
        click.echo(f"note: {note}", err=True)
    for name in summary.ignored:
        click.echo(f"skipped {name}: not an article file (a folder is read for .txt, .text, .jsonl, .ndjson)",
                   err=True)
    for err in summary.skipped:
        click.echo(f"skipped {err.source}: {err.reason}", err=True)
    click.echo(f"{summary.articles} articles ingested, {len(summary.skipped)} skipped, in "
               f"{summary.seconds:.1f} s: {summary.rate:.1f} articles/s ({summary.extracted_by})")
    if summary.skipped:
        click.echo(f"{len(summary.skipped)} input(s) skipped", err=True)
        sys.exit(1)


@main.command()
@click.argument("query")
@store_option
@format_option(QUERY_FORMATS, DEFAULTS["results"],
               "Answer format: " + ", ".join(f"{f.name} ({f.label})" for f in family("results"))
               + " for SELECT and ASK; " + ", ".join(f.name for f in family("rdf"))
               + " for CONSTRUCT and DESCRIBE (Turtle when a SELECT's format is given).")
def query(query: str, store_dir: str, fmt: str) -> None:
    """Run a SPARQL query: a .rq file, a competency query name, or the query text.

    \b
    Examples:
      defgraph query queries/transfers.rq --format csv
      defgraph query persons
      defgraph query 'SELECT ?s WHERE { ?s a dg:Person }'
    """
    from .queries import QueryError, at_row_limit, format_result, load_query, run_query

    store = _open(store_dir)
    try:
        text = load_query(query)
        result, note = at_row_limit(store, run_query(store, text))
        click.echo(format_result(result, fmt), nl=False)
        if note:
            click.echo(f"note: {note}", err=True)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None


@main.command()
@store_option
@format_option(family("rdf"), DEFAULTS["rdf"],
               ", ".join(f.name for f in family("rdf", dataset=True)) + " keep the per-article named graphs; "
               + ", ".join(f.name for f in family("rdf", dataset=False)) + " merge them.")
@click.option("--out", "out", type=click.Path(dir_okay=False), default=None, help="File to write (default: stdout).")
@click.option("--void", "void", is_flag=True,
              help="Write the graph's VoID description (in --format, default Turtle) instead of the graph.")
def export(store_dir: str, fmt: str, out: str | None, void: bool) -> None:
    """Write the whole graph in an RDF format, or its VoID description.

    \b
    Examples:
      defgraph export --format nquads --out graph.nq
      defgraph export --void --out void.ttl
    """
    target = _out_file(out) if out else None
    store = _open(store_dir)
    if void:
        base = store.base_iri if store.base_iri.endswith("/") else store.base_iri + "/"
        from .formats import rdflib_bytes
        from .void import VOCABULARIES, void_description

        g = void_description(store.select, base, sparql_endpoint=base + "sparql",
                             data_dump=base + "dump.nq.gz")
        data = rdflib_bytes(g, fmt, VOCABULARIES)
    else:
        data = store.dump(fmt)
    if target is not None:
        try:
            target.write_bytes(data)
        except OSError as exc:
            raise _write_error(out, exc) from None
        click.echo(f"wrote {len(data)} bytes to {out}", err=True)
    else:
        sys.stdout.buffer.write(data)


@main.command()
@store_option
@click.option("--against", "against", required=True, metavar="FILE_OR_SPARQL_URL",
              help="The other dataset: an RDF file, or a SPARQL endpoint URL.")
@click.option("--type", "types", default="Person,Agency,Equipment,Country", show_default=True,
              help="Which of defgraph's entities to match, comma-separated.")
@click.option("--threshold", default=0.9, show_default=True, type=click.FloatRange(0, 1),
              help="Score from which a match is owl:sameAs; below it, skos:closeMatch.")
@click.option("--dry-run", is_flag=True, help="Print the review table, write nothing.")
def link(store_dir: str, against: str, types: str, threshold: float, dry_run: bool) -> None:
    """Link defgraph's entities to another dataset's (owl:sameAs, skos:closeMatch).

    Entities are matched by labels and aliases (in any language), class and context
    (country, role); the links, each with its score and method, go into a named graph
    of their own, {base}graph/links/NAME, replaced on every run.

    \b
    Examples:
      defgraph link --against wikidata-extract.ttl --type Person,Country --dry-run
      defgraph link --against http://127.0.0.1:7878/query --threshold 0.95
    """
    from .link import LinkError, reconcile, write_links

    store = _open(store_dir, read_only=dry_run)
    try:
        report = reconcile(store, against, threshold=threshold,
                           families=[t.strip() for t in types.split(",") if t.strip()])
        click.echo(report.table(), nl=False)
        click.echo(f"{report.entities} entities, {report.candidates} candidates: "
                   f"{len(report.same)} owl:sameAs, {len(report.close)} skos:closeMatch", err=True)
        if dry_run:
            click.echo("dry run: nothing written", err=True)
        else:
            n = write_links(store, report)
            click.echo(f"wrote {n} triples to graph <{report.graph}>", err=True)
    except LinkError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()


@main.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@store_option
@click.option("--graph", "graph", required=True, metavar="IRI",
              help="The named graph to load the file into (replaced if it exists).")
def import_(file: str, store_dir: str, graph: str) -> None:
    """Load another dataset (an RDF file) into a named graph of its own.

    Queries then see it beside defgraph's graphs, and across the links of `defgraph link`.

    \b
    Example:
      defgraph import wikidata-extract.ttl --graph https://example.org/graph/wikidata
    """
    from .link import LinkError, import_file

    store = _open(store_dir, read_only=False)
    try:
        n = import_file(store, file, graph)
    except LinkError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    click.echo(f"imported {n} triples into graph <{graph}>")


@main.command()
@store_option
def validate(store_dir: str) -> None:
    """Check the graph against the SHACL shapes; exit status 1 when anything violates them.

    \b
    Example:
      defgraph validate
    """
    from .ingest import store_graph
    from .validate import validate_graph

    violations = validate_graph(store_graph(_open(store_dir)))
    if not violations:
        click.echo("conforms: no SHACL violations")
        return
    for v in violations:
        click.echo(f"{v.severity}: {v.label or v.focus} [{v.focus}]  {v.path}: {v.message}")
    click.echo(f"{len(violations)} violation(s)")
    sys.exit(1)


@main.command()
@store_option
def stats(store_dir: str) -> None:
    """Count articles, entities and events by class, and triples.

    \b
    Example:
      defgraph stats
    """
    from .stats import graph_stats

    store = _open(store_dir)
    for section, counts in graph_stats(store).items():
        click.echo(f"{section}:")
        for name, n in counts.items():
            click.echo(f"  {name:<28} {n}")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--details", is_flag=True, help="Also list every missed and extra answer.")
@click.option("--deals", is_flag=True,
              help="GOLD_DIR is a story line (articles and deals.json), or holds story lines in folders: "
                   "score deals, conflicts and meetings across its articles.")
@click.option("--against", type=click.Path(exists=True, file_okay=False),
              help="A folder with a second annotation of the same articles (NAME.json): score it, not "
                   "extraction, against GOLD_DIR's (agreement between annotators).")
def eval_(gold_dir: str, details: bool, deals: bool, against: str | None) -> None:
    """Score extraction against gold answers: precision, recall and F1 per type.

    GOLD_DIR holds articles (NAME.txt) with their gold answers (NAME.json) beside them.
    Each article is ingested into a temporary store and the competency queries are scored.
    With --deals, each story line is ingested into a store of its own and deals.rq,
    conflicts.rq and meetings.rq are scored against its deals.json. With --against, a second
    annotation of the same articles is scored in place of extraction, as a ceiling for it.

    \b
    Examples:
      defgraph eval tests/data/corpus/dev
      defgraph eval --deals tests/data/deals
      defgraph eval tests/data/corpus/twentythird --against tests/data/agreement/twentythird
    """
    if deals and against:
        raise click.UsageError("--against scores a second annotation of articles; it does not go with --deals")
    if deals:
        from .articles import ArticleError
        from .deal_eval import score_story_lines

        try:
            score = score_story_lines(gold_dir)
        except ArticleError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(score.table(), nl=False)
        if details:
            for line in score.log:
                click.echo(line)
        return
    from .evaluate import evaluate_dir

    report = evaluate_dir(gold_dir, against)
    click.echo(f"articles: {report.articles}")
    click.echo(report.table(), nl=False)
    if details:
        for line in report.errors:
            click.echo(line)


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
    from .server import close_app, create_app
    from .server import serve as run_server

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
    from .queries import load_query, run_query
    from .viz import GraphRequest, selection_from_result, write_view

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
    from .queries import QueryError
    from .viz import VizError

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
    from .queries import load_query
    from .viz.geo import map_data
    from .viz.map_page import write_map

    with _writing_from(store_dir, out) as store:
        query = load_query(query_file) if query_file else None
        data = map_data(store, query, title or (f"Map of the query '{query_file}'" if query_file else None))
        write_map(data, out)
    click.echo(f"wrote {out} (map): {len(data.flows)} arrows, {len(data.values)} countries shaded", err=True)


@main.command()
@store_option
@click.option("--separate", "event", default=None,
              help="The IRI of an article's report (see `defgraph query deal-history`) to set apart from "
                   "the deal, meeting or agreement it was merged into.")
@click.option("--as", "label", default="apart", show_default=True,
              help="With --separate: reports set apart with the same label form one merged event of their own.")
@click.option("--rejoin", default=None, help="The IRI of a report set apart before: merge it as its key says again.")
@click.option("--rebuild", is_flag=True, help="Recompute the deals graph from every article graph.")
def deals(store_dir: str, event: str | None, label: str, rejoin: str | None, rebuild: bool) -> None:
    """Undo a wrong merge of reports into one deal, meeting or agreement, or rebuild the deals graph.

    Prints the number of merged events by kind afterwards.

    \b
    Examples:
      defgraph deals --separate http://127.0.0.1:8080/id/transfer/3eb21949-3d76c351b9
      defgraph deals --rejoin http://127.0.0.1:8080/id/transfer/3eb21949-3d76c351b9
      defgraph deals --rebuild
    """
    from .deals.corrections import article_graphs, separate
    from .store import StoreError

    store = _open(store_dir, read_only=not (event or rejoin or rebuild))
    try:
        if event or rejoin:
            separate(store, event or rejoin, label if event else None)
        elif rebuild:
            store.rebuild_deals(article_graphs(store))
        counts = store.select("SELECT ?cls (COUNT(?m) AS ?n) WHERE { ?m dg:reportCount ?c ; a ?cls } "
                              "GROUP BY ?cls ORDER BY ?cls")
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        store.close()
    click.echo(", ".join(f"{r['n']} {r['cls'].rpartition('#')[2]}" for r in counts) or "no merged events")


def _timeline(store_dir: str, out: str) -> None:
    """`defgraph viz --timeline`: the timeline page of the store's merged events."""
    from .viz.timeline import write_timeline

    with _writing_from(store_dir, out) as store:
        n = write_timeline(store, out)
    click.echo(f"wrote {out} (timeline): {n} items", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
