"""Transfers told clause by clause: a sentence cut into its clauses, bullet lines under their lead, the things a
transfer told by their kind named next."""

from __future__ import annotations

import re

from ..clauses import conjoined_clauses
from ..model import AGENCY, COUNTRY, EQUIPMENT
from ..sentences import Sentence, list_line
from ..text import content_triggers, fold, trigger_regex
from .transfer_parties import _deal_is_for
from .transfer_talks import _talks_clause


# the things a transfer told by their kind named next: "They are …", "The ships were …"
_NAMED_NEXT = re.compile(r"\s*(?:They|These|Both|The\s+(?:[a-z-]+\s+)?[a-z]+s)\s+(?:are|were)\s+(?:the\s+)?")


class TransferClauses:
    """Transfers told clause by clause (mixed into the transfer rules)."""

    def _transfers(self, sent: Sentence) -> None:
        """Transfers in each clause of a sentence (split at ';', ':' and ', while/whereas/but');
        bullet lines take the event of the lead line above them."""
        i = self._order[sent.start]
        if list_line(sent, self.sentences[i - 1] if i else None):
            if self.lead is not None:
                self._bullet(sent)
                return
        else:
            self.lead = None
        if self.frame is not None and self.frame[1] != sent.paragraph:
            self.last_transfer, self.frame = self.frame[0], None  # a stated frame holds for its paragraph
        before = len(self.events)
        self._clauses(sent)
        named = _NAMED_NEXT.match(sent.text)
        if len(self.events) == before and named and self.last_transfer is not None and not self.last_transfer.equipment \
                and any(m.start == sent.start + named.end() for m in self.in_sentence(sent, EQUIPMENT)):
            self._bullet(sent, self.last_transfer)  # "… received two used frigates. They are HMAS X and HMAS Y."
        if sent.text.rstrip().endswith(":"):
            # "The delivery comprised:" with no parties of its own: those of the story's opening transfer
            contents = any(self._phrase_status(t)[0] in content_triggers()
                           for t in trigger_regex("transfer").finditer(fold(sent.text))) \
                and not re.search(r"\b(?:contracts?|deals?|agreements?)\s*:\s*$", fold(sent.text))  # "… of three contracts:"
            self.lead = self.events[-1] if len(self.events) > before else self._lead(sent, opened=contents)
        elif len(self.events) == before and not self.in_sentence(sent, EQUIPMENT) and self._systems_follow(sent):
            # "The US announced a new aid package. It includes 18 HIMARS …": its parties for the sentences naming them
            lead = self._lead(sent, opened=True)
            if lead is not None:
                self.frame = (self.frame[0] if self.frame else self.last_transfer, sent.paragraph)
                self.last_transfer = lead
        elif len(self.events) == before and not self.in_sentence(sent, EQUIPMENT) and self.last_transfer is not None:
            self._counted_contents(sent)
        elif len(self.events) == before and not self.in_sentence(sent, EQUIPMENT) and self.last_transfer is None:
            # "Equipment worth $4 million was donated by the US to Kenya." opening a story: for a later statement
            self.unsystemed = self._lead(sent) or self.unsystemed

    def _transfers_in(self, sent: Sentence, whole: Sentence) -> None:
        if len(trigger_regex("transfer").findall(fold(sent.text))) > 1:
            # "Israel delivered X to A and India delivered Y to B": each clause with its own subject apart
            cuts = [c for c in conjoined_clauses(self.grammar, whole) if sent.start < c < sent.end]
            parts = list(zip([sent.start] + cuts, cuts + [sent.end]))
            # (each with two sides of its own: "A will deliver X and B will send Y to C" shares C)
            if cuts and all(len({m.key for m in self.between(s, e) if m.family in (COUNTRY, AGENCY)}) >= 2
                            for s, e in parts):
                for s, e in parts:
                    self._transfers_in(Sentence(s, e, self.text[s:e], sent.paragraph), whole)
                return
        talks = _talks_clause(sent)
        if talks is not None:
            # "X ordered the Y, and Z has held talks about the same missile": the talks a clause of their own
            self._transfers_in(Sentence(sent.start, talks, self.text[sent.start:talks], sent.paragraph), whole)
            sent = Sentence(talks, sent.end, self.text[talks:sent.end], sent.paragraph)
        equipment = self.in_sentence(sent, EQUIPMENT)
        if not equipment:
            self._kind_handed_over(sent)
            return
        before = len(self.events)
        if talks is None:
            self._triggered(sent, whole, equipment)
        if len(self.events) == before and _deal_is_for().match(sent.text):
            self._deal_covers(sent)
        if len(self.events) == before:
            actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY)]
            self._talks_about(whole, [m for m in equipment if not self._hostile(sent, m)], actors)
