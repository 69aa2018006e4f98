"""Endpoint benchmark: defgraph's /sparql against Oxigraph's own HTTP server over the same data.

Builds a store from N generated articles (the lead's `bench.generate.generate_articles` run
through the real extractor when it exists, else `synthetic_facts` below mapped with
`to_rdf`), exports it as N-Quads into an Oxigraph server (`oxigraph serve-read-only
--union-default-graph`, so both see the same default graph), starts `defgraph serve`, then

1. latency: each competency query sent alternately to both servers; medians and their ratio;
2. load: C concurrent clients for D seconds of mixed competency queries against defgraph
   (and the same against Oxigraph for comparison): errors, throughput, p50/p99.

    pip install -e '.[bench]'
    python -m bench.endpoint --articles 20000 --workdir /tmp/defgraph-bench
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from defgraph.articles import Article  # noqa: E402
from defgraph.extract.model import Entity, Event, Evidence, Facts  # noqa: E402
from defgraph.resources import competency_queries  # noqa: E402

# --- synthetic articles with their facts -----------------------------------------------------

COUNTRIES = [("France", "FR"), ("Ukraine", "UA"), ("Germany", "DE"), ("Poland", "PL"), ("United States", "US"),
             ("United Kingdom", "GB"), ("Italy", "IT"), ("Spain", "ES"), ("Sweden", "SE"), ("Norway", "NO"),
             ("Finland", "FI"), ("Denmark", "DK"), ("Netherlands", "NL"), ("Belgium", "BE"), ("Czechia", "CZ"),
             ("Slovakia", "SK"), ("Romania", "RO"), ("Bulgaria", "BG"), ("Greece", "GR"), ("Turkey", "TR"),
             ("Japan", "JP"), ("South Korea", "KR"), ("Australia", "AU"), ("Canada", "CA"), ("Lithuania", "LT"),
             ("Latvia", "LV"), ("Estonia", "EE"), ("Portugal", "PT"), ("Austria", "AT"), ("Hungary", "HU"),
             ("Croatia", "HR"), ("Slovenia", "SI"), ("India", "IN"), ("Brazil", "BR"), ("Israel", "IL"),
             ("Egypt", "EG"), ("Morocco", "MA"), ("Chile", "CL"), ("Mexico", "MX"), ("Indonesia", "ID")]
EQUIPMENT_CLASSES = ["Artillery", "Tank", "ArmoredVehicle", "AirDefenseSystem", "AntiTankWeapon", "Aircraft",
                     "Helicopter", "Drone", "Missile", "Ship"]
FIRST = ["Anna", "Boris", "Claire", "Dmytro", "Elena", "Frank", "Greta", "Hugo", "Irina", "Jan", "Karl", "Lena",
         "Marek", "Nina", "Olaf", "Petra", "Quentin", "Rita", "Stefan", "Tanja", "Ulrich", "Vera", "Wim", "Xenia",
         "Yuri", "Zofia", "Pierre", "Oksana", "Lars", "Ines"]
LAST = ["Adams", "Berg", "Costa", "Dahl", "Erikson", "Fischer", "Garcia", "Horvat", "Ivanova", "Jensen", "Kowalski",
        "Lindqvist", "Moreau", "Novak", "Olsen", "Petrov", "Quist", "Rossi", "Schmidt", "Tanaka", "Urban", "Varga",
        "Weber", "Young", "Zima", "Lefebvre", "Bondar", "Nilsen", "Silva", "Kaya"]
ROLES = ["defence minister", "chief of staff", "deputy defence minister", "ambassador", "procurement director"]
STATUSES = ["delivered", "pledged", "ordered", "discussed"]
KINDS = ["memorandum of understanding", "framework agreement", "security agreement", "procurement contract"]


def slug(text: str) -> str:
    from defgraph.namespaces import slugify

    return slugify(text)


def synthetic_facts(n: int, seed: int = 1) -> list[Facts]:
    """n generated articles with the facts an extractor would find in them (defgraph's data shape)."""
    rng = random.Random(seed)
    countries = {f"Country:{slug(c)}": Entity(f"Country:{slug(c)}", "Country", "Country", c, attrs={"iso2": iso})
                 for c, iso in COUNTRIES}
    ckeys = list(countries)
    agencies = {}
    for key, c in countries.items():
        name = f"Ministry of Defence of {c.name}"
        agencies[f"Agency:{slug(name)}"] = Entity(f"Agency:{slug(name)}", "Agency", "GovernmentAgency", name,
                                                  country=key)
    equipment = {}
    for i in range(400):
        name = f"{rng.choice(['Falcon', 'Viper', 'Orion', 'Titan', 'Lynx', 'Boxer', 'Aegis', 'Storm'])}-{i}"
        key = f"Equipment:{slug(name)}"
        equipment[key] = Entity(key, "Equipment", rng.choice(EQUIPMENT_CLASSES), name, aliases={name.upper()},
                                attrs={"origin": rng.choice(ckeys)})
    ekeys = list(equipment)
    persons = {}
    # ~9,000 people, each in a handful of articles: a person's role, nationality and
    # membership are repeated in every article graph that mentions them, and the union
    # default graph multiplies those repeats in the persons query (n mentions: n^3 rows)
    for first, initial, last in itertools.product(FIRST, "ABCDEFGHKM", LAST):
        name = f"{first} {initial}. {last}"
        key = f"Person:{slug(name)}"
        c = rng.choice(ckeys)
        persons[key] = Entity(key, "Person", "Person", name, role=rng.choice(ROLES), country=c,
                              organization=f"Agency:{slug('Ministry of Defence of ' + countries[c].name)}")
    pkeys = list(persons)
    start = datetime(2022, 1, 1)
    out = []
    for i in range(n):
        supplier, recipient = rng.sample(ckeys, 2)
        p1, p2 = rng.sample(pkeys, 2)
        eqs = rng.sample(ekeys, rng.randint(1, 3))
        status = rng.choice(STATUSES)
        s, r = countries[supplier].name, countries[recipient].name
        eq_names = ", ".join(equipment[e].name for e in eqs)
        sentences = [
            f"{s} has {status} {eq_names} to {r}.",
            f"{persons[p1].name} met {persons[p2].name} to discuss defence cooperation.",
            f"{s} and {r} signed a {rng.choice(KINDS)}.",
            f"{s} will train {rng.randint(50, 2000)} soldiers of {r}.",
        ]
        title = f"{s} and {r}: {eq_names} ({i})"
        body = " ".join(sentences)
        text = f"{title}\n\n{body}"
        article = Article(title=title, body=body, published=start + timedelta(hours=i),
                          source_file=f"synthetic/{i:06d}.txt", id=f"syn{i:06d}")

        def ev(k):
            at = text.index(sentences[k])
            return Evidence(sentences[k], at, at + len(sentences[k]))

        events = [Event("Transfer", ev(0), 0.8, supplier=supplier, recipient=recipient, equipment=eqs, status=status),
                  Event("Meeting", ev(1), 0.7, participants=[p1, p2])]
        if rng.random() < 0.5:
            events.append(Event("Agreement", ev(2), 0.6, parties=[supplier, recipient], kind=rng.choice(KINDS)))
        if rng.random() < 0.5:
            events.append(Event("Training", ev(3), 0.6, provider=supplier, trainee=recipient,
                                count=rng.randint(50, 2000)))
        ents = {k: v for k, v in [(supplier, countries[supplier]), (recipient, countries[recipient]),
                                  (p1, persons[p1]), (p2, persons[p2])]}
        for key in (persons[p1].organization, persons[p2].organization):
            ents[key] = agencies[key]
        for e in eqs:
            ents[e] = equipment[e]
        out.append(Facts(article, ents, events))
    return out


def build_store(path: Path, n: int, seed: int) -> str:
    """Fill the store at `path` with n generated articles; how they were made."""
    from defgraph.ingest import ensure_ontology, ingest_articles
    from defgraph.mapping import article_iri, to_rdf
    from defgraph.namespaces import Minter
    from defgraph.store import OxigraphStore, dataset_nquads

    store = OxigraphStore(path)
    try:
        from bench.generate import generate_articles  # the lead's generator, when it exists
    except ImportError:
        generate_articles = None
    if generate_articles is not None:
        ingest_articles(generate_articles(n, seed), store)
        how = f"bench.generate.generate_articles({n}, {seed}) through the extractor"
    else:
        hierarchy = ensure_ontology(store)
        minter = Minter(store.base_iri)
        for facts in synthetic_facts(n, seed):
            store.put_article(str(article_iri(facts.article.id, minter)), dataset_nquads(to_rdf(facts, minter)),
                              hierarchy)
        how = f"bench.endpoint.synthetic_facts({n}, {seed}) mapped with to_rdf"
    count = store.count()
    store.close()
    (path / "bench.json").write_text(json.dumps({"articles": n, "seed": seed, "how": how, "quads": count}))
    return how


# --- servers ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.post(url, data={"query": "ASK {}"}, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} did not come up")


def post(session: requests.Session, url: str, query: str) -> tuple[float, int, bytes]:
    t0 = time.perf_counter()
    r = session.post(url, data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    body = r.content
    return time.perf_counter() - t0, r.status_code, body


def latency(endpoints: dict[str, str], queries: dict[str, str], runs: int) -> list[dict]:
    """Median latency per query per server, measured alternately in one run."""
    sessions = {name: requests.Session() for name in endpoints}
    rows = []
    for qname, q in queries.items():
        times: dict[str, list[float]] = {name: [] for name in endpoints}
        nrows = {}
        for i in range(runs + 2):
            order = list(endpoints) if i % 2 == 0 else list(reversed(endpoints))
            for name in order:
                dt, status, body = post(sessions[name], endpoints[name], q)
                if status != 200:
                    raise RuntimeError(f"{name} {qname}: HTTP {status} {body[:200]!r}")
                if i >= 2:      # two warm-up rounds
                    times[name].append(dt)
                nrows[name] = len(json.loads(body)["results"]["bindings"])
        if len(set(nrows.values())) != 1:
            raise RuntimeError(f"{qname}: servers disagree on the number of rows: {nrows}")
        med = {name: statistics.median(ts) for name, ts in times.items()}
        rows.append({"query": qname, "rows": nrows["defgraph"], **{f"{k}_ms": v * 1000 for k, v in med.items()},
                     "ratio": med["defgraph"] / med["oxigraph"]})
    return rows


def probe(url: str, queries: dict[str, str], seconds: float) -> tuple[dict[str, str], dict[str, str]]:
    """The queries Oxigraph's own server answers within `seconds`, and why the others were left out."""
    fast, slow = {}, {}
    for name, q in queries.items():
        try:
            requests.post(url, data={"query": q}, headers={"Accept": "application/sparql-results+json"},
                          timeout=seconds).raise_for_status()
            fast[name] = q
        except requests.Timeout:
            slow[name] = f"Oxigraph's own server takes more than {seconds:g} s on it"
        except requests.RequestException as exc:
            slow[name] = f"Oxigraph's own server fails on it: {exc}"
    return fast, slow


def load(url: str, queries: dict[str, str], clients: int, seconds: float, seed: int = 7) -> dict:
    """`clients` threads sending random competency queries for `seconds`."""
    lat: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    names = list(queries)

    def client(i: int) -> None:
        rng = random.Random(seed + i)
        session = requests.Session()
        while time.monotonic() < deadline:
            name = rng.choice(names)
            try:
                dt, status, body = post(session, url, queries[name])
                ok = status == 200
            except requests.RequestException as exc:
                dt, status, ok, body = 0.0, 0, False, str(exc).encode()
            with lock:
                if ok:
                    lat.append(dt)
                else:
                    errors.append(f"{name}: HTTP {status} {body[:100]!r}")

    t0 = time.monotonic()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0
    lat.sort()
    pct = lambda p: lat[min(len(lat) - 1, int(p * len(lat)))] * 1000 if lat else float("nan")  # noqa: E731
    return {"requests": len(lat) + len(errors), "errors": len(errors), "first_errors": errors[:3],
            "throughput_qps": len(lat) / elapsed, "p50_ms": pct(0.50), "p99_ms": pct(0.99)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/defgraph-bench"))
    ap.add_argument("--runs", type=int, default=11, help="timed runs per query and server")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--duration", type=float, default=60.0)
    ap.add_argument("--workers", type=int, default=None, help="defgraph query worker processes")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--probe-timeout", type=float, default=20.0,
                    help="leave out queries that Oxigraph's own server cannot answer within this")
    args = ap.parse_args()

    work = args.workdir
    store_dir, ox_dir, nq = work / "store", work / "oxigraph", work / "graph.nq"
    meta_file = store_dir / "bench.json"
    meta = json.loads(meta_file.read_text()) if meta_file.exists() else {}
    if args.rebuild or meta.get("articles") != args.articles or meta.get("seed") != args.seed:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        t0 = time.monotonic()
        build_store(store_dir, args.articles, args.seed)
        print(f"built the store in {time.monotonic() - t0:.0f} s", flush=True)
        from defgraph.store import OxigraphStore

        with OxigraphStore(store_dir, read_only=True) as st:
            nq.write_bytes(st.dump("nquads"))
        subprocess.run(["oxigraph", "load", "--location", str(ox_dir), "--file", str(nq)], check=True,
                       stdout=subprocess.DEVNULL)
        meta = json.loads(meta_file.read_text())
    print(f"data: {meta['how']}: {meta['quads']} quads", flush=True)

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))   # stop the servers on kill, too
    queries = competency_queries()

    def oxigraph_server(port: int) -> subprocess.Popen:
        return subprocess.Popen(["oxigraph", "serve-read-only", "--location", str(ox_dir), "--bind",
                                 f"127.0.0.1:{port}", "--union-default-graph"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # Oxigraph keeps computing a query its client gave up on, so probe with a server of its own
    port = free_port()
    prober = oxigraph_server(port)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query")
        queries, slow = probe(f"http://127.0.0.1:{port}/query", queries, args.probe_timeout)
    finally:
        prober.kill()
        prober.wait()
    for name, why in slow.items():
        print(f"left out {name}: {why}", flush=True)

    ox_port, dg_port = free_port(), free_port()
    procs = [
        oxigraph_server(ox_port),
        subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store_dir), "--port",
                          str(dg_port), "--row-cap", "1000000"] + (["--workers", str(args.workers)] if args.workers else []),
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT),
    ]
    endpoints = {"defgraph": f"http://127.0.0.1:{dg_port}/sparql", "oxigraph": f"http://127.0.0.1:{ox_port}/query"}
    try:
        for url in endpoints.values():
            wait_until_up(url)
        print(f"\nlatency: median of {args.runs} runs per query, alternating servers", flush=True)
        print(f"{'query':<14}{'rows':>8}{'defgraph ms':>14}{'oxigraph ms':>14}{'ratio':>8}")
        for row in latency(endpoints, queries, args.runs):
            print(f"{row['query']:<14}{row['rows']:>8}{row['defgraph_ms']:>14.1f}{row['oxigraph_ms']:>14.1f}"
                  f"{row['ratio']:>8.2f}", flush=True)
        for name in ("defgraph", "oxigraph"):
            res = load(endpoints[name], queries, args.clients, args.duration)
            print(f"\nload on {name}: {args.clients} clients x {args.duration:.0f} s: {res['requests']} requests, "
                  f"{res['errors']} errors, {res['throughput_qps']:.1f} queries/s, p50 {res['p50_ms']:.0f} ms, "
                  f"p99 {res['p99_ms']:.0f} ms {res['first_errors'] or ''}", flush=True)
    finally:
        for p in procs:
            p.terminate()
            p.wait(timeout=30)


if __name__ == "__main__":
    main()
