"""Meetings: talks between named people, in person or by phone."""

from __future__ import annotations

import re
from functools import lru_cache

from ..clauses import tells_of
from ..gazetteer import gazetteer
from ..grammar import Frame
from ..mentions import people_nouns
from ..model import AGENCY, COUNTRY, PERSON, Event, Mention
from ..sentences import Sentence
from ..text import alternation, fold, patterns
from ..text import trigger_regex
from .people import BARE_GROUPS, WITH_HIM, group_subject, pronoun_meets
from .meeting_attendees import LED_BY, SOURCE, MeetingAttendees, honorific_then_name
from .meeting_ceremonies import NotMeetings
from .meeting_counterparts import ACCOMPANIED, MeetingCounterparts, escort_list, escorted

# a sentence that goes on with calls the visitor told before made: "It was followed by calling on A, B and meeting C"
_FOLLOWED_BY_CALLS = re.compile(r"(?:it|this|that)\s+was\s+followed\s+by\s+(?:an?\s+)?(?:calling\s+on|calls\s+on|courtesy\s+calls?"
                                r"|meeting\s+[A-Za-z]|meetings\s+with)")
# who sends what a visitor brings, not there: "an invitation from the Jordanian Minister of Defence, X", "a letter from Y"
_SENT_FROM = re.compile(r"\b(?:invitation|letter|message|greetings|note|regards|congratulations)\s+(?:[a-z]+\s+)?from\s+"
                        r"(?:the\s+|his\s+|her\s+)?(?:[^,.;()]{0,60},\s+)?(?:[\w.'’-]+\s+){0,3}$")
# "the combined Australia-New Zealand delegation": the visitors as one subject
_DELEGATION = re.compile(r"\bthe\s+(?:(?!and\b|with\b|his\b|her\b)[\w-]+\s+){0,3}?delegation\b")
# the capitalised words of a document's name, before a meeting word in it
_DOCUMENT_NAME = re.compile(r"\b(?:Memorandum|Agreement|Protocol|Arrangement|Treaty|Convention)\b"
                            r"(?:\s+(?:(?!Organi[sz]ation\b|Cent(?:re|er)\b)[A-Z][\w-]*|of|on|and|for|the))*\s+$")
# a meeting that did not take place: "could not meet", "has not yet met" (not "not only met", "not merely met")
_NEGATED = re.compile(r"\b(?:not|never|unable\s+to|failed\s+to)\s+(?:(?!only\b|just\b|merely\b|simply\b|even\b)[a-z]+\s+)?$")
# "He was warmly welcomed by the Commandant, General X": the one the text is about, received by X
_RECEIVED_BY = re.compile(r"\b(?:he|she)\s+(?:was|had\s+been)\s+(?:\w+\s+)?(?:received|welcomed|hosted)\s+by\b")
# "He made the remarks after talks with A": talks the subject held, said in an adjunct
_AFTER_TALKS = re.compile(r"(?:he|she)\b[^.;]*?\b(?:after|following|during)\s+(?:(?:his|her|the)\s+)?(?:[\w-]+\s+)?"
                          r"(?:talks|meetings?|(?:phone\s+)?call|conversation)\s+with\b")


