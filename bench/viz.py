"""Benchmark of graph export: time and file size for 200, 2,000 and 10,000 nodes, and the time
headless Chromium takes to open each page until it is drawn and settled (goal < 3 s at 2,000).

Every export runs in a fresh process (this script again) and is timed after one warm-up. With
--baseline DIR (another defgraph checkout, e.g. `git worktree add /tmp/dg-main main`) both
versions are measured side by side in one run, taking turns: the baseline's exports with
PYTHONPATH=DIR, and both versions' pages in one Chromium.

Run by hand:  python bench/viz.py [--repeat 5] [--sizes 200,2000,10000] [--out bench/out] [--baseline DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ROOT = Path(__file__).resolve().parent.parent


def export(n: int, out: Path, repeat: int) -> dict:
    """Build and render the synthetic graph of n entities `repeat` times; medians, and the page."""
    import defgraph
    from defgraph.store import OxigraphStore
    from defgraph.viz import build_graph
    from defgraph.viz.render import render_html
    from defgraph.viz.synthetic import synthetic_nquads

    store = OxigraphStore(None)
    store.load(synthetic_nquads(n), "nquads")
    render_html(build_graph(store))         # warm-up: caches (ontology, assets), lazy imports
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
            "bytes": path.stat().st_size, "path": str(path), "code": str(Path(defgraph.__file__).parent)}


def export_version(source: Path, n: int, out: Path) -> dict:
    """export() of n entities, once after a warm-up, in a fresh process importing defgraph from `source`."""
    out.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "PYTHONPATH": str(source)}
    cmd = [sys.executable, __file__, "--export-only", "--sizes", str(n), "--repeat", "1", "--out", str(out)]
    result = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
    if Path(result["code"]) != source / "defgraph":
        raise SystemExit(f"{source}: the export imported defgraph from {result['code']}")
    return result


def export_rounds(versions: dict[str, Path], n: int, out: Path, rounds: int) -> dict[str, dict]:
    """Each version's export of n entities, `rounds` times with the versions taking turns;
    the last result of each with the medians of its times."""
    runs: dict[str, list[dict]] = {name: [] for name in versions}
    for _ in range(rounds):
        for name, source in versions.items():
            runs[name].append(export_version(source, n, out / name))
    return {name: {**rs[-1], **{k: statistics.median(r[k] for r in rs) for k in ("build", "render", "total")}}
            for name, rs in runs.items()}


def load_times(paths: dict[str, Path], repeat: int) -> dict[str, list[float]]:
    """Seconds until each page is drawn and settled in headless Chromium, the pages taking turns."""
    from playwright.sync_api import sync_playwright

    times: dict[str, list[float]] = {name: [] for name in paths}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(repeat + 1):
            for name, path in paths.items():
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                page.goto(path.resolve().as_uri(), wait_until="commit")
                page.wait_for_selector("body[data-ready='1']", state="attached", timeout=120_000)
                times[name].append(time.perf_counter() - t)
                page.close()
        browser.close()
    return {name: t[1:] for name, t in times.items()}     # the first round warms the browser up


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--sizes", default="200,2000,10000")
    ap.add_argument("--out", default="bench/out")
    ap.add_argument("--baseline", default=None, help="another defgraph checkout to compare with")
    ap.add_argument("--export-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    out = Path(args.out)
    if args.export_only:
        for n in sizes:
            print(json.dumps(export(n, out, args.repeat if n < 10000 else 1)), flush=True)
        return
    versions = {"this": ROOT}
    if args.baseline:
        versions["baseline"] = Path(args.baseline).resolve()
    results: dict[str, dict[int, dict]] = {name: {} for name in versions}
    for n in sizes:
        for name, r in export_rounds(versions, n, out, args.repeat if n < 10000 else 1).items():
            results[name][n] = r
    print(f"export: build + render, medians of {args.repeat} (1 at 10,000 nodes), each in a fresh "
          "process after a warm-up, the versions taking turns")
    print(f"{'nodes':>6} {'edges':>6} " + " ".join(f"{name + ' s':>12} {name + ' MB':>12}" for name in versions)
          + ("   ratio" if args.baseline else ""))
    for n in sizes:
        row = [results[name][n] for name in versions]
        line = f"{row[0]['nodes']:>6} {row[0]['edges']:>6} " + " ".join(
            f"{r['total']:>12.2f} {r['bytes'] / 1e6:>12.2f}" for r in row)
        if args.baseline:
            line += f"   {row[0]['total'] / row[1]['total']:.2f}×"
        print(line)
    print(f"Chromium, until drawn and settled: medians of {args.repeat}, versions taking turns")
    for n in sizes:
        times = load_times({name: Path(results[name][n]["path"]) for name in versions}, args.repeat)
        parts = [f"{name} {statistics.median(t):.2f} s ({', '.join(f'{x:.2f}' for x in t)})"
                 for name, t in times.items()]
        ratio = (f"; ratio {statistics.median(times['this']) / statistics.median(times['baseline']):.2f}×"
                 if args.baseline else "")
        print(f"{results['this'][n]['nodes']:>6} nodes: " + "; ".join(parts) + ratio)


if __name__ == "__main__":
    main()
