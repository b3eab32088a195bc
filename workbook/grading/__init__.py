"""Grading the chapter's nbgrader assignments, one small step per module (like nbgrader's preprocessors/).

May import: ``workbook.checks``, ``workbook.journal``, ``workbook.course``, nbgrader (never the widgets,
plots or report). The in-kernel API (``answers``, ``rubric``, ``review``) imports no nbgrader, ipywidgets
or matplotlib: released notebooks import it in every graded kernel.

In the student's kernel:
- ``answers``: the saved answers (journal.json in the assignment folder) test cells read;
- ``rubric``: each assignment's rubric items and points, and what test cells call;
- ``review``: what a grader reads in the formgrader for the hand-graded items.

nbgrader plug-ins, named in nbgrader_config.py:
- ``execute``: nbgrader's Execute, skipping display-only cells and starting kernels ahead;
- ``hide_tests``: a feedback preprocessor that keeps hidden tests out of feedback;
- ``late``: late penalties from the course plan; ``export``: the grades CSV with a status column.

The instructor's side:
- ``status`` and ``tamper``: each submission's state, and locked cells a student changed;
- ``feedback``: nbgrader's feedback, then a check that no hidden test leaked into it;
- ``runner``: autograding many students at once; ``kernels``: kernels started ahead and forked.

Nothing is imported here, so a test cell's ``from workbook.grading import rubric``
loads only what it uses.
"""
