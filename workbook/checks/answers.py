"""Whether an interview note really answers its question, read as an instructor would.

Points go only where the check is sure: a specific short note ("1st yr
apprentice about $22/hr plus benefits", a list of skills) is an answer; a
blank, a placeholder, "I forgot to ask this", the question pasted back, or
one paragraph pasted into several boxes is not. Twelve vague words ("it
depends on the company and the location...") are not either. Between the
two, a note goes to the instructor. rapidfuzz finds pasted and copied text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


from .patterns import lazy
from .structure import FUNCTION_WORDS, is_filler, placeholders
from .text import normalize, words

_PLACEHOLDERS = {"n/a", "na", "none", "tbd", "todo", "idk", "-", "...", "?", "same", "nothing", "lorem ipsum",
                 "same as above", "see above", "as above", "ditto", "xxx", "x", "tba", "tbc", "fill in later",
                 "later", "pending", "no answer", "skip", "skipped"}
_NOT_ASKED = lazy(
    r"\b(?:forgot\s+to\s+ask|didn'?t\s+(?:get\s+to|ask|have\s+time|cover|answer|really\s+(?:say|answer|want))|"
    r"did\s+not\s+(?:get\s+to|ask|have\s+time|cover|answer)|ran\s+out\s+of\s+time|we\s+skipped|skipped\s+(?:it|this)|"
    r"no\s+time\s+for\s+this|never\s+got\s+to|not\s+asked|wasn'?t\s+asked|same\s+as\s+(?:above|before)|"
    r"see\s+above|as\s+above)\b")
_SPECIFIC = lazy(r"\d|[$\u00a3\u20ac\u00a5%]|\b(?:hourly|annually|per\s+(?:hour|year|week|month))\b")
_LIST_SPLIT = lazy(r"[,;\n\u2022]|\s-\s|\band\b")
# Words that fill a sentence without saying anything about this person's work.
_GENERIC = frozenset(
    "thing things stuff lot lots some many much very really quite pretty kind sort depends depend depending "
    "varies vary various different company companies location experience level person people situation "
    "opportunities opportunity growth okay ok normal fine good great nice interesting like place work job "
    "jobs field career everything anything something always never hard best also just well sure said says "
    "told talked mentioned asked answer question one ones way ways time times".split())
COPY_SCORE = 90   # rapidfuzz ratio at which two notes are one note pasted twice
ECHO_SCORE = 85   # token-set ratio at which a note is the question given back
SURE_WORDS = 6    # new, specific words that make a note an answer for sure
MIN_WORDS = 3     # fewer words than this, and nothing specific: not an answer


@dataclass(frozen=True)
class AnswerVerdict:
    """``passed`` (the suggestion when ``review``), and why, in words for the message."""

    passed: bool
    why: str
    review: bool = False


def _content(text: str) -> list[str]:
    return [w for w in (w.casefold() for w in words(text)) if len(w) > 2 and w not in FUNCTION_WORDS]


def judge_answer(text, question: str = "", copied_in: int = 0) -> AnswerVerdict:
    """Judge one note under ``question``; ``copied_in``: how many other boxes hold the same note."""
    from rapidfuzz import fuzz  # imported on use: every graded kernel imports the checks

    if not isinstance(text, str) or not text.strip():
        return AnswerVerdict(False, "is missing")
    plain = normalize(text).strip(" .!")
    if plain in _PLACEHOLDERS or placeholders(text) and len(words(text)) <= 4:
        return AnswerVerdict(False, "is only a placeholder")
    if _NOT_ASKED.search(plain) and len(words(text)) < 25:
        return AnswerVerdict(False, "says the question was not covered")
    if is_filler(text):
        return AnswerVerdict(False, "holds no real words")
    asked = normalize(question)
    if asked and (fuzz.token_set_ratio(plain[:3000], asked) >= ECHO_SCORE
                  and len(plain) <= len(asked) * 1.3 or set(_content(plain)) <= set(_content(asked))):
        return AnswerVerdict(False, "repeats the question instead of answering it")
    if copied_in >= 2:
        return AnswerVerdict(False, f"is the same note as {copied_in} other answers")
    verdict = _substance(text, question)
    if copied_in == 1 and verdict.passed:
        return AnswerVerdict(True, "is the same note as another answer; your instructor will read both", True)
    return verdict


def _substance(text: str, question: str) -> AnswerVerdict:
    found = words(text)
    new = set(_content(text)) - set(_content(question)) - _GENERIC
    listed = [part for part in _LIST_SPLIT.split(text) if len(words(part)) >= 1]
    if len(new) >= SURE_WORDS or (len(found) >= MIN_WORDS and (_SPECIFIC.search(text) or len(listed) >= 3)
                                  and len(new) >= 2):
        return AnswerVerdict(True, f"has substance ({len(found)} words)")
    if len(new) < 3 or len(found) < MIN_WORDS:
        return AnswerVerdict(False, f"is too vague to count ({len(found)} word{'' if len(found) == 1 else 's'}, "
                                    "little that is specific)")
    return AnswerVerdict(len(new) >= 4, f"is short on detail ({len(found)} words); your instructor will read it",
                         True)


def copies(notes: dict[str, str]) -> dict[str, int]:
    """For each box, how many other boxes hold the same note (after folding; near-identical counts)."""
    from rapidfuzz import fuzz  # imported on use: every graded kernel imports the checks

    folded = {key: normalize(value) for key, value in notes.items() if isinstance(value, str) and value.strip()}
    counts = dict.fromkeys(notes, 0)
    keys = list(folded)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            x, y = folded[a], folded[b]
            if len(x) >= 20 and (x == y or fuzz.ratio(x[:2000], y[:2000]) >= COPY_SCORE):
                counts[a] += 1
                counts[b] += 1
    return counts
