"""Text helpers shared by the extraction stages: length-preserving folding and variants."""

from __future__ import annotations

import json
import re
from functools import lru_cache

from ..names import fold
from ..resources import DATA_DIR


# the possessive after a name: "Chile's", "the Philippines' " (the apostrophe alone after an s)
_POSSESSIVE = r"(?:['’]s|(?<=s)['’])"


# "WASHINGTON, Feb 7 (Reuters) - ", "SINGAPORE (Jiji Press) — ", "Taipei, June 28 (CNA) ": a dateline, with the
# agency that filed it in brackets
DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'’ -]{3,}?|[A-Z][a-z]+(?: [A-Z][a-z]+)?(?=,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2}\s+\())"
                      r"(?:,\s*[^\n(—–]{1,40}?)?\s*(?P<source>\([^)\n]{1,40}\))?\s*(?:[—–-]{1,2}\s|(?<=\))\s)", re.M)


def possessive_between(text: str, start: int, end: int, required: bool = False, space: str = r"\s+") -> bool:
    """Whether text[start:end] is a possessive ending, optional unless `required`, and then space.

    >>> possessive_between("the Philippines' navy", 15, 17), possessive_between("'Ukraine' jets", 8, 10)
    (True, False)
    """
    return re.compile(rf"{_POSSESSIVE}{'' if required else '?'}{space}").fullmatch(text, start, end) is not None


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The domain patterns in data/patterns.json."""
    return json.loads((DATA_DIR / "patterns.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def alternation(*keys: str, longest_first: bool = False) -> str:
    """The phrases of the data/patterns.json lists `keys`, escaped, as one regex alternation (built once).

    >>> alternation("denials") == "|".join(map(re.escape, patterns()["denials"]))
    True
    >>> words = alternation("number_words", longest_first=True).split("|")
    >>> len(words[0]) == max(map(len, words))
    True
    """
    alts = [re.escape(w) for k in keys for w in patterns()[k]]
    return "|".join(sorted(alts, key=len, reverse=True) if longest_first else alts)


def number_words() -> str:
    """The counts written in words (data/patterns.json `number_words`) as one alternation, longest first."""
    return alternation("number_words", longest_first=True)


@lru_cache(maxsize=1)
def capitalised_honorifics() -> dict[str, str]:
    """Each honorific (data/patterns.json `honorifics`) as written before a name, every word capitalised ("His
    Excellency", "Tan Sri", "Dato'"), with the table's form."""
    return {" ".join(w[:1].upper() + w[1:] for w in h.split()): h for h in patterns()["honorifics"]}


def spelling_variants(phrase: str) -> set[str]:
    """A folded phrase in its British and American spellings."""
    out = {phrase}
    for a, b in patterns()["spelling_variants"]:
        for p in list(out):
            if a in p:
                out.add(p.replace(a, b))
            if b in p:
                out.add(p.replace(b, a))
    return out


def match_key(name: str) -> str:
    """A key that equates names differing in case, diacritics, punctuation and spelling."""
    folded = fold(name)
    for a, b in patterns()["spelling_variants"]:
        folded = folded.replace(a, b)
    return " ".join("".join(c if c.isalnum() else " " for c in folded).split())


def is_word_char(c: str) -> bool:
    return c.isalnum()


# words that name some of a set just counted: "seven nations, including A and B", "19 countries, such as A"
SOME_OF = r"(?:including|such\s+as|namely|among\s+them|like|ranging\s+from)"


def legal_form() -> str:
    """`Ltd`, `GmbH`, `Sdn Bhd`: a company's legal form (data/patterns.json `company_suffixes`), as a
    regex alternation, longest first."""
    return alternation("company_suffixes", longest_first=True)


def maker_suffix() -> str:
    """`-made`, `-built`: what joins a maker's country to the system it makes, as a regex alternation."""
    return alternation("maker_suffixes")


@lru_cache(maxsize=1)
def described_company() -> re.Pattern:
    """`'s land vehicles manufacturer Katmerciler`: after a state's possessive, the words that say a company's
    name follows (data/patterns.json `company_descriptors`)."""
    words = alternation("company_descriptors", longest_first=True)
    return re.compile(rf"['’]s\s+(?:[a-z-]+\s+){{0,3}}(?:{words})\s+[A-Z]")


def adverb() -> str:
    """An adverb that may stand between the words of a trigger ("would also provide")."""
    return r"(?:\s+(?:" + "|".join(patterns()["inserted_adverbs"]) + r"))?\s+"


def _phrase_regex(phrases) -> re.Pattern:
    """Whole-word phrases; an adverb may stand between their words ("would also provide")."""
    forms = set()
    for p in phrases:
        forms.update(spelling_variants(fold(p)))
    alts = sorted(forms, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(adverb().join(map(re.escape, a.split(" "))) for a in alts)
                      + r")(?![\w-])")


@lru_cache(maxsize=1)
def transfer_table() -> dict[str, str]:
    """Transfer triggers → status (data/patterns.json `transfer_triggers`), each "will X" also as
    "would X" and "shall X" ("would donate" pledges as "will donate" does); with them the verbs of
    containing (`holder_verbs`, whose holder gives the status) and "part of the" each holder noun.

    >>> transfer_table()["would donate"], transfer_table()["part of the shipment"]
    ('pledged', 'delivered')
    """
    table = {k: v for k, v in patterns()["transfer_triggers"].items() if not k.startswith("_")}
    for phrase, status in list(table.items()):
        if phrase.startswith("will "):
            for modal in ("would ", "shall "):
                table.setdefault(modal + phrase[len("will "):], status)
    for phrase, status in verb_forms().items():
        words = phrase.split()
        if not any(" ".join(words[i:]) in table for i in range(len(words))):
            table[phrase] = status  # (an auxiliary before a trigger is read where the trigger is: "will be delivered")
    return {**table, **dict.fromkeys(patterns()["holder_verbs"], "pledged"), **_parts_of_holders()}


@lru_cache(maxsize=1)
def verb_forms() -> dict[str, str]:
    """Each form of the transfer verbs (data/patterns.json `transfer_verbs`) → the status it reports:
    a report in the present or the past has the past's status, a future or an intent is pledged.

    >>> forms = verb_forms()
    >>> forms["gives"], forms["been gifted"], forms["will lend"], forms["selling"]
    ('delivered', 'pledged', 'pledged', 'ordered')
    """
    forms: dict[str, str] = {}
    for key, entry in patterns()["transfer_verbs"].items():
        if key.startswith("_"):
            continue
        (base, third, past, participle, ing), status = entry
        later = "ordered" if status == "ordered" else "pledged"
        modals = ("to", "will", "would", "shall")
        told = [third, past] + [f"{aux} {participle}" for aux in ("has", "have", "had", "was", "were", "is", "are", "been", "being")]
        planned = [f"{aux} {base}" for aux in modals] + [f"{aux} be {participle}" for aux in modals] + [ing]
        forms.update({f: status for f in told if f and not f.endswith(" ")})  # ('' where the data leaves a form out)
        forms.update({f: later for f in planned if f and not f.endswith(" ")})
    return forms


@lru_cache(maxsize=1)
def content_triggers() -> frozenset[str]:
    """Transfer triggers that say what a transfer holds (data/patterns.json `content_triggers`), the verbs
    of containing and "part of the" each holder noun ("Also part of the delivery are X")."""
    return frozenset(patterns()["content_triggers"]) | set(patterns()["holder_verbs"]) | set(_parts_of_holders())


def _parts_of_holders() -> dict[str, str]:
    return {f"part of the {noun}": status for noun, status in patterns()["holder_nouns"].items()}


@lru_cache(maxsize=None)
def trigger_regex(name: str) -> re.Pattern:
    """The triggers of one kind of event (a key of data/patterns.json) as one regex."""
    p = patterns()
    if name == "transfer":
        return _phrase_regex(transfer_table())
    if name == "agreement":
        return _phrase_regex(p["agreement_triggers"])
    return _phrase_regex(p[name])
