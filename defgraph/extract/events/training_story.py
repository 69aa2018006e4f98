"""Trainings an article tells across its sentences: who is taught, by whom, when no one sentence says both."""

from __future__ import annotations

import re
from collections import Counter

from ..model import AGENCY, COUNTRY, Event, Mention
from ..sentences import Sentence
from ..text import fold, patterns, trigger_regex
from .trainees import SCHOOL_NOUNS
from .trainings import _place_after


class TrainingStory:
    """`Mongolian Army engineers finish a course at the JGSDF Engineer School`: an article about training
    whose sentences, read together, mark one state as the one whose people are taught and another as the
    one that teaches (its instructors, its school, the subject of "taught", the "by" of "were trained")."""

    def _training_story(self) -> None:
        """One training from the states the article's training sentences mark as taught and as teaching,
        where no sentence gave a training and the headline or lead is about one."""
        if any(e.cls == "Training" for e in self.events):
            return
        if any(re.search(rf"\b{re.escape(c)}\b", fold(s.text)) for s in self.sentences
               for c in patterns()["mutual_training_cues"]):
            return  # an article about training together: no one trains the other
        told = [s for s in self.sentences if self._about_training(s)]
        lead = [s for s in self.sentences if not re.fullmatch(r"[\d:. ]+", s.text)][:2]
        if not told or not any(s in told for s in lead):
            return
        marks = {sent.start: self._sides(sent) for sent in told}
        taught: Counter = Counter()
        teaching: Counter = Counter()
        for sides in marks.values():
            for key, side in sides:
                (taught if side == "taught" else teaching)[key] += 1
        trainees = [k for k in taught if taught[k] > teaching[k]]
        providers = [k for k in teaching if teaching[k] > taught[k]]
        if len(trainees) != 1 or len(providers) != 1 or trainees == providers:
            return
        first = next(s for s in told if any(k in (trainees[0], providers[0]) for k, _ in marks[s.start]))
        self.events.append(Event("Training", self.evidence(first), confidence=0.4, provider=providers[0],
                                 trainee=trainees[0]))

    def _about_training(self, sent: Sentence) -> bool:
        """Whether the sentence tells of training given: a training word that names no place ("the
        training ground") in a sentence that signs no document (training as a field of a memorandum)."""
        low = fold(sent.text)
        return any(not _place_after().match(low, t.end()) for t in trigger_regex("training_triggers").finditer(low)) \
            and not trigger_regex("agreement").search(low)

    def _sides(self, sent: Sentence) -> list[tuple[str, str]]:
        """Each state the sentence marks, once, with the side it marks it on ("taught" or "teaching")."""
        states = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and self.country_of(m.key)]
        if not states:
            return []
        taught_nouns = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"]), key=len, reverse=True))
        teacher_nouns = "|".join(sorted(map(re.escape, patterns()["provider_nouns"] + list(SCHOOL_NOUNS)),
                                        key=len, reverse=True))
        # words that may stand between a state and the noun it qualifies: names, hyphened words, "(ADF)"
        between = rf"(?:\s+(?:\([\w-]+\)|[A-Z][\w'’-]*|[a-z]+-[\w-]+|{'|'.join(patterns()['trainee_adjectives'])}))*?"
        lexical: dict[str, str] = {}
        for m in states:
            after, before = self.text[m.end:m.end + 60], fold(self.text[max(0, m.start - 40):m.start])
            if re.search(rf"\b(?:{teacher_nouns})$", fold(m.text)) or \
                    re.match(rf"{between}\s+(?i:{teacher_nouns})\b", after) or \
                    re.search(rf"\b(?:{teacher_nouns})\s+(?:from|of)\s+(?:the\s+)?$", before):
                lexical.setdefault(self.country_of(m.key), "teaching")
            elif re.match(rf"(?:['’]s)?{between}\s+(?i:{taught_nouns})\b", after) or \
                    re.search(rf"\b(?:{taught_nouns})\s+(?:from|of)\s+(?:one\s+of\s+)?(?:the\s+)?$", before):
                lexical.setdefault(self.country_of(m.key), "taught")
        for one, other in zip(states, states[1:]):  # "officers from Zambia and Kenya": both
            key = self.country_of(other.key)
            if self.country_of(one.key) in lexical and key not in lexical and \
                    re.fullmatch(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?", self.text[one.end:other.start]):
                lexical[key] = lexical[self.country_of(one.key)]
        # the clause where the words say nothing, unless it gives a side the words gave another state
        # (a misparse: "So that X can keep sending units, instructors of Y taught …")
        grammatical: dict[str, str] = {}
        for m in states:
            key = self.country_of(m.key)
            side = None if key in lexical else self._side_in_clause(sent, m)
            if side is not None and side not in lexical.values():
                grammatical.setdefault(key, side)
        return list({**grammatical, **lexical}.items())

    def _side_in_clause(self, sent: Sentence, m: Mention) -> str | None:
        """The side a training verb gives the mention: its object or passive subject is taught, its active
        subject or its "by" teaches, "training from" X teaches, "training for/to" X is taught."""
        for trig in trigger_regex("training_triggers").finditer(fold(sent.text)):
            frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), [m])
            rel = frame.relation(m)
            if rel is None or frame.negated:
                continue
            last = rel.split(":")[-1]
            verb = trig.group() in ("train", "trains", "trained", "teach", "teaches", "taught")
            # "training from X"; not "divers from X completed a course"
            right_after = re.fullmatch(r"\s+from\s+(?:the\s+)?", self.text[sent.start + trig.end():m.start])
            if last == "by" or last == "from" and right_after or last == "subject" and verb and not frame.passive:
                return "teaching"
            if last in ("object", "for", "to") and not frame.passive or last == "subject" and frame.passive:
                return "taught"
        return None
