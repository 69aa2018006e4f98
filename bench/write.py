"""The write stage alone (issue 13): the same extracted articles written one after another
(`put_article`, as before batching), in batches (`write_batch`, the bulk path that ingest uses),
and the same quads bulk-loaded by Oxigraph (`Store.bulk_load`, and `oxigraph load` when the CLI is
installed), side by side in one run.

Generated articles are extracted once in `--jobs` processes (not timed; kept in `--workdir`
for the next run). Each way of writing then starts from a fresh store with the ontology in it
(not timed) and writes every article, the flush at the end included: quads in the store per
second. Then the store folder's size once closed, and again after it was opened for writing and
closed once more (a reopened store must not grow), beside the bulk-loaded folder's size. The
batched store is checked to equal the one-at-a-time store (sorted N-Quads export).

    python bench/write.py [--articles 10000] [--batch 1000] [--repeat 1] [--jobs 2]
                          [--workdir /tmp/defgraph-write] [--json FILE] [--ways one,batched]
    python bench/write.py --articles 2000 --merging 200   # merging's share of the batched write

Targets (issue 13): batched ≥ 2 × 2,900 quads/s, and ≥ ½ of the bulk loader's quads/s; store
folder ≤ 1.5 × the bulk-loaded one; reopened no bigger.
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ingest import dir_size_mib  # noqa: E402

WRITE_BEFORE = 2900        # quads/s written by ingest before issue 13


def extracted(n: int, seed: int, jobs: int, workdir: Path) -> list:
    """The generated articles extracted (made once per size and seed, then read back)."""
    cache = workdir / f"extracted-{n}-{seed}.pickle"
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from bench.generate import iter_articles
    from defgraph.ingest import extract_all
    from defgraph.namespaces import DEFAULT_BASE_IRI

    results = list(extract_all(iter_articles(n, seed), DEFAULT_BASE_IRI, jobs=jobs))
    cache.write_bytes(pickle.dumps(results))
    return results


def write(results: list, path: Path, batch: int) -> dict:
    """Write the results into a fresh store `batch` at a time (1: `put_article` each)."""
    from defgraph.ingest import IngestSummary, ensure_ontology, write_batch, write_extracted
    from defgraph.store import OxigraphStore

    shutil.rmtree(path, ignore_errors=True)
    store = OxigraphStore(path)
    hierarchy, summary, merged = ensure_ontology(store), IngestSummary(), set()
    t0 = time.perf_counter()
    if batch == 1:
        for result in results:
            write_extracted(result, store, summary, hierarchy, merged)
    else:
        for start in range(0, len(results), batch):
            write_batch(results[start:start + batch], store, summary, hierarchy, merged)
    store.flush()
    seconds = time.perf_counter() - t0
    quads = store.count()
    store.close()
    disk = dir_size_mib(path)
    OxigraphStore(path).close()
    return {"seconds": seconds, "quads": quads, "disk_mib": disk, "reopened_mib": dir_size_mib(path)}


def sorted_nquads(path: Path) -> list[bytes]:
    from defgraph.store import OxigraphStore

    with OxigraphStore(path, read_only=True) as store:
        return sorted(store.dump("nquads").splitlines())


def bulk(dump: Path, path: Path) -> dict:
    """pyoxigraph's bulk loader over the N-Quads dump into a fresh folder."""
    import pyoxigraph as ox

    shutil.rmtree(path, ignore_errors=True)
    t0 = time.perf_counter()
    store = ox.Store(str(path))
    store.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
    store.flush()
    seconds = time.perf_counter() - t0
    del store
    return {"seconds": seconds, "disk_mib": dir_size_mib(path)}


def cli_load(dump: Path, path: Path) -> dict | None:
    """`oxigraph load` over the N-Quads dump into a fresh folder (None without the CLI)."""
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if not Path(oxigraph).exists():
        return None
    shutil.rmtree(path, ignore_errors=True)
    t0 = time.perf_counter()
    subprocess.run([oxigraph, "load", "--location", str(path), "--file", str(dump)], check=True,
                   capture_output=True)
    return {"seconds": time.perf_counter() - t0, "disk_mib": dir_size_mib(path)}


def measure(n: int, seed: int, jobs: int, batch: int, repeat: int, workdir: Path,
            ways: tuple[str, ...] = ("one", "batched")) -> dict:
    workdir.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    results = extracted(n, seed, jobs, workdir)
    out: dict = {"articles": n, "batch": batch, "extract_or_read_seconds": time.perf_counter() - t0,
                 "one": [], "batched": [], "bulk_load": [], "oxigraph_load": []}
    for _ in range(repeat):   # taking turns
        if "one" in ways:
            out["one"].append(write(results, workdir / "one", 1))
        out["batched"].append(write(results, workdir / "batched", batch))
        dump = workdir / "store.nq"
        from defgraph.store import OxigraphStore
        with OxigraphStore(workdir / "batched", read_only=True) as store:
            dump.write_bytes(store.dump("nquads"))
        out["bulk_load"].append(bulk(dump, workdir / "bulk"))
        loaded = cli_load(dump, workdir / "cli")
        if loaded:
            out["oxigraph_load"].append(loaded)
    out["identical"] = sorted_nquads(workdir / "one") == sorted_nquads(workdir / "batched") if out["one"] else None
    out["quads"] = out["batched"][0]["quads"]
    return out


