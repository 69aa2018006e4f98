"""One request cannot take the server down or starve the others: updates crash, run long or grow
in a writer process of their own; queries are held to a memory cap; admission control
(a bounded wait, long queries limited, a limit per client) keeps short queries and pages
served; slow clients are cut off. Clients come from distinct loopback addresses (127.0.0.N)."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from urllib.parse import urlencode, urlsplit

import requests

from defgraph.server import Settings
from defgraph.store import OxigraphStore

from .server_support import TOKEN, served_sample

AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"
SLOW_UPDATE = ("INSERT { GRAPH <urn:x:slow> { ?a ?b ?d } } WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } "
               "GRAPH ?g3 { ?g ?h ?i } GRAPH ?g4 { ?j ?k ?l } GRAPH ?g5 { ?m ?n ?o } }")
# (on the sample store with its deals graph: ?j a ?l, not ?j ?k ?l, keeps them as long as they were)
HEAVY = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j a ?l . "
         "?m <https://w3id.org/defgraph/ontology#isoCode> ?p }")      # a second or less
HEAVIER = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j a ?l . "
           "?m ?o ?p . FILTER(isLiteral(?p)) }")                      # a few seconds
NESTED = "INSERT { <urn:a> <urn:b> <urn:c> } WHERE " + "{" * 5000 + "}" * 5000


def get(url: str, params: dict | None = None, source: str = "127.0.0.1", timeout: float = 60) -> tuple[int, dict, str]:
    """GET from a given loopback source address: status, headers, body."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", parts.path + ("?" + urlencode(params) if params else ""))
        resp = conn.getresponse()
        return resp.status, dict(resp.getheaders()), resp.read().decode("utf-8", "replace")
    finally:
        conn.close()


def queue_of(live):
    """The server's queue of free workers and waiting requests (to know when a request is in)."""
    return live.app.extensions["defgraph"].executor._free


def answered_in_order(live, done: list[str]):
    """A sender of named queries from a source address that notes each name in `done` once
    its query is answered with 200."""
    def send(name: str, query: str, source: str) -> None:
        status, _, _ = get(live.sparql, {"query": query}, source=source)
        assert status == 200
        done.append(name)
    return send


