"""No SERVICE or LOAD reaches a host that is not allow-listed, on any path that runs SPARQL.

Every test points the query at a real HTTP listener on loopback and checks that it was
refused with a 4xx naming the reason, and that the listener accepted no connection.
"""

from __future__ import annotations

import json
import multiprocessing
import time

import pytest
import requests
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.server import Settings
from defgraph.server.executor import QueryTask
from defgraph.server.pool import _Worker
from defgraph.sparql_policy import PolicyError, check, fetches

from .server_support import LEAK, TOKEN, live_server, loopback_listener, sample_store, served_sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def listener():
    with loopback_listener() as live:
        yield live


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(allow_update=True, update_token=TOKEN, workers=2)
    with served_sample(tmp_path_factory.mktemp("ssrf-store"), settings) as live:
        yield live


def assert_no_connection(listener, before: int) -> None:
    time.sleep(0.2)     # a connection the engine made would have been accepted by now
    assert listener.connections == before, "the listener was contacted"


def queries_at(url: str) -> list[str]:
    """SERVICE calls to `url` in the shapes a filter can miss."""
    host = url.rstrip("/")
    return [
        f"SELECT * WHERE {{ #x\rSERVICE <{url}> {{ ?x ?y ?z }} }}",            # the reproduction
        f"SELECT * WHERE {{ #x\rSERVICE <{url}> {{ ?x ?y ?z }}\n}}",           # ... that rdflib alone parses
        f"select * where {{ service silent <{url}> {{ ?x ?y ?z }} }}",
        f"PREFIX l: <{host}/> SELECT * WHERE {{ SERVICE l:sparql {{ ?x ?y ?z }} }}",
        f"BASE <{host}/> SELECT * WHERE {{ SERVICE <relative> {{ ?x ?y ?z }} }}",
        f"SELECT * WHERE {{ ?s ?p ?o FILTER EXISTS {{ SERVICE <{url}> {{ ?x ?y ?z }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT ?x WHERE {{ SERVICE <{url}> {{ ?x ?y ?z }} }} }} }}",
        f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?x ?y ?z }} }}",
        f"ASK {{ SERVICE <{url}> {{ ?x ?y ?z }} }}",
        f"CONSTRUCT {{ ?x ?y ?z }} WHERE {{ SERVICE <{url}> {{ ?x ?y ?z }} }}",
        # SPARQL 1.2 syntax rdflib cannot parse: refused because the text mentions SERVICE
        f"SELECT * WHERE {{ BIND(<<( <urn:a> <urn:b> <urn:c> )>> AS ?t) SERVICE <{url}> {{ ?x ?y ?z }} }}",
    ]


# --- /sparql, /graph, /update -----------------------------------------------------------------

