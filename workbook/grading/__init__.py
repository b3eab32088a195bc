"""Grading the chapter's nbgrader assignments, one small step per module (like nbgrader's preprocessors/).

- ``answers``: the saved answers (journal.json in the assignment folder) test cells read.
- ``rubric``: each assignment's rubric items and points, and what test cells call.
- ``review``: what a grader reads in the formgrader for the hand-graded items.
- ``tamper``: locked cells a student changed.
- ``hide_tests``: a feedback preprocessor that keeps hidden tests out of feedback.
- ``status``: each submission's state (graded, unreadable, missing, timed out...).
- ``export``: an nbgrader export plugin adding that state as a column.

Nothing is imported here, so a test cell's ``from workbook.grading import rubric``
loads only what it uses (only status, export and hide_tests import nbgrader).
"""
