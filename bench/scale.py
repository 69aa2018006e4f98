"""How defgraph scales with the number of articles: ingest, store, serve, query, export.

For each size (generated articles, `bench/generate.py`, one JSON Lines file) and each way of
extracting (`1`: -j 1, `2`: -j 2, `dask2`: a Dask LocalCluster of 2 worker processes), one fresh
process ingests the file into a fresh store, noting articles/s, the write stage's own time
(`IngestSummary.write_seconds`: quads written per second, extraction excluded; clean with -j 1,
where nothing else runs during a write) and the peak RSS of the writer and of the extraction
processes. Then, on the store of the first mode: its size on disk after ingest, and again after
it was opened and closed once more; `defgraph export --format nquads` time; the same quads
bulk-loaded by `oxigraph load` (time, quads/s, size on disk); time until `defgraph serve` answers;
each competency query's median time (in-process, `--runs` runs).

    python bench/scale.py [--sizes 1000,10000] [--modes 1,2,dask2] [--workdir /tmp/defgraph-scale]
                          [--json FILE] [--merge FILE ...] [--plot bench/scale.png]

`--merge` adds the measurements of earlier runs (their `--json`) to the table and plot, so that
a size too long for one sitting can be measured in parts. Targets (issue 13): rate at the largest
size ≥ 80 % of the rate at 1k; peak RSS < 1 GiB; store folder ≤ 1.5× the bulk-loaded one; a
reopened store no bigger; write stage ≥ 2 × 2,900 quads/s and within 2× of the bulk loader.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ingest import dir_size_mib, peak_rss_mib  # noqa: E402

WRITE_BEFORE = 2900        # quads/s written by ingest before issue 13
TARGETS = {"rate_ratio": 0.80, "peak_rss_mib": 1024, "disk_ratio": 1.5, "write_x_before": 2.0,
           "write_vs_bulk": 0.5}


def label(mode: str) -> str:
    """How a mode is printed."""
    return f"Dask({mode[4:]})" if mode.startswith("dask") else f"-j {mode}"


def articles_file(workdir: Path, n: int, seed: int) -> Path:
    """The generated articles as one JSON Lines file (made once per size and seed)."""
    path = workdir / f"articles-{n}-{seed}.jsonl"
    if not path.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), str(n), "--seed", str(seed),
                        "--out", str(path)], check=True, cwd=ROOT, capture_output=True)
    return path


def run_ingest(path: Path, store_dir: Path, mode: str) -> dict:
    """One ingest of the file (in this fresh process); rate, write stage and memory."""
    from defgraph.ingest import ingest_paths
    from defgraph.store import OxigraphStore

    store = OxigraphStore(store_dir)
    local = None
    try:
        if mode.startswith("dask"):
            from distributed import LocalCluster

            t0 = time.perf_counter()
            local = LocalCluster(n_workers=int(mode[4:]), threads_per_worker=1, processes=True,
                                 host="127.0.0.1", dashboard_address=None)
            started = time.perf_counter() - t0
            summary = ingest_paths([str(path)], store, scheduler=local.scheduler_address)
        else:
            started = 0.0
            summary = ingest_paths([str(path)], store, jobs=int(mode))
        quads = store.count()
    finally:
        store.close()
        if local is not None:
            local.close()
    assert not summary.skipped, summary.skipped[:3]
    return {"mode": mode, "articles": summary.articles, "seconds": summary.seconds + started,
            "cluster_start_seconds": started, "write_seconds": summary.write_seconds,
            "triples": summary.triples, "quads": quads, "writer_peak_rss_mib": peak_rss_mib(),
            "worker_peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_start_seconds(store_dir: Path) -> float:
    """Seconds from `defgraph serve` starting to its first answer on `/`."""
    port = free_port()
    t0 = time.perf_counter()
    server = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store_dir),
                               "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < 300:
            try:
                if requests.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200:
                    return time.perf_counter() - t0
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("defgraph serve did not answer within 300 s")
    finally:
        server.terminate()
        server.wait(timeout=60)


def query_medians(store_dir: Path, runs: int) -> dict[str, float]:
    """Median seconds of each competency query (rows read to the end) on the store."""
    from defgraph.queries import named_query
    from defgraph.resources import COMPETENCY_QUERIES
    from defgraph.store import OxigraphStore

    store = OxigraphStore(store_dir, read_only=True)
    out = {}
    for name in COMPETENCY_QUERIES:
        text = named_query(name)
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            store.select(text)
            times.append(time.perf_counter() - t0)
        out[name] = statistics.median(times)
    store.close()
    return out


def bulk_load(dump: Path, target: Path) -> dict:
    """`oxigraph load` of the N-Quads dump into a fresh folder: seconds, MiB, peak RSS."""
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    t0 = time.perf_counter()
    subprocess.run([oxigraph, "load", "--location", str(target), "--file", str(dump)], check=True,
                   capture_output=True)
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "disk_mib": dir_size_mib(target),
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def run_store(store_dir: Path, runs: int) -> dict:
    """What the ingested store costs: disk before and after a reopen, export, bulk load, serve, queries."""
    from defgraph.store import OxigraphStore

    disk = dir_size_mib(store_dir)
    OxigraphStore(store_dir).close()
    reopened = dir_size_mib(store_dir)
    dump = store_dir.parent / "dump.nq"
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "defgraph.cli", "export", "--store", str(store_dir), "--format",
                    "nquads", "--out", str(dump)], check=True, capture_output=True)
    export = time.perf_counter() - t0
    bulk = bulk_load(dump, store_dir.parent / "bulk")
    lines = sum(1 for _ in dump.open("rb"))
    dump.unlink()
    shutil.rmtree(store_dir.parent / "bulk")
    return {"disk_mib": disk, "reopened_disk_mib": reopened, "export_seconds": export, "dump_quads": lines,
            "bulk": bulk, "serve_start_seconds": serve_start_seconds(store_dir),
            "queries": query_medians(store_dir, runs)}


def _child(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(sizes: list[int], modes: list[str], workdir: Path, seed: int, runs: int) -> list[dict]:
    """Every size in every mode (a fresh process and store each), then the store of the first mode."""
    results = []
    for n in sizes:
        path = articles_file(workdir, n, seed)
        for mode in modes:
            store_dir = Path(tempfile.mkdtemp(prefix=f"scale-{n}-{mode}-", dir=workdir)) / "store"
            load = " ".join(f"{x:.2f}" for x in os.getloadavg())
            r = {"size": n, "load": load, **_child("--worker", "ingest", str(path), str(store_dir), mode)}
            if mode == modes[0]:
                r["store"] = _child("--worker", "store", str(store_dir), str(runs))
            shutil.rmtree(store_dir.parent)
            results.append(r)
            print(f"  {n} articles, {label(mode)}: {r['articles'] / r['seconds']:.1f} articles/s", flush=True)
    return results


def table(results: list[dict]) -> str:
    """The measurements as a Markdown table, then the targets checked."""
    lines = ["| articles | extraction | articles/s | write stage quads/s | writer peak RSS MiB | "
             "worker peak RSS MiB | quads | store MiB | reopened MiB | `oxigraph load` MiB (s, quads/s) | "
             "export s | serve start s | query median s (slowest) | load average at start |",
             "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|"]
    for r in sorted(results, key=lambda r: (r["size"], r["mode"])):
        st = r.get("store")
        cells = [f"{r['size']:,}", label(r["mode"]), f"{r['articles'] / r['seconds']:.1f}",
                 f"{r['quads'] / r['write_seconds']:,.0f}", f"{r['writer_peak_rss_mib']:.0f}",
                 f"{r['worker_peak_rss_mib']:.0f}", f"{r['quads']:,}"]
        if st:
            q = st["queries"]
            slowest = max(q, key=q.get)
            cells += [f"{st['disk_mib']:.1f}", f"{st['reopened_disk_mib']:.1f}",
                      f"{st['bulk']['disk_mib']:.1f} ({st['bulk']['seconds']:.1f} s, "
                      f"{st['dump_quads'] / st['bulk']['seconds']:,.0f})",
                      f"{st['export_seconds']:.1f}", f"{st['serve_start_seconds']:.1f}",
                      f"{statistics.median(q.values()):.3f} ({slowest} {q[slowest]:.3f})"]
        else:
            cells += [""] * 6
        cells.append(r.get("load", ""))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n\n" + "\n".join(check(results))


def check(results: list[dict]) -> list[str]:
    """Each target of issue 13, met or not, from the numbers."""
    out = []
    sizes = sorted({r["size"] for r in results})
    first, last = sizes[0], sizes[-1]
    for mode in dict.fromkeys(r["mode"] for r in results):
        rate = {r["size"]: r["articles"] / r["seconds"] for r in results if r["mode"] == mode}
        if first in rate and last in rate and last != first:
            ratio = rate[last] / rate[first]
            out.append(f"- {label(mode)}: rate at {last:,} is {ratio:.2f}× the rate at {first:,} (target ≥ "
                       f"{TARGETS['rate_ratio']}: {'met' if ratio >= TARGETS['rate_ratio'] else 'NOT met'})")
    for r in sorted(results, key=lambda r: (r["size"], r["mode"])):
        peak = max(r["writer_peak_rss_mib"], r["worker_peak_rss_mib"])
        verdict = "met" if peak < TARGETS["peak_rss_mib"] else "NOT met"
        line = f"- {r['size']:,} {label(r['mode'])}: peak RSS {peak:.0f} MiB ({verdict})"
        st = r.get("store")
        if st:
            disk = st["disk_mib"] / st["bulk"]["disk_mib"]
            bulk_rate = st["dump_quads"] / st["bulk"]["seconds"]
            write = r["quads"] / r["write_seconds"]
            line += (f"; store {disk:.2f}× the bulk-loaded one ({'met' if disk <= TARGETS['disk_ratio'] else 'NOT met'})"
                     f"; reopened {st['reopened_disk_mib']:.1f} vs {st['disk_mib']:.1f} MiB "
                     f"({'met' if st['reopened_disk_mib'] <= st['disk_mib'] * 1.01 else 'NOT met'})"
                     f"; write stage {write:,.0f} quads/s = {write / WRITE_BEFORE:.1f}× 2,900 "
                     f"({'met' if write >= TARGETS['write_x_before'] * WRITE_BEFORE else 'NOT met'}), "
                     f"{write / bulk_rate:.2f}× the bulk loader's {bulk_rate:,.0f} quads/s "
                     f"({'met' if write >= TARGETS['write_vs_bulk'] * bulk_rate else 'NOT met'})")
        out.append(line)
    return out


def plot(results: list[dict], path: Path) -> None:
    """Articles/s and peak RSS per size and mode, and store size against the bulk-loaded store, as a PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (left, middle, right) = plt.subplots(1, 3, figsize=(15, 4))
    for mode in dict.fromkeys(r["mode"] for r in results):
        rs = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["size"])
        left.plot([r["size"] for r in rs], [r["articles"] / r["seconds"] for r in rs], marker="o", label=label(mode))
    left.set(xscale="log", xlabel="articles", ylabel="articles/s (end to end)", title="Ingest rate")
    left.set_ylim(bottom=0)
    left.legend()
    for mode in dict.fromkeys(r["mode"] for r in results):
        rs = sorted((r for r in results if r["mode"] == mode), key=lambda r: r["size"])
        middle.plot([r["size"] for r in rs], [max(r["writer_peak_rss_mib"], r["worker_peak_rss_mib"]) for r in rs],
                    marker="o", label=label(mode))
    middle.axhline(TARGETS["peak_rss_mib"], color="grey", linestyle="--", label="target (1 GiB)")
    middle.set(xscale="log", xlabel="articles", ylabel="MiB", title="Peak RSS (writer or a worker)")
    middle.set_ylim(bottom=0)
    middle.legend()
    rs = sorted((r for r in results if "store" in r), key=lambda r: r["size"])
    sizes = [r["size"] for r in rs]
    right.plot(sizes, [r["store"]["disk_mib"] for r in rs], marker="o", label="defgraph ingest")
    right.plot(sizes, [r["store"]["reopened_disk_mib"] for r in rs], marker="x", linestyle=":", label="reopened")
    right.plot(sizes, [r["store"]["bulk"]["disk_mib"] for r in rs], marker="s", label="oxigraph load (same quads)")
    right.set(xscale="log", yscale="log", xlabel="articles", ylabel="MiB on disk", title="Store size")
    right.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--modes", default="1,2,dask2", help="1, 2, … (-j N) or daskN, comma-separated")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--runs", type=int, default=5, help="runs per competency query")
    ap.add_argument("--workdir", default=None, help="where articles and stores go (default: a temporary folder)")
    ap.add_argument("--json", help="write the raw measurements here")
    ap.add_argument("--merge", nargs="*", default=[], help="raw measurements of earlier runs to add")
    ap.add_argument("--plot", help="write the plot (PNG) here")
    ap.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        kind, *rest = args.worker
        if kind == "ingest":
            print(json.dumps(run_ingest(Path(rest[0]), Path(rest[1]), rest[2])))
        else:
            print(json.dumps(run_store(Path(rest[0]), int(rest[1]))))
        return 0
    workdir = Path(args.workdir or tempfile.mkdtemp(prefix="defgraph-scale-"))
    workdir.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]   # none: only --merge earlier runs
    results = measure(sizes, args.modes.split(","), workdir, args.seed, args.runs) if sizes else []
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    for earlier in args.merge:
        results += json.loads(Path(earlier).read_text())
    print(table(results))
    if args.plot:
        plot(results, Path(args.plot))
    return 0


if __name__ == "__main__":
    sys.exit(main())
