"""Graduates of a school from other states: listed where the graduation is told, or in the roster after it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import AGENCY, COUNTRY, Event
from ..sentences import Sentence, sentence_before
from ..text import SOME_OF, alternation, fold, number_words, patterns, trigger_regex
from .trainees import GATHERING_NOUNS, GRADUATION, OF_STATES, STATES_NAMED, TraineeFinders, school_nouns, trainee_alternation
from .training_words import FUNDER_WORDS, GUEST_WORDS


class GraduateFinders(TraineeFinders):
    """Trainings of a school's graduates from other states (mixed into the training rules)."""

    def _foreign_graduates(self, sent: Sentence) -> None:
        """`Among this year's graduates are officers from Zambia, Kenya and Botswana`, `… graduated. The students
        represented seven nations, including A and B`: where the article names a school of one state, its
        graduates from other states listed, in the sentence of the graduation or the next, are trained by it."""
        low = fold(sent.text)
        before = sentence_before(self.sentences, sent)
        here = GRADUATION.search(low) is not None
        # ("… graduated at the University. […] Thirty-five officers took part: one each from A, …": the course's roster)
        took_part = _took_part().match(low) is not None and self._graduation_told_before(sent)
        if not here and not took_part and not (before is not None and GRADUATION.search(fold(before.text))):
            return
        school = self._graduating_school()
        if school is None:
            return
        nouns = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"] + ["graduates"]), key=len, reverse=True))
        counts = number_words()
        countries = self.in_sentence(sent, COUNTRY)
        # (guests represent states, not graduates: "… the others came from A and B to watch the parade")
        guests = trigger_regex("spectator_verbs").search(low) is not None or _TO_WATCH.search(low) is not None
        # "officers from A" where the graduation is told; after it only what is said of them ("The students
        # represented seven nations"; not "Officers from Ghana presented the awards")
        # ("… also passed out. They include cadets from five friendly nations: A, B and C": those graduates)
        # (not where the sentence before ends on onlookers: "…, watched by attachés of 20 countries. They included …")
        they = took_part or _they_include().match(low) and before is not None and not trigger_regex("spectator_verbs").search(fold(before.text)) \
            and not re.search(r"\b(?:watched|attended)\s+by\b|\bin\s+the\s+presence\s+of\b", fold(before.text))
        they = they and not _GUEST_NOUNS.search(low)  # ("This year's parade also includes two foreign guests, …")
        verbs = (["from", "of"] if here or they else []) + ([] if guests else ["representing"] * here + [_SAID_OF_GRADUATES])
        if not verbs:
            return
        # ("57 officers from the Navy and 32 officers from friendly countries including A and B": each such list)
        # ("Of the graduates, 38 represent friendly countries: A, B", "students from Egypt and 23 friendly countries,
        # among them A, B": a count between, a list of the countries named)
        firsts = [m for m in countries if self.text[m.end:m.end + 1] != "-" and (re.search(
            rf"\b(?:{nouns}|them|{_THE_OTHERS})(?:,?\s+(?:\d+|{counts}))?\s+(?:{'|'.join(verbs)})\s+{STATES_NAMED}$",
            fold(self.text[max(0, m.start - 70):m.start])) or (here or they) and not guests and re.search(
            rf"\b(?:{nouns}|those)\s+(?:{'|'.join(verbs)})\s+(?:[\w'’-]+\s+){{0,8}}?{OF_STATES}(?::\s+|,\s+|,?\s+{SOME_OF}[;:,]?\s+)(?:the\s+)?$",
            fold(self.text[sent.start:m.start])) or here and not guests and self.country_of(school) == school
            and _COUNTED_AS.search(fold(self.text[sent.start:m.start]))  # (of a school of no state, its own too)
            or they and _roster_item().search(
                                                    fold(self.text[sent.start:m.start]))
                                                    and not re.match(r"['’]s\b", self.text[m.end:m.end + 2]))]  # (a guest's state)
        done: set[str] = set()
        for first in firsts:
            run = next(r for r in self._state_runs(countries) if first in r)
            if re.search(r"\bof\s+(?:the\s+)?$|(?:nations|countries|states),\s+$", self.text[max(0, first.start - 12):first.start]) \
                    and len(run) < 2:
                continue  # (of one state only, a body's: "cadets of Ghana's army"; "from 14 countries, US Ambassador A said")
            for m in run[run.index(first):]:
                if m.key != school and m.key not in done:
                    done.add(m.key)
                    self.events.append(Event("Training", self.evidence(sent), confidence=0.6, provider=school,
                                             trainee=m.key))

    def _foreign_in_class(self, sent: Sentence) -> None:
        """`Twenty-three foreign officers belonged to this class (A, B, …)`, `Ten international cadets … also marched:
        they came from A, B …`, `These officers came from A, B …`: where the article tells of a course that ended or
        a graduation, the states listed for its foreign trainees are trained by the course's state (data/patterns.json
        `foreign_trainee_words`, `course_end_cues`)."""
        low = fold(sent.text)
        cue = _foreign_roster().search(low) or self._roster_after_foreign(sent, low)
        school = self._graduating_school() if cue is not None else None
        if cue is None or _NO_COURSE.search(low) or not self._course_ended(sent) and school is None \
                or _GUESTS_BEFORE.search(low, 0, cue.start()):
            return  # (a roster said of no course and no school: "foreign officers attended the air show (A, B)", or of
            # an exercise: "Twelve foreign officers took part in the exercise (A, B)")
        after = [m for m in self.in_sentence(sent) if m.start >= sent.start + cue.end()
                 and (m.family == COUNTRY or m.family == AGENCY and self.country_of(m.key))]
        first = next((i for i, m in enumerate(after) if m.family == COUNTRY
                      and _ROSTER_OPENS.fullmatch(low, cue.end(), m.start - sent.start)), None)
        if first is None:
            return
        listed = [after[first]]
        for m in after[first + 1:]:  # "from A, B and C, from the Philippines and from the Royal Bahamas Defence Force"
            if not _ROSTER_GOES_ON.fullmatch(self.text[listed[-1].end:m.start]) or re.match(r"['’]s\b", self.text[m.end:m.end + 2]):
                break
            listed.append(m)
        trainees = self._distinct([self.country_of(m.key) for m in listed])
        # (not one who pays for it: "The course was funded by Germany")
        outside = [m for m in self.mentions if not sent.start + cue.start() <= m.start < sent.end
                   and not _PAID_BY.search(self.text, max(0, m.start - 30), m.start)]
        home = _one({self.country_of(m.key) for m in outside if m.family in (COUNTRY, AGENCY)} - set(trainees) - {None})
        # (a school of no state: the state's)
        provider = school if school is not None and self.country_of(school) == school else home or school
        for trainee in trainees if provider is not None else []:
            if trainee != provider:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=trainee))

    def _roster_after_foreign(self, sent: Sentence, low: str) -> re.Match | None:
        """`Also enrolled are cadets from friendly nations. Among them are one from A, two from B …`: the opening of a
        roster whose foreign trainees the sentence before, in the paragraph, ends on."""
        before = sentence_before(self.sentences, sent)
        if before is None or before.paragraph != sent.paragraph or not re.search(
                rf"\b(?:{trainee_alternation()})\s+from\s+(?:(?:{alternation('friendly_state_words')}|several|many|other|\d+|"
                rf"{number_words()})\s+)+{OF_STATES}\W*$", fold(before.text)):
            return None
        return re.match(r"(?:among\s+(?:them|these|those)\s+(?:are|were)|they\s+(?:include|included|are|were))\b", low)

    def _students_present(self, sent: Sentence) -> None:
        """`At present there are Colombian cadets in the United States, Germany and Chile`, `The Colombian army school
        has students from Ecuador and Peru`: cadets or students of one state said to be in others, or a school of one
        state said to have students from others, are taught there."""
        low = fold(sent.text)
        countries = self.in_sentence(sent, COUNTRY)
        runs = self._state_runs(countries)
        at = lambda pos: next((r for r in runs if r[0].start == sent.start + pos), None)
        found = _CADETS_IN.search(low)
        if found is not None and at(found.end()) is not None:
            whose = {c.key for c in countries if sent.start + found.start(1) <= c.start < sent.start + found.end(1)}
            pairs = [(c.key, next(iter(whose))) for c in at(found.end())] if len(whose) == 1 else []
        else:
            found = _HAS_STUDENTS.search(low)
            listed = at(found.end()) if found is not None else None
            school = (found.start(1), found.end(1)) if found is not None and found.group(1) else (found.start(2), found.end(2)) \
                if found is not None else (0, 0)
            owner = {self.country_of(m.key) for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)
                     and sent.start + school[0] <= m.start < sent.start + school[1]} - {None} if listed else set()
            if listed and not owner and re.fullmatch(r"the\s+(?:school|academy|college)", low[school[0]:school[1]]):
                # ("A, director of the Peruvian Military School, noted that the school has students from …": the one named)
                owner = {self.country_of(m.key) for m in self.in_sentence(sent, AGENCY) if m.start < sent.start + school[0]
                         and re.search(rf"\b(?:{school_nouns()})\b", fold(m.text))} - {None}
            pairs = [(next(iter(owner)), c.key) for c in listed] if len(owner) == 1 else []
        if not pairs and (schools := _IN_ITS_SCHOOLS.search(low)) is not None:
            # "The Chilean Air Force has Uruguayans and Hondurans in its flying schools": the subject's state teaches them
            listed = next((r for r in runs if r[-1].end == sent.start + schools.start()), None)
            before = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and listed and m.end <= listed[0].start]
            # (a force or a school has them: not "Poland has many Ukrainians in its schools")
            if listed and before and before[-1].family == AGENCY and _HAS_BEFORE.fullmatch(self.text[before[-1].end:listed[0].start]):
                owner = {self.country_of(m.key) for m in before} - {None}
                pairs = [(next(iter(owner)), c.key) for c in listed] if len(owner) == 1 else []
        for provider, trainee in pairs:
            if provider != trainee:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=trainee))

    def _course_ended(self, sent: Sentence) -> bool:
        """Whether the article, up to `sent`, tells of a graduation or of a course that ended (not of an exercise, nor of
        one who is "a graduate of" a school)."""
        return any(_course_end().search(low) and not _NO_COURSE.search(low)
                   for low in (fold(x.text) for x in self.sentences if x.start <= sent.start))

    def _graduation_told_before(self, sent: Sentence) -> bool:
        """Whether a graduation is told in the paragraph of `sent` or the three before it, with no other gathering told
        after it ("On Saturday the university hosted a conference …": a roster after that is the conference's)."""
        earlier = [x for x in self.sentences if x.end <= sent.start and sent.paragraph - x.paragraph <= 3]
        told = next((i for i in range(len(earlier) - 1, -1, -1) if GRADUATION.search(fold(earlier[i].text))), None)
        return told is not None and not any(GATHERING_NOUNS.search(fold(x.text)) for x in earlier[told + 1:])

    def _graduating_school(self) -> str | None:
        """Who trains at the school whose graduation is told: its state, or the state written after it ("the Royal
        College in Kenitra, Morocco"), else the school itself, one of no state the text names."""
        schools = [e for e in self.entities.values() if e.family == AGENCY and re.search(rf"\b(?:{school_nouns()})\b", fold(e.name))]
        own = next((self.country_of(e.key) for e in schools if self.country_of(e.key)), None)
        if own is not None:
            return own
        keys = {e.key for e in schools}
        there = next((c.key for m in self.mentions if m.key in keys for c in self.between(m.end, m.end + 80)
                      if c.family == COUNTRY and _WHERE_AFTER.fullmatch(self.text[m.end:c.start])), None)
        if there is not None:
            return there
        # ("King Mohammed VI of Morocco presided over the graduation at the Royal College": the one state its sentence names)
        told = [s for s in self.sentences if GRADUATION.search(fold(s.text)) and any(m.key in keys for m in self.in_sentence(s))]
        named = list(dict.fromkeys(c.key for s in told[:1] for c in self.in_sentence(s, COUNTRY)))
        if len(named) == 1:
            return named[0]
        # a school of no state the text names at all trains as itself
        return schools[0].key if len(schools) == 1 and not named else None