class MeetingRules(NotMeetings, MeetingAttendees, MeetingCounterparts):
    """Meetings: talks between named people, in person or by phone."""

    def _meetings(self, sent: Sentence) -> None:
        """Meetings the sentence tells, with the one whose lead line it goes on ("Minister A:" / "met B;")."""
        before = len(self.events)
        self._meetings_told(sent)
        self._under_a_lead(sent, before)

    def _meetings_told(self, sent: Sentence) -> None:
        low = fold(sent.text)
        if self._attendees_of_last_meeting(sent, low):
            return
        if self._one_of_the_calls(sent, low):
            return
        if not trigger_regex("meeting_triggers").search(low):
            present = list(dict.fromkeys(m.key for m in self.in_sentence(sent, PERSON)))
            if len(present) <= 1 and _GATHERING.search(low):  # "A took part in a series of meetings"
                self.gathering = (present[0] if present else None, sent)
            return
        if self._signed_at_meeting(sent, low) or self._ceremony(low) or self._thing_received(sent, low) \
                or self._thing_met(sent, low):
            return
        found = [t for t in trigger_regex("meeting_triggers").finditer(low)]
        if all(_NEGATED.search(low[:t.start()]) or sent.text[t.start()].isupper() and _DOCUMENT_NAME.search(sent.text[:t.start()])
               for t in found):
            return  # "The delegation could not meet X", "A did not meet B" ("a Memorandum of Understanding on Security
            # and Defence Dialogue Exchange": a word of a document's name)
        if self._spoken_to_no_one(sent, low, found):
            return
        speech = alternation("speech_verbs")
        last = next((e for e in reversed(self.events) if e.cls == "Meeting"), None)
        named = {m.key for m in self.in_sentence(sent, PERSON)}
        if last is not None and re.search(rf"\b(?:{speech})\b", low) and all(
                re.search(r"\b(?:after|following)\s+the\s+$", low[:t.start()]) for t in found) and \
                all(k in last.participants or self._reporter(k) for k in named):
            return  # "After the meeting, Doe said: …": the meeting reported already, told of by someone
        people = []
        for m in self.in_sentence(sent, PERSON):
            if m.key not in people:
                people.append(m.key)
        for r in self.roles:
            if sent.start <= r.start < sent.end and not r.plural and not self._attached(r) and not self._in_aide_title(r) \
                    and not _PREDICATE.search(self.text[max(sent.start, r.start - 30):r.start]) \
                    and not honorific_then_name(self.text[r.end:r.end + 40]):
                who = self._title_reference(r, sent)
                if who and who not in people:
                    people.append(who)
        he = self._pronoun_subject(sent)
        verbs = alternation("pronoun_meeting_verbs")
        # "He had talks with …" opening a sentence; later in one, "had" says too little ("the ship he had")
        if he is not None and he not in people and (
                re.match(rf"(?:he|she)\s+(?:\w+\s+)?(?:had|{verbs})\b", low) or
                pronoun_meets(low) or
                _AFTER_TALKS.match(low) or _RECEIVED_BY.search(low) or self._hosts_person(sent, low)):
            # "He held meetings with A, B and C", "He spoke after talks with A", "He also received Admiral X": the
            # person the text is about
            people.insert(0, he)
        # ("This was followed by a meeting with his counterpart, General X": the counterpart is the one named)
        counterpart = re.search(r"\b(?:meeting|talks|discussions)\s+with\s+(?:his|her)\s+(?:[a-z-]+\s+)?counterpart\b", low)
        if len(people) == 1 and (re.search(r"\b(?:his|her)\b[^.;]*\b(?:meeting|talks|discussions)\s+with\b", low)
                                 or counterpart and all(m.start >= sent.start + counterpart.end()
                                                        for m in self.in_sentence(sent, PERSON))
                                 or _talks_with_open(low) or self._held_with(low) or WITH_HIM.match(sent.text) or re.match(
                r"(?:at|during|in)\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:meeting|talks|discussions)\s+with\b", low)
                and group_subject(low) is not None):
            # "Next on his schedule came a meeting with X", "The talks with X focused on …", "At a meeting with X, …",
            # "After the welcome ceremony, the meeting with X began"
            about = self._person_written_about(sent)
            if about is not None and about not in people:
                people.insert(0, about)
        titled_only = _title_subject().match(low) and not any(m.start < sent.start + found[0].start()
                                                           for m in self.in_sentence(sent, PERSON))
        # ("The visit began with a courtesy call on X": the visitor named before)
        visit_did = re.match(r"(?:the|this|his|her|their)\s+visit\s+(?:began|started|opened|continued|included|ended|closed)\b",
                             low)
        visitor = self._visitor(sent) if re.search(r"\bthe visiting [a-z]+", low) or titled_only or visit_did else None
        if visitor is None and _FOLLOWED_BY_CALLS.match(low):
            visitor = self._person_written_about(sent)  # "It was followed by calling on A and meeting B": the visitor's
        if visitor is not None and titled_only and any(  # ("The Philippine defence secretary met …": not a visitor of another state)
                m.start < sent.start + found[0].start() and m.key not in self._states_of(visitor)
                for m in self.in_sentence(sent, COUNTRY)):
            visitor = None
        if visitor is not None and visitor not in people:
            people.insert(0, visitor)  # "the visiting dignitary paid calls on A, B and C", "The Naval Chief called on …"
        leader = self._delegation_leader(sent, low) or self._delegation_leader_after(sent, low) if len(people) == 1 else None
        if leader is not None and leader not in people:
            people.insert(0, leader)  # "The team called on General B": the team's leader named before
        delegation = _DELEGATION.search(low)
        if delegation and last is not None and people and delegation.end() <= found[0].start() \
                and self._delegation_of(sent, delegation, last):
            # "the combined delegation held meetings with A and B": those of the meeting told last are in it
            people = [k for k in last.participants if k not in people] + people
        if len(people) == 1 and re.search(r"\b(meeting|talks|session|summit|conference)\b", low):
            # "... after a meeting of the contact group. Reznikov attended the session."
            nxt = next((x for x in self.sentences if x.start >= sent.end), None)
            if nxt is not None and re.search(r"\b(attended|joined|took part|participated)\b", fold(nxt.text)):
                people += [m.key for m in self.in_sentence(nxt, PERSON) if m.key not in people]
        if not people and (nxt := next((x for x in self.sentences if x.start >= sent.end), None)) is not None \
                and _REPRESENTED.search(fold(nxt.text)):
            # "The deputy ministers of A and B met … A was represented by C and D, while B's side sent E"; a side a sentence
            people = list(dict.fromkeys(m.key for m in self.in_sentence(nxt, PERSON)))
            after = next((x for x in self.sentences if x.start >= nxt.end), None)
            if after is not None and after.paragraph == nxt.paragraph and _REPRESENTED.search(fold(after.text)) \
                    and not _ELSEWHERE.search(fold(after.text)):
                people += [k for k in dict.fromkeys(m.key for m in self.in_sentence(after, PERSON)) if k not in people]
        if len(people) == 1:
            people += self._counterpart_named_later(sent, low, people[0]) or self._counterpart_named_before(sent, low, people[0])
        if len(people) == 1 and (titled := self._titled_subject(sent, low)) and titled not in people:
            people.insert(0, titled)  # "Meeting Canada's defence chief X, the minister pointed to …"
        group = group_subject(low, people=True)
        joined = bool(group and people and re.search(r"\bjoined by\b", low))
        if joined:
            # "the two ministers were joined by A and B": the two named before, and A and B
            hosts = self._recent_people(sent, 3 if "three" in group else 2, before=True, group=group)
            people = hosts + [k for k in people if k not in hosts] if hosts else people
        elif len(people) < 2 and group:
            # "The two ministers also discussed …": the people named last ("The two later met President C": and C)
            recent = self._recent_people(sent, 3 if "three" in group else 2, group=group)
            people = recent + [k for k in people if k not in recent and group in BARE_GROUPS] if recent else people
        elif len(people) < 2 and group_subject(low) and re.search(r"\b(?:during|at|in)\s+the\s+(?:meeting|talks)\b", low):
            # "During the meeting, the two sides reviewed …": those who signed or met just before
            people = self._signatories_or_hosts() or people
        # "A met B, adviser to President C", "B, President C's adviser": C is named in B's title;
        # "… who commanded the Air Force while C was president": C dates something else
        aside: dict[str, bool] = {}
        for m in self.in_sentence(sent, PERSON):  # aside only if every mention here is
            sender = _SENT_FROM.search(fold(self.text[sent.start:m.start]))  # (the first person after "from" only)
            aside[m.key] = aside.get(m.key, True) and (self._in_aide_title(m) or self._in_time_clause(m)
                                                       or SOURCE.search(self.text[sent.start:m.start]) is not None
                                                       or sender is not None and not any(
                                                           sent.start + sender.start() < o.start and o.end <= m.start
                                                           for o in self.in_sentence(sent, PERSON)))
        people = [k for k in people if not aside.get(k)]
        people = self._not_onlookers(sent, people)
        people = self._between_named(sent, low, found, speech, people)
        who = re.search(r",?\s+who\s+(?:[a-z]+\s+)?(?:met|held talks|talked|spoke)\b", low)
        if who:
            people = self._joined_before(sent.start + who.start(), sent) or people
        elif len(people) > 2 and not joined and not _TOOK_PART_IN.search(low):
            # people the grammar puts under another predicate ("witnessed by", "said") take no part
            mentions = [m for m in self.in_sentence(sent, PERSON)]
            frame = self._meeting_frame(sent, low, mentions)
            # ("Doe said the talk between A, B and C centred on …": who tells of the talk)
            # ("a delegation headed by X met A and B": X leads the side that meets)
            attending = _ATTENDED_BY.search(low)
            apart = {m.key for m in mentions if (frame.known(m) and frame.relation(m) is None
                     or tells_of(self.grammar, sent, m, frame.trigger_start)) and not (
                         m.start < frame.trigger_start and LED_BY.search(fold(self.text[max(sent.start, m.start - 80):m.start])))
                     and not (attending and sent.start + attending.start() < m.start < sent.start + attending.end()
                              and not tells_of(self.grammar, sent, m, frame.trigger_start))}
            kept = [k for k in people if k not in apart]
            people = kept if len(kept) >= 2 else people
        if len(people) >= 2 and any(  # (a person after the talks with a speech verb beside: parsed only then)
                m.start > sent.start + found[0].end() and (
                    re.match(rf"\s+(?:[\w-]+\s+)?(?:{speech})\b", fold(self.text[m.end:m.end + 30]))
                    or re.search(rf"\b(?:{speech})\s+(?:[\w-]+\s+){{0,4}}$", fold(self.text[max(sent.start, m.start - 40):m.start])))
                for m in self.in_sentence(sent, PERSON)):
            people = self._without_reporters_after(sent, low, people)
        reporters = [k for k in people if self._reporter(k)]
        tellers = {m.key for m in self.in_sentence(sent, PERSON) if m.key in reporters and re.match(
            rf",?\s+(?:[^,.;]{{0,60}},\s+)?(?:{speech})\s+(?:that\s+)?(?:the\s+[a-z]+|he|she|they)\b", fold(self.text[m.end:m.end + 100]))}
        if tellers and len(people) - len(tellers) < 2:
            return  # "spokesman A said the CDS had talks with B": A tells of talks he is not at, and the other is not named
        if reporters and len(people) - len(reporters) >= 2:
            mentions = [m for m in self.in_sentence(sent, PERSON) if m.key in reporters]
            frame = self._meeting_frame(sent, low, mentions)
            met = {m.key for m in mentions if frame.relation(m) in ("object", "with")}
            reporters = [k for k in reporters if k not in met]  # "A met spokesman C and General B": C is met
            people = [k for k in people if k not in reporters]  # "a readout from spokesperson C about A's call with B"
        if len(people) <= 1 and (_GATHERING.search(low) or _with_a_group().search(low)):
            self.gathering = (people[0] if people else None, sent)
        here = [m for m in self.in_sentence(sent, PERSON) if m.key in people]
        escorts = {m.key for m in here if escorted(self.text[max(sent.start, m.start - 120):m.start])}
        listed = escort_list(self.text, self.in_sentence(sent, PERSON), sent.start)  # (a list closed by "and": escorts)
        escort = ACCOMPANIED.search(low)
        if here and (escorts >= {m.key for m in here} or escort and escort.start() > 0
                     and all(m.start > sent.start + escort.end() for m in here)):
            # "He is accompanied on the visit by A and by B", "… was accompanied by A, B and C": those who go with a
            # visitor are one side (not "Accompanied by A, Minister B met C", whose B leads)
            return
        if listed and len([k for k in people if k not in listed]) < 2:
            return  # "During the visit, X was accompanied by A, B and C": who go with one meet no one by it
        if len([k for k in people if k not in escorts | listed]) >= 2:  # ("Accompanied by a delegation that included A, B met C")
            people = [k for k in people if k not in escorts | listed]
        if len(people) < 2:
            return
        each = self._one_by_one(sent, people)
        if each is None:
            return
        if not each and len(people) > 2 and re.search(r"\bcounterparts\s+from\b", low) and \
                re.search(r"\b(?:bilateral|separate)\s+(?:meetings|talks)\b", low):
            each = [[people[0], k] for k in people[1:]]  # "met his counterparts from A, B and C in bilateral meetings"
        date = self._date(sent, fallback=False) or self._signing_date(sent, low)
        date = date or self._date(sent)
        for group in each or [people]:
            self.events.append(Event("Meeting", self.evidence(sent), confidence=0.6, participants=group, date=date))

    def _hosts_person(self, sent: Sentence, low: str) -> bool:
        """`He also received Admiral Jan Lind`: "he" or "she" receives, hosts or welcomes a person named right
        after the verb, under a title at most (not "He received an award from X")."""
        verb = re.match(r"(?:he|she)\s+(?:\w+\s+)?(?:received|hosted|welcomed)\s+", low)
        first = next(iter(self.in_sentence(sent, PERSON)), None)
        return verb is not None and first is not None and re.fullmatch(
            r"(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}", self.text[sent.start + verb.end():first.start]) is not None \
            and not re.match(r"['’]s?\b", self.text[first.end:first.end + 2])  # ("He welcomed President X's decision")

    def _meeting_frame(self, sent: Sentence, low: str, mentions: list[Mention]) -> Frame:
        """The relations of the mentions to the sentence's first meeting trigger."""
        trig = trigger_regex("meeting_triggers").search(low)
        return self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), mentions)

    def _signatories_or_hosts(self) -> list[str]:
        """The people of the last agreement or meeting found, if it has two or more."""
        last = next((e for e in reversed(self.events) if e.cls in ("Agreement", "Meeting")), None)
        people = [k for k in (last.parties if last is not None and last.cls == "Agreement" else
                              last.participants if last is not None else [])
                  if k in self.entities and self.entities[k].family == PERSON]
        return people if len(people) >= 2 else []

    def _titled_subject(self, sent: Sentence, low: str) -> str | None:
        """`Meeting X, the minister said …`: the subject of a clause opened by a meeting, written as "the" and a
        title, is the last person named before who holds that title."""
        titles = alternation("group_titles")
        m = re.match(rf"(?:meeting|after\s+meeting|during\s+(?:his|her)\s+(?:meeting|talks)\s+with)\b([^,;]*),\s+the\s+"
                     rf"(?:[a-z-]+\s+)?((?:{titles})[a-z]*)\b", low)
        # the one met stands right after "meeting" ("Meeting Canada's defence chief X"), not "the deadline set by X"
        if m is None or re.search(r"\b(?:by|set|of|to|for|from|on|in|at|the)\b", m.group(1)) or \
                not any(x.end <= sent.start + m.end(1) for x in self.in_sentence(sent, PERSON)):
            return None
        word = m.group(2).rstrip("s")
        before = [x.key for x in reversed(self.mentions) if x.family == PERSON and x.end <= sent.start]
        return next((k for k in dict.fromkeys(before) if any(word in fold(r) for r, _ in self.entities[k].roles)), None)

    def _in_time_clause(self, m) -> bool:
        """Whether a person is the subject of a clause that says when ("while C was president"; not
        "while B was visiting A", which is the meeting itself), or one a memorial honours."""
        before, after = self.text[max(0, m.start - 12):m.start], self.text[m.end:m.end + 20]
        if re.search(r"\b(?:took over from|taking over from|succeeded|succeeding|replaced|replacing)\s+"
                     r"(?:[\w'’.-]+\s+){0,5}$", self.text[max(0, m.start - 80):m.start]):
            return True  # "since he took over from Defense Minister C": whom someone followed in office
        memorials = alternation("memorial_nouns")
        if re.search(rf"\b(?:{memorials})\s+(?:of|to|for|dedicated\s+to)\s+(?:(?!and\b|with\b|met\b|together\b|held\b)[\w'’.-]+\s+){{0,4}}$",
                     fold(self.text[max(0, m.start - 80):m.start])):
            return True  # "laid a wreath at the monument to President C": one honoured, not met
        return bool(re.search(r"\b(?:while|when|since|until)\s+$", before)
                    and re.match(r"\s+(?:was|were|had been|served as|became)\s+(?![a-z]+ing\b)", after))

    def _in_aide_title(self, m) -> bool:
        """Whether a person is named inside another's title: "adviser to President C", "C's envoy"."""
        aides = alternation("aide_nouns")
        before = self.text[max(0, m.start - 60):m.start]
        after = self.text[m.end:m.end + 40]
        return bool(re.search(rf"\b(?:{aides})\s+(?:to|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{0,4}}$", before)
                    or re.match(rf"['’]s\s+(?:[a-z-]+\s+)?(?:{aides})\b", after))

    def _visitor(self, sent: Sentence) -> str | None:
        """`India is hosting General Jane Doe on an official visit. … the visiting dignitary`, `Admiral Jane Doe
        visited the Maldives. The Naval Chief called on …`: the person an earlier sentence has hosted or visiting."""
        hosts = alternation("hosting_verbs")
        for earlier in reversed([x for x in self.sentences if x.end <= sent.start][-4:]):
            for m in self.in_sentence(earlier, PERSON):
                before = fold(self.text[max(earlier.start, m.start - 40):m.start])
                if re.search(rf"\b(?:{hosts})\s+(?:[\w-]+\s+){{0,4}}$", before) or \
                        re.match(r"['’]s\s+(?:[a-z]+\s+)?visit\b|\s+(?:is\s+)?(?:on|paid)\s+an?\s+(?:[a-z]+\s+)?visit\b"
                                 r"|,?\s+(?:visited|is\s+visiting|was\s+visiting|arrived\s+in)\b", self.text[m.end:m.end + 40]):
                    return m.key
        return None

    def _states_of(self, person: str) -> set[str]:
        """The state a person is of, or where the text does not say, the states named with the person's first mention
        ("Chilean Navy chief Admiral X": Chile)."""
        own = self.entities[person].country
        if own is not None:
            return {own}
        first = min(self.entities[person].mentions, key=lambda m: m.start)
        sent = next((x for x in self.sentences if x.start <= first.start < x.end), None)
        return {self.country_of(m.key) for m in (self.in_sentence(sent) if sent else []) if m.family in (COUNTRY, AGENCY)
                and m.end <= first.start and self.country_of(m.key)}

    def _joined_before(self, pos: int, sent: Sentence) -> list[str]:
        """"A and B, who met …": the people joined by "and" just before a relative clause."""
        persons = [m for m in self.in_sentence(sent, PERSON) if m.end <= pos]
        if not persons or pos - persons[-1].end > 2:
            return []
        out = [persons[-1]]
        for m in reversed(persons[:-1]):
            gap = self.text[m.end:out[-1].start]
            if not re.fullmatch(r"(?:,| and|, and)\s+(?:[A-Z][\w-]*\s+){0,4}", gap):
                break
            out.append(m)
        keys = list(dict.fromkeys(m.key for m in reversed(out)))
        return keys if len(keys) >= 2 else []

    def _attached(self, role: Mention) -> bool:
        return any(0 <= m.start - role.end <= 3 or 0 <= role.start - m.end <= 3
                   for m in self.between(role.start - 120, role.end + 4) if m.family == PERSON)


