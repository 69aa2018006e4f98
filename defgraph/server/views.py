"""Graph views kept beside a served store, under the content of the snapshot they were drawn
from, and drawn ahead of the first request whenever a new snapshot is served.

Reading a large store for the graph takes seconds (2,000 articles: ~10 s), so the server keeps
what it drew in a folder beside the store (`.NAME-views`): the store's graph (JSON) and the
last pages drawn, under a key made from the snapshot's files. A snapshot never changes, and a
RocksDB checkpoint's table files (numbered, never rewritten) and write-ahead logs say what it
holds, so a view kept under a key is exactly that content's; a restart on an unchanged store
finds it, and any write gives a new key. The key also covers defgraph's own code, so that an
upgrade draws anew.

When the query workers are pointed at a new snapshot (start, a write, a finished ingest), a
process of its own draws the whole graph and the default page from it (the warm-up); a request
that needs them waits for it instead of drawing the same in a query worker, unless a page drawn
from an earlier content is kept: that one is shown meanwhile, marked as such (graph.py).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import threading
import time
import zlib
from contextlib import nullcontext
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path
from typing import Callable, ContextManager

from ..store import META_FILE
from .executor import Task
from .pool import PoolExecutor, Stopped, _Worker, await_answer

log = logging.getLogger(__name__)

KEYS_KEPT = 2            # store contents whose views are kept (the newest used)
FILES_KEPT = 10          # files kept per content: its graphs and the last pages drawn
WARM_SECONDS = 600       # the most a warm-up may take


def views_folder(store_path: Path) -> Path:
    """Where the views of a store are kept: a folder beside it."""
    store_path = store_path.resolve()
    return store_path.parent / f".{store_path.name}-views"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of defgraph's code and ontology and of the libraries that draw: a view kept by
    other code is not used."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(" ".join(version(lib) for lib in ("networkx", "pyoxigraph", "pyvis")).encode())
    files = [*root.rglob("*.py"), *root.rglob("*.ttl"), *(root / "viz" / "assets").glob("view.*")]
    for path in sorted(files):
        h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def content_key(folder: Path) -> str | None:
    """What identifies the content of a snapshot folder: its table files (name, size, time),
    its write-ahead logs (name, size) and defgraph's metadata, with the code's fingerprint.
    None when the folder cannot be read."""
    files = []
    try:
        for entry in os.scandir(folder):
            stat = entry.stat()
            if entry.name.endswith(".sst"):
                files.append((entry.name, stat.st_size, stat.st_mtime_ns))
            elif entry.name.endswith(".log"):
                files.append((entry.name, stat.st_size, 0))
        meta = (folder / META_FILE).read_bytes() if (folder / META_FILE).exists() else b""
    except OSError:
        return None
    h = hashlib.sha256(code_fingerprint().encode())
    h.update(repr(sorted(files)).encode())
    h.update(meta)
    return h.hexdigest()[:32]


def _folder_bytes(folder: Path) -> int:
    """What the files of a folder take (0 when it cannot be read)."""
    try:
        return sum(e.stat().st_size for e in os.scandir(folder) if e.is_file())
    except OSError:
        return 0


class ViewCache:
    """Files kept in a folder under a content key: what was drawn from that content."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _folder(self, key: str) -> Path:
        return self.root / key

    def has(self, key: str, name: str) -> bool:
        """Whether a file is kept under `key`."""
        return (self._folder(key) / name).is_file()

    def get(self, key: str, name: str) -> bytes | None:
        """The file kept under `key`, or None."""
        path = self._folder(key) / name
        try:
            data = zlib.decompress(path.read_bytes())
            now = time.time()
            os.utime(path, (now, now))               # the last used are kept
            os.utime(path.parent, (now, now))
            return data
        except (OSError, zlib.error):
            return None

    def earlier(self, key: str, name: str) -> list[bytes]:
        """The file as kept under every key but `key` (drawn from other contents), not marked used."""
        out = []
        try:
            folders = [p for p in self.root.iterdir() if p.is_dir() and p.name != key]
        except OSError:
            return out
        for folder in folders:
            try:
                out.append(zlib.decompress((folder / name).read_bytes()))
            except (OSError, zlib.error):
                pass
        return out

    def put(self, key: str, name: str, data: bytes) -> None:
        """Keep a file under `key` (written whole or not at all), and let go of the least
        recently used beyond FILES_KEPT and KEYS_KEPT. A folder that cannot be written is no
        error: the view is drawn again next time."""
        folder = self._folder(key)
        tmp = folder / f".{name}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            self.root.mkdir(mode=0o700, exist_ok=True)
            if self.root.stat().st_uid != os.getuid():
                log.warning("%s belongs to another user: graph views are not kept there", self.root)
                return
            folder.mkdir(exist_ok=True)
            tmp.write_bytes(zlib.compress(data, 1))
            os.replace(tmp, folder / name)
        except OSError as exc:
            log.warning("cannot keep a graph view in %s: %s", self.root, exc)
            tmp.unlink(missing_ok=True)
            return
        self._prune(folder)

    def _prune(self, folder: Path) -> None:
        def newest_first(paths: list[Path]) -> list[Path]:
            def used(p: Path) -> float:
                try:
                    return p.stat().st_mtime
                except OSError:
                    return 0.0
            return sorted(paths, key=used, reverse=True)

        try:
            files = [p for p in folder.iterdir() if not p.name.startswith(".")]
            for old in newest_first(files)[FILES_KEPT:]:
                old.unlink(missing_ok=True)
            keys = [p for p in self.root.iterdir() if p.is_dir() and p != folder]
            for old in newest_first(keys)[KEYS_KEPT - 1:]:
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            log.warning("cannot tidy %s: %s", self.root, exc)


