"""Replacing a graph is one transaction: killed at any moment (kill -9), the store holds the old
graph or the new one, never an empty or a half-written one."""

from __future__ import annotations

import random
import sys

import pytest

from defgraph.store import OxigraphStore

from .process_support import kill_when_ready

GRAPH = "urn:x-test:replaced"
TRIPLES = 5_000
TRIALS = 5

# Replaces the graph again and again, alternating two versions; "ready" once the first is in.
WRITER = r"""
import sys
from rdflib import Dataset, Literal, URIRef
from defgraph.store import OxigraphStore, dataset_nquads

path, how, graph, n_triples = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
store = OxigraphStore(path)
names = ("old", "new")
ntriples = ["\n".join(f'<urn:s{i}> <urn:p> "{v}{i}" .' for i in range(n_triples)).encode() for v in names]
n = 0
while True:
    if how == "put":                       # the Graph Store Protocol's PUT
        store.write_graph(ntriples[n % 2], "nt", graph, replace=True)
    else:                                  # ingest replacing an article's graph
        ds = Dataset()
        g = ds.graph(URIRef(graph))
        for i in range(n_triples):
            g.add((URIRef(f"urn:s{i}"), URIRef("urn:p"), Literal(f"{names[n % 2]}{i}")))
        store.put_article(graph, dataset_nquads(ds))
    if n == 0:
        print("ready", flush=True)
    n += 1
"""


def versions_in(store_dir) -> set[str]:
    store = OxigraphStore(store_dir, read_only=True)
    rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{GRAPH}> {{ ?s ?p ?o }} }}")
    store.close()
    prefixes = {r["o"][:3] for r in rows}
    assert len(rows) == TRIPLES and len(prefixes) == 1, f"{len(rows)} triples, versions {prefixes}"
    return prefixes


@pytest.mark.parametrize("how", ["put", "ingest"])
def test_kill_9_during_replace_leaves_old_or_new(tmp_path, how):
    rng = random.Random(14)
    seen: set[str] = set()
    for trial in range(TRIALS):
        store_dir = tmp_path / f"store{trial}"
        first = kill_when_ready([sys.executable, "-c", WRITER, str(store_dir), how, GRAPH, str(TRIPLES)],
                                rng.uniform(0.02, 0.3))
        assert first.strip() == "ready"
        seen |= versions_in(store_dir)
    assert seen <= {"old", "new"}
