"""The deals graph stays what `defgraph deals --rebuild` makes on every write path: the Graph Store
Protocol (PUT, POST, DELETE of an article graph, PUT of another graph), SPARQL Update, `defgraph
import`, and after a writer killed (kill -9) at any moment; on the dev corpus, over real HTTP."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys

import pyoxigraph as ox
import pytest
import requests

from defgraph.deals import deals_graph
from defgraph.deals.corrections import article_graphs
from defgraph.deals.inputs import DealInputs
from defgraph.namespaces import PREFIXES, Minter
from defgraph.server import Settings
from defgraph.store import PENDING, OxigraphStore
from defgraph.write_scope import of_update

from .process_support import kill_when_ready
from .server_support import TOKEN, live_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
DG = "https://w3id.org/defgraph/ontology#"
NT = {"Content-Type": "application/n-triples", **AUTH}


def deal_triples(store: OxigraphStore) -> set[str]:
    """The deals graph as N-Triples lines."""
    return {f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(deals_graph(Minter(store.base_iri)))}


def rebuilt(store: OxigraphStore) -> set[str]:
    """The deals graph after `defgraph deals --rebuild` (what the command runs)."""
    store.rebuild_deals(article_graphs(store))
    return deal_triples(store)


def first_deal(store: OxigraphStore) -> dict:
    """A deal of two reports, one of its reports with the report's article."""
    return store.select("""SELECT ?deal ?event ?article ?supplier ?recipient ?equipment WHERE {
        ?deal a dg:Deal ; dg:reportCount 2 ; dg:report ?event .
        GRAPH ?article { ?event a dg:Transfer ; dg:supplier ?supplier ; dg:recipient ?recipient ;
                                dg:equipment ?equipment } }
        ORDER BY ?deal ?event LIMIT 1""")[0]


