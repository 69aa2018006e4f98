"""Systems the gazetteer lacks: named by the words that qualify a kind of equipment a transfer moves,
and found again wherever their name recurs in the article."""

from __future__ import annotations

import re

from ..amounts import parse_quantity
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Mention
from ..text import fold, patterns, trigger_regex
from .equipment import SPELLED_OUT
from .kit import kit_regex, kit_class, kit_nouns

_CODE = re.compile(r"[A-Z][\w/]*(?:-\w+)*|\d[\w/.]*|[IVX]{1,4}")  # "Zephyr", "750", "Mk3", "6X", "II", "MU-90"


class NamedKindPasses:
    """A name that qualifies a kind of equipment, or stands beside it, where a transfer moves it."""

    def _named_kinds(self) -> None:
        """`ordered the Zephyr 750 electronic warfare system`, `took delivery of the Marlin, its third
        offshore patrol vessel`: capitalised words or a code written before a kind of equipment (or set
        beside it by commas), where a transfer trigger takes the phrase as what moves, name a system
        that the gazetteer lacks; the kind gives its class."""
        for sent in self.sentences:
            low = fold(sent.text)
            if not kit_regex().search(low):
                continue
            triggers = list(trigger_regex("transfer").finditer(low))
            if not triggers:
                continue
            doc = self.grammar.doc(sent)
            for tok in doc:
                if tok.lower_ not in kit_nouns() or tok.pos_ != "NOUN" or not tok.text.islower():
                    continue
                found = _qualifying_name(tok) or _name_in_apposition(tok)
                quoted = found is None
                found = found or _quoted_after(tok)
                if found is None:
                    continue
                first, last, kind = found
                s, e = self._past_owners(sent.start + first.idx, sent.start + last.idx + len(last.text))
                if s is None:
                    continue
                opened = self.text.rfind("(", max(sent.start, s - 80), s)
                if opened >= 0 and ")" not in self.text[opened:s] and any(
                        m.family == EQUIPMENT and 0 <= opened - m.end <= 12 for m in self.near(opened - 20, opened)):
                    continue  # "VTL vehicles (Véhicules de Transport de Logistique, logistics vehicles)": a gloss of the name
                s, words = self._past_generic_words(s, e)
                while words and re.fullmatch(r"\d+[x×]\d+", words[-1]):  # "VN1 8x8": a wheel layout
                    e -= len(words.pop()) + 1
                if not words or not self._names_a_system(sent, s, e, words, kind) or self.count_after_body(s, self.text[s:e]):
                    continue
                m = Mention(s, e, self.text[s:e], EQUIPMENT, source="context", head=True)
                if self._moved(sent, m, triggers):
                    self.add_system(m, kit_class(kind))
                    pos = e + 1  # ("the corvettes 'Kestrel' and 'Osprey'": each name the quotes list after the kind)
                    while quoted and (more := _QUOTED_MORE.match(self.text, pos)) is not None:
                        if not self.covered(more.start(1), more.end(1)):
                            self.add_system(Mention(more.start(1), more.end(1), more.group(1), EQUIPMENT, source="context",
                                                    head=True), kit_class(kind))
                        pos = more.end()

    def _system_names_again(self) -> None:
        """`… ordered the Zephyr 750 electronic warfare system. The first Zephyr 750 arrived on Monday.`: a
        system that only its context named (no gazetteer entry) is named wherever its name recurs in the
        article, the headline included, alone or in the plural."""
        found = [(m.text, m.key) for m in self.mentions if m.family == EQUIPMENT and m.source == "context"
                 and not self.entities[m.key].gazetteer and re.search(r"[A-Z]", m.text)
                 and not re.fullmatch(r"[A-Z]+", m.text)]  # bare capitals are as often a body's ("the EDF")
        for form, key in sorted(set(found), key=lambda f: -len(f[0])):
            for hit in re.finditer(rf"(?<![\w/-]){re.escape(form)}(?:s|es)?(?![\w/-])", self.text):
                s, e = hit.start(), hit.start() + len(form)
                if _inside_name(self.text, s, hit.end()):
                    continue  # "Marlin Smith, the captain": a person's name that shares the word
                if not self.covered(s, hit.end(), (PERSON, AGENCY, EQUIPMENT, COUNTRY)):
                    self.add(Mention(s, e, form, EQUIPMENT, source="context"), EQUIPMENT,
                             self.entities[key].cls, key)

    def _past_owners(self, s: int, e: int) -> tuple[int | None, int]:
        """Where a name begins after the country, company or force that owns or makes it ("Norwegian
        Zephyr launchers", "Acme Systems Zephyr launchers"); None when nothing is left."""
        while s < e:
            owner = next((m for m in self.near(s, s, pad=1) if m.family in (COUNTRY, AGENCY)
                          and m.start == s and m.end < e), None)
            if owner is None:
                return s, e
            rest = re.match(r"['’]?s?\s+", self.text[owner.end:e])
            if rest is None:
                return None, e
            s = owner.end + rest.end()
        return None, e

    def _names_a_system(self, sent, s: int, e: int, words: list[str], kind: str) -> bool:
        """Whether the words [s, e) can name a system: a proper name or a code, no word that says whose
        it is ("Army trucks"), nothing another entity already holds."""
        p = patterns()
        if SPELLED_OUT.search(self.text, max(0, s - 100), s):
            return False  # "XM1147 Advanced Multi-Purpose with Tracer tank cartridges": a designation spelled out
        if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)) or self.in_money(s, e) \
                or any(r.start < e and s < r.end for r in self.roles):
            return False  # "45 more aircraft, the Chief of Air Staff": a title, not a name
        if not any(re.search(r"[A-Z]", w) for w in words) or all(parse_quantity(w) is not None for w in words):
            return False  # "Sixteen armored howitzers"
        before = self.text[max(0, s - 20):s].split()
        if len(words) == 1 and self.text[s - 1:s].isspace() and before and parse_quantity(before[-1]) is not None:
            return False  # "15 Mack trucks": one word after a count is a brand, named with its kind (`_brand`)
        if before and parse_quantity(before[-1]) is not None and fold(words[-1]) in kit_nouns():
            return False  # "three Silver Ships fast coastal response boats": a maker whose name ends in a kind
        if all(not re.search(r"[a-z]", w) for w in words) and fold(kind) in p["kit_vague_heads"]:
            return False  # "C4I systems", "GPS devices": letters that say what the kind does
        if any(w in p["stop_capitalised"] or fold(w) in p["org_heads"] or w in p["bare_forces"] for w in words):
            return False
        if fold(" ".join(words)) in p["org_heads"]:
            return False
        # a capitalised word opening the sentence is any word ("Armoured vehicles were delivered")
        return not (s == sent.start and len(words) == 1 and not re.search(r"\d", words[0]) and not words[0].isupper())


