"""How soon a read-only `defgraph serve` serves what a `defgraph ingest` into its folder wrote.

Serves a copy of the load benchmark's store (`bench/load.py` builds it), then `--repeat` times
ingests `--articles` new generated articles into the served folder with the real command and
measures the time from the ingest's exit until a query sees every new article; also that the
articles served before that moment never change while the ingest runs.

    python -m bench.refresh
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

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import build_store, start_server, stop_server  # noqa: E402

ARTICLES = {"query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s a "
                     "<https://w3id.org/defgraph/ontology#Article> } }", "format": "csv"}


def served_articles(url: str) -> int:
    return int(requests.get(url + "sparql", params=ARTICLES, timeout=60).text.split()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store-articles", type=int, default=1000)
    ap.add_argument("--articles", type=int, default=20, help="new articles per ingest")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/defgraph-load"))
    args = ap.parse_args()
    source = build_store(args.workdir, args.store_articles)
    work = Path(tempfile.mkdtemp(prefix="defgraph-refresh-"))
    store = work / "store"
    shutil.copytree(source, store)
    proc, url = start_server(ROOT, store, ["--workers", "2"])
    delays, ingests = [], []
    try:
        for n in range(args.repeat):
            folder = work / f"new{n}"
            subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(args.articles), "--seed",
                            str(100 + n), "--out", str(folder)], check=True, capture_output=True)
            before = served_articles(url)
            started = time.monotonic()
            ingest = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "ingest", "-j", "1", "--store",
                                       str(store), str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            seen = set()
            while ingest.poll() is None:
                seen.add(served_articles(url))
                time.sleep(0.1)
            ended = time.monotonic()
            if ingest.returncode != 0:
                raise SystemExit(f"ingest failed ({ingest.returncode})")
            while served_articles(url) < before + args.articles:
                if time.monotonic() - ended > 60:
                    raise SystemExit("the new articles were not served within 60 s")
                time.sleep(0.02)
            delays.append(time.monotonic() - ended)
            ingests.append(ended - started)
            print(f"ingest {n}: {ended - started:.1f} s; served before its exit: {sorted(seen)} "
                  f"(all {before} or {before + args.articles}); all {before + args.articles} served "
                  f"{delays[-1]:.2f} s after the ingest's exit", flush=True)
    finally:
        stop_server(proc)
        shutil.rmtree(work, ignore_errors=True)
    print(f"median: new articles served {statistics.median(delays):.2f} s after the ingest ended "
          f"(max {max(delays):.2f} s; ingests of {args.articles} articles took a median "
          f"{statistics.median(ingests):.1f} s)")


if __name__ == "__main__":
    main()
