"""Events: transfers, meetings, agreements and trainings, found sentence by sentence.

Each kind has its rules in a module of its own (transfers, meetings, agreements, trainings; who
takes part in a transfer or an agreement in `transfer_parties` and `agreement_parties`, who buys what a
purchase noun names in `transfer_buyers`, agreements
the text names rather than reports signed in `agreement_names`, talks
on a system in `transfer_talks`, a sentence's clauses and bullet lines in `transfer_clauses`, a training told
across an article's sentences in `training_story`, graduates of a school from other states in `graduates`,
the words the training rules read in `training_words`);
`context` holds what they share, `background` which states only stand behind a sentence, `dates` how dates are read.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..grammar import Grammar
from ..model import AGENCY, COUNTRY, KIT, Entity, Event, Mention
from ..resolve.kit import same_kind
from ..sentences import Sentence
from .agreements import AgreementRules
from .context import Context
from .dates import find_date
from .meetings import MeetingRules
from .training_story import TrainingStory
from .trainings import TrainingRules
from .transfers import TransferRules

__all__ = ["find_events", "find_date"]


class Events(TransferRules, MeetingRules, AgreementRules, TrainingRules, TrainingStory, Context):
    """Finds the events of one article from its sentences and resolved mentions."""

    def run(self) -> list[Event]:
        for i, sent in enumerate(self.sentences):
            if i == 0 and self.published and re.fullmatch(r"[\d:. ]+", sent.text):
                continue
            self._transfers(sent)
            self._meetings(sent)
            self._agreements(sent)
            self._trainings(sent)
        self._states_of_signatories()
        self._signatories_of_named_parties()
        self._documents_named_by_states()
        self._states_told_by_bodies()
        self._headline_kinds_told_again()
        self._headline_documents_told_again()
        self._training_story()
        self._roster_of_the_story()
        self._schools_of_their_state()
        self._funds_as_their_body()
        return self._dedupe()

    def _headline_kinds_told_again(self) -> None:
        """`India transfers two vessels to Maldives` over a body that names the two ships handed over: a kind
        of equipment that only the headline names, moved between parties whose transfer the body tells with
        a system of that kind, is that system said shorter."""
        head = self.headline
        if head is None:
            return

        def headline_kind(key: str) -> bool:
            ent = self.entities.get(key)
            return ent is not None and bool(ent.mentions) and all(
                m.source == KIT and head.start <= m.start < head.end for m in ent.mentions)

        def told_again(ev: Event) -> bool:
            kinds = [self.entities[k].cls for k in ev.equipment]
            return any(o.cls == "Transfer" and not head.start <= o.evidence.start < head.end
                       and (o.supplier, o.recipient) == (ev.supplier, ev.recipient)
                       and any(k in self.entities and not headline_kind(k) and same_kind(self.entities[k].cls, c)
                               for k in o.equipment for c in kinds) for o in self.events)

        self.events = [e for e in self.events if not (
            e.cls == "Transfer" and e.equipment and all(headline_kind(k) for k in e.equipment) and told_again(e))]

        # "Maker wraps up CV90 deliveries" over a body that delivers the "CV90 MkIV": a family the headline moves
        # is the variant of it that the body moves between the same parties at the same stage
        def variant_told(ev: Event) -> bool:
            return any(o.cls == "Transfer" and not head.start <= o.evidence.start < head.end and o.status == ev.status
                       and (o.supplier, o.recipient) == (ev.supplier, ev.recipient)
                       and any(k in self.entities and self.entities[k].variant_of in ev.equipment for k in o.equipment)
                       for o in self.events)

        self.events = [e for e in self.events if not (
            e.cls == "Transfer" and e.equipment and head.start <= e.evidence.start < head.end and variant_told(e))]

    def _states_told_by_bodies(self) -> None:
        """`Ukraine, Czech Republic sign memorandum` … `signed by the Ministry for X and the Czech Ministry of
        Defence`: a document of states that the article also gives, of the same kind, with those states'
        bodies as its parties is that one document, the bodies named its parties; not where either is
        dated apart or told as another one ("Separately, …", "In August, …")."""
        agreements = [e for e in self.events if e.cls == "Agreement"]
        bodies = [e for e in agreements if all(k in self.entities and self.entities[k].family == AGENCY
                                               and "government" not in self.entities[k].name.lower() for k in e.parties)
                  and None not in {self.country_of(k) for k in e.parties}
                  and len({self.country_of(k) for k in e.parties}) == len(e.parties)]  # (a government is its state)

        def same(states: Event, body: Event) -> bool:
            apart = any(_ANOTHER.search(x.evidence.text) for x in (states, body)) or \
                states.date is not None and body.date is not None and states.date != body.date
            return not apart and states.kind == body.kind and \
                frozenset(states.parties) == frozenset(self.country_of(k) for k in body.parties)

        self.events = [e for e in self.events if not (
            e.cls == "Agreement" and all(k in self.entities and self.entities[k].family == COUNTRY for k in e.parties)
            and any(same(e, b) for b in bodies))]

    def _funds_as_their_body(self) -> None:
        """`The European Peace Facility will supply …` where the article names the European Union: a fund or programme
        of an international body (its parent in data/organizations.csv) gives as that body."""
        for e in self.events:
            for role in ("supplier", "provider"):
                ent = self.entities.get(getattr(e, role) or "")
                parent = self.entities.get(ent.facts.parent or "") if ent is not None and ent.cls == "OtherOrganization" else None
                if parent is not None and parent.cls == "InternationalOrganization" and parent.mentions:
                    setattr(e, role, parent.key)

    def _dedupe(self) -> list[Event]:
        out: dict[tuple, Event] = {}
        for ev in self.events:
            sig = ev.signature()
            if sig in out:
                kept = out[sig]
                kept.confidence = min(0.95, kept.confidence + 0.1)
                if ev.cls == "Transfer" and ev.status == "delivered" != kept.status and ev.quantity is not None:
                    # "the first four of 12 jets ordered from X arrived": the counts of the furthest stage
                    order = kept.quantity if kept.quantity is not None and kept.quantity > ev.quantity else None
                    kept.quantity, kept.whole = ev.quantity, ev.whole if ev.whole is not None else order
                for attr in ("count", "quantity", "whole", "value"):
                    if getattr(kept, attr) is None and getattr(ev, attr) is not None:
                        setattr(kept, attr, getattr(ev, attr))
                if ev.date is not None and (kept.date is None or
                                            find_date(ev.evidence.text, self.published) == ev.date and
                                            find_date(kept.evidence.text, self.published) is None):
                    kept.date = ev.date  # a date the text states beats one taken from the dateline
                if ev.cls == "Transfer" and _rank(ev.status) > _rank(kept.status):
                    kept.status = ev.status
                continue
            out[sig] = ev
        return list(out.values())


# a document told as another one than those before it
_ANOTHER = re.compile(r"\b(?:[Ss]eparately|[Aa]nother|[Aa] second|[Ii]n addition|[Ll]ater)\b|^In [A-Z][a-z]+,")


def _rank(status: str | None) -> int:
    return {"delivered": 3, "ordered": 2, "pledged": 1, "discussed": 0}.get(status or "", -1)


def find_events(text: str, sentences: list[Sentence], mentions: list[Mention], roles: list[Mention],
                entities: dict[str, Entity], published: datetime | None, grammar: Grammar) -> list[Event]:
    """The events of an article."""
    return Events(text, sentences, mentions, roles, entities, published, grammar).run()
