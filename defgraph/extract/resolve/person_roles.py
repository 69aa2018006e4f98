"""The titles and roles of people: the title written before or after a name, the body a title is of, and what a
role says of a person's state and organisation."""

from __future__ import annotations

import re

from ..model import AGENCY, Entity, Mention
from ..text import fold, patterns
from .person_shapes import BRACKETED, POSTED_IN, honorific_gap


class PersonRoles:
    """The titles and roles of people (mixed into the resolver's people passes)."""

    def _role_before(self, pos: int) -> Mention | None:
        for r in self.roles:
            raw = self.text[r.end:pos]
            # "Foreign Minister Ms Jane Doe": an honorific may stand between the title and the name
            gap = BRACKETED.sub("", honorific_gap().sub("", raw))
            if raw.startswith(")") and "(" in self.text[max(0, r.start - 2):r.start]:
                gap = gap[1:]  # "Thượng tướng (Senior Lieutenant General) Jane Doe": a title translated in brackets
            # ("the Minister of Defence of the Federal Republic of Somalia, Jane Doe": the state, set off; "head of state, X")
            of = re.fullmatch(r",?\s{1,2}(?:of\s+(?:the\s+)?(?:([A-Z][\w&.'’ -]{1,50}?)|[a-z]+(?: [a-z]+)?),?\s)?", gap)
            if r.end <= pos and POSTED_IN.fullmatch(gap):
                return r  # "US chargé d'affaires in TT, Jane Doe"
            # "Executive Vice President of Acme Defence & Space AS Jane Doe": a longer body's name ends
            # in a legal form or is a known body's
            if r.end <= pos and of and not re.search(r"\.\s", gap) and (
                    not of.group(1) or re.fullmatch(r"[\w ]{1,30}", of.group(1)) or _STATE_TO_STATE.fullmatch(of.group(1)) or gap == raw and (
                        of.group(1).split()[-1] in patterns()["company_suffixes"] and " and " not in of.group(1)
                        or self.covered(r.end + of.start(1), r.end + of.end(1), (AGENCY,)))):
                if gap.strip().startswith("of"):
                    r.of_country = self._country_in(r.end, pos)
                # "Minister of Defence Lieutenant General Jane Doe": the office before the rank
                # "the special envoy of President Jane Doe": an aide's title names the one whose aide it is
                aides = set(patterns()["aide_nouns"]) | {fold(x) for x in patterns()["title_shape"]["envoys"]}
                inner = next((x for x in self.roles if r.end < x.start and x.end <= pos), None)
                if inner is not None and fold(r.text).split()[-1] in aides:
                    return inner
                office = next((x for x in self.roles if x.end < r.start and self.text[x.start:x.start + 1].isupper()
                               and "\n" not in self.text[x.end:r.start]   # (not a headline's title)
                               and all(w in patterns()["rank_words"] or w.lower().rstrip(".") in patterns()["honorifics"]
                                       for w in self.text[x.end:r.start].split())),   # (or "Lt.")
                              None)
                return office or r
        return None

    def _role_after(self, pos: int) -> Mention | None:
        right = self.text[pos:pos + 80]
        adjectives = "|".join(patterns()["role_adjectives"])
        # "Jane Doe, Japan's newly appointed defense minister", "while Jane Doe was US president"
        # "Jane Doe, recently appointed as Chinese envoy to Ethiopia"
        m = re.match(rf"(?:,\s+who\s+(?:is|was)|,\s+(?:(?:{adjectives})\s+)?(?:appointed|named)(?:\s+as)?"
                     rf"|,|\s+(?:is|was|has been|had been|became))\s+"
                     rf"(?:(?:the|his|her|its|a|an)\s+)?(?:(?:[A-Z][\w.]*|and|of)(?:['’]s)?\s+){{0,4}}"
                     rf"(?:[a-z]+['’]s?\s+)?(?:(?:{adjectives})\s+){{0,3}}", right)
        if not m:
            return None
        copula = not m.group().startswith(",")
        for r in self.roles:
            if r.start == pos + m.end() or (pos < r.start <= pos + m.end() + 1):
                if copula and re.match(r"\s+[A-Z][a-z]", self.text[r.end:r.end + 4]):
                    return None  # "Jane Doe was President John Roe's guest": the title is the next person's
                named = re.match(r"\s+([A-Z][a-z]+)\s+[A-Z][a-z]", self.text[r.end:r.end + 40])
                if named and named.group(1) not in patterns()["role_tail_words"]:
                    return None  # "met at Camp David, President John Roe and …": likewise
                return r
        return None

    def _org_of_role(self, role: Mention) -> Mention | None:
        """`Chairman of Acme Industries`, `Executive Vice-President at Thales`: the body a title ends
        with, or that "at" or "of" joins to it."""
        inside = next((m for m in self.near(role.start, role.end) if m.family == AGENCY and role.start < m.start
                       and m.end == role.end and m.text not in patterns()["bare_forces"]), None)
        return inside or self._body_after(role.end)  # ("Chief of Staff of the Armed Forces": of no body in particular)

    def _attach_role(self, ent: Entity, role: Mention | None, stripped: Mention | None, people: list) -> None:
        if role is None and stripped is not None and people and people[-1][2] is not None:
            role = people[-1][2]
            country = stripped.key
        else:
            country = None
        if role is None:
            return
        if country is None:
            qualifier = self.country_ending_before(role.start)
            org = self._org_ending_before(role.start)
            if role.of_country:
                country = role.of_country
            elif qualifier is not None and not (role.plural and stripped):
                country = qualifier.key
            elif org is not None or (org := self._org_of_role(role)) is not None:
                country = self.entities[org.key].facts.country
                ent.organization = org.key
            else:
                inner = self._country_in(role.start, role.end)
                country = inner
        ent.roles.append((role.role, role.plural))
        if country and not ent.country:
            ent.country = country


# "Ambassador … of the People's Republic of China to Armenia Jane Doe": a state's envoy to another
_STATE_TO_STATE = re.compile(r"[A-Z][\w'’ ]{1,40}?\s+to\s+(?:the\s+)?[A-Z][\w ]{1,30}")
