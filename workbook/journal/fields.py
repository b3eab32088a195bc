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
    if required and not value:
        raise JournalValueError(field, "is empty; please fill it in")
    return value


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
