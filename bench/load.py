"""Fairness under load: 32 clients of mixed competency queries, 4 clients of pathological queries,
120 slow half-open connections, and a probe sending `ASK {}` and fetching /ontology.

Starts `defgraph serve` (the real command) over a store of generated articles, runs the load
for `--duration` seconds and reports, per kind of client, the answers by status and the
latency p50 / p99 / max, and whether any request waited longer than the server's timeout.
Every client has a loopback address of its own (127.0.N.M), as distinct clients would.
With `--baseline DIR` the same load runs first against the defgraph in DIR (another
checkout, e.g. main), then against this one, and both are reported side by side.

    python -m bench.load                                   # 1,000 articles, 60 s
    python -m bench.load --duration 120 --baseline /tmp/defgraph-main
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from defgraph.resources import competency_queries  # noqa: E402

PATHOLOGICAL = {
    "cartesian": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
    "sorted-product": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i",
    "regex-product": 'SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f FILTER(REGEX(STR(?c), STR(?f))) }',
    "nested": "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
}


@dataclass
class Tally:
    """What one kind of client got: latencies (seconds) and statuses."""

    latencies: list[float] = field(default_factory=list)
    sent: list[float] = field(default_factory=list)       # when each was sent, from the start
    statuses: Counter = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)
    start: float = field(default_factory=time.monotonic)

    def add(self, seconds: float, status: int) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.sent.append(time.monotonic() - seconds - self.start)
            self.statuses[status] += 1

    def summary(self, after: float = 0.0) -> dict:
        """Counts and latency percentiles of the requests sent `after` seconds into the run or later."""
        lat = sorted(x for x, t in zip(self.latencies, self.sent) if t >= after)
        pct = (lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1)) if lat else (lambda p: None)
        return {"requests": len(lat), "statuses": dict(sorted(self.statuses.items())) if not after else None,
                "p50_ms": pct(0.50), "p99_ms": pct(0.99), "max_ms": round(lat[-1] * 1000, 1) if lat else None}


def request(url: str, path: str, params: dict | None, source: str, timeout: float) -> tuple[float, int]:
    """One GET from a loopback source address; (seconds, status), status 0 when it failed."""
    parts = urlsplit(url)
    started = time.perf_counter()
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source, 0))
    try:
        conn.request("GET", path + ("?" + urlencode(params) if params else ""),
                     headers={"Accept": "application/sparql-results+json"})
        resp = conn.getresponse()
        resp.read()
        return time.perf_counter() - started, resp.status
    except OSError:
        return time.perf_counter() - started, 0
    finally:
        conn.close()


def build_store(workdir: Path, articles: int) -> Path:
    """A store of generated articles in `workdir` (built once, then reused)."""
    from bench.endpoint import build_store as fill

    path = workdir / f"store-{articles}"
    if not (path / "bench.json").exists():
        workdir.mkdir(parents=True, exist_ok=True)
        print(f"building a store of {articles} generated articles in {path} ...", flush=True)
        fill(path, articles, 1)
    return path


def start_server(code: Path, store: Path, extra: list[str]) -> tuple[subprocess.Popen, str]:
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store), "--port", "0",
                             *extra], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
                            cwd=str(code), start_new_session=True)
    line = proc.stdout.readline()
    match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"the server did not start: {line!r}")
    return proc, match.group(1)


def stop_server(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def run_load(url: str, args: argparse.Namespace) -> dict:
    queries = competency_queries()
    tallies = {k: Tally() for k in ("competency", "pathological", "probe ASK {}", "probe /ontology")}
    stop = threading.Event()
    timeout = args.timeout + 60          # the client's own patience, far past the server's limit

    def competency(i: int) -> None:
        rng = random.Random(i)
        source = f"127.0.1.{i + 1}"
        while not stop.is_set():
            q = queries[rng.choice(sorted(queries))]
            tallies["competency"].add(*request(url, "sparql", {"query": q}, source, timeout))

    def pathological(i: int) -> None:
        names = sorted(PATHOLOGICAL)
        source = f"127.0.2.{i + 1}"
        n = i
        while not stop.is_set():
            tallies["pathological"].add(*request(url, "sparql", {"query": PATHOLOGICAL[names[n % len(names)]]},
                                                 source, timeout))
            n += 1

    def probe() -> None:
        while not stop.is_set():
            tallies["probe ASK {}"].add(*request(url, "sparql", {"query": "ASK {}"}, "127.0.3.1", timeout))
            tallies["probe /ontology"].add(*request(url, "ontology", None, "127.0.3.2", timeout))
            stop.wait(0.25)

    parts = urlsplit(url)
    half_open = []
    for n in range(args.slow_connections):
        s = socket.create_connection((parts.hostname, parts.port), timeout=5, source_address=(f"127.0.4.{n % 250 + 1}", 0))
        s.sendall(b"GET /ontology HTTP/1.1\r\nHost: x\r\n")      # half a request head, then silence
        half_open.append(s)
    threads = [threading.Thread(target=competency, args=(i,)) for i in range(args.clients)]
    threads += [threading.Thread(target=pathological, args=(i,)) for i in range(args.pathological)]
    threads.append(threading.Thread(target=probe))
    started = time.monotonic()
    for tally in tallies.values():
        tally.start = started
    for t in threads:
        t.start()
    time.sleep(args.duration)
    stop.set()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    for s in half_open:
        s.close()
    every = [x for t in tallies.values() for x in t.latencies]
    probe = tallies["probe ASK {}"]
    return {"seconds": round(elapsed, 1), **{k: t.summary() for k, t in tallies.items()},
            f"probe ASK {{}} after the first {args.warmup:g} s": probe.summary(args.warmup),
            "probe ASK {} slowest (sent at s, took s)": sorted(
                ((round(t, 1), round(x, 2)) for x, t in zip(probe.latencies, probe.sent)), key=lambda p: -p[1])[:5],
            "longest_request_s": round(max(every), 2) if every else None,
            "requests_longer_than_timeout": sum(1 for x in every if x > args.timeout)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/defgraph-load"))
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--pathological", type=int, default=4)
    ap.add_argument("--slow-connections", type=int, default=120)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--warmup", type=float, default=5.0,
                    help="the probe is also reported without the requests sent in these first seconds")
    ap.add_argument("--baseline", type=Path, default=None, help="another defgraph checkout to run first")
    ap.add_argument("--out", type=Path, default=None, help="also write the report here (JSON)")
    args = ap.parse_args()
    store = build_store(args.workdir, args.articles)
    common = ["--workers", str(args.workers), "--timeout", str(args.timeout)]
    runs = ([("baseline", args.baseline)] if args.baseline else []) + [("this", ROOT)]
    report = {"store": json.loads((store / "bench.json").read_text()), "clients": args.clients,
              "pathological": args.pathological, "slow_connections": args.slow_connections,
              "workers": args.workers, "timeout_s": args.timeout}
    for name, code in runs:
        proc, url = start_server(code, store, common)
        try:
            print(f"{name}: {args.duration:g} s of load on {url} ...", flush=True)
            report[name] = run_load(url, args)
        finally:
            stop_server(proc)
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))
    if args.baseline:
        probe = [report[n]["probe ASK {}"]["p99_ms"] for n in ("baseline", "this")]
        if all(probe):
            print(f"ASK {{}} probe p99: {probe[1]} ms against {probe[0]} ms ({probe[1] / probe[0]:.3f}x)")
    this = report["this"]
    print(f"ASK {{}} probe p99 {this['probe ASK {}']['p99_ms']} ms (target < 1000); longest request "
          f"{this['longest_request_s']} s, {this['requests_longer_than_timeout']} longer than the "
          f"{args.timeout:g} s timeout")


if __name__ == "__main__":
    main()
