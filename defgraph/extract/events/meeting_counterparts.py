"""Who an unnamed counterpart is: the person of the other state named in the sentences after the meeting,
or named with the one who met them before it; partners met one at a time."""

from __future__ import annotations

import re

from ..model import COUNTRY, PERSON, Event, Mention
from ..sentences import BULLET, Sentence
from ..text import alternation, fold, trigger_regex
from .people import same_role


class MeetingCounterparts:
    """Counterparts told in other sentences (mixed into the meeting rules)."""

    def _under_a_lead(self, sent: Sentence, before: int) -> None:
        """`During the day Defence Minister A:` / `held a meeting with B;` / `met C.`: the one person a lead line
        names, no meeting of its own, takes part in each meeting a line under it tells, each line one meeting."""
        lead_line = sent.text.rstrip().endswith(":")
        if not lead_line and self.meeting_lead is None:
            return
        people = list(dict.fromkeys(m.key for m in self.in_sentence(sent, PERSON)))
        if lead_line:
            # (not one who tells of them: "Ministry spokesman X told reporters:", "According to Minister X:")
            told = re.search(rf"\b(?:{alternation('speech_verbs')}|told|according\s+to)\b", fold(sent.text))
            self.meeting_lead = people[0] if len(people) == 1 and len(self.events) == before and not told \
                and not self._reporter(people[0]) else None
            return
        lead = self.meeting_lead
        if lead is None or not (BULLET.match(sent.text) or sent.text[:1].islower()):
            self.meeting_lead = None
            return
        told = [e for e in self.events[before:] if e.cls == "Meeting"]
        for meeting in told:
            meeting.participants[:0] = [lead] if lead not in meeting.participants else []
        if not told and people and lead not in people and trigger_regex("meeting_triggers").search(fold(sent.text)):
            self.events.append(Event("Meeting", self.evidence(sent), confidence=0.5, participants=[lead] + people,
                                     date=self._date(sent)))

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

    def _one_of_the_calls(self, sent: Sentence, low: str) -> bool:
        """`… was paid courtesy calls by two generals. The first meeting was with A. … The next visitor was B`: each
        call a host received, told in turn, is a meeting of the one the story is about with the one named."""
        named = {m.key for m in self.in_sentence(sent, PERSON)}
        call = _ONE_OF_THE_CALLS.match(low)
        first = min((m.start for m in self.in_sentence(sent, PERSON)), default=None)
        # (the one named right after it, titles aside: not "The next meeting was scheduled for October, said X")
        if call is None or len(named) != 1 or not re.fullmatch(r"(?:[A-Z][\w.'’()-]*,?\s+){0,6}",
                                                              self.text[sent.start + call.end():first]):
            return False
        host = self._person_written_about(sent)
        if host is None or host in named:
            return False
        self.events.append(Event("Meeting", self.evidence(sent), confidence=0.6, participants=[host, *named],
                                 date=self._date(sent)))
        return True

    @staticmethod
    def _held_with(low: str) -> bool:
        """Whether talks are said held with someone by no one named, and held (`_HELD_WITH`)."""
        held = _HELD_WITH.search(low)
        return held is not None and not re.search(r"\b(?:no|not|never)\s+(?:[a-z]+\s+){0,2}$", low[:held.start()]) \
            and not re.search(r"\bby\s+", low[held.end():])

    def _one_by_one(self, sent: Sentence, people: list[str]) -> list[list[str]] | None:
        """`X held discussions with A, Vietnam's minister; B, Laos's minister; and C, …`, `X held meetings
        with A, …, and with B, …`, `X held meetings with A, B and C`: partners listed one at a time, or
        meetings in the plural, are talks of X with each in turn; `A and B separately called on C`: of each with C;
        None where the one who met each is not named in the sentence."""
        after = _AFTER_MEETING.match(sent.text)
        if after is not None:
            # "After meeting A, B went on to a courtesy call on C": B with A, then B with C
            named = self.in_sentence(sent, PERSON)
            first = list(dict.fromkeys(m.key for m in named if m.start < sent.start + after.end()))
            rest = list(dict.fromkeys(m.key for m in named if m.start >= sent.start + after.end() and m.key not in first))
            if len(first) == 1 and len(rest) >= 2 and set(first + rest) == set(people):
                return [[rest[0], first[0]]] + [[rest[0], k] for k in rest[1:]]
        # "took part, together with A; B; and C": attending side by side, not partners in turn
        with_m = re.search(r"(?<![Tt]ogether )(?<![Aa]long )\bwith\b|\b(?:calls?|called|calling)\s+on\b|\bcourtesy\s+visits\s+to\b",
                           sent.text) or \
            re.search(r"\b(?:met|meets|received|hosted)\b", sent.text)  # "X met A and B in separate meetings"
        if with_m is None:
            return []
        at = sent.start + with_m.end()
        partners = [m for m in self.in_sentence(sent, PERSON) if m.start >= at and not re.search(
            r"\baccompanied\s+by\s+(?:[\w-]+\s+){0,5}$", fold(self.text[max(sent.start, m.start - 80):m.start]))]  # (a guest's aide)
        keys = list(dict.fromkeys(m.key for m in partners))
        host = [k for k in people if k not in keys]
        # "with A, Vietnam's minister; B, …" or "with A, …, and with B, …": one partner at a time
        # ("bilateral meetings with A, B and C": a bilateral has two sides, so one with each)
        # ("held a number of meetings; he met A, …, B, …": each a meeting of its own)
        apart = re.search(r"\b(?:held|had|followed\s+by)\s+(?:(?:separate|bilateral|one-on-one|private)\s+)?meetings\s+with\b"
                          r"|(?<!who )\b(?:held|had)\s+(?:a\s+(?:number|series)\s+of|several|many|numerous)\s+(?:[\w-]+\s+)?meetings\s*[;:]"
                          r"|\b(?:separate|bilateral|one-on-one)\s+(?:meetings|talks)\b"
                          r"|\b(?:courtesy\s+)?(?:calls\s+on|visits\s+to|calling\s+on)\b"
                          r"|\b(?:met|talked|held talks|received|hosted|called\s+on)\s+(?:(?!who\b|which\b|that\b)[\w,.'’-]+\s+){0,10}?"
                          r"separately\b"  # (not in a clause of its own: "…, who had separately asked")
                          r"|\bseparately\s+(?:met|held talks|discussed|spoke|received|hosted)\b",
                          fold(sent.text)) \
            or all(re.search(r";|(?<!together )(?<!along )\bwith\b|\band\s+(?:to|on)\b", self.text[a.end:b.start])  # (not "A together with B")
                   or _another_meeting(self.text[a.end:b.start])
                   for a, b in zip(partners, partners[1:]) if a.key != b.key)
        separately = re.search(r"\s+(?:each\s+|both\s+)?separately\s+(?:met|called\s+on|held\s+talks|talked|discussed|spoke)\b",
                               sent.text)
        # (only those joined right before "separately": "A and B met; B separately spoke with C" is B's alone)
        subjects: list[Mention] = []
        for m in reversed([m for m in self.in_sentence(sent, PERSON) if m.key in host]):
            end = subjects[0].start if subjects else (sent.start + separately.start() if separately else -1)
            if m.end != end and not re.fullmatch(r",?\s+(?:and\s+)?(?:[A-Za-z][\w.'’-]*\s+){0,4}", self.text[m.end:end]):
                break
            subjects.insert(0, m)
        if len(keys) == 1 and separately and subjects:
            alone = [k for k in host if k not in {m.key for m in subjects}]
            # "A and B separately called on C": each of them with C ("A and B met; B separately spoke with C": and A with B)
            return ([alone + [subjects[0].key]] if len(subjects) == 1 and alone else []) + \
                [[m.key, keys[0]] for m in subjects]
        calls = re.search(r"\bcourtesy\s+(?:calls\s+on|visits\s+to)\b", fold(sent.text))
        if not host and len(keys) >= 2 and calls:
            return None  # "Sunday saw him pay courtesy calls on A, B and C": each met someone unnamed here, not each other
        if calls and len(host) >= 2 and len(keys) >= 2:
            return [[h, k] for h in host for k in keys]  # "A, together with B, paid courtesy calls on C and D": each host with each
        if len(host) != 1 or len(keys) < 2 or not apart:
            return []
        return [[host[0], k] for k in keys]


