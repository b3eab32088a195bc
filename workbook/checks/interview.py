"""The interview record check: who, when, how long, and a real answer to each required question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from ..journal.fields import parse_date
from .question_bank import required_questions
from .report import Item, Report
from .text import normalize, words

TITLE = "Interview record check"

ANSWER_MIN_WORDS = 12
ANSWER_MIN_DISTINCT = 8
NEXT_STEPS_MIN_WORDS = 6
# The reference asks for 20-30 minutes and "about 30"; a conversation that ran a little over is fine.
MIN_MINUTES, MAX_MINUTES = 20, 40

_PLACEHOLDERS = {"n/a", "na", "none", "tbd", "todo", "idk", "-", "...", "?", "same", "nothing", "lorem ipsum"}


def substance(text, min_words: int = ANSWER_MIN_WORDS) -> tuple[bool, str]:
    """Whether ``text`` says something real, and if not, why not (for the message)."""
    if not isinstance(text, str) or not text.strip():
        return False, "is missing"
    if normalize(text).strip(" .!") in _PLACEHOLDERS:
        return False, "is only a placeholder"
    found = words(text)
    if len(found) < min_words:
        return False, f"is thin ({len(found)} words; write at least {min_words})"
    if len({w.casefold() for w in found}) < min(ANSWER_MIN_DISTINCT, min_words):
        return False, "repeats the same few words"
    return True, f"has substance ({len(found)} words)"


def check_interview(record: Mapping, today: dt.date | None = None) -> Report:
    """Judge one interview record (as the recorder widget saves it)."""
    if not isinstance(record, Mapping):
        raise ValueError(f"an interview record must be a mapping, not {type(record).__name__}")
    today = today or dt.date.today()
    items = [_present(record, key, label) for key, label in
             (("name", "who you interviewed"), ("occupation", "their occupation"),
              ("organization", "the organization they work for"))]
    items.append(_date_item(record.get("date"), today))
    items.append(_length_item(record.get("minutes")))
    answers = record.get("answers") or {}
    if not isinstance(answers, Mapping):
        answers = {}
    for question in required_questions():
        ok, why = substance(answers.get(question.id))
        items.append(Item(
            f"answer_{question.id}", ok,
            f"Answer to \u201c{question.text}\u201d {why}.",
            "" if ok else "Write down what they told you, in full sentences, while it is fresh.",
        ))
    ok, why = substance(record.get("learned"))
    items.append(Item("learned", ok, f"What you learned {why}.",
                      "" if ok else "Name two or three things you did not know before the conversation."))
    ok, why = substance(record.get("next_steps"), NEXT_STEPS_MIN_WORDS)
    items.append(Item("next_steps", ok, f"Your next steps {why}.",
                      "" if ok else "Say what you will do next and by when (a person to contact, a course, an event)."))
    return Report(TITLE, tuple(items))


def _present(record, key, label) -> Item:
    value = record.get(key)
    ok = isinstance(value, str) and bool(value.strip())
    message = f"You noted {label}: {value.strip()}." if ok else f"Note {label}."
    return Item(key, ok, message, "" if ok else "Fill in this field of the record.")


def _date_item(value, today) -> Item:
    held = parse_date(value)
    if held is None:
        return Item("date", False, "Give the date of the interview as YYYY-MM-DD.",
                    "Use the date picker in the recorder.")
    if held > today:
        return Item("date", False, f"The interview date {held} is in the future.",
                    "Record the interview after you have held it.")
    return Item("date", True, f"Held on {held}.")


def _length_item(value) -> Item:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return Item("length", False, "Note how many minutes the interview lasted.",
                    f"Aim for about 30 minutes ({MIN_MINUTES}-{MAX_MINUTES} counts).")
    if MIN_MINUTES <= value <= MAX_MINUTES:
        return Item("length", True, f"It lasted {value:g} minutes, a respectful length.")
    side = "short" if value < MIN_MINUTES else "long"
    return Item("length", False,
                f"It lasted {value:g} minutes; that is {side} for an informational interview.",
                f"Plan for 20-30 minutes and keep to the time you asked for ({MIN_MINUTES}-{MAX_MINUTES} counts).")


def from_saved(record: dict, doc: dict, today: dt.date | None = None) -> Report:
    """Check a saved interview record (as the interview recorder saves it); ``today`` as in check_interview."""
    return check_interview(record, today=today)