# where a school is, written after its name: " in Kenitra, " (then the state)
_WHERE_AFTER = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}(?:,\s+|\s+in\s+)){0,3}")
# what is said of graduates' states: "The students represented seven nations", "38 come from"
_SAID_OF_GRADUATES = r"represent(?:ed)?|c[ao]me\s+from|hail(?:ed)?\s+from|were\s+from|are\s+from|(?:were|are)\s+drawn\s+from"
# graduates counted by state where the graduation is told: "Among the graduates were representatives of foreign states:
# A, B", "Fifty of the graduates are Ugandans, eight are Kenyans and two are from South Africa"
_COUNTED_AS = re.compile(r"\brepresentatives\s+of\s+(?:[\w'’-]+\s+){0,3}(?:states|countries|nations)[:;]\s+(?:the\s+)?$"
                         r"|\b(?:\d+|[a-z]+)\s+(?:of\s+(?:the|them)(?:\s+[\w-]+)?\s+)?(?:are|were)\s+(?:from\s+)?(?:the\s+)?$")
# the graduates left once some are counted: "35 were Kenyans, while the other 15 came from"
_THE_OTHERS = r"the\s+(?:others?|remaining)|the\s+rest"
# a sentence that goes on about those just said to graduate: "They include …", "Among them were …"
_ROSTER_NOUNS = r"(?:participants|graduates|graduating\s+officers|class|intake|course|cohort|countries|nations|states|parade)"


