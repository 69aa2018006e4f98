"""Errors that say what went wrong: one line on stderr, a non-zero exit, no traceback, nothing lost."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import requests
from click.testing import CliRunner

from defgraph.cli import main
from defgraph.resources import QUERY_NAMES
from defgraph.server import Settings

from .conftest import SEEDS
from .server_support import live_server, sample_store

CLI = [sys.executable, "-m", "defgraph.cli"]


def one_line_error(result) -> str:
    """The single error line of a failed command (click's runner or a finished process)."""
    code = result.exit_code if hasattr(result, "exit_code") else result.returncode
    err = result.stderr
    assert code != 0, err
    assert "Traceback" not in err and "Traceback" not in result.stdout
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture(scope="module")
def seed_store_copy(tmp_path_factory, seed_store_dir):
    path = tmp_path_factory.mktemp("errors") / "store"
    shutil.copytree(seed_store_dir, path)
    return path


@pytest.mark.parametrize("name, suggestion", [("persns", "persons"), ("Persons", "persons"),
                                              ("transfer", "transfers")])
def test_unknown_query_name_suggests_the_closest(seed_store_copy, name, suggestion):
    result = CliRunner().invoke(main, ["query", name, "--store", str(seed_store_copy)])
    line = one_line_error(result)
    assert line == (f"Error: no query named {name!r}; did you mean {suggestion!r}? "
                    f"(queries: {', '.join(QUERY_NAMES)})")


def test_unknown_query_name_without_a_close_one_lists_them(seed_store_copy):
    line = one_line_error(CliRunner().invoke(main, ["query", "zzz", "--store", str(seed_store_copy)]))
    assert line == f"Error: no query named 'zzz' (queries: {', '.join(QUERY_NAMES)})"
    ok = CliRunner().invoke(main, ["query", "persons", "--store", str(seed_store_copy)])
    assert ok.exit_code == 0 and "Sebastien Lecornu" in ok.output
    # the deal queries by name too, as the README shows them
    deals = CliRunner().invoke(main, ["query", "deals", "--store", str(seed_store_copy), "--format", "csv"])
    assert deals.exit_code == 0 and deals.output.splitlines()[0] == "supplier,recipient,equipment,status,quantity,first,last,reports"


def test_graph_page_takes_query_names(tmp_path):
    store = sample_store(tmp_path / "store")
    with live_server(store, Settings(workers=1)) as live:
        r = requests.get(live.url + "graph", params={"query": "transfers"})
        assert r.status_code == 200 and "CAESAR" in r.text and "Ukraine" in r.text
        r = requests.get(live.url + "graph", params={"query": "transfer"})
        assert r.status_code == 400
        assert r.text.startswith("no query named 'transfer'; did you mean 'transfers'?")
        assert "Traceback" not in r.text
    store.close()


def test_serve_on_a_port_in_use(seed_store_copy):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = subprocess.run([*CLI, "serve", "--store", str(seed_store_copy), "--port", str(port),
                              "--workers", "1"], capture_output=True, text=True, timeout=60)
    assert one_line_error(out) == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"
    assert out.stdout == ""


@pytest.mark.parametrize("command", [["export", "--format", "turtle"], ["viz"]])
def test_output_into_a_missing_folder(seed_store_copy, tmp_path, command):
    target = tmp_path / "missing" / "out.file"
    out = subprocess.run([*CLI, *command, "--store", str(seed_store_copy), "--out", str(target)],
                         capture_output=True, text=True, timeout=120)
    line = one_line_error(out)
    assert line == f"Error: {target}: the folder {target.parent} does not exist (create it first)"
    assert not target.parent.exists()


def test_unwritable_store_keeps_what_it_holds(seed_store_dir):
    """A store the user may not write to: ingest says so in one line and changes nothing."""
    folder = Path(tempfile.mkdtemp(prefix="defgraph-ro-"))
    try:
        store = folder / "store"
        shutil.copytree(seed_store_dir, store)
        before = sorted((p.name, p.stat().st_size) for p in store.iterdir())
        for p in [store, *store.iterdir()]:
            p.chmod(0o555 if p.is_dir() else 0o444)
        folder.chmod(0o755)
        as_user: list[str] = []
        if os.geteuid() == 0:   # root writes anywhere: run the command as nobody
            if not shutil.which("setpriv"):
                pytest.skip("running as root without setpriv to drop privileges")
            as_user = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        out = subprocess.run([*as_user, *CLI, "ingest", str(SEEDS), "--store", str(store)],
                             capture_output=True, text=True, timeout=120)
        line = one_line_error(out)
        assert line.startswith(f"Error: {store}: cannot open the store for writing (") and "ermission denied" in line
        assert sorted((p.name, p.stat().st_size) for p in store.iterdir()) == before
    finally:
        for p in folder.rglob("*"):
            p.chmod(0o755)
        shutil.rmtree(folder)
