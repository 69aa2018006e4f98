"""The immutable snapshots of a served store that query workers read, and telling when to take one.

A snapshot is a RocksDB checkpoint (hard links, made in milliseconds) in a folder beside the
store. A live server holds an exclusive flock on its folder's lock file, so folders that no
live server holds are left over from a killed one and are removed at the next start.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import struct
import tempfile
import threading
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

log = logging.getLogger(__name__)

LOCK_FILE = "owner.lock"
STALE_UNLOCKED_SECONDS = 60


def snapshot_prefix(store_path: Path) -> str:
    """The name that the snapshot folders of a store begin with (beside the store)."""
    return f".{store_path.name}-snapshots-"


def remove_stale_snapshots(store_path: Path) -> list[Path]:
    """Remove the snapshot folders beside a store that no live server holds; the folders removed.

    A server holds an exclusive flock on its folder's lock file for as long as it runs; the
    kernel drops it when the process ends, however it ends, so an unlockable folder is live.
    """
    removed = []
    parent = store_path.resolve().parent
    for folder in parent.glob(snapshot_prefix(store_path) + "*"):
        lock = folder / LOCK_FILE
        try:
            fd = os.open(lock, os.O_RDWR)
        except FileNotFoundError:         # being created this instant, or from an older version
            if time.time() - folder.stat().st_mtime < STALE_UNLOCKED_SECONDS:
                continue
            fd = None
        except OSError:
            continue
        try:
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            continue                      # a live server's
        finally:
            if fd is not None:
                os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    if removed:
        log.info("removed %d stale snapshot folder(s) beside %s", len(removed), store_path)
    return removed


def writer_holds(store_path: Path) -> bool:
    """Whether another process has the store open for writing (holds RocksDB's LOCK file).

    Asks the kernel who holds the lock (F_GETLK) without taking it, so a `defgraph ingest`
    starting at this instant is never refused."""
    try:
        fd = os.open(store_path / "LOCK", os.O_RDONLY)
    except OSError:
        return False
    try:
        probe = struct.pack("hhqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, 0, 0, 0)
        answer = fcntl.fcntl(fd, fcntl.F_GETLK, probe)
        return struct.unpack("hhqqixxxx", answer)[0] != fcntl.F_UNLCK
    except OSError:
        return False
    finally:
        os.close(fd)


def folder_signature(store_path: Path) -> tuple:
    """What changes whenever a process writes to the store: its files' names, sizes and times."""
    try:
        entries = sorted(os.scandir(store_path), key=lambda e: e.name)
        return tuple((e.name, e.stat().st_size, e.stat().st_mtime_ns) for e in entries if e.name != "LOCK")
    except OSError:
        return ()


class Snapshots:
    """The snapshot folders of one server: where the next goes, which is current, which are in use."""

    KEEP = 8  # older snapshots may still serve a query that started before a write

    def __init__(self, store_path: Path) -> None:
        self.store_path = store_path
        remove_stale_snapshots(store_path)
        # beside the store, on the same file system, so that a checkpoint is hard links
        self.root = Path(tempfile.mkdtemp(prefix=snapshot_prefix(store_path), dir=store_path.resolve().parent))
        self._lock_fd: int | None = os.open(self.root / LOCK_FILE, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
        self._kept: list[Path] = []
        self._pins: Counter[Path] = Counter()
        self._count = 0
        self._mutex = threading.Lock()

    def next_target(self) -> Path:
        """A new folder name for the next snapshot (not yet existing)."""
        with self._mutex:
            self._count += 1
            return self.root / f"s{self._count}"

    def add(self, path: Path) -> None:
        """Record a snapshot just written as the newest; remove the oldest beyond KEEP not in use."""
        with self._mutex:
            self._kept.append(path)
            old = [p for p in self._kept[:-self.KEEP] if not self._pins[p]]
            for p in old:
                self._kept.remove(p)
        for p in old:
            shutil.rmtree(p, ignore_errors=True)

    def discard(self, path: Path) -> None:
        """Remove a snapshot folder that was never added (a failed or abandoned checkpoint)."""
        shutil.rmtree(path, ignore_errors=True)

    @contextmanager
    def pinned(self, path: str | Path) -> Iterator[Path]:
        """Keep a snapshot from removal while the block runs (a dump streaming from it)."""
        path = Path(path)
        with self._mutex:
            self._pins[path] += 1
        try:
            yield path
        finally:
            with self._mutex:
                self._pins[path] -= 1

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


class Refresher:
    """A read-only server's watch on its store folder: once a `defgraph ingest` (or any writer)
    has changed the store and let go of it, a new snapshot is taken and served."""

    def __init__(self, store_path: Path, snapshots: Snapshots, serve: Callable[[str], None],
                 every: float) -> None:
        self.store_path = store_path
        self._snapshots = snapshots
        self._serve = serve
        self._every = every
        self._seen = folder_signature(store_path)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True, name="defgraph-refresh")

    def start(self) -> None:
        self._thread.start()

    def _loop(self) -> None:
        while not self._stop.wait(self._every):
            try:
                self.check()
            except Exception:  # noqa: BLE001 - the watch must outlive one bad look at the folder
                log.exception("cannot refresh the served snapshot")

    def check(self) -> bool:
        """Serve a new snapshot if the store changed and nobody writes it now; whether one was taken."""
        signature = folder_signature(self.store_path)
        if signature == self._seen or writer_holds(self.store_path):
            return False
        from ..store import OxigraphStore

        target = self._snapshots.next_target()
        try:
            live = OxigraphStore(self.store_path, read_only=True)
            try:
                live.snapshot(target)
            finally:
                live.close()
            OxigraphStore(target, read_only=True).close()      # it opens: serve it
        except (OSError, RuntimeError, ValueError) as exc:
            log.warning("cannot snapshot %s yet: %s", self.store_path, exc)
            self._snapshots.discard(target)
            return False
        self._seen = signature
        self._snapshots.add(target)
        self._serve(str(target))
        log.info("serving the store as it is now (%s)", target.name)
        return True

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
