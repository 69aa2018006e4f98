"""Trainings an article tells across its sentences: who is taught, by whom, when no one sentence says both."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..model import AGENCY, COUNTRY, Event, Mention
from ..sentences import Sentence
from ..text import SOME_OF, alternation, fold, patterns, trigger_regex
from .trainees import GATHERING_NOUNS, school_nouns, school_of_no_state
from .dates import date_line
from .training_words import FUNDER_WORDS, GUEST_WORDS, SERVICES
from .training_given import names_place


class TrainingStory:
    """`Mongolian Army engineers finish a course at the JGSDF Engineer School`: an article about training
    whose sentences, read together, mark one state as the one whose people are taught and another as the
    one that teaches (its instructors, its school, the subject of "taught", the "by" of "were trained")."""

    def _training_story(self) -> None:
        """One training from the states the article's training sentences mark as taught and as teaching,
        where no sentence gave a training and the headline or lead is about one."""
        if any(e.cls == "Training" for e in self.events):
            return
        if any(re.search(rf"\b(?:{alternation('mutual_training_cues')})s?\b", fold(s.text)) for s in self.sentences):
            return  # an article about training together: no one trains the other
        told = [s for s in self.sentences if self._about_training(s)]
        lead = [s for s in self.sentences if not re.fullmatch(r"[\d:. ]+", s.text)][:2]
        if not told or not any(s in told for s in lead) or any(re.search(r"\bexercis", fold(s.text)) for s in told):
            return  # (an exercise, joint or combined, is trained in together)
        marks = {sent.start: self._sides(sent) for sent in told}
        taught: Counter = Counter()
        teaching: Counter = Counter()
        for sides in marks.values():
            for key, side in sides:
                (taught if side == "taught" else teaching)[key] += 1
        # a state whose own instructors teach is not trained by another; one that is taught does not teach
        trainees = [k for k in taught if not teaching[k]]
        providers = [k for k in teaching if not taught[k]]
        if len(trainees) != 1 or not 1 <= len(providers) <= 3:
            return  # (one taught, by one state or a few: "… taught by specialists of the armies of A and B")
        first = next(s for s in told if any(k in (trainees[0], *providers) for k, _ in marks[s.start]))
        for provider in providers:
            self.events.append(Event("Training", self.evidence(first), confidence=0.4, provider=provider,
                                     trainee=trainees[0]))

    def _roster_of_the_story(self) -> None:
        """`… while 30 officers joined the armies of eleven friendly countries: A, B, …`, `This class is made up of
        members from six countries — A, B …`: in an article about training where no sentence gave one, the states
        listed as where those taught come from are trained by the state of the school, else by the one state the
        article names most besides them."""
        found = [e for e in self.events if e.cls == "Training"]
        lead = [s for s in self.sentences if not date_line(s.text)][:3]  # (a byline may come second)
        if len({e.provider for e in found}) > 1 or any(
                re.search(rf"\b(?:{alternation('mutual_training_cues')})s?\b", fold(s.text)) for s in self.sentences) \
                or not any(self._about_training(s) or _GRADUATED.search(fold(s.text)) for s in lead) \
                or any(re.search(r"\bexercis", fold(s.text)) for s in lead):
            return  # (an exercise is trained in together; not "the training was no academic exercise", said later)
        listed: list[str] = []
        first = last = None
        for sent in self.sentences:
            for run in self._state_runs(self.in_sentence(sent, COUNTRY)):
                keys = self._distinct([m.key for m in run])
                # ("… among them A, B and C. Completing the list were D and E": the same roster, told on)
                more = last is not None and self._order[sent.start] - self._order[last.start] == 1 \
                    and _LIST_GOES_ON.fullmatch(fold(self.text[sent.start:run[0].start])) is not None
                if more and not found or len(keys) >= 2 and self._roster_at(sent, run) \
                        and all(e.evidence.start < sent.start for e in found):
                    listed += [k for k in keys if k not in listed]
                    first, last = first or sent, sent
        host = found[0].provider if found else self._host_of(listed) if listed else None
        for trainee in listed if host else []:
            if trainee != host and all(e.trainee != trainee for e in found):
                self.events.append(Event("Training", self.evidence(first), confidence=0.3, provider=host, trainee=trainee))

    def _roster_at(self, sent: Sentence, run: list[Mention]) -> bool:
        """Whether the states of `run` are listed as where those on the course come from: after a word for them and
        "from", "countries:", "such as" (no teacher, no one beside them: not "instructors from", "alongside troops
        from"), the list ending their clause (not "officers from A and B attended the ceremony")."""
        before = fold(self.text[sent.start:run[0].start])
        roster = _roster_before().search(before)
        after = fold(self.text[run[-1].end:sent.end])
        return roster is not None and not _BESIDE.search(before[:roster.start()]) and not _PLACES.search(before) \
            and not re.search(rf"\b(?:{alternation('provider_nouns')})\b", before[roster.start():]) \
            and _LIST_ENDS.match(after) is not None and not _NOT_TAUGHT.search(after) and not self._others_told(sent, run[0])

    def _others_told(self, sent: Sentence, first: Mention) -> bool:
        """Whether those listed look on, are guests or are at another gathering: "watched by defence attachés of 20
        countries. They included officers from A, B and C", "On Saturday a conference opened. Forty officers took part,
        from A, B and C" (in the sentence or the one before)."""
        told = fold(self.text[sent.start:first.start])
        i = self._order[sent.start]
        before = fold(self.sentences[i - 1].text) if i else ""

        def onlookers(text: str) -> bool:
            return bool(_onlookers().search(text) or re.search(rf"\b(?:{GUEST_WORDS})\b", text))
        pronoun = re.match(r"(?:they|these|those|among\s+them)\b", fold(sent.text)) is not None
        return onlookers(told) or GATHERING_NOUNS.search(told) is not None or _GATHERING_HELD.search(before) is not None \
            or pronoun and onlookers(before)

    def _host_of(self, listed: list[str]) -> str | None:
        """The state that teaches those listed: the one state of the article's schools, else the state named most
        often besides them (not a guest or a funder), if more often than any other; the school's own officers may be
        listed with the others ("officers of the armed forces of Kenya, Burundi and Zambia" at Kenya's college)."""
        schools = {self.country_of(k) for k, ent in self.entities.items() if ent.family == AGENCY and ent.mentions
                   and re.search(rf"\b(?:{school_nouns()})$", fold(ent.name))} - {None}
        if len(schools) == 1:
            return schools.pop()
        named = sorted(((len(ent.mentions), k) for k, ent in self.entities.items() if ent.family == COUNTRY and k not in listed
                        and any(m.form != "demonym" for m in ent.mentions)
                        and not all(_GUEST_OR_FUNDER.search(fold(self.text[max(0, m.start - 40):m.end + 20])) for m in ent.mentions)),
                       reverse=True)
        # (named twice at least, once by its name: not "a course on countering Chinese disinformation", "Ukrainian troops")
        return named[0][1] if named and named[0][0] >= 2 and (len(named) == 1 or named[0][0] > named[1][0]) and not schools \
            else None

    def _schools_of_their_state(self) -> None:
        """`12 cadets from Fiji, Tonga and Ghana graduated at the Western Military College` in an article whose only
        other state is Norway ("Governor-General of Norway Lars Berg reviewed the parade"): a school the article ties
        to no state, teaching people of other states, is the school of the one state the article names besides."""
        trainings = [e for e in self.events if e.cls == "Training"]
        taught = {e.trainee for e in trainings}
        multinational = re.compile(rf"\b(?:{alternation('multinational_school_words')})\b")
        for school in {e.provider for e in trainings if school_of_no_state(self.entities.get(e.provider))
                       and not multinational.search(self.entities[e.provider].name)}:  # ("the Baltic Defence College")
            # (not a state named only as a guest or a funder: "US Ambassador X attended", "funded by Japan")
            hosts = [k for k, ent in self.entities.items() if ent.family == COUNTRY and ent.mentions and k not in taught
                     and not all(_GUEST_OR_FUNDER.search(fold(self.text[max(0, m.start - 40):m.end + 20])) for m in ent.mentions)]
            if len(hosts) == 1:
                for e in trainings:
                    if e.provider == school:
                        e.provider = hosts[0]

    def _about_training(self, sent: Sentence) -> bool:
        """Whether the sentence tells of training given: a training word that names no place ("the training
        ground") and is no idiom ("of course", "in the course of"), in a sentence that signs no document and
        makes training no field of cooperation."""
        low = fold(sent.text)
        if trigger_regex("agreement").search(low) or _COOPERATION.search(low):
            return False
        return any(not names_place(low, t) and not (
            t.group().startswith("course") and (re.search(r"\b(?:of|on)\s+$", low[:t.start()])
                                                or re.match(r"\s+of\b", low[t.end():])))
            for t in trigger_regex("training_triggers").finditer(low))

    def _sides(self, sent: Sentence) -> list[tuple[str, str]]:
        """Each state the sentence marks, once, with the side it marks it on ("taught" or "teaching")."""
        states = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and self.country_of(m.key)]
        if not states:
            return []
        p = patterns()
        # ("specialists" may be either; "forces" are as often fought as trained)
        taught_nouns = _alternation(n for n in p["trainee_nouns"] if n not in p["provider_nouns"] and n != "forces")
        teacher_nouns = _alternation(n for n in p["provider_nouns"] if n not in p["trainee_nouns"])
        # what may stand between a state and the noun it qualifies: a name's words (not in a headline written in
        # capitals, where every word is one), hyphened words, "(ADF)"
        words = sent.text.split()
        capitals = "" if sum(w[:1].isupper() for w in words) > len(words) / 2 else r"|[A-Z][\w'’-]*"
        between = rf"(?:\s+(?:\([\w-]+\)|[a-z]+-[\w-]+|{'|'.join(p['trainee_adjectives'])}{capitals})){{0,3}}?"
        lexical: dict[str, str] = {}
        for m in states:
            after, before = self.text[m.end:min(m.end + 60, sent.end)], fold(self.text[max(sent.start, m.start - 40):m.start])
            if _onlookers().search(before):
                continue  # "a parade attended by Chinese military advisers": onlookers, whatever they are
            if re.match(rf"{between}\s+(?i:{teacher_nouns})\b", after) or \
                    re.search(rf"\b(?:{teacher_nouns})\s+(?:from|of)\s+(?:the\s+)?$", before) or \
                    re.search(rf"\bby\s+(?:[\w-]+\s+){{0,3}}?(?:{taught_nouns})\s+(?:from|of)\s+(?:the\s+)?$", before) or \
                    re.search(rf"\b(?:{school_nouns()})$", fold(m.text)) and _COURSE_AFTER.match(fold(after)):
                # ("the course was run by soldiers from X"; a school's own course: "X Engineer School course")
                lexical.setdefault(self.country_of(m.key), "teaching")
            elif re.match(rf"(?:['’]s)?{between}\s+(?i:{taught_nouns})\b", after) or \
                    re.search(rf"\b(?:{taught_nouns})\s+(?:from|of)\s+(?:one\s+of\s+)?(?:the\s+)?$", before):
                lexical.setdefault(self.country_of(m.key), "taught")
        for _ in range(len(states)):  # "officers from Zambia and Kenya", "Turkish and Qatari instructors": both
            for one, other in zip(states, states[1:]):
                a, b = self.country_of(one.key), self.country_of(other.key)
                if (a in lexical) != (b in lexical) and \
                        re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", self.text[one.end:other.start]):
                    lexical.setdefault(a, lexical.get(b)) if b in lexical else lexical.setdefault(b, lexical[a])
        # the clause where the words say nothing, unless it gives a side the words gave another state (a
        # misparse: "So that X can keep sending units, instructors of Y taught …"); the "by" of a training
        # always teaches ("the course was run by soldiers from X")
        grammatical: dict[str, str] = {}
        for m in states:
            key = self.country_of(m.key)
            side, by = self._side_in_clause(sent, m)
            if by:
                lexical[key] = "teaching"
            elif side is not None and key not in lexical and side not in lexical.values():
                grammatical.setdefault(key, side)
        return list({**grammatical, **lexical}.items())

    def _side_in_clause(self, sent: Sentence, m: Mention) -> tuple[str | None, bool]:
        """The side a training verb gives the mention, and whether as its "by": its object or passive subject
        is taught; its active subject, its "by" or the "from" right after it ("training from X") teaches."""
        for trig in trigger_regex("training_triggers").finditer(fold(sent.text)):
            frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), [m])
            rel = frame.relation(m)
            if rel is None or frame.negated:
                continue
            last = rel.split(":")[-1]
            verb = trig.group() in ("train", "trains", "trained", "teach", "teaches", "taught")
            right_after = re.fullmatch(r"\s+from\s+(?:the\s+)?", self.text[sent.start + trig.end():m.start])
            if last == "by":
                return "teaching", True
            if last == "from" and right_after or last == "subject" and verb and not frame.passive:
                return "teaching", False
            if last == "object" and verb and not frame.passive or last == "subject" and frame.passive:
                return "taught", False
        return None, False


