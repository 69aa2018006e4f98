"""Who the people of a sentence are: a group named as one ("the two ministers"), a pronoun, a title
alone ("the minister"), the people named last, the person the text is about."""

from __future__ import annotations

import re

from ..mentions import title_words
from ..model import COUNTRY, PERSON, Mention
from ..sentences import Sentence
from ..text import alternation, fold, patterns


class PeopleContext:
    """The people a sentence speaks of without naming them (mixed into the event context)."""

    def _recent_people(self, sent: Sentence, n: int, before: bool = False, group: str = "") -> list[str]:
        """"The two ministers signed …": the n people set beside the group's words, else the last n named
        before them (`before`: before the sentence); those whose title the group names ("ministers") first."""
        at = fold(sent.text).find(group) if group else -1
        until = sent.start if before else sent.end
        if not before and at >= 0:
            # "The two defence ministers, A and B, signed": the people set beside the words; else those
            # named before them ("the two defence chiefs … since President C took office": not C)
            end = sent.start + at + len(group)
            beside = [m for m in self.in_sentence(sent, PERSON) if m.start >= end]
            keys = list(dict.fromkeys(m.key for m in beside[:n]))
            if len(keys) == n and re.fullmatch(r",\s+", self.text[end:beside[0].start]) and all(
                    re.fullmatch(r",?\s+(?:and\s+)?", self.text[a.end:b.start]) for a, b in zip(beside, beside[1:n])):
                return keys
            until = sent.start + at
        named = [m.key for m in reversed(self.mentions) if m.family == PERSON and m.start < until]
        named = list(dict.fromkeys(named))
        title = next((w for w in patterns()["group_titles"] if w in group), None)
        # ("his French counterpart B": of the same title as the one whose counterpart B is)
        titled = [k for k in named if title and (any(title in fold(r) for r, _ in self.entities[k].roles) or any(
            re.search(r"\bcounterpart,?\s+$", fold(self.text[max(0, m.start - 14):m.start])) for m in self.entities[k].mentions))]
        out = titled[:n] if len(titled) >= n else named[:n]
        return out if len(out) == n else []

    def _pronoun_subject(self, sent: Sentence) -> str | None:
        """`Jane Doe laid a wreath. He also … He held talks with …`: the person a sentence that opens
        with "He" or "She" is about, the last person named first in an earlier sentence; also where
        the pronoun does the meeting later in the sentence ("during a courtesy call he paid on X")."""
        if not re.match(r"(?:He|She)\s", sent.text):
            he = pronoun_meets(sent.text)
            named = [m for m in self.in_sentence(sent, PERSON)]
            among = he is not None and re.search(r"\bamong\s+(?:those|the\s+\w+)\s+(?:whom\s+|who\s+|that\s+)?$",
                                                 sent.text[:he.start()])
            if he is None or any(m.start < sent.start + he.start() for m in named) and not among:
                return None  # "Minister X said he had talks with Y": he is X, named before ("X was among those he
                # held talks with": X is whom he met)
            named = [m.key for m in named]
            for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-3:]):
                if re.match(r"(?:He|She)\s", earlier.text):
                    continue  # ("He also met A. In addition, he held talks with B": not A, whom he met)
                first = next((m for m in self.in_sentence(earlier, PERSON) if m.key not in named), None)
                if first is not None and re.search(r"\b(?:with|met|meet|meets|received|receives)\s+(?:[^,.;]{0,60},\s+)?$",
                                                   fold(self.text[earlier.start:first.start])):
                    return None  # ("The chief, on a visit, spoke after a meeting with A. Before that he had met B": he is not A)
                if first is not None:
                    return first.key
            about = self._person_written_about(sent)  # (after more sentences that open with "He")
            return about if about not in named else None
        return self._person_written_about(sent)

    def _person_written_about(self, sent: Sentence) -> str | None:
        """The person the sentences before `sent` are about: the one named first, as the subject, in the
        last of them that does not open with "He" or "She" ("Crosetto held talks with A. Next on his
        schedule came a meeting with B": Crosetto)."""
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-6:]):
            if re.match(r"(?:He|She)\s", earlier.text) or WITH_HIM.match(earlier.text):
                continue  # ("With A, he discussed …": A is whom he met)
            named = self.in_sentence(earlier, PERSON)
            if not named:
                continue  # a sentence that names nobody does not change whom the text is about
            if len({m.key for m in named}) == 1 and re.search(r"\b(?:him|her)\b", self.text[named[0].end:earlier.end]):
                continue  # ("Deputy Minister A welcomed him at the airport": the text is about "him")
            verbs = alternation("speech_verbs")
            if _subject_lead(self.text[earlier.start:named[0].start], fold(self.text[named[0].end:named[0].end + 20]), verbs):
                return named[0].key
            # "– We also discussed the challenges – Kowal said.": the speaker of a quote
            speaker = re.match(rf"\s+(?:{verbs})\s*[.!]?\s*$", self.text[named[-1].end:earlier.end])
            return named[-1].key if speaker else None
        return None

    def _title_reference(self, role: Mention, sent: Sentence) -> str | None:
        """`the Peruvian defence minister`: a title with no name stands for the one person who holds it (of
        the state written before it); failing that, `the minister` for the one named before the sentence
        whose title it shortens ("Defence Minister A …. Later the minister met B"; not "that country's
        ambassador"), of several the one the text is about."""
        cands = [k for k, e in self.entities.items() if e.family == PERSON and (e.role or e.roles) and
                 same_role(role.role, e)]
        bare = re.search(r"\b[Tt]he\s+(?:([A-Z][\w-]+)\s+)?$", self.text[max(0, role.start - 40):role.start])
        if not cands and bare and not re.match(r"['’]s\b", self.text[role.end:role.end + 3]):
            # "the minister" (not "the finance minister", "the visiting minister", "the minister's deputy"); a
            # state's adjective before it ("the Norvik minister") must be the holder's
            here = {m.key for m in self.in_sentence(sent, PERSON)}
            state = next((m.key for m in self.between(role.start - 40, role.start) if m.family == COUNTRY), None) \
                if bare.group(1) else None
            if bare.group(1) and state is None:
                return None
            cands = list(dict.fromkeys(m.key for m in self.mentions if m.family == PERSON and m.start < sent.start
                                       and m.key not in here and _shortens(role.role, self.entities[m.key])
                                       and (state is None or self.entities[m.key].country == state)))
        if len(cands) > 1:  # "the Peruvian defence minister": the holder of that country
            owner = next((m.key for m in self.between(role.start - 40, role.start) if m.family == COUNTRY
                          and re.fullmatch(r"(?:['’]s)?\s*", self.text[m.end:role.start])), None)
            about = self._person_written_about(sent) if owner is None else None
            cands = [k for k in cands if owner is not None and self.entities[k].country == owner or k == about]
        return cands[0] if len(cands) == 1 else None


