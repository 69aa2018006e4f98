"""RDF a user gives (Graph Store PUT/POST, `defgraph import`, `defgraph link --against FILE`) cannot blow up a parser."""

from __future__ import annotations

import resource
import subprocess
import sys

import pytest
import requests

from defgraph.rdfxml_guard import EntityExpansionError, check_rdfxml
from defgraph.server import Settings

from .server_support import TOKEN, sample_store, served_sample

AUTH = {"Authorization": f"Bearer {TOKEN}"}
RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


def laughs(levels: int) -> bytes:
    """The 'billion laughs' document: each entity is ten of the one before."""
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)]
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n {chr(10).join(decls)}\n]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}"><rdf:Description rdf:about="urn:lol">'
            f'<rdf:value>&lol{levels};</rdf:value></rdf:Description></rdf:RDF>\n').encode()


def quadratic(size: int = 100_000, refs: int = 20_000) -> bytes:
    """One large flat entity referred to many times."""
    return (f'<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [ <!ENTITY big "{"x" * size}"> ]>\n'
            f'<rdf:RDF xmlns:rdf="{RDF_NS}"><rdf:Description rdf:about="urn:q">'
            f'<rdf:value>{"&big;" * refs}</rdf:value></rdf:Description></rdf:RDF>\n').encode()


NAMESPACE_ENTITIES = f'''<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ <!ENTITY owl "http://www.w3.org/2002/07/owl#"> <!ENTITY ex "http://example.org/ns/"> ]>
<rdf:RDF xmlns:rdf="{RDF_NS}"><rdf:Description rdf:about="&ex;thing">
<rdf:type rdf:resource="&owl;Thing"/></rdf:Description></rdf:RDF>
'''.encode()


def test_guard_refuses_nesting_and_blow_up_and_passes_namespace_entities():
    assert len(laughs(9)) < 1000                        # the 773-byte document
    with pytest.raises(EntityExpansionError, match="refers to another entity"):
        check_rdfxml(laughs(9))
    with pytest.raises(EntityExpansionError, match="expand it past"):
        check_rdfxml(quadratic())
    with pytest.raises(EntityExpansionError, match="external entity"):
        check_rdfxml(b'<!DOCTYPE r [ <!ENTITY e SYSTEM "file:///etc/passwd"> ]><r>&e;</r>')
    check_rdfxml(NAMESPACE_ENTITIES)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = Settings(allow_update=True, update_token=TOKEN, workers=1)
    with served_sample(tmp_path_factory.mktemp("rdf-input-store"), settings) as live:
        yield live


@pytest.mark.parametrize("method", ["PUT", "POST"])
@pytest.mark.parametrize("body", [laughs(7), quadratic()], ids=["laughs", "quadratic"])
def test_graph_store_refuses_entity_blow_up_and_keeps_the_graph(server, method, body):
    g = "urn:x-test:xml"
    r = requests.put(server.graph_store, params={"graph": g}, data="<urn:a> <urn:b> <urn:c> .",
                     headers={"Content-Type": "text/turtle", **AUTH})
    assert r.status_code in (201, 204)
    r = requests.request(method, server.graph_store, params={"graph": g}, data=body,
                         headers={"Content-Type": "application/rdf+xml", **AUTH})
    assert r.status_code == 400 and "entit" in r.text, r.text
    r = requests.get(server.graph_store, params={"graph": g}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and r.text.strip() == "<urn:a> <urn:b> <urn:c> ."


def test_graph_store_accepts_namespace_entities(server):
    g = "urn:x-test:xml-ok"
    r = requests.put(server.graph_store, params={"graph": g}, data=NAMESPACE_ENTITIES,
                     headers={"Content-Type": "application/rdf+xml", **AUTH})
    assert r.status_code == 201, r.text
    r = requests.get(server.graph_store, params={"graph": g}, headers={"Accept": "application/n-triples"})
    assert "<http://example.org/ns/thing> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> " \
           "<http://www.w3.org/2002/07/owl#Thing> ." in r.text


def _limited_memory() -> None:
    # if the guard ever fails, the expansion dies here instead of taking the machine
    resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))


@pytest.mark.parametrize("command", ["import", "link"])
def test_cli_refuses_the_billion_laughs_file(tmp_path, command):
    store_dir = tmp_path / "store"
    sample_store(store_dir).close()
    lol = tmp_path / "lol.rdf"
    lol.write_bytes(laughs(9))
    args = (["import", str(lol), "--graph", "urn:x-test:lol"] if command == "import"
            else ["link", "--against", str(lol), "--dry-run"])
    out = subprocess.run([sys.executable, "-m", "defgraph.cli", *args, "--store", str(store_dir)],
                         capture_output=True, text=True, timeout=120, preexec_fn=_limited_memory)
    assert out.returncode == 1, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "lol.rdf" in lines[0] and "entity" in lines[0], out.stderr
