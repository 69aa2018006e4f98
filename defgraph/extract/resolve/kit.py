"""Equipment named only by its kind ("six offshore patrol vessels") where a transfer moves it (bullet lines: bullets.py)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import equipment_key
from ..mentions import head_classes, kit_alternation, kit_nouns
from ..model import COUNTRY, EQUIPMENT, KIT, PERSON, Mention
from ..sentences import BULLET, list_line
from ..text import content_triggers, fold, number_words, patterns, trigger_regex
from .base import REFERENCE
from .kit_phrases import BORE_UNITS, counted_before_bore, counted_lot, demonym, modifiers, own_item
from .kit_referents import KitReferents, same_kind

# Relations to a transfer trigger that make a phrase what moves: "delivered six vessels",
# "six vessels were delivered", "a contract for six vessels", "supplied X with six vessels".
_MOVED = {"object", "passive", "for", "with", "prep", "trigger", "including"}
# the words before kit told of already: "the first two radars", "their vehicles"
_TOLD_BEFORE = re.compile(r"\b(?:the|these|those|its|their|our)\s+(?:[\w-]+\s+){0,3}$")
# what sends forces' own kit somewhere, which arrives there still theirs: an exercise, a deployment
_DEPLOYED = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|deploy\w*|rotations?|battle\s?groups?|brigade|take\s+part|join)\b")


@lru_cache(maxsize=1)
def _given_after() -> re.Pattern:
    """A participle of giving with its "by" or "to", right after a kind (data/patterns.json `giving_participles`;
    not "sent", unless "as a gift": "the patrol vessel sent by the Navy to Ghana for an exercise" stays the Navy's)."""
    words = "|".join(sorted((re.escape(w) for w in patterns()["giving_participles"] if w != "sent"), key=len, reverse=True))
    return re.compile(rf",?\s+(?:{words})\s+(?:by|to)\b")


def kit_class(phrase: str) -> str:
    """The class of a kind of equipment: that of the longest `equipment_heads` phrase it ends with, else (after
    a vague head, "radar control systems") that of the longest one it ends with before that head and any
    `system_part_words`, else that of its head noun in `kit_nouns`, else plain Equipment."""
    words = fold(phrase).split()
    found = _head_class(words)
    if found is None and words[-1] in patterns()["kit_vague_heads"]:
        # (not "drone detection systems", "aircraft maintenance equipment")
        inner = words[:-1]
        while inner and inner[-1] in patterns()["system_part_words"]:
            inner = inner[:-1]
        found = _head_class(inner)
    return found or patterns()["kit_nouns"].get(words[-1], "Equipment")


def _head_class(words: list[str]) -> str | None:
    """The class of the longest `equipment_heads` phrase the words end with, if any."""
    low, heads = " ".join(words), head_classes()
    ends = [h for h in heads if low == h or low.endswith(" " + h)]
    return heads[max(ends, key=len)] if ends else None


@lru_cache(maxsize=1)
def kit_regex() -> re.Pattern:
    """A head noun of a kind of equipment (`kit_nouns`) as a whole word, in folded text."""
    return re.compile(rf"(?<![\w-])(?:{kit_alternation()})(?![\w-])")


class KitPasses(KitReferents):
    """Equipment named only by its kind, where a transfer moves it and no system is named."""

    def _kit_objects(self) -> None:
        """`HHI signed a contract for six offshore patrol vessels`: where a clause with a transfer
        trigger names no system, a counted or qualified phrase headed by a kind of equipment that the
        trigger takes as what moves is the only name the item has (tests/data/corpus/README.md)."""
        vague = set(patterns()["kit_vague_heads"])
        for sent, before in zip(self.sentences, [None] + self.sentences[:-1]):
            low = fold(sent.text)
            # ("The consignment includes:" / "8 buses, 10 pickup trucks and 2 ambulances.": moved as its lead says)
            listed = before is not None and not BULLET.match(sent.text) and list_line(sent, before) \
                and trigger_regex("transfer").search(fold(before.text)) is not None
            if not kit_regex().search(low) and not re.search(r"\d|\b(?:" + number_words() + r")\b", low):
                continue
            systems = [(m.start, m.end) for m in self.near(sent.start, sent.end, pad=0)
                       if m.family == EQUIPMENT and m.source not in (KIT, REFERENCE)]
            triggers = list(trigger_regex("transfer").finditer(low))
            talks = trigger_regex("talks_nouns").search(low)
            if not triggers and not talks and not listed:
                continue
            doc = self.grammar.doc(sent)
            for tok in doc:
                word = tok.text.lower()
                same = modifiers(tok) if word in kit_nouns() and tok.pos_ == "NOUN" else None
                if same and same[0].lower_ == "same":
                    self._same_reference(sent, tok, same, triggers)  # "the same missile": a reference or nothing
                    continue
                if not triggers and not listed:
                    continue  # (a sentence of talks: only such a reference)
                if word in kit_nouns() and tok.pos_ == "PROPN" and tok.text.istitle():
                    self._title_case_kind(sent, tok, triggers)  # "14 Armoured Personnel Carriers", "10 Tata Buses"
                    continue
                if word not in kit_nouns() or tok.pos_ != "NOUN":
                    continue
                phrase = (sent.start + tok.left_edge.idx, sent.start + tok.idx + len(tok.text))
                if any(s < phrase[1] and phrase[0] < e or re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[phrase[1]:s])
                       for s, e in systems):
                    continue  # "Leopard 2 tanks", "four launchers of the Akash": a system named in the phrase, no kind
                mods = modifiers(tok)
                first_word = mods[0] if mods else tok
                # "five Japanese warships": whose they are, which may refer to a system named; no kind of its own
                owned = mods is not None and first_word.i > 0 and demonym(tok.doc[first_word.i - 1])
                vague_count = any(x.lower_ in patterns()["vague_counts"] and not any(d.isdigit() for d in c.text)
                                  for c in tok.children if c.dep_ == "nummod"
                                  for x in c.subtree)  # "several million cartridges": no item of its own
                counted = not vague_count and (any(c.dep_ == "nummod" or c.lower_ in ("dozen", "dozens")
                                                   for c in tok.children) or counted_before_bore(mods) or counted_lot(tok))
                if systems and not counted:
                    continue  # beside a named system, only a counted kind is an item of its own
                # uncounted, a plural kind names the items only when qualified and not vague ("coastal
                # surveillance radars will be supplied"; not "radars", nor "radar systems"; "the patrol
                # vessel Niani" is named after its kind)
                if mods is None:
                    brand = self._brand(sent, tok)  # (it checks the count before the brand)
                    if brand is not None:
                        self._kit_item(sent, brand, tok, triggers)
                    continue
                # a phrase that cannot name an item of its own may still refer to the one system of
                # its kind the article names ("a medium-range air defence missile system")
                refers_only = (not mods and word in vague) or (
                    not counted and (not mods or word in vague or tok.tag_ != "NNS"))
                if refers_only and tok.tag_ == "NNS" and (word not in vague or any(x.pos_ == "NOUN" for x in mods)) \
                        and kit_class(word) == "Equipment" and any(own_item(c, vague) for c in tok.conjuncts):
                    # "bulletproof vests, helmets and night vision devices": gear listed beside an item
                    # of its own is one more item of the same list (a kind of weapon is not: "drones")
                    refers_only = False
                # "Germany delivered trucks to Niger": gear named by its bare kind, as what a transfer moves,
                # is the only name the item has where the article names no system before it that it could be
                bare = refers_only and not mods and not counted and tok.tag_ == "NNS" and word not in vague \
                    and kit_class(word) == "Equipment"
                refers_only = refers_only and not bare
                # "a fast patrol ship", "an automated reconnaissance and jamming system": one item said
                # of a kind; a vague head needs a noun among its qualifiers ("a new system" says nothing)
                # ("the patrol boat donated by A to B": one item said given, where the article names no system it could be)
                given = _given_after().match(sent.text, tok.idx + len(tok.text)) is not None or re.match(
                    r",?\s+sent\s+(?:by|to)\b[^.;]*\bas\s+(?:a\s+)?(?:gift|donation)\b", sent.text[tok.idx + len(tok.text):]) is not None
                # ("an ambulance": gear, not a weapon's kind, is an item of its own unqualified)
                one = (bool(mods) or word not in vague and kit_class(word) == "Equipment") and tok.tag_ == "NN" and \
                    any(c.dep_ == "det" and (c.lower_ in ("a", "an") or given and c.lower_ == "the") for c in tok.children) and \
                    (word not in vague or any(x.pos_ in ("NOUN", "PROPN") for x in mods))
                if refers_only and not one:
                    if not self._same_reference(sent, tok, mods, triggers):
                        self._partitive_reference(sent, tok, mods, triggers)
                        self._definite_reference(sent, tok, mods, triggers, kit_class(word))
                    continue
                first = mods[0] if mods else tok
                hyphened = re.search(r"(?<![\w-])(?:[a-z]+-)+$", sent.text[:first.idx])  # "anti-drone"
                s = sent.start + first.idx - (len(hyphened.group()) if hyphened else 0)
                if first.lower_ in BORE_UNITS and (bore := re.search(r"\d+(?:\.\d+)? ?$", sent.text[:first.idx])):
                    s -= len(bore.group())  # "7.62 mm machine guns": the calibre's number with its unit
                e = sent.start + tok.idx + len(tok.text)
                s = max([s] + [b + len(self.text[b:e]) - len(self.text[b:e].lstrip()) for a, b in self.money
                               if s < b < e])  # "a €400m coastal radar system"
                if self.covered(s, e) or re.search(r"""\w["”]\s$""", self.text[max(0, s - 3):s]):
                    continue  # ('a "coastal batteries" defence system': the kind of the name quoted before it)
                m = Mention(s, e, self.text[s:e], EQUIPMENT, source=KIT)
                if not listed and not self._moved(sent, m, triggers):
                    continue
                name = self.text[s:e]
                cls = kit_class(name)
                named = self._named_systems(cls)
                if counted and patterns()["kit_nouns"].get(word) == "Equipment" and \
                        not any(x.cls == "Equipment" for x in named):
                    named = []  # "200 ballistic helmets" beside named Humvees: counted gear is no weapon system
                # "Five warships will be handed over. … the transfer of the X class escorts": the one system of the
                # kind's class that the next sentence names for the first time and moves
                forward = self._moved_next(sent, named) if counted and cls != "Equipment" and (
                    len(named) > 1 or owned) else []
                if len(named) > 1 and counted and len(just := self._named_just_before(sent, named)) == 1:
                    named = just  # "… to supply PULS launchers. The deal covers 14 launchers": the one the sentence before names
                elif len(forward) == 1:
                    named = forward
                if owned and named != forward:
                    continue  # "48 American howitzers" beside a Krab the army operates: not that system
                if len(named) > 1 and counted and len(same := self._written_with_head(named, word)) == 1:
                    named = same  # "three patrol ships" beside "the X class ships" and "Y-class fast patrol boats"
                if bare:
                    if not owned and not any(min(x.start for x in e.mentions) < m.start for e in named):
                        self.add(m, EQUIPMENT, cls, equipment_key(name), name)
                    continue  # (a system named before may be what the bare kind stands for)
                mixed = len(named) == 1 and self._mixed_after(m, named[0])
                if len(named) == 1 and (not refers_only or cls != "Equipment") and not mixed:
                    # "the twin-seat jets" of an article that names the jet
                    m.source = REFERENCE
                    self.add(m, EQUIPMENT, named[0].cls, named[0].key)
                elif (not named or mixed) and (not refers_only or one) and (not owned or not named and len(
                        {x.key for x in self.near(sent.start, sent.end, pad=0) if x.family == COUNTRY}) <= 2):
                    # ("Armenia will receive Indian anti-tank rockets": a state's, where the article names no system it
                    # could be and the sentence no third state that could give it: not "Belarus gave Mali Russian trucks")
                    self.add(m, EQUIPMENT, kit_class(name), equipment_key(name), name)
                # several ("two air defence systems" after NASAMS and MSHORAD): which one is not said
        self._shorter_kinds()

    def _shorter_kinds(self) -> None:
        """`coastal radars` in a headline, `coastal surveillance radars` in the body: a kind whose words
        all stand, in order, in a longer kind of the same head is that kind said shorter."""
        kinds = [e for e in self.entities.values() if e.family == EQUIPMENT and e.mentions
                 and all(m.source == KIT for m in e.mentions)]
        for short in kinds:
            words = fold(short.name).split()
            longer = [e for e in kinds if e is not short and e.key in self.entities and len(fold(e.name).split()) > len(words)
                      and fold(e.name).split()[-1] == words[-1] and _in_order(words, fold(e.name).split())]
            if len(longer) == 1 and short.key in self.entities and not {
                    self.sentence_of(m.start).start for m in short.mentions} & {
                    self.sentence_of(m.start).start for m in longer[0].mentions}:
                self.rekey(short.key, longer[0].key)  # (one list "two Mack tow trucks and 15 Mack trucks": two items)

    def _same_reference(self, sent, tok, mods, triggers) -> bool:
        """`a purchase of the same vehicle`, `talks about the same missile`: "the same" and a kind refer to the
        system named last before that was written with that word, else of that kind."""
        if not mods or mods[0].lower_ != "same" or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            return False
        s, e = sent.start + mods[0].idx - len("the "), sent.start + tok.idx + len(tok.text)
        word = tok.lower_[:-1] if tok.tag_ == "NNS" and tok.lower_.endswith("s") else tok.lower_
        before = [x for x in reversed(self.mentions) if x.family == EQUIPMENT and x.end <= s and x.source not in (KIT, REFERENCE)]
        # written with that word ("the same missile" after "Akash missile systems"), else of that kind (or a
        # related one: missiles of an air defence system), else for a vague word ("the same system") the last named
        named = [x for x in before if re.match(rf"\s+(?:[\w-]+\s+){{0,4}}{re.escape(word)}s?\b", self.text[x.end:x.end + 60], re.I)] \
            or [x for x in before if kit_class(tok.text.lower()) != "Equipment"
                and same_kind(self.entities[x.key].cls, kit_class(tok.text.lower()))] \
            or (before if tok.lower_ in patterns()["kit_vague_heads"] else [])
        if not named or self.covered(s, e):
            return False
        m = Mention(s, e, self.text[s:e], EQUIPMENT, source=REFERENCE)
        talked = re.search(rf"{trigger_regex('talks_nouns').pattern}\s+(?:[\w-]+\s+){{0,2}}?(?:on|over|about|regarding|concerning)\s+$",
                           fold(self.text[sent.start:s]))  # "exploratory talks about the same missile"
        if not talked and not (triggers and self._moved(sent, m, triggers)):
            return False
        self.add(m, EQUIPMENT, self.entities[named[0].key].cls, named[0].key)
        return True

    def _partitive_reference(self, sent, tok, mods, triggers) -> None:
        """`20 of the launchers`, `eight of the twelve jets`: a part counted of a definite kind refers
        to the one system of that kind the article names."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head.tag_ != "CD" or \
                not any(c.dep_ == "det" and c.lower_ in ("the", "its", "their") for c in tok.children):
            return
        first = mods[0] if mods else tok
        s, e = sent.start + first.idx, sent.start + tok.idx + len(tok.text)
        named = self._named_systems(kit_class(self.text[s:e]))
        if len(named) != 1 or self.covered(s, e):
            return
        m = Mention(s, e, self.text[s:e], EQUIPMENT, source=REFERENCE)
        if self._moved(sent, m, triggers):
            self.add(m, EQUIPMENT, named[0].cls, named[0].key)

    def _title_case_kind(self, sent, tok, triggers) -> None:
        """`14 Armoured Personnel Carriers`, `10 Tata Buses`: a counted kind written in capitals, as a
        kind of equipment (its words an `equipment_heads` phrase) or under its maker's brand."""
        if not any(c.dep_ == "nummod" for c in tok.children):
            return
        after = [t for t in tok.doc[tok.i + 1:tok.i + 5]]
        ends = next((i for i, t in enumerate(after) if t.lower_ in kit_nouns() and t.is_lower), None)
        if ends is not None and all(t.is_lower and t.is_alpha for t in after[:ends]):
            return  # "three Silver Ships fast coastal response boats": a maker's name before the kind it makes
        first = tok
        while first.i > 0 and tok.doc[first.i - 1].text.istitle() and tok.doc[first.i - 1].dep_ in ("compound", "amod"):
            first = tok.doc[first.i - 1]
        words = tok.doc[first.i:tok.i + 1].text.lower()
        if first.i < tok.i and words not in head_classes():
            brand = self._brand(sent, tok)
            if brand is None or brand.i != tok.i - 1:
                return
            first = brand
        self._kit_item(sent, first, tok, triggers)

    def _brand(self, sent, tok):
        """`15 Mack trucks`, `10 Tata buses`, `twenty Zodiac inflatable boats`: one or two capitalised words
        between a count and a counted kind (and the kind's lower-case qualifiers), that name no country,
        person or other system, are its maker's brand and part of the item's name."""
        doc = tok.doc
        i = tok.i - 1
        while i > 0 and tok.i - i <= 3 and doc[i].is_lower and doc[i].dep_ in ("amod", "compound"):
            i -= 1  # "fast coastal response", "inflatable"
        words = 0
        while i > 0 and words < 2 and re.fullmatch(r"[A-Z][A-Za-z]{2,}", doc[i].text) and \
                doc[i].dep_ in ("compound", "nmod", "amod"):
            i, words = i - 1, words + 1
        if not words or i < 0 or doc[i].tag_ != "CD":
            return None
        brand = doc[i + 1]
        p = patterns()
        if fold(brand.text) in p["org_heads"] or brand.text in p["bare_forces"] or brand.text in p["stop_capitalised"]:
            return None  # "20 Army trucks": whose they are, not who made them
        if words == 2 and brand.text in p["vehicle_brands"]:
            return None  # "five Ford Ranger trucks": the brand and its model name the item (`_branded_vehicles`)
        s = sent.start + brand.idx
        if self.covered(s, sent.start + doc[i + words].idx + len(doc[i + words]), (PERSON, COUNTRY, EQUIPMENT)):
            return None
        return brand

    def _kit_item(self, sent, first, tok, triggers) -> None:
        """Add the kind from `first` to the head `tok` as an item, where a transfer trigger moves it."""
        s, e = sent.start + first.idx, sent.start + tok.idx + len(tok.text)
        m = Mention(s, e, self.text[s:e], EQUIPMENT, source=KIT)
        if not self.covered(s, e) and self._moved(sent, m, triggers):
            self.add(m, EQUIPMENT, kit_class(tok.text), equipment_key(m.text), m.text)

    def _moved(self, sent, m: Mention, triggers) -> bool:
        """Whether a transfer trigger of the sentence, not negated, takes `m` as what moves: itself, or the
        noun it is listed under ("equipment such as vests, helmets"); what a sentence opening with a list's
        trigger names ("Among the items are 874 vests, 77 helmets")."""
        if any(t.start() == 0 and t.group(1) in content_triggers() and m.start >= sent.start + t.end()
               for t in triggers):
            return True
        under = self._listed_under(sent, m)
        # "500 helmets arrived in Georgia from Canada": gear that arrives is what moves, the arrival's subject (not gear
        # told before, "the first two radars arrived"; nor kit arriving for an exercise, still its army's; nor weapons,
        # "Twenty armoured vehicles reached the army. They comprise A, B", named by what they comprise)
        arriving = set(patterns()["arrival_words"])
        gear_arrives = any(t.group(1) in arriving for t in triggers) and kit_class(m.text) == "Equipment" \
            and not _TOLD_BEFORE.search(fold(self.text[max(sent.start, m.start - 30):m.start])) \
            and not _DEPLOYED.search(fold(sent.text))
        frames = [(self.grammar.frame(sent, sent.start + t.start(), sent.start + t.end(), [m] + ([under] if under else [])),
                   _MOVED | ({"subject"} if gear_arrives and t.group(1) in arriving else set())) for t in triggers]
        return any((f.relation(m) in moved or under is not None and f.relation(under) in moved) and not f.negated
                   and not f.idle
                   for f, moved in frames)

    def _listed_under(self, sent, m: Mention) -> Mention | None:
        """`equipment such as vests, helmets and tents`, `aid including radios`: the noun a list of kinds
        hangs from, as a mention; None when `m` is in no such list."""
        doc = self.grammar.doc(sent)
        tok = next((t for t in doc if sent.start + t.idx < m.end <= sent.start + t.idx + len(t)), None)
        while tok is not None and tok.dep_ == "conj" and tok.head.i < tok.i:
            tok = tok.head
        if tok is None or tok.dep_ != "pobj" or not (
                tok.head.lower_ == "including" or tok.head.lower_ == "as" and tok.head.i and doc[tok.head.i - 1].lower_ == "such"):
            return None
        noun = tok.head.head
        if noun.pos_ != "NOUN":
            return None
        s, e = sent.start + noun.left_edge.idx, sent.start + noun.idx + len(noun)
        return Mention(s, e, self.text[s:e], EQUIPMENT, source=KIT)

def _in_order(words: list[str], longer: list[str]) -> bool:
    """Whether `words` all stand in `longer`, in the same order."""
    it = iter(longer)
    return all(w in it for w in words)
