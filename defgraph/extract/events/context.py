"""What the event rules of every kind share: the article's mentions by sentence, the grammar,
actors and the countries they stand for, coordination, dates."""

from __future__ import annotations

import bisect
import re
from datetime import date, datetime
from functools import cached_property

from ..amounts import Money, find_money
from ..grammar import Grammar
from ..model import AGENCY, COUNTRY, PERSON, Entity, Event, Evidence, Mention
from ..sentences import Sentence
from ..text import alternation, DATELINE, described_company, fold, patterns
from .background import background
from .dates import find_date
from .origins import SystemOrigins
from .people import PeopleContext


# "the Indian government", "the Egyptian side": a state's noun that stands for the state (not "in exile")
_GOVERNMENT = re.compile(r"\s+(?:government|authorities|administration|side|representatives|officials|delegation)\b"
                         r"(?!\s+in\s+exile)")
# nouns for those who act for a state only as the ones something is signed "with"
_WITH_ONLY = re.compile(r"\s+(?:side|representatives|officials|delegation)\b")


def stands_for_state(text: str, m: Mention) -> bool:
    """Whether a state's adjective or name at `m` is written with a noun that stands for the state ("the
    Indian government"); a side, representatives or officials only as the ones signed "with" ("with the
    Egyptian side", "with Israeli representatives"; not "welcomed by the British side")."""
    return _GOVERNMENT.match(text, m.end) is not None and (
        not _WITH_ONLY.match(text, m.end) or re.search(r"\bwith\s+(?:the\s+)?$", text[max(0, m.start - 12):m.start]))


