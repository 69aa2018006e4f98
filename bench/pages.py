"""Benchmark of the browser pages: seconds until headless Chromium shows the query page (YASGUI
ready; and a permalink's query run, rows on screen), the map (drawn), the timeline (its items
drawn) and the graph (drawn and settled), served by `defgraph serve`'s app over real HTTP on 127.0.0.1 (goal: < 2 s on the dev
corpus, < 3 s on 2,000 generated articles; issue 11).

Each page opens in a fresh browser context (no cache, no stored tabs), the pages taking turns;
one warm-up round is dropped, then the median of --repeat rounds is reported.

Run by hand:  python bench/pages.py [--repeat 5] [--articles 2000]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# page name → (path, selector that says it is ready)
PAGES = {
    "query page (editor ready)": ("", ".yasqe .CodeMirror"),
    "query page, permalink run (rows shown)": ("?query=transfers", ".yasr_results table.dataTable tbody tr"),
    "map (/map, drawn)": ("map", "body[data-drawn]"),
    "timeline (/timeline, items drawn)": ("timeline", ".vis-timeline .vis-item"),
    "graph (/graph, settled)": ("graph", "body[data-ready='1']"),
}


def build_store(folder: Path, articles: int) -> Path:
    """An on-disk store of the dev corpus, or of `articles` generated articles."""
    from defgraph.ingest import ingest_paths
    from defgraph.store import OxigraphStore

    store_dir = folder / "store"
    if articles:
        sys.path.insert(0, str(ROOT / "bench"))
        from generate import iter_articles, write_articles

        write_articles(iter_articles(articles, 0), folder / "articles")
        source = folder / "articles"
    else:
        source = ROOT / "tests" / "data" / "corpus" / "dev"
    store = OxigraphStore(store_dir)
    summary = ingest_paths([str(source)], store, jobs=2 if articles else 1)
    store.close()
    print(f"store: {summary.articles} articles from {source}", file=sys.stderr)
    return store_dir


def measure(url: str, repeat: int) -> dict[str, list[float]]:
    """Seconds to each page's ready selector, `repeat` rounds after a warm-up."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {name: [] for name in PAGES}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(repeat + 1):
            for name, (path, ready) in PAGES.items():
                context = browser.new_context(viewport={"width": 1400, "height": 900})
                page = context.new_page()
                t = time.perf_counter()
                page.goto(url + path, wait_until="commit")
                page.wait_for_selector(ready, state="attached", timeout=120_000)
                times[name].append(time.perf_counter() - t)
                context.close()
        browser.close()
    return {name: t[1:] for name, t in times.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--articles", type=int, default=0, help="generated articles (default: the dev corpus)")
    args = ap.parse_args()

    from waitress import create_server

    from defgraph.server import Settings, close_app, create_app
    from defgraph.store import OxigraphStore

    with tempfile.TemporaryDirectory() as tmp:
        store = OxigraphStore(build_store(Path(tmp), args.articles), read_only=True)
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        app = create_app(store, Settings(workers=2))
        server = create_server(app, sockets=[sock], threads=8)
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            times = measure(f"http://127.0.0.1:{sock.getsockname()[1]}/", args.repeat)
        finally:
            server.close()
            close_app(app)
            store.close()
    corpus = f"{args.articles} generated articles" if args.articles else "the 20 dev articles"
    print(f"seconds until shown in headless Chromium, {corpus}, median of {args.repeat} (min–max):")
    for name, t in times.items():
        print(f"  {name:42s} {statistics.median(t):6.2f}   ({min(t):.2f}–{max(t):.2f})")


if __name__ == "__main__":
    main()
