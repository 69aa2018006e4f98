"""Bad input that used to stop or corrupt a run: each is named in one line, the run goes on,
and what is stored stays readable."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys

import pyoxigraph as ox
import requests
from click.testing import CliRunner

from defgraph.articles import Article, expand_paths, read_file
from defgraph.cli import main
from defgraph.extract import MAX_CHARS
from defgraph.extract.model import Facts
from defgraph.mapping import to_rdf
from defgraph.namespaces import DG
from defgraph.server import Settings
from defgraph.server.executor import VALUE_CAP
from defgraph.store import OxigraphStore

from .conftest import SEEDS
from .server_support import BASE, live_server, sample_store



def cli(*args: str, limit=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "defgraph.cli", *args], capture_output=True, text=True,
                          timeout=300, preexec_fn=limit)


def test_deeply_nested_json_line_is_skipped_by_name(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"title": "T1", "body": "B1"}\n'
                    + '{"title": ' + "[" * 100_000 + "]" * 100_000 + "}\n"
                    + '{"title": "T3", "body": "B3"}\n', encoding="utf-8")
    items = list(read_file(feed))
    assert [type(i).__name__ for i in items] == ["Article", "ArticleError", "Article"]
    assert "feed.jsonl:2" in str(items[1]) and "nested too deeply" in str(items[1])


def test_huge_article_stores_only_what_was_read():
    article = Article(title="Big", body="word " * 100_000)        # 500,000 characters
    texts = [str(o) for _, _, o, _ in to_rdf(Facts(article=article)).quads((None, DG.text, None, None))]
    assert texts == [article.text[:MAX_CHARS]]


def test_glob_with_symlink_loops_ends_and_broken_links_are_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("T\n", encoding="utf-8")
    (tmp_path / "a" / "b" / "two.txt").write_text("T\n", encoding="utf-8")
    for i in range(4):     # glob.glob(recursive=True) walks these 4^n ways until the path is too long
        (tmp_path / "a" / "b" / f"loop{i}").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "a" / "self.txt").symlink_to(tmp_path / "a" / "self.txt")
    for paths in ([str(tmp_path / "a" / "**" / "*.txt")], [str(tmp_path / "a")]):
        files, errors, _ = expand_paths(paths)
        assert sorted(f.name for f in files) == ["one.txt", "two.txt"]
        assert sorted(e.source.rsplit("/", 1)[-1] for e in errors) == ["gone.txt", "self.txt"]
        assert all("broken symbolic link" in e.reason for e in errors)


def test_bad_base_iri_is_refused_before_anything_is_saved(tmp_path):
    store = tmp_path / "store"
    out = cli("ingest", str(SEEDS), "--store", str(store), "--base-iri", "not a url")
    assert out.returncode == 1 and out.stderr.strip().splitlines() == [
        "Error: base IRI 'not a url' is not an absolute http(s) IRI without query or fragment "
        "(e.g. https://example.org/defgraph/)"]
    assert not store.exists()
    assert cli("ingest", str(SEEDS), "--store", str(store)).returncode == 0   # nothing bad was kept


def test_unwritable_output_is_one_line(tmp_path):
    store = tmp_path / "store"
    sample_store(store).close()
    result = CliRunner().invoke(main, ["export", "--store", str(store), "--out", "/dev/full"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: /dev/full: cannot write it (No space left on device)"


def _file_size_limit() -> None:
    # a disk that fills up: any file written past 128 KiB fails (EFBIG) instead of growing
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (128 << 10, 128 << 10))


def test_full_disk_during_ingest_is_one_line_and_the_store_still_opens(tmp_path):
    store = tmp_path / "store"
    sample_store(store).close()
    before = OxigraphStore(store, read_only=True)
    count = before.count()
    before.close()
    out = cli("ingest", str(SEEDS), "--store", str(store), limit=_file_size_limit)
    assert out.returncode == 1 and "Traceback" not in out.stderr
    last = out.stderr.strip().splitlines()[-1]
    assert last.startswith(f"Error: {store}: cannot write the store (") and "File too large" in last
    after = OxigraphStore(store, read_only=True)
    assert after.count() >= count and after.ask("ASK { ?t a dg:Transfer ; dg:supplier ?s }")
    after.close()


# --- the server ------------------------------------------------------------------------------

def test_percent_in_a_resource_path_is_not_a_500(tmp_path):
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1)) as live:
        for path in ("id/person/x%25dd", "id/person/x%25s", "id/person/%25d%25d%25d"):
            for accept in ("text/html", "text/turtle"):
                r = requests.get(live.url + path, headers={"Accept": accept})
                assert r.status_code == 404, (path, accept, r.status_code, r.text[:200])
    store.close()


def test_huge_literal_is_cut_in_results_and_pages(tmp_path):
    store = sample_store(tmp_path / "store")
    huge = "x" * (17 << 20)                  # past the 16 MiB line the TSV reader takes
    store._store.add(ox.Quad(ox.NamedNode(BASE + "id/person/big"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
                             ox.Literal(huge), ox.NamedNode(BASE + "graph/entities")))
    store.flush()
    with live_server(store, Settings(workers=1)) as live:
        q = f"SELECT ?l WHERE {{ <{BASE}id/person/big> rdfs:label ?l }}"
        r = requests.get(live.sparql, params={"query": q})
        assert r.status_code == 200, r.text[:300]
        value = json.loads(r.text)["results"]["bindings"][0]["l"]["value"]
        assert value == huge[:VALUE_CAP] and "cut" in r.headers["X-Defgraph-Truncated"]
        r = requests.get(live.url + "id/person/big", headers={"Accept": "text/html"})
        assert r.status_code == 200 and len(r.text) < 100_000
        r = requests.get(live.sparql, params={"query": "SELECT ?s WHERE { ?s a dg:Country }"})
        assert r.status_code == 200 and "X-Defgraph-Truncated" not in r.headers
    store.close()