def until(condition, seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the server never got there"
        time.sleep(0.01)


def graph_count(live, graph: str) -> int:
    status, _, body = get(live.sparql, {"query": f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                                        "format": "csv"})
    assert status == 200, body
    return int(body.split()[1])


def test_a_crashing_a_long_and_a_huge_update_cost_one_request_each(tmp_path):
    settings = Settings(workers=1, allow_update=True, update_token=TOKEN, timeout=2, worker_memory_mb=1024)
    with served_sample(tmp_path / "store", settings) as live:
        r = requests.post(live.update, data="INSERT DATA { GRAPH <urn:x:kept> { <urn:a> <urn:b> 1 } }", headers=AUTH)
        assert r.status_code == 204
        r = requests.post(live.update, data=NESTED, headers=AUTH)        # segfaults the engine
        assert r.status_code == 500 and "crashed" in r.text and "nothing of it was written" in r.text
        assert "Traceback" not in r.text
        started = time.monotonic()
        r = requests.post(live.update, data=SLOW_UPDATE, headers=AUTH)
        assert r.status_code == 503 and "timeout" in r.text and "nothing of it was written" in r.text
        assert time.monotonic() - started < 5
        assert graph_count(live, "urn:x:slow") == 0 and graph_count(live, "urn:x:kept") == 1
        r = requests.post(live.update, data="INSERT DATA { GRAPH <urn:x:kept> { <urn:a> <urn:b> 2 } }", headers=AUTH)
        assert r.status_code == 204 and graph_count(live, "urn:x:kept") == 2       # a fresh writer
        r = requests.put(live.graph_store, params={"graph": "urn:x:put"}, data="<urn:s> <urn:p> <urn:o> .",
                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"})
        assert r.status_code == 201 and graph_count(live, "urn:x:put") == 1
    # the store holds every write that succeeded and nothing of the others
    store = OxigraphStore(tmp_path / "store", read_only=True)
    assert store.count("urn:x:kept") == 2 and not store.has_graph("urn:x:slow")
    store.close()


def test_a_query_past_the_memory_cap_gets_a_503_and_others_are_served(tmp_path):
    settings = Settings(workers=1, timeout=30, worker_memory_mb=300)
    with served_sample(tmp_path / "store", settings) as live:
        started = time.monotonic()
        status, _, body = get(live.sparql, {"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } "
                                                     "ORDER BY ?a ?l ?f"})
        assert status == 503 and "more than 300 MB" in body and "--worker-memory" in body
        assert time.monotonic() - started < 20
        status, _, body = get(live.sparql, {"query": "ASK {}"}, source="127.0.0.2")
        assert status == 200 and "true" in body


def test_long_queries_leave_a_worker_for_short_ones_and_pages(tmp_path):
    """Four clients with slow queries on two workers: one long query runs at a time, the others
    are stopped with Retry-After once long; an ASK and /ontology are answered meanwhile."""
    settings = Settings(workers=2, timeout=6, long_after=0.5)
    with served_sample(tmp_path / "store", settings) as live:
        answers: list[tuple[int, dict, str, float]] = []

        def slow(n: int) -> None:
            started = time.monotonic()
            status, headers, body = get(live.sparql, {"query": SLOW}, source=f"127.0.0.{10 + n}")
            answers.append((status, headers, body, time.monotonic() - started))

        threads = [threading.Thread(target=slow, args=(n,)) for n in range(4)]
        for t in threads:
            t.start()
        time.sleep(1.5)
        for _ in range(5):
            started = time.monotonic()
            status, _, body = get(live.sparql, {"query": "ASK {}"}, source="127.0.0.2")
            assert status == 200 and "true" in body
            status, _, _ = get(live.url + "ontology", source="127.0.0.3")
            assert status == 200
            assert time.monotonic() - started < 2
        for t in threads:
            t.join(timeout=30)
        assert len(answers) == 4 and all(a[0] == 503 for a in answers)
        refused = [a for a in answers if "long queries" in a[2]]
        assert refused and all(a[1].get("Retry-After") == "2" for a in refused)
        assert all(a[3] < settings.timeout + 1.5 for a in answers)      # nobody waits past the timeout


def test_a_full_queue_and_a_long_wait_get_503_with_retry_after(tmp_path):
    settings = Settings(workers=1, timeout=3, queue=1, queue_wait=1.0, long_after=10)
    with served_sample(tmp_path / "store", settings) as live:
        answers: list[tuple[int, dict, str, float]] = []

        def slow(n: int) -> None:
            started = time.monotonic()
            answers.append((*get(live.sparql, {"query": SLOW}, source=f"127.0.0.{20 + n}"),
                            time.monotonic() - started))

        first = threading.Thread(target=slow, args=(0,))
        first.start()
        time.sleep(0.5)                      # the one worker runs it
        waiting = threading.Thread(target=slow, args=(1,))
        waiting.start()
        time.sleep(0.3)                      # the queue's one place is taken
        status, headers, body = get(live.sparql, {"query": "ASK {}"}, source="127.0.0.30")
        assert status == 503 and "1 requests wait for a query process" in body and headers.get("Retry-After") == "2"
        first.join(timeout=30)
        waiting.join(timeout=30)
        by_wait = sorted(answers, key=lambda a: a[3])
        assert "no query process became free within 1.0 s" in by_wait[0][2] and by_wait[0][1].get("Retry-After")
        assert "timeout" in by_wait[1][2] and by_wait[1][3] < settings.timeout + 1.5


def test_a_free_worker_goes_to_the_client_that_used_the_workers_least(tmp_path):
    """A client keeps the one worker busy and queues two more queries; a query from another
    client sent after them goes first when the worker comes free."""
    settings = Settings(workers=1, timeout=30, long_after=30)
    with served_sample(tmp_path / "store", settings) as live:
        done: list[str] = []
        send = answered_in_order(live, done)

        threads = [threading.Thread(target=send, args=(f"heavy{n}", HEAVY, "127.0.0.50")) for n in range(3)]
        threads.append(threading.Thread(target=send, args=("light", "ASK {}", "127.0.0.51")))
        for n, t in enumerate(threads):
            t.start()        # heavy0 runs, then each other request is in the queue before the next
            until(lambda: not queue_of(live)._free if n == 0 else len(queue_of(live)._waiting) == n)
        for t in threads:
            t.join(timeout=60)
        # (heavy0's answer and light's race back to the client: light is dispatched when heavy0 ends)
        assert sorted(done) == ["heavy0", "heavy1", "heavy2", "light"]
        assert done.index("light") < done.index("heavy1") < done.index("heavy2")


def test_a_worker_is_kept_for_clients_that_used_little(tmp_path):
    """A client that has used the workers lately gets one of two workers, not both: its second
    query waits, and another client's query runs at once on the one kept."""
    settings = Settings(workers=2, timeout=30, long_after=30, reserved=1)
    with served_sample(tmp_path / "store", settings) as live:
        usage = queue_of(live).usage
        while usage.of("127.0.0.60") < queue_of(live).LIGHT:     # a heavy client, however fast the machine
            status, _, _ = get(live.sparql, {"query": HEAVIER}, source="127.0.0.60")
            assert status == 200
        done: list[str] = []
        send = answered_in_order(live, done)

        threads = [threading.Thread(target=send, args=(f"heavy{n}", HEAVIER, "127.0.0.60")) for n in range(2)]
        threads.append(threading.Thread(target=send, args=("light", "ASK {}", "127.0.0.61")))
        threads[0].start()
        until(lambda: len(queue_of(live)._free) == 1)         # heavy0 runs; the other worker is kept
        threads[1].start()
        until(lambda: len(queue_of(live)._waiting) == 1)      # heavy1 waits beside a free worker
        threads[2].start()
        for t in threads:
            t.join(timeout=60)
        assert done == ["light", "heavy0", "heavy1"]


def test_one_client_may_not_take_every_worker(tmp_path):
    settings = Settings(workers=2, timeout=4, client_limit=2, long_queries=2)
    with served_sample(tmp_path / "store", settings) as live:
        threads = [threading.Thread(target=get, args=(live.sparql, {"query": SLOW}), kwargs={"source": "127.0.0.40"})
                   for _ in range(2)]
        for t in threads:
            t.start()
        time.sleep(0.5)
        status, headers, body = get(live.sparql, {"query": "ASK {}"}, source="127.0.0.40")
        assert status == 429 and "the limit is 2" in body and headers.get("Retry-After") == "2"
        for t in threads:
            t.join(timeout=30)
        status, _, _ = get(live.sparql, {"query": "ASK {}"}, source="127.0.0.40")
        assert status == 200


def test_slow_half_open_connections_do_not_block_pages_and_are_cut_off(tmp_path):
    settings = Settings(workers=1, client_timeout=2)
    with served_sample(tmp_path / "store", settings) as live:
        port = urlsplit(live.url).port
        held = []
        for n in range(120):                 # each sends half a request head, then nothing
            s = socket.create_connection(("127.0.0.1", port), timeout=10)
            s.sendall(b"GET /ontology HTTP/1.1\r\nHost: x\r\n")
            held.append(s)
        trickler = socket.create_connection(("127.0.0.1", port), timeout=10)
        try:
            started = time.monotonic()
            status, _, _ = get(live.url + "ontology", timeout=10)
            assert status == 200 and time.monotonic() - started < 3
            # a client that trickles a byte at a time is cut off too, though never idle
            trickler.sendall(b"GET /ontology HTTP/1.1\r\n")
            trickler.settimeout(0.3)
            deadline = time.monotonic() + 8
            closed = False
            while not closed and time.monotonic() < deadline:
                try:
                    trickler.sendall(b"X")
                    closed = trickler.recv(1024) == b""
                except socket.timeout:
                    pass
                except OSError:
                    closed = True
            assert closed, "a trickling client kept its connection"
            for s in held[:5]:
                s.settimeout(5)
                assert s.recv(1024) == b""  # closed by the server
        finally:
            trickler.close()
            for s in held:
                s.close()