def report(m: dict) -> str:
    med = statistics.median
    q = m["quads"]
    rows = [("one at a time (put_article)", m["one"]), (f"batched ({m['batch']} articles, write_batch)", m["batched"]),
            ("pyoxigraph Store.bulk_load", m["bulk_load"]), ("oxigraph load (CLI)", m["oxigraph_load"])]
    bulk_rate = q / med(r["seconds"] for r in m["bulk_load"])
    bulk_mib = med(r["disk_mib"] for r in m["bulk_load"])
    lines = [f"write stage alone: {m['articles']} generated articles extracted beforehand, {q} quads in the store; "
             f"{len(m['one'])} run(s) each, taking turns, fresh store each; batched store identical to the "
             f"one-at-a-time store (sorted N-Quads): {'not run' if m['identical'] is None else 'yes' if m['identical'] else 'NO'}",
             f"  {'how':<44} {'seconds':>8} {'quads/s':>9} {'× 2,900':>8} {'÷ bulk':>7} {'MiB':>7} "
             f"{'reopened':>9} {'÷ bulk MiB':>10}"]
    for name, runs in rows:
        if not runs:
            continue
        s = med(r["seconds"] for r in runs)
        mib = med(r["disk_mib"] for r in runs)
        reopened = f"{med(r['reopened_mib'] for r in runs):9.1f}" if "reopened_mib" in runs[0] else f"{'':9}"
        lines.append(f"  {name:<44} {s:8.2f} {q / s:9.0f} {q / s / WRITE_BEFORE:8.2f} {q / s / bulk_rate:7.2f} "
                     f"{mib:7.1f} {reopened} {mib / bulk_mib:10.2f}")
    return "\n".join(lines)


def merging(results: list, workdir: Path, step: int) -> dict:
    """The batched write with and without merged events (`merge_events=False`), taking turns
    `step` articles at a time: CPU seconds of this process per step in each store."""
    from defgraph.ingest import IngestSummary, ensure_ontology, write_batch
    from defgraph.store import OxigraphStore

    root = workdir / "merging"
    shutil.rmtree(root, ignore_errors=True)
    stores = {name: OxigraphStore(root / name, merge_events=name == "merge") for name in ("plain", "merge")}
    state = {name: (ensure_ontology(store), IngestSummary(), set()) for name, store in stores.items()}
    cpu: dict[str, list[float]] = {name: [] for name in stores}
    for start in range(0, len(results), step):
        for name, store in stores.items():
            hierarchy, summary, merged = state[name]
            t0 = time.process_time()
            write_batch(results[start:start + step], store, summary, hierarchy, merged)
            cpu[name].append(time.process_time() - t0)
    for store in stores.values():
        store.close()
    shutil.rmtree(root, ignore_errors=True)
    return {"step": step, "articles": len(results), **cpu}


def report_merging(m: dict) -> str:
    """CPU ms per article written in each fifth of the store, with and without merging."""
    fifth = max(1, len(m["plain"]) // 5)
    lines = [f"the batched write of {m['articles']} articles with and without merging, {m['step']} at a time, "
             "taking turns (CPU ms per article)", "  fifth   plain   merging   merging adds"]
    for i in range(0, len(m["plain"]), fifth):
        n = min(m["articles"], (i + fifth) * m["step"]) - i * m["step"]
        plain, merge = (1000 * sum(m[k][i:i + fifth]) / n for k in ("plain", "merge"))
        lines.append(f"  {i // fifth + 1:>5} {plain:7.2f} {merge:9.2f} {merge - plain:+14.2f}")
    lines.append(f"  all   {1000 * sum(m['plain']) / m['articles']:7.2f} {1000 * sum(m['merge']) / m['articles']:9.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch", type=int, default=1000, help="articles per batch (ingest's BATCH_SIZE)")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=2, help="extraction processes (extraction is not timed)")
    ap.add_argument("--workdir", default="/tmp/defgraph-write")
    ap.add_argument("--json", help="write the raw measurements here")
    ap.add_argument("--ways", default="one,batched", help="one,batched or batched alone (the bulk loaders always run)")
    ap.add_argument("--merging", type=int, metavar="STEP",
                    help="instead: the batched write with and without merged events, STEP articles at a time")
    args = ap.parse_args(argv)
    if args.merging:
        workdir = Path(args.workdir)
        workdir.mkdir(parents=True, exist_ok=True)
        print(report_merging(merging(extracted(args.articles, args.seed, args.jobs, workdir), workdir, args.merging)))
        return 0
    m = measure(args.articles, args.seed, args.jobs, args.batch, args.repeat, Path(args.workdir),
                tuple(args.ways.split(",")))
    print(report(m))
    if args.json:
        Path(args.json).write_text(json.dumps(m, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
