"""Names that are no systems: a known system's word inside a person's name, an organisation's initials
before a count, a designation that names a person or an organisation of the article."""

from __future__ import annotations

import re
from functools import lru_cache

from ..mentions import title_words
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON
from ..text import capitalised_honorifics, fold, patterns


_WEB = re.compile(r"\.(?:com|net|org|info|news|co|gov|mil)\b", re.I)  # right after a name: its web address
_NAME = re.compile(r"[^\W\d_][^\W\d_'’-]*")  # a word of a name, in any alphabet


class NotSystemPasses:
    """Systems' names that name someone else (mixed into the resolver)."""

    def _systems_inside_names(self) -> None:
        """`his Turkish counterpart Ahmet Kaan Yildirim`, `Defence Minister Ahmet Kaan Yıldırım`: one word
        of a known system's name between the capitalised words of a name after a title is part of
        that person's name."""
        titles = {fold(w) for w in _title_or_counterpart()}
        for m in [m for m in self.mentions if m.family == EQUIPMENT and m.source == "gazetteer"]:
            after = self.text[m.end:m.end + 2]
            if " " in m.text or re.search(r"\d", m.text) or not (after[:1] == " " and after[1:].isupper()):
                continue
            words = self.text[max(0, m.start - 60):m.start].split(" ")[:-1]
            for given in (1, 2):  # "Ahmet Kaan", "Mehmet Ali Kaan"
                names, rest = words[len(words) - given:], words[:len(words) - given]
                if len(names) < given or not all(_NAME.fullmatch(w) and w[0].isupper() for w in names) \
                        or not rest:
                    continue
                first = m.start - sum(len(w) + 1 for w in names)
                if (fold(rest[-1]) in titles or any(0 <= first - r.end <= 1 for r in self.roles)) and \
                        not self.covered(first, m.start, (PERSON, AGENCY, EQUIPMENT)):
                    self.replace(m)
                    break

    def _names_after_honorifics(self) -> None:
        """`Mr Rafael Ortiz Lagos`, `General Rafael Ortiz`, `the Ambassador of Chile to Peru Rafael Ortiz`: a known
        body's or system's one-word name right after an honorific or a rank (data/patterns.json `honorifics`), or a
        title, and before more capitalised words begins a person's name."""
        after_honorific = _after_honorific()
        for m in [m for m in self.mentions if m.family in (AGENCY, EQUIPMENT) and m.source in ("gazetteer", "pattern")]:
            if " " in m.text or not m.text[:1].isupper() or m.text.isupper() \
                    or not after_honorific.search(self.text[max(0, m.start - 30):m.start]) \
                    and not any(0 <= m.start - r.end and self._states_after_title(r.end, m.start) and self._envoy(r)
                                for r in self.roles):
                continue
            rest = re.match(r" ([A-Z][^\W\d_]+)\b", self.text[m.end:m.end + 40])
            if rest and rest.group(1) not in title_words() and fold(rest.group(1)) not in patterns()["org_heads"] \
                    and not self.covered(m.end + 1, m.end + rest.end(), (AGENCY, EQUIPMENT, PERSON, COUNTRY)):
                self.replace(m)

    def _names_ending_in_bodies(self) -> None:
        """`Defence Minister Jaques Wagner`, `Major General Norbert Wagner`, `Mr Alan Wagner`: a known body's one-word
        name after a given name that follows a title, an honorific or a rank ends a person's name."""
        after_honorific = _after_honorific()
        bodies = [m for m in self.mentions if m.family == AGENCY and m.source == "gazetteer"
                  and " " not in m.text and m.text[:1].isupper() and not m.text.isupper()]
        surnames: set[str] = set()
        for m in bodies:
            given = re.search(r"(?<![\w'’.-])([A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?) $", self.text[max(0, m.start - 30):m.start])
            if given is None or given.group(1) in title_words() or fold(given.group(1)) in patterns()["honorifics"]:
                continue
            first = m.start - len(given.group())
            if self.covered(first, m.start - 1, (AGENCY, EQUIPMENT, COUNTRY)):
                continue
            if after_honorific.search(self.text[max(0, first - 30):first]) or any(r.end in (first - 1, first) for r in self.roles):
                surnames.add(m.text)
                self.replace(m)
        for m in bodies:  # ("… Norbert Wagner arrived. General Wagner was received by …": the same person)
            if m.text in surnames and m in self.mentions and after_honorific.search(self.text[max(0, m.start - 30):m.start]):
                self.replace(m)

    def _envoy(self, r) -> bool:
        """Whether a title names the states it is of or to ("Ambassador of Chile to Peru"; not "Chairman")."""
        return any(m.family == COUNTRY and r.start <= m.start and m.end <= r.end for m in self.near(r.start, r.end, pad=0))

    def _states_after_title(self, s: int, e: int) -> bool:
        """Whether only states the title is of or to stand between its end and a name ("Ambassador of Chile to
        Peru Rafael …"), or nothing does."""
        gap = self.text[s:e]
        for c in sorted((m for m in self.near(s, e, pad=0) if m.family == COUNTRY and s <= m.start and m.end <= e),
                        key=lambda m: -m.start):
            gap = gap[:c.start - s] + "X" + gap[c.end - s:]
        return re.fullmatch(r"(?:\s+(?:of|to|in|for)\s+(?:the\s+)?X)*\s?", gap) is not None

    def _web_addresses(self) -> None:
        """`RIAU24.COM - Two warships …`: a name written as a web address is an outlet's, no system's."""
        for m in [m for m in self.mentions if m.family == EQUIPMENT and _WEB.match(self.text, m.end)]:
            self.replace(m)

    def _acronyms_before_counts(self) -> None:
        """`Turkey to give SNA 36 armoured vehicles`, `U.S. gives Ghana Armed Forces 14 armoured vehicles`: an
        organisation's initials or a name ending in a body's head, then a count, are the recipient and how
        many, not a designation."""
        initials = {"".join(w[0] for w in e.name.split() if w[:1].isupper()) for e in self.entities.values()
                    if e.family == AGENCY}
        heads = patterns()["strong_org_heads"]
        for m in [m for m in self.mentions if m.family == EQUIPMENT and m.source == "context"]:
            code = re.fullmatch(r"(.*?\S) \d+", m.text)
            if code is None:
                continue
            body = fold(code.group(1))
            if code.group(1) in initials or re.match(r"\s+[a-z]", self.text[m.end:]) and any(
                    body == h or body.endswith(" " + h) for h in heads):  # (a count of what follows it)
                self.replace(m)

    def _drop_equipment_named_like_people(self) -> None:
        """"Lula turns down Scholz on tank ammunition", "the second Piriou patrol vessel" beside
        "shipbuilder Piriou": a person's or an organisation's name is no designation."""
        names = {fold(w) for e in self.entities.values() if e.family == PERSON for a in e.aliases for w in a.split()}
        names |= {fold(a) for e in self.entities.values() if e.family == AGENCY for a in e.aliases | {e.name}}
        for key, ent in list(self.entities.items()):
            if ent.family == EQUIPMENT and not ent.gazetteer and fold(ent.name) in names:
                self.mentions = [m for m in self.mentions if m.key != key]
                del self.entities[key]
        self._reindex()


def _title_or_counterpart() -> frozenset[str]:
    """Words a person's name follows: those titles are made of, and "counterpart"."""
    return title_words() | frozenset(patterns()["counterpart_cues"])


@lru_cache(maxsize=1)
def _after_honorific() -> re.Pattern:
    """An honorific or a rank (data/patterns.json `honorifics`) ending right before a name, capitalised, or in lower
    case where the word is no adjective too ("a major Rheinmetall Hungary contract" is no rank, "almirante
    Leonardo Puntel" is)."""
    adjectives = set(patterns()["adjective_honorifics"])
    honorifics = "|".join(sorted((re.escape(c) + ("" if h in adjectives else "|" + re.escape(h))
                                  for c, h in capitalised_honorifics().items()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{honorifics})\.?\s$")
