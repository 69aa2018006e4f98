"""Writing articles in batches (the embedded store's bulk path) leaves the store identical, quad
for quad, to writing them one after another, re-ingested articles and repeats included."""

from __future__ import annotations

import pytest

from defgraph.ingest import IngestSummary, ensure_ontology, write_batch, write_extracted
from defgraph.store import OxigraphStore


def sorted_nquads(store: OxigraphStore) -> list[bytes]:
    return sorted(store.dump("nquads").splitlines())


def one_at_a_time(path, results) -> OxigraphStore:
    store = OxigraphStore(path)
    hierarchy, summary, merged = ensure_ontology(store), IngestSummary(), set()
    for result in results:
        write_extracted(result, store, summary, hierarchy, merged)
    return store


def test_batched_ingest_equals_one_article_at_a_time(dev_store_dir, dev_extracted, tmp_path):
    """The dev store (built by `ingest`, in batches) against the same articles written one by one."""
    with one_at_a_time(tmp_path / "one", dev_extracted) as one, \
            OxigraphStore(dev_store_dir, read_only=True) as batched:
        assert sorted_nquads(batched) == sorted_nquads(one)
        assert one.count() > 5000


@pytest.mark.parametrize("size", [1, 3, 7, 100])
def test_batches_with_reingest_and_repeats_equal_one_at_a_time(dev_extracted, tmp_path, size):
    # new articles, then some again (in the store: replaced), one twice within a batch, the rest
    sequence = dev_extracted[:12] + dev_extracted[3:6] + dev_extracted[12:16] + dev_extracted[14:15] \
        + dev_extracted[16:] + dev_extracted[:2]
    with one_at_a_time(tmp_path / "one", sequence) as one:
        want = sorted_nquads(one)
    with OxigraphStore(tmp_path / "batched") as store:
        hierarchy, summary, merged = ensure_ontology(store), IngestSummary(), set()
        for start in range(0, len(sequence), size):
            write_batch(sequence[start:start + size], store, summary, hierarchy, merged)
        assert sorted_nquads(store) == want
        assert summary.articles == len(sequence)
    with OxigraphStore(tmp_path / "batched") as store:    # reopened: nothing to repair, nothing changed
        assert sorted_nquads(store) == want
