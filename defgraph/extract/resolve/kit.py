"""Equipment named only by its kind ("six offshore patrol vessels") where a transfer moves it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import equipment_key
from ..model import EQUIPMENT, KIT, Entity, Mention
from ..text import fold, patterns, trigger_regex
from .base import REFERENCE

# Relations to a transfer trigger that make a phrase what moves: "delivered six vessels",
# "six vessels were delivered", "a contract for six vessels", "supplied X with six vessels".
_MOVED = {"object", "passive", "for", "with", "prep", "trigger"}
_MODIFIERS = {"compound", "amod", "nmod"}


@lru_cache(maxsize=1)
def kit_nouns() -> frozenset[str]:
    """Head nouns of a kind of equipment (lower case): the last words of data/patterns.json
    `equipment_heads` and the words of `kit_nouns`."""
    heads = {phrase.split()[-1] for phrase in patterns()["equipment_heads"] if not phrase.startswith("_")}
    return frozenset(heads | {k for k in patterns()["kit_nouns"] if not k.startswith("_")})


def kit_class(phrase: str) -> str:
    """The class of a kind of equipment: that of the longest `equipment_heads` phrase it ends
    with, else that of its head noun in `kit_nouns`, else plain Equipment."""
    low = fold(phrase)
    heads = patterns()["equipment_heads"]
    ends = [h for h in heads if not h.startswith("_") and (low == h or low.endswith(" " + h))]
    if ends:
        return heads[max(ends, key=len)]
    return patterns()["kit_nouns"].get(low.split()[-1], "Equipment")


@lru_cache(maxsize=1)
def _kit_regex() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(kit_nouns(), key=len, reverse=True)))
                      + r")(?![\w-])")


class KitPasses:
    """Equipment named only by its kind, where a transfer moves it and no system is named."""

    def _kit_objects(self) -> None:
        """`HHI signed a contract for six offshore patrol vessels`: where a clause with a transfer
        trigger names no system, a counted phrase headed by a kind of equipment that the trigger
        takes as what moves is the only name the item has (tests/data/corpus/README.md)."""
        vague = set(patterns()["kit_vague_heads"])
        for sent in self.sentences:
            low = fold(sent.text)
            if not _kit_regex().search(low) or any(
                    m.family == EQUIPMENT and sent.start <= m.start < sent.end
                    for m in self.near(sent.start, sent.end, pad=0)):
                continue
            triggers = list(trigger_regex("transfer").finditer(low))
            if not triggers:
                continue
            doc = self.grammar.doc(sent)
            for tok in doc:
                word = tok.text.lower()
                if word not in kit_nouns() or tok.pos_ != "NOUN":
                    continue
                mods = _modifiers(tok)
                counted = any(c.dep_ == "nummod" or c.lower_ in ("dozen", "dozens") for c in tok.children)
                if mods is None or not counted or (not mods and word in vague):
                    continue
                first = mods[0] if mods else tok
                hyphened = re.search(r"(?<![\w-])(?:[a-z]+-)+$", sent.text[:first.idx])  # "anti-drone"
                s = sent.start + first.idx - (len(hyphened.group()) if hyphened else 0)
                e = sent.start + tok.idx + len(tok.text)
                if self.covered(s, e):
                    continue
                m = Mention(s, e, self.text[s:e], EQUIPMENT, source=KIT)
                frames = [self.grammar.frame(sent, sent.start + t.start(), sent.start + t.end(), [m])
                          for t in triggers]
                if not any(f.relation(m) in _MOVED and not f.negated for f in frames):
                    continue
                name = self.text[s:e]
                named = self._named_systems(kit_class(name))
                if len(named) == 1:  # "the twin-seat jets" of an article that names the jet
                    m.source = REFERENCE
                    self.add(m, EQUIPMENT, named[0].cls, named[0].key)
                elif not named:
                    self.add(m, EQUIPMENT, kit_class(name), equipment_key(name), name)
                # several ("two air defence systems" after NASAMS and MSHORAD): which one is not said

    def _named_systems(self, cls: str) -> list[Entity]:
        """The systems of class `cls` (of any class for plain Equipment) that the article names."""
        keys = {m.key for m in self.mentions if m.family == EQUIPMENT and m.source not in (KIT, REFERENCE)
                and (cls == "Equipment" or self.entities[m.key].cls == cls)}
        return [self.entities[k] for k in sorted(keys)]


def _modifiers(tok) -> list | None:
    """The lower-case words that qualify a head noun, left to right and next to it ("offshore
    patrol" in "offshore patrol vessels"); None when a name qualifies it ("Black Hawk
    helicopters": a system the gazetteer lacks, not a kind)."""
    mods = []
    i = tok.i - 1
    while i >= 0:
        t = tok.doc[i]
        if t.dep_ not in _MODIFIERS or not (t.head.i == tok.i or t.head.i in {x.i for x in mods}):
            break
        if t.text[:1].isupper() or not re.fullmatch(r"[a-z][a-z-]*|-|\d+(?:\.\d+)?-?mm", t.text):
            return None
        mods.insert(0, t)
        i -= 1
    return mods