class Context(PeopleContext, SystemOrigins):
    """One article's sentences, resolved mentions and entities, and the events found so far."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: list[Mention],
                 roles: list[Mention], entities: dict[str, Entity], published: datetime | None,
                 grammar: Grammar) -> None:
        places = [(m.start("place"), m.end()) for m in DATELINE.finditer(text)]
        mentions = [m for m in mentions if m.family != COUNTRY or not background(text, m, places)]
        self.text, self.sentences, self.mentions = text, sentences, mentions
        self.roles, self.entities, self.published = roles, entities, published
        self.events: list[Event] = []
        self.last_transfer: Event | None = None
        # a transfer stated without systems stands in for the last one until its paragraph ends:
        # (the last one before it, its paragraph)
        self.frame: tuple[Event | None, int] | None = None
        self.lead: Event | None = None   # "The package includes:" before bullet lines
        self.unsystemed: Event | None = None  # a transfer an opening sentence states without systems
        # "a coalition of 34 states helps train Ukrainian recruits": the trainee, whose trainers a
        # later sentence lists ("The coalition includes …", "instructors from those countries")
        self.training_group: str | None = None
        # "India runs a course for officers from 30 African states": its trainers, whose trainees the next
        # sentence lists ("It includes countries like A and B"), and the sentence that said so
        self.trainees_awaited: tuple[list[str], Sentence, bool] | None = None  # (providers, where, only a roster of people)
        # "The contracts bring together the ministry and its partners, namely:" before bullet lines
        # naming the other party of each: (the lead's party, the document's kind)
        self.document_lead: tuple[str, str] | None = None
        self.documents_signed = False  # (a lead line after which bullets name documents signed)
        # "on the sidelines of the meeting of EU defence ministers, A said": a gathering one named
        # person attends, which people said later to take part in join: (that person, its sentence)
        self.gathering: tuple[str, Sentence] | None = None
        # after "The delegations included:", while its bullet lines follow: the paragraph of the last
        # line listed (a line the sentence splitter cut in two goes on in it), -1 right after the lead
        self.attendee_list: int | None = None
        # "During the day Minister A:" over lines that each tell what A did ("held talks with B;"): A
        self.meeting_lead: str | None = None
        self._starts = [m.start for m in mentions]  # mentions come sorted by start
        self._order = {x.start: i for i, x in enumerate(sentences)}  # sentence start -> its place
        self.grammar = grammar

    @cached_property
    def headline(self) -> Sentence | None:
        """The headline: the first sentence of the first paragraph that is no bare date or time."""
        return next((x for x in self.sentences if x.paragraph == 0 and not re.fullmatch(r"[\d:. ]+", x.text)), None)

    def in_sentence(self, sent: Sentence, family: str | None = None) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, sent.start)
        hi = bisect.bisect_left(self._starts, sent.end)
        return [m for m in self.mentions[lo:hi] if (family is None or m.family == family) and m.key in self.entities]

    def between(self, s: int, e: int) -> list[Mention]:
        return self.mentions[bisect.bisect_left(self._starts, s):bisect.bisect_left(self._starts, e)]

    def country_of(self, key: str | None) -> str | None:
        if key is None or key not in self.entities:
            return None
        ent = self.entities[key]
        if ent.family == COUNTRY:
            return key
        return ent.country or ent.facts.country

    def evidence(self, sent: Sentence) -> Evidence:
        return Evidence(sent.text, sent.start, sent.end)

    def _value(self, sent: Sentence) -> Money | None:
        """The first amount of money the sentence states (a conversion may follow it)."""
        found = find_money(sent.text)
        return found[0] if found else None

    def _actor(self, key: str | None) -> str | None:
        """The country an actor stands for, or the actor itself when it has none (the EU)."""
        return self.country_of(key) or (key if key and self._is_actor_without_country(key) else None)

    def _is_actor_without_country(self, key: str) -> bool:
        """An organisation that acts for itself (the EU, a company); a state's forces, ministry or
        agency whose state is not known stand for nobody the text names ("the National Army")."""
        ent = self.entities.get(key)
        return ent is not None and ent.family == AGENCY and not ent.facts.country and not ent.country \
            and ent.cls not in ("ArmedForces", "Ministry", "GovernmentAgency")

    def _agreement_just_before(self, sent: Sentence) -> Event | None:
        """The agreement named last, where it ends at most a few lines before `sent`."""
        last = next((e for e in reversed(self.events) if e.cls == "Agreement"), None)
        return last if last is not None and 0 <= sent.start - last.evidence.end <= 300 else None

    def _seller_of_last_contract(self, buyer: str, sent: Sentence) -> str | None:
        """`Acme has concluded a contract with the ministry to ship four radars. Three radars will be delivered
        to X`: the state of the one company of the contract named just before, where X is its buyer; of a
        contract between two states' bodies, the other state."""
        last = self._agreement_just_before(sent)
        if last is None:
            return None
        sellers = [k for k in last.parties if k in self.entities and self.entities[k].cls in ("Company", "StateEnterprise")]
        buyers = {self.country_of(k) for k in last.parties if k not in sellers}
        if not sellers and last.kind == "contract" and len(last.parties) == 2 and len(buyers) == 2 and buyer in buyers and None not in buyers:
            return next(k for k in buyers if k != buyer)  # "Under the contract, the Navy will be supplied with:"
        return self.country_of(sellers[0]) if len(sellers) == 1 and buyer in buyers else None

    @cached_property
    def _named(self) -> frozenset[str]:
        """Every entity the article names, and the countries they stand for."""
        keys = {x.key for x in self.mentions} | {self.country_of(x.key) for x in self.mentions}
        keys.discard(None)
        return frozenset(keys)

    def _top_countries(self, n: int) -> list[str]:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.family == COUNTRY:
                counts[m.key] = counts.get(m.key, 0) + 1
        return sorted(counts, key=lambda k: -counts[k])[:n]

    @cached_property
    def _article_pair(self) -> tuple[str, str] | None:
        """The two states an article is about: the two named most often (by name, or by their bodies
        and people), each at least twice and each more often than any third state."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            state = self.country_of(m.key) if m.family in (COUNTRY, AGENCY, PERSON) else None
            if state is not None:
                counts[state] = counts.get(state, 0) + 1
        ranked = sorted(counts, key=lambda k: -counts[k])
        if len(ranked) < 2 or counts[ranked[1]] < 2 or len(ranked) > 2 and counts[ranked[2]] >= counts[ranked[1]]:
            return None
        return ranked[0], ranked[1]

    def _other_of_pair(self, state: str | None) -> str | None:
        """The other state of the article's pair (`_article_pair`) when `state` is one of them."""
        pair = self._article_pair
        return None if pair is None or state not in pair else pair[1 - pair.index(state)]

    def _state_runs(self, mentions: list[Mention]) -> list[list[Mention]]:
        """The countries among `mentions` grouped as the text lists them ("A, B and C" is one run)."""
        runs: list[list[Mention]] = []
        for m in (m for m in mentions if m.family == COUNTRY):
            if runs and (_JOINED.fullmatch(self.text[runs[-1][-1].end:m.start]) or self.text[runs[-1][-1].end:m.start] == " to "
                         and _RANGING.search(self.text, max(0, runs[-1][0].start - 20), runs[-1][0].start)):
                runs[-1].append(m)  # ("ranging from A and B to C": one list)
            else:
                runs.append([m])
        return runs

    def _joined_pair(self, key: str | None, actors: list[Mention]) -> list[str]:
        """The two states of "A, B" or "A and B" when one of them is `key`, else []."""
        for run in self._state_runs(actors):
            keys = self._distinct([m.key for m in run])
            if key in keys and len(keys) == 2:
                return keys
        return []

    def _coordinated_with(self, key: str | None, actors: list[Mention]) -> list[str]:
        """Other countries listed after a subject ("The Netherlands and Denmark will ...")."""
        runs = [(r, i) for r in self._state_runs(actors) for i, m in enumerate(r) if m.key == key]  # (states only)
        if not runs:
            return []
        # (or a list the state opens after "by": "… training in Poland under X, run by Poland together with A and B";
        # not one in another clause: "… after Denmark, Norway and Belgium signed")
        by = [ri for ri in runs if re.search(r"\bby\s+(?:the\s+)?$", self.text[max(0, ri[0][0].start - 10):ri[0][0].start])]
        run, at = max(by, key=lambda ri: len(ri[0]) - ri[1]) if by else runs[0]
        return [m.key for m in run[at + 1:]]

    def _parties_by_grammar(self, sent: Sentence, trigger: re.Pattern, families: tuple[str, ...],
                            relations: set[str], actors: list[Mention] | None = None,
                            at: re.Match | None = None) -> list[str]:
        """Who takes part, read from the clause of the first trigger (or the one `at`): its subjects,
        objects and "with"/"between"/"by" phrases, each with what is coordinated to it ("A, B and C")."""
        trig = at or trigger.search(fold(sent.text))
        if trig is None:
            return []
        actors = actors if actors is not None else [m for m in self.in_sentence(sent) if m.family in families]
        if len(actors) < 2:
            return []
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        if frame.negated:
            return []
        # "with the Egyptian side", "with the Indian government": the state the noun stands for
        keys = self._distinct([a.key for a in actors if frame.relation(a) in relations or a.family == COUNTRY
                               and stands_for_state(self.text, a) and (frame.relation(a) or "").split(":")[-1] in relations])
        # a country named with its own agency ("the Armament Agency of Poland") is not a second party
        keys = [k for k in keys if not (self.entities[k].family == COUNTRY and any(
            o != k and self.entities[o].family == AGENCY and self.country_of(o) == k for o in keys))]
        return keys if len(keys) >= 2 else []

    def _between(self, actors: list[Mention], sent: Sentence, start: int) -> list[str]:
        """`between A and B`: the head actor of each side (the last agency named on it)."""
        clause = self.text[start:sent.end]
        # (the second side ends where a clause or a place begins: "… and India at the Ministry of Defence, X")
        # (nor is the source of the report a side: "… and the Romanian ministry in 2022, the SSB said")
        speech = alternation("speech_verbs")
        # (nor does the verb of the sentence's subject, after it: "…, which governs cooperation between A and B, was signed by C")
        cut = re.search(rf"[.;]|\b(?:which|that|to|under|for|at|during)\b|,\s+(?:according\s+to\b|(?:[\w'’-]+\s+){{0,6}}(?:{speech})\b"
                        r"|(?:was|were|is|are|has|have|had|will|would)\s)",
                        clause[clause.find(" and ") + 5:] if " and " in clause else "")
        end = start + (clause.find(" and ") + 5 + cut.start() if cut and " and " in clause else len(clause))
        parts = [p for p in re.finditer(r"(?:(?!\band\b).)+", self.text[start:end])]
        sides = []
        for part in parts:
            s, e = start + part.start(), start + part.end()
            inside = [a for a in actors if s <= a.start < e]
            agencies = [a for a in inside if a.family == AGENCY]
            # "and Acme, a subsidiary of Lockheed Martin", "Acme, a Lockheed Martin subsidiary": the side is Acme
            agencies = [a for a in agencies if not re.search(r"\b(?:subsidiary|unit|division|part)\s+of\s+(?:the\s+)?$",
                                                             self.text[max(s, a.start - 20):a.start])
                        and not re.match(r"\s+(?:subsidiary|unit|division)\b", self.text[a.end:a.end + 12])] or agencies
            people = [a for a in inside if a.family == PERSON]
            if len(inside) > 1 and all(a.family == COUNTRY and not re.match(r"['’]s\b", self.text[a.end:a.end + 2]) for a in inside) \
                    and all(re.fullmatch(r",\s+(?:the\s+)?", self.text[a.end:b.start]) for a, b in zip(inside, inside[1:])):
                sides += [a.key for a in inside if a.key not in sides]  # "between Spain, Norway and Canada": each state
                continue
            # "between Indonesian Defence Minister A and ...": the person the demonym qualifies
            pick = agencies[-1] if agencies else people[0] if people else (inside[0] if inside else None)
            key = pick.key if pick is not None else self._body_named_before(s, self.text[s:e])
            if key is None and re.fullmatch(r"\s*the\s+(?:federal\s+|national\s+)?government[\s,]*", self.text[s:e]):
                key = next(iter(self._top_countries(1)), None)  # "between the government and X": the article's state
            if key is None:  # "between the Philippine government and X": the state it is the government of
                key = next((m.key for m in self.in_sentence(sent, COUNTRY) if s <= m.start < e
                            and re.match(r"\s+government\b", self.text[m.end:m.end + 12])), None)
            if key is not None and key not in sides:
                sides.append(key)
        return sides

    def _body_named_before(self, pos: int, phrase: str) -> str | None:
        """`the ministry`, `the council`, `the defence force`: "the" and an organisation's head noun (with
        one word before it) stand for the last body named before `pos` whose name ends with those words
        or opens with the noun ("Ministry of …")."""
        noun = re.fullmatch(r"\s*the\s+((?:[a-z]+\s)?([a-z]+))[\s,]*", phrase)
        if noun is None or noun.group(2) not in patterns()["org_heads"] and noun.group(1) not in patterns()["org_heads"]:
            return None
        for m in reversed(self.between(0, pos)):
            name = fold(self.entities[m.key].name) if m.key in self.entities else ""
            if m.family == AGENCY and (name.endswith(" " + noun.group(1)) or name.startswith(noun.group(1) + " of ")
                                       and noun.group(1) == noun.group(2)):
                return m.key
        return None

    def _coordinated(self, actors: list[Mention], pos: int) -> list[Mention]:
        """The actor right after `pos` and those listed with it ("A, B and C")."""
        out: list[Mention] = []
        for a in sorted((a for a in actors if a.start >= pos), key=lambda a: a.start):
            if a.family == COUNTRY and self._qualifies_next(a):
                continue  # "South Korea's Hyundai Rotem", "the Norwegian company Kongsberg"
            gap = self.text[pos:a.start]
            if out and re.fullmatch(r"\s*\(", gap) and re.match(r"\s*\)", self.text[a.end:a.end + 3]):
                pos = a.end  # "B (BEL), and C", "Naval Group (France), and C": what is in brackets after one listed goes with it
                continue
            gap = re.sub(r"^\s*(?:\([^()]{1,20}\)|\))", "", gap)
            if not out and not re.fullmatch(r"\s*(?:the\s+)?(?:[\w'’-]+\s+){0,3}(?:[\w-]+:\s+)?", gap):
                break
            # "with X, under which the navy …" ends the list; "X, which builds tanks; Y, …" does not
            relative = ";" not in gap and re.search(r"\b(?:which|who|whom|whose|where|that)\b", gap)
            described = re.match(r"\s*,\s*(?:also\s+|itself\s+)?an?\s+", gap)  # "with X, also an Acme subsidiary"
            if out and (len(gap) > 60 or re.search(r"[.!?]", gap) or relative or described
                        or not re.match(r"\s*(?:[,;:]|and\b)", gap)
                        or a.family != out[0].family):
                break
            out.append(a)
            pos = a.end
        return out

    def _qualifies_next(self, m: Mention) -> bool:
        """Whether a state only says whose the name after it is ("South Korea's Hyundai Rotem", "the Norwegian
        company Kongsberg", "Turkey's land vehicles manufacturer Katmerciler")."""
        after = self.text[m.end:m.end + 60]
        return bool(re.match(r"['’]s\s+[A-Z]", after)) or (m.source == "demonym" and bool(re.match(r"\s+[a-z]", after))) \
            or described_company().match(after) is not None

    def _head_actor(self, actors: list[Mention]) -> str | None:
        agencies = [a for a in actors if a.family == AGENCY]
        countries = [a for a in actors if a.family == COUNTRY]
        people = [a for a in actors if a.family == PERSON]  # signatories, where nothing else is named
        pick = agencies[-1] if agencies else countries[0] if countries else people[0] if people else None
        return pick.key if pick else None

    @staticmethod
    def _distinct(keys: list[str]) -> list[str]:
        out: list[str] = []
        for k in keys:
            if k not in out:
                out.append(k)
        return out

    def _date(self, sent: Sentence, fallback: bool = True, anywhere: bool = False) -> date | str | None:
        found = find_date(sent.text, self.published)
        if found:
            return found
        if fallback and self.published and (anywhere or sent.paragraph <= 2):
            return self.published.date()
        return None


# what joins the states of a list: "A, B", "A and B", "A, B, and C", "A together with B"
# (and over one capitalised item no state names, a misspelt one: "Chad, Coted'voire, Liberia")
_JOINED = re.compile(r"(?:,| and|, and|,? together with) (?:the )?(?:[A-Z][\w'’-]+, (?:and )?(?:the )?)?")
_RANGING = re.compile(r"\branging\s+from\s+(?:the\s+)?$")
