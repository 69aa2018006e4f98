"""`defgraph ingest -j N`: extraction in worker processes, one writer, the same store as `-j 1`."""

import json
import multiprocessing
import os
import shutil
import signal

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
