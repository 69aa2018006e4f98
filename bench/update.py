"""SPARQL Update latency on a store of generated articles (issue 10): the same updates run by this
checkout and by another (`--baseline DIR`, e.g. the version that rebuilt the whole deals graph
after every update), taking turns, each run in a fresh process on a fresh copy of the same store.

The store is built once per size and seed in `--workdir` (generated articles extracted in
`--jobs` processes and written in batches, as ingest does; not timed). Each run opens its copy
(not timed), warms rdflib's SPARQL parser up (not timed: a server's writer process has it warm
after its first update), then times `OxigraphStore.update` for each kind of update below, one
after another; after the sequence, whether the deals graph it left is the one a rebuild makes.
Printed: the median seconds of each kind for each checkout and their ratio.

    python bench/update.py --baseline /tmp/defgraph-before [--articles 2000] [--repeat 3]
                           [--workdir /tmp/defgraph-update] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# run in the checkout measured (its package first on sys.path): open the store, time each update
WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
import defgraph
assert defgraph.__file__.startswith(sys.argv[1]), defgraph.__file__
from rdflib.plugins.sparql import parser
from defgraph.namespaces import PREFIXES
from defgraph.store import OxigraphStore

store = OxigraphStore(sys.argv[2])
parser.UpdateUnit.parse_string("CLEAR SILENT GRAPH <urn:x-bench:warm>", parse_all=True)
seconds = {}
for name, text in json.loads(sys.argv[3]):
    t0 = time.perf_counter()
    store.update(text, prefixes=PREFIXES)
    seconds[name] = time.perf_counter() - t0
graph = store.base_iri + "graph/deals"
left = set(store.quads(graph))
store.rebuild_deals([g for g in store.graphs() if g.startswith(store.base_iri + "id/article/")])
print(json.dumps({"seconds": seconds, "as_rebuilt": left == set(store.quads(graph)), "deals": len(left)}))
store.close()
"""


def build_store(n: int, seed: int, jobs: int, workdir: Path) -> Path:
    """The store of n generated articles (made once per size and seed)."""
    from bench.write import extracted, write

    path = workdir / f"store-{n}-{seed}"
    if not (path / "CURRENT").exists():
        write(extracted(n, seed, jobs, workdir), path, 1000)
    return path


def updates(path: Path) -> list[tuple[str, str]]:
    """The kinds of update timed, as (name, text), chosen from the store."""
    from defgraph.namespaces import Minter
    from defgraph.store import OxigraphStore

    with OxigraphStore(path, read_only=True) as store:
        deal = store.select("""SELECT ?event ?article ?supplier ?recipient ?equipment WHERE {
            ?deal a dg:Deal ; dg:reportCount 2 ; dg:report ?event .
            GRAPH ?article { ?event a dg:Transfer ; dg:supplier ?supplier ; dg:recipient ?recipient ;
                                    dg:equipment ?equipment ; dg:status ?status } } ORDER BY ?deal ?event LIMIT 1""")[0]
        dropped = store.select("""SELECT ?article WHERE { GRAPH ?article { ?e a dg:Transfer ; dg:mentionedIn ?article } }
            ORDER BY DESC(?article) LIMIT 1""")[0]["article"]
        minter = Minter(store.base_iri)
    a, e, new = deal["article"], deal["event"], minter.iri("article", "00000000bench")
    return [
        ("unrelated triple", 'INSERT DATA { GRAPH <urn:x-bench:notes> { <urn:x-bench:s> <urn:x-bench:p> "o" } }'),
        ("status in one article", f"""DELETE {{ GRAPH <{a}> {{ <{e}> dg:status ?s }} }}
            INSERT {{ GRAPH <{a}> {{ <{e}> dg:status dg:delivered }} }} WHERE {{ GRAPH <{a}> {{ <{e}> dg:status ?s }} }}"""),
        ("new article graph", f"""INSERT DATA {{ GRAPH <{new}> {{
            <{new}> dcterms:issued "2031-05-01T00:00:00"^^xsd:dateTime ; dcterms:publisher "Bench Wire" .
            <{new}#t> a dg:Transfer ; dg:supplier <{deal['supplier']}> ; dg:recipient <{deal['recipient']}> ;
                dg:equipment <{deal['equipment']}> ; dg:status dg:ordered ; dg:quantity 11 ; dg:mentionedIn <{new}> }} }}"""),
        ("report set apart", f"""INSERT DATA {{ GRAPH <{minter.base}graph/deal-corrections> {{
            <{e}> dg:separateDeal "bench" }} }}"""),
        ("article graph dropped", f"DROP GRAPH <{dropped}>"),
        ("quantities of a supplier (GRAPH ?g)", f"""DELETE {{ GRAPH ?g {{ ?t dg:quantity ?q }} }}
            INSERT {{ GRAPH ?g {{ ?t dg:quantity 999 }} }}
            WHERE {{ GRAPH ?g {{ ?t a dg:Transfer ; dg:supplier <{deal['supplier']}> ; dg:quantity ?q }} }}"""),
        ("supplier renamed", f"""DELETE {{ GRAPH <{minter.entities_graph}> {{ <{deal['supplier']}> rdfs:label ?l }} }}
            INSERT {{ GRAPH <{minter.entities_graph}> {{ <{deal['supplier']}> rdfs:label "Renamed" }} }}
            WHERE {{ GRAPH <{minter.entities_graph}> {{ <{deal['supplier']}> rdfs:label ?l }} }}"""),
    ]


