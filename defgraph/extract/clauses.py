"""Questions about the clauses of a parsed sentence: how deep a word lies, what a word's phrase holds,
whether a clause is reported or shares a future auxiliary, who speaks."""

from __future__ import annotations

from .grammar import _SUBJECT, Grammar, content_word, span_head
from .parse_shapes import report_verbs
from .model import Mention
from .sentences import Sentence


def depth(grammar: Grammar, sent: Sentence, start: int, end: int) -> int:
    """How many heads stand between the word at [start, end) and the root of its sentence: the
    main clause's predicate is 0, a word in a relative or subordinate clause is deeper."""
    doc = grammar.doc(sent)
    span = doc.char_span(max(0, start - sent.start), min(end - sent.start, len(doc.text)), alignment_mode="expand")
    if span is None or not len(span):
        return 99
    t, n = content_word(list(span)), 0
    while t.head.i != t.i and n < 99:
        t, n = t.head, n + 1
    return n


def governs(grammar: Grammar, sent: Sentence, head: tuple[int, int], pos: int) -> bool:
    """Whether the word at `pos` lies in the phrase the word at `head` (offsets) heads: "an agreement
    to develop cooperation between A and B" holds its "between"; "the agreement removes limits on
    exchanges between A and B" does not."""
    doc = grammar.doc(sent)
    outer = span_head(doc, head[0] - sent.start, head[1] - sent.start)
    inner = doc.char_span(pos - sent.start, pos - sent.start + 1, alignment_mode="expand")
    if outer is None or inner is None or not len(inner):
        return False
    return any(t.i == outer.i for t in inner[0].ancestors)


def reported(grammar: Grammar, sent: Sentence, start: int, end: int) -> bool:
    """Whether the word at [start, end) heads a clause that completes another verb ("confirming that
    14 tanks will be sent", "said the jets would be delivered"), not a relative clause ("10 of which
    were delivered")."""
    doc = grammar.doc(sent)
    span = doc.char_span(max(0, start - sent.start), min(end - sent.start, len(doc.text)), alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = content_word(list(span))
    while t.head.i != t.i:
        if t.dep_ in ("relcl", "acl"):
            return False
        if t.dep_ == "ccomp":
            return True
        t = t.head
    return False


def future_conjunct(grammar: Grammar, sent: Sentence, start: int, end: int) -> bool:
    """Whether the verb at [start, end) shares a future or modal auxiliary with the verb it is
    coordinated with ("will be refitted in the UK and handed over to X"), having none of its own."""
    doc = grammar.doc(sent)
    span = doc.char_span(max(0, start - sent.start), min(end - sent.start, len(doc.text)), alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = content_word(list(span))
    if t.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in t.children):
        return False
    form = t.tag_
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
        # a participle shares "will be" ("will be refitted … and handed over"); after an active verb only a
        # bare one shares "will" ("will continue its support and on Monday handed over": a past of its own)
        if not any(c.dep_ == "auxpass" for c in t.children) and form != "VB":
            return False
        if any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in t.children):
            return True
    return False


_FUTURE_AUXILIARIES = frozenset({"will", "would", "shall", "'ll", "may", "might", "could", "should", "can"})


def speaks(grammar: Grammar, sent: Sentence, m: Mention) -> bool:
    """Whether the mention is the subject of a speech verb ("…, Minister X said"): the source of
    the report rather than a party to what it reports."""
    doc = grammar.doc(sent)
    head = span_head(doc, m.start - sent.start, m.end - sent.start)
    return head is not None and head.dep_ in _SUBJECT and head.head.text.lower() in report_verbs()


def tells_of(grammar: Grammar, sent: Sentence, m: Mention, pos: int) -> bool:
    """Whether the mention is the subject of a speech verb written before `pos` ("Doe said the talk
    between A and B …"): who tells of what follows, not a party to it."""
    verb = _speech_verb_of(grammar, sent, m)
    return verb is not None and sent.start + verb.idx < pos


def reports_after(grammar: Grammar, sent: Sentence, m: Mention, pos: int) -> bool:
    """Whether the mention is the subject of a speech verb written after `pos` whose reported clause,
    told in the third person, holds `pos` ("A and B spoke by phone, spokesman Doe said"; not "'We
    discussed air defence,' Doe said"): who tells of it, not a party to it."""
    verb = _speech_verb_of(grammar, sent, m)
    if verb is None:
        return False
    at = next((t for t in verb.doc if t.idx <= pos - sent.start < t.idx + len(t.text)), None)
    if at is None or verb.i < at.i:
        return False
    while at.head.i != at.i:
        if at.head.i == verb.i:
            clause = list(at.subtree)
            return at.dep_ in ("ccomp", "parataxis") and not any(t.lower_ in _FIRST_PERSON for t in clause)
        at = at.head
    return False


_FIRST_PERSON = frozenset({"i", "we", "me", "my"})


def _speech_verb_of(grammar: Grammar, sent: Sentence, m: Mention):
    """The speech verb whose subject the mention is, else None."""
    head = span_head(grammar.doc(sent), m.start - sent.start, m.end - sent.start)
    return head.head if head is not None and head.dep_ in _SUBJECT and head.head.text.lower() in report_verbs() else None


def conjoined_clauses(grammar: Grammar, sent: Sentence) -> list[int]:
    """Where each clause joined to another by "and" (", but", ", while") starts that has a subject and a
    verb of its own ("Israel delivered X to A and India delivered Y to B"): the offsets of the joining
    words, in order."""
    doc = grammar.doc(sent)
    out = []
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.head.pos_ != "VERB":
            continue
        # the joining word and, between it and the verb, a noun phrase only: the verb's own subject (the
        # parse may attach it elsewhere: "… to Estonia and India delivered …")
        cc = next((t for t in reversed(doc[tok.head.i + 1:tok.i]) if t.dep_ == "cc" or t.lower_ in ("and", "but")), None)
        between = doc[cc.i + 1:tok.i] if cc is not None else []
        if cc is not None and any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in between) and \
                all(t.pos_ in ("PROPN", "NOUN", "PRON", "DET", "ADJ", "NUM") or t.dep_ in ("aux", "auxpass", "neg")
                    for t in between):
            out.append(sent.start + cc.idx)
    return sorted(out)
