"""Talks about a system: "talks with South Korea on the K10", "negotiations on X", a discussed transfer."""

from __future__ import annotations

import re

from ..model import AGENCY, COUNTRY, Mention
from ..sentences import Sentence
from ..text import fold, patterns, trigger_regex


_ABOUT = re.compile(r"\b(?:on|over|about|regarding|concerning)\s+")
# what follows "and" with no comma before the talks it opens: auxiliaries, then a verb in the past or present
# ("and has begun early", "and opened", "and is holding"), never a noun ("and spare parts after")
_VERB_PHRASE = re.compile(r"(?:(?:also|has|have|had|is|are|was|were|will|would|now)\s+)*"
                          r"(?:[a-z]+ed|[a-z]+ing|began|begun|held|holds|opens|begins|starts|took|taken)\s+(?:[a-z]+\s+){0,2}")


class TransferTalks:
    """A system that talks, consultations or negotiations are held on: the side that makes or sells
    it supplies, the other side receives, and nothing has moved yet (`discussed`)."""

    def _talks_about(self, sent: Sentence, equipment: list[Mention], actors: list[Mention]) -> None:
        """Discussed transfers of the systems a clause's talks are held on."""
        low = fold(sent.text)
        undecided = patterns()["undecided_cues"]
        if any(neg in low and neg not in undecided for neg in patterns()["negative_cues"]):
            return
        for talk in trigger_regex("talks_nouns").finditer(low):
            # the system is what the talks are on: "on (the Estonian requirement for) the K10"
            prep = _ABOUT.search(low, talk.end(), min(len(low), talk.end() + 200))
            if prep is None:
                continue
            at = sent.start + prep.end()
            about = [m for m in equipment if m.start >= at and m.start - at <= 80 and re.fullmatch(
                r"(?:(?!with\b|and\b)[\w'’-]+\s+){0,6}", low[prep.end():m.start - sent.start])]
            if not about:
                continue
            for m in equipment:  # "on the K9 and K10": the systems listed with it
                if m.start > about[-1].end and re.fullmatch(r"(?:,\s*|\s+)(?:and\s+|or\s+)?(?:the\s+)?",
                                                             self.text[about[-1].end:m.start]):
                    about.append(m)
            # "talks with Canada on Bell 412EPX helicopters": a maker written before its system takes no side
            sides = self._talks_sides([a for a in actors if not (
                a.family == AGENCY and self.entities[a.key].cls == "Company" and any(x.start == a.end + 1 for x in equipment))])
            partner = next((self._actor(a.key) for a in actors if a.family in (COUNTRY, AGENCY) and re.fullmatch(
                r"\s*with\s+(?:the\s+)?", self.text[sent.start + talk.end():a.start])), None)
            owned = re.search(r"\b(?:its|their|his|her|our)\b", low[prep.end():about[0].start - sent.start])
            for m in about:
                parties = self._talks_parties(m, sides, partner, owned is None)
                if parties is not None:
                    self._add_transfer(sent, parties[0], parties[1], m, "discussed", True)
            return

    def _talks_sides(self, actors: list[Mention]) -> list[tuple[str, bool]]:
        """The states (or sellers) named in the clause of the talks, as (the state or body each stands
        for, whether it makes or sells), in the order the text names them."""
        sides: list[tuple[str, bool]] = []
        for a in actors:
            key = self._actor(a.key) if a.family in (COUNTRY, AGENCY) else None
            if key is not None and key not in (k for k, _ in sides):
                sides.append((key, self._sells([a.key])))
        return sides

    def _talks_parties(self, m: Mention, sides: list[tuple[str, bool]], partner: str | None = None,
                       maker_sells: bool = False) -> tuple[str, str] | None:
        """(supplier, recipient) of a system talked about: the side it comes from (or that sells it)
        supplies, else the side the talks are "with" where two are named; a side the clause leaves out is
        taken from the story's last transfer between them, else (`maker_sells`: talks on buying it, not on
        one's own) from the state that makes it."""
        origin = self._origin(m)
        sellers = [k for k, sells in sides if k == origin or sells]
        if len(sellers) > 1:
            return None
        if not sellers and partner is not None and len(sides) == 2 and partner in (k for k, _ in sides):
            sellers = [partner]  # "Jamaica is in talks with Canada on X": the buyer seeks talks with the seller
        last = self.last_transfer
        if not sellers and last is not None:
            # the side that supplied the story's last transfer ("talks with South Korea on the K10",
            # after the K9 bought from it), or that system's maker's state
            sellers = [k for k in (origin or (sides[0][0] if len(sides) == 1 else None),) if k == last.supplier]
        if not sellers and maker_sells and origin is not None and len(sides) == 1 and not (
                last is not None and last.recipient == sides[0][0] and last.supplier != origin):
            sellers = [origin]  # "The Philippines has held talks on buying the X": from the state that makes it
        supplier = sellers[0] if sellers else None
        others = [k for k, _ in sides if k != supplier]
        if supplier is None or len(others) > 1:
            return None
        if others:
            return supplier, others[0]
        if last is not None and last.supplier == supplier and last.recipient != supplier:
            return supplier, last.recipient
        return None


def _talks_clause(sent: Sentence) -> int | None:
    """Where a last clause joined by "and" (", while", ", but") starts that holds talks and no transfer
    trigger of its own ("…, and the Philippines has held talks about the same missile"; "delivered X and
    opened talks on the purchase of Y"); None if none."""
    low = fold(sent.text)
    talk = trigger_regex("talks_nouns").search(low)
    joints = list(re.finditer(r"(?:,\s+|\s+)(?:and|while|whereas|but)\s+", low[:talk.start()])) if talk else []
    if not joints or not trigger_regex("transfer").search(low[:joints[-1].start()]):
        return None
    joint = joints[-1]
    if not joint.group().startswith(",") and not _VERB_PHRASE.fullmatch(sent.text[joint.end():talk.start()]):
        return None  # "and" with no comma joins only a verb phrase of the same subject ("and opened talks")
    talks = set(patterns()["talks_nouns"])
    for t in trigger_regex("transfer").finditer(low, joint.end()):
        # what the talks are on ("talks on a possible purchase of Y") is the talks' own object
        if t.group() not in talks and not re.search(
                rf"{trigger_regex('talks_nouns').pattern}\s+(?:[\w-]+\s+){{0,3}}?{_ABOUT.pattern}(?:an?\s+|the\s+)?"
                r"(?:(?![a-z]+day\b)[\w-]+\s+)?$", low[:t.start()]):  # (not "talks on Friday delivered …")
            return None
    return sent.start + joint.start() + (1 if joint.group().startswith(",") else 0)