# what may stand before a sentence's subject: a dateline, a time, a title ("Dhaka: On Monday, Indian Army
# chief General ")
_SUBJECT_LEAD = re.compile(r"(?:\[[^\]]{0,60}\]\s*)?(?:[A-Z][\w'’.-]*:\s+)?(?:[A-Z][^,.;:]{0,70},\s+)?"
                           r"(?:(?:[A-Z][\w'’.()-]*|\([A-Z]{2,8}\)|of|the|and)\s+)*")  # ("Chief (CDF) of …")


def pronoun_meets(text: str) -> re.Match | None:
    """`he held talks with`, `she met`, `he led a delegation to X, held talks with Y`: "he" or "she" doing what one
    does to meet someone (data/patterns.json `pronoun_meeting_verbs`), as the verb or one of a list of deeds."""
    verbs = alternation("pronoun_meeting_verbs")
    return re.search(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{verbs})\b", text) or re.search(
        rf"\b(?:he|she)\s+[a-z]+ed\b[^.;]{{0,150}}?,\s+(?:and\s+)?(?:then\s+)?(?:{verbs})\s+(?:talks|a\s+meeting|with)\b"
        r"(?!\s+(?:no|none|nobody)\b)", text)


def _subject_lead(lead: str, after: str, speech_verbs: str) -> bool:
    """Whether the words before a sentence's first person may all stand before its subject: a dateline,
    a time, a title, also in lower case ("Army chief General "), but not such a title before one who only
    speaks ("Army spokesman X said …"; `after`: the folded words after the name)."""
    if _SUBJECT_LEAD.fullmatch(lead):
        return True
    if _TITLE_SET_OFF.fullmatch(lead) and not re.match(rf",?\s+(?:{speech_verbs})\b", after):
        return True  # "The Chief of the General Staff of the Turkish Armed Forces, Army General X, arrived"
    words = lead.split()
    return bool(words) and words[0][:1].isupper() and all(
        w[:1].isupper() or w.capitalize() in title_words() for w in words) \
        and not re.match(rf",?\s+(?:{speech_verbs})\b", after)


