"""Systems named by the shape of a designation ("T-50", "PC-7 Mk X"), where something says they are systems."""

from __future__ import annotations

import re
from dataclasses import replace

from ..gazetteer import Entry, equipment_key
from ..mentions import head_classes, head_regex
from ..model import AGENCY, COUNTRY, EQUIPMENT, Mention
from ..text import fold, patterns, trigger_regex

_FUNCTION_WORDS = {"to", "from", "for", "and", "or", "with", "by", "in", "on", "at", "as", "which", "that", "was",
                   "were", "is", "are", "will", "would", "has", "have", "had", "between", "among"}
# a mark or block number after a designation: "Mk X", "MKX", "Mark 2", "Block 70", "Blk 70", "Block 3c", "Block IIIc"
# a variant code of capitals joined to a designation ending in digits: "M346FA", "T-50IQ", "M109A3GN"
_ATTACHED_CODE = re.compile(r"[A-Z](?:[A-Z]{0,2}\d?|\d[A-Z]{1,2})")
# a variant code after a space, with a number in it: " A3GN", " A4"
_SPACED_CODE = re.compile(r" ((?=[A-Z]{0,3}\d)[A-Z](?:[A-Z]{0,2}\d|\d[A-Z]{0,2}))(?![\w-])")
MARK = r"(?:Mk|MK|Mark)[.-]? ?(?:[IVX]{1,4}|\d{1,2}[A-Z]?)|(?:Block|Blk\.?) (?:\d+|[IVX]{1,4})(?:(?!s\b)[A-Za-z])?(?![\w-])"


# words that open a designation of their own with the code after them ("Type 90-II", "Model 412")
_CODE_WORDS = frozenset({"Type", "Model", "Series", "Class"})


