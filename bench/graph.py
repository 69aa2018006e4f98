"""Benchmark of the graph page, side by side with another version of defgraph in one run: the
first /graph after a server start, in headless Chromium (time to the server's answer and until
drawn and settled), the time until Chromium shows /graph settled on a server that has drawn it
before (each load in a fresh browser context, the versions taking turns, after one warm-up
round), and how many pairs of node boxes (shape and label) overlap in a focus view (goal: < 2 s
on the dev corpus, < 3 s on 2,000 generated articles, no overlap; issue 11).

The first /graph after a start is measured for the other version, and for this one three
times: on a store whose views were never kept (the folder `.NAME-views` beside it removed: as
after an ingest), /graph asked as soon as the server is up and 30 s later (the drawing ahead
done), and on a restart that finds them kept.

With --new-snapshot, the first /graph at the moment a running server serves a new snapshot (a
person written into its store by another process, as an ingest would; asked as soon as /sparql
sees it), for each version on its own copy of the store, the versions taking turns: seconds to
the server's answer and until settled in Chromium, whether the page shown was the earlier drawing
(marked), and seconds from that moment until /graph is the new snapshot's own drawing.

Each version runs as its own `defgraph serve --workers 2 --timeout 600` (from its folder) on
127.0.0.1, with the default row cap and settings.

Run by hand:  python bench/graph.py --baseline DIR [--articles 2000] [--repeat 5] [--cold 3]
(DIR: another checkout, e.g. `git archive <commit> | tar -x -C /tmp/base`)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import quote

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from pages import ARGS, CHROMIUM, build_store  # noqa: E402

READY = "body[data-ready='1']"
LATER = 30        # seconds after a start: what a user who opens the page a little later finds
WRITE = """import sys; from defgraph.store import OxigraphStore
s = OxigraphStore(sys.argv[1]); s.update(sys.argv[2]); s.close()"""
PROBE = "https://w3id.org/defgraph/id/person/bench-probe-{}"
OVERLAPS = """() => {
    const v = window.defgraphView, ids = v.nodes.getIds();
    const b = ids.map(id => v.network.getBoundingBox(id));
    let n = 0;
    for (let i = 0; i < b.length; i++) for (let j = i + 1; j < b.length; j++) {
        const ox = Math.min(b[i].right, b[j].right) - Math.max(b[i].left, b[j].left);
        const oy = Math.min(b[i].bottom, b[j].bottom) - Math.max(b[i].top, b[j].top);
        if (ox > 0.5 && oy > 0.5) n++;
    }
    return [ids.length, n]; }"""


@contextmanager
def serving(source: Path, store: Path) -> Iterator[str]:
    """`defgraph serve` of the store with the code in `source`, until the block ends; its URL."""
    env = {**os.environ, "PYTHONPATH": str(source), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store), "--port", "0",
                             "--workers", "2", "--timeout", "600"], env=env, cwd=source,   # python -m puts the working folder first
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        url = re.search(r"at (http://\S+/) ", line)
        if not url:
            raise SystemExit(f"{source}: the server did not start ({line!r})")
        yield url.group(1)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _load(browser, url: str, script: str | None = None) -> tuple[float, float, object]:
    """(seconds to the server's answer, seconds until drawn and settled, what `script` gives
    then) of a page in a fresh browser context."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    t = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=600_000)
    answered = time.perf_counter() - t
    page.wait_for_selector(READY, state="attached", timeout=600_000)
    settled = time.perf_counter() - t
    value = page.evaluate(script) if script else None
    context.close()
    return answered, settled, value


