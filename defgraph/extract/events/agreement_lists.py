"""Agreements listed under a lead line: bullets naming the partners of a party the lead names, or naming the
documents "the following documents were signed:" introduces."""

from __future__ import annotations

import re

from ..model import AGENCY, COUNTRY, Event
from ..sentences import Sentence, sentence_before
from ..text import fold, patterns, trigger_regex
from .agreement_names import _cue, _denied

# a lead line after which bullets name documents signed: "the following documents were signed:", "Documents signed include:"
_SIGNED_DOCUMENTS = re.compile(r"\b(?:documents|agreements|memoranda|instruments)\b[^:]*\b(?:signed|concluded|inked)\b"
                               r"|\b(?:signed|concluded|inked)\b[^:]*\b(?:documents|agreements|memoranda|instruments)\b")
# a lead of documents not signed, or not yet: "are expected to be signed next year:", "were not signed because …:"
_NOT_SIGNED_YET = re.compile(r"\b(?:not|never|to\s+be|will|would|shall|expected|planned|due|set)\b")


# those listed as some of the companies that signed: "Among the companies that signed contracts were A, B", "A and B
# were among the suppliers that signed"
_SIGNER_NOUNS = (r"(?:[\w-]+\s+)?(?:companies|firms|suppliers|contractors|manufacturers|makers)\s+(?:that|which|who)\s+"
                 r"(?:signed|(?:won|secured)\s+(?:the\s+)?(?:contracts?|deals?|orders?))\b")  # (not "that won awards")
_AMONG_SIGNERS = re.compile(rf"^among\s+the\s+{_SIGNER_NOUNS}|\b(?:were|are)\s+among\s+the\s+{_SIGNER_NOUNS}")


def signed_documents_lead(low: str) -> bool:
    """Whether a folded lead line introduces documents signed (not ones to be signed, or not signed)."""
    return _SIGNED_DOCUMENTS.search(low) is not None and not _NOT_SIGNED_YET.search(low)


class ListedAgreements:
    """Agreements in bullet lines under a lead (mixed into the agreement rules)."""

    def _states_of_signers_by(self, sent: Sentence, verb: re.Match) -> list[str]:
        """`The document was signed by the ministers of A, B, C and D`: the states of a list after the passive's "by"
        and a plural title ("ministers", "representatives") are each a party."""
        if re.search(r"\bbetween\b", fold(sent.text)) or any(m.family == AGENCY for m in self.in_sentence(sent)):
            return []  # ("the memorandum between A's ministry and B was signed by representatives of A and C": its sides)
        by = _BY_TITLES_OF.match(fold(self.text[sent.start + verb.end():sent.end]))
        at = sent.start + verb.end() + by.end() if by else -1
        run = next((r for r in self._state_runs(self.in_sentence(sent, COUNTRY)) if r[0].start == at), [])
        keys = self._distinct([m.key for m in run])
        return keys if len(keys) >= 2 else []

    def _document_lead(self, sent: Sentence) -> tuple[str, str] | None:
        """`The 27 contracts bring together the Ministry of Defence and its partners, namely:`: a lead
        line that names documents and exactly one body or state, whose partners the bullets list."""
        low = fold(sent.text)
        trig = trigger_regex("agreement").search(low)
        if trig is None or _denied(low, trig) or _cue(low, "negotiation_cues") or any(
                t.end() >= len(low.rstrip()) - 7 for t in trigger_regex("transfer").finditer(low)):
            return None  # ("Under the contract, the Navy will be supplied with:" lists what it gets, not partners)
        named = self._distinct([a.key for a in self._actors(sent, (AGENCY, COUNTRY))])
        named = [k for k in named if not self._state_of_body(sent, k, named)]  # ("Peru's Ministry of Defence": one)
        if len(named) != 1:
            return None
        table = patterns()["agreement_triggers"]
        return named[0], table.get(trig.group(1)) or "agreement"

    def _state_of_body(self, sent: Sentence, state: str, keys: list[str]) -> bool:
        """Whether `state` is written as that of another of `keys`, a body: "the Agency of Chile", "Chile's Agency"."""
        here = self.in_sentence(sent)
        return any(c.key == state and c.family == COUNTRY and b.key in keys and b.family == AGENCY
                   and (re.fullmatch(r"\s+(?:\([A-Z]{2,8}\)\s+)?of\s+(?:the\s+)?", self.text[b.end:c.start]) or re.fullmatch(r"['’]s\s+", self.text[c.end:b.start]))
                   for c in here for b in here if b.key != state)

    def _signers_listed(self, sent: Sentence) -> bool:
        """`The ministry signed 12 contracts with nine suppliers. Among the companies that signed contracts were A, B
        and C`: an agreement of the one party the sentence before names with each company listed."""
        before = sentence_before(self.sentences, sent)
        lead = self._document_lead(before) if before is not None and _AMONG_SIGNERS.search(fold(sent.text)) else None
        if lead is None:
            return False
        companies = [k for k in self._distinct([a.key for a in self._actors(sent, (AGENCY,))]) if k != lead[0]]
        for key in companies:
            self.events.append(Event("Agreement", self.evidence(sent), confidence=0.5, parties=[lead[0], key],
                                     kind=lead[1], date=None))
        return bool(companies)

    def _listed_party(self, sent: Sentence) -> None:
        """`3. PT Example Industries;` under a document lead: an agreement of the lead's party with each
        body or company the bullet names."""
        party, kind = self.document_lead
        for key in self._distinct([a.key for a in self._actors(sent, (AGENCY,))]):
            if key != party:
                self.events.append(Event("Agreement", self.evidence(sent), confidence=0.5, parties=[party, key],
                                         kind=kind, date=None))

    def _listed_document(self, sent: Sentence) -> None:
        """`- Agreement between the Government of A and the Government of B on military cooperation;` under
        "the following documents were signed:": each document the bullets name, between the sides they name."""
        low = fold(sent.text)
        doc = re.match(r"\s*(?:[-•*–]|\d{1,2}[.)])\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?"
                       rf"(?P<doc>{trigger_regex('agreement').pattern})[^;:]*?\bbetween\s+", low)
        if doc is None:
            return
        kind = next((v for k, v in patterns()["agreement_triggers"].items() if k == fold(doc.group("doc")).strip()), "agreement")
        parties = self._between(self._actors(sent, (AGENCY, COUNTRY)), sent, sent.start + doc.end())
        if len(parties) == 2 and parties[0] != parties[1]:
            self.events.append(Event("Agreement", self.evidence(sent), confidence=0.5, parties=parties, kind=kind,
                                     date=None))


# "by the defence ministers of ", "by representatives of the": titles of the several who sign for states
_BY_TITLES_OF = re.compile(r"\s+by\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:ministers|representatives|heads|leaders|delegations|governments"
                           r"|ambassadors|envoys|chiefs)\s+of\s+(?:the\s+)?")
