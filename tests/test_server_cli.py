"""`defgraph serve`: the production server over a store that ingest built, printing its URL."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import requests

from .server_support import sample_store


def test_serve_prints_url_and_answers(tmp_path):
    store_dir = tmp_path / "store"
    sample_store(store_dir).close()
    env = {**os.environ, "DEFGRAPH_UPDATE_TOKEN": "tok"}
    proc = subprocess.Popen([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(store_dir),
                             "--port", "0", "--workers", "1", "--allow-update"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        url = re.search(r"at (http://127\.0\.0\.1:\d+/) ", line).group(1)
        r = requests.get(url + "sparql", params={"query": "SELECT (COUNT(*) AS ?n) { ?t a dg:Transfer }"})
        assert json.loads(r.text)["results"]["bindings"][0]["n"]["value"] == "1"
        assert r.headers["Server"] == "defgraph"          # waitress, not Flask's dev server
        r = requests.post(url + "update", data="CLEAR ALL",
                          headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer tok"})
        assert r.status_code == 204
        # the server's writer holds the store: an ingest into it is one clear line, nothing else
        out = subprocess.run([sys.executable, "-m", "defgraph.cli", "ingest", "--store", str(store_dir), "seeds"],
                             capture_output=True, text=True, timeout=120,
                             cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        assert out.returncode == 1
        assert out.stderr.strip().splitlines() == [
            f"Error: {store_dir}: another process has the store open for writing (a running `defgraph ingest`, "
            "or `defgraph serve --allow-update`, which takes writes over HTTP); wait for it to end or stop it"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_refuses_updates_without_token(tmp_path):
    out = subprocess.run([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(tmp_path / "s"),
                          "--allow-update"], capture_output=True, text=True, timeout=60,
                         env={k: v for k, v in os.environ.items() if k != "DEFGRAPH_UPDATE_TOKEN"})
    assert out.returncode != 0 and "token" in out.stderr


def test_serve_refuses_bad_limits_in_one_line(tmp_path):
    out = subprocess.run([sys.executable, "-m", "defgraph.cli", "serve", "--store", str(tmp_path / "s"),
                          "--queue-wait", "0"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 1
    assert out.stderr.strip().splitlines() == ["Error: queue wait must be positive, not 0.0"]
