"""``workbook.chapter``: the chapter's order and schedule (``workbook.course.chapter``) and its quiz (``workbook.checks.quiz``).

Kept because the chapter notebooks import this name (``chapter.schedule()``,
``chapter.quiz_markdown()``, ``chapter.check_quiz(...)``, ``chapter.check_saved_quiz()``). No code lives here.
"""

from .checks.quiz import QUIZ, QuizQuestion, check_quiz, check_saved_quiz, quiz_markdown
from .course.chapter import CHAPTER, PREPARED_IN, ChapterNotebook, DueRow, due_table, late_rule, neighbours, \
    schedule, schedule_markdown
from .markup import Markdown

__all__ = [
    "CHAPTER", "PREPARED_IN", "QUIZ", "ChapterNotebook", "DueRow", "Markdown", "QuizQuestion", "check_quiz", "check_saved_quiz",
    "due_table", "late_rule", "neighbours", "quiz_markdown", "schedule", "schedule_markdown",
]
