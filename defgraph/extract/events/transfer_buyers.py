"""Who buys what a purchase noun names: the state written before it, or the state an order is "from"."""

from __future__ import annotations

import re

from ..model import COUNTRY, Mention
from ..sentences import Sentence
from ..text import possessive_between


class TransferBuyers:
    """The buyer of an order or purchase written as a noun."""

    def _nominal_buyer(self, trig_pos: int, equipment: list[Mention]) -> str | None:
        """`Croatia's AMVXP order`, `the Croatian K9 purchase`: the state written right before a
        system that a purchase noun follows is the buyer."""
        m = next((m for m in equipment if re.fullmatch(r"\s+", self.text[m.end:trig_pos])), None)
        if m is None:
            return None
        owner = next((x for x in reversed(self.between(m.start - 25, m.start)) if x.family == COUNTRY
                      and possessive_between(self.text, x.end, m.start)), None)
        if owner is None or (owner.key == self._origin(m) and not self.text[owner.end:m.start].startswith(("'", "’"))):
            return None  # "the South Korean K9 order": the maker's nationality, not the buyer
        return owner.key

    def _order_placed_by(self, actors: list[Mention], subject: str | None, m: Mention, sent: Sentence,
                         trig: re.Match, whole: Sentence) -> tuple[str, str | None] | None:
        """`Hanwha won a K9 order from Norway`, `a 126-vehicle Lynx order from Greece`: an order (the noun)
        "from" a state or body that sells nothing, taken by a maker, or of a system named before it and
        made elsewhere, comes from its buyer (not `an order for Rafales from France`, nor a second-hand
        `order for 32 F-16 jets from Norway`): the buyer, and the maker that took it (else the system's
        origin, where the text names it, sells)."""
        # the "from" of the order itself, in its clause ("With financing from Germany, …": not that one)
        source = next((a for a in actors if a.start > sent.start + trig.end() and re.fullmatch(
            r"[^,;:()]*?\bfrom\s+(?:the\s+)?", self.text[sent.start + trig.end():a.start])), None)
        buyer = self.country_of(source.key) if source is not None else None
        if buyer is None or self._sells([source.key]) or not self._noun_at(whole, sent.start + trig.start(),
                                                                          sent.start + trig.end()):
            return None
        if subject is not None and self._sells([subject]):
            return (source.key, subject) if self.country_of(subject) != buyer else None
        if any(a.key != source.key and not self._sells([a.key]) for a in actors):
            return None  # "The F-16 order from Norway was finalised by Romania": a second-hand order's buyer named
        origin = self._origin(m)
        adjacent = re.fullmatch(r"\s+from\s+(?:the\s+)?", self.text[sent.start + trig.end():source.start])
        named_before = m.end <= sent.start + trig.start()
        return (source.key, None) if subject is None and adjacent and named_before and origin not in (None, buyer) \
            else None

    def _noun_at(self, sent: Sentence, start: int, end: int) -> bool:
        """Whether the last word at [start, end) (article offsets) is a noun in the parse of `sent` ("an
        order", not "ordered")."""
        doc = self.grammar.doc(sent)
        span = doc.char_span(start - sent.start, end - sent.start, alignment_mode="expand")
        return span is not None and len(span) > 0 and span[-1].pos_ in ("NOUN", "PROPN")
