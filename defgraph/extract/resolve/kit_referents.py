"""Which named system a kind of equipment stands for: the one named with its word, in the sentence before,
first named and moved in the sentence after, or the only one of its class."""

from __future__ import annotations

import re

from ..model import AGENCY, COUNTRY, EQUIPMENT, KIT, Entity, Mention
from ..sentences import sentence_before
from ..text import fold, patterns, trigger_regex
from .base import REFERENCE


class KitReferents:
    """The systems an article names that a kind of equipment may refer to."""

    def _written_with_head(self, named: list[Entity], word: str) -> list[Entity]:
        """Those of `named` that the article writes, somewhere, right before the head noun `word`
        ("the River class ships" for "ships"), with at most two words between."""
        return [e for e in named if any(
            re.match(rf"(?:[\s-]+[\w-]+){{0,2}}?[\s-]+{re.escape(word)}\b", self.text[m.end:m.end + 40], re.I)
            for m in e.mentions if m.source not in (KIT, REFERENCE))]

    def _named_just_before(self, sent, named: list[Entity]) -> list[Entity]:
        """Those of `named` that the sentence before `sent` names."""
        before = sentence_before(self.sentences, sent)
        keys = {m.key for x in [before] if x is not None for m in self.near(x.start, x.end, pad=0)
                if m.family == EQUIPMENT and x.start <= m.start < x.end}
        return [e for e in named if e.key in keys]

    def _states_in(self, sent) -> set[str]:
        """The states a sentence names, itself or by a body of theirs."""
        out = set()
        for m in self.near(sent.start, sent.end, pad=0):
            ent = self.entities.get(m.key) if m.key else None
            if sent.start <= m.start < sent.end and ent is not None and m.family in (COUNTRY, AGENCY):
                out.add(m.key if m.family == COUNTRY else ent.country or ent.facts.country)
        return out - {None}

    def _moved_next(self, sent, named: list[Entity]) -> list[Entity]:
        """Those of `named` first named in the sentence after `sent`, where a transfer trigger moves them
        between no other states than `sent` names ("… receive 20 German tanks. Ukraine also received Leopard 1
        tanks from Denmark": another transfer), or where it says what the things of `sent` are."""
        nxt = next((x for x in self.sentences if x.start >= sent.end), None)
        if nxt is None:
            return []
        if self._states_in(nxt) - self._states_in(sent):
            return []
        triggers = list(trigger_regex("transfer").finditer(fold(nxt.text)))
        first = [e for e in named if nxt.start <= min(m.start for m in e.mentions) < nxt.end]
        moved = [e for e in first if triggers and any(
            nxt.start <= m.start < nxt.end and m.source not in (KIT, REFERENCE) and self._moved(nxt, m, triggers)
            for m in e.mentions)]
        # ("The six warplanes are of the A-29 Super Tucano type": the one system the things bought are, said next)
        said = [e for e in first if any(nxt.start <= m.start < nxt.end and m.source not in (KIT, REFERENCE)
                                        and _IDENTIFIED.fullmatch(fold(self.text[nxt.start:m.start])) for m in e.mentions)]
        return moved or (said if len(said) == len(first) == 1 else [])

    def _mixed_after(self, m: Mention, named: Entity) -> bool:
        """`17 armoured vehicles were handed over. It comprised X tanks, Y tank destroyers and Z howitzers`:
        a kind written before the one system of it, beside systems of other kinds, names them all."""
        first = self.sentence_of(min(x.start for x in named.mentions))
        here = self.sentence_of(m.start)
        nxt = next((x for x in self.sentences if x.start >= here.end), None)
        return first is nxt and any(x.family == EQUIPMENT and first.start <= x.start < first.end and x.key != named.key
                                    and x.source not in (KIT, REFERENCE) for x in self.mentions)

    def _definite_reference(self, sent, tok, mods, triggers, cls: str) -> None:
        """`Estonia took delivery of four Kestrel K-7 drones … Chile and Peru have already bought the drones`: "the" (or
        "these") and a plural kind, moved in a later sentence that adds states not named with the system ("also",
        "already": data/patterns.json `additive_cues`), refer to the one system the article wrote before with that
        word (not in a sentence dated apart, "Last year, the vehicles were handed over to X", nor "approved the jets'
        transfer from X", whose transfer is told on its own)."""
        if tok.tag_ != "NNS" or not any(c.dep_ == "det" and c.lower_ in ("the", "these", "those") for c in tok.children) \
                or re.match(r"['’]", sent.text[tok.idx + len(tok.text):]) or _DATED_APART.match(fold(sent.text)) \
                or not trigger_regex("additive_cues").search(fold(sent.text)):
            return
        first = mods[0] if mods else tok
        s, e = sent.start + first.idx, sent.start + tok.idx + len(tok.text)
        named = [x for x in self._written_with_head(self._named_systems(cls), tok.lower_)
                 if min(m.start for m in x.mentions) < sent.start]
        if len(named) != 1 or self.covered(s, e) or not self._states_in(sent) - self._states_in(
                self.sentence_of(min(m.start for m in named[0].mentions))):
            return  # (only where other states take part: "The howitzers will be refurbished before being handed over")
        m = Mention(s, e, self.text[s:e], EQUIPMENT, source=REFERENCE)
        if self._moved(sent, m, triggers):
            self.add(m, EQUIPMENT, named[0].cls, named[0].key)

    def _named_systems(self, cls: str) -> list[Entity]:
        """The systems of a kind that `cls` may name (`same_kind`) that the article names: "30 missiles" of
        an air defence system, "six mobile launchers" of a "Coastal Defence System"."""
        covers = set(patterns()["kind_covers"].get(cls, ()))  # "the three aircraft": the helicopters named
        keys = {m.key for m in self.mentions if m.family == EQUIPMENT and m.source not in (KIT, REFERENCE)
                and (same_kind(cls, self.entities[m.key].cls) or self.entities[m.key].cls in covers)}
        return [self.entities[k] for k in sorted(keys)]


# a sentence that opens with a time of its own: "Last year, ", "In 2019, ", "Earlier, "
_DATED_APART = re.compile(r"(?:last|earlier|previously|back\s+in|in\s+(?:19|20)\d\d|in\s+[a-z]+\s+(?:19|20)\d\d)\b[^,.;]{0,30},")
# a sentence that opens by saying what things told of before are: "The six warplanes are of the ", "These will all be "
# (the things themselves, not others told of: "The jets they will replace are", "The only other fighters are")
_IDENTIFIED = re.compile(r"(?:they|(?:the|these|those|all)\s+(?:(?!they\b|which\b|that\b|other\b|only\b|will\b|we\b)[\w-]+\s+){1,3}?)"
                         r"(?:are|were|will\s+be)\s+(?:all\s+)?(?:of\s+the\s+)?")


def same_kind(cls: str, other: str) -> bool:
    """Whether two classes of equipment may name one system: equal, related (data/patterns.json
    `related_classes`), or either of no known kind (plain Equipment)."""
    related = patterns()["related_classes"]
    return "Equipment" in (cls, other) or cls == other or other in related.get(cls, ()) or cls in related.get(other, ())
