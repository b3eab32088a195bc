"""The instructor's whole loop on a synthetic class, start to finish, with the real commands.

``run_demo`` makes a fresh course in ``DIR/course`` from this repository's
source/, assignments/ and nbgrader_config.py, invents a class, and then runs
each step exactly as an instructor would, through the ``workbook`` command's
own entry point (``workbook.cli.main``) and nbgrader's own converter:

 1. copy the course            6. workbook autograde (in parallel)
 2. workbook plan              7. workbook feedback
 3. workbook roster            8. workbook export
 4. nbgrader generate_assignment  9. workbook class-report
 5. the students submit

Nothing here grades, exports or reports by itself: the demo only sets the
stage, calls the commands, and at the end compares what they wrote with the
synthetic class's answer key (``demo_class.csv``): every status and every
autograded score must be what the rubric says of that student's journal.
"""

from __future__ import annotations

import csv
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DemoError
from .course import ASSIGNMENT, copy_course, generate_assignment
from .submissions import Submission, make_class, submit_class, write_key, write_roster

DEFAULT_OUT = "demo-output"
DEFAULT_STUDENTS = 40
# Everything the demo writes into DIR; --force removes these and nothing else.
COURSE_DIR, ROSTER, KEY, GRADES, REPORT_DIR = "course", "roster.csv", "demo_class.csv", "grades.csv", "class_report"
OWNED = (COURSE_DIR, ROSTER, KEY, GRADES, REPORT_DIR)
STEPS = 9
# The status each kind of submission must end with in the grades CSV.
EXPECTED_STATUS = {"unreadable": ("unreadable",), "tampered": ("tampered",), "absent": ("missing",)}
GRADED = ("graded", "needs_manual_grading")


@dataclass
class DemoResult:
    """Where the demo wrote everything, and how the outputs compared with the class's answer key."""

    out: Path
    submissions: list[Submission]
    rows: dict[str, dict]  # the grades CSV's row of each student for the assignment
    seconds: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per step, by its title
    mismatches: list[str] = field(default_factory=list)

    @property
    def course(self) -> Path:
        return self.out / COURSE_DIR

    @property
    def grades(self) -> Path:
        return self.out / GRADES

    @property
    def report(self) -> Path:
        return self.out / REPORT_DIR

    @property
    def key(self) -> Path:
        return self.out / KEY

    @property
    def feedback_pages(self) -> list[Path]:
        return sorted((self.course / "feedback").glob(f"*/{ASSIGNMENT}/*.html"))


