"""An nbgrader feedback step: a student's feedback folder holds feedback pages and nothing else.

nbgrader's GenerateFeedback copies every file of the autograded folder into
feedback/, where ``release_feedback`` hands it to the student: with it would
go anything a kernel run without the sandbox wrote there (a copy of the
gradebook, classmates' journals). This step, the last of the course's
``GenerateFeedback.preprocessors``, deletes from the student's feedback
folder every entry that is not a regular ``.html`` page, before nbgrader
writes this notebook's page. The exceptions are the two files nbgrader's
``release_feedback`` reads to name what it releases, ``timestamp.txt`` and
``submission_secret.txt`` (``fetch_feedback`` matches them to the student's
own submission; they are never copied to the student): each stays only as a
small regular file holding nothing but a time, or a hex secret.
"""

from __future__ import annotations

import os
import re
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


MAX_EXCHANGE_FILE_BYTES = 256  # nbgrader writes a time of about 30 characters and a secret of 128


def _a_time(text: str) -> bool:
    from nbgrader.utils import parse_utc

    try:
        parse_utc(text.strip())
    except (ValueError, OverflowError, TypeError):
        return False
    return True


# The files release_feedback reads beside each page, and what each may hold.
EXCHANGE_FILES = {
    "timestamp.txt": _a_time,
    "submission_secret.txt": lambda text: re.fullmatch(r"[0-9a-f]{16,128}", text.strip()) is not None,
}


def is_exchange_file(path: Path) -> bool:
    """Whether ``path`` is one of EXCHANGE_FILES as nbgrader writes it: small, regular, holding what it should."""
    holds = EXCHANGE_FILES.get(path.name)
    try:
        info = os.lstat(path)
        if holds is None or not stat.S_ISREG(info.st_mode) or info.st_size > MAX_EXCHANGE_FILE_BYTES:
            return False
        return holds(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False


def remove_all_but_pages(folder: Path) -> list[Path]:
    """Delete everything under ``folder`` that is not a feedback page; returns what was removed."""
    removed = []
    if not folder.is_dir() or folder.is_symlink():
        return removed
    for entry in sorted(folder.iterdir()):
        if is_page(entry) or is_exchange_file(entry):
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