# a gathering of several people: "the meeting of EU defence ministers", "the summit"
_GATHERING = re.compile(r"\b(?:meetings?|summit|conference|session)\s+of\b|\bsidelines\b|\bon\s+the\s+margins?\s+of\b|\b(?:took\s+part|takes\s+part|"
                        r"participated|attended|attends|joined|joins|sat\s+in\s+on)\s+(?:in\s+)?"
                        r"(?:a|an|the|several|a\s+(?:series|string|round|number)\s+of)\s+"
                        r"(?:[\w'’-]+\s+){0,3}(?:meetings?|summit|talks)\b"
                        # "representatives of A and B began the 21st Bilateral Staff Meeting": talks opened by no one named
                        r"|\b(?:representatives|delegations)\b[^.;]{0,80}?\b(?:began|opened|started|convened)\s+(?:the|a|their)\s+"
                        r"(?:[\w'’-]+\s+){0,4}(?:meeting|talks)\b")

# "a working meeting in which A took part": those who take part in the meeting are at it
_TOOK_PART_IN = re.compile(r"\b(?:meeting|talks|session|discussions?)(?:\s+[\w-]+){0,3}?\s+(?:in|at)\s+which\b")
# "in a meeting also attended by C, D and E": those named after it, up to the next clause, are at the meeting
_ATTENDED_BY = re.compile(r"\b(?:meeting|talks|session|discussions?),?\s+(?:(?:that|which)\s+(?:was|were)\s+)?(?:also\s+)?"
                          r"(?:attended|joined)\s+by\b[^;]*?(?=,\s+(?:and|while|but|as|where)\b|;|[.!]?\s*$)")

