"""Evaluation against gold annotations: precision, recall and F1 per type, from the
competency queries' answers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from pathlib import Path

from .articles import ArticleError, read_file
from .extract.gazetteer import gazetteer
from .extract.model import COUNTRY
from .ingest import ingest_articles
from .names import compare_key
from .resources import competency_queries
from .store import OxigraphStore

ENTITY_TYPES = ("persons", "organizations", "countries", "equipment")
EVENT_TYPES = ("transfers", "meetings", "agreements", "trainings")
# why a gold event was missed, per type, in the order they are checked: an argument not found among the
# entities, no event of its kind that takes the arguments found, or events that take them apart
MISS_CAUSES = {
    "transfers": ("system not found", "no transfer of the found system", "supplier or recipient wrong"),
    "meetings": ("a participant not found", "a participant in no meeting", "not in one meeting"),
    "agreements": ("a party not found", "a party in no agreement", "not in one agreement"),
    "trainings": ("provider or trainee not found", "no training of the parties found", "provider or trainee wrong"),
}
# ontology class local names → the gold schema's kinds
KIND_TO_GOLD = {"GovernmentAgency": "Agency", "OtherOrganization": "Other", "Agency": "Agency"}
CATEGORY_TO_GOLD = {"Equipment": "Other"}


def norm(name: str | None) -> str:
    """A name compared ignoring case, diacritics and punctuation."""
    return compare_key(name)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    """Scores per type and per article, with what was missed and what was extra."""

    by_type: dict[str, Score] = field(default_factory=lambda: {t: Score() for t in ENTITY_TYPES + EVENT_TYPES})
    errors: list[str] = field(default_factory=list)
    articles: int = 0
    missed: dict[str, dict[str, int]] = field(
        default_factory=lambda: {t: dict.fromkeys(causes, 0) for t, causes in MISS_CAUSES.items()})

    def micro(self, types: tuple[str, ...]) -> Score:
        total = Score()
        for t in types:
            total.add(self.by_type[t])
        return total

    def table(self) -> str:
        lines = [f"{'type':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
        for t in ENTITY_TYPES + EVENT_TYPES:
            s = self.by_type[t]
            lines.append(f"{t:<16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
        for label, types in (("entities (micro)", ENTITY_TYPES), ("events (micro)", EVENT_TYPES)):
            s = self.micro(types)
            lines.append(f"{label:<16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
        return "\n".join(lines) + "\n"

    def causes_table(self) -> str:
        """The missed gold events of each type by why they were missed."""
        lines = []
        for t, causes in self.missed.items():
            lines.append(f"missed {t}: {sum(causes.values())}")
            lines += [f"  {cause:<34}{n:6}" for cause, n in causes.items()]
        return "\n".join(lines) + "\n"


class _Names:
    """Gold entities of one type, matched by name or any alias."""

    def __init__(self, items: list[dict] | list[str]) -> None:
        self.forms: dict[str, str] = {}
        self.canon: list[str] = []
        for item in items:
            name = item if isinstance(item, str) else item["name"]
            self.canon.append(name)
            for form in [name, *([] if isinstance(item, str) else item.get("aliases", []))]:
                self.forms.setdefault(norm(form), name)

    def lookup(self, name: str) -> str | None:
        return self.forms.get(norm(name))


def score_names(predicted: list[str], gold: _Names, log: list[str], label: str) -> Score:
    s = Score()
    matched: set[str] = set()
    for name in sorted(set(predicted)):
        g = gold.lookup(name)
        if g is not None and g not in matched:
            matched.add(g)
            s.tp += 1
        else:
            s.fp += 1
            log.append(f"{label}: extra {name!r}" + (" (duplicate)" if g else ""))
    for g in gold.canon:
        if g not in matched:
            s.fn += 1
            log.append(f"{label}: missed {g!r}")
    return s


def score_sets(predicted: set, gold: set, log: list[str], label: str) -> Score:
    for x in sorted(map(str, predicted - gold)):
        log.append(f"{label}: extra {x}")
    for x in sorted(map(str, gold - predicted)):
        log.append(f"{label}: missed {x}")
    return Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))


_GROUPED = (("meetings", "meeting", "participant", "participants"), ("agreements", "agreement", "party", "parties"))


def extracted_rows(article_path: Path) -> dict[str, list[dict]]:
    """Ingest one article into a fresh in-memory store; the competency queries' rows."""
    store = OxigraphStore(None)
    try:
        summary = ingest_articles(read_file(article_path), store)
        if summary.skipped:
            raise ArticleError(str(article_path), summary.skipped[0].reason)
        return {name: store.select(q) for name, q in competency_queries().items()}
    finally:
        store.close()


