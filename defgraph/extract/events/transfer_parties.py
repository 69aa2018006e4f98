"""Who takes part in a transfer: the words and positions that name its supplier and recipient."""

from __future__ import annotations

import re
from functools import lru_cache

from ..grammar import Frame, role_table
from ..model import AGENCY, COUNTRY, PERSON, Event, Mention
from ..resolve.kit import kit_nouns
from ..sentences import Sentence
from ..text import alternation, described_company, fold, patterns, possessive_between
from .transfer_adding import _giving
from .transfer_words import former_adverb_end


@lru_cache(maxsize=1)
def _deal_is_for() -> re.Pattern:
    """`The deal, signed on Thursday, is for eight X`, `The deal reportedly covers 30 X`: a sentence on the
    agreement just named, saying what it buys (data/patterns.json `deal_content_verbs`)."""
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in patterns()["deal_content_verbs"])
    return re.compile(rf"(?:The|This|That)\s+(?:deal|contract|agreement|order)\b[^.;]{{0,80}}?\s(?:{verbs})\s")


class TransferParties:
    """Who takes part in a transfer: the words and positions that name its supplier and recipient."""

    def _programme_owner(self, sent: Sentence, actors: list[Mention]) -> str | None:
        """`will be supplied to the navy under (or through) Japan's official security assistance programme`,
        `received … as part of a US security assistance package`: the state whose aid programme moves the
        items gives them."""
        for a in actors:
            prep = re.search(r"\b(under|through|as part of)\s+(?:the\s+|an?\s+)?$", self.text[max(sent.start, a.start - 20):a.start])
            # through a programme, not through a place ("through Poland's aid hub" is a route)
            nouns = r"programs?|programmes?|scheme|initiative" + (r"|assistance|aid|package" if prep and prep.group(1) != "through" else "")
            # "under Japan's … programme", "as part of a US security assistance package" (an adjective or
            # an abbreviation; "the Ukraine aid package" is a package for Ukraine)
            owned = re.match(r"['’]s\b", self.text[a.end:a.end + 2])
            if a.family == COUNTRY and prep and (owned or a.form == "demonym" or a.text.replace(".", "").isupper()) \
                    and re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+){{0,4}}(?:{nouns})\b", self.text[a.end:a.end + 80]):
                return a.key
        return None

    def _jointly(self, actors: list[Mention], sent: Sentence, pos: int, recipients: set) -> list[str]:
        """`donated jointly with Denmark`, `together with the Netherlands`, `joined Germany and the
        Netherlands in buying and donating`: those who give with the supplier."""
        out = []
        joined = re.search(r"\bjoin(?:ed|s)?\s+(?P<who>[^.;:]*?)\s+in\s+(?:[a-z]+ing\s+(?:and\s+)?)*$",
                           self.text[sent.start:pos])
        in_joined = [a for a in actors if joined and sent.start + joined.start("who") <= a.start
                     and a.end <= sent.start + joined.end("who")]
        if any(self._actor(a.key) in recipients for a in in_joined):
            in_joined = []  # a state joined in giving is no recipient: the sentence names none
        for a in actors:
            if a.start > pos and re.search(r"\b(?:jointly|together)\s+with\s+(?:the\s+)?$",
                                           self.text[max(sent.start, a.start - 30):a.start]) or a in in_joined:
                country = self._actor(a.key)
                if country and country not in recipients:
                    out.append(country)
        return out

    def _possessor_of_actor(self, a: Mention, actors: list[Mention]) -> bool:
        """`Finland's Patria`, `Croatia's Ministry of Defence`, `Turkey's land vehicles manufacturer Katmerciler`: a
        state written as the owner of the body right after it (or after the words that say what the body is)."""
        if a.family != COUNTRY or not re.match(r"['’]s\s", self.text[a.end:a.end + 3]):
            return False
        described = described_company().match(self.text, a.end)
        at = a.end + 3 if described is None else described.end() - 1
        owned = next((x for x in actors if x.start == at), None)
        return owned is not None and owned.family == AGENCY and self.country_of(owned.key) == a.key

    @staticmethod
    def _continues(text: str) -> bool:
        """Whether a sentence opens as one that goes on about what came before ("The …", "During the
        same ceremony, …", "Four more …"), not with a name of its own."""
        word = re.match(r"[\w'’-]+", text.lstrip())
        first = fold(word.group()) if word else ""
        return first in patterns()["continuing_openers"] or first.isdigit() or first in patterns()["number_words"]

    def _made_elsewhere(self, last: Event, equipment: list[Mention]) -> bool:
        """`Hanwha delivered ten K9 howitzers to India. The Indian Army also took delivery of the first M777
        howitzers`: a state that supplied systems of its own make supplies no system another state makes (unless
        the sentence says "it" or "they" of it)."""
        own = any(self.entities[k].facts.origin == last.supplier for k in last.equipment if k in self.entities)
        return own and all(self._origin(m) not in (None, last.supplier) for m in equipment)

    def _sells(self, keys: list[str]) -> bool:
        return any(self.entities[k].cls in ("Company", "StateEnterprise") for k in keys)

    def _seller_first(self, supplier: str | None, buyer: str | None,
                      signed_with: bool) -> tuple[str | None, str | None, bool]:
        """A purchase's supplier and buyer, where the clause made a company the buyer: `signed with
        Sweden's Saab for the purchase of X` (Saab sells, to whom the clause does not say); `Acme signed a
        contract with India for X` (`signed_with` the other: Acme sells to India; True, a sale)."""
        if buyer is None or not self._sells([buyer]):
            return supplier, buyer, False
        if supplier is None or self._actor(supplier) == self._actor(buyer):
            return buyer, None, False
        if signed_with and not self._sells([supplier]):
            return buyer, supplier, True
        return supplier, buyer, False

    def _giver_before(self, sent: Sentence, pos: int) -> str | None:
        """`a possible Japanese handover of`, `Germany's delivery of`: the state written right before a
        transfer noun."""
        giver = next((x for x in reversed(self.between(max(sent.start, pos - 40), pos)) if x.family == COUNTRY), None)
        if giver is None or not possessive_between(self.text, giver.end, pos):
            return None
        return giver.key

    def _owner_before(self, m: Mention, origin: bool = True) -> str | None:
        """`the Czech T-72 tanks`, `Polish-made Krab howitzers`: the country that qualifies a system
        (not "Uruguay Navy crews will sail the patrol boats": a subject, then its verb); else, with
        `origin`, the country it comes from as far as the text names it."""
        owners = [x for x in self.between(m.start - 40, m.start) if x.family == COUNTRY
                  and not re.search(r"\b(to|in|for)\s*$", self.text[max(0, x.start - 5):x.start])
                  and len(self.text[x.end:m.start].split()) <= 2]
        return owners[-1].key if owners else self._named_origin(m) if origin else None

    def _builder(self, m: Mention, rec: str | None, sent: Sentence) -> str | None:
        """`… the arrival of the frigate X. Acme Heavy Industries built the vessel`: the state of the
        company that the next sentences say built the system (or "the vessel", "the jets", "the pair"), where it
        is not the receiving state."""
        i = self._order.get(sent.start)  # the sentence `m` stands in
        if i is None:
            return None
        verbs = "|".join(patterns()["builder_verbs"])
        kinds = "|".join(sorted(map(re.escape, kit_nouns() | set(patterns()["set_nouns"])), key=len, reverse=True))
        for later in self.sentences[i:i + 3]:
            names_it = any(x.key == m.key for x in self.in_sentence(later)) or re.search(
                rf"\b(?:the|this|these|both)\s+(?:{kinds})\b", fold(later.text))
            if not names_it:
                continue
            for c in self.in_sentence(later, AGENCY):
                country = self.country_of(c.key)
                if country is None or country == rec or self.entities[c.key].cls not in ("Company", "StateEnterprise"):
                    continue
                if re.match(rf"\s+(?:{verbs})\b", self.text[c.end:c.end + 20]) or \
                        re.search(rf"\b(?:{verbs})\s+(?:for\s+(?:the\s+)?(?:[\w-]+\s+){{1,3}}?)?by\s+(?:the\s+)?$",
                                  self.text[max(0, c.start - 60):c.start]):  # "built for the navy by X"
                    return country
        return None

    def _owner_after(self, m: Mention, sent: Sentence) -> str | None:
        """`X of the Argentine Air Force`: the force or state a system belongs to, named after it."""
        owner = next((x for x in self.between(m.end, min(sent.end, m.end + 80)) if x.family in (COUNTRY, AGENCY)), None)
        if owner is None or not re.fullmatch(r"[^,;()]*?\bof\s+(?:the\s+)?", self.text[m.end:owner.start]):
            return None
        return owner.key

    def _subject(self, actors: list[Mention], pos: int, sent: Sentence, named: list[Mention] = ()) -> str | None:
        """The actor before the trigger at `pos` that its clause is about; `named` are all the sentence's
        actors, where the parse left some out."""
        def before(found: list[Mention]) -> list[Mention]:
            return [a for a in found if a.end <= pos and not re.search(
                r"\b(to|from|with|for|in|by|of|against|at|on)\s+(?:(?:the|a|an)\s+)?(?:[a-z]+\s+)?$",
                self.text[max(sent.start, a.start - 24):a.start])]
        cands = before(actors)
        # "The Kosovo order comes a year after neighbouring Albania ordered …": the clause the trigger is in
        clause = list(re.finditer(r"\b(?:after|before|since|while|whereas|although|because)\s", self.text[sent.start:pos]))
        inside = [a for a in before(list(named) or actors) if clause and a.start >= sent.start + clause[-1].end()]
        cands = inside or cands
        if not cands:
            return None
        # the leftmost actor that stands for a country ("Vos confirmed that the Netherlands would ...")
        placed = [a for a in cands if a.family != PERSON and
                  (self.country_of(a.key) or self._is_actor_without_country(a.key))]
        return (placed or cands)[0].key

    def _after_word(self, actors, sent, words, after: int) -> str | None:
        for a in actors:
            if a.start < after:
                continue
            left = self.text[max(sent.start, a.start - 12):a.start]
            if re.search(r"\b(" + "|".join(words) + r")\s+(the\s+)?$", left):
                return a.key
        return None

    def _own_recipients(self, equipment: list[Mention], recipients: list[str]) -> dict[int, list[str]]:
        """`delivered X to A and Y to B`: each system with the recipient written right after it ("to A"),
        where each of several is so written; {} otherwise."""
        own: dict[int, list[str]] = {}
        for m in equipment:
            to = re.match(r"[^,;.]{0,40}?\bto\s+", self.text[m.end:m.end + 60])
            if to is None:
                return {}
            rec = next((a for a in self.between(m.end + to.end(), m.end + to.end() + 5)
                        if a.family in (COUNTRY, AGENCY)), None)
            key = self._actor(rec.key) if rec is not None and rec.family in (COUNTRY, AGENCY) else None
            if key not in recipients:
                return {}
            own[m.start] = [key]
        return own if len(equipment) > 1 and len({k for v in own.values() for k in v}) > 1 else {}

    def _own_giver(self, m: Mention, actors: list[Mention]) -> str | None:
        """`6 A-29 aircraft, supplied by the United States, and 2 Wing Loong drones, supplied by China`: the
        state a participle set after one item of a list says gives it; so does "from" right after it
        ("received two X helicopters from Italy and a Y drone from Turkey")."""
        right = self.text[m.end:m.end + 90]
        by = re.match(rf"[^,;.]{{0,50}}?,?\s+(?:{_giving()})\s+by\s+(?:the\s+)?", right) \
            or re.match(r"(?:\s+(?![a-z]+(?:ed|en|wn)\b)[a-z][\w-]*){0,3}\s+from\s+(?:the\s+)?", right)  # (not "withdrawn", "ferried")
        giver = next((a for a in actors if by is not None and a.start == m.end + by.end()), None)
        return self.country_of(giver.key) if giver is not None else None

    def _hostile(self, sent: Sentence, m: Mention) -> bool:
        """Equipment used against someone, only wanted, made at home, or beaten in a competition ("picking it
        over the competing X": data/patterns.json `rival_cues`), changes no hands."""
        left = fold(self.text[max(sent.start, m.start - 40):m.start])
        right = fold(self.text[m.end:min(sent.end, m.end + 60)])
        if re.search(rf"\b(?:{alternation('hostile_cues', 'intent_cues')})\b", left):
            return True
        rivals = alternation("rival_cues")
        if re.search(rf"\b(?:{rivals})\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){{0,2}}$", left):
            return True  # right before the system: "picking it over the competing American X"
        for c in patterns()["intent_cues"][-10:]:
            found = re.search(rf"\b{re.escape(c)}\b", right)
            if found is None or former_adverb_end().search(right[:found.start()]):
                continue  # ("previously operated by X": a former owner, whose system now moves)
            at = m.end + found.end()
            place = next((x for x in self.between(at, at + 20) if x.family == COUNTRY), None)
            # "jets, which would be built in Türkiye" said of Turkish jets: made where they come from
            made = re.search(r"built|produced|manufactured|assembled", c)
            if not made or place is None or place.key != self._origin(m):
                return True
        return False

    def _deal_covers(self, sent: Sentence) -> None:
        """`The deal, signed on Thursday, is for eight X`: what the agreement named last buys; `The contract,
        signed on Friday between A and B, covers 18 X`: what the contract between them buys."""
        last = self._agreement_just_before(sent)
        between = re.search(r"\bbetween\b", sent.text)
        if last is not None:
            self._purchase_by_contract(sent, last.parties, last.kind)
        elif between:
            actors = [m for m in self.in_sentence(sent) if m.family in (COUNTRY, AGENCY, PERSON)]
            self._purchase_by_contract(sent, self._between(actors, sent, sent.start + between.end()), "contract")

    def _own_seller(self, m: Mention, equipment: list[Mention], actors: list[Mention], sent: Sentence) -> str | None:
        """`ordered from Acme four X, as well as four Y from Bolt`: the seller each item of a purchase is
        bought "from", right after it, else before it with no other item between."""
        others = [x.start for x in equipment if x.start > m.end and x.key != m.key]
        after = self.text[m.end:min(others + [sent.end])]
        seller = None
        found = re.match(r"[^,;]{0,40}?\bfrom\s+", after)
        if found:
            seller = next((a for a in actors if a.start >= m.end + found.end()
                           and re.fullmatch(r"(?:the\s+)?(?:[\w-]+\s+){0,2}", self.text[m.end + found.end():a.start])), None)
        if seller is None:
            froms = [f for f in re.finditer(r"\bfrom\s+", self.text[sent.start:m.start])
                     if not any(sent.start + f.end() <= x.start < m.start for x in equipment if x.key != m.key)]
            if froms:
                at = sent.start + froms[-1].end()
                seller = next((a for a in actors if at <= a.start < m.start and
                               re.fullmatch(r"(?:the\s+)?(?:[\w-]+\s+){0,2}", self.text[at:a.start])), None)
        if seller is not None and seller.family == COUNTRY:
            # "from US firm Sikorsky": the firm the country qualifies
            firm = next((a for a in actors if a.family == AGENCY and 0 < a.start - seller.end <= 20), None)
            seller = firm or seller
        return self._actor(seller.key) if seller is not None else None

    def _object_with(self, actors, sent, pos) -> str | None:
        for a in actors:
            if a.start >= pos and re.match(r"\s+with\b", self.text[a.end:a.end + 8]):
                return a.key
        return None

    def _main_recipient(self, exclude: set) -> str | None:
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.family == COUNTRY and m.key not in exclude:
                counts[m.key] = counts.get(m.key, 0) + 1
        return max(counts, key=counts.get) if counts else None

    def _approved_purchase(self, sent: Sentence, low: str, trig: re.Match, phrase: str,
                           actors: list[Mention]) -> tuple[str | None, str] | None:
        """`the State Department cleared Greece to buy …` (the approver is the subject), `Greece was
        cleared by the State Department to purchase …` and `… for a possible sale of …`: a purchase
        approved for sale, as (approver or None, buyer)."""
        verbs = alternation("approval_verbs")
        trig_pos = sent.start + trig.start()
        active = re.search(rf"\b(?:{verbs})\s+((?:the\s+)?\S+(?:\s+\S+){{0,2}})\s+$", low[:trig.start()])
        if active:
            buyer = next((a for a in actors if sent.start + active.start(1) <= a.start and a.end <= trig_pos), None)
            return (None, buyer.key) if buyer is not None else None
        passive = re.search(rf"\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:{verbs})\s+by\s+"
                            r"((?:the\s+)?[^,;]{2,60}?)(?:\s+for(?:\s+(?:an?|the))?(?:\s+(?:possible|potential|"
                            r"proposed))?)?\s+$", low[:trig.start()])
        if passive:
            buyer = next((a for a in reversed(actors) if a.end <= sent.start + passive.start()), None)
            approver = next((a for a in actors if sent.start + passive.start(1) <= a.start and a.end <= trig_pos), None)
            return (approver.key, buyer.key) if buyer is not None and approver is not None else None
        bare = re.search(rf"(?:{verbs})\s+$", low[:trig.start()])
        if bare:  # "Japan cleared to buy E-2D planes": no approver named
            buyer = next((a for a in actors if re.fullmatch(r"\s+(?:(?:is|was|are|were|has\s+been|have\s+been|had\s+been)\s+)?",
                                                             self.text[a.end:sent.start + bare.start()])),
                         None)
            return (None, buyer.key) if buyer is not None else None
        after = re.match(rf"[^;]*?\b(?:after|as|when)\s+(?:the\s+)?([^,;]{{2,60}}?)\s+(?:had\s+|has\s+)?(?:{verbs}|signed\s+off\s+on)\b",
                         low[trig.end():])
        if after and re.search(r"\b(?:could|may|might|can)\s+$", low[:trig.start()]):
            # "Japan could buy E-2D aircraft after the U.S. State Department signed off on a potential sale"
            approver = next((a for a in actors if sent.start + trig.end() + after.start(1) <= a.start
                             < sent.start + trig.end() + after.end(1)), None)
            buyer = next((a for a in reversed(actors) if a.end <= trig_pos), None)
            return (approver.key, buyer.key) if buyer is not None and approver is not None else None
        return None

    def _roles(self, frame: Frame, kind: str, actors: list[Mention]) -> tuple[list[str], list[str]]:
        """Suppliers and recipients as the grammar of the clause assigns them."""
        table = role_table()[kind]
        out: dict[str, list[str]] = {"supplier": [], "recipient": []}
        for a in actors:
            relation = frame.relation(a)
            body = re.match(rf"(?:['’]s)?\s+(?:[a-z-]+\s+){{0,2}}?(?:authorities|{alternation('strong_org_heads')})\b",
                            self.text[a.end:a.end + 40]) if relation and relation.startswith("qualifier:") \
                and a.family == COUNTRY else None
            if body and not self.between(a.end, a.end + body.end()):
                # "from the Australian government", "Officials of India's defence ministry handed": the state, as a
                # body of its own that the article names by no name
                relation = relation.split(":", 1)[1]
            if self._possessor_of_actor(a, actors):
                continue  # "Finland's Patria": the company takes the role, its state only says whose it is
            if relation == "object" and a.start < frame.trigger_start:
                continue  # an object stands after its verb; before it the parse went wrong (headlines)
            role = table.get(relation or "")  # "?" and None take no role
            # an agency whose country is not known could stand for anyone ("our armed forces")
            placed = self.country_of(a.key) or self.entities[a.key].cls == "InternationalOrganization"
            if role and placed and a.key not in out[role]:
                out[role].append(a.key)
        # a person's country stands in only where no country or agency holds the role
        for role, keys in out.items():
            placed = [k for k in keys if self.entities[k].family != PERSON]
            out[role] = placed or keys
        sellers = [k for k in out["recipient"] if self._sells([k])]
        if kind == "buy" and sellers and not out["supplier"] and len(sellers) < len(out["recipient"]):
            # "shipbuilder X signed a contract for six vessels for the Navy": the maker sells
            out["supplier"] = sellers
            out["recipient"] = [k for k in out["recipient"] if k not in sellers]
        elif kind == "buy" and self._sells(out["recipient"]) and not self._sells(out["supplier"]):
            # "X signed a contract with Y": whoever makes and sells is the supplier
            out["supplier"], out["recipient"] = out["recipient"], out["supplier"]
        return out["supplier"], out["recipient"]

    def _carrier(self, sent: Sentence, m: Mention, equipment: list[Mention]) -> bool:
        """`The vehicles were flown in aboard two C-130 transports`, `by An-124 cargo plane`: what carries the
        things moved (data/patterns.json `carrier_nouns`, `carriage_verbs`) moves nothing of its own."""
        left = fold(self.text[max(sent.start, m.start - 80):m.start])
        by = re.search(r"(?<!followed )(?<!accompanied )(?<!joined )(?<!replaced )\b(?:(aboard|on\s+board(?:\s+of)?|onboard)|on|by|via)"
                       r"\s+(?:(?:an?|the|two|three|four|\d+)\s+)?$", left) or re.search(  # ("aboard a Royal Australian
            r"\b(?i:(aboard|on\s+board(?:\s+of)?|onboard)\s+(?:an?\s+|the\s+)?)(?:[A-Z][\w'’-]*\s+){1,5}?(?:\([A-Z][\w-]*\)\s+)?$",
            self.text[max(sent.start, m.start - 80):m.start])  # Air Force C-130J": its owner's name, capitalised)
        if by is None or len(equipment) < 2 and not by.group(1):
            return False  # ("by" or "on" the one system a sentence names: what moves, not what carries it; "followed by")
        nouns = alternation("carrier_nouns", longest_first=True)
        verbs = alternation("carriage_verbs")
        # a carriage verb right before the word ("arrived on a C-17", "flown in aboard"), no clause between
        return re.match(rf"\s+(?:[\w-]+\s+)?(?:{nouns})\b", fold(self.text[m.end:m.end + 40])) is not None \
            or re.search(rf"\b(?:{verbs})(?:\s+(?:in|out|over|back))?\s+$", left[:by.start()]) is not None

    def _served(self, m: Mention) -> bool:
        """`technical support to the X radars`, `spare parts for X` (data/patterns.json `service_nouns`): X is served, not moved."""
        served, moved = _service_regexes()
        found = served.search(fold(self.text[max(0, m.start - 60):m.start]))
        return found is not None and not moved.search(found.group(1))  # ("support for the transfer of X": the transfer is)

    def _supplier_said_after(self, sent: Sentence, rec: str) -> str | None:
        """`Argentina's first six F-16s have arrived. … the US approved the jets' transfer from Denmark`: the one
        state a transfer or purchase is said to come from in the next three sentences."""
        after = [x for x in self.sentences if x.start >= sent.end][:3]
        found = {m.key for x in after for m in self.in_sentence(x, COUNTRY) if m.key != rec and _came_from().search(
            fold(self.text[max(x.start, m.start - 60):m.start]))}
        return found.pop() if len(found) == 1 else None

    def _states(self, ev: Event, role: str) -> bool:
        """Whether the event's own sentence names who holds `role` (rather than it being guessed)."""
        key = getattr(ev, role)
        return any(m.key == key for m in self.between(ev.evidence.start, ev.evidence.end))


@lru_cache(maxsize=1)
def _came_from() -> re.Pattern:
    """`the jets' transfer from`, `bought from the` (data/patterns.json `change_of_hands_words`) ending a text:
    where what a sentence before reports comes from."""
    words = alternation("change_of_hands_words")
    return re.compile(rf"\b(?:{words})\s+(?:of\s+[^.;]{{0,40}}?\s+)?from\s+(?:the\s+)?$")


@lru_cache(maxsize=1)
def _service_regexes() -> tuple[re.Pattern, re.Pattern]:
    """A service noun and its preposition ending a text, the words after it kept; a change-of-hands word."""
    served = alternation("service_nouns")
    moved = alternation("change_of_hands_words")
    return (re.compile(rf"\b(?:{served})\s+(?:to|for|of|on)\s+(?:the\s+|its\s+|their\s+)?((?:[\w-]+\s+){{0,2}})$"),
            re.compile(rf"\b(?:{moved})\b"))
