"""The eight competency queries answer the seed article's gold exactly."""

import json

import pytest

from defgraph.canonical import canonical_role
from defgraph.evaluate import CATEGORY_TO_GOLD, KIND_TO_GOLD, norm
from defgraph.resources import competency_queries

from .conftest import CORPUS

GOLD = json.loads((CORPUS / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rows(seed_store_dir):
    from defgraph.store import OxigraphStore

    store = OxigraphStore(seed_store_dir, read_only=True)
    out = {name: store.select(q) for name, q in competency_queries().items()}
    store.close()
    return out


def n(x):
    return norm(x) if x is not None else None


def test_persons(rows):
    got = {(n(r["name"]), n(r["role"]), n(r["country"]), n(r["organization"])) for r in rows["persons"]}
    # a role has one spelling in the graph ("Defense"/"Defence" are one role): the gold's, spelt so
    want = {(n(p["name"]), n(canonical_role(p["role"] or "") or None), n(p["country"]), n(p["organization"]))
            for p in GOLD["persons"]}
    assert got == want
    assert len(rows["persons"]) == len(GOLD["persons"])


def test_organizations(rows):
    got = {(n(r["name"]), KIND_TO_GOLD.get(r["kind"], r["kind"]), n(r["country"])) for r in rows["organizations"]}
    want = {(n(o["name"]), o["kind"], n(o["country"])) for o in GOLD["organizations"]}
    assert got == want
    assert len(rows["organizations"]) == len(GOLD["organizations"])


def test_countries(rows):
    assert sorted(r["name"] for r in rows["countries"]) == sorted(GOLD["countries"])
    assert {r["name"]: r["code"] for r in rows["countries"]} == {
        "Ukraine": "UA", "France": "FR", "Russia": "RU", "Poland": "PL"}


def test_equipment(rows):
    got = sorted((r["name"], CATEGORY_TO_GOLD.get(r["category"], r["category"])) for r in rows["equipment"])
    assert got == sorted((e["name"], e["category"]) for e in GOLD["equipment"])


def test_transfers(rows):
    got = sorted((r["supplier"], r["recipient"], r["equipment"], r["status"]) for r in rows["transfers"])
    assert got == sorted((t["supplier"], t["recipient"], t["equipment"], t["status"]) for t in GOLD["transfers"])


def test_meetings(rows):
    groups = {}
    for r in rows["meetings"]:
        groups.setdefault(r["meeting"], set()).add(r["participant"])
    assert sorted(map(sorted, groups.values())) == sorted(sorted(m["participants"]) for m in GOLD["meetings"])


def test_agreements(rows):
    groups = {}
    for r in rows["agreements"]:
        groups.setdefault((r["agreement"], r["kind"], r["date"]), set()).add(r["party"])
    got = sorted((k[1], sorted(v), k[2]) for k, v in groups.items())
    assert got == sorted((a["kind"], sorted(a["parties"]), a["date"]) for a in GOLD["agreements"])


def test_trainings(rows):
    got = sorted((r["provider"], r["trainee"], int(r["count"]) if r["count"] else None) for r in rows["trainings"])
    assert got == sorted((t["provider"], t["trainee"], t["count"]) for t in GOLD["trainings"])


def test_unknown_values_are_unbound(rows):
    lecornu = [r for r in rows["persons"] if "Lecornu" in r["name"]]
    assert lecornu and lecornu[0]["organization"] is None
