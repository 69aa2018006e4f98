"""Sentences with character offsets into the article's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "adm", "capt", "sgt", "st", "no",
                 "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                 "calif", "inc", "ltd", "co", "corp", "jr", "sr", "vs", "etc", "approx", "u.s", "u.k",
                 "e.g", "i.e", "u.n", "fig", "gov", "rep", "sen", "prof", "retd", "ret", "govt", "dept"}
BULLET = re.compile(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+")  # a bullet line's mark ("- ", "• ", "3) ")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, offsets in the article, and paragraph number."""

    start: int
    end: int
    text: str
    paragraph: int


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; paragraph breaks and the title line always split."""
    out: list[Sentence] = []
    start, paragraph = 0, 0
    for m in _BOUNDARY.finditer(text):
        chunk = text[start:m.start()]
        if m.group().strip() and not m.group().startswith("\n"):
            last = re.search(r"(\w[\w.]*)$", chunk)
            word = last.group(1).lower().rstrip(".") if last else ""
            if word in ABBREVIATIONS or (last and re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", last.group(1))):
                continue  # "Gen. A.", "V.R. Doe": initials end no sentence
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

