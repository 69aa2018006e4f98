"""Who an unnamed counterpart is: the person of the other state named in the sentences after the meeting,
or named with the one who met them before it."""

from __future__ import annotations

import re

from ..model import COUNTRY, PERSON
from ..sentences import Sentence
from ..text import fold
from .people import same_role


class MeetingCounterparts:
    """Counterparts told in other sentences (mixed into the meeting rules)."""

    def _counterpart_named_later(self, sent: Sentence, low: str, one: str) -> list[str]:
        """`… held talks with his Polish counterpart. Jan Kowal, Poland's defence minister, said …`: an
        unnamed counterpart of a country is the one person of that country named in the next sentences (of
        each country, for "his counterparts from A, B and C")."""
        cue = re.search(r"\b(?:his|her|their)\s+([a-z-]+)\s+counterparts?\b", low)
        named = None
        # "met his counterparts from A, B and C": the one person of each named in the next sentences
        listed = re.search(r"\b(?:his|her|their)\s+counterparts\s+from\s+", low)
        if cue is not None:
            countries = [c.key for c in self.in_sentence(sent, COUNTRY) if c.start == sent.start + cue.start(1)][:1]
            later = [x for x in self.sentences if sent.end <= x.start][:2]
        elif listed is not None:
            run = next((r for r in self._state_runs(self.in_sentence(sent, COUNTRY))
                        if r[0].start == sent.start + listed.end()), [])
            countries, later = [c.key for c in run], [x for x in self.sentences if sent.end <= x.start][:6]
        elif (named := _MINISTERS_MEETING.search(low)) is not None:
            # "following the 2nd Philippine-Australia Defense Ministers Meeting": the other state's minister
            countries = [c.key for c in self.in_sentence(sent, COUNTRY) if c.key != self.entities[one].country
                         and sent.start + named.start() <= c.start < sent.start + named.end()]
            later = [x for x in self.sentences if sent.end <= x.start][:2]
        else:
            return []
        role = self.entities[one].role or next((r for r, _ in self.entities[one].roles), None)
        if named is not None:  # (whatever the one who held it is called, the meeting's name says the portfolio)
            role = "defence"
        out = []
        for country in countries:
            found = list(dict.fromkeys(
                m.key for x in later for m in self.in_sentence(x, PERSON)
                if m.key != one and self.entities[m.key].country == country
                and (same_role(role, self.entities[m.key]) or (listed or named) is not None
                     and _defence_roles(role, self.entities[m.key]))))
            out += found if len(found) == 1 else []
        return out

    def _counterpart_named_before(self, sent: Sentence, low: str, one: str) -> list[str]:
        """`Japanese Defense Minister A and US Secretary of Defense B reached agreement … At the meeting, B and
        his counterpart also talked about …` (or "At the meeting, B pointed to …"): an unnamed counterpart is
        the person of another state named with the one before, in the same sentence as them."""
        if not re.search(r"\b(?:his|her)\s+(?:[a-z-]+\s+)?counterpart\b(?!\s*,?\s*[A-Z])", low) and \
                not re.match(r"(?:at|during)\s+the\s+(?:meeting|talks)\b", low):
            return []  # ("At the meeting, A pointed to …": the meeting of A and whom the text named him with)
        mine = self.entities[one].country
        for x in reversed([x for x in self.sentences if x.end <= sent.start]):
            keys = list(dict.fromkeys(m.key for m in self.in_sentence(x, PERSON)))
            others = [k for k in keys if k != one and (self.entities[k].country != mine or mine is None)]
            if one in keys and others:
                return others if len(others) == 1 else []
        return []


def _defence_roles(role: str | None, other) -> bool:
    """Whether both hold a defence portfolio, whatever each calls it ("Secretary of National Defense",
    "Minister of Defence")."""
    theirs = [r for r, _ in other.roles] + ([other.role] if other.role else [])
    return bool(role) and "defen" in fold(role) and any("defen" in fold(r) for r in theirs)


# a meeting of two states' defence ministers named for them: "the 2nd Philippine-Australia Defense Ministers Meeting"
_MINISTERS_MEETING = re.compile(r"\b(?:[a-z]+\s)?[a-z]+(?:[-–/](?:[a-z]+\s(?!defen))?[a-z]+)+\s+(defen[cs]e\s+)ministers['’]?\s+"
                                r"(?:meeting|dialogue|consultations|talks)\b")
