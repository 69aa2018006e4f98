"""`defgraph serve` ending every way it can: its query workers die with it and its snapshot
folders do not outlive it (or are removed at the next start)."""

from __future__ import annotations

import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from .server_support import sample_store

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?o ?p }"


def descendants(pid: int) -> set[int]:
    """Every process below `pid`, from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, pp in parents.items() if pp in frontier} - found
        found |= frontier
    return found


def alive(pids: set[int]) -> set[int]:
    out = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.add(pid)
    return out


def snapshot_folders(store_dir: Path) -> list[Path]:
    return sorted(store_dir.parent.glob(f".{store_dir.name}-snapshots-*"))


def start(store_dir: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store_dir),
                             "--port", "0", "--workers", "2", "--timeout", "120", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline()
    return proc, re.search(r"at (http://127\.0\.0\.1:\d+/) ", line).group(1)


def busy(url: str, n: int = 2) -> None:
    """Start n slow queries (left to run) and give the workers time to take them."""
    def slow() -> None:
        try:
            requests.get(url + "sparql", params={"query": SLOW}, timeout=130)
        except requests.RequestException:    # the server goes away under it: that is the test
            pass

    for _ in range(n):
        threading.Thread(target=slow, daemon=True).start()
    time.sleep(1.0)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM) -> tuple[int, str]:
    """Send a signal, wait for the exit; its code and what it wrote on stderr."""
    proc.send_signal(sig)
    code = proc.wait(timeout=20)
    err = proc.stderr.read()
    proc.stdout.close()
    proc.stderr.close()
    return code, err


def wait_gone(pids: set[int], seconds: float = 10) -> set[int]:
    deadline = time.monotonic() + seconds
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive(pids)


def serving_slow_queries(store_dir: Path) -> tuple[subprocess.Popen, set[int]]:
    """A server over a new store, its two workers busy; the server and the processes below it."""
    sample_store(store_dir).close()
    proc, url = start(store_dir)
    busy(url)
    workers = descendants(proc.pid)
    assert len(workers) >= 3                      # the forkserver and two workers
    assert snapshot_folders(store_dir)
    return proc, workers


def test_sigterm_stops_workers_and_removes_snapshots(tmp_path):
    store_dir = tmp_path / "store"
    proc, workers = serving_slow_queries(store_dir)
    code, err = stop(proc)
    assert code == 0 and "Traceback" not in err, err
    assert wait_gone(workers) == set()
    assert snapshot_folders(store_dir) == []


def test_kill_9_workers_follow_and_the_next_start_removes_the_snapshots(tmp_path):
    store_dir = tmp_path / "store"
    proc, workers = serving_slow_queries(store_dir)
    stop(proc, signal.SIGKILL)
    assert wait_gone(workers) == set()            # no orphan keeps running its query
    stale = snapshot_folders(store_dir)
    assert len(stale) == 1                        # kill -9 leaves it...
    proc, _ = start(store_dir)
    try:
        now = snapshot_folders(store_dir)
        assert len(now) == 1 and now != stale     # ...and the next start removes it
    finally:
        stop(proc)
    assert snapshot_folders(store_dir) == []


def test_port_in_use_is_one_line_and_leaves_nothing(tmp_path):
    store_dir = tmp_path / "store"
    sample_store(store_dir).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store_dir),
                              "--port", str(port), "--workers", "1"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"]
    assert snapshot_folders(store_dir) == []