def annotated_rows(gold: dict) -> dict[str, list[dict]]:
    """One annotation as the rows the competency queries would give for it (one name per entity,
    the annotation's own): to score a second annotation of the same article against the first.

    >>> rows = annotated_rows({"persons": [{"name": "Jane Doe", "aliases": ["Doe"]}], "organizations": [],
    ...                        "countries": ["Estonia"], "equipment": [], "transfers": [], "trainings": [],
    ...                        "meetings": [{"participants": ["Jane Doe", "John Roe"]}], "agreements": []})
    >>> rows["persons"], rows["countries"]
    ([{'name': 'Jane Doe'}], [{'name': 'Estonia'}])
    >>> sorted(r["participant"] for r in rows["meetings"])
    ['Jane Doe', 'John Roe']
    """
    def name(item: dict | str) -> str:
        return item if isinstance(item, str) else item["name"]

    rows: dict[str, list[dict]] = {t: [{"name": name(x)} for x in gold.get(t, [])] for t in ENTITY_TYPES}
    rows["transfers"] = [{k: t.get(k) for k in ("supplier", "recipient", "equipment")} for t in gold.get("transfers", [])]
    rows["trainings"] = [{k: t.get(k) for k in ("provider", "trainee")} for t in gold.get("trainings", [])]
    for t, id_col, member_col, gold_key in _GROUPED:
        rows[t] = [{id_col: str(i), member_col: m} for i, item in enumerate(gold.get(t, []))
                   for m in item.get(gold_key, [])]
    return rows


def evaluate_article(article_path: Path, gold: dict,
                     rows: dict[str, list[dict]] | None = None) -> tuple[dict[str, Score], list[str]]:
    """Score the competency queries' rows for one article (extracted, unless `rows` are given)
    against its gold answers."""
    rows = extracted_rows(article_path) if rows is None else rows
    log: list[str] = []
    tables = {
        "persons": _Names(gold["persons"]),
        "organizations": _Names(gold["organizations"]),
        "countries": _Names(_countries(gold)),
        "equipment": _Names(gold["equipment"]),
    }
    scores = {}
    for t in ENTITY_TYPES:
        scores[t] = score_names([r["name"] for r in rows[t] if r["name"]], tables[t], log, t)
    canon = _canon(gold)

    scores["transfers"] = score_sets(
        {(canon(r["supplier"]), canon(r["recipient"]), canon(r["equipment"])) for r in rows["transfers"]},
        {(canon(t["supplier"]), canon(t["recipient"]), canon(t["equipment"])) for t in gold["transfers"]},
        log, "transfers")
    scores["trainings"] = score_sets(
        {(canon(r["provider"]), canon(r["trainee"])) for r in rows["trainings"]},
        {(canon(t["provider"]), canon(t["trainee"])) for t in gold["trainings"]}, log, "trainings")
    for t, id_col, member_col, gold_key in _GROUPED:
        groups: dict[str, set[str]] = {}
        for r in rows[t]:
            groups.setdefault(r[id_col], set()).add(canon(r[member_col]))
        predicted = {frozenset(p) for g in groups.values() for p in combinations(sorted(g), 2)}
        gold_pairs = {frozenset(p) for item in gold[t]
                      for p in combinations(sorted({canon(x) for x in item[gold_key]}), 2)}
        scores[t] = score_sets({tuple(sorted(p)) for p in predicted}, {tuple(sorted(p)) for p in gold_pairs},
                               log, t)
    return scores, log


def _canon(gold: dict):
    """A name as the gold's canonical name of the entity it names (by name or alias), else normalised."""
    any_entity = _Names(gold["persons"] + gold["organizations"] + _countries(gold) + gold["equipment"])
    return lambda name: any_entity.lookup(name or "") or norm(name)


def _countries(gold: dict) -> list[dict]:
    """The gold's countries, each with the names the country table knows it by ("Cabo Verde" is "Cape Verde").

    >>> _countries({"countries": ["Cabo Verde"]})[0]["aliases"][0]
    'Cape Verde'
    """
    names = _country_names()
    found = {c: names.get(norm(c), []) for c in gold["countries"]}
    # two of the gold's countries one entry of the table ("Congo" beside "Democratic Republic of Congo"): the
    # annotator tells them apart, and so does the scorer
    return [{"name": c, "aliases": [] if any(o != c and forms and found[o] == forms for o in found) else forms}
            for c, forms in found.items()]


@lru_cache(maxsize=1)
def _country_names() -> dict[str, list[str]]:
    """Each normalised name of a state in the country table → all its names; a form two states share
    ("Congo") says which of them it is by no table, and is left out."""
    names: dict[str, list[str]] = {}
    shared: set[str] = set()
    for entry in {id(e): e for e in gazetteer().by_name.values() if e.family == COUNTRY}.values():
        forms = [entry.name, *entry.facts.aliases]
        for form in {norm(f) for f in forms}:
            if form in names:
                shared.add(form)
            names[form] = forms
    return {form: forms for form, forms in names.items() if form not in shared}


