"""Names that are no systems: a known system's word inside a person's name, an organisation's initials
before a count, a designation that names a person or an organisation of the article."""

from __future__ import annotations

import re

from ..mentions import title_words
from ..model import AGENCY, EQUIPMENT, PERSON
from ..text import fold, patterns


class NotSystemPasses:
    """Systems' names that name someone else (mixed into the resolver)."""

    def _systems_inside_names(self) -> None:
        """`his Turkish counterpart Ahmet Kaan Yildirim`: one word of a known system's name between the
        capitalised words of a name after a title is part of that person's name."""
        for m in [m for m in self.mentions if m.family == EQUIPMENT and m.source == "gazetteer"]:
            if " " in m.text or re.search(r"\d", m.text):
                continue
            before = re.search(r"(?:[A-Z][a-zà-ÿ'’-]+ ){1,2}$", self.text[max(0, m.start - 40):m.start])
            after = re.match(r" [A-Z][a-zà-ÿ'’-]+(?![\w-])", self.text[m.end:m.end + 30])
            if before is None or after is None:
                continue
            first = m.start - len(before.group())
            titled = re.search(r"(\w+)\s$", self.text[max(0, first - 30):first])
            if (any(0 <= first - r.end <= 1 for r in self.roles) or titled and titled.group(1).lower() in _title_or_counterpart()) and \
                    not self.covered(first, m.start, (PERSON, AGENCY, EQUIPMENT)):
                self.replace(m)

    def _acronyms_before_counts(self) -> None:
        """`Turkey to give SNA 36 armoured vehicles`: an organisation's initials, then a count, are the
        recipient and how many, not a designation."""
        initials = {"".join(w[0] for w in e.name.split() if w[:1].isupper()) for e in self.entities.values()
                    if e.family == AGENCY}
        for m in [m for m in self.mentions if m.family == EQUIPMENT and m.source == "context"]:
            code = re.fullmatch(r"([A-Z]{2,5}) \d+", m.text)
            if code and code.group(1) in initials:
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
