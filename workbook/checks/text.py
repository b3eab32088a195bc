"""Text helpers shared by the checks: words, sentences and a normal form for matching.

Every pattern here is linear in the length of its input (no nested
quantifiers that can overlap), because students paste whole documents into
widgets and a check must answer while they type.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Apostrophes and hyphens that may join the parts of one word ("don't", "co-op").
_JOINERS = "'\u2019\u02bc\u2010\u2011-"
# Marks that end a sentence, in Latin, CJK, Arabic and Devanagari scripts.
_ENDS = ".!?\u2026\u3002\uff01\uff1f\u061f\u0964"
_SENTENCE_END = re.compile(rf"[{_ENDS}]+[\"'\u201d\u2019\u00bb)\]]*(?=\s|$)")
# Abbreviations whose full stop ends no sentence ("Dr. Lee suggested...", "e.g. nursing").
_ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof profs st sr jr mt rev hon sgt capt lt col gen dept univ no vs etc "
    "e.g i.e a.m p.m approx est inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec".split())
_LAST_WORD = re.compile(r"([\w.]+)[.]$")


@cache
def _word_pattern() -> re.Pattern:
    # Python's \w leaves out combining marks, which would cut words such as
    # Hindi or pointed Hebrew in pieces. The class is built on first use so
    # that importing stays instant, and holds only marks below U+10000 (plus
    # the zero-width joiners) because the regex engine tests such a class in
    # constant time, while astral ranges make every character slower.
    marks = "".join(
        re.escape(chr(c)) for c in range(0x300, 0x10000)
        if unicodedata.category(chr(c)).startswith("M")
    ) + "\u200c\u200d"
    part = rf"\w[\w{marks}]*"
    return re.compile(rf"{part}(?:[{re.escape(_JOINERS)}]{part})*")


def _require_str(text) -> str:
    if not isinstance(text, str):
        raise ValueError(f"expected text (a str), not {type(text).__name__}")
    return text


def words(text: str) -> list[str]:
    """The words of ``text`` in order; "don't" and "part-time" each count as one word.

    Letters and digits of any script count; punctuation, emoji and
    underscores do not.
    """
    # Underscores are \w to the regex engine; blanking them first keeps
    # template lines such as "____" from counting as words.
    plain = unicodedata.normalize("NFC", _require_str(text)).replace("_", " ")
    return _word_pattern().findall(plain)


def word_count(text: str) -> int:
    """How many words ``text`` has."""
    return len(words(text))


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped: a line break ends one, an abbreviation's full stop does not.

    Splitting on line breaks keeps an email's greeting, closing and signature
    apart even when they carry no full stop; "Dr. Lee" or "e.g. nursing" stay
    inside their sentence.
    """
    found = []
    for line in _require_str(text).splitlines():
        start = 0
        for end in _SENTENCE_END.finditer(line):
            piece = line[start:end.end()]
            last = _LAST_WORD.search(piece.rstrip("\"'\u201d\u2019\u00bb)]"))
            if last and last.group(1).casefold().rstrip(".") in _ABBREVIATIONS and end.end() < len(line.rstrip()):
                continue
            found.append(piece)
            start = end.end()
        found.append(line[start:])
    return [s.strip() for s in found if s.strip()]


def normalize(text: str) -> str:
    """``text`` folded for comparison: NFKC, casefolded, curly apostrophes straightened, whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", _require_str(text)).casefold()
    # Chained replace is several times faster than str.translate here.
    folded = folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return " ".join(folded.split())
