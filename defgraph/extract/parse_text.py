"""The text the parser reads: a sentence as written, with what would mislead the parse rewritten in
words of the same length, so that offsets are kept."""

from __future__ import annotations

import re
from functools import lru_cache

from .text import alternation, fold, patterns, trigger_regex


def parse_text(text: str) -> str:
    """`Kestrel wheeled armoured vehicles`, `eight (8) ambulances`, `received, among other things, helmets`: a kind
    participle written as a neutral adjective; a count written again in digits, and an aside after a moving verb, blanked.

    >>> parse_text("eight (8) ambulances")
    'eight     ambulances'
    """
    text = _ONLOOKERS.sub(_blank, _COUNT_AGAIN.sub(_blank, _name_particles(_plain_adjectives(text))))
    return _asides().sub(lambda m: _blank(m) if _moving_verb_ends(text[:m.start()]) else m.group(), text)


@lru_cache(maxsize=1)
def _asides() -> re.Pattern:
    """`received, among other things, helmets`: an aside between commas (data/patterns.json `parse_asides`), which
    the parse would make the verb's object."""
    return re.compile(rf",\s+(?i:{alternation('parse_asides')}),(?=\s)")


def _moving_verb_ends(text: str) -> bool:
    """Whether `text` ends on a transfer trigger ("The police received"), whose object an aside would hide."""
    return any(t.end() == len(text) for t in trigger_regex("transfer").finditer(fold(text[-40:]))) if text else False


def _name_particles(text: str) -> str:
    """`Cândido Pereira dos Santos`: a particle between two capitalised words of a name (data/patterns.json
    `name_particles`) capitalised, so that the tagger reads a name, not a verb ("dos") or a preposition."""
    return _particle().sub(lambda m: m.group(1) + m.group(2).capitalize(), text)


@lru_cache(maxsize=1)
def _particle() -> re.Pattern:
    return re.compile(rf"(\b[A-Z][a-zà-ÿ'’-]+ )({alternation('name_particles')})(?= [A-Z][a-zà-ÿ])")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


@lru_cache(maxsize=1)
def _participles() -> re.Pattern:
    """A kind participle before the head noun of a kind of equipment, a word or two between, or a
    word for second-hand before a designation."""
    words = alternation("kind_participles")
    heads = "|".join(sorted({re.escape(h.split()[-1]) for h in patterns()["equipment_heads"] if not h.startswith("_")},
                            key=len, reverse=True))
    used = alternation("second_hand_words")
    # "sells used F-16s": a second-hand system, not what "used" does to it
    return re.compile(rf"(?<![\w-])(?:{words})(?=\s+(?:[a-z-]+\s+){{0,2}}(?:{heads})\b)"
                      rf"|(?<![\w-])(?:{used})(?=\s+(?:[A-Z][\w-]*\s+)?[A-Z][\w/-]*\d)")


# "eight (8) ambulances": a count written again in digits
_COUNT_AGAIN = re.compile(r"(?<=[a-z] )\(\d{1,4}\)(?= )")

# ", with Chancellor Jane Doe looking on,": an aside of onlookers, which the parse would hang what follows on
_ONLOOKERS = re.compile(r"(?<=,)\s+with\s+[^,;:()]{1,80}?\s+(?:looking\s+on|watching|in\s+attendance)(?=,)")


def _plain_adjectives(text: str) -> str:
    """`Kestrel wheeled armoured vehicles` parsed as "Kestrel wheeled …" (a verb and its subject): a
    participle that names a kind of vehicle before its head noun (data/patterns.json
    kind_participles) is parsed as the adjective it is, written as a neutral adjective of the same
    length (neutral_adjectives) so that offsets are kept."""
    neutral = patterns()["neutral_adjectives"]
    return _participles().sub(lambda m: neutral.get(str(len(m.group())), m.group()), text)
