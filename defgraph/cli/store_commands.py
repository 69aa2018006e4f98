"""Commands on the store: ingest, query, export, import, validate, stats."""

from __future__ import annotations

import sys
import time

import click

from ..formats import DEFAULTS, family
from ..queries import QUERY_FORMATS
from ..store import StoreError
from .base import _open, _out_file, _shown, _write_error, format_option, main, store_option


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
    from ..articles import expand_paths
    from ..cluster import ClusterError, connect
    from ..ingest import count_items, default_jobs, ingest_files
    from ..parallel import WorkersDied

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
    from ..queries import QueryError, at_row_limit, format_result, load_query, run_query

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
        from ..formats import rdflib_bytes
        from ..void import VOCABULARIES, void_description

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
    from ..link import LinkError, import_file

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
    from ..ingest import store_graph
    from ..validate import validate_graph

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
    from ..stats import graph_stats

    store = _open(store_dir)
    for section, counts in graph_stats(store).items():
        click.echo(f"{section}:")
        for name, n in counts.items():
            click.echo(f"  {name:<28} {n}")
