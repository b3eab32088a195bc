"""An nbgrader feedback step: a student's feedback folder holds feedback pages and nothing else.

nbgrader's GenerateFeedback copies every file of the autograded folder into
feedback/, where ``release_feedback`` hands it to the student: with it would
go anything a kernel run without the sandbox wrote there (a copy of the
gradebook, classmates' journals). This step, the last of the course's
``GenerateFeedback.preprocessors``, deletes from the student's feedback
folder every entry that is not a regular ``.html`` page, before nbgrader
writes this notebook's page.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from nbconvert.preprocessors import Preprocessor
from traitlets import Bool
from nbgrader.coursedir import CourseDirectory


def is_page(path: Path) -> bool:
    """Whether ``path`` is a regular .html file (not a link, not a folder named like a page)."""
    try:
        return path.suffix == ".html" and stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_all_but_pages(folder: Path) -> list[Path]:
    """Delete everything under ``folder`` that is not a feedback page; returns what was removed."""
    removed = []
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for entry in sorted(folder.iterdir()):
        if is_page(entry):
            continue
        removed.append(entry)
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    return removed


class FeedbackPagesOnly(Preprocessor):
    """Leave only feedback pages in the student's feedback folder."""

    enabled = Bool(True, help="Run this step (nbconvert's own preprocessors default to off).").tag(config=True)

    def preprocess(self, nb, resources):
        info = resources.get("nbgrader") or {}
        if info.get("student") and info.get("assignment"):
            coursedir = CourseDirectory(config=self.config)
            folder = Path(coursedir.format_path(coursedir.feedback_directory, info["student"], info["assignment"]))
            for entry in remove_all_but_pages(folder):
                self.log.warning("Not released with the feedback: %s", entry)
        return nb, resources
