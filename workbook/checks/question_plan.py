"""The question plan check: 10-15 open questions that cover every area, ask who to talk to next
and pry into nothing private.

Each question is judged on its own by ``workbook.checks.questions`` (its
public judges are re-exported here, so a widget can flag each question as it
is typed); this module sums them up for the plan. Whether a question pries is
advice: it is shown, and never costs a point.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..journal.vocabulary import QUESTION_CATEGORIES
from .questions import (QuestionFlags, QuestionJudgement, asks_for_next_contact, classify_question,
                        is_closed_question, is_prying, judge_question, question_flags, reopen_hint)
from .report import Item, Report, quote
from .text import normalize
from .vocabulary import current

__all__ = [
    "MAX_QUESTIONS", "MIN_QUESTIONS", "QuestionFlags", "QuestionJudgement", "TITLE", "asks_for_next_contact",
    "check_question_plan", "classify_question", "from_saved", "is_closed_question", "is_prying", "judge_question",
    "question_flags", "reopen_hint",
]

TITLE = "Question plan check"

# The reference asks for 10-15 questions: enough to fill 20-30 minutes, no more.
MIN_QUESTIONS = 10
MAX_QUESTIONS = 15



def _entries(questions) -> list[tuple[str, str | None]]:
    if isinstance(questions, (str, bytes)) or not isinstance(questions, Iterable):
        raise ValueError("questions must be a list of questions (text, or mappings with a \"text\" key)")
    entries = []
    for position, question in enumerate(questions, start=1):
        category = None
        if isinstance(question, Mapping):
            if "text" not in question:
                raise ValueError(f"question {position} has no \"text\"")
            category = question.get("category") or None
            question = question["text"]
            if category is not None and category not in QUESTION_CATEGORIES:
                raise ValueError(f"question {position} has an unknown category {category!r}; "
                                 f"use one of {list(QUESTION_CATEGORIES)}")
        if not isinstance(question, str):
            raise ValueError(f"question {position} must be text, not {type(question).__name__}")
        entries.append((question, category))
    return entries


def check_question_plan(questions) -> Report:
    """Judge a list of planned questions (strings, or mappings with "text" and an optional "category")."""
    vocabulary = current()
    seen, plan, repeats = set(), [], 0
    for text, category in _entries(questions):
        key = normalize(text)
        if not key:
            continue
        if key in seen:
            repeats += 1
            continue
        seen.add(key)
        plan.append((" ".join(text.split()), category, judge_question(text, vocabulary)))
    judged = [(text, judgement) for text, _, judgement in plan]
    return Report(TITLE, (
        _count_item(len(plan), repeats),
        _open_item(judged),
        _categories_item(plan),
        _next_contact_item(judged),
        _prying_item(judged),
    ))


def _count_item(count: int, repeats: int) -> Item:
    noun = "question" if count == 1 else "questions"
    repeated = "" if not repeats else (
        f" ({repeats} repeated {'question was' if repeats == 1 else 'questions were'} counted once)")
    if count < MIN_QUESTIONS:
        return Item("count", False, f"You have {count} {noun}{repeated}; plan at least {MIN_QUESTIONS}.",
                    f"Add {MIN_QUESTIONS - count} more from the bank or write your own.")
    if count > MAX_QUESTIONS:
        return Item("count", False, f"You have {count} {noun}{repeated}, more than {MAX_QUESTIONS}.",
                    f"Keep your best {MAX_QUESTIONS} so the talk fits in 20\u201330 minutes.")
    return Item("count", True,
                f"You have {count} {noun}{repeated}, within the {MIN_QUESTIONS}\u2013{MAX_QUESTIONS} range.")


def _open_item(judged: list[tuple[str, QuestionJudgement]]) -> Item:
    if not judged:
        return Item("open_ended", False, "There are no questions to judge yet.",
                    "Add questions that start with What, How or Why.")
    closed = [t for t, j in judged if j.closed]
    if closed:
        noun = "question" if len(closed) == 1 else "questions"
        return Item("open_ended", False,
                    f"{len(closed)} {noun} could be answered with a yes or no: "
                    + "; ".join(quote(t) for t in closed), " ".join(reopen_hint(t) for t in closed[:3]))
    unsure = [t for t, j in judged if j.closed_unsure]
    if unsure:
        return Item("open_ended", True, f"The check could not tell whether {quote(unsure[0])} invites more than "
                    "a yes or no; your instructor will read it.", "Open it with What, How or Why.", review=True)
    return Item("open_ended", True, "Every question is open-ended.")


def _categories_item(plan: list[tuple[str, str | None, QuestionJudgement]]) -> Item:
    # A category the student chose (the bank's, or the planner's menu) is data; a guessed one is a judgement.
    covered = {given or judgement.category for _, given, judgement in plan}
    missing = [label for key, label in QUESTION_CATEGORIES.items() if key not in covered]
    if not missing:
        return Item("categories", True, "Your questions cover all four areas: "
                    + ", ".join(QUESTION_CATEGORIES.values()) + ".")
    unread = [text for text, given, judgement in plan if given is None and judgement.category is None]
    hint = "Pick at least one question from each of these groups in the bank."
    if unread:
        return Item("categories", False, "No question was recognised as being about: " + ", ".join(missing)
                    + f"; your instructor will read {quote(unread[0])} and any others the check could not place.",
                    hint, review=True)
    return Item("categories", False, "No questions yet about: " + ", ".join(missing) + ".", hint)


def _next_contact_item(judged: list[tuple[str, QuestionJudgement]]) -> Item:
    asking = [t for t, j in judged if j.next_contact]
    if asking:
        return Item("next_contact", True, f"You ask who to talk to next: {quote(asking[0])}.")
    hint = "End with something like \u201cCan you recommend other professionals I should speak with?\u201d"
    unsure = [t for t, j in judged if j.next_contact_unsure]
    if unsure:
        return Item("next_contact", True, f"{quote(unsure[0])} may ask who to talk to next; your instructor "
                    "will read it.", hint, review=True)
    return Item("next_contact", False, "None of your questions asks who you could talk to next.", hint)


def _prying_item(judged: list[tuple[str, QuestionJudgement]]) -> Item:
    if not judged:
        return Item("no_prying", False, "There are no questions to judge yet.",
                    "Add questions about their work, not their private life.")
    prying = [(t, j) for t, j in judged if j.prying]
    if not prying:
        return Item("no_prying", True, "None of your questions pries into their private life.")
    hint = "Keep to their work and the field."
    if any(j.prying_about_pay for _, j in prying):
        hint += " For pay, ask about the field, e.g. \u201cWhat is a typical starting salary range in this field?\u201d"
    return Item("no_prying", False, "A tip, not a point: these may feel private to them: "
                + "; ".join(quote(t) for t, _ in prying), hint)


def from_saved(record: dict, doc: dict, today=None) -> Report:
    """Check a saved question plan (as the question planner saves it)."""
    return check_question_plan(record.get("questions") or [])
