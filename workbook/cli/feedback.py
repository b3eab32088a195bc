"""``workbook feedback ASSIGNMENT``: nbgrader's feedback pages, checked for leaked hidden tests."""

from __future__ import annotations

from . import CommandError

NAME = "feedback"
HELP = (
    "Generate feedback for every autograded submission of ASSIGNMENT with nbgrader's GenerateFeedback "
    "(the course configuration hides hidden tests and keeps the checks' messages), then check every "
    "page: a page showing hidden-test code is deleted and reported."
)


def add_arguments(parser) -> None:
    parser.add_argument("assignment", metavar="ASSIGNMENT", help="the assignment, e.g. informational_interview")
    parser.add_argument("--force", action="store_true", help="remake pages that already exist")
    parser.add_argument("--course-dir", metavar="DIR", help="the course folder (default: found from here upwards)")


def run(args) -> int:
    from nbgrader.apps import GenerateFeedbackApp

    from ..instructor.course import CourseError, course_root, nbgrader_app
    from ..instructor.feedback import generate_feedback

    try:
        root = course_root(args.course_dir)
        result = generate_feedback(nbgrader_app(root, GenerateFeedbackApp), args.assignment, force=args.force)
    except CourseError as exc:
        raise CommandError(str(exc)) from None
    for page, snippets in sorted(result.leaked.items()):
        print(f"deleted {page.relative_to(root)}: it showed hidden test code ({snippets[0]!r})")
    print(f"feedback for {args.assignment!r}: {len(result.pages)} pages checked, no hidden tests in them")
    if result.leaked:
        students = ", ".join(sorted(page.parts[-3] for page in result.leaked))
        raise CommandError(
            f"hidden tests leaked into {len(result.leaked)} feedback page(s) ({students}), which were deleted; "
            "check that nbgrader_config.py adds workbook.grading.hide_tests.HideHiddenTests "
            "to GenerateFeedback.preprocessors", 1)
    if result.errors:
        raise CommandError(f"nbgrader could not make every page ({result.errors[0]}); see its log above", 1)
    return 0
