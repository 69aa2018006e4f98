"""Reports that name a family joined to the one variant of it that the same route reports: "M109"
in one article is the "M109A3GN" that the other articles on Norway → Ukraine name."""

from __future__ import annotations

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
    return groups
