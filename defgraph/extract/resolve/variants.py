"""Variants of a known system: "Gripen E" beside "Gripen F", "IRIS-T SLS" where the gazetteer
knows "IRIS-T SLM", a family name standing for the one variant an article names."""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import VARIANT_CODE, equipment_key
from ..mentions import head_regex, title_words
from ..model import EQUIPMENT, Entity, Mention
from ...names import squash
from ..text import fold, patterns
from .designations import MARK
from .words import GENERIC_WORDS

# a mark or block number after a model number: "MM40 Block 3c"
_MARK_AFTER = re.compile(rf" (?:{MARK})")


class VariantPasses:
    """Variants of known systems (mixed into the resolver)."""

    # in running text only one or two capitals make a code ("Gripen E"; three are a kind: "Bradley IFV"),
    # and codes may follow one another ("F-16 C Block 70"); a standard is a letter, a digit and a letter ("Rafale F3R"),
    # or a digit and a letter ("TOW 2B"); capitals before a number are a model's ("Exocet MM 40"), no code
    VARIANT_RE = re.compile(rf"(?: (?:[A-Z]{{1,2}}\d?|[A-Z]\d[A-Z]|(?![2-4]D|[3-6]G)\d[A-Z]|{VARIANT_CODE})(?![\w/-]|(?<=[A-Z]{{2}}) \d{{2,4}}\b(?![\s-]?(?:mm|millimet(?:re|er)s?)\b)))+")
    CODE_RE = re.compile(r" [A-Z]{2,4}\d?(?![\w/-])")
    NAMED_RE = re.compile(r" ([A-Z][a-zà-ÿ]{3,})(?![\w-])(?!\s+[A-Z])")
    # "Puma M36", "Camcopter S-300", "Exocet MM 40": a model number (not a calibre: "Fırtına II 155 mm")
    MODEL_RE = re.compile(r" (?:[A-Z]{1,2}-?|[A-Z]{2} )\d{2,4}[A-Z]?(?![\w/]|[\s-]?(?:mm|millimet(?:re|er)s?)\b|-(?!mm\b))")

    def _distinct_variants(self) -> None:
        """`15 Gripen E and two Gripen F jets`: where an article names two or more variants of one
        known system (its name and a variant code), each variant is a system of its own; the family
        name alone stays the family. A family name with another code than the known system's own
        (`IRIS-T SLS` where the gazetteer knows `IRIS-T SLM`) is a system of its own even alone."""
        self._clashed: dict[str, str] = {}
        for key, ent in list(self.entities.items()):
            if ent.family != EQUIPMENT or not ent.gazetteer or key not in self.entities:
                continue
            variants: dict[str, list[Mention]] = {}
            written: dict[str, str] = {}  # a variant's name in the data or by the family's own name → as first written
            other: dict[str, list[Mention]] = {}
            for m in list(ent.mentions):
                export = re.match(r"/[A-Z]{1,2}(?![\w/-])", self.text[m.end:m.end + 4])
                if export and not self.covered(m.end, m.end + export.end()):
                    # "Type 054A/P": an export variant's suffix is part of the name written
                    m.end, m.text = m.end + export.end(), self.text[m.start:m.end + export.end()]
                    ent.aliases.add(m.text)
                    continue
                same = self._written_otherwise(ent, m)
                if same is not None:  # "Camcopter S100" of the known "Camcopter S-100": the system itself
                    m.end, m.text = same, self.text[m.start:same]
                    ent.aliases.add(m.text)
                    continue
                code = self.VARIANT_RE.match(self.text, m.end)
                alone = self._own_system_after(ent, m) if code is None else None
                if alone is not None:
                    other.setdefault(self.text[m.start:alone], []).append(m)
                    m.end, m.text = alone, self.text[m.start:alone]
                    continue
                if code and not self.covered(m.end + 1, code.end()):
                    m.end, m.text = code.end(), self.text[m.start:code.end()]  # "Gripen" + " F"
                names = ent.aliases | set(ent.facts.aliases) | {ent.canonical or ent.name}
                family = next((a for a in names if m.text != a and m.text.startswith(a + " ")
                               and self.VARIANT_RE.fullmatch(m.text[len(a):])), None)
                if family is not None:
                    name, in_data = self._variant_named(key, m.text, family)
                    variants.setdefault(name, []).append(m)
                    written.setdefault(name, name if in_data else m.text)
            known = {fold(e.canonical or e.name): e.key for e in self.entities.values() if e.variant_of == key}
            only = len(variants) == 1 and not other and sum(map(len, variants.values())) == len(ent.mentions)
            named = {id(m) for ms in variants.values() for m in ms}
            based = any(self._base_version(m) for m in ent.mentions if id(m) not in named)  # ("the first-generation X")
            # one variant written every time, "Kirpi II", is that variant, as where others are named; the family's
            # name written after the one variant named ("the Skyranger 30 … the Skyranger") refers to it
            refers = len(known) + len([n for n in variants if fold(n) not in known]) < 2 and not only and not based
            bare = [m.start for m in ent.mentions if id(m) not in named]
            if refers and (other or not variants or min(bare, default=0) < min(m.start for m in ent.mentions if id(m) in named)
                           or all(re.search(r"\d ?[x×] ?\d$", n) for n in variants)):  # ("Bastion 4x4": a wheel layout)
                variants = {}  # the family named first: a variant written after it is the family (a gazetteer
                if not other:  # variant named alone: the family name refers to it)
                    self._family_as_its_variant(key)
                refers = False
            for name, ms in {**variants, **other}.items():
                shown = written.get(name, name)
                for m in ms:
                    self.replace(m)
                    # the family's origin and maker, not its other names nor its Wikidata item
                    variant = self.add(Mention(m.start, m.end, shown, EQUIPMENT, source="context", head=m.head),
                                       EQUIPMENT, ent.cls, known.get(fold(shown)) or known.get(fold(name))
                                       or equipment_key(name), shown, facts=replace(ent.facts, aliases=(), wikidata=None))
                    variant.variant_of = key
                clashed = self.entities.get(self._clashed.pop(name, ""))
                first = min(m.start for m in ms)
                for x in list(clashed.mentions) if clashed is not None else []:
                    # after the variant is named, and not written as a system of the other kind ("the S-300 air
                    # defence system")
                    if name.endswith(" " + x.text) and x.start > first and not self._head_follows(x.end):
                        self.replace(x)
                        self.add(Mention(x.start, x.end, x.text, EQUIPMENT, source="alias", head=x.head),
                                 EQUIPMENT, variant.cls, variant.key)
            if refers:
                self._family_as_its_variant(key)

    def _variant_named(self, key: str, text: str, family: str) -> tuple[str, bool]:
        """The data's name of the variant that a family name and a code write ("JAS 39 Gripen C/D": the
        row's "Gripen C/D"), so that it is one system however the family is written; else the family's own
        name and the code ("Firtina II" of the known "T-155 Fırtına"); and whether the data names it."""
        entry = self.gaz.entries.get(key)
        if entry is None:
            return text, False
        data = self.gaz.variant(entry, text) or self.gaz.variant(entry, entry.name + text[len(family):])
        return (data, True) if data else (entry.name + text[len(family):], False)

    def _written_otherwise(self, ent: Entity, m: Mention) -> int | None:
        """Where a model number after a known system's family name ends, when both together are one of
        the system's names written with other hyphens or spaces (`Camcopter S100` for `Camcopter S-100`)."""
        model = self.MODEL_RE.match(self.text, m.end)
        if model is None or self.covered(m.end + 1, model.end()):
            return None
        names = ent.aliases | set(ent.facts.aliases) | {ent.canonical or ent.name}
        written = squash(m.text + model.group())
        return model.end() if written != squash(m.text) and written in {squash(a) for a in names} else None

    def _clashing_code(self, ent: Entity, m: Mention) -> int | None:
        """`Camcopter S-300`: where a code after a known family's name ends that the data knows as a
        system of another kind and maker only; the family's name and the code name a variant of the family."""
        model = self.MODEL_RE.match(self.text, m.end)
        if model is None:
            return None
        other = next((x for x in self.near(m.end + 1, model.end(), pad=0) if x.family == EQUIPMENT
                      and x.start == m.end + 1 and x.end == model.end() and x.key != ent.key), None)
        known = self.entities.get(other.key) if other is not None else None
        if known is None or known.cls == ent.cls or known.facts.manufacturer == ent.facts.manufacturer:
            return None
        self.replace(other)
        # "… the Camcopter S-300. Schiebel has offered the S-300": the code alone names the variant too
        self._clashed[self.text[m.start:model.end()]] = other.key
        return model.end()

    def _own_system_after(self, ent: Entity, m: Mention) -> int | None:
        """Where the name of a system of its own ends that a known family's name `m` starts: another
        code than the known system's own (`IRIS-T SLS` where the gazetteer knows `IRIS-T SLM`), a model
        number (`Puma M36`) or a capitalised name (`CV90 Mjölner`); None when the words after it are no such name."""
        own = ent.canonical or ent.name
        year = re.match(r"/\d{2}(?![\w/-])", self.text[m.end:m.end + 4])
        if year is not None and not self.covered(m.end, m.end + year.end()):
            return m.end + year.end()  # "RM-70/85": the model of a year, a system of its own
        model = self.MODEL_RE.match(self.text, m.end)
        mark = _MARK_AFTER.match(self.text, model.end()) if model is not None else None  # ("Exocet MM40 Block 3c")
        end = mark.end() if mark is not None else model.end() if model is not None else m.end
        if model is not None and not self.covered(m.end + 1, end) and fold(self.text[m.start:end]) not in \
                {fold(a) for a in ent.aliases | set(ent.facts.aliases) | {own}}:
            return end  # a model number the known system's names do not have is a system of its own
        clash = self._clashing_code(ent, m)
        if clash is not None:
            return clash
        coded = self.CODE_RE.match(self.text, m.end)
        if coded is not None:
            code = coded.group().strip()
            if fold(own).startswith(fold(m.text) + " ") and fold(own) != fold(m.text + coded.group()) \
                    and not self.covered(m.end + 1, coded.end()) \
                    and code not in title_words() and code not in patterns()["category_codes"] \
                    and not re.match(r"\s+[A-Z][a-z]", self.text[coded.end():coded.end() + 3]):
                return coded.end()
            return None
        named = self.NAMED_RE.match(self.text, m.end)
        if named is not None and self._variant_name(named.group(1), m.end + 1, named.end()):
            return named.end()
        return None

    def _variant_name(self, word: str, s: int, e: int) -> bool:
        """Whether a capitalised word right after a system's name names a variant of it: not a title,
        a kind of equipment, a word any capitalised phrase may start with, or a name of its own."""
        return word not in title_words() and word not in patterns()["stop_capitalised"] \
            and not head_regex().fullmatch(fold(word)) and fold(word) not in GENERIC_WORDS \
            and fold(word) not in patterns()["not_moved_nouns"] \
            and not self.covered(s, e) and not self.country_at(s, e) \
            and self.sentence_of(s).start != self.sentences[0].start  # "TB2 Turkish drones": whose make

    def _family_as_its_variant(self, key: str) -> None:
        """`Skyranger 30 … the Skyranger`: where an article names one variant of a family (one the
        gazetteer lists), the family name alone refers to it."""
        variants = [e for e in self.entities.values() if e.variant_of == key]
        family = self.entities.get(key)
        if len(variants) != 1 or family is None:
            return
        one = variants[0]
        names = family.aliases | set(family.facts.aliases) | {family.canonical or family.name}
        own = [m for m in family.mentions if any(  # "JF-17 Block-III … four JF-17B": a variant of its own stays
            m.text.startswith(a + " ") and self.VARIANT_RE.fullmatch(m.text[len(a):]) for a in names)]
        for m in family.mentions:
            if m not in own:
                m.key = one.key
                one.mentions.append(m)
        family.mentions = own
        if not own:
            del self.entities[key]
        self._reindex()

    def _base_version(self, m: Mention) -> bool:
        """Whether the word right before a family's name makes it the first version ("the first-generation
        T-155 Fırtına" beside the "T-155 Fırtına II"), not the variant the article names."""
        before = fold(self.text[max(0, m.start - 30):m.start])
        return any(re.search(rf"\b{re.escape(w)}\s+$", before) for w in patterns()["base_version_words"])

    def _family_references(self) -> None:
        """`The first two UH-60M Black Hawks landed … The Black Hawks will replace …`: where an article names
        one variant of a family that the data lists as a row of its own, and no other, and names the family
        in its body only in the plural after "the" (or "these", "those") once the variant is named, the
        family's name refers to the variant, in the headline too ("unlike the MQ-9 Reaper fleet" is the family's)."""
        variants: dict[str, list[Entity]] = {}
        for e in self.entities.values():
            if e.family == EQUIPMENT and e.key in self.gaz.families:
                variants.setdefault(self.gaz.families[e.key], []).append(e)
        for key, found in variants.items():
            family = self.entities.get(key)
            if family is None or len(found) != 1 or any(e.variant_of == key for e in self.entities.values()):
                continue
            one = found[0]
            first = min(m.start for m in one.mentions)
            headline = self.sentences[0].end if self.sentences else 0  # the headline says what the story tells
            body = [m for m in family.mentions if m.start >= headline]
            if not all(m.start > first and m.text.endswith("s") and not fold(self.gaz.entry(key).name).endswith("s")
                       and _DEFINITE.search(self.text[max(0, m.start - 30):m.start]) for m in body):
                continue  # the family named in the body on its own ("30 CAMM delivered, CAMM-ER still discussed")
            for m in family.mentions:
                m.key, m.source = one.key, "alias"  # (still a system's name: "Leopard 2 tanks" names no kind)
            one.mentions += family.mentions
            del self.entities[key]
        self._reindex()

    def _known_as(self) -> None:
        """`80 LMVs ("Light Multirole Vehicle"), known as Lynx`: a system and the name it is said to be
        known by are one system, under the first name (the second may be another system's in the data)."""
        for m in [m for m in self.mentions if m.family == EQUIPMENT]:
            said = _KNOWN_AS.match(self.text, m.end)
            at = said.end() if said else -1
            while said is not None:  # ("also known as the KM-SAM Block II or simply M-SAM": each name said)
                other = next((x for x in self.near(at, at + 80, pad=0) if x.family == EQUIPMENT and x.start == at), None)
                if other is None or m.key not in self.entities or re.match(r"\s+(?!(?:or|in|by|and|to|for|from|at|on|with|among)\b)[a-z]", self.text[other.end:other.end + 8]):
                    break  # ("dubbed the Pantsir killer": a nickname that names another system, not this one's other name)
                if other.key != m.key and other.key in self.entities:
                    self.rekey(other.key, m.key)
                    self.entities[m.key].mentions.sort(key=lambda x: x.start)  # named, among equals, as first written
                said = _OR_SIMPLY.match(self.text, other.end)
                at = said.end() if said else -1

    def _kind_versions(self) -> None:
        """`six Dingo 2 in the ambulance version`, `the ambulance version of the Boxer`: a version of a
        system named by what it is for is a system of its own ("Dingo 2 ambulance"); a newer or the same
        version (data/patterns.json version_qualifiers) is not."""
        word = r"([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)"
        after = re.compile(rf"\s+(?:in|as)\s+(?:the|its|an?)\s+{word}\s+(?:version|variant|configuration)\b")
        before = re.compile(rf"\b(?i:the|an?|its)\s+{word}\s+(?:version|variant)\s+of\s+(?:the\s+)?$")
        qualifiers = set(patterns()["version_qualifiers"])
        for m in [m for m in self.mentions if m.family == EQUIPMENT]:
            kind = after.match(self.text, m.end) or before.search(self.text[max(0, m.start - 60):m.start])
            if kind is None or set(kind.group(1).split()) & qualifiers or m.key not in self.entities:
                continue
            if kind.re is before and self._version_said_of(max(0, m.start - 60) + kind.start()):
                continue  # "The AW139M is the military variant of the AW139": that version is named already
            family = self.entities[m.key]
            name = f"{m.text} {kind.group(1)}"
            self.replace(m)
            kept = family.variant_of or (family.key if family.key in self.entities or family.gazetteer else None)
            variant = self.add(Mention(m.start, m.end, m.text, EQUIPMENT, source="context", head=m.head),
                               EQUIPMENT, family.cls, equipment_key(name), name,
                               facts=replace(family.facts, aliases=(), wikidata=None))
            variant.variant_of = kept
            variant.canonical = name  # no written form of the article names it whole
            variant.aliases.discard(m.text)  # the family's name, not another name of this version

    def _version_said_of(self, at: int) -> bool:
        """Whether the words before `at` ("… the military variant of") say it of a system named right
        before them ("The AW139M is", "the AW139M,")."""
        said = re.search(r"(?:\s+(?:is|was|being)|,)\s+$", self.text[max(0, at - 12):at])
        end = at - len(said.group()) if said else None
        if end is None:
            return False
        # (a code attached to the family, "AW139M", is found later: a designation written there says it too)
        # ("AW139M helicopters, the military variant of": a designation and its kind)
        return any(x.family == EQUIPMENT and x.end == end for x in self.near(end - 1, end, pad=0)) or \
            re.search(r"(?<![\w-])[A-Z][\w/-]*\d[\w/-]*(?:\s+[a-z]+){0,2}$", self.text[max(0, end - 40):end]) is not None

# before a family's name in the plural that refers to its variant named before: "the Black Hawks", "the two Leopard 2s"
_DEFINITE = re.compile(r"\b(?:the|these|those)\s+(?:[\w-]+\s+)?$", re.I)
# between a system and another name it goes by: ` ("Light Multirole Vehicle"), known as `, `, also called `
_KNOWN_AS = re.compile(r"(?:\s*\([^)]{0,60}\))?,?\s+(?:(?:which|that)\s+(?:is|was|are|were)\s+)?(?:also\s+|locally\s+|commonly\s+|better\s+)?(?:known|called|dubbed|nicknamed)"
                       r"\s+(?:as\s+)?(?:the\s+)?[\"“]?")
_OR_SIMPLY = re.compile(r"[\"”]?,?\s+or\s+(?:simply\s+|just\s+)?(?:as\s+)?(?:the\s+)?[\"“]?")
