"""Where a system comes from, as far as the article says: its maker's state, a demonym before it, the state it was
owned by before (mixed into the event context)."""

from __future__ import annotations

import re

from ..gazetteer import gazetteer
from ..model import AGENCY, COUNTRY, EQUIPMENT, Mention
from ..resolve.base import REFERENCE
from ..text import alternation, fold, maker_suffix


class SystemOrigins:
    """The origin, maker and former owner of the systems an article names."""

    def _origin(self, m: Mention) -> str | None:
        ent = self.entities.get(m.key)
        return ent.facts.origin if ent else None

    def _owner_written(self, m: Mention) -> bool:
        """`Canadian MQ-9Bs`: a demonym right before a system the gazetteer gives another origin, which
        says whose the systems are, not who made them."""
        ent = self.entities.get(m.key)
        origin = ent.facts.origin if ent else None
        return origin is not None and any(
            c.family == COUNTRY and c.source == "demonym" and c.key != origin
            and re.fullmatch(r"\s+(?:[a-z-]+\s+)?", self.text[c.end:m.start])
            for c in self.between(max(0, m.start - 30), m.start))

    def _named_origin(self, m: Mention) -> str | None:
        """The country a system comes from, as far as the text names it: a maker's country right
        before it ("Chilean-made", "US-built", "South Korean"), else the gazetteer's origin when the
        article names that country or the maker; a seller the text does not name is no supplier."""
        used = alternation("second_hand_words")
        second_hand = re.search(rf"\b(?:{used})\s+(?:[\w-]+\s+){{0,3}}$", self.text[max(0, m.start - 60):m.start], re.IGNORECASE)
        for c in reversed(self.between(max(0, m.start - 30), m.start)):
            gap = self.text[c.end:m.start]
            made = re.fullmatch(rf"(?:{maker_suffix()})\s+(?:[a-z-]+\s+)?", gap)
            owned = c.source == "demonym" and re.fullmatch(r"\s+(?:[a-z-]+\s+)?", gap)
            if c.family == COUNTRY and (made or owned):
                return c.key
            if c.family == AGENCY and self.country_of(c.key) and (made or gap == " " and not second_hand and c.key
                                                                   in self.entities and self.entities[c.key].cls == "Company"):
                return self.country_of(c.key)  # "Norinco-manufactured VT5 tanks", "two Acme X": the maker's state
        if second_hand:
            return None  # "24 second-hand Lockheed Martin F-16s": sold by an earlier owner, not by the maker
        ent = self.entities.get(m.key)
        origin = ent.facts.origin if ent else None
        if origin is None:
            return self._maker_in_name(m)
        maker = (ent.facts.manufacturer or "").partition(":")[2]
        written = re.sub(r"[^a-z0-9]+", "-", fold(m.text))
        # the maker named, or written in the system's name ("Patria AMV XP")
        named = ent.facts.manufacturer in self._named or (maker and written.startswith(maker + "-"))
        return origin if origin in self._named or named else None

    def _supplier_told(self, m: Mention, recipient: str | None) -> str | None:
        """`Estonia took delivery of Kestrel K-7 drones from Sweden. Chile has already bought the drones as well`: who
        supplied the system a kind refers back to, to another state, in a transfer told before."""
        if m.source != REFERENCE:
            return None
        told = [e.supplier for e in self.events if e.cls == "Transfer" and m.key in e.equipment and e.recipient != recipient]
        return told[-1] if told and len(set(told)) == 1 else None

    def _passed_on(self, m: Mention, supplier: str | None) -> bool:
        """`… K9 howitzers are to be bought by Norway. Norway has sent the howitzers to Ukraine`: a kind that refers back
        to a system, given by the state told to receive it, is that state's other things of the kind, not the system."""
        return m.source == REFERENCE and any(e.cls == "Transfer" and m.key in e.equipment and e.recipient == supplier
                                             for e in self.events)

    def _former_owner(self, m: Mention) -> str | None:
        """`Argentina's ex-Danish F-16s`, `used Qatar Air Force Mirage 2000-5s`: the state the article says a system
        came from second-hand, where any mention of it (or of a version written after its name: "ex-Danish F-16B") is
        so written."""
        ent = self.entities.get(m.key)
        entry = gazetteer().entry(m.key)
        names = (ent.aliases | {ent.name} if ent else {m.text}) | ({entry.name} if entry else set())
        # the name, then nothing, a space or a variant code ("F-16B"), never more digits ("M1" in "M113")
        written = re.compile(rf"(?:{'|'.join(map(re.escape, names))})(?:$|[\s/-]|[A-Z]{{1,3}}(?!\w))", re.IGNORECASE)
        used = alternation("second_hand_words")
        forces = alternation("bare_forces")
        # (the system's first mention in its sentence: "ordered 12 new X after rejecting used Y Air Force X")
        first = not any(y.key == m.key and y.start < m.start and not re.search(r"[.!?]\s", self.text[y.end:m.start])
                        for y in self.between(max(0, m.start - 200), m.start))
        for x in self.mentions:
            if x.family != EQUIPMENT or x.key != m.key and not written.match(x.text):
                continue
            ex = re.search(r"\bex-([A-Z][\w]+)\s+(?:[\w-]+\s+){0,2}$", self.text[max(0, x.start - 40):x.start])
            if ex is not None and fold(ex.group(1)) in gazetteer().demonyms:
                return gazetteer().demonyms[fold(ex.group(1))]
            # "used Qatar Air Force Mirage 2000-5 jets": the force or state written between "used" and the system, said
            # of the mention moved (not of another: "ordered new Rafales after rejecting used Qatari Rafales"; nor its
            # maker: "24 second-hand Lockheed Martin F-16s")
            owner = next((c for c in self.between(max(0, x.start - 60), x.start) if x.start == m.start and first
                          and c.family in (AGENCY, COUNTRY)
                          and self.country_of(c.key) and self.entities[c.key].cls not in ("Company", "StateEnterprise")
                          and re.fullmatch(rf"\s+(?:(?:{forces})\s+)?", self.text[c.end:x.start])
                          and re.search(rf"\b(?:{used})\s+(?:the\s+)?$", self.text[max(0, c.start - 20):c.start], re.I)), None)
            if owner is not None:
                return self.country_of(owner.key)
        return None

    def _maker_in_name(self, m: Mention) -> str | None:
        """`Patria AMV XP`, `Hanwha K9`: a system named after a company the article names comes from
        that company's state."""
        for ent in self.entities.values():
            if ent.cls in ("Company", "StateEnterprise") and self.country_of(ent.key) and any(
                    m.text.startswith(a + " ") for a in ent.aliases | {ent.name}):
                return self.country_of(ent.key)
        return None