# "The first meeting was with A", "The next visitor was B": one of the calls a host received, told in turn
_ONE_OF_THE_CALLS = re.compile(r"(?:the\s+)?(?:first|second|third|fourth|next|last|final|other)\s+(?:courtesy\s+)?"
                               r"(?:meeting|call|visit|visitor|guest|caller)\s+(?:was|came)\s+(?:(?:with|from|by)\s+)?")
# talks said held with someone by no one named: "In addition, first talks were held with X" (the one written about held
# them; not "No talks were held with X", nor "… held with X by a delegation")
# a meeting told first in an opening clause: "After meeting A, …", "After his talks with A, …"
_AFTER_MEETING = re.compile(r"After\s+(?:meeting|(?:his|her|the)\s+(?:talks|meeting)\s+with|(?:a\s+)?meeting\s+with)\s+[^,;]+,\s+")
_HELD_WITH = re.compile(r"\b(?:talks|meetings?|discussions|consultations)\s+(?:were|was)\s+(?:also\s+)?held\s+with\b")


def escorted(before: str) -> bool:
    """Whether the words before a name make its bearer one who goes with another ("accompanied on the visit by Deputy
    Minister A and by General B"; not "Accompanied by A, Minister B met …", whose "B" leads)."""
    return re.search(rf"{ACCOMPANIED.pattern}\s+(?:[\w.'’-]+\s+){{0,12}}$", fold(before)) is not None


