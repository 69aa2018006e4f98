"""Query workers and a read-write store: many writes in a row, and a worker killed by the
timeout, leave every later query answered from the store as it is."""

from pathlib import Path

import requests

from defgraph.server import Settings

from .server_support import TOKEN, sample_store, live_server

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"


def count(live, graph):
    r = requests.get(live.sparql, params={"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"},
                     headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_many_writes_then_reads_see_the_latest_state(tmp_path):
    store = sample_store(tmp_path / "store")
    settings = Settings(workers=2, allow_update=True, update_token=TOKEN, timeout=5)
    with live_server(store, settings) as live:
        for i in range(20):  # more writes than the snapshots kept
            r = requests.post(live.update, data=f"INSERT DATA {{ GRAPH <urn:g> {{ <urn:s{i}> <urn:p> {i} }} }}",
                              headers={"Content-Type": "application/sparql-update", **AUTH})
            assert r.status_code in (200, 204), r.text
            assert count(live, "urn:g") == i + 1
    store.close()
    # snapshots are removed with the app
    assert not [p for p in tmp_path.iterdir() if "snapshots" in p.name]


def test_worker_killed_by_timeout_is_replaced(tmp_path):
    store = sample_store(tmp_path / "store")
    settings = Settings(workers=1, allow_update=True, update_token=TOKEN, timeout=1)
    with live_server(store, settings) as live:
        r = requests.get(live.sparql, params={"query": SLOW})
        assert r.status_code == 503 and "timeout" in r.text
        requests.post(live.update, data="INSERT DATA { GRAPH <urn:h> { <urn:a> <urn:b> <urn:c> } }",
                      headers={"Content-Type": "application/sparql-update", **AUTH})
        assert count(live, "urn:h") == 1
    store.close()


def _worker_pids(live) -> set[int]:
    return {w.process.pid for w in live.app.extensions["defgraph"].executor._all}


def test_worker_that_dies_is_replaced_and_the_client_gets_a_plain_error(tmp_path):
    import os
    import signal
    import threading
    import time

    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1, timeout=30)) as live:
        # killed while idle: the next query runs on a fresh worker, unharmed
        (idle,) = _worker_pids(live)
        os.kill(idle, signal.SIGKILL)
        time.sleep(0.2)
        assert count(live, "urn:none") == 0
        (busy,) = _worker_pids(live)
        assert busy != idle
        # killed mid-query: that query gets a 500 without a trace, the next one is answered
        result = {}
        thread = threading.Thread(target=lambda: result.update(r=requests.get(live.sparql, params={"query": SLOW})))
        thread.start()
        time.sleep(0.5)
        os.kill(busy, signal.SIGKILL)
        thread.join(timeout=20)
        r = result["r"]
        assert r.status_code == 500 and "died" in r.text and "Traceback" not in r.text
        # that client waits as Retry-After says (a query that kills workers is not retried at once)...
        r = requests.get(live.sparql, params={"query": "ASK {}"})
        assert r.status_code == 503 and "wait" in r.text and int(r.headers["Retry-After"]) >= 1
        time.sleep(int(r.headers["Retry-After"]) + 0.1)
        assert count(live, "urn:none") == 0          # ...then is served
        assert busy not in _worker_pids(live) and len(_worker_pids(live)) == 1
    store.close()


# Ingests articles into the store, says "written", and holds the store open until told to close it.
HOLDING_WRITER = r"""
import sys
from defgraph.articles import Article
from defgraph.ingest import ingest_articles
from defgraph.store import OxigraphStore

writer = OxigraphStore(sys.argv[1])
for i in range(int(sys.argv[2])):
    ingest_articles([Article(title=f"Report {i}", body=f"Norway has delivered {i + 2} NASAMS "
                             "air defence systems to Ukraine, the ministry said.")], writer)
    writer.flush()
writer._store.optimize()  # compaction rewrites and deletes files under the live folder
print("written", flush=True)
sys.stdin.readline()
writer.close()
"""


def test_ingest_into_a_served_store_is_served_once_it_ends(tmp_path):
    """`defgraph serve` (read-only) keeps answering from the state before while another process
    ingests into the same folder, and serves the new state within seconds of the ingest's end,
    without a restart."""
    import subprocess
    import sys
    import time

    from defgraph.store import OxigraphStore

    path = tmp_path / "store"
    sample_store(path).close()
    served = OxigraphStore(path, read_only=True)
    articles = "http://127.0.0.1:8080/graph/entities"
    with live_server(served, Settings(workers=2, refresh_seconds=0.2)) as live:
        before = count(live, articles)
        graphs_before = len(live_graphs(live))
        writer = subprocess.Popen([sys.executable, "-c", HOLDING_WRITER, str(path), "30"],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "written"
            for _ in range(10):   # the writer still holds the store: the state before is served
                assert count(live, articles) == before
                time.sleep(0.1)
        finally:
            writer.stdin.close()
            assert writer.wait(timeout=60) == 0
            writer.stdout.close()
        deadline = time.monotonic() + 5
        while len(live_graphs(live)) == graphs_before and time.monotonic() < deadline:
            time.sleep(0.1)
        assert count(live, articles) > before
        assert len(live_graphs(live)) >= graphs_before + 30    # every article, each whole
        # a later `defgraph ingest` through the command line is served too
        seeds = Path(__file__).resolve().parent.parent / "seeds"
        now = len(live_graphs(live))
        out = subprocess.run([sys.executable, "-m", "defgraph.cli", "ingest", "--store", str(path), "-j", "1",
                              str(seeds)], capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr
        deadline = time.monotonic() + 5
        while len(live_graphs(live)) == now and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(live_graphs(live)) > now
    served.close()


def live_graphs(live) -> list[str]:
    r = requests.get(live.sparql, params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"},
                     headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return [b["g"]["value"] for b in r.json()["results"]["bindings"]]