# cadets of a state said to be in others: "there are Colombian cadets in " (group 1: whose)
_CADETS_IN = re.compile(r"\bthere\s+(?:are|were|will\s+be)\s+(?:now\s+|also\s+)?(?:\d+\s+)?((?:[\w-]+\s+){1,2}?)"
                        r"(?:cadets|students|trainees)\s+(?:studying\s+)?in\s+(?:the\s+)?")
# a school said to have students from states: "the Colombian army school has students from " (group 1 or 2: the school)
_SCHOOL = r"the\s+(?:[\w'’-]+\s+){0,4}?(?:school|academy|college|university|institute)(?:\s+(?:of|in)\s+[A-Za-z-]+)?"
_HAS_STUDENTS = re.compile(rf"\b({_SCHOOL})\s+"
                           r"(?:now\s+|also\s+)?(?:has|had|hosts|hosted|welcomes|welcomed|receives|received|admits|admitted)\s+"
                           r"(?:(?!no\b|not\b|none\b)[\w,]+\s+)?(?:foreign\s+|international\s+)?(?:students|cadets|trainees)"
                           r"(?:,\s+(?:officers|soldiers|military\s+personnel))?\s+(?:from|of)\s+(?:countries\s+such\s+as\s+)?(?:the\s+)?"
                           # "200 students have passed through the College in Brazil, officers of countries such as A"
                           rf"|\b(?:students|cadets|trainees|officers)\s+(?:have\s+|had\s+)?passed\s+through\s+({_SCHOOL}),\s+"
                           r"(?:officers|soldiers|military\s+personnel|military\s+representatives)\s+(?:from|of)\s+(?:countries\s+such\s+as\s+)?(?:the\s+)?")
