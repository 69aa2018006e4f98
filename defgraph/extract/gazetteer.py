"""Gazetteers (data/*.csv) compiled into one Aho–Corasick automaton for one-pass matching."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ..namespaces import slugify
from ..resources import DATA_DIR
from .model import AGENCY, COUNTRY, EQUIPMENT, PERSON, EntityFacts
from .text import fold, is_word_char, match_key, patterns, spelling_variants


@dataclass(frozen=True)
class Entry:
    """One gazetteer entity: its key, family, class, canonical name and facts."""

    key: str
    family: str
    cls: str
    name: str
    facts: EntityFacts = field(default_factory=EntityFacts, hash=False, compare=False)


@dataclass(frozen=True)
class Form:
    """A written form of an entry: how it is written and what kind of form it is."""

    entry: Entry
    text: str
    kind: str  # name, alias, acronym, demonym, capital, surname


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    form: Form


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _rows(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def country_key(name: str) -> str:
    return f"{COUNTRY}:{slugify(name)}"


def agency_key(name: str) -> str:
    return f"{AGENCY}:{slugify(name)}"


def person_key(name: str) -> str:
    """The key of a person written `name` (names differing in case, diacritics, punctuation agree)."""
    return f"{PERSON}:{slugify(match_key(name))}"


def equipment_key(name: str) -> str:
    return f"{EQUIPMENT}:{slugify(name)}"


def is_acronym(form: str) -> bool:
    letters = [c for c in form if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) >= len(letters) - 1 and len(form) <= 12 \
        and " " not in form


class Gazetteer:
    """All gazetteer entries and an automaton over their folded written forms."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        self.entries: dict[str, Entry] = {}
        self.forms: list[Form] = []
        self.by_name: dict[str, Entry] = {}
        self.variants: dict[tuple[str, str], str] = {}   # (entry key, _joined alias) → a variant's name
        self.families: dict[str, str] = {}   # a variant's row key → its family's row key ("Leopard 2A6" → "Leopard 2")
        # a place written with a company's home ("Colorado-based", "Greenville, South Carolina") → its country
        self.places: dict[str, str] = {}
        self.regions: dict[str, str] = {}  # a state's regions and cities of data/places.csv (no capitals)
        self.demonyms: dict[str, str] = {}   # "danish" → Country:denmark
        # "ministry for strategic industries" → the entry "Ministry for Strategic Industries of Ukraine"
        self.without_country: dict[str, list[Entry]] = {}
        for row in _rows(data_dir / "countries.csv"):
            e = Entry(country_key(row["name"]), COUNTRY, "Country", row["name"],
                      EntityFacts(iso2=row.get("iso2") or None, wikidata=row.get("wikidata") or None,
                            aliases=tuple(_split(row.get("aliases")))))
            self._add(e, row.get("aliases"), extra={"demonym": _split(row.get("demonyms")),
                                                    "capital": _split(row.get("capitals"))})
            for place in [row["name"], *_split(row.get("aliases")), *_split(row.get("capitals"))]:
                self.places[fold(place)] = e.key  # "U.S.-based" too
            for word in _split(row.get("demonyms")):
                self.demonyms[fold(word)] = e.key
        for row in _rows(data_dir / "places.csv"):
            self.places[fold(row["place"])] = self.regions[fold(row["place"])] = country_key(row["country"])
        for row in _rows(data_dir / "organizations.csv"):
            aliases = _split(row.get("aliases"))
            e = Entry(agency_key(row["name"]), AGENCY, row.get("kind") or "Agency", row["name"],
                      EntityFacts(country=country_key(row["country"]) if row.get("country") else None,
                            parent=agency_key(row["parent"]) if row.get("parent") else None,
                            wikidata=row.get("wikidata") or None,
                            acronyms=tuple(a for a in aliases if is_acronym(a)),
                            aliases=tuple(aliases)))
            self._add(e, row.get("aliases"))
            self._without_country(e, aliases)
        for row in _rows(data_dir / "equipment.csv"):
            e = Entry(equipment_key(row["name"]), EQUIPMENT, row.get("category") or "Equipment", row["name"],
                      EntityFacts(origin=country_key(row["origin"]) if row.get("origin") else None,
                            manufacturer=agency_key(row["manufacturer"]) if row.get("manufacturer") else None,
                            wikidata=row.get("wikidata") or None,
                            aliases=tuple(_split(row.get("aliases")))))
            first = len(self.forms)
            self._add(e, row.get("aliases"))
            self._variants(e, _split(row.get("aliases")))
            self._hyphen_forms(e, first)
        self.families = self._families()
        self.automaton = _automaton(self.forms)
        # people apart: a name or surname of a known person is looked for after the text's own
        # evidence of people has been read (resolve/people.py), not among organisations and systems
        self.people: dict[str, Entry] = {}
        people_forms: list[Form] = []
        for row in _rows(data_dir / "persons.csv"):
            e = Entry(person_key(row["name"]), PERSON, "Person", row["name"],
                      EntityFacts(country=country_key(row["country"]) if row.get("country") else None,
                                  aliases=tuple(_split(row.get("aliases")))))
            self.people[e.key] = e
            people_forms += [Form(e, e.name, "name")] + [Form(e, a, "alias") for a in _split(row.get("aliases"))] \
                + [Form(e, a, "surname") for a in _split(row.get("surnames"))]
        self.people_automaton = _automaton(people_forms)

    def _without_country(self, entry: Entry, aliases: list[str]) -> None:
        """Index a body's names written with its country at the end ("… of Ukraine", "… of the Republic
        of Latvia") by the name without it."""
        country = self.entries.get(entry.facts.country or "")
        if country is None:
            return
        states = "|".join(re.escape(fold(n)) for n in (country.name, *country.facts.aliases))
        for name in (entry.name, *aliases):
            short = re.sub(rf"\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?(?:{states})$", "", fold(name))
            if short != fold(name) and len(short.split()) >= 2 and entry not in self.without_country.get(short, []):
                self.without_country.setdefault(short, []).append(entry)

    def _hyphen_forms(self, entry: Entry, first: int) -> None:
        """A designation written with or without the hyphen after its letters ("K-9" for "K9",
        "F16" for "F-16", "Su35" for "Su-35"), or with its final code against its number ("RBS 70NG"), is the
        same form of the same system; codes of two
        capitals are left as written ("HX2" and "HX-2" are two systems). `first`: where the entry's
        forms start in `self.forms`."""
        own = self.forms[first:]
        known = {fold(f.text) for f in own}
        categories = set(patterns()["category_codes"])
        for form in own:
            m = _LETTERS_DIGITS.match(form.text)
            code = _SPACED_CODE.search(form.text)
            others = [m.group(1) + ("" if m.group(2) else "-") + form.text[m.end(2):]] if m is not None else []
            if code is not None and code.group(2) not in categories:
                # ("RBS 70NG" for "RBS 70 NG": a final code written against the number before it; not "M113APC")
                others.append(form.text[:code.start(1)] + code.group(2))
            for other in others:
                if fold(other) in known:
                    continue
                known.add(fold(other))
                self.forms.append(Form(entry, other, form.kind))
                if (entry.key, _joined(form.text)) in self.variants:
                    self.variants[(entry.key, _joined(other))] = self.variants[(entry.key, _joined(form.text))]

    def _variants(self, entry: Entry, aliases: list[str]) -> None:
        """Aliases of a system that are another of its forms and a variant code ("Skyranger 35",
        "Gripen E", "Spike LR"): distinct systems of one family, not other names of the row."""
        forms = [entry.name, *aliases]
        same = _joined(entry.name)
        for a in aliases:
            if _joined(a) == same:
                continue  # "Shahed 136" is the row's own name written another way
            family = next((b for b in forms if b != a and a.startswith(b + " ") and _variant_code(a[len(b) + 1:])
                           and a[len(b) + 1:] != entry.name), None)  # "BGM-71 TOW": a designation, the row's name
            attached = next((b for b in forms if b != a and re.fullmatch(r"[A-Z]+-?\d+", b) and a.startswith(b)
                             and re.fullmatch(r"[A-Z]{1,2}\d", a[len(b):])), None) if family is None else None
            if attached is not None and not any(f.startswith(a + " ") for f in forms):
                # "K9A1", "K9A2" of "K9": variants with a numbered code written against the family's number (not
                # one the row names otherwise too; letters alone, "F-16AM", "T-90S", stay the row's names)
                self.variants[(entry.key, _joined(a))] = a
                continue
            if family is None:
                continue
            code = a[len(family) + 1:]
            if any(b.startswith(entry.name + " ") and _variant_code(b[len(entry.name) + 1:]) for b in aliases):
                family = entry.name  # "JAS 39 Gripen E" is the row's "Gripen E", however the family is written
            name = f"{family} {_code_number(code)}"   # "Merkava Mk 4", "Merkava IV": "Merkava 4"
            self.variants[(entry.key, _joined(a))] = name
            joined = f"{family}-{code}"                # "Skyranger-30"
            if fold(joined) not in (fold(f) for f in forms):
                self.forms.append(Form(entry, joined, "alias"))
                self.variants[(entry.key, _joined(joined))] = name

    def _families(self) -> dict[str, str]:
        """Rows that are variants of another row: one of their forms is a form of that row and a variant
        code ("Leopard 2A6" of "Leopard 2", "UH-60M" of the "UH-60" Black Hawk), both of one kind. A row
        whose own name is such a variant ("IRIS-T SLM", written "IRIS-T" too) is a sibling, never a family."""
        equipment = [e for e in self.entries.values() if e.family == EQUIPMENT]
        rows: dict[str, set[Entry]] = {}
        for e in equipment:
            for f in (e.name, *e.facts.aliases):
                rows.setdefault(f, set()).add(e)

        def base(form: str) -> str | None:
            m = _CODED.match(form)
            return m.group(1) if m else None

        coded = {e.key for e in equipment if base(e.name) in rows}
        families: dict[str, str] = {}
        for e in equipment:
            for f in (e.name, *e.facts.aliases):
                b = base(f)
                found = sorted(x.key for x in rows.get(b or "", ()) if x != e and x.cls == e.cls and x.key not in coded)
                if len(found) == 1:
                    families[e.key] = found[0]
                    break
        return families

    def variant(self, entry: Entry, surface: str) -> str | None:
        """The variant a written form names, when it is one of the entry's variant aliases."""
        joined = _joined(surface)
        return self.variants.get((entry.key, joined)) or \
            (self.variants.get((entry.key, joined[:-1])) if joined.endswith("s") else None)

    def _add(self, entry: Entry, aliases: str | None, extra: dict | None = None) -> None:
        if entry.key in self.entries:
            return
        self.entries[entry.key] = entry
        self.by_name[fold(entry.name)] = entry
        self.forms.append(Form(entry, entry.name, "name"))
        for alias in _split(aliases):
            if _descriptive(alias):
                continue  # "Ukrainian military" describes, it does not name
            self.forms.append(Form(entry, alias, "acronym" if is_acronym(alias) else "alias"))
        for kind, values in (extra or {}).items():
            for v in values:
                self.forms.append(Form(entry, v, kind))

    def find(self, text: str) -> list[Match]:
        """Every whole-word occurrence of a known form in `text`, case rules applied."""
        return _find(self.automaton, text)

    def find_people(self, text: str) -> list[Match]:
        """Every whole-word occurrence of a known person's name, alias or surname in `text`."""
        return _find(self.people_automaton, text)

    def entry(self, key: str) -> Entry | None:
        return self.entries.get(key) or self.people.get(key)


