"""Training given as a thing or said around a training word: thanked for, given with, run by, taught by
teachers and their trainees, or given with the things a sentence hands over."""

from __future__ import annotations

import re
from functools import lru_cache

from ..grammar import span_head
from ..model import AGENCY, COUNTRY, Event, Mention
from ..sentences import Sentence
from ..text import alternation, fold, patterns, trigger_regex
from .graduates import GraduateFinders


class TrainingGiven(GraduateFinders):
    """Trainings told by the words around a training word rather than by its own clause (mixed into the
    training rules)."""

    def _trigger_tokens(self, sent: Sentence, trig: re.Match) -> list:
        """The parsed words of a training trigger (offsets in `trig` are the sentence's)."""
        span = self.grammar.doc(sent).char_span(trig.start(), trig.end(), alignment_mode="expand")
        return list(span) if span is not None else []

    def _trains_with_what_it_gave(self, sent: Sentence, trig: re.Match) -> bool:
        """`France gives Benin's army 20 vehicles, trains drivers and mechanics`: a training verb that shares
        the subject of the sentence's handover trains the people of whom it hands things to."""
        verb = next((t for t in self._trigger_tokens(sent, trig) if t.pos_ == "VERB" and t.dep_ in ("conj", "advcl")
                     and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in t.children)
                     and any(c.dep_ == "dobj" for c in t.children)), None)
        given = next((e for e in self.events if e.cls == "Transfer" and e.evidence.start == sent.start
                      and e.supplier and e.recipient), None) if verb is not None else None
        one, other = (self.country_of(given.supplier), self.country_of(given.recipient)) if given else (None, None)
        if one is None or other is None or one == other:
            return False
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None or not any(m.start <= sent.start + subject.idx < m.end and self.country_of(m.key) == one
                                      for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)):
            return False  # ("Ukraine received tanks from Germany, trains crews": the receiver trains its own)
        self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=one, trainee=other))
        return True

    def _training_for(self, sent: Sentence, trig: re.Match, m: Mention) -> bool:
        """Whether the mention is (or qualifies) the object of the training noun's own "for" or "to" ("a training
        for Guatemalan marines", not "a training for deployment to Somalia")."""
        # (right after the noun: "a training for deployment to Somalia" hangs "to" on the training in the parse)
        phrases = {p.i for t in self._trigger_tokens(sent, trig) if t.pos_ == "NOUN" for p in t.children
                   if p.dep_ == "prep" and p.lower_ in ("for", "to")
                   and not any(x.pos_ in ("NOUN", "PROPN") for x in t.doc[t.i + 1:p.i])}
        t = span_head(self.grammar.doc(sent), m.start - sent.start, m.end - sent.start)
        while t is not None and t.head.i != t.i:
            if t.head.i in phrases:
                return t.dep_ == "pobj"
            if t.dep_ in ("prep", "pobj", "acl", "relcl"):
                return False
            t = t.head
        return False

    def _run_by(self, sent: Sentence, trig: re.Match, actors: list[Mention]) -> list[Mention]:
        """`a course run by the Russian military`, `the training, delivered by the ADF,`: who runs a course is the
        "by" of a participle of running it (data/patterns.json `course_running_participles`) said of the training
        noun ("a course attended by observers" is not)."""
        running = set(patterns()["course_running_participles"])
        # the trigger's own noun, or another training noun the trigger takes ("graduated from the course led by X")
        tokens = [t for other in trigger_regex("training_triggers").finditer(fold(sent.text))
                  for t in self._trigger_tokens(sent, other)]
        agents = [c for t in tokens if t.pos_ == "NOUN" for v in t.children
                  if v.dep_ == "acl" and v.tag_ == "VBN" and v.lower_ in running for c in v.children if c.dep_ == "agent"]
        return [a for a in actors if any(_under(sent, by, a) for by in agents)
                # ("completed training run by the U.S. Navy": the parse may take "training run" for a noun)
                or _run_by_written().search(fold(self.text[max(sent.start, a.start - 60):a.start]))
                # ("the training that the Australian Defence Force (ADF) gave them": the relative clause's subject)
                or _TRAINING_THAT.search(fold(self.text[max(sent.start, a.start - 40):a.start]))
                and _GAVE.match(fold(self.text[a.end:a.end + 40]))]

    def _talked_about(self, sent: Sentence, trig: re.Match) -> bool:
        """`they discussed maintenance and the training of Chilean technicians in Norway`: training that is
        the object of a verb of talks (data/patterns.json `topic_verbs`) is a subject, not training given."""
        for t in self._trigger_tokens(sent, trig):
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head  # "maintenance and the training"
            if t.dep_ == "dobj" and t.head.lower_ in patterns()["topic_verbs"]:
                # (not "the training of 40 technicians, which began in January": given, whoever talked of it)
                return not re.search(r",\s+which\s+(?:began|started|ended|concluded|was\s+completed)\b",
                                     fold(sent.text)[trig.end():])
        return False

    def _thanked_for_training(self, sent: Sentence) -> bool:
        """`Minister Fiqi thanked Türkiye for the training it gives the Somali army`: whom a speaker
        thanks or praises for training (data/patterns.json `gratitude_verbs`) give it, to the one
        other state the sentence names."""
        trig = trigger_regex("training_triggers").search(fold(sent.text))
        if trig is None:
            return False
        for tok in self._trigger_tokens(sent, trig):
            t = tok
            while t.dep_ == "conj" and t.head.i != t.i:
                t = t.head  # "the support and training"
            # "thanked A for the training", "commended A for supporting B in the areas of logistics and training"
            # (not a "Training" in a name, nor one in a clause of its own: "for the lead it has taken in X")
            path = list(t.ancestors)
            prep = next((a for a in path if a.dep_ == "prep" and a.lower_ == "for"
                         and a.head.lower_ in patterns()["gratitude_verbs"]), None)
            # (nor one a clause of its own gives: "thanked A for allowing B's troops to train C's soldiers")
            if prep is not None and (t.text[:1].isupper() and t.i > 0 or any(
                    a.dep_ in ("relcl", "acl") for a in path[:path.index(prep)]) or any(
                    c.dep_ in ("nsubj", "nsubjpass") for a in [t] + path[:path.index(prep)] for c in a.children)):
                prep = None
            verb = prep.head if prep is not None else None
            if verb is None or verb.lower_ not in patterns()["gratitude_verbs"]:
                continue
            thanked = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if thanked is None:
                return False
            if thanked.lower_ in patterns()["trainee_nouns"]:
                return True  # "praised the troops for their training": the trained, thanked for it
            states = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and self.country_of(m.key)]
            if any(_under(sent, t, m) and re.search(r"\b(?:from|by|in)\s+(?:the\s+)?$", self.text[max(0, m.start - 10):m.start])
                   for m in states):
                return False  # "for the training his troops received from Russia", "… sending officers to training in India"
            givers = {self.country_of(m.key) for m in states if _under(sent, thanked, m)}
            said = {self.country_of(m.key) for m in states if _under(sent, t, m)} - givers  # "… of Zambian pilots"
            # "for supporting Moldova and Ukraine with training": whom the thanked act is for
            gerund = next((a for a in path[:path.index(prep)] if a.dep_ == "pcomp" and a.head.i == prep.i), None)
            done_for = {self.country_of(m.key) for m in states if gerund is not None and _under(sent, gerund, m)} - givers
            others = said or done_for or {m.key for m in self.in_sentence(sent, COUNTRY)} - givers
            if givers and others and (len(others) == 1 or not said and done_for):
                self.events.extend(Event("Training", self.evidence(sent), confidence=0.6, provider=giver,
                                         trainee=trainee) for giver in sorted(givers) for trainee in sorted(others))
            return True  # thanks for training from no state, or to several, name no training
        return False

    def _trained_by_adjective(self, sent: Sentence) -> None:
        """`Somalia's US-trained special forces`: the state before "-trained" trained the forces of the
        state that owns them."""
        for made in re.finditer(r"\b([A-Z][\w'’]+)-trained\s+", sent.text):
            provider = next((m.key for m in self.in_sentence(sent, COUNTRY) if m.start == sent.start + made.start(1)), None)
            owner = next((m.key for m in self.in_sentence(sent, COUNTRY)
                          if re.fullmatch(r"['’]s\s+", self.text[m.end:sent.start + made.start()])), None)
            if provider is not None and owner is not None and provider != owner:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=provider,
                                         trainee=owner))

    def _training_given(self, sent: Sentence) -> None:
        """`A would go on supporting B with training`, `A supplied training and equipment to B`, `B profited
        from A-ian help with training`: training given as a thing, by a giver to a receiver (the verbs:
        data/patterns.json `training_giving_verbs`)."""
        low = fold(sent.text)
        verbs = alternation("training_giving_verbs")
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY) and self.country_of(m.key)]
        at = lambda i: sent.start + i
        provider = trainee = None
        more: list[str] = []  # ("offered by France and Germany": each)
        if self._teachers_and_their_trainees(sent):
            return
        with_training = re.search(rf"\b(?:{verbs})\s+(?P<obj>(?:[\w'’.-]+\s+){{1,6}}?)with\s+(?:[\w-]+\s+){{0,2}}?training\b", low)
        given = re.search(rf"\b(?:{verbs})\s+(?:[\w$€£,.-]+\s+){{0,5}}?training\b(?!{place_after().pattern})"
                          r"(?:[^.;]|\.\d){0,80}?\b(?:to|for)\s+(?:the\s+)?", low)
        # "The Indian Navy has given the Sri Lankan Navy training": to whom, right after the verb
        # (not the passive, "troops have been given Bundeswehr training"; nor a thing for training, "training jets")
        to_whom = re.search(r"\b(?:give|gives|gave|giving|(?<!been )(?<!\bbe )(?<!being )(?<!was )(?<!were )(?<!\bare )(?<!\bis )"
                            r"(?:given|offered|provided))\s+(?P<obj>(?:the\s+)?(?:[\w'’.-]+\s+){1,5}?)(?:[a-z-]+\s+)?training\b"
                            r"(?=\s*(?:$|[.,;:)]|(?:to|in|on|for|at|and|with|under|by|as|so|since|during|from)\b))", low)
        helped = re.search(r"\b(?:help|support|assistance|aid)\s+with\s+(?:[\w-]+\s+){0,2}?training\b", low)
        runners = alternation("course_running_participles")
        benefited = re.search(rf"\bbenefit\w*\s+from\s+(?:[\w-]+\s+){{0,3}}?(?P<what>training|courses?)\b[^.;]{{0,60}}?\b(?:{runners})\s+by\s+"
                              r"(?:the\s+)?", low)
        takers = alternation("training_receiving_verbs")
        received = re.search(rf"\b(?:{takers})\s+(?:[\w$€£,.-]+\s+){{0,5}}?training\b(?:[^.;]|\.\d){{0,80}}?\bfrom\s+(?:the\s+)?", low)
        if with_training:
            provider = next((a for a in reversed(actors) if a.end <= at(with_training.start())), None)
            trainee = next((a for a in actors if at(with_training.start("obj")) <= a.start < at(with_training.end("obj"))), None)
        elif given or to_whom:
            if given:
                provider = next((a for a in reversed(actors) if a.end <= at(given.start())), None)
                trainee = next((a for a in actors if a.start == at(given.end())), None)
            if to_whom and trainee is None:
                provider = next((a for a in reversed(actors) if a.end <= at(to_whom.start())), None)
                trainee = next((a for a in actors if at(to_whom.start("obj")) <= a.start < at(to_whom.end("obj"))), None)
        elif received:  # "Ghana will receive spare parts, training and support from the United States"
            trainee = next((a for a in reversed(actors) if a.end <= at(received.start())), None)
            provider = next((a for a in actors if a.start == at(received.end())), None)
            verb = self.grammar.frame(sent, at(received.start()), at(received.start()) + len(received.group().split()[0]),
                                      [provider] if provider else [])
            provider = provider if provider and (verb.relation(provider) or "").split(":")[-1] == "from" else None
        elif benefited and not place_after().match(low, benefited.end("what")) \
                and not re.search(r"\b(?:not|never)\s+(?:[a-z]+\s+)?$", low[:benefited.start()]):
            # "Ghana benefited from training programmes offered by France" (not "from a training camp", "has not benefited")
            trainee = next((a for a in reversed(actors) if a.end <= at(benefited.start())), None)
            provider = next((a for a in actors if a.start == at(benefited.end())), None)
            more = [k for k in self._coordinated_with(provider.key, actors) if k != provider.key] if provider else []
        elif helped:
            provider = next((a for a in actors if a.end == at(helped.start()) - 1 and a.source == "demonym"), None)
            trainee = next((a for a in actors if a.end <= at(helped.start()) and a is not provider), None)
        if provider is None or trainee is None:
            return
        other = self.country_of(trainee.key)
        for one in self._distinct([self.country_of(provider.key)] + [self.country_of(k) for k in more]):
            if one and other and one != other:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=one, trainee=other))

    def _team_stationed(self, sent: Sentence) -> None:
        """`the Indian Military Training Team in Tanzania`, `the British Military Advisory and Training Team (BMATT) in
        Sierra Leone`: a state's training team named where it serves trains that state."""
        countries = self.in_sentence(sent, COUNTRY)
        for own in countries:
            m = _TEAM_IN.match(sent.text, own.start - sent.start)
            there = next((a for a in countries if m and a.start == sent.start + m.end()), None)
            if there is not None and own.key != there.key:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=own.key, trainee=there.key))

    def _teachers_and_their_trainees(self, sent: Sentence) -> bool:
        """`the Canadian instructors and their Ukrainian trainees`: those who teach, of one state, and those
        they teach, of another."""
        for m in _teachers_and_taught().finditer(fold(sent.text)):
            one = next((a for a in self.in_sentence(sent, COUNTRY) if re.fullmatch(r"\s+(?:[a-z-]+\s+)?",
                                                                            self.text[a.end:sent.start + m.start()])), None)
            other = next((a for a in self.in_sentence(sent, COUNTRY) if a.start == sent.start + m.start(1)), None)
            if one is not None and other is not None and one.key != other.key:
                self.events.append(Event("Training", self.evidence(sent), confidence=0.5, provider=one.key,
                                         trainee=other.key))
                return True
        return False


