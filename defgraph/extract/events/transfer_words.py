"""What the words around a transfer trigger or its object say: a document asked for, recipients
in general, a government that no state names, a former owner, a holder of what was delivered."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Mention
from ..text import alternation, patterns, SOME_OF


@lru_cache(maxsize=1)
def request_document() -> re.Pattern:
    """A document right after a transfer verb that asks for what follows (data/patterns.json
    `request_documents`: "sent a Letter of Request for 16 jets")."""
    documents = "|".join(map(re.escape, sorted(patterns()["request_documents"], key=len, reverse=True)))
    return re.compile(rf"\s+(?:an?|the|its|their|a\s+formal)\s+(?:{documents})\s+(?:for|of|on)\b")


@lru_cache(maxsize=1)
def unnamed_recipients() -> re.Pattern:
    """`to several other armies`, `to more than 20 countries`, `delivered X to customers in Africa`,
    `had been ordered by ten countries`: a trigger's recipient (or buyer) in general."""
    nouns = alternation("generic_recipients")
    counts = _counts()
    return re.compile(rf"(?:\s+(?!(?:to|by)\b)[\w./-]+){{0,5}}?\s+(?:to|by)\s+(?:(?:(?:{counts}|\d+)\s+)+(?:[a-z-]+\s+)?(?:{nouns})"
                      rf"|(?:customers|operators|users)(?!\s+(?:such\s+as|including|like)\b))\b")


@lru_cache(maxsize=1)
def _unnamed_givers() -> re.Pattern:
    nouns = alternation("generic_recipients")
    return re.compile(rf"(?<!the )\b(?:(?:{_counts()}|\d+)\s+)+(?:[a-z-]+\s+)?(?:{nouns})\s+"
                      r"(?:(?:have|has|had|will|would|are|were|also|already|jointly|now)\s+)*$")


def _counts() -> str:
    """Words for a count of states that names none of them ("several", "more than", "two"), as one alternation."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                    sorted([*patterns()["unnamed_counts"], *patterns()["number_words"]], key=len, reverse=True))


def unnamed_givers(low: str) -> bool:
    """Whether the words before a transfer trigger make its subject givers in general ("several countries
    have offered 60 jets to X"): who gives is not named, and no maker's state stands in for them."""
    return _unnamed_givers().search(low) is not None


def users_in_general(low: str, at: int, countries: list[int]) -> bool:
    """Whether a trigger ending at `at` moves things to users in general: no state named right after
    them ("to several other armies"), or a few of many past users ("has supplied X to more than 19
    countries, including A and B"), an operator list; "has pledged tanks to two allies, including A" names
    A. `countries`: where the clause's states start."""
    unnamed = unnamed_recipients().match(low, at)
    if unnamed is None:
        return False
    users = re.search(r"\b(?:to|by)\s+(.*)$", unnamed.group()).group(1)  # ("20 tanks to two allies": two)
    counts = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in patterns()["unnamed_counts"])
    many = re.search(rf"\b(?:{counts}|[1-9]\d+)\b", users)
    # (anything but a future: "has supplied", "sold"; not "will give … to 12 nations, among them A")
    past = not re.search(r"\b(?:will|would|shall|to|is\s+to|are\s+to|plans?\s+to)\s+(?:\w+\s+)?\w+$|\b(?:is|are)\s+\w+ing$", low[:at])
    some = re.match(rf",?\s+{SOME_OF}\s+(?:the\s+)?", low[unnamed.end():])  # ("to 12 nations, among them A")
    return not any(0 <= c - unnamed.end() <= max(12, some.end() if some else 0) for c in countries) \
        or bool(many and past) and some is not None


# "by the federal government": a government the text names by no state
BY_GOVERNMENT = re.compile(r"\bby\s+the\s+(?:federal\s+|national\s+|central\s+)?government\b(?!\s+of\b)")


@lru_cache(maxsize=1)
def former_adverb_end() -> re.Pattern:
    """A comma and an adverb of the past ending a text (", previously "): what follows names a former
    owner, not one the system stays with (data/patterns.json `former_owner_words`)."""
    return re.compile(rf",\s*(?:{'|'.join(patterns()['former_owner_words']['adverbs'])})\s+$")


@lru_cache(maxsize=1)
def former_owner_gap() -> re.Pattern:
    """The words between a system and its former owner, set off by a comma ("two patrol boats, previously
    operated by the Danish Naval Home Guard,": data/patterns.json `former_owner_words`; not "a type
    previously operated by", which says who flew the model)."""
    p = patterns()["former_owner_words"]
    adverbs, verbs = "|".join(p["adverbs"]), "|".join(map(re.escape, p["verbs"]))
    return re.compile(rf"(?:\s+[a-z][\w-]*){{0,3}}\s*,\s*(?:{adverbs})\s+(?:{verbs})\s+(?:by|with)\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _facing_regex() -> re.Pattern:
    nouns = alternation("facing_nouns")
    return re.compile(rf"\b(?:{nouns})\s+(?:to|for|against)\s+(?:the\s+)?$", re.IGNORECASE)


def facing(text: str, m: Mention) -> bool:
    """Whether a state or body is written as what something threatens ("missiles that pose a threat to
    Russian aircraft", data/patterns.json `facing_nouns`): whom a system faces, never its recipient."""
    return _facing_regex().search(text[max(0, m.start - 40):m.start]) is not None


# a subject that holds what the deliveries brought: "X now has its full fleet of Y, bringing deliveries to 12"
HOLDS = re.compile(r"\b(?:has|have|had)\s+(?:now\s+)?(?:(?:its|their)\s+(?:full|whole|entire|complete)\s+(?:fleet|complement|order)"
                   r"|all\s+\d+)\b")
# a state referred to by a plain noun right after the trigger: "has offered the country 30 BRDM-2"
THE_COUNTRY = re.compile(r"\s+(?:to\s+)?(?:the|this)\s+(?:island\s+|african\s+|asian\s+)?(?:country|nation|kingdom|republic)\b(?!['’])")