# trainees listed before "in its schools" (`_students_present`), after what the subject has: "… has A and B in its flying schools"
_IN_ITS_SCHOOLS = re.compile(r"\s+in\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:schools|academies|colleges|courses|classrooms)\b")
_HAS_BEFORE = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:now\s+|also\s+)?(?:has|had|hosts|hosted|trains|trained)\s+(?:[\w-]+\s+)?")
# what guests come to do: "came from A and B to watch the parade"
_TO_WATCH = re.compile(r"\bto\s+(?:watch|attend|see|witness|observe|view)\b")
# guests, not trainees, from the states listed: "ambassadors from friendly countries: A, B"
_GUESTS_BEFORE = re.compile(rf"\b(?:{GUEST_WORDS}|ministers?|delegations?|delegates|representatives|officials|instructors?)\s+$")
# who is at a graduation without graduating: guests, bands, marching contingents
_GUEST_NOUNS = re.compile(rf"\b(?:{GUEST_WORDS}|bands?|contingents?)\b")
# a gathering that is no course: an exercise, a drill, a show
_NO_COURSE = re.compile(r"\b(?:exercises?|drills?|manoeuvres|maneuvers|war\s+games?|air\s+shows?|trade\s+fairs?)\b")
# who pays for a course, no trainer: "funded by Germany"
_PAID_BY = re.compile(rf"\b(?:{FUNDER_WORDS})\s+by\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _course_end() -> re.Pattern:
    """Words that tell a course ended (data/patterns.json `course_end_cues`), a graduation or a passing out."""
    return re.compile(rf"\b(?:{alternation('course_end_cues')})\b|\bgraduat(?:ed|ion|ing)\b|\bpass(?:ed|es|ing)?[\s-]+out\b")


def _one(states: set[str]) -> str | None:
    return next(iter(states)) if len(states) == 1 else None


# between a roster of foreign trainees and the first state it lists: "belonged to this class (", "also marched: they came from "
# (each state with a count: "twelve trainees from friendly countries: one (01) from Cameroon, two (02) from Mali")
_COUNTED_ITEM = r"(?:(?:\d+|[a-z]+)\s*(?:\(\d+\)\s*)?from\s+)?"
# (or right after them: "the six international students from A", "Among them are one from A")
_ROSTER_OPENS = re.compile(r"(?:[^.;]{0,160}?(?:\(\s*|:\s+" + _COUNTED_ITEM + r"|\b(?:came|come|were|are|hail(?:ed)?)\s+from\s+)"
                           r"|\s+(?:(?:\d+|[a-z]+)\s+)?from\s+)(?:the\s+)?")
# between two states of such a roster: "A, B and C, from the Philippines and from the …"
# (a state's forces named by its adjective: "the Qatari Emiri forces, Albania")
# (a count in brackets after each: "Angola (2), Guyana (1)", "Peru (2 officers)")
_ROSTER_GOES_ON = re.compile(r"(?:\s*\(\d+(?:\s+[a-z]+)?\))?(?:\s+[\w-]+){0,2}?(?:(?:,|,?\s+and)\s+(?:from\s+|" + _COUNTED_ITEM + r")|,?\s+(?:and\s+)?from\s+)(?:the\s+)?"
                             r"(?:[A-Z][\w'’-]+,\s+(?:and\s+)?(?:the\s+)?)?")  # (over an item no state names, a misspelt one)


@lru_cache(maxsize=1)
def _foreign_roster() -> re.Pattern:
    """Trainees said to be foreign ("twenty-three foreign officers", "ten international cadets"), said to come from
    states ("These officers came from"), or a list of friendly states to come ("from friendly nations:")."""
    trainees = trainee_alternation()
    return re.compile(rf"\b(?:{alternation('foreign_trainee_words')})\s+(?:[\w-]+\s+)?(?:{trainees})\b"
                      rf"|\b(?:these|those|the)\s+(?:[\w-]+\s+)?(?:{trainees})\s+(?=(?:came|come|were|are|hail(?:ed)?)\s+from\b)"
                      # "welcomed young people from friendly nations: A (2), B (1)"
                      rf"|\bfrom\s+(?:{alternation('friendly_state_words')})\s+(?:nations|countries|states)(?=\s*:)"
                      # ("The course brought together officers from several countries: A, B")
                      rf"|\b(?:{trainees})\s+from\s+(?:several|many|\d+|{number_words()})\s+(?:[\w-]+\s+)?"
                      r"(?:nations|countries|states)(?=\s*:)"
                      # ("the class included 9 officers coming from foreign countries (A, B)")
                      rf"|\b(?:included|includes|comprised|comprises|counted|had)\s+(?:\d+\s+)?(?:{trainees})\s+(?:coming|hailing)\s+from\s+"
                      rf"(?:{alternation('foreign_trainee_words')})\s+"
                      r"(?:nations|countries|states)(?=\s*\()")


@lru_cache(maxsize=1)
def _they_include() -> re.Pattern:
    """A sentence that goes on about those just said to graduate: "They include …", "Among them were …", "The
    participants included …", "This class is made up of …"."""
    who = rf"(?:they|these|those|(?:the|this|that)\s+(?:[\w'’-]+\s+)?(?:{trainee_alternation()}|{_ROSTER_NOUNS}))"
    return re.compile(rf"{who}\s+(?:also\s+)?(?:include[sd]?|comprised?|(?:is|was|are|were)\s+made\s+up\s+of)\b"
                      r"|among\s+(?:them|these|those)\s+(?:are|were)\b")


@lru_cache(maxsize=1)
def _took_part() -> re.Pattern:
    """A course's roster opening its sentence: "Thirty-five officers took part:", "The 20 participants attended,"."""
    counts = number_words()
    return re.compile(rf"(?:the\s+)?(?:(?:\d+|{counts})(?:-(?:{counts}))?\s+)?(?:[\w-]+\s+)?(?:{trainee_alternation()}|participants)"
                      r"\s+(?:took\s+part|participated|attended)\s*[:,]")


@lru_cache(maxsize=1)
def _roster_item() -> re.Pattern:
    """How a roster after "They include" names a state: "two from Ghana", "one each from Benin", "one Burkinabè", or
    the states right after it ("The countries included Gambia and Liberia")."""
    counts = number_words()
    return re.compile(rf"(?:\b(?:\d+|{counts})\s+(?:each\s+)?(?:from\s+)?"
                      rf"|^[^,;]{{0,60}}?\b(?:include|included|comprised?|made\s+up\s+of)\s+{STATES_NAMED})(?:the\s+)?$")
