"""The synthetic article generator: deterministic, varied, readable back, and true to its truth."""

from __future__ import annotations

import re

import pytest

from bench.generate import (format_dated_text, generate_articles, generate_with_truth, iter_articles,
                            main, write_articles)
from defgraph.articles import Article, read_file
from defgraph.extract import extract


def test_same_seed_same_articles_and_prefix_stable():
    a = generate_articles(30, seed=5)
    assert a == generate_articles(30, seed=5)
    assert generate_articles(10, seed=5) == a[:10]
    assert list(iter_articles(30, seed=5)) == a
    assert [x.id for x in generate_articles(30, seed=6)] != [x.id for x in a]


def test_articles_are_varied_and_in_the_genre():
    pairs = generate_with_truth(200, seed=1)
    articles = [a for a, _ in pairs]
    assert len({a.id for a in articles}) == 200
    assert len({a.title for a in articles}) > 100
    words = sorted(len(a.text.split()) for a in articles)
    assert 200 <= words[len(words) // 2] <= 400
    persons = {p[0] for _, t in pairs for p in t.persons}
    countries = {p[2] for _, t in pairs for p in t.persons}
    equipment = {tr[2] for _, t in pairs for tr in t.transfers}
    assert len(persons) > 300 and len(countries) > 15 and len(equipment) > 150
    assert {tr[3] for _, t in pairs for tr in t.transfers} == {"delivered", "pledged", "ordered", "discussed"}
    assert {k for _, t in pairs for _, k in t.agreements} == {"memorandum", "contract", "agreement"}
    texts = " ".join(a.text for a in articles)
    assert "defence" in texts and "defense" in texts
    assert re.search(r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) \w", texts)
    assert all('"' in a.body for a in articles)  # quotes in every story
    for a in articles:
        assert a.published is not None and 2022 <= a.published.year <= 2026


@pytest.mark.parametrize("target", ["folder", "articles.jsonl"])
def test_written_articles_parse_back(tmp_path, target):
    articles = generate_articles(12, seed=3)
    out = tmp_path / target
    paths = write_articles(articles, out)
    read = [item for p in paths for item in read_file(p)]
    assert all(isinstance(item, Article) for item in read), read
    assert [(r.id, r.title, r.body, r.published) for r in read] == \
        [(a.id, a.title, a.body, a.published) for a in articles]


def test_dated_text_is_the_seed_format():
    text = format_dated_text(generate_articles(1, seed=0)[0])
    lines = text.split("\n")
    assert re.fullmatch(r"\d\d:\d\d \d\d\.\d\d\.\d{4}", lines[0])
    assert lines[1] == "" and lines[2] and lines[3] == ""


def test_cli_writes_jsonl(tmp_path):
    out = tmp_path / "a.jsonl"
    assert main(["7", "--seed", "2", "--out", str(out)]) == 0
    assert [a.id for a in read_file(out)] == [a.id for a in generate_articles(7, seed=2)]


def _names(facts, keys):
    return [facts.entities[k].name if k in facts.entities else k for k in keys]


def _class_name(name):
    """'Gotland-class submarine' and 'Gotland-class' name one system (news writes both)."""
    return name.split(" ")[0] if "-class" in name else name


def test_extraction_finds_the_meetings_and_transfers_put_in():
    """Every meeting, and the delivered/pledged/ordered transfers (all but a few), are found.

    Transfers phrased as 'discussed the possible supply of ... from X to Y' and trainings
    phrased 'Instructors from X trained N ...' are not yet found by the extractor (reported to
    the lead); they are counted here but not required."""
    meetings_found = meetings = 0
    firm_found = firm = 0
    for article, truth in generate_with_truth(15, seed=11):
        facts = extract(article)
        found_meetings = {frozenset(_names(facts, e.participants)) for e in facts.events if e.cls == "Meeting"}
        found_transfers = {(s, r, q, e.status) for e in facts.events if e.cls == "Transfer"
                           for s, r in [_names(facts, [e.supplier, e.recipient])]
                           for q in _names(facts, e.equipment)}
        meetings += len(truth.meetings)
        meetings_found += sum(m in found_meetings for m in truth.meetings)
        found_transfers = {(s, r, _class_name(q), st) for s, r, q, st in found_transfers}
        for t in truth.transfers:
            t = (t[0], t[1], _class_name(t[2]), t[3])
            if t[3] != "discussed":
                firm += 1
                firm_found += t in found_transfers
        found_people = {e.name for e in facts.entities.values() if e.family == "Person"}
        assert {p[0] for p in truth.persons} <= found_people
    assert meetings == 15 and meetings_found == meetings
    assert firm >= 15 and firm_found >= 0.9 * firm, (firm_found, firm)
