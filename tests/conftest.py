"""Shared fixtures: paths to test data, and stores built from the seed article."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = Path(__file__).resolve().parent / "data" / "corpus"


def _ingested_store(tmp_path_factory, name: str, source: Path, articles: int) -> Path:
    """An on-disk store built from the articles under `source` (tests must open it read-only)."""
    from defgraph.ingest import ingest_paths
    from defgraph.store import OxigraphStore

    path = tmp_path_factory.mktemp(name)
    store = OxigraphStore(path)
    summary = ingest_paths([str(source)], store)
    assert summary.articles == articles and not summary.skipped
    store.close()
    return path


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory) -> Path:
    """An on-disk store built once from seeds/."""
    return _ingested_store(tmp_path_factory, "seed-store", SEEDS, 1)


@pytest.fixture(scope="session")
def dev_store_dir(tmp_path_factory) -> Path:
    """An on-disk store built once from the 20 dev corpus articles."""
    return _ingested_store(tmp_path_factory, "dev-store", CORPUS / "dev", 20)


@pytest.fixture(scope="session")
def dev_extracted() -> list:
    """The 20 dev corpus articles extracted (`Extracted`), in the order ingest reads them."""
    from defgraph.articles import expand_paths, read_file
    from defgraph.ingest import extract_all
    from defgraph.namespaces import DEFAULT_BASE_IRI

    files, _, _ = expand_paths([str(CORPUS / "dev")])
    return list(extract_all((a for f in files for a in read_file(f)), DEFAULT_BASE_IRI))


def _read_only(store_dir: Path):
    from defgraph.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    yield store
    store.close()


@pytest.fixture
def seed_store(seed_store_dir):
    yield from _read_only(seed_store_dir)


@pytest.fixture
def dev_store(dev_store_dir):
    yield from _read_only(dev_store_dir)


@pytest.fixture
def memory_store():
    from defgraph.store import OxigraphStore

    store = OxigraphStore(None)
    yield store
    store.close()


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright (never a downloaded browser)."""
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()