# a state's word, the capitalised name of its military training team, where it serves: "Indian Military Training Team in "
_TEAM_IN = re.compile(r"[\w'’.-]+\s+(?:(?:[A-Z][\w-]*|and)\s+){0,3}?Military\s+(?:(?:[A-Z][\w-]*|and)\s+){0,2}?Training\s+Team\s+"
                      r"(?:\([A-Z]+\)\s+)?(?:in|to)\s+(?:the\s+)?")


def _under(sent: Sentence, tok, m: Mention) -> bool:
    """Whether the mention lies within the words a parsed word heads (offsets in `sent`'s article)."""
    return sent.start + tok.left_edge.idx <= m.start and m.end <= sent.start + tok.right_edge.idx + len(tok.right_edge)


def names_place(low: str, trig: re.Match) -> bool:
    """Whether a training word names a place or a kind of equipment ("the training ground", "training helicopters");
    a verb's object never does ("to train fighters of the National Guard": people, not jets)."""
    return trig.group() not in _TRAINING_VERBS and place_after().match(low, trig.end()) is not None


_TRAINING_VERBS = frozenset({"train", "trains", "trained", "teach", "teaches", "taught"})


def said_of_no_one(low: str, trig: re.Match) -> bool:
    """Whether a training word is said of no people taught: animals ("dogs trained to detect explosives") or the use
    of gear ("equipment for mountain training")."""
    return _ANIMALS_OR_GEAR.search(low, 0, trig.start()) is not None