def _alternation(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


# those listed taught or handed out, not were taught: "Officers from A and B, who had taught the cadets, presented the
# awards", "Officers from foreign countries (A, B) presented the diplomas"
_NOT_TAUGHT = re.compile(r"^[^.;]{0,20}?\b(?:who\s+(?:had\s+|have\s+|has\s+)?(?:also\s+)?(?:taught|trained|instructed|mentored|"
                         r"teach|train|instruct)\s+(?:the|them|their)|presented|handed|awarded)\b")


# another gathering held: "a symposium opened in Rome", "the university hosted a regional conference"
_GATHERING = r"(?:symposium|conference|seminar|workshop|forum|summit)"
_GATHERING_HELD = re.compile(rf"\b{_GATHERING}\b[^.;]{{0,40}}?\b(?:opened|began|started|was\s+held|took\s+place)\b"
                             rf"|\b(?:hosted|held|opened|organi[sz]ed)\s+(?:an?|the)\s+(?:[\w-]+\s+){{0,3}}?{_GATHERING}\b")


# a list told on in the next sentence: "Completing the list were ", "The others came from "
_LIST_GOES_ON = re.compile(r"(?:(?:completing|rounding\s+(?:out|off)|making\s+up)\s+the\s+(?:list|group|rest)(?:\s+(?:were|are|was|is))?"
                           r"|(?:the\s+)?(?:others|rest|remaining\s+[\w-]+)\s+(?:were|came|come|are)(?:\s+from)?)\s+(?:the\s+)?")


# a graduation told (not "a graduate of", a line of someone's career)
_GRADUATED = re.compile(r"\bgraduat(?:ed|ing|ion)\b|\bgraduates?\b(?!\s+of\b)|\bpass(?:ed|es|ing)?\s+out\b")
# states listed as where training is, or where one goes: "trained in NATO member states including A, B"
_PLACES = re.compile(r"\b(?:in|to|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:countries|nations|states)\b[^.;]*$")
# those beside whom others serve or train: "serve alongside troops from A, B"
_BESIDE = re.compile(r"\b(?:alongside|beside|together\s+with|with)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
# what may follow a roster: the clause's end, a count, "among others", a dash's aside (not a verb: "A and B attended")
_LIST_ENDS = re.compile(r"\s*(?:$|[.;:,)]|\s[—–-]\s|\(\d|and\s+(?:other|\d)|among\s+others|(?:were|are)\s+(?:also\s+)?"
                        r"(?:represented|among)\b|(?:graduated|passed\s+out|took\s+part\s+in\s+the\s+(?:course|programme|training))"
                        r"|(?:are|were|have\s+been)\s+(?:studying|enrolled|attending\s+the\s+(?:course|programme)|taking\s+the\s+course)"
                        r"|(?:began|started|opened|attended|completed|finished|joined)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
                        r"(?:course|activities|training|studies|programme|program|classes)\b)")


@lru_cache(maxsize=1)
def _roster_before() -> re.Pattern:
    """The end of what comes before states listed as where those taught come from: "members from six countries — ",
    "officers … of eleven friendly countries: ", "participants … including from " (data/patterns.json `trainee_nouns`
    and `roster_nouns`), not a place toured or visited."""
    nouns = alternation("trainee_nouns", longest_first=True) + "|" + alternation("roster_nouns")
    return re.compile(rf"\b(?:{nouns})\b(?![^.;]*\b(?:visit\w*|tour\w*|toured|takes\s+in)\b)[^.;]{{0,80}}?"
                      rf"(?:\bfrom\s+|\bof\s+(?:the\s+)?(?:{SERVICES})\s+of\s+|\b(?:countries|nations|states)\s*(?:[:—(–-]|,?\s+{SOME_OF})\s*|,?\s+{SOME_OF}\s+(?:from\s+)?)(?:the\s+)?$")


# training as a field of cooperation or of talks: "cooperation in training, search and rescue"
_COOPERATION = re.compile(r"\b(?:cooperation|co-operation|talks)\s+(?:in|on)\s+(?:[\w-]+,?\s+){0,4}?training\b")


@lru_cache(maxsize=1)
def _onlookers() -> re.Pattern:
    """Who looks on: "a parade attended by …" (data/patterns.json `spectator_verbs`), "in the presence of …"."""
    spectators = _alternation(patterns()["spectator_verbs"])
    return re.compile(rf"\b(?:(?:{spectators})\s+by|presence\s+of|guests?\s+(?:of|from|included))\b")


# a state named as a guest or as who pays: "US Ambassador", "attaché", "funded by"
_GUEST_OR_FUNDER = re.compile(rf"\b(?:{GUEST_WORDS}|envoys?|embass(?:y|ies)|{FUNDER_WORDS})\b")
# a school's own course, named with it ("the JGSDF Engineer School course")
_COURSE_AFTER = re.compile(r"\s+(?:[a-z-]+\s+)?(?:course|courses|training|programme|program)\b")
