"""Matching one entity with another: names, class, country and role as evidence, scored and decided."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Iterable

from rdflib.namespace import OWL, SKOS

from ..names import fold
from ..resources import DATA_DIR

FAMILIES = ("Person", "Agency", "Country", "Equipment")
DEFAULT_THRESHOLD = 0.9
MIN_SCORE = 0.6          # below this a candidate is not even a close match
BATCH = 60               # names or IRIs per query sent to the other dataset


class LinkError(RuntimeError):
    """The other dataset cannot be read or queried; the message says why."""


# --- knowledge of other datasets' shapes ----------------------------------------------------

@dataclass(frozen=True)
class Knowledge:
    """Which properties and classes mean what (from data/wikidata_classes.json)."""

    label_properties: tuple[str, ...]
    alias_properties: tuple[str, ...]
    class_properties: tuple[str, ...]
    subclass_properties: tuple[str, ...]
    country_properties: tuple[str, ...]
    iso_properties: tuple[str, ...]
    role_properties: tuple[str, ...]
    kinds: dict[str, frozenset[str]]          # class IRI → kinds
    family_kinds: dict[str, frozenset[str]]   # Person/Agency/... → compatible kinds
    exact_kinds: dict[str, frozenset[str]]    # dg class IRI → its own kinds


@lru_cache(maxsize=1)
def knowledge() -> Knowledge:
    data = json.loads((DATA_DIR / "wikidata_classes.json").read_text(encoding="utf-8"))
    kinds: dict[str, set[str]] = {}
    for kind, classes in data["kinds"].items():
        for c in classes:
            kinds.setdefault(c, set()).add(kind)
    return Knowledge(
        tuple(data["label_properties"]), tuple(data["alias_properties"]),
        tuple(data["class_properties"]), tuple(data["subclass_properties"]),
        tuple(data["country_properties"]), tuple(data["iso_properties"]),
        tuple(data["role_properties"]),
        {c: frozenset(k) for c, k in kinds.items()},
        {f: frozenset(v["kinds"]) for f, v in data["families"].items()},
        {c: frozenset(k) for c, k in data["exact_kinds"].items()})


# --- the two sides --------------------------------------------------------------------------

@dataclass
class Local:
    """A defgraph entity as the matcher sees it."""

    iri: str
    family: str                      # Person, Agency, Country or Equipment
    cls: str                         # its most specific dg class
    label: str
    aliases: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)   # keys: IRIs, normalised names, ISO codes
    iso: str | None = None
    roles: set[str] = field(default_factory=set)


@dataclass
class External:
    """An entity of the other dataset."""

    iri: str
    labels: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)     # direct and inherited class IRIs
    countries: set[str] = field(default_factory=set)   # keys, as for Local
    iso: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)

    @property
    def title(self) -> str:
        return min(self.labels, key=lambda s: (not s.isascii(), len(s), s)) if self.labels else self.iri


@dataclass(frozen=True)
class Match:
    """A scored pair and how it was scored."""

    local: Local
    external: External
    score: float
    method: str


@dataclass(frozen=True)
class Decision:
    match: Match
    predicate: str                   # owl:sameAs or skos:closeMatch IRI

    @property
    def same(self) -> bool:
        return self.predicate == str(OWL.sameAs)


# --- pure matching ----------------------------------------------------------------------------

_SPELLINGS = [(r"\bdefence\b", "defense"), (r"\barmour", "armor"), (r"\borganisation", "organization"),
              (r"&", " and ")]


def normalize(name: str) -> str:
    """A name compared across datasets: folded case and diacritics, one spelling, no punctuation."""
    s = fold(name)
    for pattern, repl in _SPELLINGS:
        s = re.sub(pattern, repl, s)
    s = re.sub(r"[^\w]+", " ", s).strip()
    return re.sub(r"^the ", "", s)


def is_acronym(name: str) -> bool:
    """A short upper-case form such as DND or DGA (weak evidence on its own)."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    return 2 <= len(letters) <= 6 and letters.isupper() and " " not in name.strip()


def _names(local: Local) -> tuple[set[str], set[str], set[str]]:
    """Normalised (label, aliases, acronyms) of a local entity; persons need two words."""
    aliases = {a for a in local.aliases if not is_acronym(a)} - {local.label}
    acronyms = {a for a in local.aliases | local.acronyms if is_acronym(a)}
    if local.family == "Person":
        aliases = {a for a in aliases if len(normalize(a).split()) >= 2}
    return {normalize(local.label)}, {normalize(a) for a in aliases}, {normalize(a) for a in acronyms}