# what a training word right after it is said of without teaching anyone
_ANIMALS_OR_GEAR = re.compile(r"\b(?:dogs?|canines?|horses?|animals?)\s+(?:[a-z]+\s+){0,2}$"
                              r"|\b(?:equipment|gear|simulators?|kits?|materiel|materials?|supplies)\s+for\s+(?:[a-z-]+\s+){0,2}$")


@lru_cache(maxsize=1)
def _teachers_and_taught() -> re.Pattern:
    """`instructors and their Ukrainian trainees` (data/patterns.json `provider_nouns`, `trainee_nouns`)."""
    taught = "|".join(sorted(map(re.escape, patterns()["trainee_nouns"] + ["trainees", "students"]), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternation('provider_nouns', longest_first=True)})\s+and\s+their\s+(\S+)\s+(?:{taught})\b")


@lru_cache(maxsize=1)
def place_after() -> re.Pattern:
    """What after "training" makes it name a place or a kind of equipment ("training helicopters": data/patterns.json
    `training_place_nouns`, `kit_nouns`)."""
    from ..mentions import kit_alternation  # (mentions reads the model, which the events read)
    places = "|".join(map(re.escape, sorted(patterns()["training_place_nouns"], key=len, reverse=True)))
    kinds = kit_alternation()
    people = "|".join(map(re.escape, sorted(patterns()["trainee_nouns"], key=len, reverse=True)))
    # ("trained tank crews", "training drone operators": the people of a kind of system are trained)
    return re.compile(rf"\s+(?:(?:{places})\b|(?:{kinds})\b(?!\s+(?:{people})\b))")


@lru_cache(maxsize=1)
def _run_by_written() -> re.Pattern:
    """A training noun, a participle of running a course (data/patterns.json `course_running_participles`) and "by",
    right before the one who runs it: "training run by the"."""
    return re.compile(rf"\b(?:training|courses?|programm?e)\s+(?:{alternation('course_running_participles')})\s+by\s+"
                      r"(?:the\s+)?(?:[\w.'’-]+\s+){0,3}$")


# a training noun and a relative clause whose subject gives it: "training that the ADF gave them"
_TRAINING_THAT = re.compile(r"\b(?:training|courses?|instruction)\s+(?:that|which)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}$")
_GAVE = re.compile(r"(?:\s+\([a-z]{2,8}\))?\s+(?:has\s+|had\s+|have\s+)?(?:gave|gives|given|provided|provides|delivered|delivers"
                   r"|conducted|conducts|ran|runs|offered|offers|organi[sz]ed)\b(?!\s+(?:it\s+)?to\b)")