class Warmer:
    """Draws `steps` (tasks) on each snapshot the query workers are pointed at, in a process of
    its own, one snapshot at a time: a newer snapshot abandons the warm-up of an older one."""

    def __init__(self, pool: PoolExecutor, steps: list[Task], memory_cap: int, *, above_bytes: int = 0,
                 pin: Callable[[str], ContextManager] | None = None) -> None:
        """`above_bytes`: only snapshots whose files take more are drawn ahead."""
        self._pool = pool
        self._steps = steps
        self._above = above_bytes
        self._memory_cap = memory_cap
        self._pin = pin
        self._cond = threading.Condition()
        self._wanted: str | None = None      # the newest snapshot announced
        self._progress: dict[str, int] = {}   # snapshot: steps done (len(steps) + 1: given up)
        self._worker: _Worker | None = None
        self._worker_path: str | None = None
        self._thread: threading.Thread | None = None
        self._closed = False

    def warm(self, path: str) -> None:
        """Draw the steps on this snapshot (the workers read it from now on)."""
        small = _folder_bytes(Path(path)) <= self._above
        with self._cond:
            if self._closed:
                return
            self._wanted = path
            self._progress = {p: n for p, n in self._progress.items() if p == path}
            self._progress.setdefault(path, len(self._steps) + 1 if small else 0)
            if self._worker is not None and self._worker_path != path:   # an older one: abandon it
                self._worker.process.kill()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, daemon=True, name="defgraph-warm")
                self._thread.start()
            self._cond.notify_all()

    def wait(self, step: int, seconds: float) -> bool:
        """Wait while the warm-up of the newest snapshot has not finished `step` (an index of
        steps; it is then kept for any worker); False when `seconds` pass first."""
        deadline = time.monotonic() + seconds
        with self._cond:
            path = self._wanted
            while path is not None and self._wanted == path and self._progress.get(path, 0) <= step:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
        return True

    def pending(self, path: str, step: int) -> bool:
        """Whether the warm-up of this snapshot is yet to finish `step` (also when the snapshot
        is so new that the warm-up has not been told of it)."""
        with self._cond:
            if self._closed:
                return False
            return path != self._wanted or self._progress.get(path, 0) <= step

    def _loop(self) -> None:
        while True:
            with self._cond:
                path = self._wanted
                if self._closed or path is None or self._progress.get(path, 0) >= len(self._steps):
                    self._thread = None
                    return
            self._warm(path)

    def _warm(self, path: str) -> None:
        start = time.monotonic()
        worker = _Worker(self._pool.context, offline=True, name="defgraph-warm")
        with self._cond:
            if self._closed or self._wanted != path:
                worker.stop(kill=True)
                return
            self._worker, self._worker_path = worker, path
        done = 0
        try:
            with self._pin(path) if self._pin else nullcontext():
                for i, step in enumerate(self._steps):
                    worker.conn.send((step, 0, path))
                    outcome = await_answer(worker, WARM_SECONDS - (time.monotonic() - start), self._memory_cap)
                    if outcome.status >= 400:
                        log.warning("the warm-up of the graph page failed: %s", outcome.message)
                        break
                    done = i + 1
                    self._advance(path, done)
            if done == len(self._steps):
                log.info("graph page drawn ahead for %s in %.1f s", Path(path).name, time.monotonic() - start)
        except (Stopped, EOFError, OSError) as exc:
            if self._wanted == path and not self._closed:
                log.warning("the warm-up of the graph page stopped: %s", exc)
        finally:
            with self._cond:
                self._worker = self._worker_path = None
            worker.stop(kill=True)
            if done < len(self._steps):
                self._advance(path, len(self._steps) + 1)       # given up: requests draw it themselves

    def _advance(self, path: str, done: int) -> None:
        with self._cond:
            if path in self._progress:
                self._progress[path] = max(self._progress[path], done)
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._wanted = None
            if self._worker is not None:
                self._worker.process.kill()
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=10)
