"""Agreements: documents signed or concluded, and their parties."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import country_key
from ..clauses import governs, speaks
from ..grammar import role_table
from ..model import AGENCY, COUNTRY, PERSON, Event, Mention
from ..sentences import BULLET, Sentence, sentence_before
from ..text import alternation, fold, patterns, spelling_variants
from ..text import trigger_regex
from .agreement_lists import ListedAgreements, signed_documents_lead
from .agreement_names import NamedAgreements, _cue, _denied, _future, _plural
from .agreement_parties import HEADS_OF, AgreementParties
from .people import group_of_people, group_subject, looks_on


@lru_cache(maxsize=1)
def roles_of_contract() -> dict[str, dict[str, str]]:
    """data/roles.json: for each kind of contract verb, and the contract noun, relation → buyer or seller."""
    return {k: v for k, v in role_table().items() if k in ("award", "win", "contract", "noun")}

# relations to the signing verb of the parties to an agreement
AGREEMENT_RELATIONS = {"subject", "with", "between", "by"}
# a clause that says when, opened between a state and the signing verb: "…, two weeks after C signed"
# a document said signed, in the passive: "The agreement was signed on Wednesday evening with"
_PASSIVE_SIGNING = re.compile(r"\b(?:was|were|has\s+been|have\s+been)\s+(?:[a-z]+\s+){0,2}?(?:signed|concluded|inked)$")
_SUBORDINATE = re.compile(r"\b(?:after|before|since|while|when|until|as)\s+(?:[\w-]+\s+){0,4}")

class AgreementRules(ListedAgreements, NamedAgreements, AgreementParties):
    """Agreements: documents signed or concluded, and their parties."""

    def _agreements(self, sent: Sentence) -> None:
        """Documents signed in the sentence; else a contract a company is given, wins or holds;
        bullet lines under a lead that names a document and one party name the other parties."""
        if BULLET.match(sent.text):
            if self.document_lead is not None:
                self._listed_party(sent)
                return
            if self.documents_signed:
                self._listed_document(sent)
                return
        else:
            lead = sent.text.rstrip().endswith(":")
            self.document_lead = self._document_lead(sent) if lead else None
            self.documents_signed = lead and signed_documents_lead(fold(sent.text))
        before = len(self.events)
        if self._signers_listed(sent):
            return
        self._signed(sent)
        if len(self.events) == before:
            self._contract(sent)
        if len(self.events) == before:
            self._purchase_agreement(sent)
        if len(self.events) == before:
            self._agreement_under(sent)
        if len(self.events) == before:
            self._contract_of_last_transfer(sent)

    def _purchase_agreement(self, sent: Sentence) -> None:
        """`Canada has concluded an agreement to buy 16 P-8 aircraft`, `delivered under a contract
        signed in 2019`: a contract or deal for what the sentence says is bought is an agreement of
        buyer and seller, the seller implied as for any purchase."""
        low = fold(sent.text)
        table = patterns()["agreement_triggers"]
        trig = next((t for t in trigger_regex("agreement").finditer(low)
                     if table.get(t.group(1)) in ("contract", "agreement")), None)
        verb = self._signing_verb(sent, low)
        if trig is None or verb is None or _denied(low, trig) or _cue(low, "negotiation_cues") \
                or _cue(low, "competition_cues"):
            return
        if _future(low[:verb.start()]):
            return  # "will sign a contract": nothing signed yet
        # a side of it named in the sentence: parties wholly inferred make no agreement
        moved = [e for e in self.events if e.cls == "Transfer" and e.evidence.start == sent.start
                 and e.status in ("ordered", "delivered") and (self._states(e, "recipient") or self._states(e, "supplier"))]
        for rec, sup in dict.fromkeys((e.recipient, e.supplier) for e in moved):
            if rec and sup and rec != sup:
                self._add_agreement(sent, [rec, sup], table[trig.group(1)])

    def _contract(self, sent: Sentence) -> None:
        """`X was awarded a contract`, `A contracted X`, `a direct contract with X`: the company and
        its buyer, the buyer implied where the text leaves it out (the buying state's ministry or
        procurement agency named in the article, else that state)."""
        low = fold(sent.text)
        table = patterns()["agreement_triggers"]
        verb = trigger_regex("contract_verbs").search(low)
        if verb is not None and verb.group(1) == "commissioned" and not re.match(
                r"\s+(?:the\s+)?(?:[\w-]+\s+){1,5}?to\s+(?:supply|deliver|build|produce|manufacture|develop|provide|repair|modernise|modernize)\b",
                low[verb.end():]):
            verb = None  # "commissioned the company X to supply trucks" (not "commissioned the frigate into service")
        given = verb is not None and patterns()["contract_verbs"][verb.group(1)] in ("win", "award") \
            and self._takes_document(sent, verb) and not _future(low[:verb.start()]) \
            and not re.search(r"\bto\s+$", low[:verb.start()])  # ("hopes to win a deal": not won)
        # "Acme has landed a deal worth €10 billion from the government": a deal won or awarded is a contract
        trig = next((t for t in trigger_regex("agreement").finditer(low) if table.get(t.group(1)) == "contract"
                     or given and t.group(1) in patterns()["deal_cues"]),
                    verb if verb is not None and patterns()["contract_verbs"][verb.group(1)] == "contract" else None)
        if trig is None or _denied(low, trig) or _cue(low, "negotiation_cues") or _cue(low, "competition_cues"):
            return
        actors = self._actors(sent, (AGENCY, COUNTRY))
        document = Mention(sent.start + trig.start(), sent.start + trig.end(), trig.group(1), "document")
        roles: dict[str, list[str]] = {"buyer": [], "seller": []}
        if verb is not None:
            frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), [document] + actors)
            if frame.negated:
                return
            if frame.relation(document) is not None or patterns()["contract_verbs"][verb.group(1)] == "contract":
                kind = roles_of_contract()[patterns()["contract_verbs"][verb.group(1)]]
                for a in actors:
                    role = kind.get(frame.relation(a) or "")
                    if role:
                        roles[role].append(a.key)
        frame = self.grammar.frame(sent, document.start, document.end, actors)
        for a in actors:
            role = roles_of_contract()["noun"].get(frame.relation(a) or "")
            if role and a.key not in roles["buyer"]:
                roles[role].append(a.key)
        sellers = [k for k in self._distinct(roles["seller"]) if self.entities[k].cls == "Company"] or \
            [k for k in self._distinct(roles["seller"]) if self.entities[k].cls == "StateEnterprise"]
        buyers = sorted((k for k in self._distinct(roles["buyer"])
                         if self.entities[k].cls != "Company" and k not in sellers),
                        key=lambda k: self.entities[k].family == COUNTRY)  # "the Chilean Army": the agency
        if not sellers and len(buyers) == 1 and re.match(r"the\s+", low[max(0, trig.start() - 4):trig.start()]):
            self._buyer_of_last_contract(buyers[0])
            return
        if len(sellers) != 1:
            return
        buyer = buyers[0] if buyers else self._implied_buyer(self.country_of(sellers[0]))
        if buyer is None or buyer == sellers[0]:
            return
        self._add_agreement(sent, [buyer, sellers[0]], "contract")

    def _buyer_of_last_contract(self, buyer: str) -> None:
        """`X signed a contract for six vessels for the navy. The contract, awarded by the ministry, …`:
        the agreement named last, with its company, was awarded by that buyer."""
        last = next((e for e in reversed(self.events) if e.cls == "Agreement"), None)
        if last is None or len(last.parties) != 2 or buyer in last.parties:
            return
        seller = [k for k in last.parties if self.entities[k].cls in ("Company", "StateEnterprise")]
        if len(seller) == 1:
            last.parties = [buyer, seller[0]]

    def _signed(self, sent: Sentence) -> None:
        """A document the sentence says was signed or concluded, and its parties."""
        low = fold(sent.text)
        trig = trigger_regex("agreement").search(low) or self._document_told_before(sent, low)
        signing = trigger_regex("signing_verbs")
        verb = self._signing_verb(sent, low) if trig else None
        if not trig or not verb:
            return
        if re.match(r"\s+off\b", low[verb.end():]):
            return  # "signed off on a request": approved, nothing signed
        then = signing.match(low, verb.end() + len(re.match(r"\s+to\s+", low[verb.end():]).group())) \
            if re.match(r"\s+to\s+(?!the\b|an?\b)[a-z]+", low[verb.end():]) else None
        agreed = verb
        if then is not None and verb.group(1) == "agreed" and low[:verb.start()].rstrip().endswith(("have", "has")) \
                and re.match(r"(?:put|affix)\w*\s", then.group(1)) and not _cue(low, "future_time_cues"):
            verb = then  # "A, B and C have agreed to put their signatures to a Letter of Intent": they signed it
        elif re.match(r"\s+to\s+(?!the\b|an?\b)[a-z]+", low[verb.end():]):
            return  # "the two leaders agreed to expand cooperation": an intention, nothing signed
        if _cue(low, "negotiation_cues"):
            return
        spectators = alternation("spectator_verbs")
        if verb.group(1).startswith("signing") and re.search(rf"\b(?:{spectators})\b|\bin the presence of\b", low) \
                and not re.search(r"\bbetween\b", low):
            return  # "Attending the MoU signing were A, B and C": who looks on at a signing signs nothing
        # "In the second major deal, the ministry concluded a contract with X": the document the verb takes, its
        # object first ("In line with protocol, X signed a contract")
        related = []
        for other in trigger_regex("agreement").finditer(low):
            doc = Mention(sent.start + other.start(), sent.start + other.end(), other.group(1), "document")
            relation = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), [doc]).relation(doc)
            if relation:
                related.append((relation not in ("object", "passive"), other))
        if related:
            trig = min(related, key=lambda r: r[0])[1]
        kind = patterns()["agreement_triggers"].get(trig.group(1)) or next(
            (v for k, v in patterns()["agreement_triggers"].items() if fold(k) in spelling_variants(trig.group(1))),
            "agreement")
        actors = self._actors(sent, (AGENCY, COUNTRY, PERSON))
        # "with Chancellor Jane Doe looking on": who looks on signs nothing
        actors = [a for a in actors if not re.match(rf"\s+(?:{spectators})\b", fold(self.text[a.end:a.end + 20]))]
        document = Mention(sent.start + trig.start(), sent.start + trig.end(), trig.group(1), "document")
        frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), [document])
        if verb.group(1) in patterns()["object_only_signing_verbs"] and frame.relation(document) != "object":
            return  # "exchanged views on a future agreement": only memoranda exchanged are signed
        group = group_subject(low)
        if group is not None and (looks_on(low, group) or group not in low[:verb.start()] and re.search(
                rf"\b(?:in|across|within)\s+{re.escape(group)}\b", low[verb.end():])):
            group = None  # "With both ministers looking on, A and B concluded an arrangement": A and B sign ("… to
            # strengthen operations in both countries": where, not who signs)
        # "a defence agreement the two countries signed in August": the parse may miss the object gap
        reduced = group is not None and trig.end() <= verb.start() and re.fullmatch(
            rf"(?:\s+(?:on|of|for|in)(?:\s+[\w-]+){{1,4}}?)?\s+(?:that\s+|which\s+)?{re.escape(group)}\s+(?:have\s+|has\s+|had\s+)?",
            low[trig.end():verb.start()])  # (and "the memorandum on defence cooperation that the three countries signed")
        # ("signed a document titled 'Arrangement … between A and B'": the document the title names)
        titled = re.search(r"\b(?:signed|inked|concluded)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:document|text|paper)\s+"
                           r"(?:titled|entitled|called|named)\s+[\"“'‘]?$", low[:trig.start()])
        if frame.negated or (frame.relation(document) is None and not reduced and not titled) or _denied(low, trig) or \
                _future(low[:agreed.start()]):
            # "agreed to push to conclude negotiations on a trade agreement", "will sign an agreement in
            # March": nothing signed (yet)
            return
        if verb.group(1) == "signing" and re.match(r"\s+of\s+the\s", low[verb.end():]) and \
                any(e.cls == "Agreement" and e.kind == kind for e in self.events):
            return  # "said the signing of the MoU was expected to …": the document told before
        parties = self._signed_for(sent, actors) or self._states_of_signers_by(sent, verb)
        if len(parties) >= 2:
            if not self._told_before(low, parties, kind):  # "The contract was signed on behalf of A by …"
                self._add_agreement(sent, parties, kind)
            return
        if group is None and not re.search(r"\bbetween\b", low):  # "between A and B" is read below
            relations = AGREEMENT_RELATIONS | ({"on"} if "on behalf of" in low else set())
            parties = self._parties_by_grammar(sent, signing, (AGENCY, COUNTRY, PERSON), relations, actors=actors, at=verb)
            if verb.group(1).startswith("signing") and re.match(r"\s+of\b", low[verb.end():]):
                # "A recalled the signing of the treaty by B and C": who signed, not who tells of it
                frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), actors)
                agents = self._distinct([a.key for a in actors if a.key in parties and frame.relation(a) == "by"])
                parties = agents if len(agents) >= 2 else parties
            parties = parties if len(parties) >= 2 else self._signers_after_by(sent, verb) or \
                self._pronoun_and_person(sent, verb) or parties
            placed = [k for k in parties if self.entities[k].family != PERSON]
            parties = placed if len(placed) >= 2 else parties  # signatories stand in only for no one else
            listed = self._with_partners(sent, verb, actors)
            # (the grammar's parties first, then those listed with them that the parse lost)
            partners = [k for k in parties if k in listed] + ([k for k in listed if k not in parties] if parties else [])
            signers = [k for k in parties if k not in partners]
            # "The Defence Procurement Agency of Chile signed contracts with A and B": one signer, written with its state
            signers = [k for k in signers if not self._state_of_body(sent, k, signers)]
            if not signers and partners:
                # "The council signed the deals with A, with B and with C": the body named before
                signers = [k for k in [self._definite_subject(sent, verb)] if k is not None]
            if not signers and partners and _PASSIVE_SIGNING.search(low[:verb.end()]) and " by " not in low \
                    and all(self.entities[k].family == COUNTRY for k in partners):
                # "Poland will widen its cooperation with eight states. The agreement was signed on Wednesday with A, B
                # and C": by the state the sentence before opens with (with companies, by the body that buys, below)
                before = sentence_before(self.sentences, sent)
                signers = [m.key for x in [before] if x is not None for m in self.in_sentence(x, COUNTRY)[:1]
                           if re.fullmatch(r"(?:the\s+)?", self.text[x.start:m.start], re.I) and m.key not in partners]
            if len(signers) == 1 and len(partners) >= 2 and _plural(document.text):
                for partner in partners:  # "signed three memoranda with A, B and C": one with each
                    self._add_agreement(sent, [signers[0], partner], kind)
                return
            if len(signers) == 1 and len(partners) >= 2:
                # "the contract was signed by A with makers B, C and D": one document, all its parties
                self._add_agreement(sent, signers + partners, kind)
                return
            if len(parties) >= 2 and not (partners and not signers):
                self._add_agreement(sent, parties, kind)
                return
            if partners and not signers:
                parties = []  # "Two deals were sealed with A and B": each with whoever signed them, below
        if group and group_of_people(group):
            parties = self._recent_people(sent, 3 if "three" in group else 2, group=group)
        elif group:
            n = 3 if "three" in group else 2
            ranked = self._top_countries(50)
            frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), actors)
            countries = self._distinct([self.country_of(a.key) for a in actors
                                        if self.country_of(a.key) and frame.attached(a) is not False])
            countries = sorted(countries, key=lambda k: ranked.index(k) if k in ranked else 99)[:n]
            if len(countries) < 2:
                # "… from A and B. The two countries signed a pact with C": A, B and C
                here = self._distinct([a.key for a in actors if a.family == COUNTRY])
                last = self._states_named_last(sent, n)
                countries = (last + [k for k in here if k not in last] if last else []) or self._top_countries(n)
            if len(countries) >= 2:
                parties = countries
        between = re.search(r"\bbetween\b", low)
        if between and len(parties) < 2:
            parties = self._between(actors, sent, sent.start + between.end())
            sides = [a for a in actors if a.key in parties]
            side_frame = self.grammar.frame(sent, sent.start + verb.start(), sent.start + verb.end(), sides)
            own = re.fullmatch(r"(?:\s+(?:on|of|for|in)\s+(?:[\w-]+\s+){0,4}?)?\s*", low[trig.end():between.start()])
            if sides and all(side_frame.relation(a) is None for a in sides) and not own and not titled and \
                    not governs(self.grammar, sent, (document.start, document.end), sent.start + between.start()):
                return  # "the agreement will remove restrictions on exchanges between A and B": not its parties
        relative = re.search(r"\bwith\s+(?:which|whom)\b", low)
        if len(parties) < 2 and relative:
            # "Australia is the second country with which Japan has concluded an arrangement"
            antecedent = [a.key for a in actors if a.end <= sent.start + relative.start()]
            subject = [a.key for a in actors if sent.start + relative.end() <= a.start < sent.start + verb.start()]
            parties = [subject[0], antecedent[-1]] if antecedent and subject else []
        elif len(parties) < 2:
            with_m = re.search(r"\bwith\b", low)
            subject = [a for a in actors if not with_m or a.start < sent.start + with_m.start()]
            heads = HEADS_OF.match(low, with_m.end()) if with_m else None  # ("with the chief executives of A, B and C")
            others = self._coordinated(actors, sent.start + (heads or with_m).end()) if with_m else []
            subj = self._head_actor(subject)
            partners = self._distinct([a.key for a in others])
            if subj is None and partners and all(self.entities[k].cls in ("Company", "StateEnterprise")
                                                 for k in partners):
                # "the ministry concluded a contract with X", "The agreement with X was concluded",
                # "Two deals were sealed with X and Y": the body named before, else the implied buyer
                subj = self._definite_subject(sent, verb) or self._implied_buyer(self.country_of(partners[0]))
            if subj and partners:
                for one in [subj] + self._coordinated_with(subj, subject):
                    for p in partners:
                        p = self._company_described(sent, p) or p
                        if p != one:
                            self.events.append(Event("Agreement", self.evidence(sent), confidence=0.6, parties=[one, p],
                                                     kind=kind, date=self._date(sent, fallback=False)))
                            self._purchase_by_contract(sent, [one, p], kind)
                return
            # ("A is delivering boats to B, two weeks after C signed a deal": who signed is in the verb's clause)
            # ("After the contract was signed, A said that B …": the signing told in an opening clause, who comes after it)
            opening = re.match(r"(?:after|once|when|as\s+soon\s+as)\s[^,;]*,", low)
            signers = [a for a in subject if not speaks(self.grammar, sent, a) and not (
                _SUBORDINATE.search(low[a.end - sent.start:verb.start()])
                and not governs(self.grammar, sent, (sent.start + verb.start(), sent.start + verb.end()), a.start))
                and not (opening and verb.end() <= opening.end() <= a.start - sent.start)]
            two = self._distinct([a.key for a in signers])
            two = [k for k in two if not self._state_of_body(sent, k, two)]  # ("the Ministry (MIDE) of the Republic and B")
            anaphoric = re.search(r"\bthe\s+$", low[max(0, trig.start() - 5):trig.start()])
            before = [a for a in signers if a.end <= sent.start + verb.start() and a.family == COUNTRY]
            listed = len(before) > 2 and len(self._state_runs(before)) == 1
            wins = patterns()["contract_verbs"].get(verb.group(1)) in ("award", "win")
            if len(two) >= 2 and not anaphoric and not wins:  # ("A and B were awarded contracts": each a winner)
                # "Finland, Sweden, Norway ink pact": each state of the list before the verb
                parties = self._distinct([a.key for a in before]) if listed else two[:2]
            implied = patterns()["implied_parties"].get(trig.group(1))
            signer = self._distinct([self.country_of(a.key) or a.key for a in before])
            if len(parties) < 2 and implied and len(signer) == 1 and signer[0] != country_key(implied):
                parties = [signer[0], country_key(implied)]  # "Uruguay signed a Letter of Offer and Acceptance"
            maker = self._maker_of_systems(sent, document.end) if kind == "contract" and subj else None
            if len(parties) < 2 and maker is not None and maker != subj:
                parties = [subj, maker]  # "X signed a contract for two Airbus A400M": the maker sells
        if len(parties) < 2 and not actors and kind != "contract" and not _plural(document.text) \
                and not any(e.cls == "Agreement" for e in self.events) \
                and re.search(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,3}$", low[:trig.start()]) \
                and re.search(r"\b(?:was|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$", low[:verb.start()]) \
                and any(t.idx == verb.start() and t.dep_ == "ROOT" for t in self.grammar.doc(sent)):
            # "Ghana and Togo held talks. At the end of the talks, a memorandum of understanding was signed": one
            # document, told for the first time and signed by no one the sentence names, so by the two states whose
            # talks the sentence before tells
            parties = self._states_of_talks_before(sent)
        elif len(parties) < 2 and not actors and kind != "contract" and _plural(document.text) \
                and re.search(r"\b(?:bilateral|separate)\b", low[:trig.end()]) \
                and re.search(r"\b(?:were|have\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$", low[:verb.start()]):
            # "A held talks with the defence chiefs of B, C and D. At the end, bilateral plans … were signed": one of
            # the state named first with each other state whose talks the sentence before tells
            states = self._states_of_talks_before(sent, many=True)
            for other in states[1:]:
                self._add_agreement(sent, [states[0], other], kind)
            return
        if len(parties) >= 2:
            self._add_agreement(sent, parties, kind)

    def _add_agreement(self, sent: Sentence, parties: list[str], kind: str) -> None:
        low = fold(sent.text)
        people = {k for k in parties if k in self.entities and self.entities[k].family == PERSON}
        # "X, Acme's general manager: 'Today we signed …'": a person beside their own company signs for it,
        # with the buyer the text leaves out
        own = [k for k in people if self.entities[k].organization in parties]
        rest = [k for k in parties if k not in own]
        if own and len(rest) == 1 and rest[0] in self.entities and self.entities[rest[0]].cls in ("Company", "StateEnterprise"):
            company = rest[0]
            buyer = self._implied_buyer(self.country_of(company))
            parties = [company, buyer] if buyer and buyer != company else [company]
            people = set()
        if len(parties) < 2:
            return
        if len(people) < len(parties):
            # "the Defence Secretary signed an agreement with Finland": a signatory beside a state or
            # body signs for their country
            parties = self._distinct([self.country_of(k) or k if k in people else k for k in parties])
            if len(parties) < 2 or people and self._told_again(sent, low, parties, kind):
                return
        # "The Ministry of Defence (MIDE) of the Dominican Republic and the Jamaica Defence Force signed": the state a
        # body is written with is no party of its own
        parties = [k for k in parties if not self._state_of_body(sent, k, parties)]
        if any(k in self.entities and self.entities[k].family == COUNTRY for k in parties):
            # "The Argentine Government has signed an agreement with the United States": beside a state,
            # a government stands for its state
            parties = self._distinct([self.country_of(k) if k in self.entities and self.country_of(k)
                                      and re.search(r"\bgovernment\b", fold(self.entities[k].name)) else k
                                      for k in parties])
            # "Greece signs contract for Hellenic Navy frigate": a state's own forces are no other side
            states = {k for k in parties if k in self.entities and self.entities[k].family == COUNTRY}
            # nor is its ministry ("with which Japan has concluded an arrangement", said the Defense Ministry)
            # nor any public body of its own ("The Tawazun Council of the UAE signed nine contracts")
            parties = [k for k in parties if k in states or not (
                k in self.entities and self.entities[k].cls not in ("Company", "StateEnterprise") and self.country_of(k) in states)]
            if len(parties) < 2:
                return
        if people and self._told_again(sent, low, parties, kind):
            return  # "A and B signed a memorandum. Minister C and his counterpart D inked the deal": that one
        parties = [self._company_described(sent, k) or k for k in parties]
        during_visit = bool(re.search(r"\b(during|as part of) the visit|\bon the sidelines\b|\btoday\b", low))
        self.events.append(Event("Agreement", self.evidence(sent), confidence=0.6, parties=parties, kind=kind,
                                 date=self._date(sent, fallback=during_visit, anywhere=True),
                                 value=self._value(sent)))
        self._purchase_by_contract(sent, parties, kind)
