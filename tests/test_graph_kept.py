"""The graph page kept beside a served store and drawn ahead on each new snapshot (server/views.py):
real on-disk stores, the app over real HTTP on loopback, its own warm-up and query processes."""

from __future__ import annotations

import calendar
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

from defgraph.server import Settings
from defgraph.server.graph import GraphPageTask, _outcome_bytes, graph_file
from defgraph.server.pool import RETRY_AFTER
from defgraph.server.views import ViewCache, content_key, views_folder
from defgraph.server.executor import QueryOutcome
from defgraph.store import OxigraphStore
from defgraph.viz import GraphRequest, build_graph
from defgraph.viz.stored import graph_from_bytes, graph_to_bytes

from .conftest import SEEDS
from .server_support import BASE, TOKEN, live_server, sample_store

PROBE = "Probe person {}"


def _same_graph(G, H) -> bool:
    return (G.graph == H.graph and dict(G.nodes(data=True)) == dict(H.nodes(data=True))
            and list(G.edges(keys=True, data=True)) == list(H.edges(keys=True, data=True)))


@pytest.mark.parametrize("events", ["edges", "nodes"])
def test_the_store_graph_reads_back_identical(dev_store, events):
    G = build_graph(dev_store, events=events)
    assert G.number_of_nodes() > 100 and G.graph["articles"]
    assert _same_graph(graph_from_bytes(graph_to_bytes(G)), G)


def test_what_is_not_a_kept_graph_is_refused():
    import networkx as nx

    for data in (b"", b"[1, 2]", b'{"format": "other"}', b"\xff\xfe", b'{"format": "defgraph-graph-1"}'):
        with pytest.raises(ValueError):
            graph_from_bytes(data)
    G = nx.MultiDiGraph(when={1, 2})
    with pytest.raises(TypeError):
        graph_to_bytes(G)


def _kept_page(views: Path, snapshot: Path) -> bytes | None:
    """The default /graph page kept for a snapshot, as the warm-up draws it."""
    task = GraphPageTask(GraphRequest(), None, BASE, "", Settings().row_cap, views=str(views))
    key = content_key(snapshot)
    return ViewCache(views).get(key, task.file_name) if key else None


