"""Transfers stated as lists: a sentence's clauses with the list after a colon or ';', a lead line and the lines
or items under it, a transfer stated without its systems that gives its parties to the sentences that name them."""

from __future__ import annotations

import re
from functools import lru_cache

from ..amounts import count_before
from ..mentions import head_classes, kit_nouns
from ..model import COUNTRY, AGENCY, EQUIPMENT, KIT, PERSON, Event, Mention
from ..resolve.kit import kit_class, same_kind
from ..sentences import Sentence
from ..text import alternation, content_triggers, fold, patterns, trigger_regex
from .transfer_status import leave_given, receiving, stage_status


def _a_list(text: str) -> bool:
    """Whether a clause after a colon is a list of things, no clause of its own ("Officials said the X …")."""
    return _clause_verb().search(fold(text)) is None


@lru_cache(maxsize=1)
def _clause_verb() -> re.Pattern:
    """An auxiliary or a speech verb (data/patterns.json), the mark of a clause of its own."""
    return re.compile(r"\b(?:" + alternation("auxiliaries", "speech_verbs") + r")\b")


@lru_cache(maxsize=1)
def _users_before() -> tuple[re.Pattern, re.Pattern]:
    """A noun for those who have a system (data/patterns.json `operator_nouns`) right before a trigger,
    and the same noun after "with", "for" or "to" ("the package for its customers includes"), which
    is no list of users."""
    nouns = alternation("operator_nouns")
    return (re.compile(rf"\b(?:{nouns})\s+(?:[a-z]+\s+)?$"),
            re.compile(rf"\b(?:with|for|to)\s+(?:[\w-]+\s+)?(?:{nouns})\s+(?:[a-z]+\s+)?$"))


