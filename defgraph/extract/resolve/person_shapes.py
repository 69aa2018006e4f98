"""The shapes of text around a person's name: what joins a name to a body, titles in brackets or
in lower case, descriptions set off by commas (used by `people.py`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import patterns

# what joins a name or a title to the body it is of: " of ", " at the ", ", formerly at "
JOINED = re.compile(r",?\s+(?:(?:formerly|now|previously|currently)\s+)?(?:of|at|from)\s+(?:the\s+)?")
# "(retd)", "(Navy)", "(Immigration and Border Protection)": a mark or a portfolio in brackets before a name
BRACKETED = re.compile(r"\s\((?:(?i:retd|ret|ret'd|retired)\.?|[A-Z][\w.-]*(?:\s(?:[A-Z][\w.-]*|and|of|&)){0,4})\)(?=\s$)")
TITLE_TO_NAME = re.compile(r"[^.;:!?\"“”]{0,70}?,\s+")
# a description set off by commas after a name: ", its chief of corporate communication,"
DESCRIPTION = re.compile(r",\s+(?:the|its|his|her|their|a|an)\s+[^,;.()\"“”]{3,60}?[,;.]")


# "said the chargé d'affaires of the embassy, Jane Doe": a description, a comma, the name
DESCRIBED_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+[^,;.!?\"“”]{3,70}?,\s+$")
# "fields such as the cyber domain, Artificial Intelligence": an item of a list, not a described person
LISTED_BEFORE = re.compile(r"\b(?:such\s+as|including|like|e\.g\.)\s+[^,;.!?\"“”]{1,60},\s+$")
# "the ministry headed by Jane Doe": a body's head
HEADED_BY = re.compile(r"\b(?:headed|led|chaired|run)\s+by\s+$")
# "held talks with Jane Doe", "spoke by phone with Jane Doe", "a meeting with Jane Doe": whom one talks with
TALKED_WITH = re.compile(r"\b(?:talks|meeting|meetings|call|conversation|discussions|consultations|met|spoke|"
                          r"talked|conferred)\s+(?:[a-z-]+\s+){0,3}?with\s+$")
# "Jane Doe, who leads the company's shipbuilding unit": what a person does at the head of a body
LEADS_AFTER = re.compile(r",\s+who\s+(?:now\s+)?(?:leads|heads|runs|commands|chairs|directs|oversees|led|headed)\b")
# "Jane Doe's government", "at the end of Jane Doe's presidency"
GOVERNMENT_AFTER = re.compile(r"['’]s\s+(?:government|administration|presidency|cabinet|term|rule|tenure)\b")


# a title's post, then the name set off: "chargé d'affaires in TT, ", "envoy to the African Union, "
POSTED_IN = re.compile(r"\s(?:in|to|at)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s?){1,3},\s")


def _lower_heads() -> str:
    return "|".join(re.escape(h.lower()) for h in patterns()["title_shape"]["heads"])


@lru_cache(maxsize=1)
def lower_title_before() -> re.Pattern:
    """`the foreign policy chief Jane Doe`: a title written in lower case right before a name."""
    return re.compile(rf"\b(?:{_lower_heads()})\s+$")


@lru_cache(maxsize=1)
def lower_title_after() -> re.Pattern:
    """`Jane Doe, additional secretary (defence production)`: a title in lower case after a comma."""
    # also "Jane Doe, who has just become Japan's defence minister"
    # and "Jane Doe, the Ministry of Defence's permanent secretary"
    return re.compile(rf",\s+(?:who\s+(?:[a-z]+\s+){{1,3}}(?:[A-Z][\w-]*['’]s\s+)?"
                      rf"|(?:the\s+)?(?:[A-Z][\w-]*\s+(?:(?:of|for|and)\s+)?){{0,4}}[A-Z][\w-]*['’]s\s+)?"
                      rf"(?:[a-z][\w-]*\s+){{0,3}}(?:{_lower_heads()})\b")


@lru_cache(maxsize=1)
def honorific_gap() -> re.Pattern:
    honorifics = "|".join(re.escape(h.capitalize()) for h in patterns()["honorifics"])
    return re.compile(rf"\s(?:{honorifics})\.?(?=\s$)")
