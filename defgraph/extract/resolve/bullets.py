"""Unknown systems in bullet lines under a lead line that moves equipment ("- six Hornet XR",
"- 20,000 helmets")."""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import equipment_key
from ..model import AGENCY, COUNTRY, EQUIPMENT, KIT, PERSON, Mention
from ..mentions import kit_nouns
from ..sentences import BULLET, Sentence
from ..text import fold, number_words, patterns, trigger_regex
from .kit import kit_class


@lru_cache(maxsize=1)
def _item_regex() -> re.Pattern:
    """A bullet item: a count, a few lower-case words, a capitalised name, a kind ("one Warthog
    tracked all-terrain vehicle", "six Hornet XR", "20,000 helmets", "1 million rounds")."""
    words = number_words()
    return re.compile(rf"(?P<count>(?:(?:up to|about|more than|over)\s+)?(?:\d[\d,.]*(?:\s+(?:million|thousand))?"
                      rf"|(?:{words}))\s+)?"
                      r"(?:(?:[a-z]+-)?[a-z]+\s+){0,2}?"
                      r"(?P<name>[A-Z][\w/-]*(?:\s+(?:[A-Z0-9][\w/-]*))*)?\s*"
                      r"(?P<kind>[a-z][a-z -]*[a-z])?\s*[.;,]?\s*$")


class BulletPasses:
    """Systems named in bullet lines (mixed into the resolver)."""

    def _bullet_items(self) -> None:
        """`Ukraine is also getting:` / `- six Hornet XR`: under a lead line that moves equipment, a
        bullet line that names no known system names one by its capitalised words after the count;
        a bullet of a counted kind of equipment ("- 20,000 helmets") names that kind."""
        lead = False
        for sent in self.sentences:
            bullet = BULLET.match(sent.text)
            if not bullet:
                lead = sent.text.rstrip().endswith(":") and trigger_regex("transfer").search(fold(sent.text)) is not None
                continue
            if not lead or any(m.family == EQUIPMENT and sent.start <= m.start < sent.end
                               for m in self.near(sent.start, sent.end, pad=0)):
                continue
            item = _item_regex().match(sent.text, bullet.end())
            if item is None:
                self._counted_kinds(sent, bullet.end())
                continue
            name = item.group("name") or ""
            sentence_case = not item.group("count") and item.start("name") == bullet.end() and \
                len(name.split()) == 1 and bool(item.group("kind")) and not any(c.isdigit() for c in name)
            if item.group("name") and not sentence_case:  # "- Secure communications equipment": no name
                s, e = sent.start + item.start("name"), sent.start + item.end("name")
                if self.covered(s, e, (PERSON, AGENCY, EQUIPMENT, COUNTRY)):
                    continue
                head = fold(item.group("kind") or "")
                if re.fullmatch(r"[A-Z]{2,4}", item.group("name")) and head in patterns()["kit_vague_heads"]:
                    e = sent.start + item.end("kind")  # "- 35 GPS devices": the letters qualify a kind
                name = self.text[s:e]
                self.add(Mention(s, e, name, EQUIPMENT, source="context", head=bool(head)), EQUIPMENT,
                         kit_class(head) if head else "Equipment", equipment_key(name), name)
            elif item.group("count") and item.group("kind"):
                self._counted_kinds(sent, bullet.end())

    def _counted_kinds(self, sent: Sentence, at: int) -> None:
        """`- 5 excavators and 6 mini excavators`, `- 4 dump trucks of the tipper type`, `- 8 buses seating 27
        each`: each counted kind of equipment of a bullet line, up to its head noun, names that kind."""
        count = rf"(?:\d[\d,.]*|(?i:{number_words()}))(?:\s+(?:million|thousand|hundred))?"
        vague = set(patterns()["kit_vague_heads"])
        for part in re.finditer(rf"{count}\s+((?:[a-z]+(?:-[a-z]+)*\s+)*[a-z]+(?:-[a-z]+)*)", sent.text[at:]):
            words = list(re.finditer(r"[a-z]+(?:-[a-z]+)*", part.group(1)))
            head = next((w for w in words if w.group().split("-")[-1] in kit_nouns()), None)
            # (at most two qualifiers before the head, none a function word: not "- 40 soldiers driving the trucks"; a vague
            # head only qualified: "- 180 tactical kits", not "- 1 million rounds of …")
            if head is None or head.group() in vague and head is words[0] or words.index(head) > 2 or \
                    re.search(r"\b(?:of|for|with|and|or|to|in|on|the|a|an|its|their)\b", part.group(1)[:head.start()]):
                continue
            s, e = sent.start + at + part.start(1), sent.start + at + part.start(1) + head.end()
            if not self.covered(s, e):
                name = self.text[s:e]
                self.add(Mention(s, e, name, EQUIPMENT, source=KIT), EQUIPMENT, kit_class(name), equipment_key(name), name)
