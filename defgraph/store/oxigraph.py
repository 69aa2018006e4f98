"""The embedded Oxigraph store in a folder: opening it, reading it, keeping it (`OxigraphStore`, `open_store`)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Iterable

import pyoxigraph as ox

from ..deals import DealIndex
from ..deals.inputs import DealInputs
from ..formats import DATASET_FORMATS, RDF_FORMATS
from ..namespaces import DEFAULT_BASE_IRI, PREFIXES
from ..results import Results
from ..sparql_policy import check as check_fetches
from .articles import ArticleWrites
from .base import StoreError
from .checks import check_base_iri
from .writes import GraphWrites

DEFAULT_STORE_DIR = "defgraph-store"
META_FILE = "defgraph.json"


def default_location() -> str:
    """The store folder: `DEFGRAPH_STORE`, else `./defgraph-store`."""
    return os.environ.get("DEFGRAPH_STORE") or DEFAULT_STORE_DIR


class _Released:
    """Stands for the engine's handle of a store another process holds (see OxigraphStore.release)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    def __getattr__(self, name: str) -> object:
        raise StoreError(f"{self.path}: the store is closed, or held by another process")


class OxigraphStore(ArticleWrites, GraphWrites):
    """An Oxigraph store in a folder (or in memory when `path` is None)."""

    row_limit: int | None = None       # the embedded store answers every row

    def __init__(self, path: str | os.PathLike | None = None, *, base_iri: str | None = None,
                 read_only: bool = False, merge_events: bool = True) -> None:
        """`merge_events=False` leaves the deals graph alone (only to measure what merging costs:
        the store is then incomplete)."""
        self.path = Path(path) if path is not None else None
        self.read_only = read_only
        meta = self._read_meta()
        if base_iri is not None:
            check_base_iri(base_iri)            # before anything is opened or saved
        self.base_iri = base_iri or meta.get("base_iri") or DEFAULT_BASE_IRI
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no defgraph store here (run `defgraph ingest` first)")
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as exc:
            if not read_only and "LOCK" in str(exc):
                raise StoreError(f"{self.path}: another process has the store open for writing (a running "
                                 "`defgraph ingest`, or `defgraph serve --allow-update`, which takes "
                                 "writes over HTTP); wait for it to end or stop it") from None
            how = "" if read_only else " for writing"
            raise StoreError(f"{self.path}: cannot open the store{how} ({exc})") from None
        self._deals = DealIndex(self.base_iri, enabled=merge_events)
        self._inputs = DealInputs(self._deals.minter)
        if self.path is not None and not read_only:
            if meta.get("base_iri") and base_iri and meta["base_iri"] != base_iri:
                raise StoreError(f"{self.path}: store was built with base IRI {meta['base_iri']}, "
                                 f"not {base_iri}; use another --store")
            try:
                self._write_meta({"base_iri": self.base_iri})
            except OSError as exc:
                del self._store
                raise StoreError(f"{self.path}: cannot open the store for writing ({exc})") from None
            self.repair()

    # metadata -----------------------------------------------------------
    def _read_meta(self) -> dict:
        if self.path is None:
            return {}
        try:
            return json.loads((self.path / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def _write_meta(self, meta: dict) -> None:
        assert self.path is not None
        (self.path / META_FILE).write_text(json.dumps(meta, indent=1), encoding="utf-8")

    # reading ------------------------------------------------------------
    def query(self, query: str, *, union: bool = True, allowed_services: Iterable[str] = (),
              **dataset: object) -> object:
        """Run a SPARQL query; the default graph is the union of all graphs unless
        `default_graph`/`named_graphs` say otherwise. Returns Oxigraph's result object.

        A SERVICE to an endpoint not in `allowed_services` raises PolicyError before anything runs."""
        check_fetches(query, update=False, allowed_services=allowed_services,
                      base_iri=dataset.get("base_iri"), prefixes=PREFIXES)
        if dataset.get("default_graph") is not None:
            union = False
        return self._store.query(query, use_default_graph_as_union=union, prefixes=PREFIXES,
                                 **{k: v for k, v in dataset.items() if v is not None})

    def select(self, query: str) -> Results:
        """The answer of a SELECT query (rows as plain strings, None for unbound), truncated when
        it has as many rows as the store answers at most."""
        result = self.query(query)
        if not isinstance(result, ox.QuerySolutions):
            raise StoreError("not a SELECT query")
        return Results.of(result, row_limit=self.row_limit)

    def ask(self, query: str) -> bool:
        return bool(self.query(query))

    def dump(self, fmt: str, graph: str | None = None) -> bytes:
        """Serialise the whole store (dataset formats) or one graph."""
        if fmt not in RDF_FORMATS:
            raise StoreError(f"unknown format {fmt!r}; one of {', '.join(RDF_FORMATS)}")
        if graph is not None:
            return self._store.dump(format=RDF_FORMATS[fmt], from_graph=ox.NamedNode(graph),
                                    prefixes=PREFIXES if fmt in {"turtle", "trig"} else None)
        if fmt in DATASET_FORMATS:
            return self._store.dump(format=RDF_FORMATS[fmt],
                                    prefixes=PREFIXES if fmt == "trig" else None)
        # graph formats: the union of all graphs, as a set of triples
        triples = self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
                                    use_default_graph_as_union=True)
        return ox.serialize(triples, format=RDF_FORMATS[fmt],
                            prefixes=PREFIXES if fmt == "turtle" else None)

    def count(self, graph: str | None = None) -> int:
        """Number of quads in the store, or of triples in one graph."""
        if graph is None:
            return len(self._store)
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterable[ox.Quad]:
        return self._store.quads_for_pattern(None, None, None,
                                             ox.NamedNode(graph) if graph else None)

    def snapshot(self, target: str | os.PathLike) -> None:
        """Write a consistent, read-only-openable copy of the store to a new folder (hard links
        where possible), which later writes and compactions of this store leave untouched."""
        if self.path is None:
            raise StoreError("an in-memory store has no on-disk snapshot")
        self.flush()
        self._store.backup(str(target))
        if (self.path / META_FILE).exists():      # the base IRI, which the snapshot's readers need
            shutil.copyfile(self.path / META_FILE, Path(target) / META_FILE)

    def flush(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()

    def release(self) -> None:
        """Close the engine's handle (and its lock on the folder) so that another process can
        open the store for writing; `reacquire` opens it again."""
        self.flush()
        self._store = _Released(self.path)

    def reacquire(self) -> None:
        """Open the store again after `release`."""
        if isinstance(self._store, _Released):
            self._store = ox.Store.read_only(str(self.path)) if self.read_only else ox.Store(str(self.path))

    def close(self) -> None:
        if isinstance(self._store, _Released):
            return
        self.flush()
        self._store = _Released(self.path)

    def __enter__(self) -> "OxigraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(location: str | None = None, *, read_only: bool = False,
               base_iri: str | None = None) -> OxigraphStore:
    """Open the store at `location` (default: `default_location()`)."""
    return OxigraphStore(location or default_location(), read_only=read_only, base_iri=base_iri)
