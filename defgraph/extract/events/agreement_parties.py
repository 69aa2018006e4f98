"""Who is party to an agreement: the actors a sentence offers, states behind signatories, implied buyers,
the maker of what a contract is for, a company described by its state; a document told again, and the
order a contract for one side's systems is."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import agency_key, gazetteer
from ..model import AGENCY, COUNTRY, EQUIPMENT, PERSON, Event, Mention
from ..resolve.kit import kit_class, kit_regex
from ..resolve.kit_referents import same_kind
from ..sentences import Sentence, sentence_before
from ..text import alternation, fold, maker_suffix, patterns, trigger_regex
from .agreement_names import _future
from .context import stands_for_state


class AgreementParties:
    """Who is party to an agreement: the actors a sentence offers, states behind signatories, implied buyers."""

    def _actors(self, sent: Sentence, families: tuple[str, ...]) -> list[Mention]:
        """Who may be a party: no country that only qualifies a name ("South Korea's Hanwha", the
        "Chilean" of "the Chilean Army", "Naval Group (France)"), nor one named in a label in single quotes."""
        # "In 'Signal to Russia', …": a label in single quotes names no party (a quoted signing does)
        quoted = [(q.start(), q.end()) for q in _QUOTED.finditer(sent.text)
                  if not trigger_regex("signing_verbs").search(fold(q.group()))
                  and not re.search(r"\b(?:titled|entitled|called|named)\s+$", sent.text[:q.start()])]  # (a document's title names its parties)
        found = [m for m in self.in_sentence(sent) if m.family in families and not m.inside
                 and not any(qs < m.start - sent.start and m.end - sent.start < qe for qs, qe in quoted)]
        made = re.compile(rf"(?:{maker_suffix()})\b")
        # ("Naval Group (France)": a state in brackets after a name says whose it is)
        found = [m for m in found if not (m.family == COUNTRY and self.text[max(0, m.start - 1):m.start] == "("
                                          and self.text[m.end:m.end + 1] == ")")]
        return [m for m in found if not (m.family == COUNTRY and (
            self._qualifies_next(m) and not _PLURAL_BODY.match(self.text, m.end) and not stands_for_state(self.text, m)
            and not trigger_regex("signing_verbs").match(fold(self.text[m.end + 1:m.end + 16])) or any(
                o is not m and o.family == AGENCY and o.start <= m.start and m.end <= o.end for o in found)))
            and not made.match(self.text, m.end)  # "Boeing-built aircraft": the maker signs nothing here
            # "a contract that includes 25 Lockheed Martin stealth fighters": a maker between a count and a kind
            and not (m.family == AGENCY and re.search(r"(?<![\w,.])(?!(?:19|20)\d\d\b)\d{1,3}(?:,\d{3})*\s+$",
                                                      self.text[max(0, m.start - 12):m.start])
                     and not re.search(r"[A-Z][a-z]+\s+\d{1,2}\s+$", self.text[max(0, m.start - 16):m.start])
                     and re.match(r"\s+[a-z]", self.text[m.end:m.end + 3]))
            and not (m.family == AGENCY and self._titles_a_person(m))
            and not (m.family == COUNTRY and self._titles_a_person(m, after_only=True))
            and not (m.family == COUNTRY and _opponent_before().search(fold(self.text[max(sent.start, m.start - 30):m.start]))
                     and not _ENDS_WAR.search(fold(sent.text)))]  # (a peace that ends the war with X is X's too)

    def _signed_for(self, sent: Sentence, actors: list[Mention]) -> list[str]:
        """`signed by A, Chief of Staff, for Bangladesh and by B, …, for Qatar`, `signed on behalf of X by A,
        and for Y by B`, `signed by A on behalf of X and B on behalf of Y`: the states or bodies each
        signatory signed for (fewer than two: [])."""
        by = re.search(r"\bby\b", fold(sent.text))
        if by is None:
            return []
        sides = self._distinct([a.key for a in actors if a.family in (COUNTRY, AGENCY) and (re.search(
            r"[A-Za-z.)],\s+for\s+(?:the\s+)?$", self.text[max(sent.start, a.start - 12):a.start]) or re.search(
            r"(?:\bon\s+behalf\s+of|\band\s+for|\bsigned\s+for)\s+(?:the\s+)?$", self.text[max(sent.start, a.start - 20):a.start])
            and (re.match(r"\s+by\b", self.text[a.end:a.end + 4]) or a.start > sent.start + by.end()
                 and re.search(r"\bon\s+behalf\s+of\s+(?:the\s+)?$", self.text[max(sent.start, a.start - 20):a.start])))])
        return sides if len(sides) >= 2 else []

    def _maker_of_systems(self, sent: Sentence, after: int) -> str | None:
        """The one company that makes the systems a contract is for, written in their names or right
        before them ("a contract for two Airbus A400M aircraft")."""
        makers = set()
        for m in self.in_sentence(sent, EQUIPMENT):
            # "a contract for two X", not "a contract for spare parts for its X"
            if m.start < after or not re.fullmatch(r"\s+for\s+(?:the\s+)?(?:[\w-]+\s+)?", self.text[after:m.start]) \
                    or re.search(r"\b(?:its|their|his|her)\b", self.text[after:m.start]):
                continue
            ent = self.entities.get(m.key)
            maker = gazetteer().entry(ent.facts.manufacturer) if ent and ent.facts.manufacturer else None
            first = m.text.split()[0]
            # "Airbus A400M" of Airbus Defence and Space: the company as the name writes it
            written = maker is not None and len(m.text.split()) > 1 and maker.name.split()[0] == first
            if written:
                named = gazetteer().entry(agency_key(first))
                maker_key = named.key if named is not None and named.cls == "Company" else maker.key
            before = next((a.key for a in self.between(m.start - 60, m.start) if a.family == AGENCY
                           and a.end == m.start - 1 and a.key in self.entities
                           and self.entities[a.key].cls == "Company"), None)
            if before or written:
                makers.add(before or maker_key)
        return makers.pop() if len(makers) == 1 else None

    def _company_described(self, sent: Sentence, party: str) -> str | None:
        """`a contract with US arms maker …`: a state written before a word for a company stands for the one
        company of that state the article names (None when it names none or several)."""
        words = alternation("company_descriptors", longest_first=True)
        # (not "German company Diehl Defense": a company named there is named; only a side signed "with")
        if not any(m.key == party and re.match(rf"\s+(?:[a-z-]+\s+)?(?:{words})\b(?!\s+[A-Z])", self.text[m.end:m.end + 40])
                   and re.search(r"\bwith\s+(?:an?\s+|the\s+)?$", self.text[max(0, m.start - 12):m.start])
                   for m in self.in_sentence(sent, COUNTRY)):
            return None
        companies = {k for k, e in self.entities.items() if e.cls == "Company" and self.country_of(k) == party}
        return companies.pop() if len(companies) == 1 else None

    def _states_named_last(self, sent: Sentence, n: int) -> list[str]:
        """`… Indian and Australian firms. The two countries exchanged an arrangement`: the n states the
        nearest of the last three sentences before name, else []."""
        before = [s for s in self.sentences if s.end <= sent.start][-3:]
        for prev in reversed(before):
            states = self._distinct([m.key for m in self.in_sentence(prev, COUNTRY)])
            if len(states) == n:
                return states
            if len(states) > n:
                return []
        return []

    def _states_of_talks_before(self, sent: Sentence, many: bool = False) -> list[str]:
        """`Ghana and Togo held defence talks.`: the two states of the sentence before, in the same paragraph,
        where it tells of talks (a meeting found there, or a word of meeting), else []; the two who met, where it
        tells of one meeting of two people ("a videoconference between A and his Chilean colleague B"); with `many`,
        the one state named before the word of talks, then the others, where it names more than two."""
        prev = sentence_before(self.sentences, sent)
        if prev is None or prev.paragraph != sent.paragraph:
            return []
        met = [e for e in self.events if e.cls == "Meeting" and e.evidence.start == prev.start]
        if len(met) == 1 and len(met[0].participants) == 2 and not re.search(r"\bby\b|\b(?:19|20)\d\d\b", sent.text):
            return list(met[0].participants)  # (not one signed by others, or in another year: "signed in 2019")
        word = trigger_regex("meeting_triggers").search(fold(prev.text))
        states = self._distinct([m.key for m in self.in_sentence(prev, COUNTRY)])
        if many:  # (the host alone before the talks, the others after: "A held talks with the chiefs of B, C and D")
            host = self._distinct([m.key for m in self.in_sentence(prev, COUNTRY) if word and m.start < prev.start + word.start()])
            return states if len(host) == 1 and len(states) > 2 and states[0] == host[0] else []
        return states if (met or word) and len(states) == 2 else []

    def _titles_a_person(self, m: Mention, after_only: bool = False) -> bool:
        """`Department of National Defense (DND) Secretary Jane Doe`, `Jane Doe, commander of the Navy`: a
        body (`after_only`: a state, in a title set after the name) named in a person's title qualifies the
        person and signs nothing of its own."""
        for r in self.roles:
            if not after_only and 0 <= r.start - m.end <= 10 and re.fullmatch(r"[\s)]*(?:\([^()]*\)\s*)?", self.text[m.end:r.start]):
                return any(p.family == PERSON and 0 <= p.start - r.end <= 2 for p in self.between(r.end, r.end + 3))
            # "Jane Doe, commander of the Navy": the body of a title set after the name
            if 0 <= m.start - r.end <= 30 and re.fullmatch(r"\s+(?:[\w-]+\s+){0,4}?(?:of|at)\s+(?:the\s+)?",
                                                            self.text[r.end:m.start]) or after_only and r.start <= m.start < r.end:
                # (or before it: "the Minister of Defence of Ukraine Jane Doe")
                return any(p.family == PERSON and re.fullmatch(r",\s*", self.text[p.end:r.start])
                           for p in self.between(r.start - 60, r.start)) \
                    or any(p.family == PERSON and 0 <= p.start - m.end <= 1 for p in self.between(m.end, m.end + 2))
        return False

    def _contract_of_last_transfer(self, sent: Sentence) -> None:
        """`Acme has handed over the Niani to Senegal. … Senegal's Ministry of Armed Forces signed the contract
        for the three vessels in 2019`: "the" contract one buyer signed for what the last transfer moved to
        its state is an agreement with that transfer's seller (its company where that sentence names one)."""
        low = fold(sent.text)
        table = patterns()["agreement_triggers"]
        trig = next((t for t in trigger_regex("agreement").finditer(low) if table.get(t.group(1)) == "contract"
                     and re.search(r"\bthe\s+$", low[max(0, t.start() - 4):t.start()])
                     and re.match(r"\s+for\s+the\b", low[t.end():])), None)
        verb = self._signing_verb(sent, low)
        last = self.last_transfer
        if trig is None or verb is None or verb.start() > trig.start() or last is None or last.supplier is None \
                or any(neg in low for neg in patterns()["negative_cues"]) or _future(low[:verb.start()]):
            return  # ("will sign the contract for …", "has not signed …": nothing signed)
        kinds = [kit_class(k.group()) for k in kit_regex().finditer(low, trig.end())][:1]
        if last.equipment and last.equipment[0] in self.entities and kinds \
                and not same_kind(kinds[0], self.entities[last.equipment[0]].cls):
            return  # "the contract for the new drones" after tanks handed over: another purchase
        buyers = self._distinct([a.key for a in self._actors(sent, (AGENCY, COUNTRY))])
        if len(buyers) != 1 or self.country_of(buyers[0]) != last.recipient or self._sells(buyers):
            return
        said = next((x for x in self.sentences if x.start == last.evidence.start), None)
        makers = self._distinct([m.key for m in self.in_sentence(said, AGENCY) if self._sells([m.key])
                                 and self.country_of(m.key) == last.supplier]) if said is not None else []
        self._add_agreement(sent, [buyers[0], makers[0] if len(makers) == 1 else last.supplier], "contract")

    def _signing_verb(self, sent: Sentence, low: str) -> re.Match | None:
        """The first verb of signing; one that signs only what it takes as its direct object ("renewed",
        "extended", "exchanged") only where no other verb of signing is written and a document is that
        object ("renewed its threats after A and B signed agreements": "signed"; "renewed its criticism of
        the agreement": none)."""
        verbs = list(trigger_regex("signing_verbs").finditer(low))
        only = patterns()["object_only_signing_verbs"]
        plain = [v for v in verbs if v.group(1) not in only]
        return plain[0] if plain else next((v for v in verbs if self._takes_document(sent, v)), None)

    def _takes_document(self, sent: Sentence, verb: re.Match) -> bool:
        """Whether a document is the direct object of the verb at `verb` (offsets in the sentence)."""
        near = fold(sent.text)[verb.end():verb.end() + 50]
        if not trigger_regex("agreement").search(re.split(r"[,;:.]", near)[0]):
            return False  # (no document named right after the verb: nothing to parse for)
        span = self.grammar.doc(sent).char_span(verb.start(), verb.end(), alignment_mode="expand")
        def names_document(c) -> bool:  # the object's head within a document's name ("renewed the Statement of Intent")
            found = trigger_regex("agreement").search(fold(sent.text[c.left_edge.idx:c.right_edge.idx + len(c.right_edge.text)]))
            return found is not None and found.start() <= c.idx - c.left_edge.idx < found.end()
        return span is not None and len(span) > 0 and any(c.dep_ == "dobj" and names_document(c) for c in span[-1].children)

    def _told_before(self, low: str, parties: list[str], kind: str) -> Event | None:
        """`Poland and Thales signed an agreement. The agreement was signed by A, of the Polish agency, and
        B, CEO of Thales`: "the" document of a kind told before, between the same states, is that one ("the
        deal", "the agreement" said of any kind: "A and B signed a memorandum. … inked the deal")."""
        states = {self.country_of(k) or k for k in parties}
        # a bare "the deal" may be any kind told before; "the agreement on K9 howitzers" is one of its own
        bare = any(re.search(r"\bthe\s+$", low[:t.start()]) and " " not in t.group(1) and not re.match(
                   r"\s+(?:on|for|to|covering|concerning|regarding|with|of)\b(?!\s+(?:the\s+sidelines|[a-z]+day\b|\d))",
                   low[t.end():])  # ("the deal on the sidelines of …", "on Monday": no topic of its own)
                   and patterns()["agreement_triggers"].get(t.group(1)) == "agreement"
                   for t in trigger_regex("agreement").finditer(low))
        if not definite_document(low):
            return None
        return next((e for e in self.events if e.cls == "Agreement" and (e.kind == kind or bare and kind == "agreement")
                     and {self.country_of(k) or k for k in e.parties} == states), None)

    def _told_again(self, sent: Sentence, low: str, parties: list[str], kind: str) -> bool:
        """Whether the sentence tells again of a document told before, which then takes the day said here
        ("Acme has signed a contract …, it said on Tuesday. The contract was signed on 4 March by …")."""
        told = self._told_before(low, parties, kind)
        sides = {c.key for c in self.in_sentence(sent, COUNTRY) if re.match(r"\s+side\b", self.text[c.end:c.end + 6])
                 and re.search(r"\b(?:for|on\s+behalf\s+of)\s+the\s+$", fold(self.text[max(sent.start, c.start - 20):c.start]))}
        if told is None and len(sides) == 2 and sum(k in self.entities and self.entities[k].family == PERSON for k in parties) >= 2:
            # "The memorandum was signed for the Kenyan side by A and for the Moroccan side by B": signed for those states
            told = self._told_before(low, sorted(sides), kind)
        if told is not None:
            told.date = self._date(sent, fallback=False) or told.date
        return told is not None

    def _purchase_by_contract(self, sent: Sentence, parties: list[str], kind: str) -> None:
        """A contract or deal between two countries for a system made by one of them is an order by the other."""
        if kind not in ("contract", "agreement") or len(parties) != 2:
            return
        countries = [self.country_of(p) for p in parties]
        # a contract with one company: it sells, as its state ("between the ministry and Acme")
        makers = [i for i, p in enumerate(parties) if p in self.entities and self.entities[p].cls in ("Company", "StateEnterprise")]
        for m in self.in_sentence(sent, EQUIPMENT):
            if self._served(m):
                continue  # "covers technical support to the X radars": X is served, not bought
            origin = self._origin(m)
            if origin not in countries and len(makers) == 1:
                origin = countries[makers[0]]
            if origin not in countries and not makers:
                # "Kenya signed a contract with Britain for two X": the side it was signed with sells
                origin = next((self.country_of(x.key) for x in self.in_sentence(sent) if x.key in parties
                               and re.search(r"\bwith\s+(?:the\s+)?$", self.text[max(0, x.start - 10):x.start])
                               and re.fullmatch(r"\s+for\s+(?:the\s+)?(?:[\w-]+\s+){0,2}", self.text[x.end:m.start])
                               and not re.search(r"\b(?:of|its|their|his|her)\b", self.text[x.end:m.start])), origin)
            if origin in countries and None not in countries and countries[0] != countries[1]:
                buyer = countries[1 - countries.index(origin)]
                self._add_transfer(sent, origin, buyer, m, "ordered", True)

    def _headline_documents_told_again(self) -> None:
        """`India, Peru ink defence pact` over a body that tells the memorandum the same parties signed: a
        document of no particular kind in the headline is the one the body tells."""
        head = self.headline
        if head is None:
            return
        body = [e for e in self.events if e.cls == "Agreement" and not head.start <= e.evidence.start < head.end]
        self.events = [e for e in self.events if not (
            e.cls == "Agreement" and e.kind == "agreement" and head.start <= e.evidence.start < head.end
            and any(set(o.parties) == set(e.parties) for o in body))]

    def _implied_buyer(self, seller: str | None) -> str | None:
        """The state that buys a contract's goods when the text leaves it out: the country the
        article is most about other than the seller's, by its ministry or procurement agency if the
        article names one."""
        ranked = self._top_countries(3)
        others = [c for c in ranked if c != seller]
        home = others[0] if others else ranked[0] if ranked else None  # a domestic buy when no other
        # a seller of the state the article is about sells at home where the article names that state's buyer
        own = self._buying_bodies(seller) if ranked and seller == ranked[0] else {}
        counts = own or self._buying_bodies(home)
        return max(counts, key=lambda k: counts[k]) if counts else home

    def _buying_bodies(self, state: str | None) -> dict[str, int]:
        """The ministries and agencies the article names of `state` (any state's where None), with how often."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            ent = self.entities.get(m.key)
            # with no country named, the ministry the article names of the state it implies
            if ent is not None and ent.cls in ("Ministry", "GovernmentAgency") and \
                    (self.country_of(m.key) == state or state is None and self.country_of(m.key) is not None):
                counts[m.key] = counts.get(m.key, 0) + 1
        return counts

    def _signatories_of_named_parties(self) -> None:
        """`Japan, Australia sign deal` / `Hamada and Marles signed a memorandum`: where the article
        names the parties of a document, its signatories are no parties of another one."""
        agreements = [e for e in self.events if e.cls == "Agreement"]
        named = [e for e in agreements if all(self.entities[k].family != PERSON for k in e.parties if k in self.entities)]
        by_country = {(frozenset(map(self.country_of, e.parties)), e.kind) for e in named}
        by_body = [set(e.parties) for e in named]
        # (signatories whose states the text leaves out may stand beside one whose state it names; two of
        # one state sign "the" document told before: "The memorandum, which A and B signed with C looking on")
        self.events = [e for e in self.events if e.cls != "Agreement" or not (
            all(k in self.entities and self.entities[k].family == PERSON for k in e.parties) and (
                ((known := [c for c in map(self.country_of, e.parties) if c])
                 and (len(set(known)) == len(known) or definite_document(fold(e.evidence.text)))
                 and any(set(known) <= states and (len(known) >= 2 or kind == e.kind) for states, kind in by_country))
                # "IMOD and Rafael sign contract" ... "its director and Rafael CEO X signed it"
                or any(k is not None and k in body for body in by_body
                       for k in (self.entities[p].organization for p in e.parties))))]

    def _states_of_signatories(self) -> None:
        """`Germany and the United Kingdom have agreed on closer cooperation. … Minister Jane Doe and
        her British counterpart John Roe signed a declaration`: the signatories of two states that the
        same paragraph names together before them sign for those states."""
        for ev in self.events:
            if ev.cls != "Agreement" or len(ev.parties) != 2 or \
                    not all(k in self.entities and self.entities[k].family == PERSON for k in ev.parties):
                continue
            states = {self.country_of(k) for k in ev.parties}
            if None in states or len(states) != 2:
                continue
            here = next(s for s in self.sentences if s.start == ev.evidence.start)
            earlier = [s for s in self.sentences if s.paragraph == here.paragraph and s.start < here.start]
            if any(self._coordinated_states(s) == states for s in earlier):
                ev.parties = sorted(states)

    def _coordinated_states(self, sent: Sentence) -> set[str]:
        """The two states a sentence lists as "A and B" (names, not adjectives), if it does."""
        named = [m for m in self.in_sentence(sent, COUNTRY) if m.form not in ("demonym", "capital")]
        pairs = [{m.key for m in run} for run in self._state_runs(named)]
        return next((p for p in pairs if len(p) == 2), set())

    def _definite_subject(self, sent: Sentence, verb: re.Match) -> str | None:
        """`The council signed …`: a subject named only by "the" and an organisation's head noun
        is the last body named before whose name ends with that noun."""
        doc = self.grammar.doc(sent)
        span = doc.char_span(verb.start(), verb.end(), alignment_mode="expand")
        if span is None or not len(span):
            return None
        subject = next((c for t in span for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
            return None
        return self._body_named_before(sent.start + subject.idx, "the " + fold(subject.text))

    def _signers_after_by(self, sent: Sentence, verb: re.Match) -> list[str]:
        """`was signed by A, Secretary of State to the Minister C, and the Ukrainian Minister B`: the two
        people a passive signing names after "by", leaving out one named in the other's title."""
        by = re.match(r"\s+by\s", sent.text[verb.end():])
        if by is None:
            return []
        heads = set(patterns()["title_shape"]["heads"])

        def in_a_title(m: Mention) -> bool:  # "… to the Minister C" ("Minister of the Interior B" is B's own)
            held = re.search(r"\b(?:to|of)\s+the\s+([A-Z][\w-]*)\s+$", self.text[max(0, m.start - 30):m.start])
            return held is not None and held.group(1) in heads
        start = sent.start + verb.end() + by.end() - 1
        people = [m for m in self.in_sentence(sent, PERSON) if m.start >= start and not in_a_title(m)]
        keys = list(dict.fromkeys(m.key for m in people))
        if len(keys) != 2 or not re.fullmatch(r"\s*(?:[A-Z][\w.-]*\s+){0,4}", self.text[start:people[0].start]):
            return []  # (the first signer right after "by", its title at most before it)
        second = next(m for m in people if m.key == keys[1])
        return keys if re.search(r",?\s+and\s+(?:the\s+)?(?:[\w-]+\s+){0,8}$", self.text[people[0].end:second.start]) else []

    def _pronoun_and_person(self, sent: Sentence, verb: re.Match) -> list[str]:
        """`His remarks came after he and Giang signed letters of intent`: the person the text is about
        and the one the pronoun is joined with, as the subject of the signing verb."""
        at = sent.start + verb.start()
        for p in self.in_sentence(sent, PERSON):
            if p.end <= at and re.search(r"\b(?:[Hh]e|[Ss]he)\s+and\s+(?:[\w.'’-]+\s+){0,4}$", self.text[max(sent.start, p.start - 50):p.start]) \
                    and re.fullmatch(r"\s+(?:[a-z]+\s+)?", self.text[p.end:at]):
                other = self._person_written_about(sent)
                return [other, p.key] if other is not None and other != p.key else []
        return []

    def _with_partners(self, sent: Sentence, verb: re.Match, actors: list[Mention]) -> list[str]:
        """Those the signing verb joins with "with" ("signed ... with A, B and C")."""
        frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), actors)
        partners = [a for a in actors if frame.relation(a) == "with"]
        # ("with A, B (BEL), and C (MIDHANI)": the parse may lose the list after a short form in brackets)
        listed = self._coordinated(actors, partners[0].start) if partners else []
        return list(dict.fromkeys(a.key for a in sorted(partners + listed, key=lambda a: a.start)))


