"""Agreements the text names rather than reports signed: a document something is done under, one
named by its two states ("the Japan-Germany agreement")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import AGENCY, COUNTRY, Event
from ..sentences import Sentence
from ..text import alternation, fold, patterns, spelling_variants, trigger_regex


class NamedAgreements:
    """Agreements the text names rather than reports signed."""

    def _document_told_before(self, sent: Sentence, low: str) -> re.Match | None:
        """`… signed the Lima Declaration. The document was signed by the ministers of A, B and C`: "the document was
        signed" right after a sentence (one of two) that names an agreement, not a law or a letter, is that agreement,
        its parties not yet told."""
        named = _THE_DOCUMENT.search(low)
        if named is None or any(e.cls == "Agreement" for e in self.events):
            return None
        i = self._order[sent.start]
        for x in reversed(self.sentences[max(0, i - 2):i]):
            text = fold(x.text)
            if _OTHER_PAPERS.search(text):
                return None  # ("the martial-law bill … The document was signed by …")
            if trigger_regex("agreement").search(text):
                return named
        return None

    def _agreement_under(self, sent: Sentence) -> None:
        """`handed over under agreements between the two countries`, `delivered under a $240 million deal
        between A and B`: a document in force that something is done under, with its parties."""
        low = fold(sent.text)
        under = _under_document().search(low)
        if under is None or _denied(low, under) or not (under.group("between") or under.group("two")) \
                or _cue(low, "negotiation_cues") or _cue(low, "unsigned_document_cues") or re.search(r"\bunder\s*way\b|\bunder\s+(?:discussion|negotiation|consideration)", low):
            return  # "Under the deal, …": the document reported already
        kind = patterns()["agreement_triggers"].get(under.group("doc")) or next(
            (v for k, v in patterns()["agreement_triggers"].items() if fold(k) in spelling_variants(under.group("doc"))),
            "agreement")
        actors = self._actors(sent, (AGENCY, COUNTRY))
        two = re.match(r"\s+the\s+two\s+(?:countries|states|sides|nations)\b", low[under.end():])
        if under.group("between") and not two:
            parties = self._between(actors, sent, sent.start + under.end())
        else:  # "under the two countries' agreements": the two states the sentence names
            parties = self._distinct([self.country_of(a.key) for a in actors if self.country_of(a.key)])
            parties = parties if len(parties) == 2 else self._states_named_last(sent, 2) if two else []
        if len(parties) == 2 and parties[0] != parties[1]:
            self.events.append(Event("Agreement", self.evidence(sent), confidence=0.5, parties=parties, kind=kind,
                                     date=None))

    def _documents_named_by_states(self) -> None:
        """`the Japan-Germany agreement on equipment transfers`, `Fiji–NZ pact on defence ties`: a document
        named by two states joined by a hyphen is an agreement between them, unless the article has one
        of theirs already (signed by their people, say) or calls it unsigned ("a proposed A-B treaty")."""
        table = patterns()["agreement_triggers"]
        whole = fold(self.text)
        if re.search(r"\b(?:will|would|shall|going\s+to)\s+sign\s+(?:an?|the)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?"
                     r"(?:agreement|treaty|memorandum|accord|pact)\b", whole) \
                and not re.search(r"\b(?:signed|inked|concluded|sealed)\b", whole):
            return  # ("We will sign an agreement …" and "the new A-B agreement": one still to be signed)
        for sent in self.sentences:
            low = fold(sent.text)
            words = re.findall(r"[A-Za-z][\w'’-]*", sent.text)
            if _cue(low, "negotiation_cues") or _cue(low, "unsigned_document_cues") or \
                    sum(w[0].isupper() for w in words) > 0.6 * len(words):
                continue  # ("Canada-Mexico Talks Stall Over Defence Deal": a headline's capitals name nothing)
            named = self.in_sentence(sent, COUNTRY)
            for a, b in zip(named, named[1:]):
                if a.key == b.key or not re.fullmatch(r"[-–/]", self.text[a.end:b.start]) or \
                        re.search(r"[-–/]$", self.text[max(0, a.start - 1):a.start]):
                    continue  # ("the Australia-UK-US pact": three states, no pair of them)
                after = self.text[b.end:sent.end]
                trig = trigger_regex("agreement").search(fold(after))
                if trig is None or not re.fullmatch(r"(?:\s+[\"“”'‘’]?[A-Z][\w'’-]*[\"“”'‘’]?){0,4}\s+", after[:trig.start()]):
                    continue
                if re.search(r"\bProgram(?:me)?$", after[trig.start():trig.end()]):
                    continue  # "the UK-Ghana Civilian Military Cooperation Programme": a programme by name, a body
                before = low[:a.start - sent.start].split()[-2:]
                if any(w in ("a", "an", "joint") for w in before) or \
                        self._agreement_of_states({a.key, b.key}):
                    continue
                self.events.append(Event("Agreement", self.evidence(sent), confidence=0.5, parties=[a.key, b.key],
                                         kind=table.get(trig.group(1)) or "agreement", date=None))

    def _agreement_of_states(self, states: set[str]) -> bool:
        """Whether an agreement found has parties of exactly these states."""
        return any(e.cls == "Agreement" and {self.country_of(k) or k for k in e.parties} == states for e in self.events)


# "under a $240 million deal between", "under agreements between", "under the two countries' agreements"
@lru_cache(maxsize=1)
def _under_document() -> re.Pattern:
    """`under an agreement between`, `on the strength of an agreement between` (data/patterns.json
    `under_document_cues`): a document in force that something is done under."""
    cues = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in patterns()["under_document_cues"])
    return re.compile(rf"\b(?:{cues})\s+(?:(?:an?|the|its|their)\s+)?(?:(?P<two>two\s+(?:countries|states|sides|nations)['’]\s+)"
                      r"|(?:[\w$€£.,-]+\s+){0,4}?)(?P<doc>agreements?|deals?|contracts?|pacts?|accords?|memorand(?:um|ums|a)|mous?|protocols?|treat(?:y|ies))"
                      r"(?P<between>(?:\s+(?:on|for|of)\s+(?:[\w-]+\s+){0,3}?[\w-]+)?\s+between\b)?")  # ("the MoU on police cooperation between")


def _denied(low: str, trig: re.Match) -> bool:
    """`for which no contract has yet been signed`: the document is denied, nothing is signed."""
    before = low[max(0, trig.start() - 25):trig.start()]
    denials = alternation("denials")
    return re.search(rf"\b(?:{denials})\s+(?:[\w-]+\s+)?$", before) is not None


def _cue(low: str, name: str) -> bool:
    """Whether the sentence holds one of the phrases of a data/patterns.json list."""
    return re.search(rf"\b(?:{alternation(name)})\b", low) is not None


def _plural(document: str) -> bool:
    """Whether a document noun names several documents ("memoranda", "contracts", "MoUs")."""
    head = fold(document).split(" of ")[0].split()  # "memoranda of understanding", "letters of intent"
    last = head[-1] if head else ""
    return last == "memoranda" or (last.endswith("s") and not last.endswith("ss"))


def _future(before: str) -> bool:
    """Whether the words before a signing verb put it in the future ("will sign", "plans to sign")."""
    if re.search(r"(?<!have )\bled\s+to\s+(?:the\s+)?$", before):
        return False  # "the talks led to the signing of": it was signed
    future = alternation("future_cues")
    # ("hoped to have a defence cooperation agreement signed": wanted, not done; "promised to speed up the signing of")
    return re.search(rf"\b(?:{future})\s+(?:[a-z]+\s+)?$|\bto\s+(?:have|get|see)\s+(?:[\w-]+\s+){{1,6}}$"
                     rf"|(?<!helped )(?<!helped to )\b(?:{alternation('hastening_verbs')})\s+(?:the\s+)?$", before) is not None


# a document told before, named again: "the document", "this text"
_THE_DOCUMENT = re.compile(r"\b(?:the|this)\s+(document|text)\s+(?=(?:was|were|has\s+been|had\s+been)\s+signed\b)")
# papers that are no agreement, which "the document" may be: "the bill", "a decree", "a joint letter"
_OTHER_PAPERS = re.compile(r"\b(?:law|laws|bill|decree|concept|letter|strategy|resolution|order|report|doctrine|budget|constitution)\b")
