"""Who to grade: the submitted students, minus those already graded, and a fair time limit for each."""

from __future__ import annotations

from pathlib import Path

from ...course.directory import assignment_folder, open_gradebook
from ...course.gradebook import STUDENT_ID
from ...errors import CourseError

# Margin on top of the cells' own time limits for starting, stopping and saving one student.
STUDENT_OVERHEAD_SECONDS = 120
MIN_STUDENT_TIMEOUT = 300


def submitted_students(app, assignment: str) -> list[str]:
    """Every student folder in submitted/ holding ``assignment``, minus nbgrader's excluded ids, sorted."""
    submitted = Path(app.coursedir.root) / app.coursedir.submitted_directory
    if not submitted.is_dir():
        return []
    excluded = set(filter(None, app.coursedir.student_id_exclude.split(",")))
    return sorted(
        folder.name for folder in submitted.iterdir()
        if folder.name not in excluded
        and assignment_folder(app, "submitted", assignment, folder.name).is_dir()
    )


def is_already_graded(gradebook, app, assignment: str, student: str, references: dict | None = None) -> bool:
    """Whether the student's autograded output is newer than the submission and in the gradebook."""
    from ..status import submission_status

    state = submission_status(gradebook, assignment, student, app.coursedir, references)
    return state.status not in ("missing", "unreadable", "ungraded")


def check_assignment(app, assignment: str) -> None:
    """Refuse an assignment nbgrader cannot autograde (unknown, or never generated)."""
    from nbgrader.api import MissingEntry

    if not STUDENT_ID.match(assignment):
        raise CourseError(f"{assignment!r} is not an assignment name")
    with open_gradebook(app) as gradebook:
        try:
            notebooks = gradebook.find_assignment(assignment).notebooks
        except MissingEntry:
            known = ", ".join(a.name for a in gradebook.assignments) or "none"
            raise CourseError(
                f"no assignment {assignment!r} in the gradebook (known: {known}); "
                f"run `nbgrader generate_assignment {assignment}` first"
            ) from None
        if not notebooks:
            raise CourseError(
                f"assignment {assignment!r} has no notebooks in the gradebook; "
                f"run `nbgrader generate_assignment {assignment}` first"
            )


def default_student_timeout(app, assignment: str) -> float:
    """A per-student wall-clock limit no honest submission reaches: every code cell at nbgrader's cell limit."""
    cell_limit = app.config.Execute.get("timeout", 30) or 30
    with open_gradebook(app) as gradebook:
        cells = sum(
            len([c for c in notebook.source_cells if c.cell_type == "code"])
            for notebook in gradebook.find_assignment(assignment).notebooks
        )
    return max(MIN_STUDENT_TIMEOUT, cells * cell_limit + STUDENT_OVERHEAD_SECONDS)


def plan_run(app, assignment: str, force: bool = False) -> tuple[list[str], list[str]]:
    """The students to grade now and those already graded (empty with ``force``)."""
    students = submitted_students(app, assignment)
    if force:
        return students, []
    todo, done, references = [], [], {}
    with open_gradebook(app) as gradebook:
        for student in students:
            (done if is_already_graded(gradebook, app, assignment, student, references) else todo).append(student)
    return todo, done


def rejected_students(app, assignment: str, students: list[str]) -> dict[str, str]:
    """Those of ``students`` whose submission cannot be graded as it stands, with the reason."""
    from ..status import submission_status

    found, references = {}, {}
    with open_gradebook(app) as gradebook:
        for student in students:
            state = submission_status(gradebook, assignment, student, app.coursedir, references)
            if state.status == "rejected":
                found[student] = state.detail
    return found
