"""What the server tells about itself: nothing taken from the request's Host, no file paths,
and `X-Content-Type-Options: nosniff` on every response."""

from __future__ import annotations

import shutil

import pytest
import requests
from rdflib import Graph

from defgraph.server import Settings

from .server_support import BASE, TOKEN, live_server, sample_store, served_sample

EVIL = "evil.example"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(allow_update=True, update_token=TOKEN, workers=1)
    with served_sample(tmp_path_factory.mktemp("headers-store"), settings) as live:
        yield live


@pytest.mark.parametrize("path", [".well-known/void", "sparql"])
def test_host_header_is_not_echoed(server, path):
    r = requests.get(server.url + path, headers={"Host": EVIL, "Accept": "text/turtle"})
    assert r.status_code == 200 and EVIL not in r.text
    objects = {str(o) for o in Graph().parse(data=r.text, format="turtle").objects()}
    assert BASE + "sparql" in objects


@pytest.mark.parametrize("method,path,kwargs", [
    ("GET", "", {}), ("GET", "sparql", {"params": {"query": "ASK {}"}}),
    ("GET", "sparql", {"params": {"query": "ASK {"}}), ("GET", "sparql", {}),
    ("GET", "ontology", {}), ("GET", "id/country/france", {}), ("GET", "id/person/nobody", {}),
    ("GET", "graph", {"params": {"focus": "France"}}), ("GET", "dump.nq.gz", {}),
    ("GET", ".well-known/void", {}), ("GET", "static/style.css", {}), ("GET", "no/such/page", {}),
    ("POST", "update", {"data": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}),
    ("GET", "rdf-graph-store", {"params": {"graph": "urn:none"}}),
    ("OPTIONS", "sparql", {"headers": {"Origin": "http://example.org", "Access-Control-Request-Method": "POST"}}),
])
def test_every_response_says_nosniff(server, method, path, kwargs):
    r = requests.request(method, server.url + path, **kwargs)
    assert r.headers.get("X-Content-Type-Options") == "nosniff", (method, path, r.status_code)


def test_store_errors_show_no_file_paths(tmp_path):
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1)) as live:
        executor = live.app.extensions["defgraph"].executor
        shutil.rmtree(executor.path)             # the workers' snapshot vanishes under them
        executor.generation += 1                 # ...and they are told to reopen it
        r = requests.get(live.sparql, params={"query": "ASK {}"})
        assert r.status_code == 503 and "retry" in r.text
        assert str(tmp_path) not in r.text and "snapshots" not in r.text
    store.close()
