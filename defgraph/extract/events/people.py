"""Who the people of a sentence are: a group named as one ("the two ministers"), a pronoun, the
people named last, the person the text is about."""

from __future__ import annotations

import re

from ..model import PERSON
from ..sentences import Sentence
from ..text import fold, patterns


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
            verbs = "|".join(map(re.escape, patterns()["pronoun_meeting_verbs"]))
            he = re.search(rf"\b(?:he|she)\s+(?:\w+\s+)?(?:{verbs})\b", sent.text)
            named = [m for m in self.in_sentence(sent, PERSON)]
            among = he is not None and re.search(r"\bamong\s+(?:those|the\s+\w+)\s+(?:whom\s+|who\s+|that\s+)?$",
                                                 sent.text[:he.start()])
            if he is None or any(m.start < sent.start + he.start() for m in named) and not among:
                return None  # "Minister X said he had talks with Y": he is X, named before ("X was among those he
                # held talks with": X is whom he met)
            named = [m.key for m in named]
            for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-3:]):
                first = next((m for m in self.in_sentence(earlier, PERSON) if m.key not in named), None)
                if first is not None:
                    return first.key
            return None
        return self._person_written_about(sent)

    def _person_written_about(self, sent: Sentence) -> str | None:
        """The person the sentences before `sent` are about: the one named first, as the subject, in the
        last of them that does not open with "He" or "She" ("Crosetto held talks with A. Next on his
        schedule came a meeting with B": Crosetto)."""
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-6:]):
            if re.match(r"(?:He|She)\s", earlier.text):
                continue
            named = self.in_sentence(earlier, PERSON)
            if not named:
                continue  # a sentence that names nobody does not change whom the text is about
            if _SUBJECT_LEAD.fullmatch(self.text[earlier.start:named[0].start]):
                return named[0].key
            # "– We also discussed the challenges – Kowal said.": the speaker of a quote
            verbs = "|".join(map(re.escape, patterns()["speech_verbs"]))
            speaker = re.match(rf"\s+(?:{verbs})\s*[.!]?\s*$", self.text[named[-1].end:earlier.end])
            return named[-1].key if speaker else None
        return None


# what may stand before a sentence's subject: a dateline, a time, a title ("Dhaka: On Monday, Indian Army
# chief General ")
_SUBJECT_LEAD = re.compile(r"(?:[A-Z][\w'’.-]*:\s+)?(?:[A-Z][^,.;:]{0,40},\s+)?"
                           r"(?:(?:[A-Z][\w'’.()-]*|of|the|and)\s+)*")


def group_of_people(group: str) -> bool:
    """Whether a group subject ("the two ministers", "the two officials") names people, not states."""
    return any(re.search(rf"\b{re.escape(t)}", group) for t in patterns()["group_titles"])


def group_subject(low: str, people: bool = False) -> str | None:
    """The group a sentence speaks of as one ("the two countries", "both defence secretaries"), with
    `people` only a group of people: a phrase of data/patterns.json group_subjects, else two or three
    people by a plural title."""
    # (whole words: "the leadership" holds no "the leaders")
    listed = next((g for g in patterns()["group_subjects"] if re.search(rf"\b{re.escape(g)}\b", low)
                   and (not people or group_of_people(g))), None)
    if listed is not None:
        return listed
    titles = "|".join(map(re.escape, patterns()["group_titles"]))
    m = re.search(rf"\b(?:the\s+(?:two|three)|both)\s+(?:[a-z-]+\s+){{0,2}}?(?:{titles})[a-z]*s\b", low)
    return m.group() if m else None
