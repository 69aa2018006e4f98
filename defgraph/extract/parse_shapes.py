"""Shapes of a parse that the grammar of the clause asks about: verbs and their objects, names of a
group's members, objects the parse shifted, adjuncts (used by `grammar.py`)."""

from __future__ import annotations

from functools import lru_cache

from .text import patterns


def shifted_object(noun) -> bool:
    """`to Vietnam 12 guard boats`: a name, then a count, then the noun — the recipient and an object
    written after it, which the parse reads as one phrase."""
    before = sorted((c for c in noun.children if c.i < noun.i), key=lambda c: c.i)
    names = [c for c in before if c.pos_ == "PROPN" and c.dep_ in ("nmod", "compound")]
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.head.i < noun.i:
        names.insert(0, noun.head)  # "to Vietnam 12 high-speed guard boats": the noun set beside the name
    counts = [c for c in noun.subtree if c.tag_ == "CD" and c.i < noun.i]
    return bool(names and counts and names[0].i < counts[0].i)


def takes_object(token) -> bool:
    """Whether a word has an object of its own ("gives its crew range", "transfers shells to the gun")."""
    return any(c.dep_ in ("dobj", "dative") for c in token.children)


def in_adjunct_of(trigger, verb) -> bool:
    """Whether a trigger noun (no one's: not "their handover") stands in a prepositional phrase of `verb`."""
    path = [trigger, *trigger.ancestors]
    return trigger.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in trigger.children) and any(
        x.dep_ == "prep" and x.head.i == verb.i for x in path)


def members_of(token) -> bool:
    """A participle that names the members of a group of bodies ("a consortium formed by A")."""
    groups = patterns()["member_groups"]
    return is_verb(token) and token.dep_ == "acl" and token.text.lower() in groups["participles"] \
        and token.head.text.lower() in groups["nouns"]


def is_verb(token) -> bool:
    """A verb, unless it is a designation the tagger took for one ("M109", "Piorun")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    text = token.text
    return text.isalpha() and (text.islower() or token.is_sent_start)


def predicate_of(token):
    """The verb a word is an argument of (or the root)."""
    t = token
    while t.head.i != t.i and not (t.i != token.i and t.pos_ in ("VERB", "AUX")):
        t = t.head
    return t


def bare_definite(noun) -> bool:
    """A noun with "the" (or "this", "these") and no more: not "the weapons used in the attack", "weapons captured"."""
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "these") for c in noun.children) and \
        not any(c.dep_ in ("acl", "relcl", "prep", "amod", "compound") for c in noun.children)


@lru_cache(maxsize=1)
def report_verbs() -> frozenset[str]:
    """Verbs of reporting (speech verbs that are not also what hosts do)."""
    return frozenset(patterns()["speech_verbs"]) - frozenset(patterns()["host_verbs"])


@lru_cache(maxsize=1)
def transfer_stems() -> tuple[str, ...]:
    """The stems of transfer verbs (data/patterns.json `transfer_stems`)."""
    return tuple(patterns()["transfer_stems"])


@lru_cache(maxsize=1)
def replacement_stems() -> tuple[str, ...]:
    """The stems of verbs of replacing (data/patterns.json `replacement_stems`)."""
    return tuple(patterns()["replacement_stems"])