def _automaton(forms: list[Form]) -> ahocorasick.Automaton | None:
    """An automaton over the folded spelling variants of `forms`; None when there are none."""
    grouped: dict[str, list[Form]] = {}
    for form in forms:
        variants = spelling_variants(fold(form.text))
        if form.entry.family == EQUIPMENT:
            variants |= {v for w in variants for v in _hyphened(w)}
        for variant in variants:
            grouped.setdefault(variant, []).append(form)
    if not grouped:
        return None
    automaton = ahocorasick.Automaton()
    for key, group in grouped.items():
        automaton.add_word(key, (len(key), tuple(group)))
    automaton.make_automaton()
    return automaton


def _hyphened(name: str) -> set[str]:
    """A system's name of two or three words written with a hyphen for a space ("VL MICA" → "VL-MICA")."""
    words = name.split(" ")
    if not 2 <= len(words) <= 3:
        return set()
    joined = {"-".join(words)} | {" ".join(words[:i]) + "-" + " ".join(words[i:]) for i in range(1, len(words))}
    return joined - {name}


def _find(automaton: ahocorasick.Automaton | None, text: str) -> list[Match]:
    if automaton is None:
        return []
    folded = fold(text)
    out: list[Match] = []
    n = len(text)
    slugs = [m.span() for m in _WIRE_SLUG.finditer(text)]
    for end_idx, (length, forms) in automaton.iter(folded):
        start, end = end_idx - length + 1, end_idx + 1
        if start > 0 and is_word_char(folded[start - 1]) and is_word_char(folded[start]):
            continue
        if not any(c.isdigit() for c in folded[start:end]) and re.match(r"-\d", text[end:end + 2]):
            continue  # "BRDM" in "BRDM-2M": the letters of a longer designation (not "S-300PMU" in "S-300PMU-2")
        if end < n and is_word_char(folded[end]) and is_word_char(folded[end - 1]):
            # allow a plural/possessive "s" after a designation or a capitalised name ("K2s", "Hueys";
            # "HIMARS's" handled by tokens); a capital S is a letter of another name ("IRIS-T SLS" is
            # not two "IRIS-T SL")
            if not (text[end] == "s" and (end + 1 == n or not is_word_char(folded[end + 1]))):
                continue
            written = text[start:end]
            if not (any(c.isdigit() for c in written) or written.isupper() or (" " in written and written[0].isupper())):
                if not (written[0].isupper() and end - start >= 4):
                    continue
                # only systems are counted in the plural by their word name ("Hueys", not "Élysées")
                forms = [f for f in forms if f.entry.family == EQUIPMENT]
            end += 1
        if any(a <= start and end <= b for a, b in slugs):
            continue  # "MSB/AS/ANP 0154": a wire service's slug of initials, no body named
        surface = text[start:end]
        named = re.match(r"\s+[A-Z][a-z]", text[end:end + 3]) is not None  # "Sami Haddad": a name, no acronym
        for form in forms:
            if _case_ok(form.text, surface, named):
                out.append(Match(start, end, form))
    return out


