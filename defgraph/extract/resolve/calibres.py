"""Munitions named by their calibre: "155 mm shells", "shells of 155 mm calibre"."""

from __future__ import annotations

import re

from ..gazetteer import equipment_key
from ..model import EQUIPMENT, Mention


class CalibrePasses:
    """Calibre munitions (mixed into the resolver)."""

    # a calibre alone names no system: "Sixteen 155mm howitzers", "the 155-millimeter K9 gun"
    CALIBRE_ONLY_RE = re.compile(r"\d{1,3}(?:\.\d{1,2})?[ -]?(?:mm|millimetres?|millimeters?)")

    CALIBRE_RE = re.compile(r"\b(\d{2,3}(?: ?|-)(?:mm|millimetre|millimeter))((?:,? (?:and|or) \d{2,3}(?: ?|-)"
                            r"(?:mm|millimetre|millimeter))*) ((?:(?!calibre |caliber )[a-z][a-z-]+ )?"
                            r"(?:shells|rounds|ammunition|munitions))\b")

    CALIBRE_AFTER_RE = re.compile(r"\b([Ss]hells|[Rr]ounds|[Aa]mmunition|[Mm]unitions) of (\d{2,3}(?: ?|-)(?:mm|millimetre|"
                                  r"millimeter))(?: (?:calibre|caliber)\b|(?![\w-]|\s+[a-z]))")  # not "rounds of 155 mm smoke ammunition"

    def _calibres(self) -> None:
        """`155 mm and 122 mm shells`: calibre munitions, named with their head noun."""
        for m in self.CALIBRE_RE.finditer(self.text):
            head = m.group(3)
            first = (m.start(1), m.end(1))
            spans = [first] + [(m.start(2) + x.start(1), m.start(2) + x.end(1))
                               for x in re.finditer(r"(\d{2,3}(?: ?|-)(?:mm|millimetre|millimeter))", m.group(2) or "")]
            for s, e in spans:
                if self.covered(s, e):
                    continue
                name = f"{self.text[s:e]} {head}"
                end = m.end() if (s, e) == spans[-1] else e
                self.add(Mention(s, end, name, EQUIPMENT, source="context", head=True),
                         EQUIPMENT, "Ammunition", equipment_key(name), name)
        for m in self.CALIBRE_AFTER_RE.finditer(self.text):
            # "shells of 155 mm calibre": the same munitions as "155 mm shells"
            if not self.covered(m.start(), m.end()):
                name = f"{m.group(2)} {m.group(1).lower()}"
                self.add(Mention(m.start(), m.end(), m.group(), EQUIPMENT, source="context", head=True),
                         EQUIPMENT, "Ammunition", equipment_key(name), name)
