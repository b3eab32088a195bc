"""The chapter's running order, its schedule of due dates, and the opening quiz.

The opening notebook shows what these functions return, and the notebook
tests compare every notebook against CHAPTER, so the order of the chapter is
written down in one place only. Nothing here imports IPython: a `Markdown`
result is a plain string that Jupyter happens to know how to render.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path
from typing import NamedTuple

from .checks.report import Item, Report
from .course_plan import CoursePlan, CoursePlanError, load_plan


class ChapterNotebook(NamedTuple):
    """One notebook of the chapter: its file name in ``notebooks/`` and its title."""

    filename: str
    title: str


CHAPTER: tuple[ChapterNotebook, ...] = (
    ChapterNotebook("00_start_here.ipynb", "Start here"),
    ChapterNotebook("01_why_networking.ipynb", "Why networking matters"),
    ChapterNotebook("02_map_your_network.ipynb", "Map the network you already have"),
    ChapterNotebook("03_your_pitch.ipynb", "Your one-minute commercial"),
    ChapterNotebook("04_choose_people.ipynb", "Research the field and choose people to interview"),
    ChapterNotebook("05_plan_questions.ipynb", "Plan your questions"),
    ChapterNotebook("06_request_email.ipynb", "Ask for the conversation"),
    ChapterNotebook("07_hold_the_interview.ipynb", "Hold the interview"),
    ChapterNotebook("08_follow_up_and_reflect.ipynb", "Follow up and reflect"),
    ChapterNotebook("09_watch_your_network_grow.ipynb", "Watch your network grow"),
)

# Which notebook prepares each graded assignment of the course plan (by assignment name).
PREPARED_IN = {
    "network_map": "02_map_your_network.ipynb",
    "pitch": "03_your_pitch.ipynb",
    "question_plan": "05_plan_questions.ipynb",
    "request_email": "06_request_email.ipynb",
    "informational_interview": "07_hold_the_interview.ipynb",
}


class Markdown(str):
    """Text that Jupyter renders as Markdown when it is a cell's last expression."""

    def _repr_markdown_(self) -> str:
        return str(self)


def neighbours(filename: str) -> tuple[ChapterNotebook | None, ChapterNotebook | None]:
    """The notebooks before and after ``filename`` in the chapter (None at either end)."""
    names = [entry.filename for entry in CHAPTER]
    if filename not in names:
        raise KeyError(f"{filename!r} is not a notebook of this chapter")
    at = names.index(filename)
    return (CHAPTER[at - 1] if at > 0 else None, CHAPTER[at + 1] if at + 1 < len(CHAPTER) else None)


# -- the schedule ------------------------------------------------------------


class DueRow(NamedTuple):
    """One line of the schedule: an assignment, when it is due, and where to work on it."""

    week: int
    due: dt.datetime
    name: str
    title: str
    points: float
    late_rule: str
    notebook: ChapterNotebook | None


def late_rule(policy: str, per_day: float) -> str:
    """The late policy of an assignment in words a student reads."""
    if policy == "zero":
        return "late work scores 0"
    if policy == "per_day":
        return f"loses {per_day * 100:g}% of its points per day late"
    return "late work is marked late, without penalty"


def due_table(plan: CoursePlan) -> list[DueRow]:
    """The plan's assignments in the order they fall due, each with the notebook that prepares it."""
    by_file = {entry.filename: entry for entry in CHAPTER}
    rows = [
        DueRow(a.week, a.due, a.name, a.title, a.points, late_rule(a.late_policy, a.late_penalty_per_day),
               by_file.get(PREPARED_IN.get(a.name, "")))
        for a in plan.assignments
    ]
    return sorted(rows, key=lambda row: (row.due, row.week, row.name))


def _cell(text: str) -> str:
    # Plan text is the instructor's, but it still lands in rendered Markdown: neutralise HTML and table pipes.
    return escape(" ".join(str(text).split())).replace("|", "&#124;")


def _when(moment: dt.datetime) -> str:
    return f"{moment:%a %d %b %Y}, {moment:%H:%M}"


def schedule_markdown(plan: CoursePlan, today: dt.date | None = None) -> Markdown:
    """What is due when, as a Markdown table with a line about the next deadline."""
    today = today or dt.date.today()
    rows = due_table(plan)
    if today < plan.term_start:
        status = f"The term starts on {plan.term_start:%a %d %b %Y}."
    elif today > plan.term_end:
        status = f"The term ended on {plan.term_end:%a %d %b %Y}."
    else:
        status = f"Today, {today:%a %d %b %Y}, is in week {plan.week_of(today)} of {plan.weeks}."
    upcoming = [row for row in rows if row.due.date() >= today]
    if upcoming:
        status += f" Next due: **{_cell(upcoming[0].title)}**, {_when(upcoming[0].due)}."
    elif rows:
        status += " Every due date of the term has passed."
    lines = [status, "", "| Week | Due | Assignment | Points | If late | Work on it in |",
             "|---:|---|---|---:|---|---|"]
    for row in rows:
        where = f"[{_cell(row.notebook.title)}]({row.notebook.filename})" if row.notebook else "its assignment notebook"
        lines.append(f"| {row.week} | {_when(row.due)} | {_cell(row.title)} | {row.points:g} | "
                     f"{row.late_rule} | {where} |")
    return Markdown("\n".join(lines))


def schedule(path: Path | str | None = None, today: dt.date | None = None) -> Markdown:
    """The schedule from the course plan, or a clear note when the plan cannot be read."""
    try:
        plan = load_plan(path)
    except CoursePlanError as problem:
        return Markdown(
            "**The due dates cannot be shown here**, because the course plan could not be read "
            f"({_cell(problem)}). Your instructor publishes the same dates elsewhere; nothing in "
            "your journal depends on this table."
        )
    return schedule_markdown(plan, today)


# -- the quiz of "Why networking matters" -------------------------------------


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
        "b", "What a contact can give you",
    ),
)


def quiz_markdown() -> Markdown:
    """The quiz's questions and options, numbered, for a notebook to show."""
    blocks = []
    for number, question in enumerate(QUIZ, 1):
        options = "\n".join(f"   - **{letter}**: {_cell(text)}" for letter, text in question.options)
        blocks.append(f"{number}. {_cell(question.prompt)}\n{options}")
    return Markdown("\n".join(blocks))


def _shown(value) -> str:
    # Control and bidi-override characters could garble or disguise the echo, so they are left out.
    text = " ".join("".join(ch for ch in str(value) if unicodedata.category(ch) not in ("Cc", "Cf")).split())
    return text if len(text) <= 20 else text[:19] + "\u2026"


def check_quiz(answers) -> Report:
    """Mark the quiz: ``answers`` is a list of letters in question order (or a mapping by question id)."""
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
                              f"Type one letter ({', '.join(letters)}) between the quotes."))
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
