"""Trainings: who trains whose personnel, and how many."""

from __future__ import annotations

import re

from ..amounts import count_before
from ..model import AGENCY, COUNTRY, Event
from ..sentences import Sentence
from ..text import fold, patterns
from .context import trigger_regex


class TrainingRules:
    """Trainings: who trains whose personnel, and how many."""

    def _trainings(self, sent: Sentence) -> None:
        low = fold(sent.text)
        if not trigger_regex("training_triggers").search(low):
            return
        adj = "|".join(patterns()["trainee_adjectives"])
        nouns = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"]), key=len, reverse=True))
        countries = [m for m in self.in_sentence(sent, COUNTRY)]
        trainee = None
        count = None
        for m in countries:
            after = fold(self.text[m.end:m.end + 40])
            if re.match(rf"\s+(?:(?:[A-Z][\w-]*|[a-z]+-[\w-]+|{adj})\s+){{0,3}}(?:{nouns})\b",
                        self.text[m.end:m.end + 60]) \
                    or re.match(rf"\s+(?:(?:{adj})\s+)?(?:{nouns})\b", after) or re.match(r"['’]s\s+(?:future\s+)?(?:{})".format(nouns), after):
                trainee = m.key
                count = count_before(self.text, m.start)
                break
        if trainee is None:
            return
        found = list(trigger_regex("training_triggers").finditer(low))
        # a capitalised "Training" mid-sentence is part of a name ("the Coalition on F-16 Training")
        trig = next((t for t in found if t.start() == 0 or not sent.text[t.start()].isupper()), found[0])
        if re.search(r"\b(their|its|his|her)\s+(?:[a-z-]+\s+(?:and\s+)?){0,3}$", low[max(0, trig.start() - 50):trig.start()]):
            return  # "once pilots have completed their training": no provider stated
        provider = None
        providers = "|".join(map(re.escape, patterns()["provider_nouns"]))
        instructors = [m for m in countries if m.key != trainee and re.match(
            rf"\s+(?:[a-z-]+\s+)?(?:{providers})\b", fold(self.text[m.end:m.end + 30]))]
        instructors_from = [m for m in countries if m.key != trainee and re.search(
            rf"\b(?:{providers})\s+from\s+(?:the\s+)?$", fold(self.text[max(0, m.start - 30):m.start]))]
        loc = [m for m in countries if m.key != trainee and re.search(
            r"\b(in|on)\s+(the\s+)?$", self.text[max(sent.start, m.start - 8):m.start])]
        subj = [m for m in countries if m.key != trainee and m.start < sent.start + trig.start()]
        agency_subj = [m for m in self.in_sentence(sent, AGENCY) if m.start < sent.start + trig.start()]
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and m.key != trainee]
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        by_grammar = [a for a in actors if frame.relation(a) in ("subject", "by") and self.country_of(a.key)]
        if frame.negated:
            return
        if instructors:
            provider = instructors[0].key
        elif by_grammar:  # "Canada will contribute by helping to train", "trained by the Bundeswehr"
            provider = self.country_of(by_grammar[0].key)
        elif subj:
            provider = subj[0].key
        elif loc:
            provider = loc[0].key
        elif instructors_from:
            provider = instructors_from[0].key
        elif agency_subj:
            provider = self.country_of(agency_subj[0].key) or agency_subj[0].key
        if provider is None or provider == trainee:
            return
        self.events.append(Event("Training", self.evidence(sent), confidence=0.6, provider=provider,
                                 trainee=trainee, count=count))
