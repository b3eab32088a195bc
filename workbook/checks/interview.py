"""The interview record check: who, when, how long, and a real answer to each required question.

Who, when and how long are rules (a field is filled in, a date is not in the
future, a number of minutes is in range). Whether a note answers its
question is a judgment (``workbook.checks.answers``): sure either way, or
sent to the instructor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from . import durations
from .answers import copies, judge_answer
from ..journal.fields import parse_date
from .question_bank import required_questions
from .report import Item, Report

TITLE = "Interview record check"

# The request asks for 15-30 minutes (the request email check's own figures); the interview keeps to the
# time asked for, or runs longer when the interviewee offers it, so up to an hour counts.
MIN_MINUTES, MAX_MINUTES = durations.MIN_MINUTES, 60


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
    notes = {q.id: answers.get(q.id) for q in required_questions()}
    copied = copies(notes)
    for question in required_questions():
        verdict = judge_answer(notes[question.id], question.text, copied[question.id])
        items.append(Item(
            f"answer_{question.id}", verdict.passed,
            f"Your answer to \u201c{question.text}\u201d {verdict.why}.",
            "" if verdict.passed and not verdict.review
            else "Write down what they told you, with the details they gave, while it is fresh.",
            review=verdict.review,
        ))
    learned = judge_answer(record.get("learned"), "What did you learn?")
    items.append(Item("learned", learned.passed, f"What you learned {learned.why}.",
                      "" if learned.passed and not learned.review
                      else "Name two or three things you did not know before the conversation.",
                      review=learned.review))
    steps = judge_answer(record.get("next_steps"), "What are your next steps?")
    items.append(Item("next_steps", steps.passed, f"Your next steps {steps.why}.",
                      "" if steps.passed and not steps.review
                      else "Say what you will do next and by when (a person to contact, a course, an event).",
                      review=steps.review))
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
                f"Aim for the time you asked for, usually 20\u201330 minutes ({MIN_MINUTES}\u2013{MAX_MINUTES} counts).")
    if MIN_MINUTES <= value <= durations.MAX_MINUTES:
        return Item("length", True, f"It lasted {value:g} minutes, a respectful length.")
    if durations.MAX_MINUTES < value <= MAX_MINUTES:
        return Item("length", True, f"It lasted {value:g} minutes: fine if they offered the extra time.",
                    "Keep to the time you asked for unless they say they have more.")
    side = "short" if value < MIN_MINUTES else "long"
    return Item("length", False,
                f"It lasted {value:g} minutes; that is {side} for an informational interview.",
                f"Plan for 20\u201330 minutes and keep to the time you asked for ({MIN_MINUTES}\u2013{MAX_MINUTES} counts).")


def from_saved(record: dict, doc: dict, today: dt.date | None = None) -> Report:
    """Check a saved interview record (as the interview recorder saves it); ``today`` as in check_interview."""
    return check_interview(record, today=today)
