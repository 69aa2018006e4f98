"""Scoring deals across articles: a story-line folder (articles + deals.json) is ingested into a
fresh store and deals.rq, deal-history.rq, conflicts.rq and meetings.rq are scored against it."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .articles import ArticleError
from .deals import STAGE
from .ingest import ingest_paths
from .names import fold, squash
from .resources import query_file
from .store import OxigraphStore

GOLD_FILE = "deals.json"
NAMES_QUERY = """SELECT ?label ?alt WHERE { ?e rdfs:label ?label . OPTIONAL { ?e skos:altLabel ?alt } }"""
# a maker's state: a gold supplier may name the company that sells, defgraph records its state
# a company's state; for a company of several states (none given), the states its systems or its
# subsidiaries come from (a group's Swiss subsidiary builds what the group sells)
MAKERS_QUERY = """SELECT DISTINCT ?label ?state WHERE { VALUES ?cls { dg:Company dg:StateEnterprise } ?c a ?cls .
    { ?c dg:agencyCountry/rdfs:label ?state }
    UNION { FILTER NOT EXISTS { ?c dg:agencyCountry [] } ?system dg:manufacturer ?c ; dg:origin/rdfs:label ?state }
    UNION { FILTER NOT EXISTS { ?c dg:agencyCountry [] } ?sub dg:parentAgency ?c ; dg:agencyCountry/rdfs:label ?state }
    { ?c rdfs:label ?label } UNION { ?c skos:altLabel ?label } }"""
SOURCES_QUERY = """SELECT ?a ?file WHERE { ?a a dg:Article ; dg:sourceFile ?file }"""


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[^a-z0-9]+", fold(name)) if t]


@dataclass
class DealScore:
    """How the deals of story lines were found; counts, so that folders can be added up."""

    deals: int = 0                 # gold deals
    found: int = 0                 # found as exactly one row
    status_right: int = 0          # of those, with the right furthest stage
    quantities: int = 0            # gold deals that state a quantity
    quantity_right: int = 0        # of those, found with that quantity
    correct: int = 0               # found, right stage, quantity right where stated
    forbidden_pairs: int = 0
    forbidden_merges: int = 0      # pairs that must stay apart found as one row
    conflicts: int = 0
    conflicts_found: int = 0
    extra_conflicts: int = 0       # conflicts reported that the gold does not have
    meetings: int = 0
    meetings_found: int = 0
    log: list[str] = field(default_factory=list)

    def add(self, other: "DealScore") -> None:
        for name in self.__dataclass_fields__:
            if name != "log":
                setattr(self, name, getattr(self, name) + getattr(other, name))
        self.log.extend(other.log)

    def table(self) -> str:
        """The scores as aligned text lines."""
        def pct(n: int, d: int) -> str:
            return f"{n}/{d}" + (f" ({100 * n / d:.0f} %)" if d else "")
        lines = [("deals found as exactly one row", pct(self.found, self.deals)),
                 ("  with the right furthest status", pct(self.status_right, self.found)),
                 ("  quantity right where stated", pct(self.quantity_right, self.quantities)),
                 ("deals right (all three)", pct(self.correct, self.deals)),
                 ("merges of deals that must stay apart", pct(self.forbidden_merges, self.forbidden_pairs)),
                 ("conflicts found", pct(self.conflicts_found, self.conflicts)),
                 ("conflicts reported not in the gold", str(self.extra_conflicts)),
                 ("meetings found as one meeting", pct(self.meetings_found, self.meetings))]
        return "".join(f"{k:<40} {v}\n" for k, v in lines)


class _Names:
    """Every written form of each label in the store, to compare gold names with answers."""

    def __init__(self, store: OxigraphStore) -> None:
        self.forms: dict[str, set[str]] = {}
        for r in store.select(NAMES_QUERY):
            forms = self.forms.setdefault(r["label"], {squash(r["label"])})
            if r["alt"]:
                forms.add(squash(r["alt"]))
        self.makers: dict[str, set[str]] = {}
        for r in store.select(MAKERS_QUERY):
            self.makers.setdefault(squash(r["label"]), set()).add(r["state"])

    def same(self, label: str, gold: str) -> bool:
        return squash(gold) in self.forms.get(label, {squash(label)})

    def supplier(self, label: str, gold: str) -> bool:
        """The same supplier, or the state of the company the gold names."""
        return self.same(label, gold) or label in self.makers.get(squash(gold), ())

    def equipment(self, label: str, gold: str) -> int:
        """2: the same name; 1: one name starts the other (\"K9\", \"K9 Thunder\"); 0: another system."""
        if self.same(label, gold):
            return 2
        g = _tokens(gold)
        for form in {label} | {a for a in self.forms.get(label, ())}:
            t = _tokens(form) if " " in form or "-" in form else [form]
            shorter, longer = sorted((t, g), key=len)
            if shorter and longer[:len(shorter)] == shorter and not _variant(longer[len(shorter):]):
                return 1
        return 0


def _variant(rest: list[str]) -> bool:
    """Whether the tokens that one name adds to another make it a distinct variant ("ER", "A2")."""
    return any(len(t) <= 3 or any(c.isdigit() for c in t) for t in rest)


def score_story_line(folder: str | Path) -> DealScore:
    """Ingest a story-line folder into a fresh store and score deals and meetings against its deals.json."""
    folder = Path(folder)
    gold_path = folder / GOLD_FILE
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ArticleError(str(gold_path), f"cannot read the gold deals ({exc})") from None
    store = OxigraphStore(None)
    try:
        summary = ingest_paths([str(folder)], store)
        if summary.skipped:
            raise ArticleError(summary.skipped[0].source, summary.skipped[0].reason)
        return _score(store, gold, folder.name)
    finally:
        store.close()


def _score(store: OxigraphStore, gold: dict, name: str) -> DealScore:
    names = _Names(store)
    stem = {r["a"]: Path(r["file"]).stem for r in store.select(SOURCES_QUERY)}
    rows = store.select(query_file("deals").read_text(encoding="utf-8"))
    reported: dict[tuple, set[str]] = {}
    for r in store.select(query_file("deal-history").read_text(encoding="utf-8")):
        reported.setdefault((r["supplier"], r["recipient"], r["equipment"]), set()).add(stem.get(r["article"], ""))
    score = DealScore()
    matched: dict[str, list[int]] = {}
    for deal in gold.get("deals", []):
        score.deals += 1
        candidates = []
        for i, r in enumerate(rows):
            fit = names.equipment(r["equipment"], deal["equipment"])
            if fit and names.supplier(r["supplier"], deal["supplier"]) and names.same(r["recipient"], deal["recipient"]) \
                    and reported.get((r["supplier"], r["recipient"], r["equipment"]), set()) & set(deal["articles"]):
                candidates.append((fit, i))
        best = max((f for f, _ in candidates), default=0)
        matched[deal["id"]] = [i for f, i in candidates if f == best]
        _score_deal(deal, [rows[i] for i in matched[deal["id"]]], score, name)
    for a, b in gold.get("must_not_merge", []):
        score.forbidden_pairs += 1
        if set(matched.get(a, [])) & set(matched.get(b, [])):
            score.forbidden_merges += 1
            score.log.append(f"{name}: {a} and {b} merged into one deal")
    _score_conflicts(store, gold, matched, rows, stem, score, name)
    _score_meetings(store, gold, names, score, name)
    return score


def _score_deal(deal: dict, found: list[dict], score: DealScore, name: str) -> None:
    label = f"{name}: {deal['id']} ({deal['supplier']} → {deal['recipient']}: {deal['equipment']})"
    if deal.get("quantity") is not None:
        score.quantities += 1
    if len(found) != 1:
        score.log.append(f"{label}: found as {len(found)} rows")
        return
    row = found[0]
    score.found += 1
    status_ok = STAGE.get(row["status"] or "") == STAGE.get(deal["status"])
    quantity_ok = deal.get("quantity") is None or row["quantity"] == str(deal["quantity"])
    score.status_right += status_ok
    score.quantity_right += deal.get("quantity") is not None and quantity_ok
    score.correct += status_ok and quantity_ok
    if not status_ok:
        score.log.append(f"{label}: status {row['status']}, gold {deal['status']}")
    if not quantity_ok:
        score.log.append(f"{label}: quantity {row['quantity']}, gold {deal['quantity']}")


def _score_conflicts(store: OxigraphStore, gold: dict, matched: dict[str, list[int]], rows: list[dict],
                     stem: dict[str, str], score: DealScore, name: str) -> None:
    found = {((r["supplier"], r["recipient"], r["equipment"]), r["what"],
              frozenset((stem.get(r["article1"]), stem.get(r["article2"]))))
             for r in store.select(query_file("conflicts").read_text(encoding="utf-8"))}
    expected = set()
    for c in gold.get("conflicts", []):
        score.conflicts += 1
        keys = [(rows[i]["supplier"], rows[i]["recipient"], rows[i]["equipment"]) for i in matched.get(c["deal"], [])]
        hit = next((k for k in keys if (k, c["what"], frozenset(c["articles"])) in found), None)
        if hit:
            score.conflicts_found += 1
            expected.add((hit, c["what"], frozenset(c["articles"])))
        else:
            score.log.append(f"{name}: conflict {c['what']} of {c['deal']} between {c['articles']} not found")
    score.extra_conflicts += len(found - expected)
    for key, what, pair in sorted(found - expected, key=str):
        score.log.append(f"{name}: conflict {what} of {' → '.join(key)} between {sorted(pair)} not in the gold")


def _score_meetings(store: OxigraphStore, gold: dict, names: _Names, score: DealScore, name: str) -> None:
    meetings: dict[str, tuple[set[str], str | None]] = {}
    for r in store.select(query_file("meetings").read_text(encoding="utf-8")):
        meetings.setdefault(r["meeting"], (set(), r["date"]))[0].add(r["participant"])
    for m in gold.get("meetings", []):
        score.meetings += 1
        hits = [k for k, (people, date) in meetings.items() if date == m.get("date")
                and all(any(names.same(p, g) for p in people) for g in m["participants"])]
        if len(hits) == 1:
            score.meetings_found += 1
        else:
            score.log.append(f"{name}: meeting of {', '.join(m['participants'])} on {m.get('date')} "
                             f"found as {len(hits)} meetings")


def score_story_lines(folder: str | Path) -> DealScore:
    """Score one story-line folder, or every folder with a deals.json under `folder`, added up."""
    folder = Path(folder)
    lines = [folder] if (folder / GOLD_FILE).exists() else sorted(p.parent for p in folder.glob(f"*/{GOLD_FILE}"))
    if not lines:
        raise ArticleError(str(folder), f"no {GOLD_FILE} here or in a folder below")
    total = DealScore()
    for line in lines:
        total.add(score_story_line(line))
    return total
