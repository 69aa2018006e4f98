"""States named only as background of a sentence, which take no part in its events: where a story was filed, the
state that wages a war and the one it is waged on, the state a unit is stationed in."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..text import alternation


def background(text: str, m: Mention, places: list[tuple[int, int]]) -> bool:
    """Whether a state's mention is background: in a dateline's place ("SINGAPORE (Jiji Press) —", "COLOGNE, Germany
    —", `places`), the war phrase of one that wages it or has it waged on it ("Russia's full-scale invasion of
    Ukraine"), or where a unit is based ("the Italy-based 173rd Airborne Brigade")."""
    return any(s <= m.start < e for s, e in places) or _waged(text, m) or _based().match(text, m.end) is not None


@lru_cache(maxsize=1)
def _based() -> re.Pattern:
    """`-based` and a unit's noun (data/patterns.json `based_unit_nouns`): where a unit is stationed."""
    nouns = alternation("based_unit_nouns")
    return re.compile(rf"-based\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.IGNORECASE)


def _waged(text: str, m: Mention) -> bool:
    """Whether a state is written as the one that wages a war or the one it is waged on (data/patterns.json
    `aggression_nouns`, `aggression_modifiers`): "Russia's full-scale invasion", "the Russian war of aggression",
    "the invasion of Ukraine"; not "to Ukraine since the invasion", "for its attacks on"."""
    wages, waged_on = _aggression()
    owner = wages.match(text, m.end) is not None and (m.source == "demonym" or text.startswith(("'s", "’s"), m.end))
    return owner or waged_on.search(text, max(0, m.start - 40), m.start) is not None


@lru_cache(maxsize=1)
def _aggression() -> tuple[re.Pattern, re.Pattern]:
    """What follows a state that wages a war ("'s full-scale invasion"), and what stands before one it is waged on
    ("invasion of the ")."""
    nouns = alternation("aggression_nouns", longest_first=True)
    mods = alternation("aggression_modifiers", longest_first=True)
    return (re.compile(rf"(?:['’]s)?\s+(?:(?i:{mods}|(?:19|20)\d\d)\s+){{0,2}}(?i:{nouns})\b"),
            re.compile(rf"\b(?i:{nouns})\s+(?:of|on|against|in)\s+(?:the\s+)?$"))
