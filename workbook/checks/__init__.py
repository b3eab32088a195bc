"""The rules: pure functions that judge a student's work and return a Report; one rule set for all.

May import: ``workbook.journal``, ``workbook.course``, ``workbook.markup``, ``workbook.errors`` (never
ipywidgets, matplotlib or nbgrader: the rules run in every graded kernel).

The checks a student runs in a notebook are the ones the autograder calls.
``registry`` lists every self-check (its section, function and title);
``selfcheck`` runs them on the saved journal; one module per rule (``pitch``,
``request_email``, ``linkedin_note``, ``question_plan``, ``interview``,
``thank_you``, ``follow_up``, ``network``, ``quiz``), with the ``question_bank``, the ``follow_up_dates``
(working days, thank-you and nudge dates) and the readers the text checks
share: ``text`` (words, sentences), ``structure`` (clauses, negation,
placeholders), ``names``, ``email_parts``, ``letters`` (what every letter
shares: how they were found, no job request, the close), ``details`` (what a
note shares with the interview record), ``questions``, ``answers``,
``durations`` and the course's ``vocabulary`` of phrases. ``drafts`` writes the
first drafts the widgets offer (the thank-you note, the LinkedIn note), each
held by a test to pass its own check.

The registry declares each item's kind: a rule (verifiable, may carry
points), a judgment (reads wording; carries points only when sure) or advice
(a tip, never a point). A judgment that cannot be sure returns its Item with
``review=True`` and ``passed`` as its suggestion; the rubric, the self-check
display and the grader follow that flag. A check that reads writing also
has a labelled corpus (``tests/checks/corpus/<id>.toml``) and a row of
``FEEDS`` in ``tests/support/corpus.py``, which the judgment benchmark
reads: ARCHITECTURE.md, "A check that reads writing", gives the steps.
"""

from .follow_up import check_follow_up
from .interview import check_interview
from .linkedin_note import check_linkedin_note
from .network import check_network, check_network_map
from .pitch import check_pitch
from .question_plan import check_question_plan
from .quiz import check_quiz
from .report import Item, Report
from .request_email import check_request_email
from .thank_you import check_thank_you

__all__ = [
    "Item", "Report", "check_follow_up", "check_interview", "check_linkedin_note", "check_network",
    "check_network_map", "check_pitch", "check_question_plan", "check_quiz", "check_request_email", "check_thank_you",
]
