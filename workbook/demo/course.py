"""A throwaway copy of this course: what the demo and the grading benchmark grade in.

Only what an instructor writes is copied (nbgrader_config.py, source/ and
assignments/); everything nbgrader makes (release/, the gradebook,
submitted/ ...) is made fresh in the copy, so the real course is never touched.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from ..course.root import CONFIG_FILE, find_root
from ..errors import CourseCopyError, CourseNotFound

COPIED = (CONFIG_FILE, "source", "assignments")
ASSIGNMENT = "informational_interview"  # the graded assignment of the chapter

# The model answers (source/ASSIGNMENT/journal.json) are part of the course and are copied; the course
# config keeps them out of release/ and out of every student's graded folder.
_SKIPPED = shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__", "journal.json.lock", ".journal.json.*")


def _is_course(folder: Path) -> bool:
    return (folder / CONFIG_FILE).is_file() and (folder / "source").is_dir()


def shipped_course(start: str | os.PathLike | None = None) -> Path:
    """The course to copy: the repository this workbook package lives in, else the course around ``start``.

    The first case is the usual one (``make install`` installs the package
    from the clone in place); the second covers a package installed elsewhere
    and run from inside a course folder.
    """
    repository = Path(__file__).resolve().parents[2]
    if _is_course(repository):
        return repository
    try:
        around = find_root(start=start)
    except CourseNotFound:
        around = None
    if around is not None and _is_course(around):
        return around
    here = Path(start or Path.cwd()).resolve()
    raise CourseCopyError(
        f"no course to copy: neither {repository} nor {here} (or a folder above it) holds "
        "nbgrader_config.py and source/; run this from a clone of the workbook repository"
    )


def copy_course(target: str | os.PathLike, origin: str | os.PathLike | None = None) -> Path:
    """Copy the course's nbgrader_config.py, source/ and assignments/ into ``target``; returns ``target``.

    ``target`` must not exist yet. Editor leftovers and journal locks in
    source/ are not copied; the instructor's model answers are.
    """
    origin = Path(origin) if origin is not None else shipped_course()
    target = Path(target)
    try:
        target.mkdir(parents=True)
        for name in COPIED:
            source = origin / name
            if source.is_dir():
                shutil.copytree(source, target / name, ignore=_SKIPPED)
            elif source.is_file():
                shutil.copy2(source, target / name)
    except OSError as exc:
        raise CourseCopyError(f"cannot make the course in {target}: {exc.strerror or exc}") from None
    return target


def generate_assignment(root: str | os.PathLike, assignment: str = ASSIGNMENT) -> Path:
    """Run nbgrader's GenerateAssignment for ``assignment`` in the course at ``root``; returns the release folder.

    The same converter ``nbgrader generate_assignment`` runs, configured from
    the course's nbgrader_config.py; it also records the assignment's cells
    in the gradebook, which autograding needs.
    """
    from nbgrader.apps import GenerateAssignmentApp
    from nbgrader.converters import GenerateAssignment

    from ..course.directory import assignment_folder, inside, nbgrader_app

    app = nbgrader_app(root, GenerateAssignmentApp)
    app.coursedir.assignment_id = assignment
    converter = GenerateAssignment(coursedir=app.coursedir, parent=app)
    converter.force = True
    with inside(app.coursedir.root):
        converter.start()
    return assignment_folder(app, "release", assignment)