def prepare_output(out: str | Path, force: bool = False) -> Path:
    """Make sure ``out`` can take the demo: missing or empty, or (with ``force``) clear the demo's own files.

    With ``force`` only what a demo writes (OWNED) is removed; anything else
    in the folder is left alone.
    """
    out = Path(out).expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise DemoError(f"{out} is a file, not a folder", 2)
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise DemoError(f"{out} is not empty; choose another --out DIR, or add --force to replace "
                            "an earlier demo's output there", 2)
        for name in OWNED:
            path = out / name
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            elif path.exists() or path.is_symlink():
                path.unlink()
    out.mkdir(parents=True, exist_ok=True)
    return out


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is inside it (shorter to read and to copy)."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def run_demo(out: str | Path = DEFAULT_OUT, students: int = DEFAULT_STUDENTS, seed: int = 0,
             jobs: int | None = None, force: bool = False, say=print, *, command: Callable[[list[str]], int],
             origin: str | Path | None = None) -> DemoResult:
    """Run the whole loop into ``out``; ``say`` prints each step. Raises DemoError when a step fails.

    ``command(argv)`` is the ``workbook`` command itself (``workbook.cli.main``), handed in by the CLI so
    that the demo types exactly what an instructor would; ``origin`` is the course to copy (default: this
    repository's).
    """
    from ..course.plan import PLAN_FILE, load_plan
    from ..course.directory import inside
    from ..system import usable_cores
    from ..grading.runner.progress import format_duration
    from .submissions import class_mix

    try:
        class_mix(students)
    except ValueError as exc:
        raise DemoError(str(exc), 2) from None
    jobs = jobs or usable_cores()
    began = time.monotonic()
    out = prepare_output(out, force)
    root = out / COURSE_DIR
    number = iter(range(1, STEPS + 1))

    timings: dict[str, float] = {}
    clock = {"title": None, "since": time.monotonic()}

    def step(title: str) -> None:
        stop_clock()
        say(f"\n[{next(number)}/{STEPS}] {title}")
        sys.stdout.flush()
        clock.update(title=title, since=time.monotonic())

    def stop_clock() -> None:
        if clock["title"]:
            timings[clock["title"]] = time.monotonic() - clock["since"]
            clock["title"] = None

    def type_command(argv: list[str], shown: str, ok=(0,), where: Path | None = None) -> int:
        step(f"workbook {shown}")
        with inside(where or Path.cwd()):
            code = command(argv)
        sys.stdout.flush()
        if code not in ok:
            raise DemoError(f"`workbook {shown}` exited with status {code} (its message is above); "
                            f"the course is in {_shown(root)}")
        return code

    say(f"A demo of the instructor's loop: a course, {students} synthetic students, their "
        f"{ASSIGNMENT} submissions, then every workbook command on them. Each step below is what "
        f"you would type in the course folder ({_shown(root)}).")
    step("copy the course: nbgrader_config.py, source/ and assignments/")
    copy_course(root, origin)
    plan = load_plan(root / PLAN_FILE)
    course_dir = ["--course-dir", str(root)]
    type_command(["plan", *course_dir], "plan")

    class_list = make_class(students, seed)
    write_roster(out / ROSTER, class_list)
    type_command(["roster", str(out / ROSTER), *course_dir], f"roster {_shown(out / ROSTER)}")

    step(f"nbgrader generate_assignment {ASSIGNMENT}")
    release = generate_assignment(root, ASSIGNMENT)
    say(f"released {_shown(release)}")

    step("the students submit (synthetic: what `nbgrader collect` would leave in submitted/)")
    submissions = submit_class(root, class_list, plan, seed=seed, assignment=ASSIGNMENT)
    write_key(out / KEY, submissions)
    mix = ", ".join(f"{n} {kind}" for kind, n in class_mix(students).items())
    say(f"{sum(1 for s in submissions if s.folder)} submissions in {_shown(root / 'submitted')}; "
        f"the class: {mix} (who is who: {_shown(out / KEY)})")

    # Exit status 1 is the expected outcome: the class holds an unreadable and a tampered submission.
    type_command(["autograde", ASSIGNMENT, "--jobs", str(jobs), *course_dir], f"autograde {ASSIGNMENT} --jobs {jobs}",
            ok=(0, 1))
    type_command(["feedback", ASSIGNMENT, *course_dir], f"feedback {ASSIGNMENT}")
    type_command(["export", "--assignment", ASSIGNMENT, "--to", str(out / GRADES), *course_dir],
            f"export --assignment {ASSIGNMENT} --to {_shown(out / GRADES)}")
    type_command(["class-report", "--out", str(out / REPORT_DIR)], f"class-report --out {_shown(out / REPORT_DIR)}",
            where=root)

    stop_clock()
    rows = read_grades(out / GRADES)
    result = DemoResult(out, submissions, rows, time.monotonic() - began, timings=timings)
    result.mismatches = compare_with_key(submissions, rows)
    say("")
    say(summary(result, format_duration(result.seconds)))
    if result.mismatches:
        raise DemoError(f"{len(result.mismatches)} result(s) differ from the class's answer key: "
                        + "; ".join(result.mismatches[:5]))
    return result


def read_grades(path: Path, assignment: str = ASSIGNMENT) -> dict[str, dict]:
    """The grades CSV's rows for ``assignment``, by student id."""
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle) if row["assignment"] == assignment}


