"""Benchmark of graph export: time and file size for 200, 2,000 and 10,000 nodes, and the time
headless Chromium takes to open the 2,000-node page until it is drawn and settled (goal < 3 s).

Run by hand:  python bench/viz.py [--repeat 3] [--sizes 200,2000,10000] [--out bench/out]
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from defgraph.store import OxigraphStore
from defgraph.viz import GraphRequest, build_graph
from defgraph.viz.render import render_html
from defgraph.viz.synthetic import synthetic_nquads

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def export(n: int, out: Path, repeat: int) -> dict:
    store = OxigraphStore(None)
    store.load(synthetic_nquads(n), "nquads")
    builds, renders = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        G = build_graph(store)
        t1 = time.perf_counter()
        html = render_html(G, title=f"synthetic {n}")
        t2 = time.perf_counter()
        builds.append(t1 - t0)
        renders.append(t2 - t1)
    path = out / f"viz_{n}.html"
    path.write_text(html, encoding="utf-8")
    store.close()
    return {"n": n, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
            "build": statistics.median(builds), "render": statistics.median(renders),
            "total": statistics.median(b + r for b, r in zip(builds, renders)),
            "bytes": path.stat().st_size, "path": path}


def load_in_chromium(path: Path, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    times = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            t = time.perf_counter()
            page.goto(path.resolve().as_uri(), wait_until="commit")
            page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
            times.append(time.perf_counter() - t)
            page.close()
        browser.close()
    return times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sizes", default="200,2000,10000")
    ap.add_argument("--out", default="bench/out")
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    print(f"{'nodes':>6} {'edges':>6} {'build s':>8} {'render s':>9} {'export s':>9} {'MB':>6}  (medians of {args.repeat})")
    results = {}
    for n in (int(s) for s in args.sizes.split(",")):
        r = export(n, out, args.repeat if n < 10000 else 1)
        results[n] = r
        print(f"{r['nodes']:>6} {r['edges']:>6} {r['build']:>8.2f} {r['render']:>9.2f} {r['total']:>9.2f} "
              f"{r['bytes'] / 1e6:>6.2f}")
    for n, r in results.items():
        if n <= 2000 or n == 10000:
            times = load_in_chromium(r["path"], args.repeat)
            print(f"chromium load until drawn and settled, {r['nodes']} nodes: median "
                  f"{statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})")


if __name__ == "__main__":
    main()
