"""The phrase lists the text checks read: the workbook's own, plus what a course adds.

The workbook's lists are ``phrases.toml`` beside this module. A course adds
phrases (never removes them) in ``assignments/vocabulary.toml``, a file of the
same shape, validated like the course plan: an unknown list, a phrase that is
not text, or a file that is not TOML is refused with its path.

A student's kernel on a hub sees only its assignment folder, while the grader
sees the course; both must judge with the same words. So each released
assignment carries the course's file as ``vocabulary.toml`` (the source
folders hold a link to ``assignments/vocabulary.toml``, which nbgrader copies
into ``release/`` and, when grading, back over whatever the student handed in).
``current()`` reads the file in the working folder when there is one (an
assignment, as the student or the grader runs it), else the course's own
(the chapter notebooks), else only the workbook's lists.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cache, cached_property
from pathlib import Path

from ..course.root import find_root
from ..course.toml_file import read_toml
from ..errors import CourseNotFound, VocabularyError

DEFAULTS_FILE = Path(__file__).with_name("phrases.toml")
COURSE_FILE = Path("assignments") / "vocabulary.toml"
SHIPPED_NAME = "vocabulary.toml"  # the copy each released assignment carries
MAX_PHRASE_CHARS = 80
MAX_PHRASES = 2_000


def fold(text: str) -> str:
    """``text`` as phrases are matched: compatibility-folded, casefolded, apostrophes straightened, spaces collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = folded.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return " ".join(folded.split())


@dataclass(frozen=True)
class Vocabulary:
    """Every phrase list, each a tuple of folded phrases; ``pattern(name)`` matches any of a list."""

    sign_offs: tuple[str, ...]
    job_words: tuple[str, ...]
    job_asks: tuple[str, ...]
    safe_phrases: tuple[str, ...]
    referral_nouns: tuple[str, ...]

    def extended(self, other: Vocabulary) -> Vocabulary:
        """This vocabulary with ``other``'s phrases added to each list (order kept, repeats dropped)."""
        return Vocabulary(**{f.name: tuple(dict.fromkeys(getattr(self, f.name) + getattr(other, f.name)))
                             for f in fields(self)})

    @cached_property
    def _patterns(self) -> dict[str, re.Pattern]:
        return {f.name: _alternation(getattr(self, f.name)) for f in fields(self)}

    @cached_property
    def memo(self) -> dict:
        """A scratch cache for the checks' per-sentence work, kept with the phrases it depends on."""
        return {}

    def pattern(self, name: str) -> re.Pattern:
        """A compiled pattern matching any phrase of list ``name``, whole words only, on folded text."""
        return self._patterns[name]


LISTS = tuple(f.name for f in fields(Vocabulary))


def _alternation(phrases: tuple[str, ...]) -> re.Pattern:
    # Longest first, so "best regards" wins over "best"; spaces match any run of spaces or hyphens.
    # A plain alternation of literals cannot backtrack badly: each branch is fixed text.
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"[\s-]+".join(re.escape(word) for word in phrase.split()) for phrase in ordered)
    return re.compile(rf"(?<!\w)(?:{body or '(?!)'})(?!\w)")


def parse(raw: dict, where: str) -> Vocabulary:
    """A Vocabulary from a parsed TOML table, refusing anything but the known lists of short phrases."""
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: not a table of phrase lists")
    unknown = sorted(set(raw) - set(LISTS))
    if unknown:
        raise VocabularyError(f"{where}: unknown list(s) {', '.join(unknown)}; the lists are {', '.join(LISTS)}")
    lists = {}
    for name in LISTS:
        value = raw.get(name, [])
        if not isinstance(value, list):
            raise VocabularyError(f"{where}: {name} must be a list of phrases, not {type(value).__name__}")
        if len(value) > MAX_PHRASES:
            raise VocabularyError(f"{where}: {name} has {len(value)} phrases; at most {MAX_PHRASES}")
        phrases = []
        for n, phrase in enumerate(value, 1):
            if not isinstance(phrase, str) or not fold(phrase):
                raise VocabularyError(f"{where}: {name} #{n} must be a non-empty phrase, not {phrase!r}")
            if len(phrase) > MAX_PHRASE_CHARS:
                raise VocabularyError(f"{where}: {name} #{n} is over {MAX_PHRASE_CHARS} characters")
            phrases.append(fold(phrase))
        lists[name] = tuple(dict.fromkeys(phrases))
    return Vocabulary(**lists)


def read(path: str | os.PathLike) -> Vocabulary:
    """The phrase lists in the TOML file at ``path``; VocabularyError naming the path when unusable."""
    path = Path(path)
    return parse(read_toml(path, VocabularyError, "no vocabulary file here"), where=str(path))


@cache
def defaults() -> Vocabulary:
    """The workbook's own phrase lists."""
    return read(DEFAULTS_FILE)


@cache
def _with_additions(path: str, stamp: tuple[int, int]) -> Vocabulary:
    return defaults().extended(read(path))


def load(additions: str | os.PathLike | None = None) -> Vocabulary:
    """The workbook's lists plus the course's ``additions`` file (None: the workbook's alone)."""
    if additions is None:
        return defaults()
    path = Path(additions).resolve()
    try:
        stat = path.stat()
    except FileNotFoundError:
        raise VocabularyError(f"{path}: no vocabulary file here") from None
    # Keyed by modification time and size, so an edited file is read again and an unchanged one is not.
    return _with_additions(str(path), (stat.st_mtime_ns, stat.st_size))


def additions_file(folder: str | os.PathLike | None = None) -> Path | None:
    """The course additions that apply in ``folder`` (default: here): the shipped copy, else the course's."""
    here = Path(folder if folder is not None else Path.cwd())
    if (here / SHIPPED_NAME).is_file():
        return here / SHIPPED_NAME
    try:
        course_file = find_root(start=here) / COURSE_FILE
    except CourseNotFound:
        return None
    return course_file if course_file.is_file() else None


def current(folder: str | os.PathLike | None = None) -> Vocabulary:
    """The vocabulary the checks use in ``folder`` (default: the working folder)."""
    return load(additions_file(folder))