def name_evidence(local: Local, ext: External) -> tuple[float, str]:
    """How well the names agree: (score, method); 0 when they do not."""
    l_label, l_alias, l_acr = _names(local)
    e_label = {normalize(x) for x in ext.labels}
    e_all = e_label | {normalize(x) for x in ext.aliases}
    if l_label & e_label:
        return (0.9, "label = label (an acronym)") if is_acronym(local.label) else (1.0, "label = label")
    if (l_label | l_alias) & e_all and not (local.family == "Person" and not l_label & e_all
                                            and not l_alias & e_label):
        return 0.95, "label/alias = label/alias"
    if is_acronym(local.label) and l_label & e_all or l_acr & e_all:
        return 0.7, "acronym"
    best = 0.0
    for a in l_label | l_alias:
        for b in e_all:
            if min(len(a), len(b)) >= 6:
                best = max(best, SequenceMatcher(None, a, b).ratio())
    if best >= 0.88:
        return round(0.9 * best, 3), f"similar name ({best:.2f})"
    return 0.0, ""


def class_evidence(local: Local, ext: External, kb: Knowledge) -> str:
    """exact, compatible, unknown (the other side says nothing we know) or conflict."""
    kinds = set().union(*(kb.kinds.get(c, frozenset()) for c in ext.classes)) if ext.classes else set()
    if not kinds:
        return "unknown"
    exact = kb.exact_kinds.get(local.cls) or kb.family_kinds[local.family]
    if local.family == "Equipment":
        exact = kb.family_kinds["Equipment"]
    if kinds & exact:
        return "exact"
    if kinds & kb.family_kinds[local.family]:
        return "compatible"
    return "conflict"


def country_evidence(local: Local, ext: External) -> str:
    """agree, conflict, unknown (one side silent) or n/a (international bodies)."""
    if local.family == "Country":
        if local.iso and ext.iso:
            return "agree" if local.iso.upper() in {i.upper() for i in ext.iso} else "conflict"
        return "unknown"
    if not local.countries and local.family == "Agency" and not ext.countries:
        return "n/a"
    if not local.countries or not ext.countries:
        return "unknown"
    return "agree" if local.countries & ext.countries else "conflict"


def role_evidence(local: Local, ext: External) -> bool:
    """Whether a role of the person shares its key words with one of the other's roles."""
    stop = {"of", "the", "for", "and", "minister", "secretary", "ministry", "department"}
    mine = [set(normalize(r).split()) - stop for r in local.roles]
    theirs = [set(normalize(r).split()) - stop for r in ext.roles]
    return any(a and b and (a <= b or b <= a) for a in mine for b in theirs)


CLASS_WEIGHT = {"exact": 1.0, "compatible": 0.95, "unknown": 0.8}
COUNTRY_WEIGHT = {"agree": 1.0, "n/a": 1.0, "unknown": 0.9}


def score_pair(local: Local, ext: External, kb: Knowledge | None = None) -> Match | None:
    """The scored match of two entities, or None when they cannot be the same thing."""
    kb = kb or knowledge()
    name, how = name_evidence(local, ext)
    if not name:
        return None
    cls = class_evidence(local, ext, kb)
    country = country_evidence(local, ext)
    if cls == "conflict" or country == "conflict":
        return None
    if cls == "unknown" and country != "agree":
        return None    # a name alone is never enough
    if how == "acronym" and not (cls in ("exact", "compatible") and country in ("agree", "n/a")):
        return None    # a shared acronym only counts with the same class and country
    if how.endswith("(an acronym)") and cls == "unknown":
        return None
    score = name * CLASS_WEIGHT[cls] * COUNTRY_WEIGHT[country]
    if how == "acronym" and cls == "exact" and country == "agree":
        score = 0.92   # acronym, class and country all agree: as sure as an analyst gets
    role = role_evidence(local, ext)
    if role:
        score = min(1.0, score + 0.05)
    method = f"{how}; class {cls}; country {country}" + ("; role agrees" if role else "")
    return Match(local, ext, round(score, 3), method) if score >= MIN_SCORE else None


def decide(matches: Iterable[Match], threshold: float = DEFAULT_THRESHOLD) -> list[Decision]:
    """owl:sameAs for the single best match above the threshold, skos:closeMatch for the others.

    Two candidates tied at the top are both only close matches: the tie is for a person to settle.
    """
    by_local: dict[str, list[Match]] = {}
    for m in matches:
        by_local.setdefault(m.local.iri, []).append(m)
    out = []
    for ms in by_local.values():
        ms.sort(key=lambda m: (-m.score, m.external.iri))
        tie = len(ms) > 1 and ms[1].score == ms[0].score
        for i, m in enumerate(ms):
            same = i == 0 and not tie and m.score >= threshold
            out.append(Decision(m, str(OWL.sameAs if same else SKOS.closeMatch)))
    return sorted(out, key=lambda d: (d.match.local.family, d.match.local.label, -d.match.score))


# --- reading the other dataset ---------------------------------------------------------------
