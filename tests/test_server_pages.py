"""Resource pages and the query page over real HTTP; real SPARQL clients against the live server."""

from __future__ import annotations

import json
from pathlib import Path
import urllib.error

import pytest
import requests
from rdflib import Graph, Literal, URIRef

from defgraph.server import Settings
from defgraph.server.query_page import script_json

from .server_support import BASE, TOKEN, live_server, sample_store, served_sample

DG = "https://w3id.org/defgraph/ontology#"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(allow_update=True, update_token=TOKEN, workers=2)
    with served_sample(tmp_path_factory.mktemp("pages-store"), settings) as live:
        yield live


# --- resource pages -------------------------------------------------------------------------

def test_entity_page_html(server):
    r = requests.get(server.url + "id/country/ukraine", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/html")
    html = r.text
    assert "<h1>Ukraine</h1>" in html
    assert "Ukraina" in html                                     # alias
    assert 'href="/id/transfer/t1"' in html                      # neighbour, linked
    assert "France → Ukraine: CAESAR" in html                    # neighbour's label
    assert "France will deliver six more CAESAR howitzers to Ukraine." in html   # sentence
    assert 'href="/id/article/a1"' in html and "France to deliver CAESAR" in html  # article


def test_event_page_links_its_participants(server):
    html = requests.get(server.url + "id/transfer/t1").text
    for path, label in [("country/france", "France"), ("country/ukraine", "Ukraine"),
                        ("equipment/caesar", "CAESAR")]:
        assert f'href="/id/{path}"' in html and f">{label}</a>" in html
    assert "dg:supplier" in html and "dg:pledged" in html


def test_article_text_is_escaped(server):
    html = requests.get(server.url + "id/person/evil").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Evil" in html


@pytest.mark.parametrize("accept,fmt", [("text/turtle", "turtle"), ("application/ld+json", "json-ld")])
def test_entity_as_rdf(server, accept, fmt):
    r = requests.get(server.url + "id/equipment/caesar", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["Content-Type"].split(";")[0] == accept
    g = Graph().parse(data=r.text, format=fmt)
    caesar = URIRef(BASE + "id/equipment/caesar")
    assert (caesar, URIRef("http://www.w3.org/2000/01/rdf-schema#label"), Literal("CAESAR")) in g
    assert (URIRef(BASE + "id/transfer/t1"), URIRef(DG + "equipment"), caesar) in g


def test_entity_format_parameter_and_any_host(server):
    # the page is found whatever host name the request used
    url = server.url.replace("127.0.0.1", "localhost") + "id/country/france?format=turtle"
    r = requests.get(url)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")


def test_unknown_entity_is_404(server):
    assert requests.get(server.url + "id/person/nobody").status_code == 404
    assert requests.get(server.url + "id/person/nobody", headers={"Accept": "text/turtle"}).status_code == 404
    r = requests.get(server.url + "id/person/x%3E%20%3Fp%20%3Fo")
    assert r.status_code == 404 and "Traceback" not in r.text


# --- the query page -------------------------------------------------------------------------

def test_query_page_is_self_contained(server):
    r = requests.get(server.url)
    assert r.status_code == 200
    html = r.text
    for name in ("persons", "organizations", "equipment", "transfers", "meetings", "agreements",
                 "trainings", "countries"):
        assert f'data-name="{name}"' in html
    assert "http://" not in html.replace(BASE, "").split("<script id=\"config\"")[0].split("<textarea")[0]
    for asset in ("/static/query.js", "/static/style.css", "/static/vendor/yasgui/yasgui.min.js",
                  "/static/vendor/yasgui/yasgui.min.css"):
        assert requests.get(server.url + asset.lstrip("/")).status_code == 200
        assert asset in html
    # the page may load and ask nothing of any other host
    csp = r.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "script-src 'self';" in csp


def test_yasgui_is_vendored_with_its_licence():
    from defgraph.server import query_page

    vendor = Path(query_page.__file__).parent / "static" / "vendor" / "yasgui"
    licence = (vendor / "LICENSE").read_text(encoding="utf-8")
    assert "@zazuko/yasgui 4.6.2" in licence and "MIT" in licence and "codemirror" in licence
    bundle = (vendor / "yasgui.min.js").read_text(encoding="utf-8")
    assert "sourceMappingURL" not in bundle       # no request for a map file the server lacks
    assert "fonts.googleapis" not in bundle and "url(" not in (vendor / "yasgui.min.css").read_text()


def test_query_page_lists_the_views_the_app_serves(server):
    html = requests.get(server.url).text
    assert 'id="open-graph"' in html and 'id="open-map"' in html and 'id="open-timeline"' in html
    assert requests.get(server.url + "timeline").status_code == 200


def test_script_json_escapes_html():
    text = script_json({"q": "</script><b>&\u2028\u2029"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"q": "</script><b>&\u2028\u2029"}


# --- real clients ---------------------------------------------------------------------------

def test_sparqlwrapper(server):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper, XML

    sw = SPARQLWrapper(server.sparql)
    sw.setQuery(f"PREFIX dg: <{DG}> SELECT ?s ?name WHERE {{ ?s a dg:Country ; rdfs:label ?name }} ORDER BY ?name")
    sw.setReturnFormat(JSON)
    rows = sw.query().convert()["results"]["bindings"]
    assert [r["name"]["value"] for r in rows] == ["France", "Ukraine"]
    sw.setMethod(POST)
    sw.setReturnFormat(XML)
    doc = sw.query().convert()
    assert len(doc.getElementsByTagName("result")) == 2
    sw.setQuery("ASK { ?t a <https://w3id.org/defgraph/ontology#Transfer> }")
    sw.setReturnFormat(JSON)
    assert sw.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_and_updatestore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore

    store = SPARQLStore(server.sparql)
    rows = list(store.query(f"SELECT ?e WHERE {{ ?t a <{DG}Transfer> ; <{DG}equipment> ?e }}"))
    assert [str(r.e) for r in rows] == [BASE + "id/equipment/caesar"]

    g = "urn:x-test:rdflib-update"
    denied = SPARQLUpdateStore(server.sparql, server.update)
    with pytest.raises(urllib.error.HTTPError) as refused:     # no token: 401, nothing written
        denied.update(f"INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:b> <urn:c> }} }}")
    assert refused.value.code == 401 and "Bearer" in refused.value.headers["WWW-Authenticate"]
    assert store.query(f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}").askAnswer is False
    writer = SPARQLUpdateStore(server.sparql, server.update, auth=None,
                               headers={"Authorization": f"Bearer {TOKEN}"})
    writer.update(f"INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:b> \"ü\" }} }}")
    rows = list(store.query(f"SELECT ?o WHERE {{ GRAPH <{g}> {{ <urn:a> <urn:b> ?o }} }}"))
    assert [str(r.o) for r in rows] == ["ü"]
    writer.update(f"DROP GRAPH <{g}>")
    assert not list(store.query(f"SELECT ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"))


# --- /graph runs under the same limits as /sparql ---------------------------------------------

def test_graph_page_is_cut_at_the_row_cap(server, tmp_path):
    r = requests.get(server.url + "graph", timeout=60)
    assert r.status_code == 200 and "X-Defgraph-Truncated" not in r.headers
    assert "only the first" not in r.text
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1, row_cap=3)) as live:
        r = requests.get(live.url + "graph", timeout=60)
        assert r.status_code == 200 and "3" in r.headers["X-Defgraph-Truncated"]
        assert "only the first 3 facts of the store" in r.text
    store.close()


def test_graph_as_files_for_gephi_cytoscape_networkx(server):
    import io

    import networkx as nx

    from defgraph.viz.export import VIZ_FORMATS

    counts = {}
    for fmt, read in (("gexf", nx.read_gexf), ("graphml", nx.read_graphml),
                      ("json", lambda f: nx.node_link_graph(json.load(f), edges="edges"))):
        r = requests.get(server.url + "graph", params={"format": fmt, "query": "transfers"}, timeout=60)
        assert r.status_code == 200 and r.headers["Content-Type"] == VIZ_FORMATS[fmt].media_type
        G = read(io.BytesIO(r.content))
        counts[fmt] = (G.number_of_nodes(), G.number_of_edges())
        assert {d["relation"] for _, _, d in G.edges(data=True)} <= {
            "supplier → recipient", "supplier → equipment", "recipient → equipment"}
    assert len(set(counts.values())) == 1 and counts["json"][1] > 0
    r = requests.get(server.url + "graph", params={"format": "pdf"}, timeout=60)
    assert r.status_code == 400 and "format: 'pdf' is not one of html, gexf, graphml, json" in r.text


def test_graph_page_is_stopped_at_the_timeout(tmp_path):
    from defgraph.viz.synthetic import synthetic_nquads

    store = sample_store(tmp_path / "store")
    store.load(synthetic_nquads(2000), "nquads")
    store.flush()
    with live_server(store, Settings(workers=1, timeout=0.2)) as live:
        r = requests.get(live.url + "graph", timeout=60)
        assert r.status_code == 503 and "timeout" in r.text
        r = requests.get(live.sparql, params={"query": "ASK { ?s a dg:Transfer }"}, timeout=60)
        assert r.status_code == 200          # the worker was replaced; the server serves on
    store.close()


def test_graph_pages_are_drawn_once_per_snapshot(tmp_path):
    """A query worker reads a snapshot that never changes: the store's graph is built once for it
    and each page drawn once; a store that can change is read again every time."""
    from defgraph.server.graph import GraphPageTask, kept, store_graph
    from defgraph.store import OxigraphStore
    from defgraph.viz import GraphRequest

    writable = sample_store(tmp_path / "store")
    assert store_graph(writable) is not store_graph(writable)
    task = GraphPageTask(GraphRequest(), None, BASE, "", 1000)
    assert task.run(writable) is not task.run(writable)
    writable.close()
    snapshot = OxigraphStore(tmp_path / "store", read_only=True)
    G = store_graph(snapshot)
    assert store_graph(snapshot) is G and store_graph(snapshot, events="nodes") is not G
    page = task.run(snapshot)
    assert page.status == 200 and task.run(snapshot) is page
    focus = GraphPageTask(GraphRequest(focus="Lecornu"), None, BASE, "", 1000)
    assert focus.run(snapshot).body != page.body                # another view, from the same graph
    assert len(kept(snapshot)["pages"]) == 2
    snapshot.close()
    again = OxigraphStore(tmp_path / "store", read_only=True)   # the next snapshot starts afresh
    assert store_graph(again) is not G and repr(focus) not in kept(again)["pages"]
    again.close()
