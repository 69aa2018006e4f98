"""`defgraph link` and `defgraph import`: reconciliation against a Wikidata-shaped file and a second
SPARQL server (Oxigraph's, on loopback), queries across the link graph, and federated SERVICE calls."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner
from SPARQLWrapper import JSON, SPARQLWrapper

from defgraph.cli import main
from defgraph.ingest import ingest_paths
from defgraph.link import (External, LinkError, Local, decide, import_file, normalize, reconcile,
                           score_pair, write_links)
from defgraph.server import Settings
from defgraph.store import OxigraphStore
from tests.conftest import SEEDS
from tests.server_support import live_server

DATA = Path(__file__).resolve().parent / "data" / "link"
FIXTURE = DATA / "wikidata.ttl"
ARTICLE = DATA / "manila-ottawa.txt"
BASE = "http://127.0.0.1:8080/"
WD = "http://www.wikidata.org/entity/"
OWL_SAME = "http://www.w3.org/2002/07/owl#sameAs"
GOLD = {BASE + "id/" + k: v for k, v in json.loads((DATA / "gold.json").read_text()).items()
        if not k.startswith("_")}


def build_store(path: Path) -> OxigraphStore:
    store = OxigraphStore(path, base_iri=BASE)
    summary = ingest_paths([str(SEEDS), str(ARTICLE)], store)
    assert summary.articles == 2 and not summary.skipped
    return store


@pytest.fixture
def store(tmp_path):
    s = build_store(tmp_path / "store")
    yield s
    s.close()


# --- the matcher, on hand-made entities -------------------------------------------------------------

def test_normalize_folds_case_diacritics_spelling_and_punctuation():
    assert normalize("Sébastien  Lecornu") == normalize("sebastien lecornu")
    assert normalize("Ministry of Defence") == normalize("ministry of defense")
    assert normalize("SAMP/T") == "samp t"


def _country(iso, *keys):
    return {f"{WD}{iso}", *keys}


def test_a_weapon_named_after_a_city_does_not_link_to_the_city():
    milan = Local(BASE + "id/equipment/milan", "Equipment", "https://w3id.org/defgraph/ontology#AntiTankWeapon",
                  "Milan", countries=_country("Q142", "france"))
    city = External(WD + "Q490", labels={"Milan", "Milano"}, classes={WD + "Q515"}, countries={WD + "Q38"})
    missile = External(WD + "Q1", labels={"MILAN"}, classes={WD + "Q728"}, countries={WD + "Q142"})
    assert score_pair(milan, city) is None
    m = score_pair(milan, missile)
    assert m is not None and m.score == 1.0 and "class exact" in m.method


def test_a_person_does_not_link_to_a_namesake_of_another_nationality():
    p = Local(BASE + "id/person/x", "Person", "https://w3id.org/defgraph/ontology#Person", "Anna Kovalenko",
              countries=_country("Q212", "ukraine"))
    namesake = External(WD + "Q2", labels={"Anna Kovalenko"}, classes={WD + "Q5"}, countries={WD + "Q159"})
    same = External(WD + "Q3", labels={"Anna Kovalenko"}, classes={WD + "Q5"}, countries={WD + "Q212"})
    assert score_pair(p, namesake) is None
    assert score_pair(p, same).score == 1.0


def test_a_name_alone_never_links():
    p = Local(BASE + "id/agency/x", "Agency", "https://w3id.org/defgraph/ontology#Company", "Acme Defence Systems")
    untyped = External(WD + "Q4", labels={"Acme Defense Systems"})
    assert score_pair(p, untyped) is None


def test_a_shared_acronym_resolves_by_country_and_class():
    dnd = Local(BASE + "id/agency/dnd-ph", "Agency", "https://w3id.org/defgraph/ontology#Ministry",
                "Philippine Department of National Defense", acronyms={"DND"},
                countries=_country("Q928", "philippines"))
    canada = External(WD + "Q5", labels={"Department of National Defence (Canada)"}, aliases={"DND"},
                      classes={WD + "Q192350"}, countries={WD + "Q16"})
    philippines = External(WD + "Q6", labels={"Kagawaran ng Tanggulang Pambansa"}, aliases={"DND"},
                           classes={WD + "Q192350"}, countries={WD + "Q928"})
    company = External(WD + "Q7", labels={"DND"}, classes={WD + "Q4830453"}, countries={WD + "Q928"})
    assert score_pair(dnd, canada) is None
    assert score_pair(dnd, company) is None or score_pair(dnd, company).score < 0.9
    m = score_pair(dnd, philippines)
    assert m is not None and m.score >= 0.9 and m.method.startswith("acronym")


def test_a_tie_at_the_top_is_left_to_a_person():
    p = Local(BASE + "id/country/x", "Country", "https://w3id.org/defgraph/ontology#Country", "Ruritania")
    a = External(WD + "Q8", labels={"Ruritania"}, classes={WD + "Q6256"})
    b = External(WD + "Q9", labels={"Ruritania"}, classes={WD + "Q3624078"})
    decisions = decide([score_pair(p, a), score_pair(p, b)], threshold=0.5)
    assert len(decisions) == 2 and not any(d.same for d in decisions)


# --- reconciliation against the Wikidata-shaped fixture file --------------------------------------

def _pairs(report):
    return {(d.match.local.iri, d.match.external.iri): d for d in report.decisions}


def check_fixture_report(report):
    """Every link is a true match; the traps (city, namesakes, other DND, taxon, town) never link."""
    pairs = _pairs(report)
    wrong = [(s, o) for (s, o) in pairs if GOLD.get(s) != o]
    assert wrong == []
    same = {(s, o) for (s, o), d in pairs.items() if d.same}
    assert len(same) >= 16
    recall = len({s for s, _ in pairs}) / len(GOLD)
    assert recall == 1.0
    linked_targets = {o for _, o in pairs}
    for trap in ("Q99000101", "Q99000108", "Q99000107", "Q99000104", "Q99000202", "Q99000204",
                 "Q99000206"):
        assert WD + trap not in linked_targets
    dnd = BASE + "id/agency/department-of-national-defense-of-the-philippines"
    assert pairs[(dnd, WD + "Q99000402")].same
    assert (dnd, WD + "Q99000401") not in pairs
    return same


def test_reconcile_the_fixture_file(store):
    report = reconcile(store, str(FIXTURE))
    same = check_fixture_report(report)
    # MBDA: its acronym-shaped name and class agree, but defgraph knows no country for it
    mbda = _pairs(report)[(BASE + "id/agency/mbda", WD + "Q99000405")]
    assert not mbda.same and 0.6 <= mbda.match.score < 0.9
    assert (BASE + "id/equipment/milan", WD + "Q99000102") in same


def test_type_filter_and_threshold(store):
    report = reconcile(store, str(FIXTURE), families=["Person"], threshold=1.0)
    assert {d.match.local.family for d in report.decisions} == {"Person"}
    assert all(d.same == (d.match.score >= 1.0) for d in report.decisions)
    with pytest.raises(LinkError, match="unknown --type Weapon"):
        reconcile(store, str(FIXTURE), families=["Weapon"])


def test_write_links_records_score_and_method_in_a_graph_of_their_own(store):
    report = reconcile(store, str(FIXTURE))
    n = write_links(store, report)
    assert report.graph == BASE + "graph/links/wikidata"
    assert store.count(report.graph) == n
    rows = store.select(f"""
        SELECT ?s ?p ?o ?score ?method ?source WHERE {{ GRAPH <{report.graph}> {{
          ?s ?p ?o . ?ax owl:annotatedSource ?s ; owl:annotatedProperty ?p ; owl:annotatedTarget ?o ;
              <https://w3id.org/sssom/confidence> ?score ; rdfs:comment ?method ; dcterms:source ?source }} }}""")
    assert len(rows) == len(report.decisions)
    assert {r["source"] for r in rows} == {FIXTURE.resolve().as_uri()}
    umerov = next(r for r in rows if r["s"].endswith("rustem-umerov"))
    assert umerov["p"] == OWL_SAME and float(umerov["score"]) == 1.0 and "country agree" in umerov["method"]
    # nothing else changed: entities graph has no links; a second run replaces, not duplicates
    assert not store.ask(f"ASK {{ GRAPH <{BASE}graph/entities> {{ ?s owl:sameAs ?o }} }}")
    assert write_links(store, reconcile(store, str(FIXTURE))) == n
    assert store.count(report.graph) == n


def test_cli_link_dry_run_writes_nothing_then_writes(tmp_path):
    build_store(tmp_path / "s").close()
    runner = CliRunner()
    r = runner.invoke(main, ["link", "--store", str(tmp_path / "s"), "--against", str(FIXTURE), "--dry-run"])
    assert r.exit_code == 0, r.output
    assert "sameAs" in r.stdout and "Rustem Umerov" in r.stdout and "dry run: nothing written" in r.stderr
    s = OxigraphStore(tmp_path / "s", read_only=True)
    assert BASE + "graph/links/wikidata" not in s.graphs()
    s.close()
    r = runner.invoke(main, ["link", "--store", str(tmp_path / "s"), "--against", str(FIXTURE),
                             "--type", "Country"])
    assert r.exit_code == 0, r.output
    s = OxigraphStore(tmp_path / "s", read_only=True)
    assert len(s.select(f"SELECT ?s WHERE {{ GRAPH <{BASE}graph/links/wikidata> {{ ?s owl:sameAs ?o }} }}")) == 6
    s.close()
    r = runner.invoke(main, ["link", "--store", str(tmp_path / "s"), "--against", str(tmp_path / "nope.ttl")])
    assert r.exit_code != 0 and "nope.ttl: no such file" in r.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle")
    r = runner.invoke(main, ["link", "--store", str(tmp_path / "s"), "--against", str(bad)])
    assert r.exit_code != 0 and "bad.ttl: cannot read it as RDF" in r.output


# --- import, and queries across the link graph ----------------------------------------------------

EXT_GRAPH = "https://example.org/graph/wikidata-extract"
ROLE_ACROSS_LINKS = """
SELECT ?position WHERE {
  <http://127.0.0.1:8080/id/person/rustem-umerov> owl:sameAs ?x .
  ?x <http://www.wikidata.org/prop/direct/P39> ?p . ?p rdfs:label ?position }"""


def test_import_into_a_named_graph_and_query_across_the_links(store):
    n = import_file(store, FIXTURE, EXT_GRAPH)
    assert n == store.count(EXT_GRAPH) and n > 100
    write_links(store, reconcile(store, str(FIXTURE)))
    rows = store.select(ROLE_ACROSS_LINKS)
    assert [r["position"] for r in rows] == ["Minister of Defence of Ukraine"]
    # the namesake's occupation is not reachable from the defgraph person
    assert "association football player" not in {r["position"] for r in rows}


def test_import_refuses_bad_input_and_keeps_what_is_stored(store, tmp_path):
    import_file(store, FIXTURE, EXT_GRAPH)
    before = store.count()
    bad = tmp_path / "broken.ttl"
    bad.write_text("<urn:a> <urn:b> ")
    with pytest.raises(LinkError, match="broken.ttl: not valid turtle"):
        import_file(store, bad, EXT_GRAPH)
    with pytest.raises(LinkError, match="belongs to defgraph"):
        import_file(store, FIXTURE, BASE + "graph/entities")
    with pytest.raises(LinkError, match="not an absolute IRI"):
        import_file(store, FIXTURE, "not an iri")
    assert store.count() == before


def test_cli_import(tmp_path):
    build_store(tmp_path / "s").close()
    r = CliRunner().invoke(main, ["import", str(FIXTURE), "--store", str(tmp_path / "s"), "--graph", EXT_GRAPH])
    assert r.exit_code == 0, r.output
    assert f"into graph <{EXT_GRAPH}>" in r.output


# --- a second SPARQL server: Oxigraph's, on loopback ------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """Oxigraph's own server, holding the fixture, on a free loopback port; stopped at teardown."""
    exe = shutil.which("oxigraph")
    assert exe, "the `oxigraph` command (PyPI package oxigraph, in the test extra) is needed"
    location = tmp_path_factory.mktemp("oxigraph")
    subprocess.run([exe, "load", "--location", str(location), "--file", str(FIXTURE)], check=True,
                   capture_output=True, timeout=60)
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/query"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"oxigraph serve did not start: {proc.stderr.read().decode()[:500]}")
        time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_reconcile_against_a_sparql_endpoint(store, oxigraph_server):
    by_file = reconcile(store, str(FIXTURE))
    by_endpoint = reconcile(store, oxigraph_server)
    check_fixture_report(by_endpoint)
    assert {(k, d.predicate, d.match.score) for k, d in _pairs(by_endpoint).items()} == \
           {(k, d.predicate, d.match.score) for k, d in _pairs(by_file).items()}
    assert by_endpoint.graph == BASE + "graph/links/127-0-0-1-" + oxigraph_server.split(":")[2].replace("/", "-")


def test_link_reports_an_unreachable_endpoint(store):
    with pytest.raises(LinkError, match="cannot be reached"):
        reconcile(store, f"http://127.0.0.1:{_free_port()}/query")


FEDERATED = """
SELECT ?position WHERE {
  <http://127.0.0.1:8080/id/person/rustem-umerov> owl:sameAs ?x .
  SERVICE <ENDPOINT> { ?x <http://www.wikidata.org/prop/direct/P39> ?p . ?p rdfs:label ?position }
}"""


def test_federated_service_to_an_allow_listed_endpoint(tmp_path, oxigraph_server):
    s = build_store(tmp_path / "fed")
    write_links(s, reconcile(s, oxigraph_server))
    s.close()
    s = OxigraphStore(tmp_path / "fed", read_only=True)
    settings = Settings(service_allow_list=(oxigraph_server,), workers=1, timeout=20)
    with live_server(s, settings) as server:
        client = SPARQLWrapper(server.sparql)
        client.setQuery(FEDERATED.replace("ENDPOINT", oxigraph_server))
        client.setReturnFormat(JSON)
        rows = client.query().convert()["results"]["bindings"]
        assert [r["position"]["value"] for r in rows] == ["Minister of Defence of Ukraine"]
        other = oxigraph_server.replace("/query", "/other")
        r = requests.get(server.sparql, params={"query": FEDERATED.replace("ENDPOINT", other)})
        assert r.status_code == 403 and "not allowed" in r.text
    s.close()


# --- a bad endpoint: named, with the problem, and a non-zero exit ------------------------------

@pytest.fixture(scope="module")
def bad_endpoint():
    """A loopback HTTP server whose paths answer as broken SPARQL endpoints do."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    answers = {
        "/moved": (301, {"Location": "/elsewhere"}, b""),
        "/see-other": (303, {"Location": "/elsewhere"}, b""),
        "/not-json": (200, {"Content-Type": "application/sparql-results+json"}, b"{not json"),
        "/no-results": (200, {"Content-Type": "application/json"}, b'{"head": {"vars": []}}'),
        "/a-list": (200, {"Content-Type": "application/json"}, b"[1, 2, 3]"),
        "/bad-term": (200, {"Content-Type": "application/json"},
                      b'{"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": 1}}]}}'),
        # what a client that followed the redirect with GET would have read: an empty answer
        "/elsewhere": (200, {"Content-Type": "application/json"},
                       b'{"head": {"vars": []}, "results": {"bindings": []}}'),
    }

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            status, headers, body = answers.get(self.path.split("?")[0], (404, {}, b""))
            self.send_response(status)
            for k, v in {**headers, "Content-Length": str(len(body))}.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._answer()

        do_GET = _answer

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("path,problem", [
    ("/moved", "redirects (301)"), ("/see-other", "redirects (303)"),
    ("/not-json", "not SPARQL results JSON"), ("/no-results", "not SPARQL results JSON"),
    ("/a-list", "not SPARQL results JSON"), ("/bad-term", "not SPARQL results JSON"),
])
def test_cli_link_against_a_bad_endpoint_names_it_and_fails(tmp_path, bad_endpoint, path, problem):
    build_store(tmp_path / "s").close()
    url = bad_endpoint + path
    r = CliRunner().invoke(main, ["link", "--against", url, "--store", str(tmp_path / "s"), "--dry-run"])
    assert r.exit_code == 1, r.output
    lines = r.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Error: {url}: ") and problem in lines[0], r.output
