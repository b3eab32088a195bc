"""Lengths of time as students write them ("20-30 minutes", "half an hour", "a one-hour break").

The reference pages ask for a 20-30 minute conversation, and another for
15-20 minutes; so a request may ask for 15 to 30 minutes, and the interview
record (which must keep to the time asked for, or a little more when the
interviewee offers it) uses the same floor.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .patterns import lazy, lazy_word_start

MIN_MINUTES, MAX_MINUTES = 15, 30

_NUMBER_VALUES = {
    "one": 1, "two": 2, "three": 3, "five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
    "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90,
}
_NUMBER_WORDS = (r"twenty[\s-]five", r"forty[\s-]five", "fifteen", "twenty", "thirty", "forty", "fifty",
                 "sixty", "ninety", "ten", "five", "one", "two", "three")
_NUMBER_WORD = "(?:" + "|".join(_NUMBER_WORDS) + ")"
_NUMBER_TOKEN = lazy(rf"\d{{1,3}}(?:\.\d+)?|\b{_NUMBER_WORD}\b")
_HOURS = lazy(r"\b(?:hours?|hrs?)\b")
_UNIT = r"[\s-]*(?:minutes?|mins?|hours?|hrs?)\b"
_AMOUNT_TAIL = (rf"(?:\s*(?:-|\u2013|\u2014|to|or|and)\s*(?:\d{{1,3}}(?:\.\d+)?|{_NUMBER_WORD}))?"
                rf"(?:\s+and\s+a\s+half)?{_UNIT}(?:\s+and\s+a\s+half\b)?")
# Two scans, because one pattern cannot open with both a digit class and letters and stay fast.
# As in word_start_pattern, the lookbehind sits after the first digit.
_DIGIT_DURATION = lazy(rf"[0-9](?<![\w.][0-9])[0-9]{{0,2}}(?:\.[0-9]+)?{_AMOUNT_TAIL}")
_WORD_DURATION = lazy_word_start("|".join(
    [f"{word}{_AMOUNT_TAIL}" for word in _NUMBER_WORDS]
    + [r"an\s+hours?\b(?:\s+and\s+a\s+half\b)?", r"a\s+full\s+hour\b", r"a\s+minute\b",
       r"half(?:\s+an|-an)?[\s-]hour\b", r"a\s+half[\s-]hour\b", r"a\s+quarter\s+(?:of\s+)?an\s+hour\b",
       r"quarter\s+(?:of\s+)?an\s+hour\b", r"three[\s-]quarters\s+(?:of\s+)?an\s+hour\b"]
), tail="")

def durations(folded: str) -> list[re.Match]:
    """Every stated length of time in (lower-cased) ``folded``, in order, overlaps dropped."""
    found = list(_DIGIT_DURATION.finditer(folded)) + list(_WORD_DURATION.finditer(folded))
    found.sort(key=lambda match: match.start())
    kept, reach = [], -1
    for match in found:
        # "twenty to 30 minutes" is found by both scans; keep the longer, earlier one.
        if match.start() >= reach:
            kept.append(match)
            reach = match.end()
    return kept


@lru_cache(maxsize=512)
def minutes(said: str) -> tuple[float, ...]:
    """The figures, in minutes, of one stated duration such as "20-30 minutes" or "an hour"."""
    said = " ".join(said.replace("-", " ").split())
    scale = 60 if _HOURS.search(said) else 1
    if "quarter" in said:
        return (45 if "three" in said else 15,)
    and_a_half = "and a half" in said
    if "half" in said and not and_a_half:
        return (30,)
    values = [float(t) if t[0].isdigit() else _NUMBER_VALUES[t.replace(" ", "-")]
              for t in _NUMBER_TOKEN.findall(said.replace("and a half", ""))] or [1]
    if and_a_half:
        values[-1] += 0.5
    return tuple(value * scale for value in values)


