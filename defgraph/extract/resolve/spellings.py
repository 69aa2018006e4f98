"""People written two ways in one article: one letter of one name apart ("Al Bawardi", "Al Bowardi",
"Umerov", "Umerow"), given names as initials ("F. Doe"), the family name in capitals first ("DOE Jane")."""

from __future__ import annotations

import re

from ..model import PERSON, Entity
from ..text import fold


class SpellingPasses:
    """People written two ways in one article."""

    def _one_letter_spellings(self) -> None:
        """`Mohammed bin Ahmed Al Bawardi` and, later, `Mohammed bin Ahmed Al Bowardi`: two full names
        of two words or more whose family names are one letter apart, and whose roles agree where
        both have one, are one person written two ways (the first spelling names them); a shorter
        reference to the second spelling ("Al Bowardi") follows it."""
        people = [e for e in self.entities.values() if e.family == PERSON and len(e.name.split()) >= 2]
        people.sort(key=lambda e: min((m.start for m in e.mentions), default=0))
        second: dict[str, str] = {}  # the second spelling, folded → the person it is
        for i, first in enumerate(people):
            for later in people[i + 1:]:
                if later.key in self.entities and first.key in self.entities and _one_letter_apart(first, later):
                    second[fold(later.name)] = first.key
                    self.rekey(later.key, first.key)
        for later in [e for e in people if _capitals_first(e.name)]:
            # "Mr DOE Janet Mary" after "Janet Mary Doe": the family name in capitals first
            words = fold(later.name).split()
            order = words[1:] + words[:1]
            into = next((e for e in people if e.key != later.key and e.key in self.entities and
                         not _capitals_first(e.name) and _same_words(fold(e.name).split(), order)), None)
            if into is not None and later.key in self.entities:
                self.rekey(later.key, into.key)
        for later in [e for e in people if _initialled(e.name) and e.key in self.entities]:
            # "Lieutenant General J. Doe" after "Jane Doe": the given name's initial
            into = [e for e in people if e.key != later.key and e.key in self.entities and _initial_of(later, e)]
            if len(into) == 1:
                self.rekey(later.key, into[0].key)
        for short in [e for e in people if len(e.name.split()) == 2 and e.key in self.entities]:
            # "Ismail Sabri" after "Ismail Sabri Yaakob": a name's first two words, as Malay and Arabic names are cut
            into = [e for e in people if e.key != short.key and e.key in self.entities and len(e.name.split()) >= 3
                    and fold(e.name).split()[:2] == fold(short.name).split()]
            if len(into) == 1:
                self.rekey(short.key, into[0].key)
        for ref in [e for e in self.entities.values() if e.family == PERSON and len(e.name.split()) <= 2]:
            into = next((k for name, k in second.items() if name.endswith(" " + fold(ref.name))), None)
            if into is not None and into in self.entities:
                self.rekey(ref.key, into)


def _one_letter_apart(a: Entity, b: Entity) -> bool:
    """The same given names, family names one letter apart (a transliteration, not another name:
    "Maria" and "Marta" are two), and no two different roles. A two-word name needs a family name
    of six letters or more ("Umerov", "Umerow"): short ones are too often two people."""
    wa, wb = fold(a.name).split(), fold(b.name).split()
    roles_a, roles_b = {r for r, _ in a.roles} | {a.role} - {None}, {r for r, _ in b.roles} | {b.role} - {None}
    if len(wa) != len(wb) or wa[:-1] != wb[:-1] or (roles_a and roles_b and not roles_a & roles_b):
        return False
    x, y = wa[-1], wb[-1]
    return min(len(x), len(y)) >= (5 if len(wa) >= 3 else 6) and _one_edit(x, y)


def _capitals_first(name: str) -> bool:
    """Whether a name opens with a family name in capitals ("DOE Janet Mary")."""
    words = name.split()
    return len(words) >= 2 and len(words[0]) >= 3 and words[0].isalpha() and words[0].isupper() \
        and not words[1].isupper()


def _initialled(name: str) -> bool:
    """Whether a name is initials and a family name ("J. Doe", "J.R. Doe")."""
    words = name.split()
    return len(words) >= 2 and all(re.fullmatch(r"(?:[A-Z]\.)+", w) for w in words[:-1])


def _initial_of(short: Entity, full: Entity) -> bool:
    """Whether `short` ("J. Doe") is `full` ("Jane Doe") with its given names as initials."""
    initials = "".join(short.name.split()[:-1]).replace(".", "")
    words = full.name.split()
    return not _initialled(full.name) and len(words) >= 2 and fold(words[-1]) == fold(short.name.split()[-1]) \
        and "".join(w[0] for w in words[:-1])[:len(initials)] == initials


def _same_words(a: list[str], b: list[str]) -> bool:
    """The same words in the same order, at most one of them one letter apart ("Janet", "Janett")."""
    if len(a) != len(b):
        return False
    apart = [(x, y) for x, y in zip(a, b) if x != y]
    return not apart or len(apart) == 1 and min(map(len, apart[0])) >= 5 and _one_edit(*apart[0])


def _one_edit(x: str, y: str) -> bool:
    """Whether `y` is `x` with one letter changed, added or dropped."""
    if len(x) == len(y):
        return sum(c != d for c, d in zip(x, y)) == 1
    short, long_ = sorted((x, y), key=len)
    return len(long_) - len(short) == 1 and any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