def gsp_nt(live, graph: str) -> str:
    r = requests.get(live.graph_store, params={"graph": graph}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200, r.text
    return r.text


def served_deals(live, store: OxigraphStore) -> set[str]:
    """The deals graph as the server serves it, over the Graph Store Protocol."""
    text = gsp_nt(live, deals_graph(Minter(store.base_iri)))
    return {f"{t.subject} {t.predicate} {t.object} ." for t in ox.parse(text.encode(), format=ox.RdfFormat.N_TRIPLES)}


# each write: (name, function(live, deal row) doing it over HTTP and returning the response)
def put_article_changed(live, deal):
    """PUT the article graph back with the report's status changed to delivered."""
    status = f"<{DG}status>"
    lines = [line for line in gsp_nt(live, deal["article"]).splitlines()
             if not (line.startswith(f"<{deal['event']}> {status}"))]
    lines.append(f"<{deal['event']}> {status} <{DG}delivered> .")
    return requests.put(live.graph_store, params={"graph": deal["article"]}, data="\n".join(lines).encode(), headers=NT)


def post_report(live, deal):
    """POST one more transfer of the same deal into the article graph."""
    event = deal["event"] + "-more"
    data = "\n".join([f"<{event}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{DG}Transfer> .",
                      f"<{event}> <{DG}supplier> <{deal['supplier']}> .",
                      f"<{event}> <{DG}recipient> <{deal['recipient']}> .",
                      f"<{event}> <{DG}equipment> <{deal['equipment']}> .",
                      f"<{event}> <{DG}status> <{DG}delivered> .",
                      f'<{event}> <{DG}quantity> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                      f"<{event}> <{DG}mentionedIn> <{deal['article']}> ."])
    return requests.post(live.graph_store, params={"graph": deal["article"]}, data=data.encode(), headers=NT)


def delete_article(live, deal):
    return requests.delete(live.graph_store, params={"graph": deal["article"]}, headers=AUTH)


def put_source_graph(live, deal):
    """PUT a graph of its own that sets the report apart (dg:separateDeal, any graph counts)."""
    data = f'<{deal["event"]}> <{DG}separateDeal> "by hand" .'
    return requests.put(live.graph_store, params={"graph": "urn:x-test:apart"}, data=data.encode(), headers=NT)


def update_quantities(live, deal):
    """SPARQL Update changing every transfer's quantity in every article graph."""
    text = f"""PREFIX dg: <{DG}>
        DELETE {{ GRAPH ?g {{ ?e dg:quantity ?q }} }} INSERT {{ GRAPH ?g {{ ?e dg:quantity 999 }} }}
        WHERE {{ GRAPH ?g {{ ?e a dg:Transfer ; dg:quantity ?q }} }}"""
    return requests.post(live.update, data={"update": text}, headers=AUTH)


def update_drop_article(live, deal):
    return requests.post(live.update, data={"update": f"DROP GRAPH <{deal['article']}>"}, headers=AUTH)


def update_rename_entity(live, deal):
    """SPARQL Update renaming the deal's supplier in the entities graph: the deal's label follows."""
    text = f"""DELETE {{ GRAPH ?g {{ <{deal['supplier']}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}
        INSERT {{ GRAPH ?g {{ <{deal['supplier']}> <http://www.w3.org/2000/01/rdf-schema#label> "Renamed" }} }}
        WHERE {{ GRAPH ?g {{ <{deal['supplier']}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}"""
    return requests.post(live.update, data={"update": text}, headers=AUTH)


WRITES = [put_article_changed, post_report, delete_article, put_source_graph, update_quantities,
          update_drop_article, update_rename_entity]


@pytest.mark.parametrize("write", WRITES, ids=[w.__name__ for w in WRITES])
def test_every_write_over_http_leaves_the_deals_a_rebuild_makes(dev_store_dir, tmp_path, write):
    shutil.copytree(dev_store_dir, tmp_path / "store")
    store = OxigraphStore(tmp_path / "store")
    try:
        deal = first_deal(store)
        before = deal_triples(store)
        settings = Settings(allow_update=True, update_token=TOKEN, workers=1)
        with live_server(store, settings) as live:
            r = write(live, deal)
            assert r.status_code in (201, 204), r.text
            served = served_deals(live, store)
        after = deal_triples(store)
        assert served == after
        assert after != before                 # the write changed the deals
        assert rebuilt(store) == after          # … as a rebuild makes them
    finally:
        store.close()


def test_import_and_graph_removal_leave_the_deals_a_rebuild_makes(dev_store_dir, tmp_path):
    shutil.copytree(dev_store_dir, tmp_path / "store")
    with OxigraphStore(tmp_path / "store", read_only=True) as store:
        deal = first_deal(store)
        before = deal_triples(store)
    apart = tmp_path / "apart.ttl"
    apart.write_text(f'<{deal["event"]}> <{DG}separateDeal> "imported" .\n', encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "defgraph.cli", "import", str(apart), "--store",
                          str(tmp_path / "store"), "--graph", "urn:x-test:imported"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    with OxigraphStore(tmp_path / "store") as store:
        imported = deal_triples(store)
        assert imported != before and rebuilt(store) == imported
        store.remove_graph("urn:x-test:imported")     # the import undone: the deal as before
        assert deal_triples(store) == before == rebuilt(store)


# --- SPARQL Update: only the merged nodes of the events an update changed are recomputed ----------

def rebuilt_apart(store: OxigraphStore) -> set[str]:
    """What `defgraph deals --rebuild` makes of the store, computed in a copy (in memory), so that
    the store keeps the deals graph that its writes left."""
    copy = OxigraphStore(None, base_iri=store.base_iri)
    copy.load(store.dump("nquads"), "nquads")
    copy.rebuild_deals(article_graphs(copy))
    return deal_triples(copy)


def followed(store: OxigraphStore, text: str) -> bool:
    """Whether the deals graph follows this update without a rebuild (see DealInputs.patterns)."""
    return DealInputs(Minter(store.base_iri)).patterns(of_update(text, prefixes=PREFIXES)) is not None


def test_updates_that_add_change_and_drop_article_graphs_leave_the_deals_a_rebuild_makes(dev_store_dir, tmp_path):
    shutil.copytree(dev_store_dir, tmp_path / "store")
    with OxigraphStore(tmp_path / "store") as store:
        deal = first_deal(store)
        other = store.select("""SELECT ?event ?article WHERE { GRAPH ?article { ?event a dg:Transfer ;
            dg:mentionedIn ?article } FILTER(?article != ?mine) } ORDER BY ?event LIMIT 1""".replace(
            "?mine", f"<{deal['article']}>"))[0]
        minter = Minter(store.base_iri)
        new = minter.iri("article", "00000000test")
        entities = minter.entities_graph
        who = f"<{deal['supplier']}>"
        steps = [  # (what, update, followed without a rebuild, changes the deals)
            ("a new article graph: a report of the deal, and a meeting", f"""INSERT DATA {{ GRAPH <{new}> {{
                <{new}> dcterms:issued "2031-05-01T00:00:00"^^xsd:dateTime ; dcterms:publisher "Test Wire" .
                <{new}#t> a dg:Transfer ; dg:supplier {who} ; dg:recipient <{deal['recipient']}> ;
                    dg:equipment <{deal['equipment']}> ; dg:status dg:ordered ; dg:quantity 11 ; dg:mentionedIn <{new}> .
                <{new}#m> a dg:Meeting ; dg:participant {who}, <{deal['recipient']}> ; dg:mentionedIn <{new}> }} }}""",
             True, True),
            ("a report's status in one article graph", f"""DELETE {{ GRAPH <{deal['article']}> {{ <{deal['event']}> dg:status ?s }} }}
                INSERT {{ GRAPH <{deal['article']}> {{ <{deal['event']}> dg:status dg:delivered }} }}
                WHERE {{ GRAPH <{deal['article']}> {{ <{deal['event']}> dg:status ?s }} }}""", True, True),
            ("a report moved to another deal", f"""DELETE {{ GRAPH <{new}> {{ <{new}#t> dg:equipment ?e }} }}
                INSERT {{ GRAPH <{new}> {{ <{new}#t> dg:equipment <{deal['equipment']}-other> }} }}
                WHERE {{ GRAPH <{new}> {{ <{new}#t> dg:equipment ?e }} }}""", True, True),
            ("an article's date, in whichever graph it is", f"""DELETE {{ GRAPH ?g {{ <{other['article']}> dcterms:issued ?d }} }}
                INSERT {{ GRAPH ?g {{ <{other['article']}> dcterms:issued "1999-01-01T00:00:00"^^xsd:dateTime }} }}
                WHERE {{ GRAPH ?g {{ <{other['article']}> dcterms:issued ?d }} }}""", True, True),
            ("every quantity of one supplier", f"""DELETE {{ GRAPH ?g {{ ?e dg:quantity ?q }} }}
                INSERT {{ GRAPH ?g {{ ?e dg:quantity 999 }} }}
                WHERE {{ GRAPH ?g {{ ?e a dg:Transfer ; dg:supplier {who} ; dg:quantity ?q }} }}""", True, True),
            ("several operations: an article dropped, a report set apart, an entity renamed",
             f"""DROP GRAPH <{deal['article']}> ;
                INSERT DATA {{ GRAPH <urn:x-test:corrections> {{ <{other['event']}> dg:separateDeal "apart" }} }} ;
                DELETE {{ GRAPH <{entities}> {{ {who} rdfs:label ?l }} }} INSERT {{ GRAPH <{entities}> {{ {who} rdfs:label "Renamed" }} }}
                WHERE {{ GRAPH <{entities}> {{ {who} rdfs:label ?l }} }}""", True, True),
            ("a triple written into the deals graph (undone)",
             f"""INSERT DATA {{ GRAPH <{deals_graph(minter)}> {{ <urn:x-test:s> dg:status dg:delivered }} }}""", True, False),
            ("an update rdflib does not read alike (rebuilt)",
             f"""INSERT DATA {{ GRAPH <urn:x-test:corrections> {{ <{new}#t> dg:separateDeal "\\u0041" }} }}""", False, True),
            ("the new article graph dropped", f"DROP GRAPH <{new}>", True, True),
        ]
        for what, text, follows, changes in steps:
            before = deal_triples(store)
            assert followed(store, text) == follows, what
            store.update(text, prefixes=PREFIXES)
            after = deal_triples(store)
            assert store.deals_built(), what
            assert (after != before) == changes, what
            assert after == rebuilt_apart(store), what


# --- a writer killed at any moment ---------------------------------------------------------------

# Writes the dev corpus's articles again and again under new IRIs (round r), in batches; every
# other round also a SPARQL Update (which sets a report apart: the deals follow it) and an article
# graph removed. "round r" after each.
WRITER = r"""
import json, sys
import pyoxigraph as ox
from defgraph.store import OxigraphStore

TRANSFER = "https://w3id.org/defgraph/ontology#Transfer"
path, source = sys.argv[1], sys.argv[2]
articles = [(g, nq.encode()) for g, nq in json.load(open(source))]
store = OxigraphStore(path)
r = 0
while True:
    batch = []
    for graph, nquads in articles:
        old = graph.rsplit("/", 1)[1][:8]
        new = f"{old}r{r}x"
        batch.append((graph.replace(old, new), nquads.replace(old.encode(), new.encode())))
    store.put_articles(batch)
    if r % 2:
        event = next(q.subject for _, nquads in batch for q in ox.parse(nquads, format=ox.RdfFormat.N_QUADS)
                     if q.object.value == TRANSFER)
        store.update(f'INSERT DATA {{ GRAPH <{batch[0][0]}> {{ <{batch[0][0]}> <urn:x-test:touched> "yes" }} }} ;'
                     f'INSERT DATA {{ GRAPH <urn:x-test:apart> {{ {event} <https://w3id.org/defgraph/ontology#separateDeal> "r{r}" }} }}')
        store.remove_graph(batch[1][0])
    print("round", r, flush=True)
    r += 1
"""


@pytest.fixture(scope="module")
def dev_articles(dev_extracted) -> list[tuple[str, str]]:
    """The dev corpus extracted: (article graph IRI, N-Quads)."""
    return [(e.graph, e.nquads.decode()) for e in dev_extracted]


def expected_graphs(articles: list[tuple[str, str]], graph: str) -> set[str]:
    """What the writer puts in an article graph of any round (its quads, without the graph name)."""
    for original, nquads in articles:
        old = original.rsplit("/", 1)[1][:8]
        tail = graph.rsplit("/", 1)[1]
        if tail.startswith(old + "r"):
            new = tail[:tail.index("x") + 1]
            return {f"{q.subject} {q.predicate} {q.object} ."
                    for q in ox.parse(nquads.replace(old, new).encode(), format=ox.RdfFormat.N_QUADS)
                    if q.graph_name.value == graph}
    raise AssertionError(f"no article makes {graph}")


def test_kill_9_at_any_moment_leaves_articles_and_deals_consistent(tmp_path, dev_articles):
    source = tmp_path / "articles.json"
    source.write_text(json.dumps(dev_articles), encoding="utf-8")
    rng = random.Random(10)
    mid_write = 0
    for trial in range(8):
        path = tmp_path / f"store{trial}"
        first = kill_when_ready([sys.executable, "-c", WRITER, str(path), str(source)], rng.uniform(0.0, 1.0))
        assert first.split() == ["round", "0"]
        with OxigraphStore(path, read_only=True) as store:   # as the kill left it
            graph = deals_graph(Minter(store.base_iri))
            pending = {q.object.value for q in store.quads(graph) if q.predicate == PENDING}
            marked = pending or not store.deals_built()
            mid_write += bool(marked)
            for g in set(article_graphs(store)) - pending:
                got = {f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(g)}
                want = expected_graphs(dev_articles, g)
                assert got in (want, want | {f'<{g}> <urn:x-test:touched> "yes" .'}), g
        with OxigraphStore(path) as store:    # opened for writing: repaired
            assert store.deals_built() and not [q for q in store.quads(graph) if q.predicate == PENDING]
            assert not pending & set(article_graphs(store))
            for g in article_graphs(store):
                got = {f"{q.subject} {q.predicate} {q.object} ." for q in store.quads(g)}
                want = expected_graphs(dev_articles, g)
                assert got in (want, want | {f'<{g}> <urn:x-test:touched> "yes" .'}), g
            assert article_graphs(store)
            now = deal_triples(store)
            assert now == rebuilt(store)
    assert mid_write, "no kill landed in the middle of a write: kill later or more often"
