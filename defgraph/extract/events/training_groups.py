"""Trainings given by the members of a group: a coalition's members, or specialists sent by several states."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import AGENCY, COUNTRY, Event
from ..sentences import Sentence, sentence_before
from ..text import alternation, fold
from .trainees import trainee_alternation


class TrainingGroups:
    """Trainers named as members of a group (mixed into the training rules)."""

    def _group_members(self, sent: Sentence, low: str) -> bool:
        """`The coalition includes the U.S., the UK, …`, `… instructors from those countries are also
        involved in the training effort`: each country listed trains the group's trainee."""
        trainee = self.training_group
        trained = next((e.trainee for e in reversed(self.events) if e.cls == "Training"), None)
        before = sentence_before(self.sentences, sent)
        if trainee is None and trained is not None and (
                _sent_by().search(low) or _LISTED.match(low) and before and _PARTNERS.search(fold(before.text))):
            # "the training programme draws on specialists sent by A, B and C"; "partner forces signed up
            # to the programme. Among them are A, B and C": each trains whom the article's training trains
            trainee = trained
        if trainee is None:
            return False
        providers = alternation("provider_nouns")
        if not (_MEMBERS.match(low) or _sent_by().search(low) or _LISTED.match(low) or re.search(
                rf"\b(?:{providers})\s+from\s+(?:those|these|both|all)(?:\s+\w+)?\s+countries\b", low)):
            return False
        if len({m.key for m in self.in_sentence(sent, COUNTRY)} - {trainee}) < 2 and not _MEMBERS.match(low):
            return False
        providers = list(dict.fromkeys(m.key for m in self.in_sentence(sent, COUNTRY) if m.key != trainee))
        for provider in providers:
            self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider,
                                     trainee=trainee))
        return bool(providers)

    def _more_to_the_training(self, sent: Sentence) -> bool:
        """`Estonian instructors train Moldovan infantry. Besides Estonia, instructors from Finland and Norway take part in
        the programme`, `The gendarmeries of France and Italy also collaborate in this`: more trainers of the training told
        last; `Officers from the Chilean Navy and Ecuador also participated in the training course`: more trainees."""
        last = [e for e in self.events if e.cls == "Training"]
        before = sentence_before(self.sentences, sent)
        if not last or not before or last[-1].evidence.start != before.start:
            return False
        low = fold(sent.text)
        helps, joins = _HELP_TOO.search(low), _JOINED_TOO.search(low)
        if helps is None and joins is None:
            return False
        verb = helps or joins
        providers_words = alternation("provider_nouns")
        # who helps is a body or its instructors, with more than money or transport ("Poland also helps with logistics":
        # no trainer); who attends is trained or trains, not an onlooker ("Observers from Canada also attended")
        if helps is not None and (not re.search(rf"\b(?:{providers_words}|{_BODIES})\b", low[:verb.start()]) or _NOT_TEACHING.search(low)) \
                or joins is not None and (_ONLOOKERS.search(low[:verb.start()]) or not re.search(
                    rf"\b(?:{providers_words}|{trainee_alternation()})\b", low[:verb.start()])):
            return False
        told = [e for e in last if e.evidence.start == before.start]
        providers, trainees = list(dict.fromkeys(e.provider for e in told)), list(dict.fromkeys(e.trainee for e in told))
        here = [m for m in self.in_sentence(sent) if (m.family == COUNTRY or m.family == AGENCY and self.country_of(m.key))
                and m.start < sent.start + verb.start()  # (not "in Poland" where it takes place)
                and not re.search(r"\b(?:in|at)\s+(?:the\s+)?$", fold(self.text[max(sent.start, m.start - 8):m.start]))]
        new = [k for k in dict.fromkeys(m.key if m.family == COUNTRY else self.country_of(m.key) for m in here)
               if k not in providers + trainees]
        if not new:
            return False
        # instructors take part as trainers; others who attend a course are trained
        trainers = helps is not None or re.search(rf"\b(?:{providers_words})\b", low[:joins.start()])
        for one in new:
            for other in (trainees if trainers else providers):
                pair = (one, other) if trainers else (other, one)
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=pair[0], trainee=pair[1]))
        return True


# more to a training told just before: "… also collaborate in this", "… take part in the programme", "… also participated
# in the training course"
_HELP_TOO = re.compile(r"\balso\s+(?:collaborates?|cooperates?|contributes?|helps?|assists?)\s+(?:in|with|to)\b")
_JOINED_TOO = re.compile(r"\b(?:also\s+)?(?:participated|participate|participates|took\s+part|take\s+part|takes\s+part|attended|joined)\s+"
                         r"(?:in\s+)?(?:the|this)\s+(?:[\w-]+\s+){0,2}?(?:training|course|programme|program)\b")
# bodies that may help give a training, and help that is no teaching; onlookers who attend one
_BODIES = r"gendarmer\w*|forces|police|armies|army|navies|navy|guards?|specialists|experts|advisers|advisors|teams?|missions?"
_NOT_TEACHING = re.compile(r"\b(?:funding|funds|money|logistics|financ\w*|transport\w*|equipment|supplies)\b")
_ONLOOKERS = re.compile(r"\b(?:observers|guests|attach[eé]s|ambassadors|delegations?|visitors|dignitaries|officials|journalists)\b")
# a list under a sentence of partners: "Among them are A, B and C", "They include A and B"
_LISTED = re.compile(r"\s*(?:among\s+them\s+(?:are|were)|they\s+(?:are|were|include|included)|these\s+(?:are|were|include))\b")
_PARTNERS = re.compile(r"\bpartner\s+(?:forces|countries|nations|states|militaries)\b[^.;]*\b(?:signed\s+up|joined|take\s+part|took\s+part|taking\s+part|contribut)")
# "The coalition includes A, B and C": the group's members
_MEMBERS = re.compile(r"\s*(?:(?:the\s+)?(?:coalition|group|partners)|its\s+members|(?:the\s+)?(?:coalition|group)['’]s\s+members)"
                      r"\s+(?:includes?|comprises?|consists\s+of|is\s+made\s+up\s+of)\b")


@lru_cache(maxsize=1)
def _sent_by() -> re.Pattern:
    """Trainers of a programme named by who sent them (data/patterns.json `provider_nouns`): "the training
    programme draws on specialists sent by A, B and C"."""
    providers = alternation("provider_nouns", longest_first=True)
    return re.compile(rf"\b(?:training|programme|program|course|mission)\b[^.;]*\b(?:{providers})"
                      r"\s+(?:sent|provided|contributed|seconded)\s+by\b")
