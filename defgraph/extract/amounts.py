"""Money and numbers as written in news: "C$2.3 billion", "€1.2bn", "150 billion koruna",
"12 000", "12,000", "12 thousand", "two dozen". They are values, never entities.

>>> [(m.amount, m.currency) for m in find_money("a deal worth C$2.3 billion, or about $1.7B")]
[(Decimal('2300000000'), 'CAD'), (Decimal('1700000000'), 'USD')]
>>> [(m.amount, m.currency) for m in find_money("36 Protector RS4 stations for Rs 500 crore")]
[(Decimal('5000000000'), 'INR')]
>>> [(m.amount, m.currency) for m in find_money("a €2-billion development programme")]
[(Decimal('2000000000'), 'EUR')]
>>> parse_quantity("two dozen"), parse_quantity("12 000"), parse_quantity("12 thousand")
(24, 12000, 12000)
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from ..resources import DATA_DIR
from .text import alternation, fold, number_words, patterns

_SYMBOLS = "$€£¥₩₹"  # currency signs written before an amount
_NUMBER = r"\d{1,3}(?:(?:,|\s)\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@dataclass(frozen=True)
class Money:
    """An amount of money in the text: where it is, its value and its ISO 4217 currency."""

    start: int
    end: int
    amount: Decimal
    currency: str


@lru_cache(maxsize=1)
def _currencies() -> list[tuple[str, str, str]]:
    with open(DATA_DIR / "currencies.csv", encoding="utf-8", newline="") as f:
        return [(r["form"], r["code"], r["position"]) for r in csv.DictReader(f)]


@lru_cache(maxsize=1)
def _written() -> frozenset[str]:
    """Currency forms exactly as the table writes them."""
    return frozenset(f for f, _, _ in _currencies())


@lru_cache(maxsize=1)
def _money_regex() -> re.Pattern:
    rows = _currencies()
    prefixes = "|".join(re.escape(f) for f, _, p in sorted(rows, key=lambda r: -len(r[0])) if p == "prefix")
    suffixes = "|".join(re.escape(f) for f, _, p in sorted(rows, key=lambda r: -len(r[0])) if p == "suffix")
    mult = "|".join(sorted(patterns()["multipliers"], key=len, reverse=True))
    return re.compile(
        rf"(?<![\w{_SYMBOLS}])(?P<pre>{prefixes})\s?(?P<n1>{_NUMBER})(?:[\s-]?(?P<m1>{mult})\b)?"
        rf"|(?<![\w.,])(?P<n2>{_NUMBER})(?:[\s-]?(?P<m2>{mult}))?\s+(?P<suf>{suffixes})\b",
        re.IGNORECASE)


def find_money(text: str) -> list[Money]:
    """Every amount of money in text, in order."""
    forms = {f.lower(): code for f, code, _ in _currencies()}
    out = []
    for m in _money_regex().finditer(text):
        number, mult = (m.group("n1"), m.group("m1")) if m.group("pre") else (m.group("n2"), m.group("m2"))
        form = (m.group("pre") or m.group("suf")).lower()
        if m.group("pre") and form.isalpha() and m.group("pre") not in _written() and not m.group("pre").isupper():
            continue  # "Rs", "Dh" as the table writes them or in capitals ("RS 500 crore"); "usd 5" is no amount
        if m.group("pre") and form.isalpha() and m.group("pre").isupper() and m.end("pre") == m.start("n1") \
                and not m.group("m1") and "." not in m.group("n1"):
            continue  # "Protector RS4": capitals run into a whole number are a designation ("USD1.2 billion" is money)
        if m.group("pre") and len(form) == 1 and form.isalpha() and (
                m.end("pre") != m.start("n1") or not m.group("m1")
                or len(m.group("m1")) == 1 and not re.fullmatch(r"\d{2,}[\d,]*|\d+\.\d+", m.group("n1"))):
            continue  # one letter ("P183-M", "P1.2 billion" are pesos) only run into a number with its multiplier ("P 625"
            # is a pennant, "P8-B" and "P3K" designations: one digit and one letter)
        value = _decimal(number)
        if value is None:
            continue
        amount = value * patterns()["multipliers"].get((mult or "").lower(), 1)
        if amount == amount.to_integral_value():
            amount = amount.quantize(Decimal(1))
        out.append(Money(m.start(), m.end(), amount, forms[form]))
    return out


def _decimal(number: str) -> Decimal | None:
    try:
        return Decimal(re.sub(r"[,\s]", "", number))
    except InvalidOperation:
        return None


def parse_quantity(phrase: str) -> int | None:
    """A count written in digits ("12,000", "12 000"), words ("fifty-four", "two dozen") or both
    ("12 thousand"); None when the phrase is no count."""
    low = fold(phrase).strip()
    words = patterns()["quantity_words"]
    if low in words:
        return words[low]
    m = re.fullmatch(rf"({_NUMBER})(?:\s+(thousand|million))?", low)
    if m:
        value = _decimal(m.group(1))
        if value is None or value != value.to_integral_value():
            return None
        return int(value) * {"thousand": 1000, "million": 1000000}.get(m.group(2) or "", 1)
    return _number_words(low)


def _number_words(low: str) -> int | None:
    words = patterns()["number_words"]
    parts = [w for w in re.split(r"[\s-]+", low) if w and w != "and"]
    if not parts or any(w not in words and w not in ("dozen",) for w in parts):
        return None
    total, current = 0, 0
    for w in parts:
        if w == "dozen":
            current = max(current, 1) * 12
            continue
        v = words[w]
        if v in (100, 1000, 1000000):
            current = max(current, 1) * v
            if v >= 1000:
                total, current = total + current, 0
        else:
            current += v
    return (total + current) or None


@lru_cache(maxsize=1)
def _modifier_regex() -> re.Pattern:
    """A word that may stand between a count and its noun: data/patterns.json `count_adjectives`
    (also hyphenated: "brand-new"), a former owner ("ex-Dutch"), a designation, a calibre, a wheel layout,
    a maker's name ("two Acme X"; no month, weekday or number word: "on 12 March X")."""
    words = alternation("count_adjectives")
    dates = "|".join(map(re.escape, list(patterns()["months"]) + list(patterns()["weekdays"])
                         + list(patterns()["number_words"]) + [w.lower() for w in patterns()["count_blockers"]]))
    # ("Four F-16 jets": the count itself; "6 Squadron Typhoons", "Phase 2 X": a unit's or a stage's number)
    return re.compile(rf"\s+(?:(?:[a-z]+-)?(?:{words})|ex-\w+|[A-Z][\w-]*\d[\w-]*|\d{{2,3}}(?: ?|-)mm|\d[x×]\d"
                      rf"|(?!(?i:{dates})$)[A-Z][a-z]{{2,}})$")


