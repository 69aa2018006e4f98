"""What a meeting word tells that is no meeting: a signing, a ceremony, a welcome on arrival, a thing received."""

from __future__ import annotations

import re
from functools import lru_cache

from ..mentions import kit_nouns
from ..model import PERSON
from ..sentences import Sentence
from ..text import alternation, patterns, trigger_regex

# a signing or handover that people watched: "The signing … was witnessed by A and his counterpart B"
_WITNESSED = re.compile(r"\b(?:signing|ceremony|handover|hand-over)\b[^;]*?\b(?:was|were)\s+(?:witnessed|attended)\s+by\b")
# a relative clause that says where someone is: ", who is on a visit to …,"
_RELATIVE_STATE = re.compile(r",\s+who\s+(?:(?:is|was|are|were)\s+(?:(?:on|paying)\s+an?\s+(?:[a-z]+\s+)?visit\b[^,;A-Z]*"
                             r"|visiting\b(?=\s*[,;.]))"  # ", who was visiting,": said of one onlooker
                             # (", who paid an official visit to the country today": a place visited, no one met)
                             r"|(?:paid|pays|made|makes)\s+an?\s+(?:[a-z]+\s+)?visit\s+to\s+the\s+(?:country|nation|capital|city|"
                             r"region|island|kingdom|republic)\b(?:\s+(?:today|yesterday|this\s+week|on\s+\w+day))?(?=\s*[,;.]|\s*$))")


