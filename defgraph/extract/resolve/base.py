"""The resolver's bookkeeping: entities, mentions by position, and look-ups over them."""

from __future__ import annotations

import bisect
import re

from ..amounts import find_money
from ..gazetteer import Entry, Gazetteer, equipment_key
from ..grammar import Grammar
from ..mentions import role_mentions
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Entity, EntityFacts, Mention
from ..sentences import Sentence
from ..text import fold, patterns, possessive_between

REFERENCE = "reference"  # a mention that refers back to an entity without naming it ("the jets")


class Base:
    """The resolver's bookkeeping: entities, mentions by position, and look-ups over them."""

    def __init__(self, text: str, sentences: list[Sentence], gaz: Gazetteer, grammar: Grammar) -> None:
        self.text, self.sentences, self.gaz, self.grammar = text, sentences, gaz, grammar
        self.entities: dict[str, Entity] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] = []   # sorted starts of self._by_start, for span look-ups
        self._by_start: list[Mention] = []
        self.roles = role_mentions(text)
        self._places: list[tuple[int, int]] = []
        self._said_ministry: str | None = None  # the one country the text says a ministry is of
        self.money = [(m.start, m.end) for m in find_money(text)]  # "€500m": what an amount is written with
        self._sentence_starts = [s.start for s in sentences]

    def add(self, m: Mention, family: str, cls: str, key: str, name: str | None = None,
            facts: EntityFacts | None = None, entry: Entry | None = None) -> Entity:
        """Record a mention of the entity `key`, creating the entity at its first mention (with
        the gazetteer `entry` it comes from, if any, and what is known of it)."""
        m.key, m.family = key, family
        m.text = m.text or self.text[m.start:m.end]
        ent = self.entities.get(key)
        if ent is None and entry is None and facts is None and family == EQUIPMENT:
            entry = self.gaz.entry(key)  # "Caesar howitzers" found by its head noun is the known Caesar
        if ent is None:
            ent = Entity(key=key, family=family, cls=cls, name=name or m.text,
                         facts=facts or (entry.facts if entry else EntityFacts()),
                         canonical=entry.name if entry else None, gazetteer=entry is not None)
            self.entities[key] = ent
        ent.mentions.append(m)
        if m.source != REFERENCE:
            ent.aliases.add(m.text)
        self.mentions.append(m)
        i = bisect.bisect_right(self._starts, m.start)
        self._starts.insert(i, m.start)
        self._by_start.insert(i, m)
        return ent

    def rekey(self, old: str, new: str) -> None:
        """Give the entity `old` and its mentions the key `new`, merged into the entity `new` if
        there is one (what it is written as and the titles seen beside it are joined)."""
        ent = self.entities.pop(old)
        into = self.entities.setdefault(new, ent)
        ent.key = new
        for m in ent.mentions:
            m.key = new
        if into is not ent:
            into.mentions += ent.mentions
            into.aliases |= ent.aliases
            into.roles += ent.roles
            into.country = into.country or ent.country

    def replace(self, inner: Mention) -> None:
        """Forget a mention that a longer name now covers, and its entity if nothing else names it."""
        ent = self.entities[inner.key]
        ent.mentions.remove(inner)
        self.mentions.remove(inner)
        if not ent.mentions:
            del self.entities[inner.key]
        else:
            ent.aliases = {m.text for m in ent.mentions if m.source != REFERENCE}
        self._reindex()

    def near(self, s: int, e: int, pad: int = 160) -> list[Mention]:
        """Mentions that start within `pad` characters of the span [s, e)."""
        lo = bisect.bisect_left(self._starts, s - pad)
        hi = bisect.bisect_left(self._starts, e + pad)
        return self._by_start[lo:hi]

    def _reindex(self) -> None:
        self._by_start = sorted(self.mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._by_start]

    def _blocked(self, s: int, e: int) -> list[tuple[int, int]]:
        """Spans that no new name may overlap: resolved mentions and capitals named as places."""
        return [(m.start, m.end) for m in self.near(s, e) if m.family != COUNTRY or not m.inside] + \
            [(ps, pe) for ps, pe in self._places if ps < e + 160 and pe > s - 160]

    def covered(self, s: int, e: int, families: tuple[str, ...] = (PERSON, AGENCY, EQUIPMENT)) -> bool:
        return any(s < m.end and m.start < e for m in self.near(s, e) if m.family in families)

    def in_money(self, s: int, e: int) -> bool:
        """Whether [s, e) overlaps an amount of money ("€500m")."""
        return any(a < e and s < b for a, b in self.money)

    def country_at(self, s: int, e: int) -> Mention | None:
        for m in self.near(s, e, pad=1):
            if m.family == COUNTRY and m.start == s and m.end == e:
                return m
        return None

    def country_ending_before(self, pos: int) -> Mention | None:
        """A country, demonym or possessive country right before `pos` ("Germany's ", "French ")."""
        for m in self.near(pos - 60, pos, pad=0):
            if m.family != COUNTRY:
                continue
            if m.end <= pos and pos - m.end <= 4 and possessive_between(self.text, m.end, pos, space=r"\s*"):
                return m
        return None

    def company_ending_before(self, pos: int) -> Mention | None:
        """A company's name right before `pos`, as a maker before its system ("Lockheed P-3C")."""
        for m in self.near(pos - 60, pos, pad=0):
            if m.family == AGENCY and m.end == pos - 1 and self.text[m.end] == " " and \
                    self.entities[m.key].cls == "Company":
                return m
        return None

    def add_system(self, m: Mention, cls: str) -> Entity:
        """A system the gazetteer lacks, written at `m`; named with its maker's one-word name when that is
        written right before a bare model code ("Bell 412EPX"): such a code goes by its maker's name too."""
        maker = self.company_ending_before(m.start)
        if maker is None or " " in maker.text or not re.fullmatch(r"[A-Z]{0,3}-?\d[\w/-]*", m.text):
            # "MBDA Marte Mk2/N", "Airbus Defence and Space C-295M": the system's own name
            return self.add(m, EQUIPMENT, cls, equipment_key(m.text), m.text)
        full = f"{maker.text} {m.text}"
        # keyed by a code with letters, so that the system is one node with the articles that write the code
        # alone ("AW139M"); a code of digits alone ("340") is another maker's too, and keeps the maker's name
        ent = self.add(m, EQUIPMENT, cls, equipment_key(m.text if re.search(r"[A-Za-z]", m.text) else full), full)
        ent.canonical = full  # no written form of the article is the whole name alone
        return ent

    def company_at_start(self, s: int, e: int) -> Mention | None:
        """A company's name that opens the span [s, e) and leaves a name after it."""
        for m in self.near(s, s + 1, pad=0):
            if m.family == AGENCY and m.start == s and m.end + 1 < e and self.text[m.end] == " " and \
                    self.entities[m.key].cls == "Company":
                return m
        return None

    def count_after_body(self, s: int, name: str) -> bool:
        """Whether a name at `s` is the head of a body's name and a number ("Air Force 21" in "to the Romanian
        Air Force 21 radar systems"): the body, then a count, and no system."""
        words = name.split()
        before = self.text[max(0, s - 20):s].split()[-1:]
        return len(words) == 2 and words[1].isdigit() and bool(
            {fold(words[0]), fold(" ".join(before + words[:1]))} & set(patterns()["strong_org_heads"]))

    def sentence_of(self, pos: int) -> Sentence:
        i = bisect.bisect_right(self._sentence_starts, pos) - 1
        return self.sentences[max(i, 0)]

    def _country_in(self, s: int, e: int) -> str | None:
        for m in self.near(s, e, pad=0):
            if m.family == COUNTRY and s <= m.start and m.end <= e:
                return m.key
        before = self.country_ending_before(s)
        return before.key if before else None