class TransferLists:
    """Leads, bullet lines and list items of transfers (mixed into the transfer rules)."""

    def _clauses(self, sent: Sentence) -> None:
        listing: Event | None = None  # "The tranche contains X; 75,000 Y; and Z": the items after ';' too
        for s, e in self._clause_spans(sent):
            part = self.text[s:e]
            clause = Sentence(s, e, part, sent.paragraph)
            before = len(self.events)
            if listing is not None and self.text[:s].rstrip().endswith(";") and self._list_item(sent, clause):
                self._bullet(clause, listing, sent)
            else:
                self._transfers_in(clause, sent)
                content = any(self._phrase_status(t)[0] in content_triggers()
                              for t in trigger_regex("transfer").finditer(fold(part)))
                listing = self.events[-1] if content and len(self.events) > before else None

    def _clause_spans(self, sent: Sentence) -> list[tuple[int, int]]:
        """The clauses of a sentence: cut at ';', at ': ' before a capital and before 'while', 'but'…; a
        transfer that names no system before its colon keeps the list after it ("gave Dushanbe a batch of
        hardware: T-80 tanks and Mi-17 helicopters")."""
        spans: list[tuple[int, int]] = []
        start = sent.start
        for part in re.split(r"(?<=;)\s+|(?<=:)\s+(?=[A-Z])|(?<=,)\s+(?=(?:while|whereas|but|although|though)\s)", sent.text):
            s = self.text.find(part, start)
            start = s + len(part)
            if spans and self.text[spans[-1][1] - 1] == ":" and self._systems_in(s, start) and _a_list(part) and \
                    not self._systems_in(*spans[-1]) and trigger_regex("transfer").search(fold(self.text[slice(*spans[-1])])):
                spans[-1] = (spans[-1][0], start)
            else:
                spans.append((s, start))
        return spans

    def _systems_in(self, s: int, e: int) -> bool:
        return any(m.family == EQUIPMENT for m in self.between(s, e))

    def _systems_follow(self, sent: Sentence) -> bool:
        """Whether the next sentence, in the same paragraph, names a system (only then is a
        transfer stated without systems worth reading for its parties)."""
        i = self._order.get(sent.start)
        if i is None or i + 1 >= len(self.sentences):
            return False
        nxt = self.sentences[i + 1]
        return nxt.paragraph == sent.paragraph and bool(self.in_sentence(nxt, EQUIPMENT))

    def _bullet(self, sent: Sentence, lead: Event | None = None, evidence: Sentence | None = None) -> None:
        """A line or list item under a lead: what it names moves as the lead says."""
        lead = lead or self.lead
        for m in self.in_sentence(sent, EQUIPMENT):
            if not self._hostile(sent, m):
                self._add_transfer(evidence or sent, lead.supplier, lead.recipient, m, lead.status or "delivered", True)

    def _named_contents(self, sent: Sentence, equipment: list[Mention]) -> None:
        """`17 armoured vehicles were handed over. It comprised X tanks and Y howitzers`: systems named
        for what the last transfer moved by its kind alone take its place."""
        last = self.last_transfer
        back = _REFERS_BACK.match(sent.text) and not re.search(r"\balso\b", fold(sent.text))
        kinds = [k for k in last.equipment if all(m.source == KIT for m in self.entities[k].mentions)]
        if back and last in self.events and kinds == last.equipment and any(m.source != KIT for m in equipment):
            self.events.remove(last)

    def _holding_trigger(self, sent: Sentence, whole: Sentence, trig: re.Match, before: list[re.Match],
                         triggers: list[re.Match], frames: list, first_eq: int, equipment: list[Mention],
                         actors: list[Mention]) -> tuple[re.Match, str, str]:
        """The trigger that says who moves what a trigger of contents ("includes", "consisting of", "part of
        the deal") lists, its phrase and the status it gives: the verb or holder noun before it, the clause on the
        systems after it, else (parties of the transfer told before) `trig` itself."""
        phrase, status = self._phrase_status(trig)
        holder = frames[triggers.index(trig)].holder
        if holder is not None:
            # "the contract covers X": ordered; "the shipment included X": delivered ("the equipment included X": as told)
            status = patterns()["holder_nouns"].get(holder, status)
        verbs = [t for t in before if self._phrase_status(t)[0] not in content_triggers()]
        # "took delivery of military aid … consisting of X": the verb, not the noun of what is held, says how far
        verbs = [t for t in verbs if self._phrase_status(t)[0] not in patterns()["holder_nouns"]] or verbs
        if phrase in content_triggers() and verbs:
            # "has delivered a package that includes X": what the package holds moves as the verb says
            trig = verbs[-1]
            phrase, status = self._phrase_status(trig)
        elif phrase in content_triggers() and len(equipment) == 1 and (later := [
                t for t in triggers if t.start() > first_eq and self._phrase_status(t)[0] not in content_triggers()
                and re.search(r"[A-Z][\w.-]*\s+(?:[a-z]+\s+)?$", sent.text[:t.start()])]):
            # "includes the 64 F-35A fighters Finland ordered from the US": the clause on the systems says who
            trig = later[0]
            phrase, status = self._phrase_status(trig)
        elif phrase in content_triggers() and holder is None and \
                not any(frames[triggers.index(trig)].attached(a) for a in actors) \
                and (held := [t for t in before[:-1] if self._phrase_status(t)[0] in patterns()["holder_nouns"]]):
            # "a new Canadian package for Ukraine, consisting of X and Y": what the noun holds, however parsed
            trig = held[-1]
            phrase, status = self._phrase_status(trig)
        elif phrase in content_triggers() and self.last_transfer is not None and \
                not any(frames[triggers.index(trig)].attached(a) for a in actors):
            # "The vehicles were handed over. They comprise …" (a maker "all built by X" says nothing of who gives)
            status = self.last_transfer.status or status
            self._named_contents(whole, equipment)
        return trig, phrase, status

    def _held_by_last_document(self, sent: Sentence) -> None:
        """`Spain signed four contracts with Airbus Helicopters. The first of the contracts covers 13 H135`:
        what a document holds, in a sentence that names no side, is bought by the sides of the last
        document the article told, the maker's selling."""
        signed = next((e for e in reversed(self.events) if e.cls == "Agreement" and len(e.parties) == 2), None)
        if signed is not None:
            self._purchase_by_contract(sent, signed.parties, signed.kind)

    def _list_item(self, sent: Sentence, clause: Sentence) -> bool:
        """Whether a clause after ';' is an item of the list before it: it opens with a count, a
        system or "and", and has no trigger, finite verb or party of its own."""
        low = fold(clause.text)
        systems = self.in_sentence(clause, EQUIPMENT)
        first = re.match(r"[\w-]*", low).group()
        opens = re.match(r"(?:and\s+)?(?:\d|(?:a|an|the)\s)", low) or (systems and systems[0].start == clause.start) \
            or first in patterns()["number_words"]
        if not opens or trigger_regex("transfer").search(low) or \
                any(m.family in (COUNTRY, AGENCY) for m in self.in_sentence(clause)):
            return False
        doc = self.grammar.doc(sent)
        return not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG")
                       for t in doc if clause.start <= sent.start + t.idx < clause.end)

    def _sends_people(self, sent: Sentence, trig: re.Match) -> bool:
        """Whether the trigger's object is people or a unit of them (data/patterns.json `trainee_nouns`,
        `deployment_nouns`): troops deployed, nothing handed over."""
        doc = self.grammar.doc(sent)
        span = doc.char_span(trig.start(), trig.end(), alignment_mode="expand")
        nouns = set(patterns()["trainee_nouns"]) | set(patterns()["deployment_nouns"])
        return span is not None and any(c.dep_ == "dobj" and c.lower_ in nouns for t in span for c in t.children)

    def _lead(self, sent: Sentence, opened: bool = False) -> Event | None:
        """A lead line that names no system ("On top of that, Germany has supplied:"); `opened`: its
        missing parties may come from a transfer the story opened with (`unsystemed`)."""
        low = fold(sent.text)
        found = list(trigger_regex("transfer").finditer(low))
        if any(leave_given(low, t) for t in found):
            return None  # "gave his approval to the contracts": leave given, no transfer
        trig = next(iter(found), None)
        if trig is None:
            return self._contract_lead(sent)
        if self._sends_people(sent, trig):
            return None  # "North Macedonia will send a company to exercises in Romania": a deployment
        phrase, status = self._phrase_status(trig)
        status = stage_status(low, phrase, status, trig, trig, len(low))[0]  # "will be supplied with:" under a contract
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON)]
        frame = self.grammar.frame(sent, sent.start + trig.start(), sent.start + trig.end(), actors)
        kind = "receive" if receiving(phrase) else "give"
        suppliers, recipients = self._roles(frame, kind, actors)
        if not suppliers and re.search(r"\b(?:it|they)\s+(?:[a-z]+\s+){0,2}$", low[:trig.start()]):
            # "The Norwegian government said it will send …": "it" is the state named before
            named = [a for a in actors if a.start < sent.start + trig.start() and self.country_of(a.key)
                     and a.key not in recipients]
            suppliers = [named[-1].key] if named else []  # the nearest: "After talks with Poland, Norway said it …"
        last = self.last_transfer or (self.unsystemed if opened else None)
        sup = self._actor(suppliers[0]) if suppliers else (last.supplier if last else None)
        rec = self._actor(recipients[0]) if recipients else (last.recipient if last else None)
        if rec is None and sup is not None:
            rec = self._main_recipient(exclude={sup})
        if sup is None and rec is not None:
            sup = self._seller_of_last_contract(rec, sent)  # "Under the contract, the Navy will be supplied with:"
        if sup is None or rec is None or sup == rec:
            return self._contract_lead(sent)
        if phrase in content_triggers() and last is not None and not suppliers and not recipients:
            status = last.status or status  # "… has handed over gear. The delivery comprised:": as far as that went
        return Event("Transfer", self.evidence(sent), supplier=sup, recipient=rec, status=status)

    def _contract_lead(self, sent: Sentence) -> Event | None:
        """`Main contents of the contract:` after a contract that a company signed with a state's body, in a
        line that names no side: the lines under it are what that body's state buys from the company's."""
        low = fold(sent.text)
        contents = alternation("contents_words")
        if not re.search(rf"\b(?:{contents})\b.*\bthe\s+contract\b|\bthe\s+contract\s+(?:[a-z]+\s+)?(?:{contents})\b", low) or \
                any(m.family in (COUNTRY, AGENCY) for m in self.in_sentence(sent)):
            return None  # ("Critics of the contract said:", "Main contents of the Acme deal:")
        signed = next((e for e in reversed(self.events) if e.cls == "Agreement"), None)
        if signed is None or len(signed.parties) != 2 or signed.kind != "contract":
            return None  # (a memorandum sells nothing)
        makers = [p for p in signed.parties if p in self.entities and self.entities[p].cls in ("Company", "StateEnterprise")]
        if len(makers) != 1:
            return None
        seller = self.country_of(makers[0])
        buyer = self.country_of(next(p for p in signed.parties if p != makers[0]))
        if seller is None or buyer is None or seller == buyer:
            return None
        return Event("Transfer", self.evidence(sent), supplier=seller, recipient=buyer, status="ordered")

    def _counted_contents(self, sent: Sentence) -> None:
        """`Croatia ordered AMV XP vehicles from Patria. The contract covers 32 vehicles`: a count of the kind
        of system that a document of the last transfer holds, in a sentence that names no system, is how
        many it moves where no count was given."""
        last = self.last_transfer
        if last is None or len(last.equipment) != 1 or self.in_sentence(sent, EQUIPMENT) or \
                (last.whole if last.status == "delivered" else last.quantity) is not None:
            return
        holders = alternation("holder_nouns")
        contents = "|".join(map(re.escape, patterns()["contents_words"] + ["is for", "was for"]))
        m = re.search(rf"\bthe\s+(?:{holders})\s+(?:{contents})\s+(?P<count>[\w,]+\s+)(?:[a-z-]+\s+){{0,2}}?(?P<kind>[a-z]+)\b",
                      fold(sent.text))
        if m is None or m.group("kind") not in kit_nouns() | set(patterns()["kit_vague_heads"]) | set(head_classes()):
            return
        if re.search(r"\b(?:separate|another|other|also)\b", fold(sent.text)) or any(
                a.key not in (last.supplier, last.recipient) for a in self.in_sentence(sent, COUNTRY)):
            return  # "Under a separate programme with Hungary, the contract covers …": another document's
        count = count_before(self.text, sent.start + m.end("count"))
        if count is None or not same_kind(self.entities[last.equipment[0]].cls, kit_class(m.group("kind"))):
            return
        if last.status == "delivered":
            last.whole = count  # "The first K2s arrived. The contract covers 180 tanks": the order they are part of
        else:
            last.quantity = count


# a sentence that opens by referring back to what was just handed over: "It comprised", "The consignment includes"
_REFERS_BACK = re.compile(r"\s*(?:It|They|This|These|The\s+(?:consignment|shipment|delivery|batch|package|tranche))\b")
