"""A real Oxigraph server (`oxigraph serve`, from the `oxigraph` package on PyPI) on loopback,
as the remote store of the tests: started, killed with a signal and started again on its folder."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests


def oxigraph_binary() -> str:
    """The `oxigraph` command of this environment (pip install oxigraph, in the test extras)."""
    here = Path(sys.executable).parent / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        pytest.fail("the oxigraph server is missing: pip install oxigraph (in defgraph's test extras)")
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoopbackServer:
    """A server process on loopback that a test starts, stops (or kills) and starts again."""

    process: subprocess.Popen | None = None

    def start(self) -> "LoopbackServer":
        raise NotImplementedError

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class OxigraphServer(LoopbackServer):
    """`oxigraph serve` on a folder and a loopback port (defgraph asks for the union default graph
    with each query, so that updates with USING work too)."""

    def __init__(self, location: Path, port: int | None = None) -> None:
        self.location = location
        self.port = port or free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        """Its query endpoint, as given to --store."""
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> "OxigraphServer":
        self.process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(self.location), "--bind", f"127.0.0.1:{self.port}",
            ], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with status {self.process.returncode}")
            try:
                requests.post(self.url, data="ASK {}", headers={"Content-Type": "application/sparql-query"},
                              timeout=2)
                return self
            except requests.ConnectionError:
                time.sleep(0.05)
        raise RuntimeError("oxigraph serve did not answer within 30 s")

    def kill(self) -> None:
        """SIGKILL: no chance to finish a request or flush anything."""
        assert self.process is not None
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()



VIRTUOSO = "/usr/bin/virtuoso-t"
VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")


class VirtuosoServer(LoopbackServer):
    """Debian's Virtuoso (virtuoso-opensource-7) on a fresh folder and loopback ports, user dba:dba."""

    def __init__(self, folder: Path) -> None:
        if not Path(VIRTUOSO).exists():
            pytest.fail(f"{VIRTUOSO} is missing: apt-get install virtuoso-opensource-7 (.ci/run does)")
        self.folder = folder
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/sparql"

    def start(self) -> "VirtuosoServer":
        self.folder.mkdir(parents=True, exist_ok=True)
        ini = VIRTUOSO_INI.read_text(encoding="utf-8")
        ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{self.folder}/")
        ini = ini.replace("ServerPort               = 1111", f"ServerPort               = 127.0.0.1:{free_port()}")
        ini = ini.replace("ServerPort                  = 8890", f"ServerPort                  = 127.0.0.1:{self.port}")
        (self.folder / "virtuoso.ini").write_text(ini, encoding="utf-8")
        self.process = subprocess.Popen([VIRTUOSO, "+foreground", "+configfile", str(self.folder / "virtuoso.ini")],
                                        cwd=self.folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with status {self.process.returncode}")
            try:
                if requests.post(self.url, data={"query": "ASK {}"}, timeout=5).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise RuntimeError("Virtuoso did not answer within 180 s")