def _qualifying_name(tok):
    """The first and last words of the name written before a kind (past its lower-case qualifiers,
    "Zephyr 750" in "the Zephyr 750 electronic warfare system"), and the kind, else None."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0 and doc[i].tag_ in ("JJ", "NN", "VBN", "VBG", "HYPH") and re.fullmatch(r"[a-z][a-z-]*|-", doc[i].text) \
            and tok.i - i <= 4:
        i -= 1
    if any(t.lower_ in patterns()["count_adjectives"] for t in doc[i + 1:tok.i]):
        return None  # "to buy the EDF new vehicles": a recipient, then which vehicles
    kind = doc[i + 1:tok.i + 1].text
    if i >= 3 and doc[i].text == ")" and doc[i - 2].text == "(" and re.fullmatch(r"\d+[x×]\d+", doc[i - 1].text):
        i -= 3  # "Mbombe 8 (8x8) vehicles": a wheel layout in brackets
    if i < 0 or not _CODE.fullmatch(doc[i].text) or not doc[i].whitespace_:
        return None  # no name, or a hyphenated qualifier ("Soviet-era", "US-made")
    last = i
    while i >= 0 and (_CODE.fullmatch(doc[i].text) or doc[i].tag_ == "HYPH" and not doc[i].whitespace_
                      or doc[i].text == "." and i > 0 and doc[i - 1].text in ("Mk", "MK") and not doc[i - 1].whitespace_):
        i -= 1  # ("Shaldag Mk. V boats": the mark's full stop, which the parser splits off)
    first = i + 1
    while doc[first].tag_ == "HYPH" or doc[first].text[0].isdigit() and first < last:
        first += 1  # a count before the name ("12 Griffin Mk3 trainers")
    words = doc[first:last + 1]
    if not any(t.tag_ in ("NNP", "NNPS") or re.search(r"\d", t.text) or t.text.isupper() for t in words):
        return None  # capitalised adjectives only ("Advanced", "Armoured")
    if len(words) > 1 and words[0].text in patterns()["vehicle_brands"]:
        return None  # "Ford F-450 pickups": a brand's model, named with its brand (`_branded_vehicles`)
    return doc[first], doc[last], kind


def _name_in_apposition(tok):
    """`the Krakenblade, a naval strike missile`, `a patrol vessel, the Marlin,`: a proper name and a
    kind set beside each other by a comma; the name's first and last words and the kind, else None."""
    doc = tok.doc
    if tok.dep_ == "appos" and tok.head.i < tok.i and tok.head.tag_ in ("NNP", "NNPS"):
        name = tok.head
    else:
        name = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.tag_ in ("NNP", "NNPS")), None)
        model = next((c for c in tok.children if c.dep_ == "appos" and c.i > tok.i and c.lower_ in patterns()["model_nouns"]), None)
        if name is None and model is not None and model.i > 0 and doc[model.i - 1].dep_ in ("compound", "amod") \
                and doc[model.i - 1].tag_ == "NNP" and len(list(model.children)) <= 2 \
                and not any(c.dep_ == "nummod" for c in tok.children) \
                and doc[model.i - 1].text not in patterns()["vehicle_brands"]:
            # "the donated aircraft, a Zorvak model,": the make names the item (not a count of a kind, "ten
            # vehicles, a Toyota type", nor a maker of commercial vehicles, named only with its model)
            name = doc[model.i - 1]
    if name is None:
        return None
    between = doc[name.i + 1:tok.left_edge.i].text if name.i < tok.i else doc[tok.i + 1:name.left_edge.i].text
    if not re.fullmatch(r",(?: (?:a|an|the))?", between):
        return None  # "boats, a donation from the King of …, His Majesty King …": not the name beside it
    first = name
    while first.i > 0 and doc[first.i - 1].dep_ == "compound" and _CODE.fullmatch(doc[first.i - 1].text):
        first = doc[first.i - 1]
    if not all(_CODE.fullmatch(t.text) for t in doc[first.i:name.i + 1]):
        return None
    return first, name, _kind(tok)


