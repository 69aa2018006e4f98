"""How far a transfer went, from the words around its trigger: discussed, pledged, ordered or delivered."""

from __future__ import annotations

import re
from functools import lru_cache

from ..grammar import Grammar
from ..sentences import Sentence
from ..text import alternation, patterns


def stage_status(low: str, phrase: str, status: str, trig: re.Match, stage: re.Match,
                 first_eq: int) -> tuple[str, bool, bool, bool]:
    """The status the clause (`low`, folded) gives a trigger whose table status is `status` (future,
    talks, approvals, requests, contracts), and whether the trigger is a purchase, a sale and a
    delivery under contract. `stage` is the trigger whose tense counts; `first_eq` where the first
    system is named.

    >>> import re
    >>> low = "talks will begin on a possible handover of two ships"
    >>> trig = re.search("handover of", low)
    >>> stage_status(low, "handover of", "delivered", trig, trig, 44)[0]
    'discussed'
    """
    contracted = status in ("delivered", "discussed") and phrase in patterns()["delivery_nouns"] and re.search(
        r"\b(?:contract|deal|order|agreement)s?\b[^.;]*$", low[:trig.start()])
    memorandum = re.search(r"\b(?:signed|concluded|inked|exchanged)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?"
                           r"(?:memorand(?:um|a|ums)|mous?|letters? of intent)\b(?: of understanding)?(?: \(mou\))?\s+"
                           r"(?:for|on|covering|regarding)\s+(?:the\s+)?$", low[:trig.start()])
    if status in ("discussed", "delivered") and phrase in patterns()["delivery_nouns"] and memorandum:
        status = "pledged"  # "signed a memorandum for the transfer (on the delivery) of two ships": committed, not done
    prefix = low[max(0, stage.start() - 25):stage.start()]
    if status == "delivered" and re.search(r"\b(will|would|to be|is to|are to|expected to|plans to|could|can|should|"
                                           r"may|might|to)(?: be)?\s*$|"
                                           r"\b(will|would)\b(?!.*\b(already)\b)|"
                                           rf"\b(?:{'|'.join(patterns()['future_adjectives'])})\s*$", prefix):
        status = "pledged"  # "will be handed over", "the coming handover of": not there yet
    # ("are planned for 2026", not where some have come: "began in 2022 and the last batch is scheduled for 2025")
    begun = re.search(r"\b(?:arrived|began|begun|started|completed|handed\s+over|(?:were|was|have\s+been|has\s+been)\s+delivered)\b", low)
    ahead = r"(?:to|for|in\s+(?:early\s+|late\s+|mid-?)?(?:19|20)\d\d)" if begun is None else "to"  # ("are expected in 2028")
    noun, after = (phrase, trig.end()) if stage is trig else (stage.group(), stage.end())  # (the main clause's stage)
    if status == "delivered" and noun in patterns()["delivery_nouns"] and re.search(
            rf"^[^,;]*?\b(?:is|are)\s+(?:now\s+)?(?:{'|'.join(patterns()['ahead_adjectives'])})\s+{ahead}\b"
            rf"|^\s+(?:{'|'.join(patterns()['ahead_adjectives'])})\s+{ahead}\b"  # ("with deliveries planned for 2027")
            r"|^[^,;]*?\bwill\s+(?:begin|start|take place|follow|be completed)\b",
            re.split(r"\s+and\s+(?:more|further|other|the\s+rest)\b", low[after:])[0]):
        status = "pledged"  # "Deliveries of the eight X ordered in 2024 are due to begin in 2026", "are planned for 2026": ahead
    awaiting = alternation("awaiting_words")
    if status == "delivered" and phrase in patterns()["delivery_nouns"] + patterns()["arrival_words"] and \
            re.search(rf"\b(?:{awaiting})\s+(?:the\s+|their\s+|its\s+)?$", low[:trig.start()]):
        status = "pledged"  # "preparations are under way for the arrival of the 24 X": not there yet
    steps = alternation("next_step_nouns")
    if status == "delivered" and phrase in patterns()["delivery_nouns"] + patterns()["arrival_words"] and \
            re.search(rf"\bnext\s+(?:{steps})\b[^,;]*\b(?:is|will\s+be)\s+(?:the\s+)?$", low[:trig.start()]):
        status = "pledged"  # "The next milestone for the partnership is the arrival of the six X": ahead
    if status == "pledged" and re.search(r"\balready\b", low[:first_eq]):
        status = "delivered"
    talks = alternation("talks_cues")
    nouns = alternation("talks_nouns")
    if re.search(rf"\b(?:is|are|was|were|has been|have been)\s+(?:(?:still|now|currently|also)\s+)?(?:{talks})\b[^,.;]*$",
                 low[:trig.start()]) or \
            status in ("ordered", "pledged", "delivered") and re.search(
                rf"\b(?:{nouns})\s+(?:with|on|over|about)\b[^,.;]*$", low[:trig.start()]) or \
            re.search(r"\b(?:possible|potential|proposed)\s+(?:[\w-]+\s+)?$", low[:trig.start()]):
        # "is in talks with X on buying …", "started talks on a purchase of", "a possible Japanese
        # handover of": not bought, given or handed over yet
        status = "discussed"
    sale = phrase in patterns()["sale_verbs"]
    approvals = "|".join(patterns()["approval_verbs"])
    if sale and re.search(rf"\b(?:{approvals})\b", low[:trig.start()]):
        status = "discussed"  # "the U.S. cleared the sale of …": approved for sale, not yet sold
    purchase = (phrase in patterns()["purchase_triggers"] or status == "ordered") and not sale
    if contracted:
        status = "ordered"  # "the contract covers delivery of 18 jets to X": ordered, not yet delivered
    requests = alternation("request_cues")
    if purchase and re.search(rf"\b(?:{requests})\s+(?:to\s+)?$", low[:trig.start()]):
        status = "discussed"  # "Jordan had asked to buy 12 jets": requested, not bought
    prospects = alternation("prospect_cues")
    opened = re.search(rf"\b(?:{prospects})\s+(?:[\w'’-]+\s+){{1,4}}?(?:to\s+)?$", low[:trig.start()])
    if status == "ordered" and opened and (phrase.startswith("to ") or low[:trig.start()].rstrip().endswith(" to")) \
            and not re.search(r"\b(?:contracts?|orders?|deals?)\b[^,;]*\bsigned\b|\bsigned\b[^,;]*\b(?:contracts?|orders?|deals?)\b",
                              low[:opened.start()]):
        # "the memorandum opens the way for Indonesia to acquire X": a prospect, not a purchase (not where a contract
        # signed opens it, nor "paved the way for the deal and X agreed to buy")
        status = "discussed"
    gifts = alternation("gift_stems")
    # (a contract "with" a third party is what the giver bought, not what the receiver buys)
    if status == "pledged" and not purchase and not re.search(rf"\b(?:{gifts})", phrase) and \
            re.search(r"\b(?:in|under|through) (?:a|an|the|its|their|this) (?:[\w-]+ ){0,3}?contract\b(?!\s+with\b)|"
                      r"\bcontract\b[^.;]{0,40}\bunder which\b", low):
        status = "ordered"  # "is to receive 20 guns from X in a contract worth …": bought, not given
    if status == "discussed" and phrase == "transfer of" and re.search(r"\b(?:will|would|shall)\b[^,;]*$", low[:trig.start()]):
        status = "pledged"  # "the US would boost the navy's capabilities through the transfer of X": announced
    if status in ("delivered", "pledged") and re.search(r"\b(possible|potential|discussed|discuss)\b", low) \
            and re.search(r"\b(supply|transfer|delivery|sale) of\b", low):
        status = "discussed"  # "discussed the possible supply of X", anywhere in the clause
    elif status == "ordered" and re.search(r"\b(?:possible|potential|proposed)\s+(?:[\w-]+\s+){0,2}?(?:sales?|deal|purchase|acquisition)\b", low):
        status = "discussed"  # "gave the go-ahead to a potential sale of X": not sold yet
    return status, purchase, sale, bool(contracted)


