"""Transfers: who supplies which systems to whom, with status, quantity and value."""

from __future__ import annotations

import re

from ..clauses import depth, future_conjunct, reported
from ..model import AGENCY, COUNTRY, PERSON, Mention
from ..sentences import Sentence, sentence_before
from ..text import alternation, fold, patterns
from ..text import adverb, content_triggers, transfer_table, trigger_regex, verb_forms
from .transfer_adding import TransferAdding
from .transfer_buyers import TransferBuyers
from .transfer_clauses import TransferClauses
from .transfer_lists import TransferLists, _users_before
from .transfer_parties import TransferParties
from .transfer_status import leave_given, plural_noun, receiving, stage_status
from .transfer_talks import TransferTalks
from .transfer_words import BY_GOVERNMENT, HOLDS, THE_COUNTRY, facing, former_owner_gap, request_document, unnamed_givers, users_in_general


# "the last of its three X": what the one the clause is about owns
_OWN_BEFORE = re.compile(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$")


# what a sum or an aid is given in: "30 million dollars in NASAMS", "aid in the form of 24 F-16 jets"
_AMOUNT_IN = re.compile(r"(?i)(?:\d|\b(?:dollars?|euros?|pounds?|million|billion|bn|m|worth|aid|assistance))\s+in\s+"
                        r"(?:the\s+form\s+of\s+)?(?:[\d,]+\s+)?$")


# whom a contract is signed with: "signed a contract with ", "a deal with the "
_SIGNED_WITH = re.compile(r"\b(?:contracts?|deal|agreement|signed)\s+(?:[\w-]+\s+){0,3}?with\s+(?:the\s+)?$")


class TransferRules(TransferClauses, TransferLists, TransferParties, TransferTalks, TransferBuyers, TransferAdding):
    """Transfers: who supplies which systems to whom, with status, quantity and value."""

    @staticmethod
    def _phrase_status(trig: re.Match) -> tuple[str, str]:
        """A transfer trigger as the table writes it (adverbs dropped) and the status it gives."""
        phrase = re.sub(adverb(), " ", trig.group(1))
        table = transfer_table()
        return phrase, table.get(phrase) or next((v for k, v in table.items() if fold(k) == phrase), "discussed")

    def _holder_told(self, sent: Sentence, low: str, trig: re.Match, holder: str | None) -> bool:
        """Whether a holder that is a kind of equipment ("The vehicles included …") names what the transfer told in the
        sentence before moved ("took delivery of 30 vehicles"); other holders always hold. Not "The vehicles
        included no tanks", nor the vehicles of another story ("Russia lost dozens of vehicles. The vehicles …")."""
        p = patterns()
        if holder is None or holder in p["holder_nouns"] or holder in p["contents_nouns"]:
            return True
        last = self.last_transfer
        before = sentence_before(self.sentences, sent)
        if last is None or before is None or last.evidence.start != before.start or \
                re.match(r"\s+(?:no|none)\b", low[trig.end():]):
            return False
        return re.search(rf"\b{re.escape(holder)}\b", fold(before.text)) is not None

    def _triggered(self, sent: Sentence, whole: Sentence, equipment: list[Mention]) -> None:
        """The transfers a trigger of data/patterns.json states in one clause."""
        low = fold(sent.text)
        undecided = patterns()["undecided_cues"]
        if any(neg in low and neg not in undecided for neg in patterns()["negative_cues"]):
            return
        actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON) and not facing(self.text, m)]
        # "four Bell UH-1H helicopters": a maker written before its system qualifies it, takes no part
        makers = [m for m in actors if m.family == AGENCY and any(x.start == m.end + 1 for x in equipment)]
        actors = [m for m in actors if m not in makers]
        carriers = [m for m in equipment if self._carrier(whole, m, equipment)]  # ("flown in aboard a C-130J … handed over")
        equipment = [m for m in equipment if m not in carriers and not self._participle(sent, m, actors, whole)]
        equipment = [m for m in equipment if not self._hostile(sent, m) and not self._served(m)]
        if not equipment:
            return
        triggers = [t for t in trigger_regex("transfer").finditer(low) if not leave_given(low, t)
                    and not plural_noun(self.grammar, whole, sent.start + t.start(), t, self._phrase_status(t)[0])]
        if not triggers:
            return
        frames = [self.grammar.frame(whole, sent.start + t.start(), sent.start + t.end(), actors + equipment)
                  for t in triggers]
        live = [not f.idle and self._holder_told(sent, low, t, f.holder) for t, f in zip(triggers, frames)]
        triggers, frames = [t for t, ok in zip(triggers, live) if ok], [f for f, ok in zip(frames, live) if ok]
        if not triggers:
            return
        # the triggers' own objects only: under another predicate ("to replace X", "which forces have used")
        opened = any(t.start() == 0 and self._phrase_status(t)[0] in content_triggers() for t in triggers)
        if not opened:  # "Included are X and Y", "Among them are X": the list is what the trigger holds
            equipment = [m for m in equipment if any(f.attached(m) is not False for f in frames)]
        equipment = [m for m in equipment if not any(  # "the ARV, which transfers shells": what gives is not given
            f.relation(m) == "subject" and f.transitive and not f.passive and self._phrase_status(t)[0] in verb_forms()
            for t, f in zip(triggers, frames))]
        # "gave no details on the JF-17", "voiced interest in X": a verb with an object of its own only speaks of
        # a system after a preposition of topic
        topic = patterns()["topic_prepositions"]
        equipment = [m for m in equipment if not all(f.transitive and f.relation(m) in topic for f in frames)
                     or _AMOUNT_IN.search(self.text[max(sent.start, m.start - 40):m.start])]  # ("$30 million in NASAMS")
        if not equipment:
            return
        first_eq = min(m.start for m in equipment) - sent.start
        before = [t for t in triggers if t.start() < first_eq]
        trig = before[-1] if before else triggers[0]
        if len(before) > 1 and receiving(self._phrase_status(before[-2])[0]) and trig.group(1).endswith(" of"):
            trig = before[-2]  # "Fiji will receive a grant of 15 X from Australia": who receives, from whom
        holder = frames[triggers.index(trig)].holder  # "the deal covers X": the noun that holds the systems
        trig, phrase, status = self._holding_trigger(sent, whole, trig, before, triggers, frames, first_eq, equipment, actors)
        stage, ordered = trig, status == "ordered"
        if not before and len(triggers) > 1:
            # "All 14 X the UK ordered from Sweden have now been delivered", "X that Canada has donated
            # to Ukraine will be delivered": the parties from the first clause, the stage from the main one
            stage = min(triggers, key=lambda t: depth(self.grammar, whole, sent.start + t.start(), sent.start + t.end()))
            if frames[triggers.index(stage)].negated:
                stage = trig  # "the four X that Korea promised have not yet been delivered": promised only
            status = self._phrase_status(stage)[1] if stage is not trig else status
        status, purchase, sale, contracted = stage_status(low, phrase, status, trig, stage, first_eq)
        if stage is not trig and status == "pledged" and ordered:
            status = "ordered"  # "the four X ordered in 2025 …, with deliveries planned for 2027": ordered, not yet there
        if status != "discussed" and any(cue in low for cue in undecided):
            return  # "no decision to send X": nothing; "was offering X, but no decision had been made": offered
        if status == "delivered" and future_conjunct(self.grammar, whole, sent.start + stage.start(), sent.start + stage.end()):
            status = "pledged"  # "will be refitted in the UK and handed over to X": not there yet
        frame = frames[triggers.index(trig)]
        if frame.negated:
            return
        trig_pos = sent.start + trig.start()
        if request_document().match(low, trig.end()):
            return  # "Ottawa sent a Letter of Request for up to 16 of the jets": a document moved, asking for them
        # the actor the trigger takes right after it: "sell Warsaw …", "reach Kenya", "handed X"
        next_actor = next((a for a in actors if 0 < a.start - (sent.start + trig.end()) <= 2), None)
        if (phrase in verb_forms() or phrase.split()[-1] in ("give", "gave", "given")) and re.match(
                r"\s+(?:[\w-]+\s+){0,3}(?:training|instruction|lessons|courses?)\b(?!,|\s+(?:and|as well as)\b)", low[trig.end():]):
            return  # "to give eight Polish pilots training on the T-50": a training, nothing changes hands
        if users_in_general(low, trig.end(), [a.start - sent.start for a in actors if a.family == COUNTRY]):
            return  # "has been supplied to several other armies", "to 19 countries, including A"
        owned = next((x for x in self.between(equipment[0].start - 40, equipment[0].start) if x.family == COUNTRY and re.match(
            r"['’]s\s+(?:\w+\s+){0,2}?(?:first|new|newest|latest)\b", self.text[x.end:equipment[0].start])), None)  # not in service
        if phrase.split()[-1] in ("reach", "reached") and (next_actor is None or next_actor.family != COUNTRY) and \
                not (owned is not None and re.match(r"\s+[A-Z]", sent.text[trig.end():])):
            return  # "reached an agreement", "talks reached a deadlock": nothing arrives anywhere ("X's jets reached Y" do)
        if re.search(r"\b(?:go|went|gone)\s+to$", phrase) and not re.match(r"\s+(?:the\s+)?[A-Z]", sent.text[trig.end():]):
            return  # "went to some lengths", "will go to waste": only going to a state or a body ("the Navy") moves anything
        if phrase in ("containing", "contains", "consisting of") and not re.search(
                r"\b(?:package|aid|assistance|tranche|shipment|consignment)\b", low[:trig.start()]):
            return  # "the budget containing funds for …": only a package holds what it moves
        users, for_users = _users_before()
        if phrase in content_triggers() and users.search(low[:trig.start()]) \
                and not for_users.search(low[:trig.start()]):
            return  # "the K9 user group includes Poland, India and Egypt": who has it, not who gets it now
        supplier = recipient = None
        # what the words around the trigger suggest, among the actors the parse does not place
        # under another predicate ("according to X", "the agency that ordered them from Y")
        free = [a for a in actors if frame.attached(a) is not False]
        subject = self._subject(free, trig_pos, sent, actors)
        spectators = alternation("spectator_verbs")
        if subject is not None and phrase.endswith(" of") and \
                re.search(rf"\b(?:{spectators})\b", fold(self.text[sent.start:trig_pos])):
            subject = None  # "X attends the handover of boats gifted by Y": who looks on gives nothing
        to_actor = self._after_word(free, sent, ("to", "for"), after=trig_pos)
        in_actor = self._after_word(free, sent, ("to", "in", "into"), after=trig_pos)
        with_actor = self._object_with(free, sent, trig_pos)
        # ("a programme distinct from the Thai Air Force's purchase of X": whose the purchase is, not where X comes from)
        from_actor = self._after_word([a for a in free if not (re.match(r"['’]s\s", self.text[a.end:a.end + 3])
                                                               and trigger_regex("transfer").match(fold(self.text[a.end + 3:a.end + 40])))],
                                      sent, ("from",), after=sent.start)
        if contracted and to_actor is None and subject is not None and not self._sells([subject]):
            purchase = True  # "X signed a contract for the delivery of Y": X buys, from whoever sells
        if purchase or status == "discussed" and subject is not None and \
                re.search(r"\b(buy|purchase|acquire|order|request)", low):
            recipient = subject
            supplier = from_actor or self._after_word(actors, sent, ("with",), after=sent.start)
            supplier, recipient, sold = self._seller_first(  # (not "Acme signed a contract with X to buy …")
                supplier, recipient, signed_with=from_actor is None and phrase.split()[-1] not in patterns()["buying_verbs"])
            purchase, sale = purchase and not sold, sale or sold
        elif subject is not None and phrase in patterns()["delivery_nouns"] and HOLDS.search(low[:trig.start()]):
            # "X now has its full fleet of Y, bringing deliveries under the contract with Z to all 12": X holds them
            supplier, recipient = self._after_word(actors, sent, ("with",), after=trig_pos), subject
        else:
            supplier = subject
            recipient = (next_actor.key if next_actor else None) or with_actor or to_actor
            partner = self._after_word(actors, sent, ("with",), after=trig_pos - 40)
            if status == "discussed" and recipient is None and partner and \
                    self.country_of(partner) == self._origin(equipment[0]):
                supplier, recipient = partner, subject  # "X is in talks with Y over more Y-made jets"
        approval = self._approved_purchase(sent, low, trig, phrase, actors) \
            if phrase in ("to buy", "to purchase", "to acquire") or phrase.split()[-1] in ("sale", "sales", "buy", "purchase") \
            else None
        if approval is not None:  # "the State Department cleared Greece to buy …": approved for sale
            approver, buyer = approval
            if approver is None and subject in (None, buyer):
                approver = self._named_origin(equipment[0])  # "Japan cleared to buy E-2D planes": from where they come
            supplier, recipient, status, purchase = approver or subject, buyer, "discussed", False
        if receiving(phrase):
            # "a contract for Romania to receive X": the actor right before the infinitive receives
            own = next((a.key for a in actors if phrase.startswith("to ") and 0 <= trig_pos - a.end <= 1), None)
            recipient = own or subject
            # ("took delivery of aid consisting of 20 X from Portugal": from whom, however the parse hangs it)
            # ("Taiwan donated X to Paraguay. The navy also received two Y": who gave the recipient the last things)
            also = self.last_transfer if re.search(r"\balso\s+(?:[a-z]+\s+)?$", low[:trig.start()]) else None
            supplier = from_actor or self._after_word(actors, sent, ("from",), after=trig_pos) \
                or self._giver_after(equipment[-1], actors) or self._former_owner(equipment[0]) \
                or (also.supplier if also is not None and also.recipient == recipient else None) \
                or self._named_origin(equipment[0])
        elif phrase in patterns()["arrival_words"]:
            if _ON_A_VISIT.search(low):
                return  # "INS Kochi arrived in Male on a goodwill visit": a ship calling, its own state's still
            # "the first six F-16s of the Argentine Air Force arrived": whose they now are receives them
            reached = next_actor.key if next_actor in free else None  # "reach Kenya"
            recipient = in_actor or reached or (subject if subject != supplier else None) or \
                self._owner_after(equipment[-1], sent)
            supplier = self._owner_before(equipment[0]) or from_actor
            if recipient is None and owned is not None:
                # "Argentina's first six F-16s have reached Río Cuarto": theirs, from where said or made
                recipient = owned.key
                supplier = from_actor or self._supplier_said_after(sent, owned.key) or self._named_origin(equipment[0])
        if from_actor and to_actor and not purchase:
            supplier, recipient = from_actor, to_actor  # "the supply of X from A to B"
        between = re.search(r"\bbetween\b", low)
        if purchase and between:
            sides = self._between(actors, sent, sent.start + between.end())
            seller = next((k for k in sides if self.entities[k].cls == "Company"), None)
            buyer = next((k for k in sides if k != seller), None)
            if seller and buyer:
                supplier, recipient = seller, buyer
        kind = "sell" if sale else "buy" if purchase else "receive" if receiving(phrase) \
            else "talks" if status == "discussed" else "give"
        g_suppliers, g_recipients = ([], []) if approval else self._roles(frame, kind, actors)
        if frame.passive and kind == "give" and not g_suppliers and supplier is not None and supplier == subject \
                and self.entities[subject].family != PERSON \
                and (not reported(self.grammar, sent, sent.start + trig.start(), sent.start + trig.end())
                     or recipient is None and _OWN_BEFORE.search(self.text, max(sent.start, equipment[0].start - 40),
                                                                 equipment[0].start)):
            # (the subject of "confirmed that 14 tanks will be sent" announces what it sends, and of "confirmed
            # that the last of its three X was handed over" receives them)
            # "46 K2 tanks …, 10 of which were delivered": no agent, so the actor before is no supplier
            recipient, supplier = recipient or subject, None
        supplier = g_suppliers[0] if g_suppliers else supplier
        recipient = g_recipients[0] if g_recipients else recipient
        giver = self._giver_before(sent, trig_pos) \
            if patterns()["holder_nouns"].get(phrase) in ("pledged", "delivered") else None  # (not "Germany's purchase")
        if giver is not None and giver != recipient:
            supplier = giver  # "used the meeting to announce a new Canadian package": the state the package is of
        nominal = purchase or phrase in patterns()["delivery_nouns"]
        buyer = self._nominal_buyer(trig_pos, equipment) if nominal else None
        placed = self._order_placed_by(free, subject, equipment[0], sent, trig, whole) if buyer is None and purchase else None
        if placed:
            (recipient, supplier), g_suppliers, g_recipients = placed, [], []
        if buyer is not None:  # "Patria books Croatia's AMVXP order", "Romanian X deliveries": whose they are receives
            recipient, supplier = buyer, (supplier if self._actor(supplier) != buyer else None)
        sup = self._actor(supplier)
        rec = self._actor(recipient)
        if contracted and sup is not None and sup == rec:
            # "The Ministry signed a contract with Acme for the supply of X to the Army": the one it signed with sells
            partner = self._actor(next((a.key for a in actors if _SIGNED_WITH.search(fold(self.text[sent.start:a.start]))), None))
            if partner not in (None, rec):
                sup, g_suppliers = partner, []
        if sup is None and rec is not None and not purchase and (by_government := BY_GOVERNMENT.search(low, trig.end())) and \
                not re.search(r"\b(?:bought|purchased|funded|financed|paid|ordered|procured|acquired)\b",
                              low[trig.end():by_government.start()]):
            sup = self._main_recipient(exclude={rec})  # "handed … by the federal government": the article's other state
        # a system an earlier transfer moved ("the F-16 package") refers back to that transfer
        keys = {m.key for m in equipment}
        last = next((e for e in reversed(self.events) if e.cls == "Transfer" and keys & set(e.equipment)),
                    self.last_transfer)
        if not actors and not makers and last and sent.text == whole.text:
            sup, rec = last.supplier, last.recipient
        if sup is None and not purchase:
            sup = self._programme_owner(sent, actors)  # "supplied … under Japan's security assistance programme"
        if sup is None and kind in ("give", "talks"):
            # "a possible Japanese handover of X", "handing over Japan's TC-90 aircraft": who hands
            # over is the state written before the noun, else the state the systems belong to
            sup = self._giver_before(sent, trig_pos) or self._actor(self._owner_before(equipment[0], origin=False))
            sup = sup if sup != rec else None
        if sup is None and kind == "give":
            # "two patrol boats, previously operated by the Danish Naval Home Guard, were handed over": the former owner
            sup = next((self.country_of(a.key) for a in actors if a.start > equipment[0].end
                        and former_owner_gap().fullmatch(self.text[equipment[0].end:a.start])
                        and re.match(r"\s*(?:\([^)]*\)\s*)?,", self.text[a.end:])), None)  # (not "… and captured in 2023")
            told = any(e.cls == "Transfer" and keys & set(e.equipment) for e in self.events)  # ("The trucks, once used by …")
            sup = sup if sup != rec and not told else None
        if sup is None and rec is not None and not purchase:
            sup = self._seller_of_last_contract(rec, whole)
        if sup is None and last and not purchase and (re.match(r"(?:it|they)\b", low) or not self._made_elsewhere(last, equipment)):
            sup = last.supplier if not re.match(r"^[A-Z]", sent.text) or self._continues(sent.text) else None
        if rec is None and last and last.recipient != sup:
            rec = last.recipient
        pact = next((e for e in reversed(self.events) if e.cls == "Agreement"), None) if rec is None and sup else None
        if pact is not None and len(pact.parties) == 2 and sup in pact.parties and not purchase:
            rec = next(k for k in pact.parties if k != sup)  # "A and B signed an accord. B was offering X": to A
        opening = self.unsystemed if self.last_transfer is None else None
        if opening is not None and rec in (None, opening.recipient) and not purchase and self._states(opening, "recipient"):
            # "The US cleared arms sales to Israel. Among them is a possible sale of X": the story's parties
            sup, rec = sup or opening.supplier, opening.recipient
            if phrase in content_triggers():
                status = opening.status or status  # "The gift comprised …": as far as the opening says it went
        under = re.search(rf"\b(?:{alternation('under_deal_cues')})\b", fold(whole.text))
        if purchase and sup is None and rec is not None and under:
            # "A and B signed a contract under which A will acquire …": the other party sells
            parties = [a for a in self.in_sentence(whole) if a.family in (COUNTRY, AGENCY)
                       and a.start < whole.start + under.start()]
            others = self._distinct([c for c in map(self.country_of, (a.key for a in parties)) if c and c != rec])
            sup = others[0] if len(others) == 1 else None
        if sup is None and rec is None and not actors and holder in ("contract", "deal", "agreement", "order"):
            self._held_by_last_document(sent)
            return
        if rec is None and sup is not None and THE_COUNTRY.match(low, trig.end()):  # "Egypt has offered the country …"
            rec = next((m.key for m in reversed(self.mentions) if m.family == COUNTRY and m.start < trig_pos and m.key != sup), None)
        if rec is None and status == "discussed":
            return  # "approved a possible sale ... to an allied nation": no recipient named
        suppliers = self._distinct([self._actor(k) for k in g_suppliers]) if g_suppliers and sup else \
            [sup] + self._coordinated_with(supplier, actors)
        recipients = self._distinct([self._actor(k) for k in g_recipients]) if g_recipients and rec else \
            [rec] + (self._coordinated_with(recipient, actors) if purchase else [])
        if rec is None:
            pair = self._joined_pair(supplier, actors)
            origin = self._origin(equipment[0])
            if not purchase and origin in pair:
                # "Norway, Chile sign deal to export Kestrel tanks": the maker's state sells to the other
                suppliers, recipients = [origin], [k for k in pair if k != origin]
            elif len(suppliers) >= 3 and re.search(r"\b(?:cooperation|agreement|arrangement|initiative|framework)\s+"
                                                   r"(?:in|on|for)\s+$", low[:trig.start()]):
                return  # "A, B, C and D agreed on cooperation in providing X": a joint effort, no one named to get it
            elif purchase and supplier in self.entities and self.entities[supplier].family == AGENCY \
                    and suppliers[:1] == self._top_countries(1) and self._buying_bodies(suppliers[0]):
                return  # bought from a maker of the state the article is about, whose buying body it names: domestic
            else:
                recipients = [self._main_recipient(exclude=set(suppliers))]
        if not purchase and sup is not None:
            suppliers = self._distinct(suppliers + self._jointly(actors, sent, trig_pos, set(recipients)))
        if not purchase and not any(suppliers) and unnamed_givers(low[:trig.start()]) and not any(
                a.family == COUNTRY and self._actor(a.key) not in recipients for a in free):
            return  # "several countries have offered 60 F-16s to X": the givers are not named (nor later in it)
        givers = [k for k in suppliers if k is not None]
        if re.search(r"\brespectively\b", low) and len(givers) == len(equipment) > 1:
            # "A and B have donated, respectively, X and Y to C": each gives its own
            for one, m in zip(givers, sorted(equipment, key=lambda x: x.start)):
                for rec in recipients:
                    if rec not in givers:
                        self._add_transfer(whole, one, rec, m, status, bool(before))
            return
        own = self._own_recipients(equipment, recipients)
        givers = {m.start: self._own_giver(m, actors) for m in equipment} if not purchase and len(equipment) > 1 else {}
        if givers and all(givers.values()):
            # "Nigeria's fleet includes 12 F-16s, provided by the US, and 4 Wing Loong, provided by China": each
            # gives its own, to the one other state the sentence names
            others = self._distinct([k for k in map(self._actor, (a.key for a in actors)) if k and k not in givers.values()])
            recipients = others if len(others) == 1 else recipients
        added = len(self.events)
        for m in equipment:
            origin = self._named_origin(m)
            seller = self._own_seller(m, equipment, actors, whole) if purchase and len(equipment) > 1 else givers.get(m.start)
            for one, rec in ((x, y) for x in ([seller] if seller else suppliers) for y in own.get(m.start, recipients)):
                maker = self.entities[m.key].facts.manufacturer if m.key in self.entities else None
                if origin is not None and rec in (origin, maker) and one is not None and one != origin and buyer is None \
                        and (one not in self.entities or self.entities[one].family == COUNTRY) \
                        and not self._owner_written(m):  # "radars for Canadian MQ-9Bs": Canada's, not made there
                    # "signed by France and Armenia for French-made X", "X's maker signed a contract with Cyprus
                    # for X": the maker or its country sells
                    one, rec = rec, one
                if one is not None and one in self.entities and self.entities[one].cls == "Company" \
                        and self.country_of(one) is None and self._origin(m) not in (None, rec):
                    one = self._origin(m)  # "Leopard 2A8 tanks from KNDS": a company of several states sells as the system's
                one = one or self._former_owner(m) or origin or self._builder(m, rec, whole) or self._supplier_told(m, rec)
                if not self._passed_on(m, one):
                    self._add_transfer(whole, one, rec, m, status, bool(before))
        mine = [e for e in self.events[added:] if e.cls == "Transfer"]
        if mine:  # the story goes on with the first supplier, not one that gave "jointly with" it
            self.last_transfer = next(e for e in reversed(mine) if e.supplier == mine[0].supplier)


# what a ship or aircraft that arrives somewhere only visits: "on a goodwill visit", "for a port call", "for exercises"
_ON_A_VISIT = re.compile(r"\b(?:on|for|during)\s+(?:an?|its|her|their|the)\s+(?:[\w-]+\s+){0,3}?(?:visit|port\s+call|call|exercises?"
                         r"|deployment|tour)\b")