def run(checkout: Path, store: Path, texts: list[tuple[str, str]], scratch: Path) -> dict:
    """One run in a fresh process on a fresh copy of the store."""
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(store, scratch)
    out = subprocess.run([sys.executable, "-c", WORKER, str(checkout), str(scratch), json.dumps(texts)],
                         check=True, capture_output=True, text=True, cwd=checkout)
    shutil.rmtree(scratch, ignore_errors=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(runs: dict[str, list[dict]], texts: list[tuple[str, str]], n: int) -> str:
    med = statistics.median
    names = list(runs)
    lines = [f"SPARQL Update latency, {n} generated articles, {len(runs[names[0]])} runs each taking turns "
             "(medians, seconds)",
             f"  {'update':38s} {names[0]:>12s} {names[1]:>12s}   ratio"]
    for kind, _ in texts:
        m = [med(r["seconds"][kind] for r in runs[name]) for name in names]
        lines.append(f"  {kind:38s} {m[0]:12.3f} {m[1]:12.3f}   {m[0] / m[1]:7.1f}×")
    for name in names:
        right = sum(r["as_rebuilt"] for r in runs[name])
        lines.append(f"  {name}: deals graph after the sequence equal to a rebuild in {right} of {len(runs[name])} runs "
                     f"({', '.join(str(r['deals']) for r in runs[name])} quads)")
    lines.append(f"  load average now: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baseline", required=True, help="another checkout of defgraph (its root folder)")
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=2, help="extraction processes for building the store")
    ap.add_argument("--workdir", default="/tmp/defgraph-update")
    ap.add_argument("--json", help="also write the raw measurements to this file")
    args = ap.parse_args(argv)
    workdir = Path(args.workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    store = build_store(args.articles, args.seed, args.jobs, workdir)
    texts = updates(store)
    checkouts = {"before": Path(args.baseline).resolve(), "this": ROOT}
    runs: dict[str, list[dict]] = {name: [] for name in checkouts}
    for _ in range(args.repeat):
        for name, checkout in checkouts.items():   # taking turns: a change in load hits both alike
            t0 = time.perf_counter()
            runs[name].append(run(checkout, store, texts, workdir / "scratch"))
            print(f"  ({name}: run took {time.perf_counter() - t0:.0f} s)", file=sys.stderr, flush=True)
    print(report(runs, texts, args.articles))
    if args.json:
        Path(args.json).write_text(json.dumps({"texts": texts, "runs": runs}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
