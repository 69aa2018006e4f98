"""Who trains where the sentence names the trainers only indirectly: a team or a course told before, those who came
to a state to train, the noun a relative clause of training is said of."""

from __future__ import annotations

import re
from functools import lru_cache

from ..amounts import count_before
from ..model import AGENCY, COUNTRY, Event, Mention
from ..sentences import Sentence
from ..text import alternation, fold, number_words, patterns, trigger_regex
from .trainees import school_forms, trainee_forms


class TrainerFinders:
    """Trainers found from the grammar and the story (mixed into the training rules)."""

    def _takes_object(self, sent: Sentence, trig: re.Match) -> bool:
        """Whether the training verb has a direct object ("would train personnel"): its subject trains."""
        return any(t.pos_ == "VERB" and any(c.dep_ == "dobj" for c in t.children) for t in self._trigger_tokens(sent, trig))

    def _came_to_train(self, sent: Sentence, low: str, trig: re.Match) -> re.Match | None:
        """`300 American paratroopers have travelled to Ukraine to train Ukrainian soldiers`, `personnel from the USA
        will arrive in Moldova to help train …`, `Turkish instructors are in Somalia to train crews`: those who come to
        (or are in) a state to train someone train; not those who come
        "for training" or "for a training mission"."""
        came = re.search(r"\b(?:travell?(?:ed|s)?|arrive[ds]?|deploy(?:ed|s)?|flew|flown|fly|come|comes|came|(?:are|is|were|was)(?=\s+in\b))\s+(?:to|in)\b(?=\s+(?:the\s+)?[a-z]+(?:\s[a-z]+)?"
                         r"\s+(?:to|for|on)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}$)", low[:trig.start()])
        if came is None or not self._takes_object(sent, trig) or _SKILLS.match(low, trig.end()):
            return None  # ("came to Denmark to train new skills": trained, not training)
        return came

    @staticmethod
    def _there_to_give(low: str, trig: re.Match) -> re.Match | None:
        """`Chinese military officers are in Zimbabwe to conduct training`: those who give training (instructors,
        officers, advisers, a team) are in a state to give it there (`_THERE_TO_GIVE`); not crews or marines who are there
        to train, nor training "with" the state's forces."""
        there = _THERE_TO_GIVE.search(low[:trig.start()])
        givers = rf"(?:{alternation('provider_nouns')}|officers|advisers|advisors|experts|specialists|teams?|personnel)"
        if there is None or not re.search(rf"\b{givers}\s+$", low[:there.start()]) \
                or re.match(r"\s+(?:[\w-]+\s+){0,3}?with\b", low[trig.end():]):
            return None
        return there

    def _trainers_told_next(self, sent: Sentence) -> None:
        """`The course trained 30 officers coming from A, B and C. Belgian instructors gave the training`, `… graduated 65
        sailors of A and B. … sessions given by Italian and U.S. training teams`: trainees of states listed after their noun
        where no one trains them, and trainers of states in a later sentence of the paragraph or the next two that names
        no other state ("… instructors gave/ran/delivered", "… given by D", "run by D instructors") train each."""
        low = fold(sent.text)
        if not trigger_regex("training_triggers").search(low):
            return
        nouns = trainee_forms()
        run = next((r for r in self._state_runs(self.in_sentence(sent, COUNTRY)) if re.search(
            rf"\b(?:{nouns})\s+(?:coming\s+|drawn\s+)?(?:from|of)\s+(?:the\s+)?$", fold(self.text[sent.start:r[0].start]))), None)
        if run is None:
            return
        providers = alternation("provider_nouns")
        trainee_states = {m.key for m in run}
        for later in [x for x in self.sentences if x.start >= sent.end and x.paragraph <= sent.paragraph + 2][:6]:
            after = fold(later.text)
            # (the same training told again: "the training", "it was run by", "the African sailors"; not "a separate
            # course", "last year", "in 2019, the same course")
            if not _TOLD_AGAIN.search(after) or _ANOTHER_TIME.search(after):
                continue
            states = self.in_sentence(later, COUNTRY) + [m for m in self.in_sentence(later, AGENCY) if self.country_of(m.key)]
            trainers = []
            for r in self._state_runs(sorted(states, key=lambda m: m.start)):
                # ("In Mali, French instructors gave …": a place set before the trainers is none of them)
                r = [m for m in r if not re.search(r"\b(?:in|at|from|to)\s+(?:the\s+)?$", fold(self.text[max(later.start, m.start - 10):m.start]))]
                if not r:
                    continue
                noun = re.match(rf"\s+(?:[a-z-]+\s+)?(?:{providers}|training\s+teams?)\b", fold(self.text[r[-1].end:r[-1].end + 60]))
                by = re.search(r"\b(?:given|run|led|conducted|provided|delivered|taught)\s+by\s+(?:the\s+)?(?:[a-z-]+\s+)?$",
                               fold(self.text[later.start:r[0].start]))
                acts = noun and re.match(r"\s+(?:gave|give|gives|provided|provide|provides|delivered|ran|run|runs|conducted|conduct|led|taught|trained)\b",
                                         fold(self.text[r[-1].end + noun.end():r[-1].end + noun.end() + 20]))
                if noun and (by or acts):
                    trainers += [self.country_of(m.key) or m.key for m in r]
            others = {self.country_of(m.key) or m.key for m in states} - set(trainers) - trainee_states
            if trainers and not others:
                for provider in dict.fromkeys(trainers):
                    for m in run:
                        if provider != m.key:
                            self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=m.key))
                return

    def _sent_trainers_to(self, sent: Sentence) -> None:
        """`Chile has sent instructors to Ghana, Togo and Benin to train their police`: who sends trainers to states to
        train there (the subject, a state or a body of one) trains each state they are sent to."""
        low = fold(sent.text)
        sent_to = re.search(rf"\b(?:sent|sends|send|dispatched|dispatches|deployed|deploys)\s+(?:[\w-]+\s+){{0,3}}?"
                            rf"(?:{alternation('provider_nouns')}|training\s+teams?|teams?)\s+to\s+(?:the\s+)?", low)
        if sent_to is None:
            return
        run = next((r for r in self._state_runs(self.in_sentence(sent, COUNTRY)) if r[0].start == sent.start + sent_to.end()), None)
        # (they train someone there: not "sent a team to the United States to train on the Patriot")
        if run is None or not re.match(r",?\s+(?:in\s+order\s+)?to\s+(?:help\s+)?(?:train|instruct|teach|mentor)\s+"
                                       r"(?!on\b|with\b|in\b|at\b|for\b|alongside\b|together\b)[a-z]",
                                       fold(self.text[run[-1].end:run[-1].end + 40])):
            return
        subject = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and m.end <= sent.start + sent_to.start()]
        provider = self.country_of(subject[0].key) or subject[0].key if len(subject) == 1 else None
        for m in run if provider is not None else []:
            if m.key != provider:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider, trainee=m.key))

    def _noun_after_is_subject(self, sent: Sentence, trig: re.Match, m: Mention) -> bool:
        """`US Army personnel trained Kenyan soldiers`: the noun right after the state's name (within two words) is the
        subject of the active training verb."""
        verbs = [t for t in self._trigger_tokens(sent, trig) if t.pos_ == "VERB"]
        doc = self.grammar.doc(sent)
        span = doc.char_span(m.start - sent.start, m.end - sent.start, alignment_mode="expand")
        after = [t for t in doc if span is not None and m.end - sent.start <= t.idx and t.i <= span[-1].i + 2]
        return any(t.dep_ == "nsubj" and t.head in verbs for t in after)

    def _relative_subject(self, sent: Sentence, trig: re.Match, m: Mention) -> bool:
        """`11 US service members who would train personnel`: the country qualifies the noun that the
        training verb's relative clause is said of."""
        verb = next((t for t in self._trigger_tokens(sent, trig) if t.dep_ == "relcl"), None)
        who = self.grammar.doc(sent).char_span(m.start - sent.start, m.end - sent.start, alignment_mode="expand")
        return verb is not None and who is not None and any(t.head.i == verb.head.i or t.i == verb.head.i for t in who)

    def _team_told_before(self, sent: Sentence, low: str) -> list[str]:
        """`A Mobile Training Team from Hungary and Romania was deployed to Jordan. The team delivered a course
        to 15 Jordanian personnel`: trainers that the sentence names only as "the team", "the instructors" or
        "they" are those an earlier sentence of the paragraph or the two before says came from states listed."""
        providers = "|".join(sorted(map(re.escape, patterns()["provider_nouns"] + ["team", "mtt"]), key=len, reverse=True))
        # (after an opening adverbial: "Over two weeks, the team will train")
        # ("The officers from the MTT will train": the team's)
        subject = re.match(rf"(?:[^,;]{{0,40}},\s+)?(?:the\s+(?:[a-z-]+\s+){{0,2}}(?:(?:{providers})|(?:{providers}|officers|members|personnel)"
                           rf"\s+(?:from|of)\s+the\s+(?:[a-z-]+\s+){{0,2}}(?:team|mtt))|they)\s+", low)
        giving = alternation("training_giving_verbs")
        gives = lambda at: re.match(rf"(?:{giving})\b", low[at:]) or trigger_regex("training_triggers").match(low, at)
        words = [subject.end()] + [subject.end() + w.end() for w in re.finditer(r"\w+\s+", low[subject.end():])][:2] \
            if subject else []
        if not any(gives(at) for at in words) or re.search(r"\btrain\w*\s+(?:alongside|with)\b", low):
            # (the team or "they" must give the training: not "The team said soldiers had completed training", nor
            # "the team will train alongside Kenyan sailors")
            return []
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start and sent.paragraph - x.paragraph <= 2][-5:]):
            countries = self.in_sentence(earlier, COUNTRY)
            # "a team from Hungary", "A US Navy mobile training team"
            first = next((m for m in countries if re.search(
                rf"\b(?:{providers})\s+(?:of\s+(?:[\w-]+\s+){{1,3}})?from\s+(?:the\s+)?$",
                fold(self.text[max(0, m.start - 60):m.start])) or re.match(
                rf"(?:\s+[A-Z][\w-]*){{0,3}}(?:\s+[a-z-]+){{0,2}}?\s+(?i:{providers})\b", self.text[m.end:m.end + 60])), None)
            if first is not None:
                run = next(r for r in self._state_runs(countries) if first in r)
                return list(dict.fromkeys(m.key for m in run[run.index(first):]))
        return []

    def _course_told_before(self, sent: Sentence, low: str, trig: re.Match, trainees: list[str], pick: Mention) -> str | None:
        """`A course began at the Indian Navy's Naval War College. Officers from A and B have arrived to attend the
        course`: a course the sentence speaks of as one already told is given by the one state that one of the
        three sentences before names with it (not one it is about: "a course on countering Chinese
        disinformation"). Not by the trainees' own; nor to those another verb takes ("to stop Chinese forces") or
        that run it ("run by")."""
        runs = alternation("course_running_participles")
        before = low[:pick.start - sent.start]
        if trig.group() not in ("course", "courses", "training") or re.search(r"\bto\s+[a-z]+\s+(?:the\s+)?$", before) \
                or re.search(rf"\b(?:{runs})\s+by\s+(?:[\w'’-]+\s+){{0,4}}$", before) \
                or not re.search(r"\b(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}$|\bthe\s+\d+(?:st|nd|rd|th)\s+(?:\(?[\w-]+\)?\s+){0,3}$",
                                 low[:trig.start()]):  # (or by its number: "the 51st Regular Education (Dikreg) course")
            return None
        noun = trig.group().rstrip("s")
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-3:]):
            if not re.search(rf"\b{noun}", fold(earlier.text)):
                continue
            states = {self.country_of(m.key) for m in self.in_sentence(earlier) if m.family in (COUNTRY, AGENCY)
                      and not _TOPIC_BEFORE.search(fold(self.text[max(earlier.start, m.start - 40):m.start]))}
            states.discard(None)
            return states.pop() if len(states) == 1 and not states & set(trainees) else None
        return None

    def _course_host(self, sent: Sentence, trainees: list[str]) -> str | None:
        """`The Peruvian Army's jungle course … Currently 28 Peruvian soldiers, three Bolivians and one Chilean are training
        there`: of states trained side by side, the one whose course or school the sentence or one of the three before
        names (and no other state with it) runs it, its own soldiers among the others."""
        heads = rf"(?:courses?|programmes?|programs?|{school_forms()})"
        for earlier in reversed([x for x in self.sentences if x.end <= sent.end][-4:]):
            low = fold(earlier.text)
            states = set()
            for m in self.in_sentence(earlier):
                if m.family not in (COUNTRY, AGENCY) or self.country_of(m.key) is None:
                    continue
                after, before = low[m.end - earlier.start:m.end - earlier.start + 50], low[max(0, m.start - earlier.start - 30):m.start - earlier.start]
                if re.match(rf"(?:['’]s)?(?:\s+[\w'’-]+){{0,4}}?\s+{heads}\b", after) or re.search(rf"\b{heads}\s+of\s+(?:the\s+)?$", before):
                    states.add(self.country_of(m.key))
            if states:
                return states.pop() if len(states) == 1 and next(iter(states)) in trainees else None
        return None

    def _school_there(self, low: str, trig: re.Match, trainees: list[str]) -> str | None:
        """`At present 19 foreign cadets from 10 countries are in training there`: "there" right after the training
        is the school the article tells of, which trains as its state."""
        if not re.match(r"\s+there\b", low[trig.end():]):
            return None
        school = self._graduating_school()
        return school if school not in trainees else None

    def _schools_listed_after(self, sent: Sentence, first: Event) -> None:
        """`four Sri Lankan cadets who trained at the Chinese Military Academy, two cadets trained at the Indian Military
        Academy and one at …`: later items of a list of trainees, named by no state of their own, are the first item's
        trainees, each taught by the state of the school it names."""
        schools = [m for m in self.in_sentence(sent, AGENCY) if m.start > first.evidence.start and self.country_of(m.key)
                   and re.search(rf"\b(?:{school_forms()})$", fold(m.text))]
        for m in schools:
            item = _listed_at().search(fold(self.text[max(sent.start, m.start - 80):m.start]))
            state = self.country_of(m.key)
            if item is None or state in (first.provider, first.trainee) or any(
                    e.cls == "Training" and e.provider == state and e.trainee == first.trainee for e in self.events):
                continue
            self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=state, trainee=first.trainee,
                                     count=count_before(self.text, max(sent.start, m.start - 80) + item.end(1) + 1)))


