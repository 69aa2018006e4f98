"""One count for one thing: the ingest summary, `defgraph stats` and the graph legend agree."""

from __future__ import annotations

import re

from click.testing import CliRunner

from defgraph.cli import main
from defgraph.stats import GAZETTEER_ONLY, NAMED, count_entities

from .conftest import CORPUS


def _labelled(lines: list[str], label: str) -> dict[str, int]:
    """'label: A 1, B 2' → {A: 1, B: 2}."""
    line = next(x for x in lines if x.startswith(label + ":"))
    rest = line[len(label) + 1:].strip()
    return {} if rest == "none" else {k: int(v) for k, v in (p.rsplit(" ", 1) for p in rest.split(", "))}


def _stats_sections(text: str) -> dict[str, dict[str, int]]:
    sections: dict[str, dict[str, int]] = {}
    for line in text.splitlines():
        if not line.startswith(" "):
            current = sections.setdefault(line.rstrip(":"), {})
        else:
            name, n = line.strip().rsplit(None, 1)
            current[name] = int(n)
    return sections


def _legend(html: str) -> tuple[dict[str, int], dict[str, int]]:
    named, gazetteer = {}, {}
    for cls, n, g in re.findall(r'data-cls="(\w+)">.*?<span class="dg-n" title="named in articles">(\d+)</span>'
                                r'(?: \+ <span class="dg-gaz" title="known only from the gazetteer">(\d+)</span>)?'
                                r"</label>", html):
        named[cls] = int(n)
        if g:
            gazetteer[cls] = int(g)
    return named, gazetteer


def test_ingest_stats_and_legend_count_alike(tmp_path):
    store = str(tmp_path / "store")
    runner = CliRunner()
    ingest = runner.invoke(main, ["ingest", str(CORPUS / "dev"), "--store", store])
    assert ingest.exit_code == 0, ingest.output
    lines = ingest.stdout.splitlines()
    summary_named, summary_gaz = _labelled(lines, NAMED), _labelled(lines, GAZETTEER_ONLY)
    stats = runner.invoke(main, ["stats", "--store", store])
    assert stats.exit_code == 0, stats.output
    sections = _stats_sections(stats.stdout)
    out = tmp_path / "graph.html"
    viz = runner.invoke(main, ["viz", "--store", store, "--out", str(out)])
    assert viz.exit_code == 0, viz.output
    legend_named, legend_gaz = _legend(out.read_text(encoding="utf-8"))

    assert summary_named["Company"] > 10 and summary_gaz["Company"] > 0 and summary_named["Person"] > 10
    assert summary_named == sections[NAMED] == legend_named
    assert summary_gaz == sections[GAZETTEER_ONLY] == legend_gaz
    # the events of the summary are the events of stats
    assert _labelled(lines, "events") == sections["events"]
    # classes above the most specific (inferred) are not counted again
    assert "Agency" not in sections[NAMED] and "Actor" not in sections[NAMED]


def test_an_entity_counts_once_under_its_most_specific_class():
    counts = count_entities([("x", "Company", False), ("x", "Company", True), ("x", "Agency", True),
                             ("y", "Ministry", False), ("z", "Person", True), ("z", "Person", True)])
    assert counts.named == {"Company": 1, "Person": 1}
    assert counts.gazetteer_only == {"Ministry": 1}
    assert counts.lines() == [f"{NAMED}: Company 1, Person 1", f"{GAZETTEER_ONLY}: Ministry 1"]
