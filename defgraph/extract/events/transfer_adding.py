"""Adding a transfer: its count and whole from the words around the system, the transfers a past participle
after a system states ("the NASAMS donated by Canada to Ukraine"), and how far the last one went when its items are
said handed over by their kind ("The carriers were handed over …")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..amounts import count_before, count_of_which, whole_after, whole_before
from ..mentions import kit_nouns
from ..model import AGENCY, COUNTRY, Event, Mention
from ..resolve.kit import kit_class
from ..resolve.kit_referents import same_kind
from ..sentences import Sentence
from ..text import alternation, fold, patterns, transfer_table, trigger_regex


@lru_cache(maxsize=1)
def _giving() -> str:
    """Participles of giving (data/patterns.json `giving_participles`): "supplied by A", "donated to B"."""
    return alternation("giving_participles", longest_first=True)


@lru_cache(maxsize=1)
def _given_by_agent() -> re.Pattern:
    """What follows a system whose giver a participle names: "… donated by (the) "."""
    return re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+({_giving()})\s+by\s+(?:the\s+)?")


@lru_cache(maxsize=1)
def _bought_from() -> re.Pattern:
    """What follows a system whose seller a participle of buying names (data/patterns.json `buying_participles`):
    "… recently procured from (the) ", "… bought through the US Foreign Military Sales programme"."""
    buying = alternation("buying_participles")
    # (not a clause with a subject of its own: "the 40 X it ordered from Y" is ordered, no more)
    return re.compile(rf",?(?:\s+(?!(?:it|they|we|he|she)\b)[\w-]+){{0,4}}?,?\s+(?:recently\s+)?(?P<verb>{buying})\s+"
                      r"(?:from|through|via)\s+(?:the\s+)?")


class TransferAdding:
    """Transfer events as they are added, and those a participle after a system states."""

    def _add_transfer(self, sent: Sentence, s: str | None, rec: str | None, m: Mention, status: str,
                      trigger_first: bool) -> None:
        if s is None and rec is not None:
            s = self._supplier_said_after(sent, rec)
        if s is None or rec is None or s == rec:
            return
        # "three Bell 412EPX helicopters": the count stands before the maker's name
        maker = next((a for a in self.between(m.start - 60, m.start) if a.family == AGENCY and a.end == m.start - 1
                      and self.entities[a.key].cls == "Company"), None)
        at = maker.start if maker is not None else m.start
        kind = re.search(r"\b([a-z-]+)\s+\(\s*$", self.text[max(0, at - 40):at])
        if kind is not None and fold(kind.group(1)) in kit_nouns():
            at -= len(kind.group())  # "ten pickup trucks (Toyota Hilux)": the count before the kind the model is named after
            while (word := re.search(r"\b([a-z-]+)\s+$", self.text[max(0, at - 20):at])) is not None \
                    and word.group(1) not in patterns()["number_words"] and at - len(word.group()) > m.start - 60:
                at -= len(word.group())  # (its qualifiers: "pickup")
        at -= 1 if self.text[at - 1:at] in ("'", '"', "‘", "“") else 0  # ("50 'Land Rover' vehicles")
        quantity, whole = count_before(self.text, at), whole_before(self.text, at)
        quantity = quantity if quantity is not None else count_of_which(self.text, m.end, sent.end)
        if whole is None and quantity is not None and status == "delivered":
            whole = whole_after(self.text[m.end:sent.end], quantity)  # "the last eight X, completing all sixteen"
        if whole is not None and status != "delivered":
            quantity = whole  # "the first of two jets ordered by X": only a delivery is a part; an order is whole
        ev = Event("Transfer", self.evidence(sent), confidence=0.7 if trigger_first else 0.5,
                   supplier=s, recipient=rec, equipment=[m.key], status=status,
                   quantity=quantity, whole=whole, value=self._value(sent))
        self.events.append(ev)
        self.last_transfer, self.frame = ev, None

    def _kind_handed_over(self, sent: Sentence) -> None:
        """`Turkey has donated 22 armoured personnel carriers to Somalia. The carriers were handed over in Mogadishu
        yesterday`: the items of the transfer told last, spoken of by their kind ("the vehicles", "the equipment"),
        said handed over or arrived in a sentence that names no other side: that transfer went that far."""
        last, low = self.last_transfer, fold(sent.text)
        told = _KIND_DELIVERED.match(low)
        if last is None or last.status == "delivered" or told is None or not last.equipment:
            return
        kind = told.group("kind")
        if kind not in ("equipment", "items") and (kind not in kit_nouns() or not any(
                k in self.entities and same_kind(kit_class(kind), self.entities[k].cls) for k in last.equipment)):
            return
        verb = transfer_table().get(told.group("verb") or told.group("verb2"))
        sides = {self.country_of(m.key) for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)}
        if verb != "delivered" or sides - {None, last.supplier, last.recipient}:
            return  # ("The vehicles were handed over to Kenya": another side, another transfer)
        self.events.append(Event("Transfer", self.evidence(sent), confidence=0.5, supplier=last.supplier,
                                 recipient=last.recipient, equipment=list(last.equipment), status="delivered"))

    def _giver_after(self, m: Mention, actors: list[Mention]) -> str | None:
        """`received 11 X donated by the United States`: the actor a past participle of giving after the
        system names as its giver."""
        agent = _given_by_agent().match(self.text[m.end:m.end + 90])
        return next((a.key for a in actors if agent and a.start == m.end + agent.end()), None)

    def _participle(self, sent: Sentence, m: Mention, actors: list[Mention], whole: Sentence) -> bool:
        """`Czech T-72 tanks … sent to Ukraine` (or "that went to Ukraine"): an owner before the system and a
        past participle with its recipient after it; `the NASAMS donated by Canada to Ukraine`: both sides
        after it. Adds the transfer; True when the system was so placed."""
        right = self.text[m.end:min(sent.end, m.end + 90)]
        agent = _given_by_agent().match(right)
        if agent:  # "the NASAMS donated by Canada to Ukraine": the participle names both sides
            by = next((a for a in actors if a.start == m.end + agent.end()), None)
            to = re.match(r"\s+to\s+(?:the\s+)?", self.text[by.end:by.end + 12]) if by is not None else None
            # (the longest actor there: "the Sri Lanka Navy", not the state its name opens with)
            rec = max((a for a in actors if to is not None and a.start == by.end + to.end()), key=lambda a: a.end, default=None)
            if by is not None and rec is not None and self.country_of(by.key) and self.country_of(rec.key):
                status = _how_far(agent.group(1), fold(self.text[rec.end:sent.end]))
                self._add_transfer(whole, self.country_of(by.key), self.country_of(rec.key), m, status, True)
                return True
        bought = _bought_from().match(right)
        seller = next((a for a in actors if a.start == m.end + bought.end()), None) if bought else None
        if seller is not None and self.text[seller.end:seller.end + 1] == "-":
            seller = None  # ("bought via the Czech-led ammunition initiative": the state leads it, sells nothing)
        if seller is not None and self.country_of(seller.key) and not any(m.end <= a.start < seller.start for a in actors):
            # "Serbia has presented the FK-3 system recently procured from China": the clause's state bought it
            buyer = next((a for a in reversed(actors) if a.end <= m.start and a.family == COUNTRY
                          and a.key != self.country_of(seller.key) and not self._qualifies_next(a)), None)
            if buyer is not None:
                # ("to house the 12 X ordered from India's HAL": ordered only; bought, it is had; "took delivery
                # of the X ordered from Y": as the verb before says)
                status = "ordered" if bought.group("verb") == "ordered" else "delivered"
                if status == "ordered" and trigger_regex("transfer").search(fold(self.text[sent.start:m.start])):
                    return False
                self._add_transfer(whole, self.country_of(seller.key), buyer.key, m, status, True)
                return True
        p = re.match(rf"(?:\s+[\w-]+){{0,8}}?\s+({_giving()}|went)\s+to\s+(?:the\s+)?", right)
        if not p or re.search(r"\b(?:will|would|shall|to\s+be)\b", right[:p.start(1)]):
            return False  # "radars are due to be delivered to X": a verb still ahead, the clause's own
        to = next((a for a in actors if a.start == m.end + p.end()), None)
        owner = next((x for x in reversed(self.between(max(whole.start, m.start - 25), m.start)) if x.family == COUNTRY),
                     None)
        if to is None or owner is None or re.search(r";|\b(to|from|by|with|for)\b", self.text[owner.end:m.start]):
            return False
        # (what a state's own systems "donated to X" are spoken of as is there; "pledged to X" is still to come)
        stated = "pledged" if p.group(1) == "pledged" else "delivered"
        self._add_transfer(whole, owner.key, self.country_of(to.key), m, _how_far(stated, fold(self.text[to.end:sent.end])), True)
        return True


# "The carriers were officially handed over …", "All the vehicles have arrived …": the items told, and how far
_KIND_DELIVERED = re.compile(r"(?:[^,;]{0,40},\s+)?(?:all\s+)?(?:the|these|those)\s+(?:[\w-]+\s+){0,2}?(?P<kind>[a-z]+s|equipment|aircraft)\s+"
                             r"(?:(?:were|was|have\s+been|has\s+been)\s+(?:officially\s+|formally\s+|finally\s+)?"
                             r"(?P<verb>handed\s+over|delivered|received|transferred)|(?:have\s+|has\s+)?(?P<verb2>arrived))\b")


def _how_far(participle: str, rest: str) -> str:
    """The status of a transfer a participle of giving states ("donated": pledged), unless the main verb after its
    recipient (`rest`) says it arrived: "… donated by Italy to Moldova have been delivered", "… arrived at Tema"."""
    status = transfer_table().get(participle, "delivered")
    aux = re.match(r"\s+(will\s+|would\s+)?(?:have|has|had|were|was|are|is|be)\s+(?:now\s+|already\s+|also\s+)?"
                   r"(?:been\s+)?", rest)
    main = trigger_regex("transfer").match(rest, aux.end() if aux else len(rest) - len(rest.lstrip()))
    if main and transfer_table().get(main.group(1)) == "delivered":
        status = "pledged" if aux and aux.group(1) else "delivered"
    return status
