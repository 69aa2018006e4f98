"""Names compared, matched and turned into IRIs one way everywhere: case and diacritics folded,
letters that do not decompose (ø, ł, đ, ß, æ, œ, ı) mapped to their base letter.

    >>> fold("Bjørn Arild Gram")
    'bjorn arild gram'
    >>> slugify("Bjørn Arild Gram")
    'bjorn-arild-gram'
    >>> compare_key("  Sébastien  Lecornu, Jr.")
    'sebastien lecornu jr'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache

_SPECIAL = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i", "’": "'", "‘": "'",
            "–": "-", "—": "-", "‐": "-", "‑": "-", "ß": "s", "æ": "a", "Æ": "A", "œ": "o", "Œ": "O", "“": '"', "”": '"',
            "×": "x"}  # "6×6" drive


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    if c in _SPECIAL:
        return _SPECIAL[c]
    base = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return base if len(base) == 1 else c


class _FoldTable(dict):
    """Each character's fold, worked out the first time it is met (a table for `str.translate`)."""

    def __missing__(self, code: int) -> str:
        self[code] = folded = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower-case text without diacritics, the same length as `text` (offsets stay valid).

    >>> fold("Sébastien Lecornu’s")
    "sebastien lecornu's"
    """
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD).lower()


def compare_key(name: str | None) -> str:
    """A name compared ignoring case, diacritics and punctuation: folded words joined by spaces."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", fold(name or "")).split())


def squash(text: str) -> str:
    """A name folded, with anything but letters and digits dropped ("S-100" and "S100" are one).

    >>> squash("Camcopter S-100") == squash("camcopter s100")
    True
    """
    return re.sub(r"[^a-z0-9]", "", fold(text))


def slugify(text: str) -> str:
    """A readable, stable IRI path segment for a name: its compare_key's words joined by '-'
    (a hash of the text when it has no letter or digit)."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
    return slug or hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