def receiving(phrase: str) -> bool:
    """A trigger whose subject receives (data/patterns.json `receive_verbs`), with any auxiliary
    or "to" before the verb ("will receive", "is to receive", "has received").

    >>> receiving("is to receive"), receiving("will deliver")
    (True, False)
    """
    words = phrase.split()
    while len(words) > 1 and (words[0] in patterns()["auxiliaries"] or words[0] == "to"):
        words = words[1:]
    return phrase in patterns()["receive_verbs"] or " ".join(words) in patterns()["receive_verbs"]


def plural_noun(grammar: Grammar, sent: Sentence, start: int, trig: re.Match, phrase: str) -> bool:
    """`spare parts and medical supplies`: a verb trigger whose plural noun names things, not a
    transfer (data/patterns.json `noun_homographs`), read by the parse as that noun."""
    if phrase not in patterns()["noun_homographs"]:
        return False
    doc = grammar.doc(sent)
    span = doc.char_span(start - sent.start, start - sent.start + len(trig.group(0)), alignment_mode="expand")
    return span is not None and len(span) == 1 and span[0].tag_ == "NNS"


@lru_cache(maxsize=1)
def _granted_leave() -> re.Pattern:
    """`granted an export licence for X`, `granted Ukraine a waiver`, `they were given the following hull
    numbers`: leave or names given, not the systems (data/patterns.json `granted_leave_nouns`), matched at
    the trigger."""
    nouns = alternation("granted_leave_nouns")
    verbs = "|".join(sorted({"granted", *(f for key in ("give", "lend") for f in patterns()["transfer_verbs"][key][0] if f)},
                            key=len, reverse=True))  # (the forms of giving and lending, data/patterns.json transfer_verbs)
    return re.compile(rf"(?:(?:was|were|is|are|has|have|had|been)\s+(?:also\s+)?)*(?:{verbs})\s+"
                      rf"(?:[\w'’-]+\s+){{0,3}}?(?:{nouns})\b")


