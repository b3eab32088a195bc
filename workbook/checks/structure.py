"""How a piece of writing is built: sentences, clauses, the reach of a negation, placeholders, filler.

The text checks read structure, not keywords alone: a job word inside "I am
not, of course, asking for a job" is a disclaimer, "don't hesitate to tell
me about openings" is a request, and "[Your Name]" is a template never filled.
Every pattern is linear in its input (fixed words, no nested quantifiers), so
a check answers at once on a pasted 100,000-character document.

Sentences come from ``text.sentences``, written by hand rather than taken
from pysbd: pysbd reads abbreviations well, but took 25 s on a
96,000-character paste and minutes on "a. " repeated, far too slow for a
check that runs as a student types.
"""

from __future__ import annotations

import re

from .patterns import lazy
from .text import words

# Words and marks that open a new clause: a negation never reaches past them.
_CLAUSE_BREAK = lazy(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:but|however|although|though|yet|so|because|while|whereas|instead|"
    r"also|and\s+(?:also|then|if|i|please|could|would|can|may)|or\s+(?:if|could|would))\b")
# Asides that sit inside a clause without breaking it: "I am not, of course, asking for a job".
_ASIDE = lazy(
    r",\s*(?:of\s+course|to\s+be\s+(?:clear|honest)|obviously|at\s+this\s+(?:point|stage)|at\s+all|"
    r"in\s+any\s+way|right\s+now|for\s+now|in\s+this\s+email|at\s+the\s+moment|by\s+any\s+means|"
    r"in\s+case\s+you\s+wondered|just\s+to\s+be\s+clear)\s*,")
_NEGATOR = lazy(r"\b(?:not|never|no|nor|without|cannot|can't|won't|don't|doesn't|didn't|isn't|aren't|"
                      r"wasn't|weren't|wouldn't|shouldn't|couldn't|haven't|hasn't|i'm\s+not|rather\s+than|"
                      r"instead\s+of|other\s+than|nothing\s+like)\b")
# Negations that negate nothing that follows: "don't hesitate to tell me", "can't wait", "not only".
_IDIOM = lazy(r"\b(?:don't|do\s+not|never)\s+hesitate|\bcan't\s+wait|\bcannot\s+wait|\bnot\s+only|"
                    r"\bno\s+doubt|\bnot\s+sure|\bno\s+matter|\bwouldn't\s+mind|\bnot\s+to\s+mention|"
                    r"\bif\s+not\b|\bno\s+later\s+than|\bno\s+problem|\bnot\s+long\s+ago")
FILLER_SAMPLE = 2_000  # words read to tell filler from text: a long paste is judged on its start
NEGATION_REACH = 8  # words: "I am not here today to ask you for a job" still reads as one disclaimer
_NEGATION_HINT = lazy(r"no|n't|never|without|rather|instead|other\s+than")  # in every negator above
NEGATION_CHARS = 160  # characters that hold NEGATION_REACH words and the negator itself

_PLACEHOLDER = lazy(
    r"\[[^\[\]\n]{1,60}\]|<[A-Za-z][A-Za-z ]{0,40}>|\{[^{}\n]{1,40}\}|\b(?:x{3,}|X{3,})\b|_{3,}|"
    r"\b(?:lorem\s+ipsum|ipsum\s+dolor|dolor\s+sit|sit\s+amet)\b", re.I)
_KEYBOARD = lazy(r"asdf|sdfg|dfgh|fghj|ghjk|hjkl|^jkl|qwer|wert|erty|rtyu|tyui|yuio|uiop|zxcv|xcvb|cvbn|vbnm|"
                       r"^bnm|(\w)\1{3,}")
# Short words nearly every English sentence holds; text with none of them is rarely a sentence.
FUNCTION_WORDS = frozenset(
    "i i'm i've i'd me my we our you your he she his her they their it its a an the to of in on at for "
    "with from by and or but is are was were am be been do does did have has had will would can could "
    "should this that these those what how why when where who which not no so as if".split())
_LOREM = frozenset("lorem ipsum dolor amet consectetur adipiscing elit eiusmod tempor incididunt labore "
                   "dolore magna aliqua enim minim veniam quis nostrud exercitation duis aute irure".split())


def clauses(sentence: str) -> list[str]:
    """The clauses of one (folded) sentence: split at commas, semicolons, dashes and joining words.

    Asides such as ", of course," are taken out first, so they do not cut a
    negation off from what it negates.
    """
    plain = _ASIDE.sub(" ", sentence)
    parts, start = [], 0
    for cut in _CLAUSE_BREAK.finditer(plain):
        parts.append(plain[start:cut.start()])
        start = cut.end() if not cut.group().strip().isalpha() else cut.start()
    parts.append(plain[start:])
    return [p.strip() for p in parts if p.strip()]


def negated_before(clause: str, position: int) -> bool:
    """Whether a negation in ``clause`` (folded) reaches the words at ``position``.

    It must stand before them, in the same clause, within NEGATION_REACH
    words, and be no idiom ("don't hesitate", "can't wait", "not only").
    """
    # Only the few words before can hold the negation, so only they are read: linear on a long paste.
    before = clause[max(0, position - NEGATION_CHARS):position]
    if not _NEGATION_HINT.search(before):
        return False
    before = _IDIOM.sub(" ", before)
    last = None
    for last in _NEGATOR.finditer(before):
        pass
    if last is None:
        return False
    return len(before[last.end():].split()) <= NEGATION_REACH


def placeholders(text: str) -> list[str]:
    """Template blanks left in ``text``: "[Your Name]", "<company>", "XXX", "____", lorem ipsum."""
    return [m.group() for m in _PLACEHOLDER.finditer(text)][:5]


def is_filler(text: str) -> bool:
    """True for keyboard mash, lorem ipsum or a few words repeated: text that says nothing."""
    written = words(text)[:FILLER_SAMPLE]
    found = [w.casefold() for w in written]
    if not found:
        return True
    if sum(w in _LOREM for w in found) * 2 >= len(found):
        return True
    # Acronyms such as SQL, BSN or PLC have no vowel either, so only lower-case runs count as mash.
    mashed = sum(bool(_KEYBOARD.search(w.casefold())) or (len(w) >= 3 and w.islower() and w.isascii()
                                                         and not re.search(r"[aeiouy\d]", w)) for w in written)
    if mashed * 2 >= len(found):
        return True
    return len(found) >= 3 and len(set(found)) * 3 <= len(found)
