"""kill -9 at random moments during ingest, Graph Store PUT and SPARQL updates: after each kill the
store opens (for writing, as the next command would), validates against the SHACL shapes, and
holds either the old or the new state of every graph.

- ingest: `defgraph ingest -j 1` of N articles (JSON Lines, each with a URL) into a store that
  holds an older version of the same articles, killed at a random moment of its run. Each
  article graph (and its inference graph, with it) is the old or the new version; the merged
  graphs (entities, links and theirs) lie between the clean old and new stores.
- put / update: `defgraph serve --allow-update` over the old store while a client replaces one
  graph again and again (Graph Store PUT, or one SPARQL update that drops and fills it),
  alternating two versions of 5,000 triples. Even trials kill the server (its workers and
  writer die with it); odd trials kill the writer process alone, and the server must answer
  the next request.

    python -m bench.kill                      # 20 trials of each, 40 articles
    python -m bench.kill --trials 30 --articles 60
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from defgraph.entail import inferred_graph  # noqa: E402
from defgraph.server.snapshots import writer_holds  # noqa: E402
from defgraph.store import OxigraphStore  # noqa: E402

GRAPH = "urn:x-kill:replaced"
TOKEN = "kill-bench"
TRIPLES = 5000


def cli(*args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "defgraph.cli", *args], cwd=str(ROOT), **kw)


def write_articles(path: Path, n: int, seed: int) -> None:
    """n generated articles as JSON Lines, article i at https://example.org/news/i whatever the seed."""
    from bench.generate import generate_articles

    with path.open("w", encoding="utf-8") as f:
        for i, a in enumerate(generate_articles(n, seed)):
            f.write(json.dumps({"title": a.title, "body": a.body, "url": f"https://example.org/news/{i}",
                                "date": a.published.isoformat() if a.published else None}) + "\n")


def graphs(store_dir: Path) -> dict[str, frozenset[str]]:
    """Every named graph of a store: its triples as N-Triples-like lines."""
    store = OxigraphStore(store_dir, read_only=True)
    try:
        out: dict[str, set[str]] = {}
        for q in store.quads():
            out.setdefault(q.graph_name.value, set()).add(f"{q.subject} {q.predicate} {q.object}")
        return {g: frozenset(t) for g, t in out.items()}
    finally:
        store.close()


def wait_unlocked(store_dir: Path, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while writer_holds(store_dir) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not writer_holds(store_dir)


def lock_holder(store_dir: Path) -> int | None:
    """The pid holding the store's write lock (RocksDB's LOCK file), if any."""
    import fcntl
    import struct

    try:
        fd = os.open(store_dir / "LOCK", os.O_RDONLY)
    except OSError:
        return None
    try:
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, struct.pack("hhqqixxxx", fcntl.F_WRLCK, 0, 0, 0, 0))
        kind, _, _, _, pid = struct.unpack("hhqqixxxx", answer)
        return pid if kind != fcntl.F_UNLCK else None
    finally:
        os.close(fd)


def opens_and_validates(store_dir: Path) -> str:
    """"" when the store opens for writing and `defgraph validate` finds no violation, else why not."""
    try:
        OxigraphStore(store_dir).close()
    except Exception as exc:  # noqa: BLE001 - reported
        return f"does not open: {exc}"
    out = subprocess.run([sys.executable, "-m", "defgraph.cli", "validate", "--store", str(store_dir)],
                         capture_output=True, text=True, cwd=str(ROOT))
    return "" if out.returncode == 0 else f"validate: {out.stdout.strip().splitlines()[-1:]}{out.stderr[-200:]}"


# --- ingest ------------------------------------------------------------------------------------

