"""Starting the real server (waitress, real HTTP on 127.0.0.1, port 0) over an on-disk store."""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from defgraph.server import Settings, close_app, create_app
from defgraph.store import OxigraphStore

BASE = "http://127.0.0.1:8080/"
TOKEN = "s3cret-token"

# A small graph in defgraph's shape: one article graph, the entities graph.
SAMPLE_TRIG = """
@prefix dg: <https://w3id.org/defgraph/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <http://127.0.0.1:8080/id/> .

<http://127.0.0.1:8080/graph/entities> {
  id:country\\/france a dg:Country ; rdfs:label "France" ; dg:isoCode "FR" .
  id:country\\/ukraine a dg:Country ; rdfs:label "Ukraine" ; skos:altLabel "Ukraina" ; dg:isoCode "UA" .
  id:equipment\\/caesar a dg:Equipment ; rdfs:label "CAESAR" ; skos:altLabel "Caesar howitzer" ;
      dg:origin id:country\\/france .
  id:person\\/evil a dg:Person ; rdfs:label "<script>alert('x')</script> Evil" ;
      dg:nationality id:country\\/france .
  id:person\\/lecornu a dg:Person ; rdfs:label "Sébastien Lecornu" ; dg:role "defence minister" ;
      dg:nationality id:country\\/france .
}

id:article\\/a1 {
  id:article\\/a1 a dg:Article ; rdfs:label "France to deliver CAESAR" ;
      dcterms:title "France to deliver CAESAR" ; dcterms:issued "2023-09-29T10:00:00"^^xsd:dateTime .
  id:country\\/france dg:mentionedIn id:article\\/a1 .
  id:country\\/ukraine dg:mentionedIn id:article\\/a1 .
  id:equipment\\/caesar dg:mentionedIn id:article\\/a1 .
  id:person\\/lecornu dg:mentionedIn id:article\\/a1 .
  id:transfer\\/t1 a dg:Transfer ; rdfs:label "France → Ukraine: CAESAR" ;
      dg:supplier id:country\\/france ; dg:recipient id:country\\/ukraine ;
      dg:equipment id:equipment\\/caesar ; dg:status dg:pledged ;
      dg:evidence "France will deliver six more CAESAR howitzers to Ukraine." ;
      dg:mentionedIn id:article\\/a1 .
}
"""


def sample_store(path: Path) -> OxigraphStore:
    """A read-write on-disk store holding SAMPLE_TRIG."""
    store = OxigraphStore(path, base_iri=BASE)
    store.load(SAMPLE_TRIG.encode("utf-8"), "trig")
    store.flush()
    return store


@dataclass
class LiveServer:
    url: str            # http://127.0.0.1:PORT/
    app: object
    store: OxigraphStore

    @property
    def sparql(self) -> str:
        return self.url + "sparql"

    @property
    def update(self) -> str:
        return self.url + "update"

    @property
    def graph_store(self) -> str:
        return self.url + "rdf-graph-store"


@contextmanager
def live_server(store: OxigraphStore, settings: Settings, *, base_is_url: bool = False) -> Iterator[LiveServer]:
    """The app served by waitress in a thread, for as long as the block runs; with `base_is_url`,
    the server's configured base IRI is the URL it is served at (as in a real deployment)."""
    import socket
    from dataclasses import replace

    from defgraph.server.app import make_server

    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/"
    app = create_app(store, replace(settings, base_iri=url) if base_is_url else settings)
    server = make_server(app, sockets=[sock], asyncore_loop_timeout=0.1)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        yield LiveServer(url, app, store)
    finally:
        # empty the loop's map first (kept-alive client connections too): the loop ends at its
        # next turn, and nothing is closed under a select() still running
        channels = list(server._map.values())
        server._map.clear()
        thread.join(timeout=5)
        for channel in channels:     # the listening socket and the trigger are among them
            channel.close()
        close_app(app)


LEAK = "LEAKED-BY-LISTENER"

@contextmanager
def served_sample(folder: Path, settings: Settings, *, base_is_url: bool = False) -> Iterator[LiveServer]:
    """The sample store in `folder`, served on loopback with `settings` until the block ends."""
    store = sample_store(folder)
    try:
        with live_server(store, settings, base_is_url=base_is_url) as live:
            yield live
    finally:
        store.close()



@dataclass
class Listener:
    """A real HTTP server on loopback that counts the connections it accepts."""

    url: str
    server: object

    @property
    def connections(self) -> int:
        return self.server.connections


@contextmanager
def loopback_listener() -> Iterator[Listener]:
    """An HTTP listener on 127.0.0.1 answering SPARQL JSON to POST and Turtle to GET, counting connections."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def _answer(self, body: str, media: str) -> None:
            data = body.encode()
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self._answer(json.dumps({"head": {"vars": ["x", "y", "z"]}, "results": {"bindings": [
                {"x": {"type": "literal", "value": LEAK}}]}}), "application/sparql-results+json")

        def do_GET(self) -> None:
            self._answer(f'<urn:leak> <urn:p> "{LEAK}" .\n', "text/turtle")

        def log_message(self, *args: object) -> None:
            pass

    class CountingServer(ThreadingHTTPServer):
        daemon_threads = True
        connections = 0

        def process_request(self, request, client_address) -> None:
            self.connections += 1
            super().process_request(request, client_address)

    server = CountingServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Listener(f"http://127.0.0.1:{server.server_address[1]}/", server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
