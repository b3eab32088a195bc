"""Autograding 60 informational interviews: plain `nbgrader autograde` against sandboxed `workbook autograde --jobs 2`.

The baseline is nbgrader as it comes, without the sandbox
(``--ExecuteSkippingDisplays.sandbox=False``); ``workbook autograde`` runs
every kernel in bubblewrap, as it always does. The same class is also graded
at 240 submissions (``workbook autograde`` only, with the seconds per
submission in each quarter of that run) to show that the cost per
submission stays flat, and the sandbox's own cost per kernel is measured as
start-to-ready times of a plain, a sandboxed and a sandboxed forked kernel,
interleaved in one run.

One course is built with the demo's builders (workbook.demo): the plan, the
roster and 60 synthetic submissions of every kind except endless loops, so
the comparison measures grading, not cell time limits. Fresh copies of it
are graded by each command as a fresh process from the course root, in the
order nbgrader, workbook, workbook, nbgrader: this machine's speed drifts by
10-20 % over minutes, and the mirrored order cancels a steady drift, so the
speed-up is the total of nbgrader's two runs over the total of ours. Then
every gradebook is compared with the first one cell by cell (every grade's
auto_score and max_score), which is the claim `workbook autograde` makes:
same scores, less waiting.

Where the time goes: each run also records the CPU seconds of the command and
all its descendants, by kind (the grader and its workers, kernels, the
sandbox; read from /proc, see _tree_cpu, since forked kernels are reaped by
their template and never reach RUSAGE_CHILDREN), so CPU per submission and
the cores kept busy can be set against the wall time.

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
from ._tree_cpu import run_measured
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
    from workbook.course.plan import PLAN_FILE, load_plan
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


def _timed(argv: list[str], cwd: Path) -> dict:
    """Run ``argv`` in ``cwd``: wall seconds, exit code, CPU seconds of its whole process tree (and by kind)."""
    return run_measured(argv, cwd=cwd, env=_environment(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


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


ORDER = ("nbgrader", "workbook", "workbook", "nbgrader")


def _summary(runs: list[dict], submissions: int = SUBMISSIONS) -> dict:
    wall = sum(r["wall_s"] for r in runs)
    cpu = sum(r["cpu_s"] for r in runs)
    kinds = sorted({kind for r in runs for kind in r["cpu_by_kind_s"]})
    return {
        "runs_s": [rounded(r["wall_s"], 2) for r in runs],
        "per_submission_s": rounded(wall / len(runs) / submissions, 3),
        "cpu_per_submission_s": rounded(cpu / len(runs) / submissions, 3),
        "cpu_per_submission_by_kind_s": {
            kind: rounded(sum(r["cpu_by_kind_s"].get(kind, 0.0) for r in runs) / len(runs) / submissions, 3)
            for kind in kinds},
        "cores_busy": rounded(cpu / wall, 2),
        "exit_codes": sorted({r["exit_code"] for r in runs}),  # 1: the class holds an unreadable notebook on purpose
    }


def autograde_side_by_side(folder: Path) -> dict:
    """Both commands, twice each in mirrored order, on copies of one course; times and whether every grade agrees."""
    from workbook.demo.course import ASSIGNMENT

    commands = {"nbgrader": [str(BIN / "nbgrader"), "autograde", ASSIGNMENT, "--ExecuteSkippingDisplays.sandbox=False"],
                "workbook": [str(BIN / "workbook"), "autograde", ASSIGNMENT, "--jobs", str(JOBS)]}
    template = folder / "course"
    build_course(template)
    runs = {"nbgrader": [], "workbook": []}
    gradebooks = []
    for number, command in enumerate(ORDER):
        course = folder / f"{number}-{command}"
        shutil.copytree(template, course)
        runs[command].append(_timed(commands[command], course))
        gradebooks.append(grade_cells(course, ASSIGNMENT))
        shutil.rmtree(course)
    expected = gradebooks[0]
    nbgrader, workbook = _summary(runs["nbgrader"]), _summary(runs["workbook"])
    return {
        "submissions": SUBMISSIONS,
        "jobs": JOBS,
        "order": list(ORDER),
        "nbgrader": nbgrader,
        "workbook": workbook,
        "speedup": rounded(sum(r["wall_s"] for r in runs["nbgrader"]) / sum(r["wall_s"] for r in runs["workbook"]), 2),
        "identical_scores": bool(expected) and all(found == expected for found in gradebooks),
        "grade_cells_compared": len(expected),
    }


def flat_cost(folder: Path, submissions: int = 4 * SUBMISSIONS) -> dict:
    """Sandboxed ``workbook autograde --jobs 2`` on a class of ``submissions``: the cost per submission."""
    from workbook.demo.course import ASSIGNMENT

    course = folder / f"course-{submissions}"
    build_course(course, submissions)
    timed = _timed([str(BIN / "workbook"), "autograde", ASSIGNMENT, "--jobs", str(JOBS)], course)
    graded = len({key[0] for key in grade_cells(course, ASSIGNMENT)})
    quarters = by_quarter(sorted(p.stat().st_mtime for p in course.glob(f"autograded/*/{ASSIGNMENT}/{ASSIGNMENT}.ipynb")))
    shutil.rmtree(course)
    return {"submissions": submissions, "graded": graded, **_summary([timed], submissions),
            "per_submission_s_by_quarter": quarters}


def by_quarter(finished: list[float]) -> list[float]:
    """Seconds per submission in each quarter of one run, from the times graded notebooks were written.

    Flat within one run is the claim; between runs this machine's speed drifts by 10-20 %.
    """
    step = (len(finished) - 1) // 4
    if step < 1:
        return []
    return [rounded((finished[(q + 1) * step] - finished[q * step]) / step, 3) for q in range(4)]


def sandbox_cost(rounds: int = 6) -> dict:
    """Median seconds from start to ready of a plain, a sandboxed and a forked sandboxed kernel, interleaved."""
    import asyncio
    import statistics

    from jupyter_client.manager import AsyncKernelManager

    from workbook.grading.kernels.template import close_templates
    from workbook.grading.sandbox.manager import SandboxedForkedKernelManager, SandboxedKernelManager

    async def ready(manager_class, folder) -> float:
        km = manager_class()
        began = time.perf_counter()
        await km.start_kernel(cwd=folder)
        kc = km.client()
        kc.start_channels()
        await kc.wait_for_ready(timeout=60)
        took = time.perf_counter() - began
        kc.stop_channels()
        await km.shutdown_kernel(now=True)
        return took

    kinds = {"plain": AsyncKernelManager, "sandboxed": SandboxedKernelManager, "sandboxed_forked": SandboxedForkedKernelManager}
    times = {name: [] for name in kinds}
    with tempfile.TemporaryDirectory(prefix="bench-kernel-") as folder:
        asyncio.run(ready(SandboxedForkedKernelManager, folder))  # starts the template once, as a worker does
        for _ in range(rounds):
            for name, manager_class in kinds.items():
                times[name].append(asyncio.run(ready(manager_class, folder)))
    close_templates()
    medians = {f"{name}_s": rounded(statistics.median(found), 3) for name, found in times.items()}
    medians["sandbox_cost_s"] = rounded(statistics.median(times["sandboxed"]) - statistics.median(times["plain"]), 3)
    medians["rounds"] = rounds
    return medians


def single_notebook(folder: Path, repeat: int = 3) -> float:
    """Median seconds to run one excellent submission alone with nbclient, kernel start included."""
    from workbook.demo.course import ASSIGNMENT

    source = next(p for p in sorted((folder / "course" / "submitted").glob(f"*/{ASSIGNMENT}"))
                  if (p / "journal.json").is_file() and _is_excellent(p))
    alone = folder / "alone"
    shutil.copytree(source, alone)
    return median_of(lambda: execute(alone / f"{ASSIGNMENT}.ipynb", alone), repeat)


def _is_excellent(submission: Path) -> bool:
    import json

    from workbook.grading import answers, rubric

    try:
        json.loads((submission / f"{submission.name}.ipynb").read_text(encoding="utf-8"))
        doc = json.loads((submission / "journal.json").read_text(encoding="utf-8"))
    except ValueError:
        return False
    # Judged as of the day it was handed in (its timestamp.txt), as the autograder judges it.
    return rubric.score(submission.name, doc, answers.submitted_day(submission)) == \
        rubric.autograded_points(submission.name)


def run() -> dict:
    os.environ.setdefault("MPLBACKEND", "Agg")
    with tempfile.TemporaryDirectory(prefix="bench-grading-") as name:
        folder = Path(name)
        autograde = autograde_side_by_side(folder)
        floor = {"kernel_start_s": kernel_start()["median_s"],
                 "single_notebook_s": rounded(single_notebook(folder), 3)}
        flat = flat_cost(folder)
    return {"autograde": autograde, "at_240": flat, "kernel_ready": sandbox_cost(), "floor": floor}
