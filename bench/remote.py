"""The embedded store against Oxigraph's server as a remote store, on the same generated articles.

Generates N articles (bench/generate.py, seed 0), extracts them once in `--jobs` processes
(timed: the extraction share of an end-to-end ingest), then writes them into an embedded
`OxigraphStore` and into a `RemoteStore` on `oxigraph serve` (started here on 127.0.0.1, a
fresh folder), taking turns tenth by tenth, timing each store's write stage (wall clock,
`put_article` as ingest calls it). Then checks that both hold the same quads (count and sorted
N-Quads) and give the same answers to every query in queries/, and times each query on both
(medians of 3). Prints articles/s of the write stage and end to end (extraction per article
+ writing) for both, side by side, with their ratio.

    python bench/remote.py [--articles 2000] [--jobs 2] [--seed 0]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def start_server(folder: Path, port: int) -> subprocess.Popen:
    import requests

    binary = Path(sys.executable).parent / "oxigraph"
    proc = subprocess.Popen([str(binary if binary.exists() else shutil.which("oxigraph")), "serve", "--location",
                             str(folder), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            requests.post(f"http://127.0.0.1:{port}/query", data="ASK {}",
                          headers={"Content-Type": "application/sparql-query"}, timeout=2)
            return proc
        except requests.ConnectionError:
            time.sleep(0.05)
    raise RuntimeError("oxigraph serve did not start")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)

    import socket

    from bench.generate import generate_articles
    from defgraph.ingest import IngestSummary, ensure_ontology, extract_all, write_extracted
    from defgraph.namespaces import DEFAULT_BASE_IRI
    from defgraph.queries import format_result, run_query
    from defgraph.remote import open_remote
    from defgraph.store import OxigraphStore

    n = args.articles
    articles = generate_articles(n, args.seed)
    t0 = time.perf_counter()
    extracted = list(extract_all(articles, DEFAULT_BASE_IRI, jobs=args.jobs))
    extract_seconds = time.perf_counter() - t0
    assert all(not isinstance(e, Exception) for e in extracted)
    print(f"{n} articles extracted in {extract_seconds:.1f} s with {args.jobs} processes "
          f"({extract_seconds / n * 1000:.1f} ms per article, wall clock)")

    with tempfile.TemporaryDirectory(prefix="defgraph-bench-remote-") as tmp:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = start_server(Path(tmp) / "oxigraph", port)
        try:
            stores = {"embedded": OxigraphStore(Path(tmp) / "embedded"),
                      "remote": open_remote(f"http://127.0.0.1:{port}/query", kind="oxigraph")}
            state = {name: (ensure_ontology(store), IngestSummary(), set()) for name, store in stores.items()}
            seconds = {name: 0.0 for name in stores}
            tenths = [max(1, n * k // 10) for k in range(1, 11)]
            per_tenth: dict[str, list[float]] = {name: [] for name in stores}
            done = 0
            for stop in tenths:                       # taking turns, tenth by tenth
                for name, store in stores.items():
                    hierarchy, summary, merged = state[name]
                    t0 = time.perf_counter()
                    for result in extracted[done:stop]:
                        write_extracted(result, store, summary, hierarchy, merged)
                    store.flush()
                    spent = time.perf_counter() - t0
                    seconds[name] += spent
                    per_tenth[name].append((stop - done) / spent)
                done = stop

            counts = {name: store.count() for name, store in stores.items()}
            same_quads = sorted(stores["embedded"].dump("nquads").splitlines()) == \
                sorted(stores["remote"].dump("nquads").splitlines())
            answers: list[tuple[str, bool, float, float]] = []
            for f in sorted((ROOT / "queries").glob("*.rq")):
                text = f.read_text(encoding="utf-8")
                rows, times = {}, {}
                for name, store in stores.items():
                    runs = []
                    for _ in range(3):
                        t0 = time.perf_counter()
                        out = format_result(run_query(store, text), "csv").splitlines()
                        runs.append(time.perf_counter() - t0)
                    rows[name] = (out[0], sorted(out[1:]))
                    times[name] = statistics.median(runs)
                answers.append((f.stem, rows["embedded"] == rows["remote"], times["embedded"], times["remote"]))
            for store in stores.values():
                store.close()
        finally:
            server.terminate()
            server.wait()

    per_article = extract_seconds / n
    print(f"\nquads: embedded {counts['embedded']}, remote {counts['remote']}; "
          f"sorted N-Quads identical: {same_quads}")
    print(f"\n{'':<28}{'embedded':>12}{'remote':>12}{'ratio':>8}")
    w = {k: n / v for k, v in seconds.items()}
    print(f"{'write stage, articles/s':<28}{w['embedded']:>12.1f}{w['remote']:>12.1f}{w['remote'] / w['embedded']:>8.2f}")
    e2e = {k: n / (extract_seconds + v) for k, v in seconds.items()}
    print(f"{'end to end, articles/s':<28}{e2e['embedded']:>12.1f}{e2e['remote']:>12.1f}"
          f"{e2e['remote'] / e2e['embedded']:>8.2f}")
    print(f"{'(extraction, ms/article)':<28}{per_article * 1000:>12.1f}{per_article * 1000:>12.1f}")
    print("write stage by tenth, articles/s: embedded "
          + " ".join(f"{x:.0f}" for x in per_tenth["embedded"]) + "; remote "
          + " ".join(f"{x:.0f}" for x in per_tenth["remote"]))
    print(f"\n{'query':<16}{'same':>6}{'embedded ms':>13}{'remote ms':>11}")
    for name, same, a, b in answers:
        print(f"{name:<16}{str(same):>6}{a * 1000:>13.1f}{b * 1000:>11.1f}")
    ok = same_quads and counts["embedded"] == counts["remote"] and all(a[1] for a in answers)
    print("\nsame store and same answers" if ok else "\nDIFFERENT")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
