"""Linked data: stable IRIs, gazetteer links with their sources, /ontology, /.well-known/void,
/dump.nq.gz and `defgraph export --void`, over real HTTP."""

from __future__ import annotations

import gzip

import pyoxigraph as ox
import pytest
import requests
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from defgraph.cli import main
from defgraph.ingest import ingest_paths
from defgraph.server import Settings
from defgraph.server.linked_data import gzip_nquads
from defgraph.store import OxigraphStore
from tests.conftest import SEEDS
from tests.server_support import live_server

BASE = "http://127.0.0.1:8080/"
DG = Namespace("https://w3id.org/defgraph/ontology#")
VOID = Namespace("http://rdfs.org/ns/void#")
LINKS = BASE + "graph/links/gazetteer"


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("ld-store")
    s = OxigraphStore(path, base_iri=BASE)
    ingest_paths([str(SEEDS)], s)
    s.close()
    return path


@pytest.fixture(scope="module")
def server(store_dir):
    s = OxigraphStore(store_dir, read_only=True)
    with live_server(s, Settings(workers=1)) as srv:
        yield srv
    s.close()


def _entities(store) -> set[str]:
    return {r["e"] for r in store.select(
        f'SELECT DISTINCT ?e WHERE {{ ?e a ?c FILTER(STRSTARTS(STR(?e), "{BASE}id/")) }}')}


def test_iris_are_readable_and_unchanged_by_reingesting(tmp_path):
    s = OxigraphStore(tmp_path / "a", base_iri="https://example.org/dg/")
    ingest_paths([str(SEEDS)], s)
    first = {r["e"] for r in s.select('SELECT DISTINCT ?e WHERE { ?e a ?c FILTER(STRSTARTS(STR(?e), "https://example.org/dg/id/")) }')}
    count = s.count()
    ingest_paths([str(SEEDS)], s)
    again = {r["e"] for r in s.select('SELECT DISTINCT ?e WHERE { ?e a ?c FILTER(STRSTARTS(STR(?e), "https://example.org/dg/id/")) }')}
    assert first == again and s.count() == count
    assert "https://example.org/dg/id/person/rustem-umerov" in first
    assert "https://example.org/dg/id/country/france" in first
    assert "https://example.org/dg/graph/links/gazetteer" in s.graphs()
    s.close()


def test_gazetteer_links_record_their_source(store_dir):
    s = OxigraphStore(store_dir, read_only=True)
    rows = s.select(f"""SELECT ?o ?source ?why WHERE {{ GRAPH <{LINKS}> {{
        <{BASE}id/country/france> owl:sameAs ?o .
        ?ax owl:annotatedSource <{BASE}id/country/france> ; owl:annotatedTarget ?o ;
            dcterms:source ?source ; <https://w3id.org/sssom/mapping_justification> ?why }} }}""")
    got = {r["o"]: r["source"] for r in rows}
    assert got == {"http://www.wikidata.org/entity/Q142": "https://w3id.org/defgraph/data/countries.csv",
                   "http://dbpedia.org/resource/France": "https://w3id.org/defgraph/data/dbpedia.csv"}
    assert {r["why"] for r in rows} == {"https://w3id.org/semapv/vocab/ManualMappingCuration"}
    # no links outside the link graph, none for equipment (no certain QIDs), none guessed
    assert not s.ask(f"ASK {{ GRAPH ?g {{ ?s owl:sameAs ?o }} FILTER(?g != <{LINKS}>) }}")
    assert not s.ask(f'ASK {{ ?s owl:sameAs ?o FILTER(STRSTARTS(STR(?s), "{BASE}id/equipment/")) }}')
    s.close()