def test_sparql_refuses_service_in_every_shape(server, listener):
    before = listener.connections
    for q in queries_at(listener.url):
        r = requests.get(server.sparql, params={"query": q})
        assert r.status_code == 403, (q, r.status_code, r.text)
        assert "SERVICE" in r.text and LEAK not in r.text
        r = requests.post(server.sparql, data=q.encode(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 403, (q, r.text)
    assert_no_connection(listener, before)


def test_graph_page_query_refuses_service(server, listener):
    before = listener.connections
    for q in queries_at(listener.url):
        r = requests.get(server.url + "graph", params={"query": q})
        assert r.status_code == 403, (q, r.status_code, r.text[:300])
        assert "SERVICE" in r.text
    assert_no_connection(listener, before)


def test_update_refuses_load_and_service(server, listener):
    before = listener.connections
    url = listener.url
    updates = [
        f"#x\rLOAD <{url}x.ttl> INTO GRAPH <urn:l>",                          # the reproduction
        f"load silent <{url}x.ttl> into graph <urn:l>",
        f"PREFIX l: <{url}> LOAD l:x.ttl INTO GRAPH <urn:l>",
        f"INSERT DATA {{ GRAPH <urn:l> {{ <urn:a> <urn:b> 1 }} }} ; LOAD <{url}x.ttl> INTO GRAPH <urn:l>",
        f"INSERT {{ GRAPH <urn:l> {{ ?x ?y ?z }} }} WHERE {{ #c\rSERVICE <{url}> {{ ?x ?y ?z }} }}",
        "DELETE { ?x ?y ?z } WHERE { SERVICE ?e { ?x ?y ?z } }",
    ]
    for endpoint in (server.update, server.sparql):
        for u in updates:
            r = requests.post(endpoint, data=u.encode(), headers={"Content-Type": "application/sparql-update", **AUTH})
            assert r.status_code == 403, (u, r.status_code, r.text)
            assert ("LOAD" in r.text or "SERVICE" in r.text) and "Traceback" not in r.text
    assert_no_connection(listener, before)
    r = requests.get(server.sparql, params={"query": "ASK { GRAPH <urn:l> { ?s ?p ?o } }"})
    assert json.loads(r.text)["boolean"] is False              # nothing of the refused updates ran


def test_words_in_data_are_not_refused(server):
    """Literal text that holds the letters of SERVICE or LOAD is data, not an operation."""
    g = "urn:x-test:words"
    r = requests.post(server.update, headers={"Content-Type": "application/sparql-update", **AUTH},
                      data=f'INSERT DATA {{ GRAPH <{g}> {{ <urn:a> <urn:note> "armed services download the payload" }} }}')
    assert r.status_code == 204, r.text
    r = requests.get(server.sparql, params={"query": f'SELECT ?o {{ GRAPH <{g}> {{ ?s ?p ?o FILTER(CONTAINS(?o, "service")) }} }}'})
    assert r.status_code == 200 and "payload" in r.text


def test_allow_listed_service_is_called(tmp_path, listener):
    """The allow-list still works (and shows that the refusals above are the policy, not a broken engine)."""
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1, service_allow_list=(listener.url,))) as live:
        before = listener.connections
        r = requests.get(live.sparql, params={"query": f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?y ?z }} }}"})
        assert r.status_code == 200 and LEAK in r.text
        assert listener.connections == before + 1
        r = requests.get(live.sparql, params={"query": f"SELECT ?x WHERE {{ SERVICE <{listener.url}other> {{ ?x ?y ?z }} }}"})
        assert r.status_code == 403
    store.close()


# --- the CLI ----------------------------------------------------------------------------------

def test_cli_query_refuses_service(tmp_path, listener):
    store_dir = tmp_path / "store"
    sample_store(store_dir).close()
    before = listener.connections
    result = CliRunner().invoke(main, ["query", "--store", str(store_dir),
                                       f"SELECT * WHERE {{ #x\rSERVICE <{listener.url}> {{ ?x ?y ?z }} }}"])
    assert result.exit_code != 0
    assert "SERVICE" in result.output and "not allowed" in result.output and "Traceback" not in result.output
    assert_no_connection(listener, before)


# --- the policy on its own --------------------------------------------------------------------

def test_policy_reads_the_algebra():
    assert fetches("SELECT * { ?s ?p ?o }", update=False) == []
    found = fetches("PREFIX e: <http://e.example/> SELECT * { SERVICE e:q { ?s ?p ?o } }", update=False)
    assert [str(f) for f in found] == ["SERVICE <http://e.example/q>"]
    check("SELECT * { SERVICE <http://e.example/q> { ?s ?p ?o } }", update=False,
          allowed_services=["http://e.example/q"])
    with pytest.raises(PolicyError, match="LOAD is not allowed"):
        check("LOAD <http://e.example/x>", update=True, allowed_services=["http://e.example/x"])
    with pytest.raises(PolicyError, match="nested too deeply|could not parse"):
        check("SELECT * { " + "{ " * 3000 + "SERVICE <http://e.example/> {} " + "} " * 3000 + "}",
              update=False)


# --- defence in depth: the worker process itself cannot connect --------------------------------

def test_offline_worker_cannot_connect_even_if_the_policy_lets_a_service_through(seed_store_dir, listener):
    """A worker started offline runs a SERVICE the policy passed (allow-listed in the task), and the
    sandbox stops the connection; the same job in a worker started online reaches the listener."""
    context = multiprocessing.get_context("forkserver")
    query = f"SELECT ?x WHERE {{ SERVICE <{listener.url}> {{ ?x ?y ?z }} }}"
    job = (QueryTask(query, allowed_services=(listener.url,)), 0, str(seed_store_dir))
    outcomes = {}
    for offline in (True, False):
        worker = _Worker(context, offline=offline)
        before = listener.connections
        try:
            worker.conn.send(job)
            assert worker.conn.poll(30)
            outcomes[offline] = (worker.conn.recv(), listener.connections - before)
        finally:
            worker.stop()
    outcome, connections = outcomes[True]
    assert outcome.status >= 400 and LEAK not in outcome.message and connections == 0
    outcome, connections = outcomes[False]
    assert outcome.status == 200 and LEAK in outcome.message and connections == 1
