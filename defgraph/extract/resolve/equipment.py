"""Systems: named with their category noun, listed with known ones, ships by prefix, calibres."""

from __future__ import annotations

import re
from dataclasses import replace

from ..amounts import parse_quantity
from ..gazetteer import equipment_key
from ..mentions import head_classes, head_regex, kit_nouns
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, Mention
from ..text import alternation, fold, legal_form, maker_suffix, patterns, trigger_regex
from .designations import MARK
from .kit import same_kind
from .kit_phrases import DIMENSION, measure_unit
from .words import GENERIC_WORDS

# a kind written as its acronym ("APCs", "MBT"): what the system is, not part of its name
_ACRONYM_HEAD = re.compile(r"[A-Z]{2,5}s?")
_VARIANT_TAIL = re.compile(rf"(?: (?:[IVX]{{1,3}}|[A-Z]\d?|{MARK}))+")  # "AGM-114R2 Hellfire II"


# words that join the words of a headline in capitals, never the words of a name
_JOINING_WORDS = frozenset({"and", "or", "of", "the", "to", "with", "for", "from", "on", "in", "at", "by", "as"})


class EquipmentPasses:
    """Systems: named with their category noun, listed with known ones, ships by prefix, calibres."""

    def _equipment_by_head(self) -> None:
        """`Bulldog armoured personnel carriers`: a designation before a generic category noun."""
        for hm in head_regex().finditer(fold(self.text)):
            cat = head_classes()[hm.group()]
            if self._head_modifies(hm.start(), hm.end()):
                continue
            known = [m for m in self.near(hm.start() - 40, hm.start()) if m.family == EQUIPMENT
                     and 0 <= hm.start() - m.end <= 25
                     and re.fullmatch(r"[\s\w-]{0,25}", self.text[m.end:hm.start()] or "")
                     and not re.search(r"\b(and|or)\b", self.text[m.end:hm.start()])]
            if known:
                s, e = self._designation_after_maker(hm.start())
                for m in known:
                    m.head = True
                    known_as = self.entities[m.key].canonical or self.entities[m.key].name
                    if self.text[m.end:hm.start()] == " " and m.source == "gazetteer" and re.fullmatch(r"[A-Z][a-z]+", m.text) \
                            and not fold(known_as).startswith(fold(m.text)) and not same_kind(cat, self.entities[m.key].cls) \
                            and not re.search(r"[A-Z]\S*\s$", self.text[:m.start]):
                        # "22 Mamba armoured vehicles" beside the SAMP/T "Mamba": a nickname's other system, of the head's kind
                        self.replace(m)
                        self.add(Mention(m.start, m.end, m.text, EQUIPMENT, source="context", head=True), EQUIPMENT, cat,
                                 equipment_key(m.text), m.text)
                        continue
                    if self.text[m.end:hm.start()] == " " and self.text[hm.start()].isupper() and \
                            not _ACRONYM_HEAD.fullmatch(self.text[hm.start():hm.end()]) and \
                            all(w[:1].isupper() for w in self.text[hm.start():hm.end()].split()) and \
                            m.source == "gazetteer" and not self.covered(m.end + 1, hm.end()) and \
                            self.sentence_of(m.start) is not self.sentences[0]:  # not a title-case headline
                        # "Bastion Armored Personnel Carriers": a head written in capitals is part of the name
                        m.end, m.text = hm.end(), self.text[m.start:hm.end()]
                        self.entities[m.key].aliases.add(m.text)
                        continue
                    if s is not None and s < m.start and (e == m.end or _VARIANT_TAIL.fullmatch(self.text[m.end:e])) \
                            and m.source == "gazetteer" and \
                            re.search(r"\d", self.text[s:m.start]) and not self.covered(s, m.start) and \
                            not self.CALIBRE_ONLY_RE.fullmatch(self.text[s:m.start].strip()):  # "155-millimeter K-9 gun"
                        # "K808 White Tiger wheeled armoured vehicles": a designation before a known word,
                        # a variant of that system ("F-39E Gripen … the new Gripens": the family is it)
                        name, family = self.text[s:e], self.entities[m.key]
                        code = self.text[s:m.start].rstrip()
                        if not same_kind(cat, family.cls) and re.fullmatch(r"[A-Z][\w/-]*\d[\w/-]*", code):
                            # "M1084A2 HIMARS resupply vehicles": a system of another kind, for the known one
                            self.add(Mention(s, s + len(code), code, EQUIPMENT, source="context", head=True),
                                     EQUIPMENT, cat, equipment_key(code), code)
                            continue
                        self.replace(m)
                        # ("K808 White Tiger" vehicles: no variant of the Tiger helicopter, nor of its maker)
                        kin = same_kind(cat, family.cls)
                        variant = self.add(Mention(s, e, name, EQUIPMENT, source="context", head=True),
                                           EQUIPMENT, cat, equipment_key(name), name,
                                           facts=replace(family.facts, aliases=(), wikidata=None) if kin else None)
                        variant.variant_of = family.key if family.gazetteer and kin else None
                        continue
                    extra = re.fullmatch(r" ([A-Z][a-z]+) ", self.text[m.end:hm.start()])
                    if extra and m.source == "gazetteer" and not self.covered(m.end + 1, hm.start()):
                        # "Harpoon Coastal Defense System": a capitalised head belongs to the name
                        whole = self.text[hm.start()].isupper()
                        end = hm.end() if whole else m.end + len(extra.group(0).rstrip())
                        name = self.text[m.start:end]
                        if whole:
                            self.replace(m)
                        self.add(Mention(m.start, end, name, EQUIPMENT, source="context", head=True),
                                 EQUIPMENT, cat, equipment_key(name), name)
                continue
            s, e = self._designation_after_maker(hm.start())
            if s is not None and (named_class := re.match(r"(?:-| )class(?= )", self.text[e:hm.start()])):
                e += named_class.end()  # "the Guardian class patrol boats": the class, as "Guardian class boats" names it
            if s is None or s >= e or self.covered(s, e) or self.country_at(s, e) or self.in_money(s, e):
                continue  # "a €500m military radar system": an amount, not a designation
            spelled = SPELLED_OUT.search(self.text, max(0, s - 100), s)
            if spelled is not None and not any(c.isdigit() for c in self.text[s:e]):
                # "XM1147 High Explosive Multi-Purpose with Tracer tank cartridges": a designation
                # and its name spelled out, the last words of which stand before the head
                s, e = spelled.start(1), spelled.end(1)
                if self.covered(s, e):
                    continue
            if self.text[hm.start():hm.start() + 1].isupper() and not _ACRONYM_HEAD.fullmatch(self.text[hm.start():hm.end()]) \
                    and not self.text[hm.start():hm.end()].isupper():  # (a headline in capitals: "AW 139M HELICOPTER")
                e = hm.end()  # "Joint Direct Attack Munitions": the head is part of the name ("K2 MBTs": not)
                if not re.search(r"\d", self.text[s:hm.start()]):
                    s = self._generic_words_before(s)  # "Armoured Light Specialist Vehicles": one name
                if self.covered(s, e):
                    continue
            name = self.text[s:e]
            if any(fold(name) == fold(x) for x in patterns()["stop_capitalised"]):
                continue
            if re.fullmatch(r"[A-Z][a-z]+", name) and re.search(rf"(?<![\w-]){name.lower()}(?![\w-])", self.text):
                continue  # "--Coastal radar systems", with "coastal radars" later: a word, not a designation
            if re.match(r"\d+(?:st|nd|rd|th)\b", name):
                continue  # "5th-generation fighter jets": an ordinal, not a designation
            if re.fullmatch(r"[A-Z][a-z]+", name) and fold(name).startswith(tuple(patterns()["transfer_stems"])) or \
                    re.fullmatch(r"[A-Z][a-z]+(?:s|ed|ing)", name.split()[0]) and fold(name.split()[0]).startswith(tuple(patterns()["transfer_stems"])):
                continue  # "Buying three patrol vessels", "Ankara Donates Armoured Cars to Tirana": a verb, no designation
            verb_before = re.search(r"([A-Z][a-z]+(?:s|ed))\s+$", self.text[max(0, s - 20):s])
            if name.split()[0] in ("Over", "Out") and verb_before and \
                    fold(verb_before.group(1)).startswith(tuple(patterns()["transfer_stems"])):
                continue  # "Japan Hands Over Patrol Boats": the particle of a headline's verb
            if any(fold(name) == h or fold(name).endswith(" " + h) for h in patterns()["strong_org_heads"]):
                continue  # "the Indonesian Air Force now includes jets": an organisation, then its verb
            if self.count_after_body(s, name):
                continue  # "to the Romanian Air Force 21 radar systems": a body's name, then a count
            if fold(name) in patterns()["number_words"] or self.CALIBRE_ONLY_RE.fullmatch(name) \
                    or re.fullmatch(r"\d+ ?[x×] ?\d+", name):
                continue  # "Sixteen wheeled howitzers", "BMC's lighter 4x4 vehicle": a number or a wheel layout
            if any(name in x.aliases for x in self.entities.values() if x.family in (AGENCY, PERSON)):
                continue  # "The MND said frigates ...": an organisation's acronym, not a designation
            if e == hm.end() and not re.search(r"\d", name) and self._company_in_article(name):
                continue  # "Grob Aircraft" where the article says "German manufacturer Grob Aircraft": a company
            if e < hm.start() and fold(name.split()[-1]) in kit_nouns() and self._counted(s):
                continue  # "three Silver Ships patrol boats": a maker named for its own kind, a brand (`_brand`)
            self.add_system(Mention(s, e, name, EQUIPMENT, source="context", head=True), cat)

    def _company_in_article(self, name: str) -> bool:
        """Whether the article writes `name` as a company's: after a word for a company ("German manufacturer
        X", "from Germany's X"), before a legal form ("X SE") or before a company officer ("X's chief executive")."""
        words = alternation("company_descriptors", longest_first=True)
        officers = alternation("company_officers")
        n = re.escape(name)
        return re.search(rf"\b(?:{words})\s+{n}\b|\b{n},?\s+(?:{legal_form()})(?![\w-])|\bfrom\s+[A-Z][\w-]*['’]s\s+{n}\b",
                         self.text) is not None or \
            re.search(rf"\b{n}['’]s\s+(?:{officers})\b|\b(?:{officers})\s+of\s+{n}\b", self.text, re.I) is not None

    def _generic_words_before(self, s: int) -> int:
        """Where a run of capitalised generic words (data/patterns.json `generic_designations`) right
        before `s` begins."""
        generic = set(patterns()["generic_designations"])
        while (w := re.search(r"(?<![\w-])([A-Z][\w-]*) $", self.text[max(0, s - 30):s])) and w.group(1) in generic:
            s -= len(w.group(0))
        return s

    def _head_modifies(self, start: int, end: int) -> bool:
        """The category noun is not the head of its phrase: it modifies what follows ("vehicle
        testing grounds", "Weapons and Ammunition Factory", "Vehicle Systems Spares")."""
        after = self.text[end:end + 40]
        if self.text[start].isupper() and re.match(r"\s+(?:(?:and|of|&)\s+)?[A-Z][a-z]", after):
            return True
        nxt = re.match(r"\s+([a-z]+)(?:\s+([a-z]+))?\b", after)
        if nxt is None:
            return False
        if nxt.group(1) in patterns()["not_moved_nouns"]:
            return True
        # "vehicle testing grounds": an -ing noun and its head, not "a system firing missiles at"
        return nxt.group(1).endswith("ing") and nxt.group(2) is not None and \
            nxt.group(2).capitalize() not in patterns()["stop_capitalised"] and nxt.group(2) not in GENERIC_WORDS

    def _counted(self, pos: int, qualified: bool = False) -> bool:
        """A number right before `pos` counts what follows ("54 K9", "three P-3C Orions", "one more F-16");
        `qualified`: also with a word between ("eight up-armored Humvees")."""
        extra = "[a-z][a-z-]*" if qualified else alternation("count_adjectives")
        left = fold(self.text[max(0, pos - 30):pos])  # ("Ten KX-9 trucks" opening a sentence)
        # (the count right before first: "received two Humvees" is not "received" qualifying "two")
        found = [re.search(r"(?:^|\s)([\d,]+|[a-z]+)\s+$", left), re.search(rf"(?:^|\s)([\d,]+|[a-z]+)\s+(?:{extra})\s+$", left)]
        return any(m is not None and (m.group(1).replace(",", "").isdigit() or m.group(1) in patterns()["number_words"])
                   for m in found)

    def _designation_after_maker(self, pos: int) -> tuple[int | None, int]:
        """The designation before a category noun at `pos`, without the maker's name it opens with ("MBDA
        Marte Mk2/N anti-ship missiles", "Lockheed Martin AGM-114R2 Hellfire II missiles")."""
        s, e = self._designation_before(pos)
        maker = self.company_at_start(s, e) if s is not None else None
        return (maker.end + 1 if maker is not None else s), e

    def _designation_before(self, pos: int) -> tuple[int | None, int]:
        left = self.text[max(0, pos - 40):pos]
        # between the designation and the noun, up to two words, and a wheel layout or a calibre
        # ("XK1 wheeled 8x8 tank destroyers", "XH5 wheeled 105mm self-propelled howitzers")
        # (quoted, as the press of many languages writes a designation: 'Russian "T-72B1" tanks', «Su-30» fighters)
        m = re.search(r"((?:[A-Z][\w/-]*|\d[\w/-]*[A-Za-z][\w/-]*)(?:[ -](?:M[kK]\.(?= )|[A-Z][\w/-]*|\d+[\w/-]*|II|III|IV))*)[\"”»’]?[ -]"
                      r"(?:[a-z-]+ ){0,2}(?:(?:\d+[x×]\d+|\d{2,3}(?:mm|-mm)) (?:[a-z-]+ )?)?$", left)
        if not m:
            return None, 0
        tail = left[m.end(1):]
        if tail[:1] in "\"”»’" and re.search(r"[A-Z][\w-]*\d[\w-]*\s+[\"“«‘]$", left[:m.start(1)]):
            return None, 0  # ('H160M "Guépard" helicopters': quoted right after a designation, its nickname)
        if len([w for w in tail.split() if not re.fullmatch(r"\d+[x×]\d+|\d{2,3}(?:mm|-mm)", w)]) > 2 or re.search(r"\b(and|or|of|the|to|with|for|from|on|in|at|by|as|up|its|their|these|those|this|that|our|his|her)\b", tail):
            return None, 0
        if any(w in patterns()["number_words"] or w.isdigit() for w in tail.split()):
            return None, 0  # "The FAP showed nine aircraft": a subject, its verb, then a count
        if any(w in patterns()["auxiliaries"] or _transfer_verb(w) or fold(w) in patterns()["verbs_before_kinds"]
               for w in tail.split()):
            return None, 0  # "the Royal Gendarmerie will receive helicopters": a subject, then its verb
        if any(w in patterns()["count_adjectives"] for w in tail.split()):
            return None, 0  # "to buy the EDF new vehicles": a recipient, then which vehicles
        if any(g.form.entry.family == COUNTRY and g.end == len(m.group(1)) for g in self.gaz.find(m.group(1))):
            return None, 0  # "Tokyo steps up radar aid": a capital, not a designation
        start = pos - len(left) + m.start(1)
        end = pos - len(left) + m.end(1)
        # "DITA 155 mm howitzers", "M777 155mm": a calibre written after a designation is no part of it (a maker's
        # name and a calibre, "Bofors 40 mm", name a gun)
        calibre = re.search(r"[ -]\d{2,3}(?:-?mm)?$", self.text[start:end])
        name = self.text[start:end - len(calibre.group())] if calibre else ""
        if calibre and (re.search(r"\b[A-Z]{2,}|\d", name) or re.search(
                rf"\b{re.escape(name)}\b(?![ -]?\d)", self.text, re.I)) and (  # (or the article names it alone too)
                calibre.group().endswith("mm") or re.match(r"\s?mm\b", self.text[end:end + 4])):
            end -= len(calibre.group())
        layout = re.search(r"[ -]\d+[x×]\d+$", self.text[start:end])
        end -= len(layout.group()) if layout and layout.start() > 0 else 0  # "Mbombe 8 8x8 vehicles": a wheel layout
        while start > 0 and re.match(r"[\d,.]", self.text[start - 1]) and re.match(r"[\d,.]", self.text[start]):
            start -= 1  # "1,000-ton", "3,500-litre": the number the match began inside (not "engine.The tank")
        start, words = self._past_generic_words(start, end)
        counted = next((i for i in range(1, len(words) - 2) if words[i].replace(",", "").isdigit()
                        and words[i + 1].lower() in patterns()["count_adjectives"]), None)
        if counted is not None:  # "Sweden Orders 48 More ARCHER Howitzers": the system follows the count
            start += sum(len(w) + 1 for w in words[:counted + 2])
            words = words[counted + 2:]
        if not words:
            return None, 0
        if all(w.isdigit() or all(fold(x) in patterns()["number_words"] for x in w.split("-")) for w in words):
            return None, 0  # ("SIXTY-two vehicles": a count in words, however written)
        if sum(len(w) >= 4 and w.isalpha() and w.isupper() for w in words) >= 3:
            return None, 0  # "… CERTIFICATES FOR TEAM LEADERS AND 10 VEHICLES": a headline in capitals, no name
        capitals = not re.search(r"[a-z]", self.sentence_of(start).text)  # a headline in capitals
        joint = max((i for i, w in enumerate(words[:-1]) if capitals and w.lower() in _JOINING_WORDS), default=None)
        if joint is not None:  # "… WITNESSES SIGNING OF AW 139M HELICOPTER CONTRACT": the name after the last joining word
            start += sum(len(w) + 1 for w in words[:joint + 1])
            words = words[joint + 1:]
        # a demonym or country is an owner, not a designation ("German tanks"); before a name it is
        # the name's owner or maker ("French Caesar howitzers", "French-made Caesar howitzers")
        if self.country_at(start, end):
            return None, 0
        owner = next((m for m in self.near(start, start, pad=1) if m.family == COUNTRY and m.start == start), None)
        if owner is not None:
            rest = re.match(rf"(?:{maker_suffix()})?\s+", self.text[owner.end:end])
            if rest is None or owner.end + rest.end() >= end:
                return None, 0
            start = owner.end + rest.end()
            if not self.text[start:start + 1].isupper() and not self.text[start:start + 1].isdigit():
                return None, 0
            count = re.match(r"[\d,]+(?: |$)", self.text[start:end])
            if count:  # "handed Somalia 12 off-road vehicles": the recipient, then a count
                start += count.end()
                if start >= end:
                    return None, 0
            rest = fold(self.text[start:end])
            if any(rest == h or rest.endswith(" " + h) for h in patterns()["strong_org_heads"]):
                return None, 0  # "the Chilean Air Force today comprises jets": a force, then its verb
            start, words = self._past_generic_words(start, end)  # "Norway Almost All Promised Howitzers"
            if not words:
                return None, 0
        sent = self.sentence_of(start)
        if start == sent.start and len(words) == 1 and not any(c.isdigit() for c in words[0]) \
                and not words[0].isupper():
            return None, 0
        return start, end

    def _past_generic_words(self, start: int, end: int) -> tuple[int, list[str]]:
        """Where a designation begins after the words before it that name no system (counts, calibres,
        weights, generic and headline words), and its words."""
        words = self.text[start:end].split()
        generic = set(patterns()["generic_designations"])
        suffixes = tuple(patterns()["generic_designation_suffixes"])
        while words and (words[0] in patterns()["stop_capitalised"] or fold(words[0]) in GENERIC_WORDS
                         or fold(words[0]) in patterns()["count_adjectives"]  # "Almost All Promised Howitzers"
                         or (words[0].replace(",", "").isdigit() and len(words) > 1)  # "The 38 M1A2T tanks": a count
                         or (parse_quantity(words[0]) is not None and len(words) > 1)  # "Three FPS-3", "Twenty-five M41"
                         or (re.fullmatch(r"\d{2,3}(?:mm|-mm)", words[0]) and len(words) > 1)  # "155mm M109A3GN": a calibre
                         or re.fullmatch(rf"[\d,.]+-(?:{measure_unit().pattern})", words[0])  # "1,000-ton", "2,000-pound"
                         or (re.fullmatch(r"\d+[x×]\d+", words[0])  # "11 6x6 Engesa EE-11 Urutu": a wheel layout
                             and re.search(r"(?<![\w.])\d[\d,]*\s$", self.text[max(0, start - 12):start]))  # after a count
                         or (len(words) > 1 and _transfer_verb(words[0]))  # "Tonga Receives Guardian-Class …"
                         or words[0] in generic or words[0].lower().endswith(suffixes)
                         or DIMENSION.fullmatch(words[0])):  # "17 mobile 3D radar devices": a word of the kind
            start += len(words[0]) + 1
            words = words[1:]
        return start, words

    def _filter_ambiguous_equipment(self) -> None:
        """A single ordinary word (Milan, Patriot) is equipment only in a military context."""
        confirmed = set()
        for m in self.mentions:
            if m.family != EQUIPMENT:
                continue
            word = m.text
            if m.head or not re.fullmatch(r"[A-Z][a-z]+", word):
                confirmed.add(m.key)
                continue
            sent = self.sentence_of(m.start)
            others = [x for x in self.near(sent.start, sent.end, pad=0) if x.family == EQUIPMENT and x is not m
                      and sent.start <= x.start < sent.end and x.key != m.key]
            codes = alternation("category_codes")
            if others or self._head_follows(m.end) or self._head_precedes(m.start) or self._counted(m.start, True) \
                    or word.endswith("s") and self._moved_plural(sent, m) or re.match(  # ("received the Humvees")
                    rf"\s+(?:(?:[a-z-]+\s+){{0,2}}(?:system|systems|battery|batteries|launchers?|fleet|units?)\b|(?:{codes})s?\b)",
                    self.text[m.end:m.end + 50]):  # ("the Akash SAM": a category's code)
                confirmed.add(m.key)
        dropped = {k for k, e in self.entities.items() if e.family == EQUIPMENT and k not in confirmed}
        for key in dropped:
            del self.entities[key]
        self.mentions = [m for m in self.mentions if m.key not in dropped]
        self._reindex()

    def _moved_plural(self, sent, m: Mention) -> bool:
        """Whether a transfer trigger of the sentence takes a plural of a one-word system as what moves."""
        triggers = list(trigger_regex("transfer").finditer(fold(sent.text)))
        return bool(triggers) and self._moved(sent, m, triggers)

    def _head_precedes(self, pos: int) -> bool:
        """`self-propelled howitzers Krab`, `eight batteries of the Akash`: a category noun right before a
        name, or before "of (the)" and the name, confirms it."""
        left = fold(self.text[max(0, pos - 48):pos])
        gap = re.search(r" (?:of (?:the )?)?$", left)
        return gap is not None and any(hm.end() == gap.start() for hm in head_regex().finditer(left))

    def _head_follows(self, pos: int) -> bool:
        """A category noun follows, with at most three lower-case words between ("Siper air defence launchers")."""
        right = fold(self.text[pos:pos + 50])
        h = head_regex().search(right)
        return h is not None and re.fullmatch(r"\s*(?:[a-z-]+\s+){0,3}", right[:h.start()]) is not None