# "since becoming defence minister": a title said of someone, not a reference to its holder
_PREDICATE = re.compile(r"\b(?:becoming|became|become|becomes|appointed|named|elected|sworn in as)\s+(?:the\s+|an?\s+)?$",
                        re.IGNORECASE)


# talks with someone that open a clause, after at most a short lead: "The talks with X", "After the ceremony, talks with X began"
# (not "No meeting with X is planned", "Planned talks with X were cancelled", "Last year, Kazakh talks with X")
_TALKS_WITH_OPEN = re.compile(r"(?:[^,;]{0,60},\s+)?(?:the\s+)?(?:(?!no\b|planned\b|future\b|possible\b|proposed\b|upcoming\b)"
                              r"(?P<word>[\w-]+)\s+)?(?:meeting|talks|discussions)\s+with\b")


def _talks_with_open(low: str) -> bool:
    """Whether talks with someone open the clause (`_TALKS_WITH_OPEN`), said of no other state ("Kazakh talks with X")."""
    opened = _TALKS_WITH_OPEN.match(low)
    return opened is not None and (opened.group("word") is None or opened.group("word") not in gazetteer().demonyms)


@lru_cache(maxsize=1)
def _title_subject() -> re.Pattern:
    """A subject that is a title alone (data/patterns.json `title_shape` heads) or a visitor's word for one person before a
    verb of meeting someone (`pronoun_meeting_verbs`): "The Naval Chief called on …", "Later, the visiting general met …"."""
    heads = "|".join(sorted({re.escape(h.lower()) for h in patterns()["title_shape"]["heads"]}, key=len, reverse=True))
    verbs = alternation("pronoun_meeting_verbs")
    # ("The Saudi official also met …": a visitor's word for one person does too)
    return re.compile(rf"(?:[^,;]{{0,40}},\s+)?the\s+(?:[\w-]+\s+){{0,3}}?(?:{heads}|official|visitor|guest|envoy)\s+"
                      rf"(?:also\s+|later\s+|then\s+)?(?:{verbs})\b")


