"""One base error: every error the workbook raises on purpose is a WorkbookError with an exit code."""

from __future__ import annotations

import inspect

import pytest

from workbook import errors
from workbook.cli import main


def _error_classes():
    return [obj for _, obj in inspect.getmembers(errors, inspect.isclass) if issubclass(obj, Exception)]


def test_every_error_derives_from_workbook_error_and_has_an_exit_code():
    classes = _error_classes()
    assert len(classes) >= 19
    for cls in classes:
        assert issubclass(cls, errors.WorkbookError), cls
        assert cls.exit_code in (1, 2), cls


def test_the_errors_a_test_cell_meets_stay_assertion_errors():
    for cls in (errors.AnswersError, errors.AnswersMissing, errors.AnswersUnreadable, errors.RubricFailure):
        assert issubclass(cls, AssertionError)
    assert issubclass(errors.JournalValueError, ValueError)
    assert issubclass(errors.CoursePlanError, ValueError) and issubclass(errors.CourseNotFound, errors.CourseError)


def test_the_old_homes_of_each_error_still_name_it():
    from workbook.course.gradebook import RosterError
    from workbook.grading.answers import AnswersMissing
    from workbook.grading.rubric import RubricFailure
    from workbook.report import EmptyClassError

    assert (RosterError, AnswersMissing, RubricFailure, EmptyClassError) == (
        errors.RosterError, errors.AnswersMissing, errors.RubricFailure, errors.EmptyClassError)


@pytest.mark.parametrize("argv", [
    ["plan"], ["roster", "x.csv"], ["autograde", "informational_interview"], ["feedback", "pitch"], ["export"],
    ["class-report"], ["demo", "--students", "1"]])
def test_every_subcommand_takes_course_dir_and_reports_a_bad_one_in_one_line(argv, tmp_path, capsys):
    code = main([*argv, "--course-dir", str(tmp_path / "nowhere")])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and err.startswith(f"workbook {argv[0]}: ")
    if argv[0] != "demo":
        assert f"{tmp_path / 'nowhere'} is not a course folder (it has no nbgrader_config.py)" in err


def test_the_cli_turns_a_workbook_error_into_its_exit_code(monkeypatch, capsys, tmp_path):
    import workbook.cli.plan as plan

    monkeypatch.chdir(tmp_path)  # not in the repository: a clone open to others gets a warning first

    def fail(_args):
        raise errors.JournalBusyError("the journal is busy")

    monkeypatch.setattr(plan, "run", fail)
    assert main(["plan"]) == 1
    assert capsys.readouterr().err == "workbook plan: the journal is busy\n"