def _system_name(name: str, ent: Entity, text: str) -> str:
    """The name a system goes by: `Hunter-class frigates` → `Hunter-class`; `BTR-70 APCs` → `BTR-70`;
    `F/A-18 Hornets` → `F/A-18 Hornet` where the article also writes it in the singular."""
    m = re.match(r"(.+?[- ]class)\b(?:\s+[a-z][\w-]*)+$", name)
    if m:
        return m.group(1)
    codes = alternation("category_codes")
    coded = re.fullmatch(rf"(.+?)\s+(?:{codes})s?", name)
    if coded:
        return coded.group(1)  # "BTR-70 APCs": the kind's code is no part of the name
    if name.endswith("s") and not name.endswith("ss"):
        known = {fold(a) for a in ent.facts.aliases} | {fold(ent.canonical or "")}
        last = name.split()[-1]
        if re.search(rf"{re.escape(name[:-1])}(?!s)\b", text) or \
                (" " in name and last[0].isupper() and any(c.isdigit() for c in name)
                 and re.search(rf"\b{re.escape(last[:-1])}\b", text)) or \
                (any(c.isdigit() for c in name) and fold(name[:-1]) in known):  # "F/A-18 Hornets"
            return name[:-1]
    return name


# a designation, then capitalised words that spell it out, up to "with" or "and" before the last of them
SPELLED_OUT = re.compile(r"(?<![\w-])([A-Z]{1,5}-?\d[\w/-]*)(?:\s+[A-Z][\w-]*)+\s+(?:with|and)\s+$")


def _transfer_verb(word: str) -> bool:
    """A verb of transfer, in any case ("will receive helicopters", "Tonga Receives Guardian-Class Patrol Boat")."""
    low = fold(word)
    return low.startswith(tuple(patterns()["transfer_stems"])) and low.endswith(("s", "ed", "ing"))
