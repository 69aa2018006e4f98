"""Dates as news states them, relative to the article's dateline where needed."""

from __future__ import annotations

import re
from functools import lru_cache
from datetime import date, datetime, timedelta

from ..text import fold, patterns


def find_date(text: str, published: datetime | None) -> date | str | None:
    """A date stated in text: `21 November 2023`, `December 21, 2022`, `27 July`, a weekday (the one
    before the dateline, or after it where the text speaks of what will be), or "yesterday".

    >>> find_date("Doe met Roe on Monday", datetime(2025, 6, 18)), find_date("Doe will meet Roe on Monday", datetime(2025, 6, 18))
    (datetime.date(2025, 6, 16), datetime.date(2025, 6, 23))
    >>> find_date("Doe received Roe yesterday", datetime(2025, 6, 18))
    datetime.date(2025, 6, 17)
    """
    months = patterns()["months"]
    mon = "|".join(sorted(months, key=len, reverse=True))
    low = fold(text)
    year_default = published.year if published else None
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", low)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.search(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b", low)  # day first, as in the datelines
    if m:
        return _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.search(rf"\b(\d{{1,2}})\s+({mon})\.?,?\s+(\d{{4}})\b", low) or None
    if m:
        return _safe_date(int(m.group(3)), months[m.group(2)], int(m.group(1)))
    m = re.search(rf"\b({mon})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", low)
    if m:
        return _safe_date(int(m.group(3)), months[m.group(1)], int(m.group(2)))
    m = re.search(rf"\b(?:on\s+)?(\d{{1,2}})\s+({mon})\b", low) or re.search(rf"\bon\s+({mon})\s+(\d{{1,2}})\b", low)
    if m and year_default:
        g = m.groups()
        day, month = (int(g[0]), months[g[1]]) if g[0].isdigit() else (int(g[1]), months[g[0]])
        return _safe_date(year_default, month, day)
    m = re.search(rf"\bin\s+({mon})\s+(\d{{4}})\b", low)
    if m:
        return f"{int(m.group(2)):04d}-{months[m.group(1)]:02d}"
    m = re.search(r"\b(?:on|met|meet|held talks)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", low)
    if m and published:
        target = patterns()["weekdays"].index(m.group(1))
        future = "|".join(re.escape(c) for c in patterns()["future_cues"] if c != "to")
        if not m.group().startswith("met") and re.search(
                rf"\b(?:{future})\s+(?:(?!when|that|after|before|while|as|since|where)[a-z-]+\s+){{0,8}}$", low[:m.start()]):
            # "The delegation will visit the centre on Wednesday": the Wednesday to come
            return (published + timedelta(days=(target - published.weekday()) % 7 or 7)).date()
        delta = (published.weekday() - target) % 7
        return (published - timedelta(days=delta)).date()
    if published and re.search(r"\byesterday\b", low):  # (wire copy: "received yesterday", the day before the dateline)
        return (published - timedelta(days=1)).date()
    return None


def _safe_date(y: int, mo: int, d: int) -> date | None:
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def date_line(text: str) -> bool:
    """Whether a line is only a date: "10:00 12.05.2024", "Monday, December 07, 2015" (data/patterns.json `weekdays`,
    `months`).

    >>> date_line("Monday, December 07, 2015"), date_line("Talks on Monday")
    (True, False)
    """
    return _date_line().fullmatch(fold(text)) is not None


@lru_cache(maxsize=1)
def _date_line() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, [*patterns()["weekdays"], *patterns()["months"]]), key=len, reverse=True))
    return re.compile(rf"(?:[\d:.,/ ]|\b(?:{words})\b)+")
