"""The shapes of text around a person's name: what joins a name to a body, titles in brackets or
in lower case, descriptions set off by commas, and the evidence around a name (used by `people.py`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..mentions import title_words
from ..model import COUNTRY, PERSON
from ..text import alternation, capitalised_honorifics, fold, patterns

# what joins a name or a title to the body it is of: " of ", " at the ", ", formerly at "
JOINED = re.compile(r",?\s+(?:(?:formerly|now|previously|currently)\s+)?(?:of|at|from)\s+(?:the\s+)?")
# "(retd)", "(Navy)", "(Immigration and Border Protection)": a mark or a portfolio in brackets before a name
BRACKETED = re.compile(r"\s\((?:(?i:retd|ret|ret'd|retired)\.?|[A-Z][\w.-]*(?:,?\s(?:[A-Z][\w.-]*|[a-z]{1,3}|&)){0,4})\)(?=\s$)")
TITLE_TO_NAME = re.compile(r"[^.;:!?\"“”]{0,70}?,\s+")
# a description set off by commas after a name: ", its chief of corporate communication,"
DESCRIPTION = re.compile(r",\s+(?:the|its|his|her|their|a|an)\s+[^,;.()\"“”]{3,60}?[,;.]")


# "said the chargé d'affaires of the embassy, Jane Doe": a description, a comma, the name
DESCRIBED_BEFORE = re.compile(r"\b(?:the|its|his|her|their)\s+[^,;.!?\"“”]{3,70}?,\s+$")
# "fields such as the cyber domain, Artificial Intelligence": an item of a list, not a described person
LISTED_BEFORE = re.compile(r"\b(?:such\s+as|including|like|e\.g\.)\s+[^,;.!?\"“”]{1,60},\s+$")
# "the ministry headed by Jane Doe": a body's head
HEADED_BY = re.compile(r"\b(?:headed|led|chaired|run)\s+by\s+$")
# "held talks with Jane Doe", "spoke by phone with Jane Doe", "a meeting with Jane Doe": whom one talks with
TALKED_WITH = re.compile(r"\b(?:talks|meeting|meetings|call|conversation|discussions|consultations|met|spoke|"
                          r"talked|conferred)\s+(?:[a-z-]+\s+){0,3}?with\s+$")
# "talks between Jane Doe and John Roe": either of those who talk
TALKED_BETWEEN = re.compile(r"\b(?i:talks|meeting|meetings|call|conversation|discussions|consultations)\s+between\s+"
                            r"(?:[A-Z][\w'’.-]*\s+){0,4}?(?:and\s+)?$")


@lru_cache(maxsize=1)
def with_counterpart() -> re.Pattern:
    """`Jane Doe and her Kenyan counterpart`, `Jane Doe held a phone call with his Polish counterpart`, `… was in
    Oslo for talks with her counterpart`: one who has a counterpart (data/patterns.json `counterpart_cues`), in
    the same clause."""
    cues = alternation("counterpart_cues", longest_first=True)
    return re.compile(rf"\s+(?:and|[^.,;:!?\"“”]{{0,60}}?\bwith)\s+(?:his|her)\s+(?:[\w-]+\s+){{0,2}}?(?:{cues})\b")


# "Jane Doe, who leads the company's shipbuilding unit": what a person does at the head of a body
LEADS_AFTER = re.compile(r",\s+who\s+(?:now\s+)?(?:leads|heads|runs|commands|chairs|directs|oversees|led|headed)\b")
# "Jane Doe's government", "at the end of Jane Doe's presidency"
GOVERNMENT_AFTER = re.compile(r"['’]s\s+(?:government|administration|presidency|cabinet|term|rule|tenure)\b")
# "after Jane Doe's meeting with …": a meeting a person holds (not "talks" or a visit, which places and
# companies also hold or pay)
TALKS_AFTER = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}?(?:meeting|phone\s+call|telephone\s+call|conversation)\s+with\b")


# a title's post, then the name set off: "chargé d'affaires in TT, ", "envoy to the African Union, "
POSTED_IN = re.compile(r"\s(?:in|to|at)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*\s?){1,3},\s")


def _lower_heads() -> str:
    return "|".join(re.escape(h.lower()) for h in patterns()["title_shape"]["heads"])


@lru_cache(maxsize=1)
def lower_title_before() -> re.Pattern:
    """`the foreign policy chief Jane Doe`: a title written in lower case right before a name."""
    return re.compile(rf"\b(?:{_lower_heads()})\s+$")


@lru_cache(maxsize=1)
def lower_title_after() -> re.Pattern:
    """`Jane Doe, additional secretary (defence production)`: a title in lower case after a comma."""
    # also "Jane Doe, who has just become Japan's defence minister"
    # and "Jane Doe, the Ministry of Defence's permanent secretary"
    return re.compile(rf",\s+(?:who\s+(?:[a-z]+\s+){{1,3}}(?:[A-Z][\w-]*['’]s\s+)?"
                      rf"|(?:the\s+)?(?:[A-Z][\w-]*\s+(?:(?:of|for|and)\s+)?){{0,4}}[A-Z][\w-]*['’]s\s+)?"
                      rf"(?:[a-z][\w-]*\s+){{0,3}}(?:{_lower_heads()})\b")


@lru_cache(maxsize=1)
def honorific_gap() -> re.Pattern:
    honorifics = "|".join(map(re.escape, capitalised_honorifics()))
    return re.compile(rf"\s(?:{honorifics})\.?(?=\s$)")


class PersonEvidence:
    """What around a name says it is a person's: people beside it, plural titles, what people do to people."""

    def _named_like_a_body(self, s: int, e: int) -> bool:
        """Whether a name has a word of a body's, a place's or a company's name ("Kalyani Strategic Systems",
        "Central Java", "Yuzhmash Plant")."""
        p = patterns()
        words = {fold(w) for w in self.text[s:e].split()}
        return bool(words & (set(p["org_heads"]) | set(p["place_heads"]) | set(p["strong_org_heads"])
                             | {fold(w) for w in p["company_descriptors"]} | set(p["place_openers"])))

    def _joined_past_a_title(self, s: int, e: int) -> bool:
        """`Talks between Jane Doe, Undersecretary of State for Defence, and John Roe, who …`: a name joined by
        "and" to a person whose title is set off between them, and said of as a person ("who", "his", a title)."""
        return any(re.fullmatch(r",\s+and\s+", self.text[r.end:s]) and self.text[r.start - 2:r.start] == ", "
                   and self._person_ends_before(r.start - 2) for r in self.roles if r.end < s) and (
            re.match(r",\s+(?:who|his|her)\b", self.text[e:e + 6]) is not None or self._role_after(e) is not None)

    def _surname_like_a_title(self, s: int, e: int) -> bool:
        """`Major General Rose King`: after a title and a given name, a title that is also a family name
        (data/patterns.json `title_surnames`) ends the name."""
        words = self.text[s:e].split()
        return words[-1] in patterns()["title_surnames"] and len(words) >= 2 and self._role_before(s) is not None \
            and not any(w in title_words() for w in words[:-1])

    def _listed_with_people(self, s: int, e: int) -> bool:
        """`Federal Ministers include A, B and C`, `Ministers A, B and C`: a name listed after a plural
        title, or between commas after a person in such a list."""
        listed = re.match(r"(?:,|\s+and)\s", self.text[e:e + 5]) is not None
        if self.text[max(0, s - 2):s] == ", " and self._person_ends_before(s - 2) and listed:
            return True
        # "Foreign Ministers A of Argentina and B of Chile": a name in the shape of the person's before it, each of a state
        of_state = r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}"
        if re.match(of_state, self.text[e:e + 50]) and any(
                m.family == PERSON and re.fullmatch(of_state + r"\s+and\s+", self.text[m.end:s])
                and any(r.plural and r.end < m.start and re.fullmatch(r"\s+", self.text[r.end:m.start]) for r in self.roles)
                for m in self.near(max(0, s - 60), s)):
            return True
        return any(r.plural and r.end <= s and re.fullmatch(r"\s+(?:includes?|included|are|were)?\s*:?\s*", self.text[r.end:s])
                   and self.text[r.start:r.start + 1].isupper() for r in self.roles)

    def _apposed_to_plural_title(self, s: int, e: int) -> bool:
        """`The defence ministers of the United States, Jane Doe, and of Canada, John Roe,`, `the defence
        ministers of A and B, Jane Doe and …`: a name set off after a plural title and the states it is of."""
        state = next((m for m in self.near(e, e + 40, pad=0) if m.family == COUNTRY and
                      re.fullmatch(r"\s+of\s+(?:the\s+)?", self.text[e:m.start])), None)
        if not re.match(r"\s*(?:,|\band\b|\brespectively\b|\)|$)", self.text[state.end if state else e:][:14]):
            return False  # (each name may be followed by its state: "A of X and B of Y")
        sent = self.sentence_of(s)
        return any(r.plural and sent.start <= r.start < s and re.fullmatch(
            r"\s+of\s+(?:the\s+)?(?:[A-Z]|two\s)[^.;:()]{0,100}?(?:,|\s+and)\s+", self.text[r.end:s])
            and (re.match(r"\s+of\s+the\s+two\s+(?:countries|nations|states)\b", self.text[r.end:s])
                 or any(m.family == COUNTRY for m in self.near(r.end, s, pad=0))) for r in self.roles)

    def _person_starts_at(self, pos: int) -> bool:
        return any(m.family == PERSON and m.start == pos for m in self.near(pos, pos))

    def _person_ends_before(self, pos: int) -> bool:
        return any(m.family == PERSON and m.end == pos for m in self.near(pos, pos))

    def _hosts_or_is_hosted(self, end: int) -> bool:
        """`X on Tuesday received Y`, `Y, his Azerbaijani counterpart`: what people do to people."""
        right = self.text[end:end + 60]
        hosts = alternation("host_verbs")
        return bool(re.match(rf"\s+(?:on\s+[A-Z][a-z]+\s+)?(?:{hosts})\s+(?:the\s+)?[A-Z]", right)
                    or re.match(r",\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}(?:counterpart|colleague)s?\b", right))