class DesignationPasses:
    """Designation-shaped names listed with a known system, owned, made, counted, moved or talked about."""

    DESIGNATION_RE = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{0,5}(?:-\d{1,4}|\d{2,4})[A-Za-z]{0,4}"
                                rf"(?: (?:{MARK}|[A-Z][a-z]{{2,}}|[IVX]{{1,3}}))?(?![\w-])")

    def _designations_by_company(self) -> None:
        """`the T-50, TA-50 and FA-50`, `the Russian MiG-35`: a designation-shaped name (letters
        and digits) listed with a known system, owned by a country, made by a company, counted or
        moved by a transfer trigger, is a system too."""
        for _ in range(3):  # a list is read from the known system outwards, one neighbour a round
            if not self._designations_listed_once():
                return

    def _designations_listed_once(self) -> bool:
        added = False
        for d in self.DESIGNATION_RE.finditer(self.text):
            s, e = d.start(), d.end()
            if self.covered(s, e) or self.country_at(s, e) or re.match(r"[.,]\d", self.text[e:e + 2]):
                continue  # ("P48.5 million": an amount)
            words = self.text[s:e].split()
            if len(words) == 2 and (self.covered(s + len(words[0]) + 1, e) or re.match(r" [A-Z][a-z]", self.text[e:e + 3])
                                    or self.country_at(s + len(words[0]) + 1, e)):  # "KX-90 Turkish vehicles"
                e, words = s + len(words[0]), words[:1]  # "AE-4500 Electronic Surveillance System": a descriptor follows
            elif len(words) == 2 and words[1] in _CODE_WORDS and re.match(r" [\w-]*\d", self.text[e:e + 8]):
                e, words = s + len(words[0]), words[:1]  # "MBT-2000 Type 90-II": the word opens a second designation
            listed = [m for m in self.near(s, e, pad=60) if m.family == EQUIPMENT and (
                re.fullmatch(r"(?:,|,? and|,? or)\s+(?:the\s+)?", self.text[m.end:s])
                or re.fullmatch(r"(?:,|,? and|,? or)\s+(?:the\s+)?", self.text[e:m.start]))]
            adjective = re.search(r"\s[a-z]+\s$", self.text[max(0, s - 20):s])  # "Canada's aging CP-140"
            owned = self.country_ending_before(s) is not None or (
                adjective is not None and self.country_ending_before(s - len(adjective.group(0)) + 1) is not None)
            if not listed and not owned and not self.company_ending_before(s) and not self._counted(s) \
                    and not self._taken_by_trigger(s, e):
                continue
            name = self.text[s:e]
            cls = self.entities[listed[0].key].cls if listed else "Equipment"
            self.add_system(Mention(s, e, name, EQUIPMENT, source="context"), cls)
            added = True
        return added

    def _spaced_variant_codes(self) -> None:
        """`M109 A3GN`, `Leopard 2 A4`: a known designation ending in a number, then a space and a variant code of
        capitals with a number, is that variant, named as it is written joined ("M109A3GN")."""
        for m in [m for m in self.mentions if m.family == EQUIPMENT and m.source == "gazetteer" and m.text[-1:].isdigit()]:
            code = _SPACED_CODE.match(self.text, m.end)
            if code is None or self.covered(m.end + 1, code.end(), (EQUIPMENT, AGENCY, COUNTRY)):
                continue
            cls, name = self.entities[m.key].cls, m.text + code.group(1)
            known = next((g.form.entry for g in self.gaz.find(name) if g.start == 0 and g.end == len(name)
                          and g.form.entry.family == EQUIPMENT), None)  # ("Leopard 2 A4" is the known "Leopard 2A4")
            self.replace(m)
            written = Mention(m.start, code.end(), self.text[m.start:code.end()], EQUIPMENT,
                              source="gazetteer" if known else "context")
            if known is not None:
                self.add(written, EQUIPMENT, known.cls, known.key, entry=known)
            else:
                self.add(written, EQUIPMENT, cls, equipment_key(name), name)

    def _attached_variant_codes(self) -> None:
        """`M346FA`, `T-50IQ`: a designation the data does not know, written as a known system's
        designation with a variant code in capitals joined to it, is a variant of that system (its
        origin and maker)."""
        families = []
        for ent in self.entities.values():
            if ent.family != EQUIPMENT or ent.gazetteer or ent.variant_of or ent.facts.origin or ent.facts.manufacturer:
                continue
            for m in ent.mentions:
                known = self._attached_to(m.text)
                if len(known) == 1:
                    ent.facts = replace(known[0].facts, aliases=(), wikidata=None)
                    ent.variant_of = known[0].key
                    families.append(known[0].key)
                    break
        for key in dict.fromkeys(families):
            self._family_as_its_variant(key)   # "M109A3GN … the M109s": the one variant named, if one

    def _attached_to(self, text: str) -> list[Entry]:
        """The known systems whose designation `text` is, with a variant code joined to it (the
        longest such designation: "M109A3GN" is "M109" with "A3GN")."""
        for cut in range(len(text) - 1, 1, -1):
            family = text[:cut]
            if not (family[-1].isdigit() and family[0].isupper() and _ATTACHED_CODE.fullmatch(text, cut)):
                continue
            known = [g.form.entry for g in self.gaz.find(family)
                     if g.start == 0 and g.end == len(family) and g.form.entry.family == EQUIPMENT]
            if known:
                return known
        return []

    def _taken_by_trigger(self, s: int, e: int) -> bool:
        """`will sell the AE-4500 to Canada`: a designation standing alone (no noun after it: not "AN-32
        propellers", "Sh40 billion") that a transfer trigger takes as what moves, or that talks are held on."""
        after = re.match(r"\s+([a-z]+)", self.text[e:e + 20])
        if (after and after.group(1) not in _FUNCTION_WORDS) or self.in_money(s, e) or self.text[max(0, s - 1):s] == "(":
            return False  # "BRP Diego Silang (FFG-07)": a name's hull number
        sent = self.sentence_of(s)
        if trigger_regex("talks_nouns").search(fold(sent.text)) and re.search(
                r"\b(?:on|over|about|regarding|concerning)\s+(?:the\s+|its\s+|their\s+)?$", self.text[max(0, s - 20):s]):
            return True  # "held talks with Pilatus about the PC-21": what talks are held on
        triggers = list(trigger_regex("transfer").finditer(fold(sent.text)))
        return bool(triggers) and self._moved(sent, Mention(s, e, self.text[s:e], EQUIPMENT, source="context"), triggers)

    def _designations_after_head(self) -> None:
        """`self-propelled howitzers Krab`, `tanks Leopard 2A4`: a category noun and then the
        system's name, as Polish, Czech and Ukrainian releases write it in English; `patrol boats of
        the Kestrel 90 type`: the name of the type they are."""
        stop = set(patterns()["stop_capitalised"])
        for hm in head_regex().finditer(fold(self.text)):
            # (quoted: 'tanks of the "T-72B1" type', «T-72B1» as many languages' press writes it)
            m = re.match(r"( of the)? [\"“«‘]?([A-Z][\w/-]*(?: (?:[A-Z0-9][\w/-]*|II|III|IV))*)[\"”»’]?", self.text[hm.end():hm.end() + 50])
            if not m or m.group(2).split()[0] in stop or self.text[hm.start():hm.end()].isupper():
                continue  # "NEW AIRCRAFT TO BE ACQUIRED": a heading in capitals, no name after a head
            if m.group(1) and not re.match(rf"\s+(?:{'|'.join(patterns()['type_nouns'])})\b", self.text[hm.end() + m.end():]):
                continue
            s, e = hm.end() + m.start(2), hm.end() + m.end(2)
            if self.covered(s, e) or self.country_at(s, e) or any(
                    x.family == COUNTRY and s <= x.start < e for x in self.near(s, e, pad=0)):
                continue
            if self.text[e:e + 1].isalnum() or re.match(r"\s+(?:and|of)\b", self.text[e:e + 6]):
                continue
            name = self.text[s:e]
            if any(name in x.aliases for x in self.entities.values()) or len(name) < 3 or \
                    not re.search(r"\d|\b[A-Z]{2,}\b", name):
                continue  # a designation ("Leopard 2A4", "K9A1"), not any capitalised word
            self.add(Mention(s, e, name, EQUIPMENT, source="context"), EQUIPMENT, head_classes()[hm.group()],
                     equipment_key(name), name)

    DESIGNATION = re.compile(r"(?:^|(?<=\s))([A-Z]{1,4}(?:/[A-Z]{1,3})?-?\d{1,4}[A-Z]{0,2}(?:-\d{1,3})?)\s$")  # ("C-130J-30")

    def _designation_prefixes(self) -> None:
        """`UH-60M Black Hawk`, `F-35A Lightning II`: a type designation right before a system's
        name belongs to that name."""
        for m in sorted([m for m in self.mentions if m.family == EQUIPMENT], key=lambda m: m.start):
            left = self.text[max(0, m.start - 16):m.start]
            d = self.DESIGNATION.search(left)
            if d is None:
                continue
            start = m.start - (len(left) - d.start(1))
            before = [x for x in self.near(start, m.start) if x is not m and x.start < m.start and x.end > start]
            if any(x.family != EQUIPMENT for x in before):
                continue
            for x in before:  # the designation was its own mention of the same system, or of none known
                if x.key != m.key and x.key in self.entities:
                    other = self.entities[x.key]
                    other.mentions = [y for y in other.mentions if y is not x]
                    if not other.mentions:
                        del self.entities[x.key]
                self.mentions.remove(x)
            m.start, m.text = start, self.text[start:m.end]
            self.entities[m.key].aliases.add(m.text)
        self._reindex()