# another time or gathering than the talks told: "last year", "in 2019", "at a summit", "separately"
_ELSEWHERE = re.compile(r"\bseparately\b|\b(?:last|next|previous)\s+(?:year|month|week|time)\b|\bin\s+(?:19|20)\d\d\b|\bat\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}"
                        r"(?:summit|conference|forum)\b")
# who stood for each side of a meeting told without names: "A was represented by X", "B's delegation was led by Y"
_REPRESENTED = re.compile(r"\b(?:was|were)\s+represented\s+by\b|\bdelegations?,?\s+(?:was\s+|were\s+)?(?:led|headed)\s+by\b"
                          r"|\bside\s+(?:sent|fielded)\b")


@lru_cache(maxsize=1)
def _with_a_group() -> re.Pattern:
    """Talks held with people named by no name ("held a meeting with officers of the agency"): a gathering that a
    person said to attend it later joins."""
    return re.compile(rf"\b(?:held|had|hosted|chaired)\s+(?:a|an)\s+(?:[\w-]+\s+){{0,2}}(?:meeting|talks)\s+with\s+"
                      rf"(?:the\s+)?(?:[\w-]+\s+){{0,2}}(?:{'|'.join(map(re.escape, sorted(people_nouns(), key=len, reverse=True)))})\b")
