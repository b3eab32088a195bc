"""What a piece of writing shares with a conversation: the details of an interview a note brings back.

A thank-you note is specific when it mentions something from *this*
interview. That is judged against what the student noted (the answers, the
notes, what they learned, their next steps, the person they were sent on
to), not against a list of keywords: the words of the note are matched to the
words of the record, loosely (plurals and endings, British and American
spelling, a typo), leaving out words any note would hold ("time", "advice",
"career") and the person's own name, employer and job title, which a generic
note names too. A name or a number from the record is a sure detail, and so
are two words of the record; one word alone may be the field's own
("illustration"), so a person reads such a note.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from .structure import FUNCTION_WORDS
from .text import sentences, words

# The record's fields a detail may come from, and those that any note could name without listening.
DETAIL_FIELDS = ("notes", "learned", "next_steps", "next_contact")
IDENTITY_FIELDS = ("name", "occupation", "organization")
STRONG_LETTERS = 7  # a matched word this long is shown first when the check quotes what it found
TYPO_SCORE = 86  # rapidfuzz ratio at which two longer words are one word spelled two ways
MAX_WORDS = 5_000  # words of a note read: a note is short, a paste is judged on its start

# Words a note after any conversation holds; they show nothing of this one.
GENERIC = frozenset("""
thank thanks thanked thanking grateful gratitude appreciate appreciated appreciating appreciation
time times today yesterday tomorrow week weeks weekend month months year years day days morning afternoon
evening monday tuesday wednesday thursday friday saturday sunday last
advice advise advised suggestion suggestions suggested recommend recommended recommendation tip tips
career careers field fields job jobs work working worked works profession professional industry
role roles position path journey experience experiences background story stories
learn learned learnt learning know knew knowing knowledge understand understood understanding
information informative insight insights insightful perspective perspectives view views idea ideas
talk talked talking speak speaking spoke spoken chat chatted chatting conversation conversations
meet meeting met call called discussion discussed discuss interview interviews informational
like likes liked love loved loves want wanted feel felt think thought
really very much many lot lots great good nice wonderful amazing helpful useful valuable interesting
fascinating inspiring enjoyed enjoy enjoying pleasure glad happy hear heard hearing share shared sharing
take taking took taken give gave giving given spend spent spending make made making get got getting
thing things something everything anything way ways bit kind sure also again still even just
next step steps plan plans planning future forward keep keeping mind continue continuing use using
question questions answer answers asked ask asking help helped helping hope hoping look looking
studies study studying student students school class classes program programme course degree
people person team company organization organisation office firm
about from into over after before some more most other than then there here them only own such
well all any each every both few being were said says told tell
start started starting begin began try tried write wrote send sent go going went come came see saw find found
reach reached follow followed let put set done
dear hello hi hey best regards sincerely warm warmly wishes cheers yours kind kindly
""".split())


@dataclass(frozen=True)
class Details:
    """The details a text shares with a record: ``sure`` when one is strong or two are shared."""

    shared: tuple[str, ...]  # the note's words that match the record, as the note spells them
    strong: tuple[str, ...]  # of those, the long words, names and figures
    named: tuple[str, ...]  # of those, the names and figures ("Camp Sunrise", "CPON", "4,000")
    record_has_details: bool  # False when the record holds nothing to compare a note with

    @property
    def sure(self) -> bool:
        # One long word alone may be the field's own ("illustration"): two details, or a name or figure, are sure.
        return len(self.shared) >= 2 or bool(self.named)


@lru_cache(maxsize=8192)  # the words of notes repeat; a paste of new words stays bounded
def _fold(word: str) -> str:
    from anyascii import anyascii  # imported on use: every graded kernel imports the checks

    return anyascii(unicodedata.normalize("NFKC", word)).casefold().replace("'", "").replace("-", "")


def _stem(word: str) -> str:
    # Endings English adds to one word: enough to meet "postmortems" with "postmortem", "shadowing" with "shadow".
    for ending in ("ings", "ing", "ied", "ies", "ed", "es", "s", "ly"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def _content(text: str) -> list[tuple[str, str]]:
    """(as written, stem) for each word of ``text`` that could carry a detail, in order."""
    found = []
    for written in words(text)[:MAX_WORDS]:
        folded = _fold(written)
        if not folded or folded in GENERIC or folded in FUNCTION_WORDS:
            continue
        if len(folded) < 3 and not folded.isdigit():
            continue
        found.append((written, _stem(folded)))
    return found


def _record_text(record: Mapping, fields: Iterable[str], answers: bool = False) -> list[str]:
    texts = [record.get(key) for key in fields]
    saved = record.get("answers")
    if answers and isinstance(saved, Mapping):
        texts.extend(saved.values())
    return [t for t in texts if isinstance(t, str) and t.strip()]


def _named(text: str) -> list[str]:
    """Words of ``text`` written as names or figures: capitalised inside a sentence, in capitals, with a digit."""
    found = []
    for sentence in sentences(text)[:MAX_WORDS]:
        for n, word in enumerate(words(sentence)):
            if any(c.isdigit() for c in word) or (len(word) > 1 and word.isupper()) or (n and word[:1].isupper()):
                found.append(word)
    return found


def _matches(stem: str, known: set[str]) -> bool:
    if len(stem) < 6:
        return False
    from rapidfuzz import fuzz, process  # imported on use: every graded kernel imports the checks

    return process.extractOne(stem, known, scorer=fuzz.ratio, score_cutoff=TYPO_SCORE) is not None


def shared_details(text: str, record: Mapping) -> Details:
    """The details ``text`` shares with an interview ``record`` (as the recorder saves it)."""
    identity = {stem for value in _record_text(record, IDENTITY_FIELDS) for _, stem in _content(value)}
    noted = _record_text(record, DETAIL_FIELDS, answers=True)
    known = {stem for value in noted for _, stem in _content(value)} - identity
    # A name or a number in the record ("Camp Sunrise", "CPON", "4,000") is a detail of its own.
    proper = {_stem(_fold(w)) for value in noted for w in _named(value)} - identity
    shared, strong, named, seen = [], [], [], set()
    for written, stem in _content(text):
        if stem in seen or stem in identity:
            continue
        exact = stem in known
        if not exact and not _matches(stem, known):
            continue
        seen.add(stem)
        shared.append(written)
        # A loose match ("illustration" for the record's "illustrators") may be the field's own word: weak.
        if exact and (stem in proper or any(c.isdigit() for c in stem)):
            named.append(written)
        if exact and (len(stem) >= STRONG_LETTERS or written in named):
            strong.append(written)
    return Details(tuple(shared), tuple(strong), tuple(named), bool(known))
