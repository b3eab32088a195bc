"""Grading the chapter's nbgrader assignments, one small step per module (like nbgrader's preprocessors/).

May import: ``workbook.checks``, ``workbook.journal``, ``workbook.course``, nbgrader (never the widgets,
plots or report). The in-kernel API (``answers``, ``rubric``, ``review``) imports no nbgrader, ipywidgets
or matplotlib: released notebooks import it in every graded kernel.

In the student's kernel:
- ``answers``: the saved answers (journal.json in the assignment folder) test cells read;
- ``rubric``: each assignment's rubric items and points, and what test cells call;
- ``review``: what a grader reads in the formgrader for the hand-graded items.

nbgrader plug-ins, named in nbgrader_config.py (in the order the autograde pipeline runs them):
- ``read_submission``: judges the submitted data before any student code runs (``data/``);
- ``execute``: nbgrader's Execute in the sandbox, skipping display-only cells and starting kernels ahead;
- ``save_grades``: nbgrader's SaveAutoGrades with one commit per notebook (``workbook autograde`` workers);
- ``score_from_data``: stores the data's verdict as the grades, flagging where the kernel said otherwise;
- ``sanitize``: student markdown and outputs made safe to open (formgrader and feedback);
- ``hide_tests`` and ``feedback_files``: feedback without hidden tests, and with nothing but its pages;
- ``late``: late penalties from the course plan; ``export``: the grades CSV with a status column.

The instructor's side:
- ``status`` and ``tamper``: each submission's state, and locked cells a student changed;
- ``feedback``: nbgrader's feedback, then a check that no hidden test leaked into it;
- ``runner``: autograding many students at once; ``kernels``: kernels started ahead and forked;
- ``sandbox``: the bubblewrap sandbox every grading kernel runs in;
- ``data``: a submission read as data (journal, typed answers, files, time) and judged on it.

Nothing is imported here, so a test cell's ``from workbook.grading import rubric``
loads only what it uses.
"""
