"""Shared fixtures: paths to test data, and stores built from the seed article."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """An on-disk store built once from seeds/ (tests must open it read-only)."""
    from defgraph.ingest import ingest_paths
    from defgraph.store import OxigraphStore

    path = tmp_path_factory.mktemp("seed-store")
    store = OxigraphStore(path)
    summary = ingest_paths([str(SEEDS)], store)
    assert summary.articles == 1 and not summary.skipped
    store.close()
    return path


@pytest.fixture
def seed_store(seed_store_dir):
    from defgraph.store import OxigraphStore

    store = OxigraphStore(seed_store_dir, read_only=True)
    yield store
    store.close()


@pytest.fixture
def memory_store():
    from defgraph.store import OxigraphStore

    store = OxigraphStore(None)
    yield store
    store.close()
