"""Ingest throughput benchmark: `ingest_articles` over generated articles into an on-disk store.

Each repetition runs in a fresh process (so its peak RSS is its own), single-threaded: it
generates the articles (not timed), loads the gazetteer (not timed), then ingests them into an
`OxigraphStore` in a temporary folder in chunks ending at 250, 500 and 1,000 articles, noting
the elapsed time, the peak and current RSS at each checkpoint. One more, untimed run under
tracemalloc gives the Python heap at the same checkpoints, and one run times the stages
(extract, to_rdf, put_article; the dependency parse inside extract) separately. Targets: ≥ 25
articles/s (issue 9: the parse may cost speed down to that); memory flat in the count.

`--jobs 1,2` also runs `ingest_articles(..., jobs=N)` end to end (model loads included, in
whichever processes extract) for each N, the values taking turns, each run in a fresh process:
medians of articles/s and the ratio to the first N (issue 13: -j 2 ≥ 1.6× -j 1 on two cores).
The write stage is measured apart (extraction done beforehand, not timed): quads in the store
per second of `put_article` calls, as before issue 13 (every article rewrites the merged
entities graph's quads) and now (quads already written are skipped), the two taking turns in
fresh stores, and Oxigraph's bulk loader on the same quads.

    python bench/ingest.py [--articles 1000] [--repeat 3] [--seed 0] [--profile out.prof]
                           [--jobs 1,2] [--parts checkpoints,jobs,write]
    python bench/ingest.py --inference   # with and without the inference graphs, side by side
    python bench/ingest.py --merging --articles 10000 --parts write   # merged events: the write stage
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_RATE = 25.0
TARGET_SPEEDUP = 1.6   # -j 2 over -j 1 on two cores (issue 13)
TARGET_DASK = 0.85     # a Dask LocalCluster of N workers within 15 % of -j N (issue 13)


def checkpoints(n: int) -> list[int]:
    """Where memory is read: a quarter, half and all of the articles."""
    return sorted({max(1, n // 4), max(1, n // 2), n})


def peak_rss_mib() -> float:
    """Peak resident set size of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mib() -> float:
    """Resident set size now, from /proc (falls back to the peak elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return peak_rss_mib()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def dir_size_mib(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _prepare(n: int, seed: int) -> list:
    from bench.generate import generate_articles
    from defgraph.extract import gazetteer

    from defgraph.extract.grammar import parser

    articles = generate_articles(n, seed)
    gazetteer()  # loaded once per process; not part of the per-article cost
    parser()     # likewise the dependency parser (its load time is reported by the stage run)
    return articles


def run_timed(n: int, seed: int, entail: bool = True, merge: bool = True) -> dict:
    """One repetition: ingest in chunks; time, triples and memory at each checkpoint (without
    the inference graphs when not `entail`, without merged events when not `merge`)."""
    from defgraph.ingest import ingest_articles
    from defgraph.store import OxigraphStore

    articles = _prepare(n, seed)
    rss_before = current_rss_mib()
    points, done, elapsed, triples = [], 0, 0.0, 0
    cpu_start = time.process_time()
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        store = OxigraphStore(Path(tmp) / "store", merge_events=merge)
        for stop in checkpoints(n):
            t0 = time.perf_counter()
            summary = ingest_articles(articles[done:stop], store, entail=entail)
            elapsed += time.perf_counter() - t0
            triples += summary.triples
            done = stop
            points.append({"articles": stop, "seconds": elapsed, "triples": triples, "cpu_seconds": time.process_time() - cpu_start,
                           "peak_rss_mib": peak_rss_mib(), "rss_mib": current_rss_mib()})
        quads = store.count()
        store.close()
        disk = dir_size_mib(Path(tmp) / "store")
    return {"points": points, "rss_before_mib": rss_before, "quads": quads, "disk_mib": disk}


def run_tracemalloc(n: int, seed: int) -> dict:
    """Python heap (current and peak, via tracemalloc) at each checkpoint; not timed."""
    import tracemalloc

    from defgraph.ingest import ingest_articles
    from defgraph.store import OxigraphStore

    articles = _prepare(n, seed)
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    points, done = [], 0
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        for stop in checkpoints(n):
            tracemalloc.reset_peak()
            ingest_articles(articles[done:stop], store)
            done = stop
            cur, peak = tracemalloc.get_traced_memory()
            points.append({"articles": stop, "heap_mib": (cur - base) / 2**20,
                           "heap_peak_mib": (peak - base) / 2**20})
        store.close()
    tracemalloc.stop()
    return {"points": points}


def run_stages(n: int, seed: int, profile: str | None = None) -> dict:
    """The same work as `ingest_article`, with each stage timed on its own."""
    from defgraph.extract import extract
    from defgraph.ingest import ensure_ontology
    from defgraph.mapping import article_iri, to_rdf
    from defgraph.namespaces import Minter
    from defgraph.store import OxigraphStore, dataset_nquads

    from defgraph.extract import grammar

    t_load = time.perf_counter()
    grammar.parser()
    load = time.perf_counter() - t_load
    articles = _prepare(n, seed)
    totals = {"extract": 0.0, "to_rdf": 0.0, "put_article": 0.0, "parse": 0.0, "parsed_sentences": 0,
              "parser_load": load}
    plain_doc = grammar.Grammar.doc

    def timed_doc(self, sent):  # the parse's share of extraction: the first parse of each sentence
        fresh = (sent.start, sent.end) not in self._docs
        t = time.perf_counter()
        doc = plain_doc(self, sent)
        if fresh:
            totals["parse"] += time.perf_counter() - t
            totals["parsed_sentences"] += 1
        return doc

    grammar.Grammar.doc = timed_doc
    profiler = None
    if profile:
        import cProfile

        profiler = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        hierarchy = ensure_ontology(store)
        minter = Minter(store.base_iri)
        merged: set = set()
        profiler.enable() if profiler else None
        for a in articles:
            t0 = time.perf_counter()
            facts = extract(a)
            t1 = time.perf_counter()
            ds = to_rdf(facts, minter)
            t2 = time.perf_counter()
            store.put_article(str(article_iri(a.id, minter)), dataset_nquads(ds), hierarchy, merged)
            t3 = time.perf_counter()
            totals["extract"] += t1 - t0
            totals["to_rdf"] += t2 - t1
            totals["put_article"] += t3 - t2
        profiler.disable() if profiler else None
        store.close()
    if profiler:
        profiler.dump_stats(profile)
    return {"stages": totals}


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its ended children (the workers, once shut down)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_jobs(n: int, seed: int, jobs: str) -> dict:
    """One end-to-end ingest with `jobs` extraction processes (model loads included); `daskN`:
    on a Dask LocalCluster of N worker processes of one thread, its start-up included."""
    from bench.generate import generate_articles
    from defgraph.ingest import ingest_articles
    from defgraph.store import OxigraphStore

    articles = generate_articles(n, seed)
    cpu0 = _cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        store = OxigraphStore(Path(tmp) / "store")
        if jobs.startswith("dask"):
            from distributed import LocalCluster

            from defgraph.cluster import connect

            t0 = time.perf_counter()
            with LocalCluster(n_workers=int(jobs[4:]), threads_per_worker=1, processes=True,
                              host="127.0.0.1", dashboard_address=None) as local:
                cluster = connect(local.scheduler_address)
                started = time.perf_counter() - t0
                summary = ingest_articles(articles, store, cluster=cluster)
                cluster.close()
            seconds = summary.seconds + started
        else:
            summary = ingest_articles(articles, store, jobs=int(jobs))
            seconds = summary.seconds
        cpu = _cpu_seconds() - cpu0
        quads = store.count()
        store.close()
    assert summary.articles == n and not summary.skipped, summary.skipped[:3]
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"jobs": jobs, "seconds": seconds, "cpu_seconds": cpu, "articles": summary.articles,
            "quads": quads,
            "peak_rss_mib": peak_rss_mib(), "worker_peak_rss_mib": children}


def run_write(n: int, seed: int, jobs: int, repeat: int) -> dict:
    """The write stage alone: the same extracted articles put into fresh stores, before/after; bulk load."""
    import pyoxigraph as ox

    from bench.generate import generate_articles
    from defgraph.ingest import ensure_ontology, extract_all
    from defgraph.store import OxigraphStore

    extracted = list(extract_all(generate_articles(n, seed), "http://127.0.0.1:8080/", jobs=jobs))
    offered = sum(e.nquads.count(b"\n") for e in extracted)
    runs: dict[str, list[float]] = {"before": [], "after": []}
    quads = 0
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        for rep in range(repeat):
            for how in runs:
                store = OxigraphStore(Path(tmp) / f"{how}{rep}")
                hierarchy = ensure_ontology(store)
                merged = set() if how == "after" else None
                t0 = time.perf_counter()
                for e in extracted:
                    store.put_article(e.graph, e.nquads, hierarchy, merged)
                store.flush()
                runs[how].append(time.perf_counter() - t0)
                quads = store.count()
                dump = store.dump("nquads") if rep == 0 and how == "after" else None
                store.close()
                if dump is not None:
                    bulk = ox.Store(str(Path(tmp) / "bulk"))
                    t0 = time.perf_counter()
                    bulk.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
                    bulk.flush()
                    bulk_seconds = time.perf_counter() - t0
                    del bulk
    return {"articles": n, "quads": quads, "offered": offered, "seconds": runs,
            "bulk_seconds": bulk_seconds}


def run_merge_write(n: int, seed: int, jobs: int) -> dict:
    """The write stage with and without merged events, taking turns over the same extracted
    articles (extracted beforehand in `jobs` processes, not timed): seconds per tenth of the
    articles, to show whether merging grows with the store."""
    from bench.generate import iter_articles
    from defgraph.ingest import IngestSummary, ensure_ontology, extract_all, write_extracted
    from defgraph.namespaces import DEFAULT_BASE_IRI
    from defgraph.store import OxigraphStore

    extracted = list(extract_all(iter_articles(n, seed), DEFAULT_BASE_IRI, jobs=jobs))
    tenths = [max(1, n * k // 10) for k in range(1, 11)]
    out: dict = {"articles": n, "tenths": tenths, "plain": [], "merge": []}
    with tempfile.TemporaryDirectory(prefix="defgraph-bench-") as tmp:
        stores = {name: OxigraphStore(Path(tmp) / name, merge_events=name == "merge") for name in ("plain", "merge")}
        state = {name: (ensure_ontology(store), IngestSummary(), set()) for name, store in stores.items()}
        done = 0
        for stop in tenths:   # each tenth into one store, then the other: CPU seconds of this process
            for name, store in stores.items():
                hierarchy, summary, merged = state[name]
                t0 = time.process_time()
                for result in extracted[done:stop]:
                    write_extracted(result, store, summary, hierarchy, merged)
                out[name].append(time.process_time() - t0)
            done = stop
        out["deals"] = len(stores["merge"].select("SELECT ?d WHERE { ?d a dg:Deal }"))
        out["merged_events"] = len(stores["merge"].select("SELECT ?d WHERE { ?d dg:reportCount ?n }"))
        for store in stores.values():
            store.close()
    return out


def report_merge_write(w: dict) -> str:
    """Milliseconds per article written, by tenth of the store, with and without merging."""
    n, tenths = w["articles"], w["tenths"]
    sizes = [b - a for a, b in zip([0] + tenths, tenths)]
    lines = [f"merging cost in the write stage: {n} articles extracted beforehand, written with and without "
             f"merged events ({w['deals']} deals, {w['merged_events']} merged events in all)",
             "  (CPU time of the writing process, the two stores taking turns tenth by tenth)",
             "  tenth   ms/article plain   ms/article merging   merging adds ms/article"]
    for i, size in enumerate(sizes):
        plain, merge = 1000 * w["plain"][i] / size, 1000 * w["merge"][i] / size
        lines.append(f"  {i + 1:>5}   {plain:16.2f}   {merge:18.2f}   {merge - plain:+10.2f}")
    total_plain, total_merge = sum(w["plain"]), sum(w["merge"])
    lines.append(f"  all     {1000 * total_plain / n:16.2f}   {1000 * total_merge / n:18.2f}   "
                 f"{1000 * (total_merge - total_plain) / n:+10.2f}")
    return "\n".join(lines)


def merging_report(on: list[dict], off: list[dict], n: int) -> str:
    """End-to-end ingest rate with and without merged events, taking turns."""
    med = statistics.median
    lines = [f"merging cost end to end: {n} generated articles, {len(on)} runs each, with and without taking "
             "turns (medians; fresh process each, one core)"]
    for i, point in enumerate(on[0]["points"]):
        k = point["articles"]
        rate = [med(k / r["points"][i]["seconds"] for r in runs) for runs in (on, off)]
        lines.append(f"  first {k:>6} articles: with {rate[0]:6.1f} articles/s   without {rate[1]:6.1f}   "
                     f"ratio {rate[0] / rate[1]:.3f}")
    for i, point in enumerate(on[0]["points"]):
        k = point["articles"]
        cpu = [med(k / r["points"][i]["cpu_seconds"] for r in runs) for runs in (on, off)]
        lines.append(f"  first {k:>6} articles per CPU second of the process: with {cpu[0]:6.1f}   without "
                     f"{cpu[1]:6.1f}   ratio {cpu[0] / cpu[1]:.3f}")
    last = [med(r["points"][-1]["articles"] / r["points"][-1]["seconds"] for r in runs) for runs in (on, off)]
    lines.append(f"  target ≥ {TARGET_RATE:.0f} articles/s with merging: {'met' if last[0] >= TARGET_RATE else 'NOT met'}"
                 f" (load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())})")
    return "\n".join(lines)


def _child(mode: str, n: int, seed: int, profile: str | None, *extra: str) -> dict:
    """Run one measurement in a fresh Python process and read back its JSON."""
    cmd = [sys.executable, __file__, "--worker", mode, "--articles", str(n), "--seed", str(seed), *extra]
    if profile:
        cmd += ["--profile", profile]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(reps: list[dict], heap: dict, stages: dict, n: int) -> str:
    med = statistics.median
    lines = [f"ingest benchmark: {n} generated articles, {len(reps)} repetitions (fresh process each), "
             "on-disk OxigraphStore, one core"]
    rates = [r["points"][-1]["articles"] / r["points"][-1]["seconds"] for r in reps]
    trates = [r["points"][-1]["triples"] / r["points"][-1]["seconds"] for r in reps]
    lines.append(f"  articles/s  median {med(rates):7.1f}   (runs: {', '.join(f'{x:.1f}' for x in rates)})"
                 f"   target ≥ {TARGET_RATE:.0f}: {'met' if med(rates) >= TARGET_RATE else 'NOT met'}")
    lines.append(f"  triples/s   median {med(trates):7.0f}   ({reps[0]['points'][-1]['triples']} triples written, "
                 f"{reps[0]['quads']} quads in store, {reps[0]['disk_mib']:.1f} MiB on disk)")
    lines.append(f"  RSS before ingest (articles generated, gazetteer loaded): "
                 f"median {med(r['rss_before_mib'] for r in reps):.0f} MiB")
    lines.append("  checkpoint   s (median)   peak RSS MiB   RSS now MiB   Python heap MiB (tracemalloc: now / peak)")
    for i, point in enumerate(reps[0]["points"]):
        k = point["articles"]
        secs = med(r["points"][i]["seconds"] for r in reps)
        peak = med(r["points"][i]["peak_rss_mib"] for r in reps)
        now = med(r["points"][i]["rss_mib"] for r in reps)
        h = heap["points"][i]
        lines.append(f"  {k:>10}   {secs:10.2f}   {peak:12.0f}   {now:11.0f}   "
                     f"{h['heap_mib']:7.1f} / {h['heap_peak_mib']:.1f}")
    first, last = reps[0]["points"][0], reps[0]["points"][-1]
    growth = med(r["points"][-1]["peak_rss_mib"] - r["points"][0]["peak_rss_mib"] for r in reps)
    lines.append(f"  peak RSS growth from {first['articles']} to {last['articles']} articles: "
                 f"median {growth:+.0f} MiB")
    st = dict(stages["stages"])
    parse, parsed, load = st.pop("parse"), st.pop("parsed_sentences"), st.pop("parser_load")
    total = sum(st.values())
    lines.append(f"  stages (one run, {n} articles, {total:.2f} s): " + ", ".join(
        f"{k} {v:.2f} s ({100 * v / total:.0f}%)" for k, v in st.items()))
    lines.append(f"  dependency parse (part of extract): {parse:.2f} s, {1000 * parse / n:.1f} ms per article, "
                 f"{parsed / n:.1f} sentences parsed per article, {1000 * parse / max(parsed, 1):.1f} ms per "
                 f"sentence; parser loaded once in {load:.2f} s")
    return "\n".join(lines)


def inference_report(on: list[dict], off: list[dict], n: int) -> str:
    """Ingest time and store size with and without the inference graphs, taking turns."""
    med = statistics.median
    secs = [med(r["points"][-1]["seconds"] for r in runs) for runs in (on, off)]
    quads = [med(r["quads"] for r in runs) for runs in (on, off)]
    disk = [med(r["disk_mib"] for r in runs) for runs in (on, off)]
    return "\n".join([
        f"inference cost: {n} generated articles, {len(on)} runs each, with and without taking turns (medians)",
        f"  ingest s      with {secs[0]:8.2f}   without {secs[1]:8.2f}   ratio {secs[0] / secs[1]:.3f}",
        f"  quads         with {quads[0]:8.0f}   without {quads[1]:8.0f}   ratio {quads[0] / quads[1]:.3f}",
        f"  MiB on disk   with {disk[0]:8.2f}   without {disk[1]:8.2f}   ratio {disk[0] / disk[1]:.3f}",
        "  target: each ratio ≤ 1.20"])


def report_jobs(runs: list[dict], n: int) -> str:
    med = statistics.median
    values = list(dict.fromkeys(r["jobs"] for r in runs))
    rates = {j: [r["articles"] / r["seconds"] for r in runs if r["jobs"] == j] for j in values}
    base = med(rates[values[0]])
    pairs = [runs[i + k]["articles"] / runs[i + k]["seconds"] / (runs[i]["articles"] / runs[i]["seconds"])
             for i in range(0, len(runs), len(values)) for k in range(1, len(values))]
    lines = [f"parallel ingest: {n} generated articles end to end (model loads included), "
             f"{len(rates[values[0]])} runs per -j taking turns, fresh process each; {os.cpu_count()} cores, "
             f"load average before: {runs[0]['load']}"]
    for j in values:
        rs = [r for r in runs if r["jobs"] == j]
        ratio = med(rates[j]) / base
        target = (f"   target ≥ {TARGET_SPEEDUP}: {'met' if ratio >= TARGET_SPEEDUP else 'NOT met'}"
                  if j == "2" and values[0] == "1" else "")
        if j.startswith("dask") and j[4:] in rates:   # the cluster against as many local processes
            vs = med(rates[j]) / med(rates[j[4:]])
            target = (f"   ×{vs:.2f} of -j {j[4:]} (turns: {', '.join(f'{x:.2f}' for x in _turns(runs, j[4:], j))})"
                      f", target ≥ {TARGET_DASK}: {'met' if vs >= TARGET_DASK else 'NOT met'}")
        lines.append(f"  {label(j)}: articles/s median {med(rates[j]):6.1f}   (runs: "
                     f"{', '.join(f'{x:.1f}' for x in rates[j])})   ×{ratio:.2f} of {label(values[0])}{target}"
                     f"   CPU s per article {med(r['cpu_seconds'] / r['articles'] for r in rs) * 1000:.0f} ms, "
                     f"cores used {med(r['cpu_seconds'] / r['seconds'] for r in rs):.2f}"
                     f"   writer peak RSS {med(r['peak_rss_mib'] for r in rs):.0f} MiB, worker "
                     f"{med(r['worker_peak_rss_mib'] for r in rs):.0f} MiB")
    if len(values) >= 2:
        lines.append(f"  ratio to {label(values[0])} within each turn: {', '.join(f'{x:.2f}' for x in pairs)}; "
                     "cores used = CPU seconds / wall seconds: what the machine gave (other work shares it)")
    return "\n".join(lines)


def label(jobs: str) -> str:
    """How a --jobs value is printed: `-j 2`, or `Dask LocalCluster(2)`."""
    return f"Dask LocalCluster({jobs[4:]})" if jobs.startswith("dask") else f"-j {jobs}"


def _turns(runs: list[dict], base: str, other: str) -> list[float]:
    """Rate of `other` over rate of `base` within each turn of the runs."""
    rate = {}
    for i, r in enumerate(runs):
        rate[(r["turn"], r["jobs"])] = r["articles"] / r["seconds"]
    return [rate[(t, other)] / rate[(t, base)] for t in sorted({r["turn"] for r in runs})]


def report_write(w: dict) -> str:
    med = statistics.median
    before, after = med(w["seconds"]["before"]), med(w["seconds"]["after"])
    q = w["quads"]
    return "\n".join([
        f"write stage alone: {w['articles']} extracted articles ({w['offered']} quads offered, {q} in the "
        f"store), {len(w['seconds']['after'])} runs each taking turns, fresh store each",
        f"  before (merged quads rewritten): median {before:6.2f} s  {q / before:8.0f} quads/s   "
        f"(runs: {', '.join(f'{x:.2f}' for x in w['seconds']['before'])})",
        f"  now (written ones skipped):      median {after:6.2f} s  {q / after:8.0f} quads/s   "
        f"(runs: {', '.join(f'{x:.2f}' for x in w['seconds']['after'])})   ×{before / after:.2f}",
        f"  Oxigraph bulk_load, same quads:         {w['bulk_seconds']:6.2f} s  "
        f"{q / w['bulk_seconds']:8.0f} quads/s   (now is {w['bulk_seconds'] / after:.2f}× its rate)"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--profile", help="write a cProfile of the stage run to this file")
    parser.add_argument("--json", help="also write the raw measurements to this file")
    parser.add_argument("--inference", action="store_true",
                        help="only compare ingest with and without the inference graphs (time, quads, disk)")
    parser.add_argument("--no-inference", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--merging", action="store_true",
                        help="only compare ingest with and without merged events (end to end, taking turns; "
                             "then the write stage alone, by tenth of the store)")
    parser.add_argument("--no-merging", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", default="1,2",
                        help="extraction processes to compare, comma-separated (the first is the base); "
                             "daskN: a Dask LocalCluster of N worker processes (e.g. 1,2,dask2)")
    parser.add_argument("--parts", default="checkpoints,jobs,write",
                        help="what to run, comma-separated: checkpoints (one core: time, memory, stages), "
                             "jobs (end to end per --jobs), write (the write stage alone)")
    parser.add_argument("--worker", choices=["timed", "tracemalloc", "stages", "jobs", "write", "merge-write"],
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    jobs = args.jobs.split(",")
    most = max(int(j.removeprefix("dask")) for j in jobs)
    if args.worker:
        run = {"timed": lambda: run_timed(args.articles, args.seed, entail=not args.no_inference,
                                          merge=not args.no_merging),
               "merge-write": lambda: run_merge_write(args.articles, args.seed, max(jobs)),
               "tracemalloc": lambda: run_tracemalloc(args.articles, args.seed),
               "stages": lambda: run_stages(args.articles, args.seed, args.profile),
               "jobs": lambda: run_jobs(args.articles, args.seed, jobs[0]),
               "write": lambda: run_write(args.articles, args.seed, most, args.repeat)}[args.worker]
        print(json.dumps(run()))
        return 0
    if args.inference:
        on, off = [], []
        for _ in range(args.repeat):
            off.append(_child("timed", args.articles, args.seed, None, "--no-inference"))
            on.append(_child("timed", args.articles, args.seed, None))
        print(inference_report(on, off, args.articles))
        return 0
    if args.merging:
        if "checkpoints" in args.parts.split(","):
            on, off = [], []
            for _ in range(args.repeat):
                off.append(_child("timed", args.articles, args.seed, None, "--no-merging"))
                on.append(_child("timed", args.articles, args.seed, None))
            print(merging_report(on, off, args.articles), flush=True)
        if "write" in args.parts.split(","):
            print(report_merge_write(_child("merge-write", args.articles, args.seed, None, "--jobs",
                                            str(max(jobs)))), flush=True)
        return 0
    parts = set(args.parts.split(","))
    raw: dict = {}
    if "checkpoints" in parts:
        reps = [_child("timed", args.articles, args.seed, None) for _ in range(args.repeat)]
        heap = _child("tracemalloc", args.articles, args.seed, None)
        stages = _child("stages", args.articles, args.seed, None)
        if args.profile:  # profiled separately: cProfile slows the stages unevenly
            _child("stages", args.articles, args.seed, args.profile)
        print(report(reps, heap, stages, args.articles), flush=True)
        raw.update({"timed": reps, "tracemalloc": heap, "stages": stages})
    if "jobs" in parts:
        runs = []
        for turn in range(args.repeat):
            for j in jobs:  # taking turns, so that a change in the machine's load hits every -j alike
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                runs.append({**_child("jobs", args.articles, args.seed, None, "--jobs", j), "load": load,
                             "turn": turn})
        print(report_jobs(runs, args.articles), flush=True)
        raw["jobs"] = runs
    if "write" in parts:
        w = _child("write", args.articles, args.seed, None, "--jobs", str(most),
                   "--repeat", str(args.repeat))
        print(report_write(w), flush=True)
        raw["write"] = w
    if args.json:
        Path(args.json).write_text(json.dumps(raw, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
