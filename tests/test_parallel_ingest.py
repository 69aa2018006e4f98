"""`defgraph ingest -j N`: extraction in worker processes, one writer, the same store as `-j 1`."""

import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from defgraph.articles import ArticleError, count_inputs
from defgraph.cli import main
from defgraph.ingest import count_items, ingest_paths
from defgraph.parallel import WorkersDied, map_in_order
from defgraph.store import OxigraphStore

from . import workers
from .conftest import CORPUS, SEEDS


def sorted_nquads(store_dir) -> bytes:
    """The store's export as N-Quads (the `export` command), its lines sorted."""
    result = CliRunner().invoke(main, ["export", "--store", str(store_dir), "--format", "nquads"])
    assert result.exit_code == 0, result.output
    return b"".join(sorted(result.stdout_bytes.splitlines(keepends=True)))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The dev corpus and the seed, plus bad inputs: JSON Lines with bad lines, an empty and a binary file."""
    folder = tmp_path_factory.mktemp("inputs")
    shutil.copytree(CORPUS / "dev", folder / "dev")
    shutil.copytree(SEEDS, folder / "seeds")
    records = [{"title": "Norway delivers NASAMS", "date": "2024-03-01",
                "body": "Norway has delivered two NASAMS air defence systems to Ukraine."},
               "{not json",
               {"body": "A record without a title."},
               {"title": "Germany sends IRIS-T", "body": "Germany has sent an IRIS-T SLM system to Ukraine."}]
    (folder / "feed.jsonl").write_text("\n".join(r if isinstance(r, str) else json.dumps(r) for r in records)
                                       + "\n\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01PNG\x00")
    return folder


def ingest_cli(store_dir, inputs, *jobs: str):
    result = CliRunner().invoke(main, ["ingest", "--store", str(store_dir), *jobs, str(inputs)],
                                catch_exceptions=False)
    skipped = sorted(line for line in result.stderr.splitlines() if line.startswith("skipped "))
    return result, skipped


@pytest.fixture(scope="module")
def reference(tmp_path_factory, inputs):
    """`defgraph ingest -j 1` of the inputs: the CLI's result, its skip lines, its sorted export."""
    store_dir = tmp_path_factory.mktemp("j1") / "store"
    result, skipped = ingest_cli(store_dir, inputs, "-j", "1")
    return result, skipped, sorted_nquads(store_dir)


def test_jobs_2_builds_the_same_store_as_jobs_1_and_skips_the_same_inputs(tmp_path, inputs, reference):
    one, skipped_one, export = reference
    two, skipped_two = ingest_cli(tmp_path / "j2", inputs, "-j", "2")
    for result in (one, two):
        assert result.exit_code == 1, result.output          # some inputs were skipped
        assert "Traceback" not in result.output
        assert "articles read: 23" in result.stdout           # 20 dev articles, the seed, 2 good JSON lines
        assert "23 articles ingested, 4 skipped, in " in result.stdout
    assert "(1 extraction process)" in one.stdout and "(2 extraction processes)" in two.stdout
    feed = inputs / "feed.jsonl"
    assert [s for s in skipped_one if not s.endswith(".json: not an article file (a folder is read for "
                                                     ".txt, .text, .jsonl, .ndjson)")] == sorted([
        f"skipped {inputs / 'binary.txt'}: binary file (contains NUL bytes)",
        f"skipped {inputs / 'empty.txt'}: empty file",
        f"skipped {feed}:2: invalid JSON (Expecting property name enclosed in double quotes)",
        f"skipped {feed}:3: missing or empty 'title'"])
    assert skipped_two == skipped_one
    assert export.count(b"\n") > 4000
    assert sorted_nquads(tmp_path / "j2") == export


def test_a_killed_worker_loses_no_article(tmp_path, inputs, reference):
    """SIGKILL one worker mid-ingest: what it had in hand is extracted again, the store equals `-j 1`'s."""
    killed: list[int] = []
    others = {p.pid for p in multiprocessing.active_children()}

    def kill_a_worker(n: int) -> None:
        workers = [p.pid for p in multiprocessing.active_children() if p.pid not in others]
        if not killed and workers:
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    store = OxigraphStore(tmp_path / "j2")
    summary = ingest_paths([str(inputs)], store, jobs=2, progress=kill_a_worker)
    store.close()
    assert killed and summary.articles == 23
    assert sorted(f"skipped {e.source}: {e.reason}" for e in summary.skipped) == [
        line for line in reference[1] if not line.endswith("(a folder is read for .txt, .text, .jsonl, .ndjson)")]
    assert sorted_nquads(tmp_path / "j2") == reference[2]