# a title of capitalised words and "of the", set off by a comma before a rank and the name
# (after a dateline "JAKARTA, Outlet.com – "; the title's acronym in brackets: "…of Indonesia (Sekjen Kemhan RI), Lt. Gen. X")
_TITLE_SET_OFF = re.compile(r"(?:[A-Z]{3,}(?:,\s+[\w.]+)?\s+[–—-]\s+)?(?:The\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w'’-]*|of|the|and|for))*"
                            r"(?:\s+\([A-Z][\w\s.]{0,30}\))?,\s+(?:[A-Z][\w.-]*\s+)*")
# "With Vietnam's Defence Minister X, he exchanged views": a name with its title only (not "With the help of X's
# office, he …"), met by the person the text is about
WITH_HIM = re.compile(r"With\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s+)+[A-Z][\w'’.-]*,\s+(?:he|she)\s+")
# a group written with no noun, as the subject of a meeting verb ("The two met at the ministry")
BARE_GROUPS = ("the two", "the three")


def group_of_people(group: str) -> bool:
    """Whether a group subject ("the two ministers", "the two officials", "the two" met) names people, not states."""
    return group in BARE_GROUPS or re.search(rf"\b(?:{alternation('group_titles')})", group) is not None



def group_subject(low: str, people: bool = False) -> str | None:
    """The group a sentence speaks of as one ("the two countries", "both defence secretaries"), with
    `people` only a group of people: a phrase of data/patterns.json group_subjects, else two or three
    people by a plural title."""
    # (whole words: "the leadership" holds no "the leaders")
    listed = next((g for g in patterns()["group_subjects"] if re.search(rf"\b{re.escape(g)}\b", low)
                   and (not people or group_of_people(g))), None) \
        if re.search(rf"\b(?:{alternation('group_subjects')})\b", low) else None
    if listed is not None:
        return listed
    titles = alternation("group_titles")
    m = re.search(rf"\b(?:the\s+(?:two|three)|both)\s+(?:[a-z-]+\s+){{0,2}}?(?:{titles})[a-z]*s\b", low)
    if m is not None:
        return m.group()
    # "The two met at the ministry before the ceremony", "The two later met President C": the people named last,
    # as the subject of a meeting verb with someone or somewhere (not "The two spoke to reporters", "met troops")
    verbs = alternation("pronoun_meeting_verbs")
    bare = re.search(rf"\b(the\s+(?:two|three))\s+(?:also\s+|later\s+|then\s+)?(?:{verbs})"
                     rf"(?=\s+(?:with|at|in|on|for|behind|before|after|during|again|talks|(?:{titles})[a-z]*)\b"
                     r"|\s*[.,;]|$)", low)
    return " ".join(bare.group(1).split()) if bare else None


def same_role(role: str | None, other) -> bool:
    """Whether `other` holds `role` too (when either role is unknown, nothing says otherwise)."""
    theirs = other.role or next((r for r, _ in other.roles), None)
    if role is None or theirs is None:
        return True
    return fold(role).replace("defense", "defence") == fold(theirs).replace("defense", "defence")


def _shortens(role: str | None, other) -> bool:
    """Whether `role` is a shorter form of a title `other` holds: all its words in it ("Minister" of
    "Minister of Defence", "General" of "Lieutenant General")."""
    if role is None:
        return False
    words = set(fold(role).split())
    return any(words < set(fold(r).replace("defense", "defence").split()) for r in
               [other.role] + [r for r, _ in other.roles] if r)


def looks_on(low: str, group: str) -> bool:
    """Whether the group is said to look on ("with both ministers looking on", "in the presence of the two ministers")."""
    spectators = alternation("spectator_verbs")
    at = low.find(group)
    return re.match(rf"\s+(?:{spectators})\b", low[at + len(group):]) is not None or \
        re.search(r"\bpresence\s+of\s+$", low[:at]) is not None