@lru_cache(maxsize=1)
def _listed_at() -> re.Pattern:
    """A later item of a list of trainees (data/patterns.json `trainee_nouns`, in both numbers), right before the school
    it names: ", two cadets trained at the", "and an officer cadet trained at the"."""
    nouns = trainee_forms()
    return re.compile(rf"(?:,|\band)\s+(\d+|an?|{number_words()})\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\s+"
                      r"(?:who\s+(?:underwent|received)\s+training\s+|(?:were\s+|was\s+)?trained\s+)?at\s+(?:the\s+)?$")


_SKILLS = re.compile(r"\s+(?:[\w-]+\s+){0,2}?(?:skills?|knowledge|abilities|techniques|tactics|drills)\b")

# what a course is about, written before a state: "a course on countering Chinese disinformation"
_TOPIC_BEFORE = re.compile(r"\b(?:on|about|against|countering|combating|combatting)\s+(?:[\w-]+\s+){0,2}$")


# being in a state to give training there: "are in Zimbabwe to conduct training" (`_came_to_train` for those who come)
_THERE_TO_GIVE = re.compile(r"\b(?:are|is|were|was)\s+(?:now\s+|currently\s+|also\s+)?in\b(?=\s+(?:the\s+)?[a-z]+(?:\s[a-z]+)?\s+to\s+"
                            r"(?:help\s+)?(?:conduct|give|provide|deliver|run|offer|lead)\s+(?:[\w-]+\s+){0,2}$)")
# the training of the sentence before told again (`_trainers_told_next`), and a training of another time or place
_TOLD_AGAIN = re.compile(r"\b(?:the|this|these|that|their)\s+(?:[\w-]+\s+){0,2}(?:training|course|instruction|sessions|classes|"
                         r"lessons|students|sailors|officers|soldiers|trainees|cadets)\b|\bit\s+was\s+(?:run|given|led|conducted|taught)\b")
_ANOTHER_TIME = re.compile(r"\b(?:separate|another|other|previous|earlier|same)\s+(?:[\w-]+\s+){0,2}(?:training|course)|"
                           r"\blast\s+(?:year|month|week)\b|\b(?:19|20)\d\d\b")