def compare_with_key(submissions: list[Submission], rows: dict[str, dict]) -> list[str]:
    """Every way the exported grades differ from what the answer key says of each student."""
    problems = []
    for submission in submissions:
        student = submission.student
        row = rows.get(student.id)
        if row is None:
            problems.append(f"{student.id} ({student.kind}) is not in the grades CSV")
            continue
        wanted = EXPECTED_STATUS.get(student.kind, GRADED)
        if row["status"] not in wanted:
            problems.append(f"{student.id} ({student.kind}) has status {row['status']}, expected {' or '.join(wanted)}")
        if submission.expected_score is not None and row["raw_score"] != "":
            if float(row["raw_score"]) != submission.expected_score:
                problems.append(f"{student.id} ({student.kind}) scored {row['raw_score']}, "
                                f"the rubric gives {submission.expected_score:g}")
            elif float(row.get("late_submission_penalty") or 0) != submission.expected_penalty:
                problems.append(f"{student.id} ({student.kind}) lost {row.get('late_submission_penalty') or 0} for "
                                f"lateness, the course plan takes {submission.expected_penalty:g}")
    return problems


def _range(values: list[float]) -> str:
    low, high = min(values), max(values)
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


def summary(result: DemoResult, took: str) -> str:
    """The closing lines: where each output is, and what the class scored by kind."""
    from ..report import CSV_NAME, HTML_NAME, PNG_NAME
    from ..grading.rubric import autograded_points
    from ..grading.runner import LOG_FILE

    statuses: dict[str, int] = {}
    for row in result.rows.values():
        statuses[row["status"]] = statuses.get(row["status"], 0) + 1
    by_kind: dict[str, list[float]] = {}
    for submission in result.submissions:
        row = result.rows.get(submission.student.id)
        if row and row["raw_score"] != "":
            by_kind.setdefault(submission.student.kind, []).append(float(row["score"]))
    max_score = next((float(row["max_score"]) for row in result.rows.values() if row["max_score"]), 0.0)
    manual = max_score - autograded_points(ASSIGNMENT)
    late = [s for s in result.submissions if s.late]
    penalties = sorted({s.expected_penalty for s in late})
    pages = result.feedback_pages
    outputs = (
        ("course", result.course, "nbgrader's course folder: gradebook.db, submitted/, autograded/"),
        ("grades", result.grades, ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))),
        ("feedback", result.course / "feedback", f"{len(pages)} pages, one per graded student, hidden tests removed"),
        ("class report", result.report / HTML_NAME, f"with {PNG_NAME} and {CSV_NAME} beside it"),
        ("answer key", result.key, "who is which kind, and the score the rubric and late policy expect"),
        ("nbgrader log", result.course / LOG_FILE, "what nbgrader said while grading"),
    )
    width = max(len(_shown(path)) for _, path, _ in outputs)
    lines = [f"Demo finished in {took}: {len(result.submissions)} students, {ASSIGNMENT}. Outputs:"]
    lines += [f"  {label:<13}{_shown(path):<{width}}  {note}" for label, path, note in outputs]
    scored = ", ".join(f"{kind} {_range(by_kind[kind])}" for kind in
                       ("excellent", "solid", "thin", "late", "tampered") if kind in by_kind)
    lines.append(f"Scores out of {max_score:g} ({manual:g} of them graded by hand later): {scored}; "
                 f"{len(late)} handed in late"
                 + (f", losing {_range(penalties)} points under the course plan's late policy." if late else "."))
    if result.mismatches:
        lines.append(f"{len(result.mismatches)} result(s) differ from the answer key:")
        lines += [f"  {problem}" for problem in result.mismatches]
    else:
        lines.append("Every status, score and late penalty matches the answer key "
                     "(the rubric applied to each journal, the plan's late policy to each time).")
    lines.append(f"Start with {_shown(result.report / HTML_NAME)} and {_shown(result.grades)}.")
    return "\n".join(lines)