def test_the_item_that_kills_its_worker_is_named_and_the_others_kept():
    results = list(map_in_order(workers.tenfold_or_die_on_odd, range(8), jobs=2,
                                crashed=lambda x: f"crashed on {x}"))
    assert results == [0, "crashed on 1", 20, "crashed on 3", 40, "crashed on 5", 60, "crashed on 7"]


def test_a_pool_broken_before_the_next_item_is_handed_over_loses_nothing(tmp_path):
    """The next item is submitted only after the worker died: it is run again, not lost with the pool."""
    marker = tmp_path / "died"

    def items():
        yield 0
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(1.0)                      # the executor notices the dead worker and marks the pool broken
        yield from (1, 2, 3)

    results = list(map_in_order(workers.die_on_zero_after_marking, items(), args=(str(marker),), jobs=1,
                                crashed=lambda x: f"crashed on {x}"))
    assert marker.exists()
    assert results == ["crashed on 0", 10, 20, 30]


def test_workers_that_always_die_stop_the_run_with_a_clear_error():
    with pytest.raises(WorkersDied, match="3 worker processes in a row died"):
        list(map_in_order(workers.die, range(10), jobs=2, crashed=lambda x: x))


def test_progress_counts_articles_and_json_lines(tmp_path, inputs):
    assert count_inputs(inputs / "feed.jsonl") == 4            # blank lines are no input
    files = sorted(inputs.rglob("*.txt")) + [inputs / "feed.jsonl"]
    assert count_items(files, [ArticleError("gone.txt", "no such file or folder")]) == 4 + 23 + 1
    steps: list[int] = []
    store = OxigraphStore(tmp_path / "store")
    summary = ingest_paths([str(inputs / "feed.jsonl"), str(inputs / "seeds")], store, progress=steps.append)
    store.close()
    assert summary.articles == 3 and len(summary.skipped) == 2
    assert sum(steps) == count_items([inputs / "feed.jsonl", *(inputs / "seeds").glob("*.txt")]) == 5


def test_an_article_error_crosses_process_boundaries():
    import pickle

    err = pickle.loads(pickle.dumps(ArticleError("feed.jsonl:3", "missing or empty 'title'")))
    assert (err.source, err.reason, str(err)) == ("feed.jsonl:3", "missing or empty 'title'",
                                                  "feed.jsonl:3: missing or empty 'title'")


# --- `defgraph ingest --scheduler ADDRESS`: extraction on a Dask distributed cluster ----------------

