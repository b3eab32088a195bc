"""The quiz of "Why networking matters": its questions, how they are shown, and its check."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from ..journal.model import Journal, as_document
from ..journal.records import newest
from ..markup import Markdown, table_cell
from .report import Item, Report

SECTION = "quiz_answers"  # the journal section the quiz widget saves the student's choices in


class QuizQuestion(NamedTuple):
    """A multiple-choice question: its options as (letter, text) pairs and the right letter."""

    id: str
    prompt: str
    options: tuple[tuple[str, str], ...]
    answer: str
    reread: str  # where in the notebook the answer is explained, for the hint


QUIZ: tuple[QuizQuestion, ...] = (
    QuizQuestion(
        "hidden_market",
        "Roughly what share of open positions sit in the hidden job market, filled through contacts "
        "before anyone advertises them?",
        (("a", "About one in ten"), ("b", "About half"), ("c", "Around 80 per cent")),
        "c", "The hidden job market",
    ),
    QuizQuestion(
        "referral",
        "Why does a referral carry weight with an employer?",
        (("a", "It lets the candidate skip the interview"),
         ("b", "Someone the employer trusts is vouching for the quality of your work and how you work"),
         ("c", "It obliges the employer to pay a higher salary")),
        "b", "Referrals",
    ),
    QuizQuestion(
        "contact_gives",
        "Which of these can a networking contact realistically offer you?",
        (("a", "Inside news about their field and the names of other people worth talking to"),
         ("b", "A guaranteed job offer at the end of your first conversation"),
         ("c", "Access to their employer's confidential records")),
        "a", "What a contact can give you",
    ),
    QuizQuestion(
        "give_back",
        "When you ask someone in your network for help, what should you also ask?",
        (("a", "Whether their company is hiring right now"),
         ("b", "How quickly they can reply"),
         ("c", "What you can do for them in return")),
        "c", "What you can give back",
    ),
    QuizQuestion(
        "purpose",
        "What is an informational interview for?",
        (("a", "Applying for an opening at the person's organization"),
         ("b", "Gathering information and advice about a field from someone who works in it"),
         ("c", "Negotiating the pay of your next job")),
        "b", "What an informational interview is",
    ),
)


def quiz_markdown() -> Markdown:
    """The quiz's questions and options, numbered, for a notebook to show."""
    blocks = []
    for number, question in enumerate(QUIZ, 1):
        options = "\n".join(f"   - **{letter}**: {table_cell(text)}" for letter, text in question.options)
        blocks.append(f"{number}. {table_cell(question.prompt)}\n{options}")
    return Markdown("\n".join(blocks))


def _shown(value) -> str:
    # Control and bidi-override characters could garble or disguise the echo, so they are left out.
    text = " ".join("".join(ch for ch in str(value) if unicodedata.category(ch) not in ("Cc", "Cf")).split())
    return text if len(text) <= 20 else text[:19] + "\u2026"


TYPED_HINT = "Type one letter ({letters}) between the quotes."
CHOSEN_HINT = "Choose one of the answers ({letters}) above."


def check_quiz(answers, blank_hint: str = TYPED_HINT) -> Report:
    """Mark the quiz: ``answers`` is a list of letters in question order (or a mapping by question id).

    ``blank_hint`` is the hint for a question not answered yet ({letters} is filled in): how to answer
    where the student is (a code cell, or the quiz widget's choices).
    """
    title = "Quiz: why networking matters"
    if isinstance(answers, Mapping):
        given = [answers.get(q.id, answers.get(number, "")) for number, q in enumerate(QUIZ, 1)]
        extra = 0
    elif isinstance(answers, Sequence) and not isinstance(answers, (str, bytes)):
        given = list(answers[: len(QUIZ)]) + [""] * max(0, len(QUIZ) - len(answers))
        extra = max(0, len(answers) - len(QUIZ))
    else:
        return Report(title, (Item(
            "format", False, "Give your answers as a list of letters, one per question.",
            f'For example: my_answers = {["a"] * len(QUIZ)!r}'.replace("'", '"')),))

    items = []
    for number, (question, value) in enumerate(zip(QUIZ, given), 1):
        letters = [letter for letter, _ in question.options]
        choice = value.strip().casefold().rstrip(").") if isinstance(value, str) else value
        if choice in ("", None):
            items.append(Item(question.id, False, f"Question {number} is not answered yet.",
                              blank_hint.format(letters=", ".join(letters))))
        elif choice not in letters:
            items.append(Item(question.id, False,
                              f"Question {number}: \u201c{_shown(value)}\u201d is not one of "
                              f"{', '.join(letters)}.", "Answer with the letter of one option."))
        elif choice == question.answer:
            items.append(Item(question.id, True, f"Question {number}: right.", ""))
        else:
            items.append(Item(question.id, False, f"Question {number}: not quite (you chose {choice}).",
                              f"Read \u201c{question.reread}\u201d again and try once more."))
    if extra:
        items.append(Item("extra_answers", False,
                          f"You gave {len(QUIZ) + extra} answers; the quiz has {len(QUIZ)} questions.",
                          "Keep one letter per question and remove the rest."))
    return Report(title, tuple(items))


def saved_answers(doc: dict) -> dict:
    """The choices last saved by the quiz widget, by question id ({} when none are saved)."""
    record = newest(doc.get(SECTION) or []) or {}
    return record.get("answers") if isinstance(record.get("answers"), Mapping) else {}


def check_saved_quiz(journal=None) -> Report:
    """Mark the quiz as the widget saved it in the journal (a Journal, a path, a document, or the notebook's own)."""
    doc = as_document(journal if journal is not None else Journal())
    return check_quiz({key: value or "" for key, value in saved_answers(doc).items()}, blank_hint=CHOSEN_HINT)
