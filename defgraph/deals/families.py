"""Reports that name a family joined to the one variant of it that the same route reports: "M109"
in one article is the "M109A3GN" that the other articles on Norway → Ukraine name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .record import in_order
from .reports import Report, normalise


def unit_of(key: tuple[str, ...]) -> tuple[str, ...]:
    """What is recomputed together: a transfer's route (its reports may join across systems), else the key."""
    return key[:3] if key[0] == "Transfer" else key


def merged_groups(reports: list[Report]) -> dict[tuple[str, ...], list[Report]]:
    """The reports of one unit by the key of the merged node they belong to.

    A family's reports go to the deal of its variant (a system some article reads as a variant of
    it) when that variant is the only one of the family the route reports and no article reports
    both apart; a report set apart by hand is never joined. The deal is named as most of its
    reports name the system, the variant on a tie.
    """
    groups: dict[tuple[str, ...], list[Report]] = {}
    for r in reports:
        groups.setdefault(r.key, []).append(r)
    if not reports or reports[0].cls != "Transfer":
        return groups
    plain = sorted(k for k in groups if len(k) == 4)
    variants: dict[str, list[tuple[str, ...]]] = {}     # a family's normalised name → its variants' keys
    for k in plain:
        named = {normalise(r.family) for r in groups[k] if r.family}
        if len(named) == 1:
            variants.setdefault(named.pop(), []).append(k)
    joins = {}
    for k in plain:
        one = variants.get(k[3], [])
        if len(one) == 1 and not {r.article for r in groups[k]} & {r.article for r in groups[one[0]]}:
            joins[k] = one[0]      # (an article that reports both apart knows them for two deals)
    for k, v in joins.items():
        if v in joins:
            continue  # a variant that is itself joined to its own family: no chain
        joined = groups[v] + groups.pop(k)
        # named as most of its reports name it, the variant on a tie
        names = Counter(r.members[2] for r in joined)
        equipment = max(names, key=lambda m: (names[m], m == in_order(groups[v])[0].members[2]))
        groups[v] = [replace(r, key=v, members=(*r.members[:2], equipment)) for r in joined]
    _join_abbreviations(groups)
    _join_designations(groups)
    return groups


def _join_designations(groups: dict[tuple[str, ...], list[Report]]) -> None:
    """`KT-1 Woongbi` in one article, `KT-1` or `KT1` in the others: a designation alone is the one system of the
    route named by it and a name of words after it, and its reports join that deal under the name most of them
    write (not where an article reports both apart)."""
    slug = lambda k: groups[k][0].members[2][1].rpartition("/")[2]
    for short in sorted(k for k in groups if len(k) == 4):
        if short not in groups or not re.search(r"\d", slug(short)):
            continue
        longer = [k for k in groups if len(k) == 4 and k != short and named_designation(slug(short), slug(k))]
        if len(longer) != 1 or {r.article for r in groups[short]} & {r.article for r in groups[longer[0]]}:
            continue
        joined = groups[longer[0]] + groups.pop(short)
        names = Counter(r.members[2] for r in joined)
        equipment = max(names, key=lambda m: (names[m], m == groups[longer[0]][0].members[2]))
        groups[longer[0]] = [replace(r, key=longer[0], members=(*r.members[:2], equipment)) for r in joined]


def named_designation(short: str, long: str) -> bool:
    """Whether the slug `long` is the designation `short` (hyphens aside), ending in a number, followed by a
    word of four letters or more: a name the designation is also written with.

    >>> named_designation("kt1", "kt1woongbi"), named_designation("k9", "k9-thunder")
    (True, True)
    >>> named_designation("su30", "su30mki"), named_designation("leopard2", "leopard2a8"), named_designation("camm", "cammer")
    (False, False, False)
    """
    short, long = short.replace("-", ""), long.replace("-", "")
    rest = long[len(short):]
    return short[-1:].isdigit() and long.startswith(short) and rest.isalpha() and len(rest) >= 4


def _join_abbreviations(groups: dict[tuple[str, ...], list[Report]]) -> None:
    """`SPa 4207` in one article, `Stan Patrol 4207` in the others: a system whose letters are the words of
    the one other system of the route cut short (not to initials alone), with the same numbers, is it
    abbreviated, and its reports join that deal under the name written out (not where an article reports
    both apart)."""
    slug = lambda k: groups[k][0].members[2][1].rpartition("/")[2]
    for short in sorted(k for k in groups if len(k) == 4):
        longer = [k for k in groups if len(k) == 4 and k != short and abbreviates(slug(short), slug(k))]
        if len(longer) != 1 or {r.article for r in groups[short]} & {r.article for r in groups[longer[0]]}:
            continue
        long = longer[0]
        name = groups[long][0].members[2]
        groups[long] = [replace(r, key=long, members=(*r.members[:2], name)) for r in groups[long] + groups.pop(short)]


def abbreviates(short: str, long: str) -> bool:
    """Whether the slug `short` is the slug `long` with its words cut to their first letters, the numbers kept.

    Initials alone ("sr2500" for "sea-ranger2500", a radar for a boat) may stand for anything, so at least
    one word must keep two letters or more.

    >>> abbreviates("spa4207", "stan-patrol4207"), abbreviates("stpa-98", "stan-patrol-98")
    (True, True)
    >>> abbreviates("spa4207", "stan-patrol5009"), abbreviates("camm-er", "camm"), abbreviates("sr2500", "sea-ranger2500")
    (False, False, False)
    """
    def numbered(t: str) -> bool:
        return t.isdigit()

    s, w = re.findall(r"[a-z]+|\d+", short), re.findall(r"[a-z]+|\d+", long)
    letters, words = [t for t in s if not numbered(t)], [t for t in w if not numbered(t)]
    if [t for t in s if numbered(t)] != [t for t in w if numbered(t)] or not any(map(numbered, s)) \
            or len(letters) != 1 or len(words) < 2 or len(letters[0]) <= len(words):
        return False

    def cut(rest: str, words: list[str]) -> bool:
        if not words:
            return not rest
        return any(rest[:i] == words[0][:i] and cut(rest[i:], words[1:]) for i in range(1, min(len(rest), len(words[0])) + 1))

    return cut(letters[0], words)