@pytest.fixture(scope="module")
def local_cluster():
    """A Dask LocalCluster of 2 worker processes (1 thread each) on loopback, and a client to it."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster, set_as_default=False) as client:
        yield cluster, client


def executed(client) -> dict[str, int]:
    """Tasks each worker of the cluster has run so far."""
    return client.run(lambda dask_worker: dask_worker.state.executed_count)


def test_a_dask_local_cluster_builds_the_same_store_as_jobs_1(tmp_path, inputs, reference, local_cluster):
    cluster, client = local_cluster
    before = executed(client)
    result, skipped = ingest_cli(tmp_path / "dask", inputs, "--scheduler", cluster.scheduler_address)
    assert result.exit_code == 1 and "Traceback" not in result.output       # some inputs were skipped
    assert "23 articles ingested, 4 skipped, in " in result.stdout
    assert f"(2 worker threads on the Dask cluster at {cluster.scheduler_address})" in result.stdout
    assert skipped == reference[1]
    assert sorted_nquads(tmp_path / "dask") == reference[2]
    # the 23 articles were extracted by the two worker processes, not here
    workers = set(client.run(os.getpid).values())
    assert len(workers) == 2 and os.getpid() not in workers
    ran = {w: n - before.get(w, 0) for w, n in executed(client).items()}
    assert sum(ran.values()) == 23 and all(n > 0 for n in ran.values()), ran


def test_a_killed_dask_worker_loses_no_article(tmp_path, inputs, reference, local_cluster):
    """SIGKILL one worker process mid-ingest: Dask runs its tasks again, the store equals `-j 1`'s."""
    cluster, client = local_cluster
    pids = list(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_a_worker(n: int) -> None:
        if not killed:
            os.kill(pids[0], signal.SIGKILL)
            killed.append(pids[0])

    store = OxigraphStore(tmp_path / "dask")
    summary = ingest_paths([str(inputs)], store, scheduler=cluster.scheduler_address, progress=kill_a_worker)
    store.close()
    assert killed and summary.articles == 23
    assert sorted(f"skipped {e.source}: {e.reason}" for e in summary.skipped) == [
        line for line in reference[1] if not line.endswith("(a folder is read for .txt, .text, .jsonl, .ndjson)")]
    assert sorted_nquads(tmp_path / "dask") == reference[2]
    client.wait_for_workers(2, timeout=60)     # the nanny restarts it, for the tests after this one


def test_a_cluster_started_by_the_dask_commands_builds_the_same_store(tmp_path, inputs, reference):
    """`dask scheduler` and `dask worker` on loopback, `defgraph ingest --scheduler` as a command."""
    distributed = pytest.importorskip("distributed")
    scheduler_file = tmp_path / "scheduler.json"
    bin_dir = os.path.dirname(sys.executable)
    scheduler = subprocess.Popen([os.path.join(bin_dir, "dask"), "scheduler", "--host", "127.0.0.1",
                                  "--port", "0", "--no-dashboard", "--scheduler-file", str(scheduler_file)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([os.path.join(bin_dir, "dask"), "worker", "--scheduler-file", str(scheduler_file),
                               "--host", "127.0.0.1", "--nworkers", "2", "--nthreads", "1", "--no-dashboard"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp_path)
    try:
        address = scheduler_address(scheduler_file)
        assert address.startswith("tcp://127.0.0.1:")
        with distributed.Client(address, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)     # both, so that the summary's count is known
        run = subprocess.run([os.path.join(bin_dir, "defgraph"), "ingest", "--store", str(tmp_path / "store"),
                              "--scheduler", address, str(inputs)], capture_output=True, text=True, timeout=300)
        assert run.returncode == 1, run.stderr                       # some inputs were skipped
        assert "Traceback" not in run.stderr
        assert "23 articles ingested, 4 skipped, in " in run.stdout
        assert f"(2 worker threads on the Dask cluster at {address})" in run.stdout
        assert sorted(line for line in run.stderr.splitlines() if line.startswith("skipped ")) == reference[1]
        assert sorted_nquads(tmp_path / "store") == reference[2]
    finally:
        for process in (worker, scheduler):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def scheduler_address(scheduler_file, seconds: float = 120) -> str:
    """The address in the file `dask scheduler --scheduler-file` writes, once it is there whole."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return json.loads(scheduler_file.read_text())["address"]
        except (OSError, ValueError, KeyError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_a_scheduler_that_cannot_be_reached_is_a_one_line_error(tmp_path, inputs):
    pytest.importorskip("distributed")
    from defgraph.cluster import ClusterError, connect

    with socket.socket() as s:          # a loopback port that nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ClusterError, match=rf"^cannot reach the Dask scheduler at tcp://127.0.0.1:{port} "
                                           r"\(Timed out trying to connect"):
        connect(f"tcp://127.0.0.1:{port}", timeout=1)
    result = CliRunner().invoke(main, ["ingest", "--store", str(tmp_path / "store"), "--scheduler",
                                       "udp://127.0.0.1:1", str(inputs / "seeds")])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: cannot reach the Dask scheduler at udp://127.0.0.1:1 (unknown address "
                           "scheme 'udp'")
    assert not (tmp_path / "store").exists()        # nothing was opened, nothing written
    both = CliRunner().invoke(main, ["ingest", "-j", "2", "--scheduler", "tcp://127.0.0.1:1", str(inputs)])
    assert both.exit_code == 2 and "give -j or --scheduler, not both" in both.stderr