def test_ontology_by_content_negotiation(server):
    url = server.url + "ontology"
    sizes = {}
    for accept, fmt in [("text/turtle", "turtle"), ("application/rdf+xml", "xml"),
                        ("application/ld+json", "json-ld"), ("application/n-triples", "nt")]:
        r = requests.get(url, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["Content-Type"].startswith(accept), accept
        g = Graph().parse(data=r.content, format=fmt)
        assert (DG.Person, RDF.type, OWL.Class) in g
        assert (DG.supplier, RDFS.domain, DG.Transfer) in g
        sizes[accept] = len(g)
    assert len(set(sizes.values())) == 1, sizes
    assert requests.get(url, params={"format": "rdfxml"}).headers["Content-Type"].startswith("application/rdf+xml")


def test_ontology_html_page(server):
    r = requests.get(server.url + "ontology", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    html = r.text
    for anchor in ('id="Person"', 'id="Ministry"', 'id="supplier"', 'id="delivered"'):
        assert anchor in html
    assert "A named individual, such as a minister or an official." in html     # a comment
    # the hierarchy: Ministry is listed under Agency in the class tree
    tree = html[html.index('id="classes"'):html.index("<h2>Classes</h2>")]
    agency = tree.index(">Agency</a>")
    assert agency < tree.index(">Ministry</a>") < tree.index("</ul>", agency)
    supplier = html[html.index('id="supplier"'):]
    supplier = supplier[:supplier.index("</section>")]
    assert "dg:Transfer" in supplier and "dg:Actor" in supplier and "dg:participant" in supplier


def test_void_description(server, store_dir):
    r = requests.get(server.url + ".well-known/void", headers={"Accept": "text/turtle"})
    assert r.status_code == 200
    g = Graph().parse(data=r.content, format="turtle")
    ds = URIRef(BASE + ".well-known/void#defgraph")
    s = OxigraphStore(store_dir, read_only=True)
    assert g.value(ds, VOID.triples).toPython() == s.count()
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")     # the configured base
    assert g.value(ds, VOID.dataDump) == URIRef(BASE + "dump.nq.gz")
    persons = next(p for p in g.objects(ds, VOID.classPartition) if g.value(p, VOID["class"]) == DG.Person)
    assert g.value(persons, VOID.entities) == Literal(2)
    links = {g.value(ls, VOID.objectsTarget): g.value(ls, VOID.triples).toPython()
             for ls in g.subjects(RDF.type, VOID.Linkset)}
    n_wd = len(s.select(f'SELECT ?s WHERE {{ GRAPH <{LINKS}> {{ ?s owl:sameAs ?o FILTER(STRSTARTS(STR(?o), "http://www.wikidata.org/")) }} }}'))
    assert links[URIRef("https://www.wikidata.org/")] == n_wd == 4
    assert links[URIRef("https://dbpedia.org/")] == 4
    vocabs = set(g.objects(ds, VOID.vocabulary))
    assert URIRef(str(DG)) in vocabs and URIRef("http://purl.org/dc/terms/") in vocabs
    s.close()
    jsonld = requests.get(server.url + ".well-known/void", headers={"Accept": "application/ld+json"})
    assert len(Graph().parse(data=jsonld.content, format="json-ld")) == len(g)


def test_full_dump_download(server, store_dir):
    r = requests.get(server.url + "dump.nq.gz")
    assert r.status_code == 200 and r.headers["Content-Type"] == "application/gzip"
    assert "defgraph.nq.gz" in r.headers["Content-Disposition"]
    # streamed as it is made: no Content-Length, chunked
    assert "Content-Length" not in r.headers and r.headers.get("Transfer-Encoding") == "chunked"
    quads = list(ox.parse(gzip.decompress(r.content), format=ox.RdfFormat.N_QUADS))
    s = OxigraphStore(store_dir, read_only=True)
    assert len(quads) == s.count()
    assert set(quads) == set(ox.parse(s.dump("nquads"), format=ox.RdfFormat.N_QUADS))
    s.close()


def test_dump_is_compressed_a_batch_at_a_time():
    quads = [ox.Quad(ox.NamedNode(f"urn:s{i}"), ox.NamedNode("urn:p"), ox.Literal(f"value {i} " * 20),
                     ox.NamedNode(f"urn:g{i % 7}")) for i in range(20_000)]
    stream = gzip_nquads(iter(quads), batch=1000)
    first = next(stream)                  # compressed output comes before the input is used up
    rest = list(stream)
    assert first and len(rest) > 3
    assert list(ox.parse(gzip.decompress(first + b"".join(rest)), format=ox.RdfFormat.N_QUADS)) == quads


def test_cli_export_void(store_dir):
    r = CliRunner().invoke(main, ["export", "--void", "--store", str(store_dir)])
    assert r.exit_code == 0, r.output
    g = Graph().parse(data=r.stdout_bytes, format="turtle")
    ds = URIRef(BASE + ".well-known/void#defgraph")
    assert g.value(ds, VOID.sparqlEndpoint) == URIRef(BASE + "sparql")
    assert g.value(ds, VOID.dataDump) == URIRef(BASE + "dump.nq.gz")
    s = OxigraphStore(store_dir, read_only=True)
    assert g.value(ds, VOID.triples).toPython() == s.count()
    s.close()