def cold(versions: dict[str, Path], store: Path, rounds: int) -> dict[str, list[tuple[float, float]]]:
    """The first /graph of a freshly started server in Chromium, `rounds` times each, taking turns
    (each kind first in turn): the other version; this one with nothing kept beside the store,
    asked at once and LATER seconds after the start; this one restarted."""
    from playwright.sync_api import sync_playwright

    views = store.resolve().parent / f".{store.resolve().name}-views"
    runs = {"before": (versions["before"], False, 0), "now, nothing kept": (versions["now"], True, 0),
            f"now, nothing kept, asked {LATER} s after": (versions["now"], True, LATER),
            "now, restarted": (versions["now"], False, 0)}
    out: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for i in range(rounds):
            names = list(runs)
            for name in names[i % len(names):] + names[:i % len(names)]:    # each first in turn
                source, afresh, later = runs[name]
                if afresh:
                    shutil.rmtree(views, ignore_errors=True)
                with serving(source, store) as url:
                    time.sleep(later)
                    out[name].append(_load(browser, url + "graph")[:2])
        browser.close()
    return out


def _own_drawing(url: str) -> bool:
    """Whether /graph is the drawing of the snapshot served now (waits while it is drawn); an
    earlier drawing says when its data are from in a header (the page is not read)."""
    with requests.get(url + "graph", timeout=600, stream=True) as r:
        return r.status_code == 200 and "X-Defgraph-Drawn-As-Of" not in r.headers


def _sees(url: str, i: int) -> bool:
    query = f"ASK {{ GRAPH ?g {{ <{PROBE.format(i)}> ?p ?o }} }}"
    r = requests.get(url + "sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"},
                     timeout=600)
    return r.status_code == 200 and r.json()["boolean"]


def new_snapshot(versions: dict[str, Path], store: Path, rounds: int) -> dict[str, list[tuple[float, float, bool, float]]]:
    """The first /graph at the moment a running server serves a new snapshot, `rounds` times per
    version (each on a copy of the store, taking turns): (answered, settled, the earlier drawing
    shown, seconds until /graph is the new snapshot's own drawing)."""
    from playwright.sync_api import sync_playwright

    out: dict[str, list[tuple[float, float, bool, float]]] = {name: [] for name in versions}
    with tempfile.TemporaryDirectory(dir=store.resolve().parent) as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        copies = {name: Path(tmp) / name / "store" for name in versions}
        for copy in copies.values():
            shutil.copytree(store, copy)
        with serving(versions["before"], copies["before"]) as before, serving(versions["now"], copies["now"]) as now:
            urls = {"before": before, "now": now}
            for i in range(rounds):
                names = list(urls) if i % 2 == 0 else list(urls)[::-1]
                for name in names:
                    url = urls[name]
                    while not _own_drawing(url):          # the snapshot served now is drawn
                        time.sleep(0.5)
                    update = f'INSERT DATA {{ GRAPH <{PROBE.format("g")}> {{ <{PROBE.format(i)}> a <https://w3id.org/defgraph/ontology#Person> }} }}'
                    subprocess.run([sys.executable, "-c", WRITE, str(copies[name]), update], check=True, timeout=600)
                    while not _sees(url, i):
                        time.sleep(0.05)
                    t = time.perf_counter()
                    context = browser.new_context(viewport={"width": 1400, "height": 900})
                    page = context.new_page()
                    page.goto(url + "graph", wait_until="commit", timeout=600_000)
                    answered = time.perf_counter() - t
                    page.wait_for_selector(READY, state="attached", timeout=600_000)
                    settled = time.perf_counter() - t
                    earlier = page.query_selector("#dg-earlier") is not None
                    context.close()
                    while not _own_drawing(url):
                        time.sleep(0.5)
                    out[name].append((answered, settled, earlier, time.perf_counter() - t))
                    print(f"  {name} round {i + 1}: answered {answered:.2f} s, settled {settled:.2f} s, earlier "
                          f"drawing shown: {earlier}, own drawing after {out[name][-1][3]:.2f} s", flush=True)
        browser.close()
    return out