def _wait_for(check, seconds: float = 120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if (value := check()):
            return value
        time.sleep(0.1)
    raise AssertionError("waited in vain")


def _read_only_sample(path: Path):
    from defgraph.store import OxigraphStore

    sample_store(path).close()
    return OxigraphStore(path, read_only=True)


def test_the_page_is_drawn_ahead_and_kept_across_restarts(tmp_path):
    from defgraph.store import OxigraphStore

    store = _read_only_sample(tmp_path / "store")      # as `defgraph serve` opens it
    views = views_folder(tmp_path / "store")
    settings = Settings(workers=1, warm_above_mb=0)
    with live_server(store, settings) as live:
        snapshot = Path(live.app.extensions["defgraph"].executor.path)
        # drawn with no request asking for it
        kept = _wait_for(lambda: _kept_page(views, snapshot))
        key = content_key(snapshot)
        # the store's graph is kept by the warm-up's next step, after the page (warm_steps)
        _wait_for(lambda: (views / key / graph_file("edges", settings.row_cap)).is_file())
        r = requests.get(live.url + "graph", timeout=60)
        assert r.status_code == 200 and kept.endswith(r.content) and "CAESAR" in r.text
        first = r.content
    # a restart on the unchanged store serves what was kept: shown by changing the kept page
    name = GraphPageTask(GraphRequest(), None, BASE, "", settings.row_cap, views=str(views)).file_name
    ViewCache(views).put(key, name, _outcome_bytes(QueryOutcome(200, b"<p>kept page</p>", "text/html", "page")))
    with live_server(store, settings) as live:
        assert content_key(Path(live.app.extensions["defgraph"].executor.path)) == key
        r = requests.get(live.url + "graph", timeout=60)
        assert r.status_code == 200 and r.text == "<p>kept page</p>"
    store.close()
    # a write: the store's new content is drawn; what was kept before is shown only until then,
    # marked as drawn from earlier data
    writable = OxigraphStore(tmp_path / "store")
    writable.update(_probe_update(0))
    writable.close()
    store = OxigraphStore(tmp_path / "store", read_only=True)
    with live_server(store, settings) as live:
        assert content_key(Path(live.app.extensions["defgraph"].executor.path)) != key
        r = _wait_for(lambda: _current_page(live.url))
        assert r.status_code == 200 and PROBE.format(0) in r.text and "CAESAR" in r.text
        assert r.content != first
    store.close()
    assert len([p for p in views.iterdir() if p.is_dir()]) <= 2     # the newest contents only


def _probe_update(i: int) -> str:
    """A SPARQL Update that adds a person named PROBE.format(i)."""
    return (f'INSERT DATA {{ GRAPH <{BASE}graph/entities> {{ <{BASE}id/person/probe-{i}> a '
            f'<https://w3id.org/defgraph/ontology#Person> ; '
            f'<http://www.w3.org/2000/01/rdf-schema#label> "{PROBE.format(i)}" }} }}')


def _current_page(url: str, probe: int | None = None) -> requests.Response | None:
    """/graph if it is the drawing of the snapshot served now (not an earlier one shown meanwhile),
    holding the probe person `probe` if one is given."""
    r = requests.get(url + "graph", timeout=60)
    ok = r.status_code == 200 and "dg-earlier" not in r.text and (probe is None or PROBE.format(probe) in r.text)
    return r if ok else None


def _probes(nodes: list[dict]) -> set[int]:
    return {int(n["label"].rsplit(" ", 1)[1]) for n in nodes if n["label"].startswith("Probe person")}


def test_pages_never_mix_two_snapshots_while_writes_go_on(tmp_path):
    """Each write makes a new snapshot, whose warm-up abandons the last one's; every answer is
    the graph of one state of the store: the probes written so far, all of them, and the rest."""
    store = sample_store(tmp_path / "store")
    settings = Settings(workers=2, warm_above_mb=0, allow_update=True, update_token=TOKEN)
    writes = 8
    answers: list[tuple[set[str], set[int]]] = []
    done = threading.Event()

    with live_server(store, settings) as live:
        base_nodes = {n["id"] for n in requests.get(live.url + "graph", params={"format": "json"},
                                                    timeout=60).json()["nodes"]}

        def read() -> None:
            while not done.is_set():
                r = requests.get(live.url + "graph", params={"format": "json"}, timeout=60)
                assert r.status_code == 200, r.text
                nodes = r.json()["nodes"]
                answers.append(({n["id"] for n in nodes if not n["label"].startswith("Probe")}, _probes(nodes)))

        reader = threading.Thread(target=read)
        reader.start()
        try:
            for i in range(writes):
                update = (f'INSERT DATA {{ GRAPH <{BASE}graph/entities> {{ <{BASE}id/person/probe-{i}> a '
                          f'<https://w3id.org/defgraph/ontology#Person> ; '
                          f'<http://www.w3.org/2000/01/rdf-schema#label> "{PROBE.format(i)}" }} }}')
                r = requests.post(live.update, data={"update": update},
                                  headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
                assert r.status_code == 204, r.text
                time.sleep(0.3)
        finally:
            done.set()
            reader.join(timeout=120)
        last = requests.get(live.url + "graph", params={"format": "json"}, timeout=60).json()["nodes"]
    store.close()
    assert _probes(last) == set(range(writes))
    assert len(answers) >= 3
    for others, probes in answers:
        assert others == base_nodes and probes == set(range(len(probes)))


def test_a_request_waits_for_the_warm_up_instead_of_drawing_again(tmp_path):
    """The first /graph on a new snapshot, asked at once, is the warm-up's page: the query worker
    finds it kept and does not draw and keep it a second time (the file is written once)."""
    store = sample_store(tmp_path / "store")
    views = views_folder(tmp_path / "store")
    seen: set[int] = set()
    stop = threading.Event()

    def watch() -> None:
        while not stop.is_set():
            for page in views.rglob("page-*"):
                try:
                    seen.add(page.stat().st_ino)
                except OSError:
                    pass
            time.sleep(0.005)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        with live_server(store, Settings(workers=1, warm_above_mb=0)) as live:
            r = requests.get(live.url + "graph", timeout=60)     # at once: the warm-up has just begun
            snapshot = Path(live.app.extensions["defgraph"].executor.path)
            assert r.status_code == 200 and _kept_page(views, snapshot).endswith(r.content)
            time.sleep(0.2)
    finally:
        stop.set()
        watcher.join()
    store.close()
    assert len(seen) == 1


def test_small_stores_are_not_drawn_ahead(tmp_path):
    store = sample_store(tmp_path / "store")
    views = views_folder(tmp_path / "store")
    with live_server(store, Settings(workers=1)) as live:       # default: above 16 MB only
        time.sleep(3)
        assert not views.exists() or not any(views.rglob("page-*"))
        r = requests.get(live.url + "graph", timeout=60)        # drawn when asked, then kept
        assert r.status_code == 200
        assert _kept_page(views, Path(live.app.extensions["defgraph"].executor.path)).endswith(r.content)
    store.close()


def test_a_store_with_its_own_base_iri_is_drawn_from_its_snapshots_as_from_the_store(tmp_path):
    """Snapshots carry the store's base IRI: the served graph is the store's own (entities graph
    names, inferred graphs left out), not one read under the default base IRI."""
    from defgraph.ingest import ingest_paths
    from defgraph.store import OxigraphStore

    base = "https://example.org/kg/"
    store = OxigraphStore(tmp_path / "store", base_iri=base)
    ingest_paths([str(SEEDS)], store)
    store.close()
    store = OxigraphStore(tmp_path / "store", read_only=True)
    direct = build_graph(store)
    with live_server(store, Settings(workers=1)) as live:
        served = requests.get(live.url + "graph", params={"format": "json"}, timeout=60).json()
    store.close()
    nodes = served["nodes"]
    assert {n["id"]: n["label"] for n in nodes} == {n: d["label"] for n, d in direct.nodes(data=True)}
    assert sorted((e["source"], e["target"], e["relation"]) for e in served["edges"]) == sorted(
        (u, v, d["relation"]) for u, v, d in direct.edges(data=True))
    assert all(n["id"].startswith(base) for n in nodes if n["kind"] == "entity" and "/id/" in n["id"])


def test_an_ingest_into_the_served_folder_is_drawn_ahead_and_shown(tmp_path):
    """A read-only server picks up what another process wrote into its folder, draws the new
    snapshot's page ahead, and /graph shows the new content (never the page kept before)."""
    store = _read_only_sample(tmp_path / "store")
    views = views_folder(tmp_path / "store")
    with live_server(store, Settings(workers=1, warm_above_mb=0, refresh_seconds=0.2)) as live:
        state = live.app.extensions["defgraph"]
        first = Path(state.executor.path)
        _wait_for(lambda: _kept_page(views, first))
        assert PROBE.format(0) not in requests.get(live.url + "graph", timeout=60).text
        update = (f'INSERT DATA {{ GRAPH <{BASE}graph/entities> {{ <{BASE}id/person/probe-0> a '
                  f'<https://w3id.org/defgraph/ontology#Person> ; '
                  f'<http://www.w3.org/2000/01/rdf-schema#label> "{PROBE.format(0)}" }} }}')
        # another process writes, as `defgraph ingest` would (it holds the store's lock meanwhile)
        subprocess.run([sys.executable, "-c", "import sys; from defgraph.store import OxigraphStore; "
                        "s = OxigraphStore(sys.argv[1]); s.update(sys.argv[2]); s.close()",
                        str(tmp_path / "store"), update], check=True, timeout=120)
        # the refresher may also take a snapshot of unchanged content (a writer's files settling
        # before the probe's write): wait for the one served after the write, drawn with no request
        def served_with_probe() -> bytes | None:
            served = Path(state.executor.path)
            kept = served != first and _kept_page(views, served)
            return kept if kept and PROBE.format(0).encode() in kept else None

        kept = _wait_for(served_with_probe)
        r = requests.get(live.url + "graph", timeout=60)
        assert r.status_code == 200 and PROBE.format(0) in r.text and kept.endswith(r.content)
    store.close()


BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


def _asked(url: str, i: int) -> bool:
    """Whether the snapshot served now holds the probe person `i`."""
    r = requests.get(url + "sparql", params={"query": f"ASK {{ GRAPH ?g {{ <{BASE}id/person/probe-{i}> ?p ?o }} }}"},
                     headers={"Accept": "application/sparql-results+json"}, timeout=60)
    return r.status_code == 200 and r.json()["boolean"]


def test_a_new_snapshot_shows_the_earlier_drawing_until_its_own_is_ready(tmp_path, dev_store_dir):
    """The first /graph at the moment a new snapshot is served does not wait for that snapshot's
    drawing: it is the page drawn before, saying so and when its data are from; once the new
    drawing is done, a reload shows the new content. A graph file is always of the store as it is."""
    shutil.copytree(dev_store_dir, tmp_path / "store")
    store = OxigraphStore(tmp_path / "store", read_only=True)
    views = views_folder(tmp_path / "store")
    started = time.time()
    with live_server(store, Settings(workers=1, warm_above_mb=0, refresh_seconds=0.2)) as live:
        state = live.app.extensions["defgraph"]
        first = Path(state.executor.path)
        kept = _wait_for(lambda: _kept_page(views, first))
        before = requests.get(live.url + "graph", timeout=60)
        assert before.status_code == 200 and kept.endswith(before.content) and "dg-earlier" not in before.text
        assert "X-Defgraph-Drawn-As-Of" not in before.headers
        # another process writes, as `defgraph ingest` would; then a new snapshot is served, and the
        # graph is asked for at once. On a store this small the drawing takes about a second, so a
        # slow machine may finish it first: then the next write is tried (a few at most).
        for attempt in range(5):
            written = time.time()
            subprocess.run([sys.executable, "-c", "import sys; from defgraph.store import OxigraphStore; "
                            "s = OxigraphStore(sys.argv[1]); s.update(sys.argv[2]); s.close()",
                            str(tmp_path / "store"), _probe_update(attempt)], check=True, timeout=120)
            _wait_for(lambda: _asked(live.url, attempt))
            r = requests.get(live.url + "graph", timeout=60)            # at once: its drawing has just begun
            if PROBE.format(attempt) not in r.text:
                break
            before = _wait_for(lambda: _current_page(live.url, attempt))
        assert r.status_code == 200 and PROBE.format(attempt) not in r.text
        note = re.search(r'<p id="dg-earlier"[^>]*>(.*?)</p>', r.text)
        assert note and r.text.replace(note.group(0), "", 1) == before.text     # the page before, marked
        as_of = r.headers["X-Defgraph-Drawn-As-Of"]
        assert started - 2 <= calendar.timegm(time.strptime(as_of, "%Y-%m-%dT%H:%M:%SZ")) <= written + 2
        when = as_of.replace("T", " ").replace("Z", " UTC")
        assert note.group(1).startswith(f"Drawn from the data as of {when}; an updated drawing is being prepared")
        assert r.headers["Cache-Control"] == "no-store"
        # a program asking for the graph as data waits for the store as it is now
        data = requests.get(live.url + "graph", params={"format": "json"}, timeout=60)
        assert data.status_code == 200 and PROBE.format(attempt) in {n["label"] for n in data.json()["nodes"]}
        # the new drawing replaces the earlier one once it is ready
        r = _wait_for(lambda: _current_page(live.url, attempt))
        assert PROBE.format(attempt) in r.text and "X-Defgraph-Drawn-As-Of" not in r.headers
        assert _kept_page(views, Path(state.executor.path)).endswith(r.content)
    store.close()


def test_a_browser_asking_before_anything_is_drawn_gets_a_page_that_reloads_itself(tmp_path, dev_store_dir):
    """On a store never drawn, a browser's first /graph during the drawing ahead is a small page
    that says so and reloads itself; then the page itself. Other clients wait for the drawing."""
    # the drawing of a store this small takes about a second: on a slow start it may be done before
    # the first request, so a fresh copy of the store is tried again (a few times at most)
    for attempt in range(4):
        shutil.copytree(dev_store_dir, tmp_path / f"store{attempt}")
        store = OxigraphStore(tmp_path / f"store{attempt}", read_only=True)
        with live_server(store, Settings(workers=1, warm_above_mb=0)) as live:
            r = requests.get(live.url + "graph", headers={"Accept": BROWSER_ACCEPT}, timeout=60)   # at once
            if r.status_code != 200:
                assert r.status_code == 503 and r.headers["Retry-After"] == str(RETRY_AFTER)
                assert r.headers["Content-Type"].startswith("text/html") and r.headers["Cache-Control"] == "no-store"
                assert f'<meta http-equiv="refresh" content="{RETRY_AFTER}">' in r.text
                assert re.search(r'<p id="dg-preparing"[^>]*>The graph of the store is being drawn', r.text)
                waited = requests.get(live.url + "graph", timeout=60)         # not a browser: waits for it
                assert waited.status_code == 200 and "dg-header" in waited.text and "dg-earlier" not in waited.text
                r = requests.get(live.url + "graph", headers={"Accept": BROWSER_ACCEPT}, timeout=60)
                assert r.status_code == 200 and r.content == waited.content
        store.close()
        if r.status_code == 200 and attempt < 3 and "waited" not in locals():
            continue
        break
    assert "waited" in locals(), "the first drawing was always done before the first request"