# one said to go with another: "accompanied by", "accompanied on the visit by"
ACCOMPANIED = re.compile(r"\baccompanied\s+(?:[\w-]+\s+){0,4}?by\b")
# the first of those who go with another, right after "accompanied by" and its titles
_ESCORT_FIRST = re.compile(r"(?i:\baccompanied\s+(?:[\w-]+\s+){0,4}?by)\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
# what stands between two names of one list: ", head of planning, Colonel ", " and by Major ", ", and "
_LIST_GAP = re.compile(r"(?:,\s+[a-z][^,;.]{0,40})?(?P<sep>,|,?\s+and)\s+(?:by\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}")


def escort_list(text: str, people: list[Mention], start: int) -> set[str]:
    """Those who go with another, listed after "accompanied by" ("accompanied by Colonel A, head of planning,
    Colonel B and Major C"): the name right after it and the names one list joins to it, where an "and" closes the
    list; none else (not "Accompanied by A, Minister B met C", whose B leads)."""
    people = sorted(people, key=lambda m: m.start)
    first = next((i for i, m in enumerate(people) if _ESCORT_FIRST.search(text, max(start, m.start - 120), m.start)), None)
    if first is None:
        return set()
    run, closed = [people[first]], False
    for m in people[first + 1:]:
        gap = _LIST_GAP.fullmatch(text, run[-1].end, m.start)
        if gap is None or closed:
            break
        run.append(m)
        closed = "and" in gap.group("sep")
    return {m.key for m in run} if closed else set()


def _defence_roles(role: str | None, other) -> bool:
    """Whether both hold a defence portfolio, whatever each calls it ("Secretary of National Defense",
    "Minister of Defence")."""
    theirs = [r for r, _ in other.roles] + ([other.role] if other.role else [])
    return bool(role) and "defen" in fold(role) and any("defen" in fold(r) for r in theirs)


# a meeting of two states' defence ministers named for them: "the 2nd Philippine-Australia Defense Ministers Meeting"
_MINISTERS_MEETING = re.compile(r"\b(?:[a-z]+\s)?[a-z]+(?:[-–/](?:[a-z]+\s(?!defen))?[a-z]+)+\s+(defen[cs]e\s+)ministers['’]?\s+"
                                r"(?:meeting|dialogue|consultations|talks)\b")



def _another_meeting(between: str) -> bool:
    """Whether the words between two people met say a meeting of its own ("called on A, …, and also met B",
    "as well as meeting B", "after paying a courtesy call on B"): each was met in turn."""
    return re.search(r"\b(?:and|as well as|after|before|then|while|later)\b", fold(between)) is not None and \
        trigger_regex("meeting_triggers").search(fold(between)) is not None and \
        not re.search(r"\b(?:who|whom|which|that)\b", fold(between))  # (", who chaired the meeting, and B": one meeting)
