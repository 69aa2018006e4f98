"""The SPARQL 1.1 Protocol and Graph Store Protocol over real HTTP, mirroring the W3C protocol tests."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from rdflib import Graph, URIRef

from defgraph.formats import FORMATS
from defgraph.server import Settings

from .server_support import TOKEN, live_server, sample_store, served_sample

CHECKER = Path(__file__).resolve().parent / "conformance" / "sparql_protocol_check.py"
KASEI = "http://kasei.us/2009/09/sparql/data/"
D1, D2, D3 = (f"{KASEI}data{i}.rdf" for i in (1, 2, 3))
JSON_RES = "application/sparql-results+json"
XML_RES = "application/sparql-results+xml"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(allow_update=True, update_token=TOKEN, row_cap=3, workers=2,
                        max_request_bytes=64 * 1024)
    with served_sample(tmp_path_factory.mktemp("protocol-store"), settings, base_is_url=True) as live:
        yield live


def put_graph(server, iri: str, method: str = "PUT") -> None:
    nt = f"<{iri}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> .\n"
    r = requests.request(method, server.graph_store, params={"graph": iri}, data=nt.encode(),
                         headers={"Content-Type": "application/n-triples", **AUTH})
    assert r.status_code in (201, 204), r.text


def boolean(r: requests.Response) -> bool:
    media = r.headers["Content-Type"].split(";")[0]
    if media == JSON_RES:
        return json.loads(r.text)["boolean"]
    assert media == XML_RES, media
    return "<boolean>true</boolean>" in r.text


def ask(server, query: str, **params) -> bool:
    r = requests.get(server.sparql, params={"query": query, **params})
    assert r.status_code == 200, r.text
    return boolean(r)


# --- W3C protocol tests (sparql/sparql11/protocol/manifest.ttl), as our own checks -------------

def test_query_get_post_form_and_direct(server):
    put_graph(server, D1)
    q = "ASK {}"
    assert boolean(requests.get(server.sparql, params={"query": q, "default-graph-uri": D1}))
    r = requests.post(server.sparql + "?default-graph-uri=" + quote(D1, safe=""), data={"query": q})
    assert r.status_code == 200 and boolean(r)
    r = requests.post(server.sparql, data=q, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and boolean(r)
    # the SPARQL 1.2 version parameter, as a parameter and as a media-type parameter
    assert boolean(requests.get(server.sparql, params={"query": q, "version": "1.2"}))
    r = requests.post(server.sparql, data=q, headers={"Content-Type": "application/sparql-query; version=1.2"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith((JSON_RES, XML_RES))


def test_query_post_form_dataset_in_body(server):
    put_graph(server, D1)
    r = requests.post(server.sparql, data={"query": f"ASK {{ <{D1}> ?p ?o }}", "default-graph-uri": D1})
    assert r.status_code == 200 and boolean(r) is True


@pytest.mark.parametrize("accept,media", [(JSON_RES, JSON_RES), (XML_RES, XML_RES)])
def test_query_content_negotiation(server, accept, media):
    r = requests.post(server.sparql, data={"query": "ASK {}", "default-graph-uri": D1},
                      headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["Content-Type"].split(";")[0] == media


def test_query_content_types_without_accept(server):
    post = lambda q: requests.post(server.sparql, data=q, headers={"Content-Type": "application/sparql-query"})
    r = post("SELECT (1 AS ?value) {}")
    assert r.headers["Content-Type"].startswith(JSON_RES)
    assert json.loads(r.text)["results"]["bindings"][0]["value"]["value"] == "1"
    assert post("ASK {}").headers["Content-Type"].startswith(JSON_RES)
    r = post("CONSTRUCT { <s> <p> 1 } WHERE {}")   # relative IRIs resolve against the endpoint
    assert r.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=r.text, format="turtle")
    assert list(g) and str(next(iter(g))[0]) == server.sparql.rsplit("/", 1)[0] + "/s"
    r = post("DESCRIBE <http://example.org/>")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/turtle")


def test_query_datasets(server):
    put_graph(server, D1)
    put_graph(server, D2)
    put_graph(server, D3)
    both = f"ASK {{ <{D1}> a ?type . <{D2}> a ?type . }}"
    assert ask(server, both, **{"default-graph-uri": [D1, D2]})
    assert not ask(server, both, **{"default-graph-uri": [D1]})
    named = f"ASK {{ GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
    assert ask(server, named, **{"named-graph-uri": [D1, D2]})
    assert not ask(server, named, **{"named-graph-uri": [D1, D3]})
    # only named graphs given: the default graph is empty
    assert not ask(server, f"ASK {{ <{D1}> a ?t }}", **{"named-graph-uri": [D1]})
    full = f"ASK {{ <{D3}> a ?type GRAPH ?g1 {{ <{D1}> a ?type }} GRAPH ?g2 {{ <{D2}> a ?type }} }}"
    url = (server.sparql + "?default-graph-uri=" + quote(D3, safe="") + "&named-graph-uri="
           + quote(D1, safe="") + "&named-graph-uri=" + quote(D2, safe=""))
    r = requests.post(url, data=full, headers={"Content-Type": "application/sparql-query"})
    assert boolean(r) is True
    # the protocol's dataset overrides FROM in the query
    multi = f"ASK FROM <{D3}> {{ <{D1}> a ?t }}"
    assert ask(server, multi, **{"default-graph-uri": [D1]})
    assert not ask(server, multi)


@pytest.mark.parametrize("method,url_query,headers,body", [
    ("GET", "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D", {}, None),          # bad_multiple_queries
    ("POST", "", {"Content-Type": "application/x-www-form-urlencoded"},
     "query=ASK%20%7B%7D&query=SELECT%20%2A%20%7B%7D"),                               # ..._form
    ("GET", "query=ASK%20%7B%7D", {}, "unexpected body content"),                     # get_with_body
    ("PUT", "query=ASK%20%7B%7D", {"Content-Type": "application/x-www-form-urlencoded"}, ""),  # method
    ("POST", "", {"Content-Type": ""}, "ASK {}"),                                     # missing_direct_type
    ("POST", "", {"Content-Type": ""}, "query=ASK%20%7B%7D"),                         # missing_form_type
    ("GET", "query=ASK%20%7B%7D&version=1.1&version=1.2", {}, None),                  # multiple_versions
    ("POST", "", {"Content-Type": "application/sparql-query; charset=UTF-16"},
     "ASK {}".encode("utf-16")),                                                       # non_utf8
    ("GET", "query=ASK%20%7B", {}, None),                                             # syntax
    ("POST", "", {"Content-Type": "text/plain"}, "ASK {}"),                           # wrong_media_type
])
def test_bad_queries_are_client_errors(server, method, url_query, headers, body):
    url = server.sparql + ("?" + url_query if url_query else "")
    r = requests.request(method, url, headers=headers, data=body)
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert "Traceback" not in r.text


def test_syntax_error_is_400_with_parser_message(server):
    r = requests.get(server.sparql, params={"query": "SELECT ?x WHERE { ?x ?y"})
    assert r.status_code == 400
    assert "syntax error" in r.text and "expected" in r.text


def graph_count(server, iri: str) -> int:
    r = requests.get(server.sparql, params={"query": f"SELECT (COUNT(*) AS ?n) {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"})
    return int(json.loads(r.text)["results"]["bindings"][0]["n"]["value"])


@pytest.mark.parametrize("url_query,headers,body", [
    ("", {"Content-Type": "application/x-www-form-urlencoded"},
     "update=CLEAR%20NAMED&update=CLEAR%20DEFAULT"),                                   # multiple_updates
    ("using-named-graph-uri=http%3A%2F%2Fexample%2Fpeople", {"Content-Type": "application/sparql-update"},
     "WITH <http://example/addresses> DELETE { ?p <urn:n> 'Bill' } INSERT { ?p <urn:n> 'W' } "
     "WHERE { ?p <urn:n> 'Bill' }"),                                                   # dataset_conflict
    ("update=CLEAR%20ALL", {"Content-Type": "application/x-www-form-urlencoded"}, ""),  # form_body_missing
    ("", {"Content-Type": ""}, "update=CLEAR%20NAMED"),                                # missing_form_type
    ("", {"Content-Type": "application/x-www-form-urlencoded"},
     "update=CLEAR%20ALL&version=1.1&version=1.2"),                                    # multiple_versions
    ("", {"Content-Type": "application/sparql-update; charset=UTF-16"},
     "CLEAR NAMED".encode("utf-16")),                                                  # non_utf8
    ("", {"Content-Type": "application/x-www-form-urlencoded"}, "update=CLEAR%20XYZ"),  # syntax
    ("", {"Content-Type": "text/plain"}, "CLEAR NAMED"),                               # wrong_media_type
])
def test_bad_updates_are_refused_and_change_nothing(server, url_query, headers, body):
    put_graph(server, D1)
    url = server.sparql + ("?" + url_query if url_query else "")
    r = requests.post(url, headers={**headers, **AUTH}, data=body)
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert graph_count(server, D1) == 1


def test_bad_update_get_changes_nothing(server):
    put_graph(server, D1)
    r = requests.get(server.sparql, params={"update": "CLEAR ALL"}, headers=AUTH)
    assert 400 <= r.status_code < 500
    assert graph_count(server, D1) == 1


def test_update_post_form_and_direct(server):
    g = "urn:x-test:update-forms"
    r = requests.post(server.sparql, data={"update": f"INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:b> 1 }} }}"},
                      headers=AUTH)
    assert r.status_code == 204, r.text
    assert graph_count(server, g) == 1
    r = requests.post(server.update, data=f"INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:b> 2 }} }}",
                      headers={"Content-Type": "application/sparql-update; version=1.2", **AUTH})
    assert r.status_code == 204 and graph_count(server, g) == 2
    r = requests.post(server.sparql, data={"update": f"DROP GRAPH <{g}>", "version": "1.2"}, headers=AUTH)
    assert r.status_code == 204 and graph_count(server, g) == 0


def test_update_and_query_base_iri_is_the_endpoint(server):
    g = "http://example.org/protocol-base-test/"
    r = requests.post(server.sparql, headers={"Content-Type": "application/sparql-update", **AUTH},
                      data=f"CLEAR SILENT GRAPH <{g}> ; INSERT DATA {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> <test> }} }}")
    assert r.status_code == 204, r.text
    assert ask(server, f"ASK {{ GRAPH <{g}> {{ <http://example.org/s> <http://example.org/p> <{server.url}test> }} }}")
    assert ask(server, "BASE <http://example.org/> ASK { GRAPH <protocol-base-test/> { <s> <p> ?o } }")


def test_update_datasets(server):
    prologue = "PREFIX dc: <http://purl.org/dc/terms/> PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
    for i, d in enumerate((D1, D2, D3)):
        put_graph(server, d)
    out = "urn:x-test:update-dataset"

    def update(params, where):
        requests.post(server.sparql, data={"update": f"{prologue} DROP SILENT GRAPH <{out}>"}, headers=AUTH)
        r = requests.post(server.sparql + "?" + params, data=prologue + f"INSERT {{ GRAPH <{out}> {{ ?s <urn:in> ?in }} }} WHERE {{ {where} }}",
                          headers={"Content-Type": "application/sparql-update", **AUTH})
        assert r.status_code == 204, r.text
        r = requests.get(server.sparql, params={"query": f"SELECT ?s ?in {{ GRAPH <{out}> {{ ?s <urn:in> ?in }} }} ORDER BY ?s"},
                         headers={"Accept": "text/tab-separated-values"})
        return r.text.splitlines()[1:]

    q = lambda iri: quote(iri, safe="")
    plain = '?s a foaf:Document BIND("default" AS ?in)'
    assert update(f"using-graph-uri={q(D1)}", plain) == [f'<{D1}>\t"default"']
    assert update(f"using-graph-uri={q(D1)}&using-graph-uri={q(D2)}", plain) == [
        f'<{D1}>\t"default"', f'<{D2}>\t"default"']
    named = "GRAPH ?g { ?s a foaf:Document } BIND(?g AS ?in)"
    assert update(f"using-named-graph-uri={q(D1)}&using-named-graph-uri={q(D2)}", named) == [
        f"<{D1}>\t<{D1}>", f"<{D2}>\t<{D2}>"]
    assert update(f"using-graph-uri={q(D1)}&using-named-graph-uri={q(D2)}",
                  f"{{ {named} }} UNION {{ {plain} }}") == [f'<{D1}>\t"default"', f"<{D2}>\t<{D2}>"]


# --- access to updates ----------------------------------------------------------------------

def test_updates_need_the_token(server):
    g = "urn:x-test:auth"
    body = f"INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:b> <urn:c> }} }}"
    ct = {"Content-Type": "application/sparql-update"}
    assert requests.post(server.update, data=body, headers=ct).status_code == 401
    assert requests.post(server.update, data=body, headers={**ct, "Authorization": "Bearer nope"}).status_code == 403
    assert requests.post(server.update, data=body, headers={**ct, "Authorization": f"Basic {TOKEN}"}).status_code == 403
    r = requests.put(server.graph_store, params={"graph": g}, data="<urn:a> <urn:b> <urn:c> .",
                     headers={"Content-Type": "application/n-triples"})
    assert r.status_code == 401
    assert requests.delete(server.graph_store, params={"graph": D1}).status_code == 401
    assert graph_count(server, g) == 0


def test_updates_are_off_by_default(tmp_path):
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1)) as live:
        r = requests.post(live.sparql, data={"update": "CLEAR ALL"}, headers=AUTH)
        assert r.status_code == 403 and "disabled" in r.text
        r = requests.put(live.graph_store, params={"graph": "urn:g"}, data="<urn:a> <urn:b> <urn:c> .",
                         headers={"Content-Type": "application/n-triples", **AUTH})
        assert r.status_code == 403
        assert ask(live, "ASK { ?s a dg:Transfer }")   # nothing was cleared
        r = requests.get(live.sparql, headers={"Accept": "text/turtle"})
        assert "SPARQL11Update" not in r.text
    store.close()


def test_load_is_refused(server):
    r = requests.post(server.update, data="LOAD <http://127.0.0.1:1/data.ttl>",
                      headers={"Content-Type": "application/sparql-update", **AUTH})
    assert r.status_code == 403 and "LOAD" in r.text


# --- Graph Store Protocol -------------------------------------------------------------------

def test_graph_store_protocol(server):
    g = "urn:x-test:gsp"
    requests.delete(server.graph_store, params={"graph": g}, headers=AUTH)
    assert requests.get(server.graph_store, params={"graph": g}).status_code == 404
    turtle = "<urn:a> <urn:b> <rel> ."
    r = requests.put(server.graph_store, params={"graph": g}, data=turtle,
                     headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 201
    r = requests.post(server.graph_store, params={"graph": g}, data="<urn:a> <urn:b> <urn:d> .",
                      headers={"Content-Type": "application/n-triples", **AUTH})
    assert r.status_code == 204
    r = requests.get(server.graph_store, params={"graph": g}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/n-triples")
    objects = {str(o) for o in Graph().parse(data=r.text, format="nt").objects()}
    assert objects == {"urn:d", "urn:rel"}        # relative IRIs resolve against the graph IRI
    r = requests.put(server.graph_store, params={"graph": g}, data="this is not turtle <",
                     headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 400 and graph_count(server, g) == 2
    r = requests.put(server.graph_store, params={"graph": g}, data="<urn:x> <urn:y> <urn:z> .",
                     headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 204 and graph_count(server, g) == 1
    r = requests.get(server.graph_store, params={"graph": g}, headers={"Accept": "application/ld+json"})
    assert len(Graph().parse(data=r.text, format="json-ld")) == 1
    assert requests.delete(server.graph_store, params={"graph": g}, headers=AUTH).status_code == 204
    assert requests.get(server.graph_store, params={"graph": g}).status_code == 404
    r = requests.put(server.graph_store, params={"default": ""}, data="<urn:dflt> <urn:p> 1 .",
                     headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code == 204
    r = requests.get(server.graph_store, params={"default": ""}, headers={"Accept": "text/turtle"})
    assert [str(s) for s in Graph().parse(data=r.text, format="turtle").subjects()] == ["urn:dflt"]
    assert requests.delete(server.graph_store, params={"default": ""}, headers=AUTH).status_code == 204
    assert requests.get(server.graph_store).status_code == 400


# --- formats, service description, CORS -----------------------------------------------------

@pytest.mark.parametrize("accept,fmt,media", [
    ("text/csv", None, "text/csv"), ("text/tab-separated-values", None, "text/tab-separated-values"),
    (XML_RES, None, XML_RES), ("*/*", None, JSON_RES), ("text/html", "csv", "text/csv"),
    ("application/sparql-results+xml;q=0.5, application/sparql-results+json", None, JSON_RES),
])
def test_select_formats(server, accept, fmt, media):
    params = {"query": "SELECT (1+1 AS ?x) {}"} | ({"format": fmt} if fmt else {})
    r = requests.get(server.sparql, params=params, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["Content-Type"].split(";")[0] == media
    assert "2" in r.text


@pytest.mark.parametrize("accept,rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"),
    ("application/rdf+xml", "xml"), ("application/ld+json", "json-ld")])
def test_construct_formats(server, accept, rdflib_format):
    q = 'CONSTRUCT { <urn:x> <urn:p> "é€😀 ü" } WHERE {}'
    r = requests.get(server.sparql, params={"query": q}, headers={"Accept": accept})
    assert r.headers["Content-Type"].split(";")[0] == accept
    g = Graph().parse(data=r.text, format=rdflib_format)
    assert [str(o) for o in g.objects()] == ["é€😀 ü"]


def test_service_description(server):
    r = requests.get(server.sparql, headers={"Accept": "text/turtle"}, params={"unknown": "ignored"})
    assert r.status_code == 200
    g = Graph().parse(data=r.text, format="turtle")
    SD = "http://www.w3.org/ns/sparql-service-description#"
    assert (None, URIRef(SD + "endpoint"), URIRef(server.sparql)) in g     # the configured base
    langs = set(g.objects(None, URIRef(SD + "supportedLanguage")))
    assert {URIRef(SD + "SPARQL11Query"), URIRef(SD + "SPARQL11Update")} <= langs
    # every format the server answers in, from the one table of formats
    assert set(g.objects(None, URIRef(SD + "resultFormat"))) == {
        URIRef(f.w3c) for f in FORMATS if f.served and f.w3c}
    assert len(set(g.objects(None, URIRef(SD + "resultFormat")))) == 10
    assert (None, URIRef(SD + "feature"), URIRef(SD + "UnionDefaultGraph")) in g
    assert (None, URIRef(SD + "defaultDataset"), None) in g


def test_cors(server):
    r = requests.get(server.sparql, params={"query": "ASK {}"}, headers={"Origin": "http://example.org"})
    assert r.headers["Access-Control-Allow-Origin"] in ("*", "http://example.org")
    r = requests.options(server.sparql, headers={"Origin": "http://example.org",
                                                 "Access-Control-Request-Method": "POST",
                                                 "Access-Control-Request-Headers": "content-type, authorization"})
    assert r.status_code == 200
    assert "content-type" in r.headers["Access-Control-Allow-Headers"].lower()


def test_unknown_parameters_are_ignored(server):
    r = requests.get(server.sparql, params={"query": "ASK {}", "clientRequestId": "x", "foo": "bar"})
    assert r.status_code == 200 and boolean(r)


# --- safety ---------------------------------------------------------------------------------

def test_row_cap_header(server):
    q = "SELECT ?i WHERE { VALUES ?i { 1 2 3 4 5 } }"
    r = requests.get(server.sparql, params={"query": q}, headers={"Accept": JSON_RES})
    assert len(json.loads(r.text)["results"]["bindings"]) == 3
    assert "3" in r.headers["X-Defgraph-Truncated"]
    r = requests.get(server.sparql, params={"query": q + " LIMIT 4"}, headers={"Accept": "text/csv"})
    assert len(r.text.strip().splitlines()) == 1 + 3 and "X-Defgraph-Truncated" in r.headers
    r = requests.get(server.sparql, params={"query": "SELECT ?i WHERE { VALUES ?i { 1 2 3 } }"})
    assert len(json.loads(r.text)["results"]["bindings"]) == 3 and "X-Defgraph-Truncated" not in r.headers
    r = requests.get(server.sparql, params={"query": "CONSTRUCT { ?i <urn:p> 1 } WHERE { VALUES ?i { <urn:1> <urn:2> <urn:3> <urn:4> } }"},
                     headers={"Accept": "application/n-triples"})
    assert len(r.text.strip().splitlines()) == 3 and "X-Defgraph-Truncated" in r.headers


def test_service_is_refused_unless_allow_listed(server):
    r = requests.get(server.sparql, params={"query": "SELECT * { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"})
    assert r.status_code == 403 and "SERVICE" in r.text
    r = requests.get(server.sparql, params={"query": "SELECT * { SERVICE SILENT ?e { ?s ?p ?o } }"})
    assert r.status_code == 403


def test_request_size_limit(server):
    big = "ASK { FILTER(\"" + "x" * 100_000 + "\" != \"\") }"
    r = requests.post(server.sparql, data=big, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 413 and "limit" in r.text


def test_unknown_path_and_errors_show_no_trace(server):
    r = requests.get(server.url + "no/such/page")
    assert r.status_code == 404 and "Traceback" not in r.text
    r = requests.get(server.sparql, params={"query": "SELECT * { ?s ?p ?o FILTER(<urn:f>(?s)) }"})
    assert r.status_code == 400 and "Traceback" not in r.text
    assert r.text.strip() == "the query cannot be evaluated: The custom function <urn:f> is not supported"


def test_query_timeout_keeps_serving_others(tmp_path):
    store = sample_store(tmp_path / "store")
    many = "\n".join(f"<urn:s{i}> <urn:p> {i} ." for i in range(300))
    store.load(many.encode(), "turtle", "urn:x-test:many")
    store.flush()
    with live_server(store, Settings(timeout=1.5, workers=2)) as live:
        slow = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
        result: dict = {}

        def run_slow():
            t0 = time.monotonic()
            result["response"] = requests.get(live.sparql, params={"query": slow}, timeout=60)
            result["seconds"] = time.monotonic() - t0

        thread = threading.Thread(target=run_slow)
        thread.start()
        time.sleep(0.3)
        t0 = time.monotonic()
        assert ask(live, "ASK { ?s a dg:Transfer }")      # served while the slow query runs
        assert time.monotonic() - t0 < 1.0
        thread.join()
        r = result["response"]
        assert r.status_code == 503 and "timeout" in r.text and "1.5 s" in r.text
        assert result["seconds"] < 10
        for _ in range(3):                               # the killed worker was replaced
            assert ask(live, "ASK { ?s a dg:Transfer }")
    store.close()


# --- our conformance checker ----------------------------------------------------------------

def test_conformance_checker_passes(server):
    out = subprocess.run(
        [sys.executable, str(CHECKER), "--endpoint", server.sparql, "--update-endpoint", server.update,
         "--token", TOKEN], capture_output=True, text=True, timeout=300)
    last = out.stdout.strip().splitlines()[-1]
    assert last.startswith("64 passed, 0 failed"), out.stdout
    assert out.returncode == 0