# one more name in quotes in a list: ", 'Osprey'", " and “Osprey”"
_QUOTED_MORE = re.compile(r"(?:,\s*|,?\s+and\s+)['\"‘“]([A-Z][\w’-]*(?: [A-Z0-9][\w’-]*){0,3})['\"’”]")


def _quoted_after(tok):
    """`6 wheeled howitzers "MORANA" of 155-mm calibre`, `the corvettes 'Kestrel' and 'Osprey'`: a name in quotes right
    after a kind; its first and last words and the kind, else None."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text not in ('"', "“", "«", "'", "‘"):
        return None
    close = next((t.i for t in doc[tok.i + 2:tok.i + 6] if t.text in ('"', "”", "»", "'", "’")), None)
    words = doc[tok.i + 2:close] if close else []
    if not words or not all(_CODE.fullmatch(t.text) for t in words):
        return None
    return words[0], words[-1], _kind(tok)


def _kind(tok) -> str:
    """The kind a noun names with its lower-case qualifiers ("naval strike missile")."""
    mods = [t for t in tok.doc[tok.left_edge.i:tok.i] if re.fullmatch(r"[a-z][a-z-]*", t.text)
            and t.dep_ in ("amod", "compound")]
    return " ".join([*(t.text for t in mods), tok.text])


def _inside_name(text: str, s: int, e: int) -> bool:
    """Whether [s, e) stands beside another capitalised word (not one that opens a sentence or says
    which: "The", "A"), as a word of someone's name does."""
    after = re.match(r" [A-Z][^\W\d_]+", text[e:e + 30])
    before = re.search(r"([A-Z][^\W\d_]*) $", text[max(0, s - 30):s])
    return after is not None or before is not None and before.group(1) not in patterns()["stop_capitalised"]