def browser_rounds(urls: dict[str, str], paths: dict[str, str], repeat: int) -> tuple[dict, dict]:
    """Seconds until each page is settled in Chromium (medians after a warm-up), and the
    (nodes, overlapping pairs) of each page."""
    from playwright.sync_api import sync_playwright

    times: dict[tuple[str, str], list[float]] = {}
    overlaps: dict[tuple[str, str], tuple[int, int]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        for _ in range(repeat + 1):
            for page_name, path in paths.items():
                for name, url in urls.items():
                    _, settled, overlap = _load(browser, url + path, OVERLAPS)
                    times.setdefault((page_name, name), []).append(settled)
                    overlaps[(page_name, name)] = tuple(overlap)
        browser.close()
    return {k: v[1:] for k, v in times.items()}, overlaps


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", type=Path, required=True, help="folder of the other version's checkout")
    ap.add_argument("--articles", type=int, default=0, help="generated articles (default: the dev corpus)")
    ap.add_argument("--store", type=Path, default=None, help="an existing store to use instead")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cold", type=int, default=3, help="server starts per version for the cold time")
    ap.add_argument("--focus", default="Ukraine", help="the focus view (depth 2) whose overlaps are counted")
    ap.add_argument("--first-only", action="store_true", help="only the first /graph after a start")
    ap.add_argument("--new-snapshot", action="store_true",
                    help="only the first /graph when a running server serves a new snapshot (--cold rounds)")
    args = ap.parse_args()
    versions = {"before": args.baseline.resolve(), "now": ROOT}
    with tempfile.TemporaryDirectory() as tmp:
        store = args.store or build_store(Path(tmp), args.articles)
        if args.new_snapshot:
            runs = new_snapshot(versions, store, args.cold)
            print(f"first /graph at a new snapshot, in Chromium (median of {args.cold}; server's answer / "
                  "settled; until its own drawing is served):")
            for name, rows in runs.items():
                answered, settled, _, own = (statistics.median(x) for x in zip(*rows))
                shown = sum(r[2] for r in rows)
                print(f"    {name:8} {answered:6.2f} s / {settled:6.2f} s; earlier drawing shown {shown} of "
                      f"{len(rows)}; own drawing after {own:6.2f} s")
            return
        colds = cold(versions, store, args.cold)
        print("cold (answered, settled):", {k: [(round(a, 2), round(b, 2)) for a, b in v]
                                            for k, v in colds.items()}, flush=True)
        paths = {"/graph": "graph", f"/graph?focus={args.focus}&depth=2": f"graph?focus={quote(args.focus)}&depth=2"}
        if args.first_only:
            paths = {}
        times, overlaps = {}, {}
        if paths:
            with serving(versions["before"], store) as before, serving(versions["now"], store) as now:
                times, overlaps = browser_rounds({"before": before, "now": now}, paths, args.repeat)
    corpus = (f"the store {args.store}" if args.store else
              f"{args.articles} generated articles" if args.articles else "the 20 dev articles")
    print(f"graph page, {corpus}: before = {args.baseline}, now = {ROOT}")
    print(f"  first /graph after a start, in Chromium (median of {args.cold}; server's answer / settled):")
    before = [statistics.median(x) for x in zip(*colds["before"])]
    for name, runs in colds.items():
        answered, settled = (statistics.median(x) for x in zip(*runs))
        print(f"    {name:36} {answered:6.2f} s / {settled:6.2f} s  ({settled / before[1]:.2f}× before's settled)")
    for page_name in paths:
        b, n = statistics.median(times[(page_name, "before")]), statistics.median(times[(page_name, "now")])
        print(f"  {page_name}: settled in Chromium (median of {args.repeat}): before {b:.2f} s "
              f"({min(times[(page_name, 'before')]):.2f}–{max(times[(page_name, 'before')]):.2f}), "
              f"now {n:.2f} s ({min(times[(page_name, 'now')]):.2f}–{max(times[(page_name, 'now')]):.2f}), "
              f"{n / b:.2f}×; nodes drawn / overlapping pairs: before {overlaps[(page_name, 'before')]}, "
              f"now {overlaps[(page_name, 'now')]}")


if __name__ == "__main__":
    main()
