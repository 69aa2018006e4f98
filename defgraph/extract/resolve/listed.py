"""Systems the gazetteer lacks, listed with one it knows: "a Boeing 737-500, two Twin Otter 300s and
four Mi-17 helicopters"."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import AGENCY, EQUIPMENT, PERSON, Mention
from ..text import fold, number_words, patterns


@lru_cache(maxsize=1)
def _item() -> re.Pattern:
    """One item of a list of systems: a count or an article, then a name of capitalised words or codes
    of which one holds a digit or which has two words ("a Pilatus Porter", "two Twin Otter 300s")."""
    numbers = number_words()
    return re.compile(rf"(?<![\w-])(?i:an?|{numbers}|\d{{1,3}})\s+((?:[A-Z][\w-]*|\d[\w-]*)(?:\s+(?:[A-Z][\w-]*|\d[\w-]*)){{0,3}})")


# what may stand between two items: a lower-case description of the one before, a comma, "and"
_BETWEEN = re.compile(r"(?:\s+[a-z][\w-]*(?:\s+[a-z][\w-]*){0,4})?(?:,\s+(?:and\s+)?|\s+and\s+)")


class ListedSystemPasses:
    """Systems listed with one the text already names."""

    def _systems_listed_with_known(self) -> None:
        """`Among those returned are a Boeing 737-500, two Twin Otter 300s, a Pilatus Porter and four Mi-17
        helicopters`: each item of a list (a count or an article before each) in which a known system
        stands is a system too."""
        for sent in self.sentences:
            items = list(_item().finditer(sent.text))
            runs: list[list[re.Match]] = []
            for m in items:
                if runs and _BETWEEN.fullmatch(sent.text[runs[-1][-1].end():m.start()]):
                    runs[-1].append(m)
                else:
                    runs.append([m])
            for run in runs:
                if len(run) < 3:
                    continue
                spans = [(sent.start + m.start(1), sent.start + m.end(1)) for m in run]
                known = [any(x.family == EQUIPMENT and x.start < e and s < x.end for x in self.near(s, e, pad=0))
                         for s, e in spans]
                if not any(known):
                    continue
                for (s, e), had in zip(spans, known):
                    name = re.sub(r"(?<=\d)s$", "", self.text[s:e])  # "Twin Otter 300s": one type
                    e = s + len(name)
                    words = name.split()
                    # "a Boeing 737-500", "a Pilatus Porter": a maker's name opens the system's
                    maker = self.company_at_start(s, e)
                    if maker is not None and maker.end < e and not self.covered(maker.end, e, (PERSON, AGENCY, EQUIPMENT)):
                        self.replace(maker)
                    if had or self.covered(s, e, (PERSON, AGENCY, EQUIPMENT)) or self.country_at(s, e) or \
                            not (len(words) >= 2 or any(c.isdigit() for c in name)) or self.in_money(s, e) or \
                            _names_a_body(name):
                        continue
                    self.add_system(Mention(s, e, name, EQUIPMENT, source="context"), "Equipment")


@lru_cache(maxsize=1)
def _body_endings() -> tuple[str, ...]:
    """The last words of a body's name (data/patterns.json `org_heads`, `unit_words`), alone or plural."""
    heads = [h for h in patterns()["org_heads"] if not h.startswith("_")] + patterns()["unit_words"]
    return tuple(f" {h}{s}" for h in heads for s in ("", "s", "es"))


def _names_a_body(name: str) -> bool:
    """`three Army Divisions`, `a Field Hospital`: words that end as a body's name ends name no system."""
    return (" " + fold(name)).endswith(_body_endings())