def ingest_trials(work: Path, args: argparse.Namespace, rng: random.Random) -> dict:
    old_articles, new_articles = work / "old.jsonl", work / "new.jsonl"
    write_articles(old_articles, args.articles, 1)
    write_articles(new_articles, args.articles, 2)
    old, new = work / "old-store", work / "new-store"
    for d in (old, new):
        shutil.rmtree(d, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "defgraph.cli", "ingest", "-j", "1", "--store", str(old), str(old_articles)],
                   check=True, capture_output=True, cwd=str(ROOT))
    shutil.copytree(old, new)
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "defgraph.cli", "ingest", "-j", "1", "--store", str(new), str(new_articles)],
                   check=True, capture_output=True, cwd=str(ROOT))
    clean_seconds = time.monotonic() - started
    before, after = graphs(old), graphs(new)
    articles = {g for g in after if "/id/article/" in g and "/graph/inferred/" not in g}
    states: Counter = Counter()
    failures = []
    for trial in range(args.trials):
        store = work / f"ingest-{trial}"
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(old, store)
        proc = cli("ingest", "-j", "1", "--store", str(store), str(new_articles),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            proc.wait(timeout=rng.uniform(0, clean_seconds))
        except subprocess.TimeoutExpired:
            proc.kill()
        proc.wait()
        wait_unlocked(store)
        now = graphs(store)
        problems = []
        new_count = 0
        for g in articles:
            pair = (now.get(g), now.get(inferred_graph("http://127.0.0.1:8080/", g)))
            olds = (before.get(g), before.get(inferred_graph("http://127.0.0.1:8080/", g)))
            news = (after.get(g), after.get(inferred_graph("http://127.0.0.1:8080/", g)))
            if pair == news:
                new_count += 1
            elif pair != olds:
                problems.append(f"article graph {g} is neither its old nor its new version")
        for g in set(now) | set(after):
            if g in articles or any(g == inferred_graph("http://127.0.0.1:8080/", a) for a in articles):
                continue
            if not (before.get(g, frozenset()) <= now.get(g, frozenset()) <= after.get(g, frozenset())):
                problems.append(f"merged graph {g} is not between the old and the new store")
        why = opens_and_validates(store)
        if why:
            problems.append(why)
        states[f"{new_count} of {len(articles)} articles new"] += 1
        if problems:
            failures.append({"trial": trial, "problems": problems[:3]})
        shutil.rmtree(store, ignore_errors=True)
        print(f"ingest trial {trial}: {new_count}/{len(articles)} new, {'OK' if not problems else problems[:1]}",
              flush=True)
    return {"trials": args.trials, "clean_ingest_s": round(clean_seconds, 1), "failures": failures,
            "articles_new_after_kill": sorted(states.items(), key=lambda kv: int(kv[0].split()[0]))}


# --- Graph Store PUT and SPARQL Update through the server ------------------------------------------

def version(name: str) -> bytes:
    return "\n".join(f'<urn:x-kill:s{i}> <urn:x-kill:p> "{name}{i}" .' for i in range(TRIPLES)).encode()


def replace_once(url: str, how: str, name: str) -> int:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    if how == "put":
        r = requests.put(url + "rdf-graph-store", params={"graph": GRAPH}, data=version(name),
                         headers={**auth, "Content-Type": "application/n-triples"}, timeout=120)
    else:
        text = f"DROP SILENT GRAPH <{GRAPH}> ; INSERT DATA {{ GRAPH <{GRAPH}> {{ {version(name).decode()} }} }}"
        r = requests.post(url + "update", data=text.encode(),
                          headers={**auth, "Content-Type": "application/sparql-update"}, timeout=120)
    return r.status_code


def server_trials(how: str, work: Path, args: argparse.Namespace, rng: random.Random) -> dict:
    old = work / "old-store"
    base = graphs(old)
    states: Counter = Counter()
    failures = []
    survived = 0
    writer_kills = 0
    for trial in range(args.trials):
        store = work / f"{how}-{trial}"
        shutil.rmtree(store, ignore_errors=True)
        shutil.copytree(old, store)
        proc = cli("serve", "--store", str(store), "--port", "0", "--workers", "1", "--allow-update",
                   "--update-token", TOKEN, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                   start_new_session=True)
        url = re.search(r"at (http://127\.0\.0\.1:\d+/)", proc.stdout.readline()).group(1)
        problems = []
        assert replace_once(url, how, "v0") in (201, 204)
        stop = threading.Event()

        def client() -> None:
            n = 1
            while not stop.is_set():
                try:
                    replace_once(url, how, f"v{n % 2 + 1}")
                except requests.RequestException:
                    return
                n += 1

        thread = threading.Thread(target=client, daemon=True)
        thread.start()
        time.sleep(rng.uniform(0.05, 2.0))
        writer = lock_holder(store)
        if trial % 2 and writer is not None and writer != proc.pid:
            writer_kills += 1
            os.kill(writer, signal.SIGKILL)                  # the writer alone: the server stays up
            time.sleep(0.5)
            stop.set()
            thread.join(timeout=130)
            try:
                up = requests.get(url + "sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
                up = up and replace_once(url, how, "v1") in (201, 204)
            except requests.RequestException:
                up = False
            survived += up
            if not up:
                problems.append("the server did not answer after its writer was killed")
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=60)
        else:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
            stop.set()
            thread.join(timeout=130)
        proc.stdout.close()
        if not wait_unlocked(store):
            problems.append("a process still holds the store 30 s after the kill")
        now = graphs(store)
        values = {t.rsplit('"', 2)[1][:2] for t in now.get(GRAPH, ())}
        if len(now.get(GRAPH, ())) != TRIPLES or len(values) != 1:
            problems.append(f"{GRAPH}: {len(now.get(GRAPH, ()))} triples of versions {sorted(values)}")
        states[",".join(sorted(values)) or "empty"] += 1
        if any(now.get(g) != t for g, t in base.items()) or set(now) - set(base) - {GRAPH}:
            problems.append("another graph changed")
        why = opens_and_validates(store)
        if why:
            problems.append(why)
        if problems:
            failures.append({"trial": trial, "problems": problems})
        shutil.rmtree(store, ignore_errors=True)
        print(f"{how} trial {trial}: graph holds {sorted(values)}, {'OK' if not problems else problems}", flush=True)
    return {"trials": args.trials, "failures": failures, "graph_after_kill": dict(states),
            "writer_killed_alone": writer_kills, "server_answered_after_writer_kill": survived}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--trials", type=int, default=20, help="trials of each kind")
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--workdir", type=Path, default=Path("/tmp/defgraph-kill"))
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--only", choices=["ingest", "put", "update"], action="append")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    args.workdir.mkdir(parents=True, exist_ok=True)
    kinds = args.only or ["ingest", "put", "update"]
    report: dict = {"articles": args.articles}
    started = time.monotonic()
    if "ingest" in kinds or not (args.workdir / "old-store").exists():
        result = ingest_trials(args.workdir, args, rng)
        if "ingest" in kinds:
            report["ingest"] = result
    for how in ("put", "update"):
        if how in kinds:
            report[how] = server_trials(how, args.workdir, args, rng)
    report["total_trials"] = sum(report[k]["trials"] for k in kinds)
    report["total_failures"] = sum(len(report[k]["failures"]) for k in kinds)
    report["seconds"] = round(time.monotonic() - started)
    print(json.dumps(report, indent=1))
    if args.out:
        args.out.write_text(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
