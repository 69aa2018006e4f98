"""Sentences with character offsets into the article's text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .text import number_words, patterns

_OPENERS = {"The", "This", "That", "These", "Those", "It", "Its", "He", "His", "She", "Her", "They", "Their", "We",
            "A", "An", "In", "On", "At", "But", "And", "As", "After", "Before", "Earlier", "Later", "Meanwhile"}
BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+")  # a bullet line's mark ("- ", "• ", "3) ")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, offsets in the article, and paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    """Words whose full stop ends no sentence (data/patterns.json `sentence_abbreviations`)."""
    return frozenset(patterns()["sentence_abbreviations"])


@lru_cache(maxsize=1)
def _title_ends() -> frozenset[str]:
    """Last words of titles and ranks, lower-cased: honorifics and the heads of shaped titles."""
    return frozenset(patterns()["honorifics"]) | {h.lower() for h in patterns()["title_shape"]["heads"]}


def _titled(before: str) -> bool:
    """Whether `before` ends with a title's or rank's last word ("Vice Admiral ")."""
    word = re.search(r"([A-Za-z-]+)\.?\s+$", before)
    return word is not None and word.group(1).lower().rsplit("-", 1)[-1] in _title_ends()   # ("Rear-Admiral")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; paragraph breaks and the title line always split."""
    out: list[Sentence] = []
    start, paragraph = 0, 0
    for m in _BOUNDARY.finditer(text):
        chunk = text[start:m.start()]
        if m.group().strip() and not m.group().startswith("\n"):
            last = re.search(r"(\w[\w.]*)$", chunk)
            word = last.group(1).lower().rstrip(".") if last else ""
            if word in _abbreviations() or (last and len(last.group(1)) == 1 and last.group(1).isupper()):
                continue  # "Gen. A. Doe": an initial ends no sentence
            if word == "md" and _titled(chunk[:last.start()]):
                continue  # "Lieutenant General Md. Doe": Mohammad shortened after a title ("Proving Ground, Md. The" ends one)
            after = re.match(r"\s+([A-Z][a-z]+)", text[m.end():]) if m.group() == "." else None
            if last and re.fullmatch(r"[A-Z]\.[A-Z]", last.group(1)) and after and after.group(1) not in _OPENERS:
                continue  # "V.R. Doe": two initials before a name end no sentence ("D.C. The jets" does)
            if last and re.fullmatch(r"(?:[A-Z]\.){2,4}[A-Z]", last.group(1)) and after and _titled(chunk[:last.start()]):
                continue  # "Vice Admiral H.C.S. Doe": three to five after a title ("… to the U.A.E. Greece …" ends one)
            if m.group() == "." and re.match(r"\s+\([A-Z][\w&.-]{0,15}\)\s*(?:[,;]|and\b)", text[m.end():]) \
                    and (chunk + ".").endswith(tuple(f for f in patterns()["company_suffixes"] if f.endswith("."))):
                continue  # "Alfa Aero, S.A. (ALFA), Beta …": a short form in brackets after a legal form goes on with the list
            if m.group().startswith(".") and re.fullmatch(r"\s*\d{1,2}", chunk):
                continue  # "1. PT Example;": a numbered line's mark, not a sentence
            end = m.end()
        else:
            end = m.start()
        _add(out, text, start, end, paragraph)
        if "\n" in m.group():
            paragraph += 1
        start = m.end()
    _add(out, text, start, len(text), paragraph)
    return out


def _add(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    raw = text[start:end]
    stripped = raw.strip()
    if not stripped:
        return
    lead = len(raw) - len(raw.lstrip())
    s = start + lead
    out.append(Sentence(s, s + len(stripped), stripped, paragraph))


def sentence_before(sentences: list[Sentence], sent: Sentence) -> Sentence | None:
    """The sentence right before `sent` in `sentences`, None for the first."""
    return next((x for x in reversed(sentences) if x.end <= sent.start), None)


def list_line(sent: Sentence, before: Sentence | None) -> bool:
    """Whether `sent` is a bullet line, or a line of its own right under a lead ending in a colon that lists two or more
    counted things and nothing else ("The consignment includes:" / "8 buses, 10 pickup trucks and 2 ambulances."), as
    bullets are (not "10 missiles were sent by A to B.", nor "20 vehicles, escorted by 3 warships")."""
    if BULLET.match(sent.text):
        return True
    if before is None or not before.text.rstrip().endswith(":") or sent.paragraph <= before.paragraph:
        return False
    count = rf"(?:\d[\d,.]*|(?i:{number_words()}))\s+"
    parts = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", sent.text.rstrip(" .;"))
    return len(parts) >= 2 and all(re.match(count, p) and not re.search(_VERBISH, p) for p in parts)


# a word that makes a listed part a clause: "were sent", "is", "arrived"
_VERBISH = r"\b(?:is|are|was|were|has|have|had|will|would|\w+ed\s+(?:by|to|in|on|at)\b)"