@lru_cache(maxsize=1)
def _leave_before() -> re.Pattern:
    nouns = alternation("granted_leave_nouns")
    return re.compile(rf"\b(?:{nouns})\s+$")


@lru_cache(maxsize=1)
def _instruction_received() -> re.Pattern:
    """`received training in A to handle the F-35`: a receiving trigger whose object is instruction
    (data/patterns.json `instruction_nouns`), not a system."""
    verbs = "|".join(sorted(map(re.escape, patterns()["receive_verbs"]), key=len, reverse=True))
    return re.compile(rf"(?:{verbs})\s+(?:[\w'’-]+\s+){{0,2}}?(?:{alternation('instruction_nouns')})"
                      r"(?=\s+(?:in|on|at|from|for|to|by|with|and|under|as|during)\b|\s*[,.;]|$)")  # (not "training aircraft")


def leave_given(low: str, trig: re.Match) -> bool:
    """Whether a trigger gives leave or names, not systems: "granted an export licence for X" (at the
    trigger; "received training to handle X" too), "Approval was given to X" (the subject of a passive trigger of giving, right before it), or a
    purpose: "$5 billion is earmarked for bolstering defences covering X".

    >>> import re
    >>> low = "approval was given to three submarines"
    >>> leave_given(low, re.search("was given", low)), leave_given("x was given two boats", re.search("was given", "x was given two boats"))
    (True, False)
    """
    return _granted_leave().match(low, trig.start()) is not None or _instruction_received().match(low, trig.start()) is not None or (
        re.search(r"\b(?:given|granted)$", trig.group()) is not None and _leave_before().search(low[:trig.start()]) is not None
    ) or re.search(r"\bfor$", trig.group()) is not None and re.match(r"\s+[a-z]+ing\b", low[trig.end():]) is not None
