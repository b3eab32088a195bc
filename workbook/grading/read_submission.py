"""nbgrader step, before Execute: judge the submission from its data, before any of its code runs.

The first of the course's ``Autograde.autograde_preprocessors``. It reads the
*submitted* folder (a kernel only ever runs in a copy), judges every rubric
item there (``workbook.grading.data.verdict``), keeps the verdict for
``ScoreFromData`` (after SaveAutoGrades), stores the submission's vetted time
in the gradebook so the late penalty follows the rule in ``data.timing``,
and removes from the grading folder whatever nbgrader copied through a link
or from a special file, so no kernel and no feedback page ever sees it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from nbgrader.api import Gradebook
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import NbGraderPreprocessor

from . import rubric
from .data.verdict import judge_submission

RESOURCE_KEY = "workbook_verdict"


def submitted_folder(config, resources) -> Path:
    """The submitted/STUDENT/ASSIGNMENT folder of the notebook being autograded."""
    coursedir = CourseDirectory(config=config)
    info = resources["nbgrader"]
    return Path(coursedir.format_path(coursedir.submitted_directory, info["student"], info["assignment"]))


class ReadSubmission(NbGraderPreprocessor):
    """Judge the submitted data before anything runs; drop linked and special files from the grading folder."""

    def preprocess(self, nb, resources):
        assignment = resources["nbgrader"]["assignment"]
        if assignment not in rubric.ASSIGNMENTS:
            return nb, resources
        folder = submitted_folder(self.config, resources)
        verdict = judge_submission(folder, nb, assignment)
        resources[RESOURCE_KEY] = verdict
        grading_folder = Path(resources.get("metadata", {}).get("path") or os.getcwd())
        for oddity in verdict.oddities:
            if oddity.kind in ("link", "special"):
                _remove(grading_folder / oddity.path, grading_folder)
                self.log.warning("Not graded: %s", oddity.detail)
        if verdict.time is not None and verdict.time.when is not None:
            with Gradebook(resources["nbgrader"]["db_url"]) as gradebook:
                submission = gradebook.find_submission(assignment, resources["nbgrader"]["student"])
                submission.timestamp = verdict.time.when.astimezone(dt.timezone.utc).replace(tzinfo=None)
                gradebook.db.commit()
        if verdict.time is not None and verdict.time.flag:
            self.log.warning("Submission time: %s", verdict.time.flag)
        return nb, resources


def _remove(path: Path, inside: Path) -> None:
    """Delete ``path`` (a file, link or folder nbgrader copied) if it lies inside ``inside``."""
    import shutil

    try:
        path.relative_to(inside)
    except ValueError:
        return
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