# three or more initials joined by slashes on a line of their own, maybe with a number or date after: the slug a wire
# service ends its copy with ("MSB/AS/ANP 0154 August 2023"), not "the NATO/EU/UN exercise"
_WIRE_SLUG = re.compile(r"^[A-Z]{2,5}(?:/[A-Z]{2,5}){2,}(?=\s+\d|\s*$)", re.M)

JOINERS = {"of", "the", "for", "and", "de", "du", "des", "la", "le", "in", "on", "&", "der", "und", "y", "et"}


def _code_number(code: str) -> str:
    """A variant code as one spelling: "Mk 4", "Mk4" and "IV" are "4"; other codes as written."""
    code = re.sub(r"^Mk\.?\s?", "", code)
    romans = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}
    return str(romans[code]) if code in romans else code


# one capital (and lower-case letters), then a hyphen or none, then a digit: the junction a designation
# is written both ways at ("K-9", "Su35"); two capitals are too often another system ("HX2", "HX-2")
_LETTERS_DIGITS = re.compile(r"([A-Z][a-z]{0,2})(-?)(?=\d)")

# a variant code of capitals set off by a space after the number that ends a form: "RBS 70 NG"
_SPACED_CODE = re.compile(r"\d( )([A-Z]{2,3})$")

# a form ending in a variant code: "Leopard 2A6", "UH-60M", "Tornado-S", "Leopard 2 PL"
_CODED = re.compile(r"^(.*?\w)[\s-]?([A-Z][A-Z0-9]{0,2}\+?)$")

