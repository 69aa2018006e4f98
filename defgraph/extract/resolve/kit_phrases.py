"""The words of a kind of equipment's phrase: its qualifiers, its count, whose it is ("five Japanese warships")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import gazetteer
from ..mentions import kit_nouns
from ..text import fold, patterns

_MODIFIERS = {"compound", "amod", "nmod"}
BORE_UNITS = ("mm", "millimetre", "millimeter")
# a radar's dimensions or a network's generation ("3D radars", "5G"): a word of a kind, never a designation
DIMENSION = re.compile(r"[2-4]D|[3-6]G")


@lru_cache(maxsize=1)
def measure_unit() -> re.Pattern:
    """A unit of weight, length or volume a number takes ("ton", "metres": data/patterns.json `measure_units`)."""
    return re.compile("|".join(patterns()["measure_units"]))


def own_item(tok, vague) -> bool:
    """Whether a kind names an item of its own: counted ("874 vests") or a qualified plural kind
    that is not vague ("bulletproof vests")."""
    if tok.lower_ not in kit_nouns() or tok.pos_ != "NOUN":
        return False
    if any(c.dep_ == "nummod" for c in tok.children):
        return True
    mods = modifiers(tok)
    return bool(mods) and tok.tag_ == "NNS" and tok.lower_ not in vague


def counted_lot(tok) -> bool:
    """`300 pairs of boots`: a kind counted by the lots it comes in (data/patterns.json `container_counts`)."""
    lot = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else None
    return lot is not None and lot.lower_ in patterns()["container_counts"] and any(
        c.dep_ == "nummod" and c.like_num and not any(x.lower_ in patterns()["vague_counts"] for x in c.subtree)
        for c in lot.children)


def modifiers(tok) -> list | None:
    """The lower-case words that qualify a head noun, left to right and next to it ("offshore
    patrol" in "offshore patrol vessels"); None when a name qualifies it ("Black Hawk
    helicopters": a system the gazetteer lacks, not a kind)."""
    mods = []
    i = tok.i - 1
    while i >= 0:
        t = tok.doc[i]
        j = i
        while j >= 2 and tok.doc[j - 1].text == "-" and not tok.doc[j - 1].whitespace_ \
                and not tok.doc[j - 2].whitespace_:
            j -= 2      # a hyphenated word that the tokenizer split ("off-road"): one modifier
        if j < i:
            if re.fullmatch(r"\d[\d,.]*", tok.doc[j].text) and j + 2 == i and (
                    measure_unit().fullmatch(tok.doc[i].lower_) or re.fullmatch(r"[a-z]+", tok.doc[i].text)):
                mods.insert(0, tok.doc[j])
                break  # "two 97-metre patrol vessels", "8 27-seater buses": a size, part of the kind's name, nothing before it
            if not all(re.fullmatch(r"[a-z]+|-", x.text) for x in tok.doc[j:i + 1]):
                return None
            if tok.doc[i].lower_ in patterns()["count_adjectives"] or \
                    tok.doc[j:i + 1].text.lower() in patterns()["count_adjectives"]:
                break  # "12 brand-new carriers", "second-hand": says which ones, not what kind
            mods.insert(0, tok.doc[j])
            i = j - 1
            continue
        if t.lower_ in BORE_UNITS and i > 0 and re.fullmatch(r"\d+(?:\.\d+)?", tok.doc[i - 1].text):
            mods.insert(0, t)
            break  # "13 12.7 mm machine guns": a calibre, however parsed, opens the kind's name
        # "reconnaissance and jamming system": a coordinated modifier, then its conjunction
        coordinated = t.dep_ in ("conj", "cc") and t.head.i < t.i and t.head.dep_ in _MODIFIERS \
            and t.head.head.i == tok.i
        if not coordinated and (t.dep_ not in _MODIFIERS or not (t.head.i == tok.i or t.head.i in {x.i for x in mods})):
            break
        if demonym(t):
            break  # "five Japanese warships": whose they are, not what kind
        if (t.text[:1].isupper() or not re.fullmatch(r"[a-z][a-z-]*|-|\d+(?:\.\d+)?-?mm", t.text)) \
                and not DIMENSION.fullmatch(t.text):  # ("3D radars": its dimensions, a word of the kind)
            return None
        if t.lower_ in patterns()["count_adjectives"] or t.lower_ in patterns()["ordinal_words"]:
            break  # "12 new drones", "a second patrol boat": says which ones, not what kind
        mods.insert(0, t)
        i -= 1
    return mods


def counted_before_bore(mods: list | None) -> bool:
    """Whether a count stands before the calibre that opens a kind ("13 12.7 mm machine guns", which
    the parser reads as one number)."""
    if not mods or mods[0].lower_ not in BORE_UNITS or mods[0].i < 2:
        return False
    count = mods[0].doc[mods[0].i - 2]
    return count.like_num and count.lower_ not in patterns()["vague_counts"]


def demonym(tok) -> bool:
    """Whether a word is a state's adjective ("Japanese")."""
    return tok.text[:1].isupper() and fold(tok.text) in gazetteer().demonyms