class NotMeetings:
    """Sentences whose meeting words tell of no talks (mixed into the meeting rules)."""

    def _spoken_to_no_one(self, sent: Sentence, low: str, found: list[re.Match]) -> bool:
        """`A spoke to cadets at the parade while B presented the awards`, `A spoke about the gift from King B`: spoken to
        a crowd or of a topic, with no one named (not "A spoke to troops and then privately to General B", "A spoke about
        it with B")."""
        people = [m for m in self.in_sentence(sent, PERSON) if m.start > sent.start + found[0].end()]
        if all(t.group() in ("spoke", "spoke with") and _to_a_crowd().match(low, t.end()) and not any(
                sent.start + t.end() < m.start and not re.search(r"\b(?:while|whereas|when|as)\b|;", low[t.end():m.start - sent.start])
                for m in people) for t in found):
            return True
        # ("A and B spoke about the situation by phone": two who spoke, with each other)
        return all(t.group() == "spoke" and _SPOKE_OF.match(low, t.end()) for t in found) and not any(
            re.search(r"\b(?:with|to)\s+(?:[\w.'’-]+\s+){0,5}$", self.text[sent.start + found[0].end():m.start]) for m in people) \
            and len({m.key for m in self.in_sentence(sent, PERSON) if m.end <= sent.start + found[0].start()}) < 2 \
            and not re.search(r"\b(?:(?:tele)?phone|call|video)\b", low)

    def _ceremony(self, low: str) -> bool:
        """"A and her Dutch counterpart B signed an agreement", "It was received by A and B", "A
        thanked his counterpart B": a signing, a thing received or words said of someone, with no
        word for talks (data/patterns.json weak_meeting_triggers are the words that alone say
        nothing of talks), is no meeting."""
        weak = set(patterns()["weak_meeting_triggers"])
        # "in the presence of A, who is on a visit to Peru": a visit said of one onlooker is no talks
        main = _RELATIVE_STATE.sub("", low)
        found = [m.group() for m in trigger_regex("meeting_triggers").finditer(main)]
        if not found:
            return True
        remote = alternation("remote_verbs")
        if found and all(t in weak for t in found) and re.search(rf"\b(?:{remote})\b", low):
            return True  # "A thanked his counterpart, B": said of someone, not talks with them
        if found and all(t in weak or t == "spoke" for t in found) and re.search(r"\bceremon(?:y|ies)\b", low) \
                and not re.search(r"\bspoke\s+(?:\w+\s+){0,3}?(?:with|to)\b", low):
            return True  # "A attended, with his counterpart B, the opening ceremony", "A spoke at the ceremony"
        if set(found) <= {"met", "received", "welcomed", "greeted"} and any(c in low for c in patterns()["arrival_cues"]):
            return True  # "When he arrived, A was met by B": a welcome, no talks
        if set(found) <= {"visit", "visiting", "visited"} and trigger_regex("signing_verbs").search(main) and \
                re.match(r"(?:during|on|in the course of)\s+(?:his|her|their|the|a)\s+(?:[a-z-]+\s+)?visit\b[^,;]*,", main) \
                and not re.search(r"\b(?:exchanged|views|discuss\w*|talk\w*|review\w*|agreed)\b", main):
            return True  # "During his visit to X, A and B signed the contract": a signing on a trip, no talks said
        if any(t not in weak for t in found if t not in patterns()["host_verbs"]):
            return False
        if re.search(r"\bceremon(?:y|ies)\b(?:,[^,;]*,)?\s+(?:was|were)\s+(?:hosted|attended)\s+by\b", low):
            return True  # "The ceremony, hosted by X, was attended by A, B and C": a ceremony the host held
        if _WITNESSED.search(low):
            return True  # "The signing, held at the club, was witnessed by A together with his counterpart B"
        if re.search(r"\b(?:it|this|which|that)\s+(?:was|were|has been|had been)\s+(?:received|welcomed)\s+by\b", low):
            return True  # a thing received, not a visitor
        things = kit_nouns() | set(patterns()["handover_tokens"])
        took = [m.group(2) is None and (m.group(1) is None or m.group(1) in things)
                for m in re.finditer(r"\breceived\s+(?:it|them|the\s+([a-z-]+)|(\w+))", low)]
        if took and all(took) and {t for t in found if t not in weak} == {"received"}:
            return True  # "A handed over the vessel, and B received it": a thing received, not a visitor
        return all(t in weak for t in found) and trigger_regex("agreement").search(low) is not None \
            and trigger_regex("signing_verbs").search(low) is not None

    def _thing_received(self, sent: Sentence, low: str) -> bool:
        """`The helicopters were received by President A, Minister B and General C`, `The vehicles were
        received at a ceremony, with A and B in attendance`: what the officials received at a handover is a
        thing, not a visitor (no person, title or word for visitors, data/patterns.json
        `visitor_nouns`, stands before "received by")."""
        # "officers from many countries received diplomas, among them Col A, Col B": an award, no visitor
        awards = alternation("award_nouns")
        if all(t.group().startswith("receiv") and re.match(rf"\s+(?:(?:their|his|her|the|an?|\d+)\s+)?(?:[a-z-]+\s+)?(?:{awards})\b",
                                                            low[t.end():]) for t in trigger_regex("meeting_triggers").finditer(low)):
            return True
        by = re.search(r"\b(?:was|were|has been|have been|had been)\s+(?:\w+ly\s+)?(?:received\b|welcomed\s+by\b)", low)
        if by is None:
            return False
        pos = sent.start + by.start()
        visitors = set(patterns()["visitor_nouns"]) | set(patterns()["trainee_nouns"])
        return not any(w in visitors | {"he", "she"} for w in re.findall(r"[a-z]+", low[:by.start()])) \
            and not any(m.start < pos for m in self.in_sentence(sent, PERSON)) \
            and not any(sent.start <= r.start < pos for r in self.roles)


@lru_cache(maxsize=1)
def _to_a_crowd() -> re.Pattern:
    """Those one speaks to as a crowd, by no name: "spoke to cadets", "spoke to the assembled troops" (data/patterns.json
    `crowd_nouns`)."""
    return re.compile(rf"\s+(?:to|with|before)\s+(?:the\s+)?(?:[\w-]+\s+)?(?:{alternation('crowd_nouns')})\b")


# what one spoke of, not with whom: "spoke about the gift", "spoke highly of"
_SPOKE_OF = re.compile(r"\s+(?:(?:highly|warmly|briefly|at\s+length)\s+)?(?:about|of)\b")