@lru_cache(maxsize=1)
def _count_regex() -> re.Pattern:
    words = number_words()
    dozens = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in patterns()["quantity_words"]
                      if k.endswith(" dozen"))  # "half a dozen", "two dozen"
    return re.compile(rf"(?<![\w.,{_SYMBOLS}-])(?:(?:{_NUMBER})(?:\s+(?:thousand|million))?|(?:{dozens})|"
                      rf"(?:(?:{words})(?:[\s-]+(?:and[\s-]+)?)?)*(?:{words}))$", re.IGNORECASE)


_PART_OF = re.compile(rf"(\S+)\s+of\s+(?:the\s+|its\s+|their\s+)?({_NUMBER}|[\w-]+)"
                      r"(?:\s+(?:pledged|ordered|promised|planned|contracted|purchased|donated|bought))?$", re.IGNORECASE)


def _left_of(text: str, pos: int) -> str:
    """The 60 characters before `pos`, without the words that may stand between a count and its noun."""
    left = text[max(0, pos - 60):pos].rstrip()
    left = re.sub(r"(?<=\d)\s*\([a-z -]+\)$", "", left)  # "12 (twelve)": the count written twice
    left = re.sub(r"(?<=[a-z])\s*\(\d{1,4}\)$", "", left)  # "eight (8)" too
    for _ in range(2):
        left = _modifier_regex().sub("", left)
    return left


def count_of_which(text: str, pos: int, end: int) -> int | None:
    """The count a relative clause after a system's name ending at `pos` (its kind between) takes of it.

    >>> text = "the Zorvak, ten of which are on order, and more"
    >>> count_of_which(text, 10, len(text)), count_of_which("the Zorvak, which is new", 10, 24)
    (10, None)
    """
    part = _OF_WHICH.match(text, pos, end)
    return parse_quantity(part.group(1)) if part else None


_OF_WHICH = re.compile(r"(?:\s+[a-z][\w-]*){0,2},\s+([\w-]+)\s+of\s+which\s+(?:are|were|is|was|have\s+been|had\s+been|will\s+be)\b")


# "a 126-vehicle [Lynx order]": a count hyphenated to a kind of equipment right before the name
_JOINED_KIND = re.compile(r"(?<![\w.,-])(\d{1,4})-([A-Za-z]+)\s*$")


