"""Ships by name: a ship prefix and the name (`HMS Prince of Wales`), or the kind of ship and the
name (`the corvette Jecheon`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import equipment_key
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Mention
from ..mentions import title_words
from ..text import alternation, fold, patterns


@lru_cache(maxsize=1)
def _naval() -> re.Pattern:
    """A word of a sentence that speaks of ships (data/patterns.json naval_context_words)."""
    return re.compile(r"\b(?:%s)\b" % alternation("naval_context_words"), re.I)


class ShipPasses:
    """Ships by name."""

    def _ship_names(self) -> None:
        """`BRP Some Name`, `HMS Prince of Wales`, `ARC "24 de Julio"`: a ship prefix and the ship's name."""
        prefixes = alternation("ship_prefixes")
        # ("B.A.P. Guise": a prefix of three capitals or more may be written with full stops)
        dotted = "|".join(r"\.".join(p) + r"\." for p in patterns()["ship_prefixes"] if re.fullmatch(r"[A-Z]{3,}", p))
        # ("USS Robert G. Bradley": a middle initial inside the name)
        for m in re.finditer(rf"\b(?:{prefixes}|{dotted}) (?:[A-Z][\w'’-]*(?: (?:of|de|la|del) [A-Z][\w'’-]*| [A-Z]\.(?= [A-Z])| [A-Z][\w'’-]*){{0,3}}"
                             r"|\"[\w'’ -]{2,40}\"|“[\w'’ -]{2,40}”)", self.text):
            s, e = m.start(), m.end()
            if "." in m.group().split()[0] and (re.search(r"[A-Z][\w.]* +$", self.text[max(0, s - 20):s])
                                                or m.group().split()[1] in title_words()):
                continue  # ("Maj Gen K.N.S. Rao": initials after a title; "R.S.S. Chief A": a body's title)
            # (a name of words only: not "JS Kaga F-35B trials", where the designation is a system of its own)
            inner = [x for x in self.near(s, e) if x.family == EQUIPMENT and s < x.start and x.end <= e and x.text.isalpha()]
            if inner and not self.covered(s, inner[0].start) and not self.covered(inner[-1].end, e):
                for x in inner:  # "USS Robert G. Bradley": a known system's name inside a ship's is the ship's
                    self.replace(x)
            if self.covered(s, e) or any(w.lower() in patterns()["org_heads"] for w in m.group().split()[1:]) or \
                    m.group().split()[0] in patterns()["context_ship_prefixes"] and not _naval().search(self.sentence_of(s).text):
                continue  # ("the BAP Centre of Excellence": a body; "an ARC Laureate Fellow": no ship where none is spoken of)
            name = self.text[s:e]
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, "Ship", equipment_key(name), name)
        self._ship_names_by_prefix_shape()
        self._class_names()
        # "the retired corvette Jecheon": a ship's name right after the kind of ship it is
        kinds = alternation("ship_kind_nouns")
        stop = set(patterns()["stop_capitalised"]) | {w.capitalize() for w in [*patterns()["months"], *patterns()["weekdays"]]}
        for m in re.finditer(rf"\b(?:{kinds}) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{0,2}})", self.text):
            s, e = m.start(1), m.end(1)
            if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or m.group(1).split()[0] in stop \
                    or any(c.isdigit() for c in m.group(1)):
                continue
            self.add(Mention(s, e, m.group(1), EQUIPMENT, source="context"), EQUIPMENT, "Ship",
                     equipment_key(m.group(1)), m.group(1))

    def _ship_names_by_prefix_shape(self) -> None:
        """`BNS Umar Faruq`, `PNS KHAIBAR`: a prefix of capitals ending in S (a navy's "… Ship") before a
        name, where the sentence speaks of ships and the prefix names nothing else."""
        naval = _naval()
        name = r"[A-Z][\w'’-]*(?: (?:of|de|la|del) [A-Z][\w'’-]*| [A-Z][\w'’-]*){0,3}"
        for sent in self.sentences:
            if not naval.search(sent.text):
                continue
            for m in re.finditer(rf"(?<![\w-])([A-Z]{{2,4}}S) ({name})", sent.text):
                s, e = sent.start + m.start(), sent.start + m.end()
                if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or m.group(1) in patterns()["not_ship_prefixes"] \
                        or m.group(2).split()[0].lower() in patterns()["org_heads"] \
                        or m.group(2).split()[-1].lower() in patterns()["org_heads"] \
                        or re.fullmatch(r"[IVXLC]+", m.group(2).split()[0]) \
                        or any(0 <= s - r.end <= 2 for r in self.roles):
                    continue  # "US Navy" is known; "BNS Headquarters" a place, "NSS Coast Guard" a body; "Air Marshal BS Doe" a person
                self.add(Mention(s, e, self.text[s:e], EQUIPMENT, source="context"), EQUIPMENT, "Ship",
                         equipment_key(self.text[s:e]), self.text[s:e])

    def _classes_with_kinds(self) -> None:
        """`a Guardian-class patrol boat` in a headline, `the Guardian-class Patrol Boat` in the body: a class named
        alone is the one system the article names as that class and a kind."""
        suffix = alternation("class_suffix")
        for ent in [e for e in self.entities.values() if e.family == EQUIPMENT and re.search(rf"(?:{suffix})$", e.name)]:
            start = fold(ent.name) + " "
            longer = [e for e in self.entities.values() if e.family == EQUIPMENT and fold(e.name).startswith(start)]
            # (one system in both numbers: "Guardian-class Patrol Boat", "Guardian-class Patrol Boats")
            if len({fold(e.name).removesuffix("s") for e in longer}) == 1 and ent.key in self.entities:
                for other in longer[1:]:
                    self.rekey(other.key, longer[0].key)
                self.rekey(ent.key, longer[0].key)

    def _class_names(self) -> None:
        """`two Cyclone-class patrol ships`, `a Guardian class boat`: a name and "class" (data/patterns.json
        class_suffix) in a sentence that speaks of ships names a class of ships, written either way."""
        naval = _naval()
        suffix = alternation("class_suffix")
        stop = set(patterns()["class_stop_words"])
        numbers = set(patterns()["number_words"])
        for sent in self.sentences:
            if not naval.search(sent.text):
                continue
            for m in re.finditer(rf"(?<![\w/-])([A-Z][\w'’]*(?:[ -][A-Z][\w'’]*){{0,2}})(?:{suffix})(?![\w-])", sent.text):
                s, e = sent.start + m.start(), sent.start + m.end()
                words = re.split(r"(?<=[\w'’])[ -]", m.group(1))
                while words and (words[0].lower() in stop or words[0].lower() in numbers):
                    s += len(words.pop(0)) + 1  # "Two Guardian class boats", "The Cyclone-class ships"
                if not words or self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)):
                    continue  # "world-class", "the Navy class of 2024"; a known class keeps its entry
                # "BRP Jane Doe … the Jane Doe-class": a class named after its first ship, which the article names
                lead = next((x.key for x in self.entities.values() if x.family == EQUIPMENT and x.cls == "Ship"
                             and x.name.endswith(" " + " ".join(words))), None)
                self.add(Mention(s, e, self.text[s:e], EQUIPMENT, source="context"), EQUIPMENT, "Ship",
                         lead or equipment_key(self.text[s:e]), self.text[s:e])