# who heads those a document is signed with: "with the chief executives of the French company A, …" (its parties)
HEADS_OF = re.compile(r"\s+(?:the\s+)?(?:chief\s+executives?|heads?|chairm[ae]n|presidents?|directors?|ceos?|managing\s+directors?"
                      r"|representatives)\s+of\s+(?:the\s+)?(?:[a-z]+\s+(?:company|firm|group|manufacturer)\s+)?")
# "the UK and Qatari governments signed": countries before a plural body are each a party
_PLURAL_BODY = re.compile(r"(?:,?\s+(?:and\s+)?[A-Z][\w-]+)*\s+(?:governments|(?:defen[cs]e\s+)?ministries|armies|navies|"
                          r"armed forces)\b")

# a short phrase in single quotes ("In 'Signal to Russia', …"): what is named in it signs nothing
_QUOTED = re.compile(r"(?<!\w)['‘][^'’\"“”]{1,60}['’](?!\w)")


def definite_document(low: str) -> bool:
    """Whether a (folded) sentence speaks of "the" document, one told before."""
    return any(re.search(r"\bthe\s+(?:[\w-]+\s+)?$", low[:t.start()]) for t in trigger_regex("agreement").finditer(low))


# a document that ends a war: "a peace agreement", "a ceasefire", "to end the fighting with"
_ENDS_WAR = re.compile(r"\b(?:peace|cease-?fire|armistice|truce)\b|\bend(?:s|ed|ing)?\s+the\s+(?:war|conflict|fighting|hostilities)\b")


@lru_cache(maxsize=1)
def _opponent_before() -> re.Pattern:
    """Words before a state that make it the side fought ("after the war with Armenia"), no party to a document."""
    return re.compile(rf"\b(?:{alternation('opponent_cues')})\s+(?:the\s+)?$")
