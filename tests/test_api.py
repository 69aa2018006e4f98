"""The notebook API: `defgraph.open` → ingest, query (rows, pandas), graph (networkx) and viz."""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import networkx as nx
import pytest

import defgraph
from defgraph.queries import QueryError

from .conftest import SEEDS


def test_package_front_door():
    assert {"open", "KnowledgeGraph", "Rows"} <= set(defgraph.__all__)
    assert all(hasattr(defgraph, name) for name in defgraph.__all__)


def test_open_ingest_query_graph_viz(tmp_path):
    with defgraph.open(tmp_path / "store") as kg:
        summary = kg.ingest([SEEDS])
        assert summary.articles == 1 and not summary.skipped
        persons = kg.query("persons")
        assert len(persons) > 0 and persons.variables == ["name", "role", "country", "organization"]
        frame = persons.to_pandas()
        assert list(frame.columns) == persons.variables and len(frame) == len(persons)
        assert frame.iloc[0].to_dict() == persons[0]
        triples = kg.query("CONSTRUCT { ?c a dg:Country } WHERE { ?c a dg:Country }")
        assert triples.variables == ["subject", "predicate", "object"] and len(triples) > 0
        assert kg.query("ASK { ?c a dg:Country }") is True
        G = kg.graph(types=["Country"])
        assert isinstance(G, nx.MultiDiGraph)
        assert {d["family"] for _, d in G.nodes(data=True)} == {"Country"}
        assert G.number_of_nodes() == len(triples)
        chosen = kg.graph(query="transfers")
        assert chosen.number_of_edges() > 0
        written = kg.viz(tmp_path / "g.graphml", query="transfers")
        assert nx.read_graphml(tmp_path / "g.graphml").number_of_nodes() == written.number_of_nodes() \
            == chosen.number_of_nodes()
        with pytest.raises(QueryError, match="no query named 'persns'; did you mean 'persons'"):
            kg.query("persns")
    with defgraph.open(tmp_path / "store", read_only=True) as again:    # what was ingested stays
        assert len(again.query("persons")) == len(persons)


def test_to_pandas_without_pandas_is_a_clear_error(tmp_path, monkeypatch):
    with defgraph.open(tmp_path / "store") as kg:
        rows = kg.query("SELECT ?x WHERE { ?x a dg:Country }")
    monkeypatch.setitem(sys.modules, "pandas", None)     # what `import pandas` meets when not installed
    with pytest.raises(ImportError, match=r"needs pandas, which is not installed: pip install 'defgraph\[pandas\]'"):
        rows.to_pandas()


def test_readme_notebook_example_runs(tmp_path, monkeypatch):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(import defgraph\n(?:(?!```).)*?)```", readme, re.S).group(1)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)
    exec(compile(example, "README.md", "exec"), {})
    assert nx.read_gexf(tmp_path / "transfers.gexf").number_of_edges() > 0
    with defgraph.open("defgraph-store", read_only=True) as kg:
        assert len(kg.query("transfers")) > 0
