"""``workbook feedback ASSIGNMENT``: nbgrader's feedback pages, checked for leaked hidden tests."""

from __future__ import annotations

from ..errors import CommandError

NAME = "feedback"
HELP = (
    "Generate feedback for every autograded submission of ASSIGNMENT with nbgrader's GenerateFeedback "
    "(the course configuration hides hidden tests and keeps the checks' messages), then check every "
    "page: a page showing hidden-test code is deleted and reported."
)


def add_arguments(parser) -> None:
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="the assignment, e.g. informational_interview")
    parser.add_argument("--force", action="store_true", help="remake pages that already exist")


def run(args) -> int:
    from nbgrader.apps import GenerateFeedbackApp

    from ..course.directory import Course
    from ..grading.feedback import generate_feedback

    course = Course.find(args.course_dir)
    root = course.root
    result = generate_feedback(course.app(GenerateFeedbackApp), args.assignment, force=args.force)
    for page, snippets in sorted(result.leaked.items()):
        print(f"deleted {page.relative_to(root)}: it showed hidden test code ({snippets[0]!r})")
    for entry in result.removed:
        print(f"removed {entry.relative_to(root)}: only feedback pages are released")
    print(f"feedback for {args.assignment!r}: {len(result.pages)} pages checked, no hidden tests in them"
          + (f"; {len(result.removed)} other file(s) removed" if result.removed else ""))
    if result.leaked:
        students = ", ".join(sorted(page.parts[-3] for page in result.leaked))
        raise CommandError(
            f"hidden tests leaked into {len(result.leaked)} feedback page(s) ({students}), which were deleted; "
            "check that nbgrader_config.py adds workbook.grading.hide_tests.HideHiddenTests "
            "to GenerateFeedback.preprocessors", 1)
    if result.errors:
        raise CommandError(f"nbgrader could not make every page ({result.errors[0]}); see its log above", 1)
    return 0