def miss_causes(gold: dict, rows: dict[str, list[dict]]) -> dict[str, dict[str, int]]:
    """Why each gold event the rows miss was missed, per type (`MISS_CAUSES`): an argument is not among
    the entities found; none of the type's events takes it (a transfer of the system, a meeting or an
    agreement of each person or party, a training of either country); or events take it with other
    arguments (a transfer between other parties, the two in separate meetings).

    >>> gold = {"persons": [], "organizations": [], "countries": ["France", "Ukraine"], "equipment": [
    ...     {"name": "Caesar"}, {"name": "Crotale"}], "transfers": [
    ...     {"supplier": "France", "recipient": "Ukraine", "equipment": "Caesar"},
    ...     {"supplier": "France", "recipient": "Ukraine", "equipment": "Crotale"}],
    ...     "meetings": [], "agreements": [], "trainings": [{"provider": "France", "trainee": "Ukraine"}]}
    >>> rows = {"equipment": [{"name": "Caesar"}], "countries": [{"name": "France"}, {"name": "Ukraine"}],
    ...         "persons": [], "organizations": [], "meetings": [], "agreements": [], "trainings": [],
    ...         "transfers": [{"supplier": "Ukraine", "recipient": "France", "equipment": "Caesar"}]}
    >>> causes = miss_causes(gold, rows)
    >>> causes["transfers"]
    {'system not found': 1, 'no transfer of the found system': 0, 'supplier or recipient wrong': 1}
    >>> causes["trainings"]["no training of the parties found"]
    1
    """
    canon = _canon(gold)
    found = {canon(r["name"]) for t in ENTITY_TYPES for r in rows.get(t, []) if r["name"]}
    causes = {t: dict.fromkeys(c, 0) for t, c in MISS_CAUSES.items()}

    def count(kind: str, missed: set[tuple], found_all, taken_any) -> None:
        for key in missed:
            names = MISS_CAUSES[kind]
            causes[kind][names[0] if not found_all(key) else names[1] if not taken_any(key) else names[2]] += 1

    moved = {(canon(r["supplier"]), canon(r["recipient"]), canon(r["equipment"])) for r in rows["transfers"]}
    wanted = {(canon(t["supplier"]), canon(t["recipient"]), canon(t["equipment"])) for t in gold["transfers"]}
    count("transfers", wanted - moved, lambda k: k[2] in found, lambda k: any(m[2] == k[2] for m in moved))

    trained = {(canon(r["provider"]), canon(r["trainee"])) for r in rows["trainings"]}
    wanted = {(canon(t["provider"]), canon(t["trainee"])) for t in gold["trainings"]}
    count("trainings", wanted - trained, lambda k: set(k) <= found,
          lambda k: any(p == k[0] or t == k[1] for p, t in trained))

    for t, id_col, member_col, gold_key in _GROUPED:
        groups: dict[str, set[str]] = {}
        for r in rows[t]:
            groups.setdefault(r[id_col], set()).add(canon(r[member_col]))
        pairs = {p for g in groups.values() for p in combinations(sorted(g), 2)}
        grouped = set().union(*groups.values()) if groups else set()
        wanted = {p for item in gold[t] for p in combinations(sorted({canon(x) for x in item[gold_key]}), 2)}
        count(t, wanted - pairs, lambda k: set(k) <= found, lambda k: set(k) <= grouped)
    return causes


def evaluate_dir(gold_dir: str | Path, against: str | Path | None = None) -> Report:
    """Score every article in `gold_dir` that has a gold JSON file beside it: what extraction finds,
    or, with `against`, the other annotation of the same articles in that folder (agreement)."""
    report = Report()
    for gold_file in sorted(Path(gold_dir).glob("*.json")):
        article = next((gold_file.with_suffix(s) for s in (".txt", ".jsonl") if gold_file.with_suffix(s).exists()),
                       None)
        if article is None:
            report.errors.append(f"{gold_file}: no article beside it (.txt)")
            continue
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        rows = None
        if against is not None:
            other = Path(against) / gold_file.name
            if not other.exists():
                report.errors.append(f"{other}: no second annotation of {gold_file.stem}")
                continue
            rows = annotated_rows(json.loads(other.read_text(encoding="utf-8")))
        rows = extracted_rows(article) if rows is None else rows
        scores, log = evaluate_article(article, gold, rows)
        for t, causes in miss_causes(gold, rows).items():
            for cause, n in causes.items():
                report.missed[t][cause] += n
        report.articles += 1
        for t, s in scores.items():
            report.by_type[t].add(s)
        report.errors.extend(f"{gold_file.stem}: {line}" for line in log)
    return report