# variant codes written after a family name, in the data and in running text alike
VARIANT_CODE = r"M[kK](?:\.|-)? ?(?:\d+|[IVX]{1,4}[A-Z]?\b)|(?:Block|Blk\.?)[ -]?(?:\d+|[IVX]{1,4})[A-Za-z]?\b|\d ?[x×] ?\d|[A-Z]{1,2}/[A-Z]{1,2}"  # "C/D": a pair


def _joined(text: str) -> str:
    """A written form folded, its spaces and hyphens dropped: "Block-III" and "Block III" are one variant's."""
    return re.sub(r"[\s-]", "", fold(text))


def _variant_code(code: str) -> bool:
    """A variant's code after a family name in an alias ("E", "35", "Block 70", "Mk 4", "NG", "6x6", "C/D"), not a
    kind of system ("IFV", "APC": data/patterns.json, category_codes)."""
    return bool(re.fullmatch(rf"[A-Z]{{1,3}}\d?|{VARIANT_CODE}|\d{{1,3}}|[IVX]{{1,4}}|[A-Z]\d{{1,2}}", code)) \
        and code not in patterns()["category_codes"]


def _descriptive(alias: str) -> bool:
    words = alias.split()
    return len(words) > 1 and any(w[:1].islower() and len(w) > 1 and w not in JOINERS for w in words[1:])


def _case_ok(form: str, surface: str, named: bool = False) -> bool:
    """Acronyms must match case exactly, or be written as a word as many outlets write them ("Nato",
    "Iris-T", "Nasams": four letters or more, no ordinary word of data/patterns.json
    `acronym_words`, and no given name before a surname: `named`); capitalised forms must be
    capitalised in the text."""
    if is_acronym(form):
        word = surface[:-1] if surface.endswith("s") and surface[:-1].upper() == form else surface
        as_word = not named and word.upper() == form and word[:1].isupper() and any(c.islower() for c in word) and \
            sum(c.isalpha() for c in form) >= 4 and fold(word) not in patterns()["acronym_words"]
        return surface == form or (surface.endswith("s") and surface[:-1] == form) or as_word
    if form[:1].isupper():
        return surface[:1].isupper() or surface[:1].isdigit()
    return True


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer built from the package's data files (built once per process)."""
    return Gazetteer()
