"""Validation of single values at the point of entry, with messages a student can act on."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from ..errors import JournalValueError

SHORT_TEXT_LIMIT = 200  # names, organizations, occupations, e-mail addresses
LONG_TEXT_LIMIT = 20_000  # notes, answers, reflections: about eight pages of prose

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_PHONE = re.compile(r"^[0-9+().\-\s/]{4,40}(\s*(ext\.?|x)\s*\d{1,6})?$", re.IGNORECASE)


def text(field: str, value, *, required=False, long=False) -> str:
    """A cleaned text value: stripped, NFC-normalised, within its length limit."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise JournalValueError(field, f"must be text, not {type(value).__name__}")
    value = unicodedata.normalize("NFC", value.strip())
    limit = LONG_TEXT_LIMIT if long else SHORT_TEXT_LIMIT
    if len(value) > limit:
        raise JournalValueError(
            field, f"is {len(value):,} characters long; the limit is {limit:,}. Shorten it and save again."
        )
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise JournalValueError(field, "contains a broken character that cannot be saved") from None
    allowed = "\n\t\r" if long else ""
    for char in value:
        if unicodedata.category(char) == "Cc" and char not in allowed:
            raise JournalValueError(field, f"contains an invisible control character (U+{ord(char):04X})")
    if not long:
        hidden = hidden_characters(value)
        if hidden:
            raise JournalValueError(field, hidden_problem(value, hidden))
    if required and not value:
        raise JournalValueError(field, "is empty; please fill it in")
    return value


# -- what a name may hold ------------------------------------------------------------------------
#
# The policy for names (every short text: a person's name, organization, occupation, field, e-mail,
# phone, the student's own name, the names in an interview record): a name holds only characters
# that show. Invisible characters (zero-width spaces, word joiners, byte-order marks, soft hyphens,
# invisible fillers) make "J\u200bohn" a different person who looks like John, and direction
# controls (U+202A-U+202E, U+2066-U+2069, the marks U+200E/U+200F/U+061C) make
# "Nadia \u202eredoc\u202c Karim" show as "Nadia coder Karim". The journal refuses such a name, so
# no path stores one silently; the widgets, where names are typed, remove the characters and say
# which (``visible_text``). The two joiners U+200C/U+200D are part of how Persian, Arabic and the
# Indic scripts are spelled, and of emoji sequences, so they stay between two letters of a script that
# joins, or inside an emoji sequence; anywhere else they are hidden characters like the rest.

_FILLERS = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, 0x2028, 0x2029}
_JOINERS = {0x200C, 0x200D}


def _joins(before: str, after: str, char: str) -> bool:
    """Whether a joiner between ``before`` and ``after`` is spelling, not a hidden mark."""
    def scripted(c: str) -> bool:
        # Letters and marks beyond Latin, Greek and Cyrillic: the scripts that use joiners.
        return ord(c) >= 0x0590 and unicodedata.category(c)[0] in "LM"

    def emoji(c: str) -> bool:
        return unicodedata.category(c) in ("So", "Sk") or 0xFE00 <= ord(c) <= 0xFE0F or 0x1F3FB <= ord(c) <= 0x1F3FF

    if not before or not after:
        return False
    if scripted(before) and scripted(after):
        return True
    return char == "\u200d" and emoji(before) and emoji(after)


def hidden_characters(value: str) -> list[int]:
    """Positions in ``value`` of characters a name may not hold (see the policy above)."""
    found = []
    for position, char in enumerate(value):
        code = ord(char)
        if code in _JOINERS:
            before = value[position - 1] if position else ""
            after = value[position + 1] if position + 1 < len(value) else ""
            if not _joins(before, after, char):
                found.append(position)
        elif unicodedata.category(char) == "Cf" or code in _FILLERS:
            found.append(position)
    return found


def character_name(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: how a message names a character the student cannot see."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


def hidden_problem(value: str, positions: list[int]) -> str:
    """The sentence a refusal gives: which hidden characters, and where."""
    first = positions[0]
    where = f"after \u201c{value[max(0, first - 12):first]}\u201d" if first else "at the start"
    names = sorted({character_name(value[p]) for p in positions})
    return (f"contains {len(positions)} invisible or direction-changing character(s) ({', '.join(names)}), "
            f"the first {where}; a name may hold only characters that show")


def visible_text(value: str) -> tuple[str, list[str]]:
    """``value`` without the characters a name may not hold, and the names of those removed."""
    positions = set(hidden_characters(value))
    kept = "".join(char for position, char in enumerate(value) if position not in positions)
    return kept, [character_name(value[p]) for p in sorted(positions)]


def choice(field: str, value, vocabulary: dict, *, label_kind: str) -> str:
    """One of the keys of ``vocabulary``; a label is accepted too, for hand-typed values."""
    if isinstance(value, str):
        if value in vocabulary:
            return value
        for key, shown in vocabulary.items():
            if value.strip().casefold() == shown.casefold():
                return key
    choices = ", ".join(f"{k!r}" for k in vocabulary)
    raise JournalValueError(field, f"{value!r} is not a known {label_kind}; choose one of {choices}")


def date(field: str, value, *, required=False) -> str | None:
    """An ISO date string (YYYY-MM-DD); a date object is accepted too."""
    if value in (None, ""):
        if required:
            raise JournalValueError(field, "is empty; give a date as YYYY-MM-DD")
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            pass
    raise JournalValueError(field, f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-09-14")


def minutes(field: str, value) -> int | None:
    """A whole number of minutes from 0 to 600, or None."""
    if value in (None, ""):
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise JournalValueError(field, f"must be a number of minutes, not {type(value).__name__}")
    try:
        number = float(value)
    except ValueError:
        raise JournalValueError(field, f"{value!r} is not a number of minutes") from None
    if number != number or not 0 <= number <= 600 or number != int(number):
        raise JournalValueError(field, f"{value!r} must be a whole number of minutes from 0 to 600")
    return int(number)


def email(field: str, value) -> str:
    """An e-mail address, or empty."""
    value = text(field, value)
    if value and not _EMAIL.match(value):
        raise JournalValueError(field, f"{value!r} does not look like an e-mail address (name@example.org)")
    return value


def phone(field: str, value) -> str:
    """A phone number (digits, spaces, + ( ) - . /, optional extension), or empty."""
    value = text(field, value)
    if value and not _PHONE.match(value):
        raise JournalValueError(field, f"{value!r} does not look like a phone number")
    return value


def parse_date(value) -> dt.date | None:
    """The date in an ISO string from a journal (YYYY-MM-DD), or None for anything else.

    The one reader of stored dates: hand-edited files may hold any JSON in a
    date field, so a malformed or non-text value reads as "no date", never as an error.
    """
    return _iso_day(value) if isinstance(value, str) else None


# A term has a few hundred distinct dates and the class report meets each of them thousands of
# times, so a parsed date is remembered.
@functools.lru_cache(maxsize=4096)
def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