def count_before(text: str, pos: int) -> int | None:
    """The count that a noun phrase starting at `pos` is given: "54 [Abrams tanks]", "the first
    4 of 16 [jets]" (4), "two dozen [drones]", "12 more [Archer]", "54 M1A1 [Abrams]"; a year
    ("in 2022 Leopard tanks") is no count. None when no count is written there.

    >>> count_before("the first six of the 18 pledged Archer", 32)
    6
    >>> count_before("half a dozen Bushmaster vehicles", 13)
    6
    >>> count_before("every one of the seven howitzers", 23)
    7
    >>> count_before("the supply of 12 (twelve) PULS launchers", 26)
    12
    >>> count_before("with eight (8) ambulances", 15)
    8
    >>> count_before("eight batteries of the Akash", 23)
    8
    >>> count_before("a €400 million radar system", 15) is None, count_before("Block 70 16 jets", 12)
    (True, 16)
    >>> count_before("a USD 465 million NASAMS order", 18) is None
    True
    >>> count_before("a 126-vehicle Lynx order", 14), count_before("a 30-year K9 contract", 11) is None
    (126, True)
    """
    left = _left_of(text, pos)
    joined = _JOINED_KIND.search(left)
    if joined is not None:
        from .mentions import kit_nouns  # (mentions reads the model, which reads amounts)
        word = joined.group(2).lower()
        if word in kit_nouns() or word + "s" in kit_nouns():
            return parse_quantity(joined.group(1))  # "a 126-vehicle Lynx order": a count joined to its kind
    if (every := _every_of(left)) is not None:
        return every
    units = alternation("system_unit_nouns")
    unit = re.search(rf"\s(?:{units})\s+of(?:\s+the)?\s*$", left, re.IGNORECASE)
    if unit is not None:
        left = left[:unit.start()]  # "eight batteries of the Akash": eight of them
    of = _PART_OF.search(left)
    if of and of.group(1).lower() == "first" and parse_quantity(of.group(2)):
        return 1  # "the first of two jets": one of them
    if of and parse_quantity(of.group(1)) and parse_quantity(of.group(2)):
        left = left[:of.end(1)]  # "the first 4 of 16": four of them
    m = _count_regex().search(left)
    if not m or any(money.end == len(left) for money in find_money(left)):
        return None  # "a €400 million radar system", "a USD 465 million NASAMS order": how much, not how many
    value = parse_quantity(m.group(0))
    if value is not None and re.fullmatch(r"(?:19|20)\d\d", m.group(0)):
        return None
    vague = "|".join(patterns()["vague_counts"])
    if not re.search(r"\d", m.group(0)) and re.search(rf"\b(?:{vague})\s+(?:of\s+)?$", left[:m.start()], re.IGNORECASE):
        return None  # "several million cartridges": how many is not said
    return value


def _every_of(left: str) -> int | None:
    """`every one of the seven`, `each of the 18`: all of them, the whole."""
    m = re.search(rf"\b(?:every|each)(?:\s+one)?\s+of\s+(?:the\s+|its\s+|their\s+)?({_NUMBER}|[\w-]+)$", left,
                  re.IGNORECASE)
    if m is None or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
        return None
    return parse_quantity(m.group(1))


def whole_after(right: str, part: int) -> int | None:
    """The whole a delivered part belongs to, stated later in its sentence as "all N" ("…, completing
    delivery of all sixteen aircraft") or as the order it completes ("completing the four-aircraft order",
    "completing the order for four"), where N is more than the part.

    >>> whole_after(" arrived on Monday, completing delivery of all sixteen aircraft.", 8)
    16
    >>> whole_after(", completing the four-aircraft order signed in 2022.", 2), whole_after(", completing the order for 12.", 4)
    (4, 12)
    """
    every = re.search(rf"\b(?:deliver(?:y|ies|ing)|handover|transfer)\s+of\s+all\s+(?:of\s+)?(?:the\s+)?({_NUMBER}|[\w-]+)\b"
                      rf"|\bcomplet\w*\s+(?:the|its|their)\s+(?:({_NUMBER}|[a-z]+)-[a-z]+\s+(?:order|contract|purchase|deal)\b"
                      rf"|(?:order|contract|purchase|deal)\s+for\s+({_NUMBER}|[a-z]+)\b)", right, re.IGNORECASE)
    number = next((g for g in every.groups() if g), None) if every else None
    whole = parse_quantity(number) if number else None
    return whole if whole is not None and whole > part and not re.fullmatch(r"(?:19|20)\d\d", number) else None


def whole_before(text: str, pos: int) -> int | None:
    """The whole that a counted part before `pos` belongs to: "the first 4 of 16 [jets]" (16),
    "the last eight of the 30 ordered [vehicles]" (30), "all 18 [systems]" (18); None where no part
    of a whole is written.

    >>> whole_before("the first 4 of 16 jets", 18)
    16
    >>> count_before("the first of two Do-228 aircraft", 17), whole_before("the first of two Do-228 aircraft", 17)
    (1, 2)
    """
    left = _left_of(text, pos)
    if (each := _every_of(left)) is not None:
        return each
    every = re.search(rf"\ball\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?({_NUMBER}|[\w-]+)$", left, re.IGNORECASE)
    if every and parse_quantity(every.group(1)) and not re.fullmatch(r"(?:19|20)\d\d", every.group(1)):
        return parse_quantity(every.group(1))
    of = _PART_OF.search(left)
    if of is None or not (parse_quantity(of.group(1)) or of.group(1).lower() == "first"):
        return None
    whole = parse_quantity(of.group(2))
    if re.fullmatch(r"(?:19|20)\d\d", of.group(2)):
        return None  # "the first 4 of the 2024 jets": a year
    return whole if whole is not None and whole > (parse_quantity(of.group(1)) or 0) else None
