"""Autograding 60 informational interviews: `nbgrader autograde` against `workbook autograde --jobs 2`.

One course is built with the demo's builders (workbook.demo): the plan, the
roster and 60 synthetic submissions of every kind except endless loops, so
the comparison measures grading, not cell time limits. A fresh copy of it is
made before anything is graded; nbgrader's own command grades one copy and
ours the other, each as a fresh process from the course root. Then the two
gradebooks are compared cell by cell (every grade's auto_score and
max_score), which is the claim `workbook autograde` makes: same scores, less
waiting.

The floor under any of it: a bare kernel start (benchmarks.notebooks), and
one submission executed alone with nbclient in a fresh kernel.
"""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._timing import median_of, rounded
from .notebooks import execute, kernel_start

BIN = Path(sys.executable).parent
SUBMISSIONS = 60
JOBS = 2


def _environment() -> dict:
    env = dict(os.environ)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"  # nbgrader runs alembic from here
    return env


def build_course(root: Path, submissions: int = SUBMISSIONS, seed: int = 0):
    """A generated course at ``root`` holding ``submissions`` submissions; returns them."""
    from workbook import cli
    from workbook.course_plan import PLAN_FILE, load_plan
    from workbook.demo.course import ASSIGNMENT, copy_course, generate_assignment
    from workbook.demo.submissions import make_class, submit_class, write_roster

    copy_course(root)
    students = make_class(submissions + 1, seed)  # one of them is the absent student
    write_roster(root / "roster.csv", students)
    with contextlib.redirect_stdout(io.StringIO()):
        for argv in (["plan"], ["roster", str(root / "roster.csv")]):
            if cli.main([*argv, "--course-dir", str(root)]) != 0:
                raise RuntimeError(f"workbook {argv[0]} failed while building the benchmark course")
    generate_assignment(root, ASSIGNMENT)
    handed_in = [s for s in submit_class(root, students, load_plan(root / PLAN_FILE), seed) if s.folder]
    assert len(handed_in) == submissions
    return handed_in


def _timed(argv: list[str], cwd: Path) -> tuple[float, int]:
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=_environment(), capture_output=True, text=True)
    return time.perf_counter() - start, done.returncode


def grade_cells(root: Path, assignment: str) -> dict[tuple[str, str, str], tuple]:
    """(student, notebook, grade cell) -> (auto_score, max_score) for every grade in the course's gradebook."""
    from nbgrader.api import Gradebook

    cells = {}
    with Gradebook(f"sqlite:///{root / 'gradebook.db'}", "networking") as gradebook:
        for submission in gradebook.find_assignment(assignment).submissions:
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    cells[(submission.student.id, notebook.name, grade.name)] = (grade.auto_score, grade.max_score)
    return cells


def autograde_side_by_side(folder: Path) -> dict:
    """Both commands on copies of one course; wall times, and whether every grade cell agrees."""
    from workbook.demo.course import ASSIGNMENT

    ours = folder / "workbook-course"
    theirs = folder / "nbgrader-course"
    build_course(theirs)
    shutil.copytree(theirs, ours)
    nbgrader_s, nbgrader_code = _timed([str(BIN / "nbgrader"), "autograde", ASSIGNMENT], theirs)
    workbook_s, workbook_code = _timed([str(BIN / "workbook"), "autograde", ASSIGNMENT, "--jobs", str(JOBS)], ours)
    expected, found = grade_cells(theirs, ASSIGNMENT), grade_cells(ours, ASSIGNMENT)
    return {
        "submissions": SUBMISSIONS,
        "jobs": JOBS,
        "nbgrader_s": rounded(nbgrader_s, 2),
        "workbook_s": rounded(workbook_s, 2),
        "per_submission_nbgrader_s": rounded(nbgrader_s / SUBMISSIONS, 3),
        "per_submission_workbook_s": rounded(workbook_s / SUBMISSIONS, 3),
        "speedup": rounded(nbgrader_s / workbook_s, 2),
        "identical_scores": bool(expected) and expected == found,
        "grade_cells_compared": len(expected),
        # Both exit 1 here: the class holds an unreadable notebook on purpose.
        "exit_codes": {"nbgrader": nbgrader_code, "workbook": workbook_code},
    }


def single_notebook(folder: Path, repeat: int = 3) -> float:
    """Median seconds to run one excellent submission alone with nbclient, kernel start included."""
    from workbook.demo.course import ASSIGNMENT

    source = next(p for p in sorted((folder / "nbgrader-course" / "submitted").glob(f"*/{ASSIGNMENT}"))
                  if (p / "journal.json").is_file() and _is_excellent(p))
    alone = folder / "alone"
    shutil.copytree(source, alone)
    return median_of(lambda: execute(alone / f"{ASSIGNMENT}.ipynb", alone), repeat)


def _is_excellent(submission: Path) -> bool:
    import json

    from workbook.grading import rubric

    try:
        json.loads((submission / f"{submission.name}.ipynb").read_text(encoding="utf-8"))
        doc = json.loads((submission / "journal.json").read_text(encoding="utf-8"))
    except ValueError:
        return False
    return rubric.score(submission.name, doc) == rubric.autograded_points(submission.name)


def run() -> dict:
    os.environ.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as name:
        folder = Path(name)
        autograde = autograde_side_by_side(folder)
        floor = {"kernel_start_s": kernel_start()["median_s"],
                 "single_notebook_s": rounded(single_notebook(folder), 3)}
    return {"autograde": autograde, "floor": floor}
