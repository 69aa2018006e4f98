"""Commands that weigh the graph: link to other datasets, eval against gold answers, deals set apart or rejoined."""

from __future__ import annotations


import click

from .base import _open, main, store_option


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
    from ..link import LinkError, reconcile, write_links

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



@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.option("--details", is_flag=True, help="Also list every missed and extra answer.")
@click.option("--causes", is_flag=True,
              help="Also count the missed events of each type by why they were missed: an argument not "
                   "found (the system, a participant, a party), no event that takes it, or events that "
                   "take it with other arguments.")
@click.option("--deals", is_flag=True,
              help="GOLD_DIR is a story line (articles and deals.json), or holds story lines in folders: "
                   "score deals, conflicts and meetings across its articles.")
@click.option("--against", type=click.Path(exists=True, file_okay=False),
              help="A folder with a second annotation of the same articles (NAME.json): score it, not "
                   "extraction, against GOLD_DIR's (agreement between annotators).")
def eval_(gold_dir: str, details: bool, causes: bool, deals: bool, against: str | None) -> None:
    """Score extraction against gold answers: precision, recall and F1 per type.

    GOLD_DIR holds articles (NAME.txt) with their gold answers (NAME.json) beside them.
    Each article is ingested into a temporary store and the competency queries are scored.
    With --deals, each story line is ingested into a store of its own and deals.rq,
    conflicts.rq and meetings.rq are scored against its deals.json. With --against, a second
    annotation of the same articles is scored in place of extraction, as a ceiling for it.

    \b
    Examples:
      defgraph eval tests/data/corpus/dev
      defgraph eval --causes tests/data/corpus/fortysecond
      defgraph eval --deals tests/data/deals
      defgraph eval tests/data/corpus/twentythird --against tests/data/agreement/twentythird
    """
    if deals and against:
        raise click.UsageError("--against scores a second annotation of articles; it does not go with --deals")
    if deals and causes:
        raise click.UsageError("--causes counts the missed events of articles; it does not go with --deals")
    if deals:
        from ..articles import ArticleError
        from ..deal_eval import score_story_lines

        try:
            score = score_story_lines(gold_dir)
        except ArticleError as exc:
            raise click.ClickException(str(exc)) from None
        click.echo(score.table(), nl=False)
        if details:
            for line in score.log:
                click.echo(line)
        return
    from ..evaluate import evaluate_dir

    report = evaluate_dir(gold_dir, against)
    click.echo(f"articles: {report.articles}")
    click.echo(report.table(), nl=False)
    if causes:
        click.echo(report.causes_table(), nl=False)
    if details:
        for line in report.errors:
            click.echo(line)



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
    from ..deals.corrections import article_graphs, separate
    from ..store import StoreError

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
