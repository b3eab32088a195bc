"""nbgrader configuration: the folder holding this file is the course directory.

Every path is derived from this file's own location, never from the folder nbgrader happens to run in:
the formgrader (started in the instructor's home), ``nbgrader ... --CourseDirectory.root=...`` from
elsewhere and ``workbook`` all find the same course and the same gradebook.
"""

import glob
import os

c = get_config()  # noqa: F821 -- injected by traitlets when nbgrader loads this file

COURSE_ROOT = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = COURSE_ROOT
c.CourseDirectory.course_id = "networking"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(COURSE_ROOT, "gradebook.db")
# The instructor's model answer, source/ASSIGNMENT/journal.json, makes `nbgrader validate` on the source
# notebook pass with full marks. It must never be released, nor copied over a student's journal when
# autograding ("overwriting files with master versions"): an absolute pattern matches only files in
# source/ (nbgrader names source folders both as source/A and source/./A, so both forms are listed).
c.CourseDirectory.ignore = [
    ".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback",
    *(os.path.join(glob.escape(COURSE_ROOT), "source", *middle, "*", "journal.json") for middle in ((), (".",))),
]

# -- Private course files ---------------------------------------------------------------
# Journals carry third parties' names and notes, the gradebook every student's grades: whatever the
# instructor's umask, everything nbgrader and workbook make for this course is owner-only
# (workbook/course/private.py). Collect copies the exchange's 0777/0644 modes, and release_feedback
# copies the private pages' mode into the exchange: two exchange plug-ins put both right.
os.umask(0o077)
c.ExchangeFactory.collect = "workbook.course.exchange.PrivateCollect"
c.ExchangeFactory.release_feedback = "workbook.course.exchange.ReadableFeedbackRelease"
c.Autograde.permissions = 400  # nbgrader's default, 444, lets every user read autograded notebooks
c.GenerateFeedback.permissions = 600  # and 644 every feedback page

# -- Grading that holds up (workbook/grading) --------------------------------------------
# nbgrader's Execute preprocessor reads `Execute.timeout` (ExecutePreprocessor.timeout is ignored):
# a student cell that never ends is interrupted after 10 s, marked with a CellTimeoutError,
# and the rest of the notebook is still run and graded.
c.Execute.timeout = 10
c.Execute.interrupt_on_timeout = True
# Once a notebook has run, its outputs are collected: stop the kernel at once. The polite
# shutdown handshake now and then stalls 3.4 s per kernel, which adds up over a class.
c.Execute.shutdown_kernel = "immediate"

# Cells tagged workbook-display-only (widgets, self-check displays) are not run while grading:
# graded cells read only the saved journal, and widgets cost most of a submission's grading time.
# Graded, locked and answer cells run whatever their tags (workbook/grading/execute.py).
#
# Scores come from the submitted data, not from the student's kernel: ReadSubmission judges every
# rubric item on the submitted journal before any student code runs (and vets the submission's time),
# the kernel runs the test cells for the student's feedback, and ScoreFromData stores the data's
# verdict as the grades, flagging any item where the kernel said otherwise (workbook/grading/).
c.Autograde.autograde_preprocessors = [
    "workbook.grading.read_submission.ReadSubmission",
    "workbook.grading.execute.ExecuteSkippingDisplays",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "workbook.grading.score_from_data.ScoreFromData",
    "nbgrader.preprocessors.AssignLatePenalties",
    "workbook.grading.sanitize.SanitizeStudentContent",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Every kernel runs in a bubblewrap sandbox (workbook/grading/sandbox): the installed workbook, the
# interpreter and one student's files, nothing else of the course. Only where bubblewrap cannot run,
# an instructor may pass --ExecuteSkippingDisplays.sandbox=False (`workbook autograde --no-sandbox`);
# every submission's status then says unsandboxed.
c.ExecuteSkippingDisplays.sandbox = True

# A deleted test cell is put back from the gradebook and graded, instead of waiting forever
# for a manual grade.
c.OverwriteCells.add_missing_cells = True

# Feedback shows each test cell's source, hidden tests included (nbgrader issue #917); HideHiddenTests
# strips them, and the tracebacks that could quote them. Student markdown and outputs are sanitized
# (no script runs in the student's or the instructor's browser), and a student's feedback folder keeps
# only its pages: nbgrader would otherwise release every file of the autograded folder with them.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "workbook.grading.hide_tests.HideHiddenTests",
    "workbook.grading.sanitize.SanitizeStudentContent",
    "workbook.grading.feedback_files.FeedbackPagesOnly",
]

# `nbgrader export` writes nbgrader's CSV columns plus each submission's status, so an
# unreadable notebook is never mistaken for a real zero.
c.ExportApp.plugin_class = "workbook.grading.export.StatusCsvExportPlugin"

# Late work is penalised as each assignment's late_policy in assignments/course_plan.toml says.
c.AssignLatePenalties.plugin_class = "workbook.grading.late.PlanLatePenalty"
