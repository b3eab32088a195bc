"""The course plan file: parsing, and a clear refusal of anything inconsistent."""

import datetime as dt

import pytest

from support.paths import REPO as ROOT
from workbook.course.plan import load_plan, move_plan_file, move_plan_text, parse_plan, parse_plan_text, week_number
from workbook.course.root import find_root
from workbook.errors import CoursePlanError


GOOD = """
[term]
start = 2026-09-07
weeks = 4

[[assignment]]
name = "late_one"
week = 3
due = 2026-09-25
points = 5

[[assignment]]
name = "early_one"
title = "Early"
week = 1
due = 2026-09-10T17:00:00
points = 2.5
late_policy = "per_day"
late_penalty_per_day = 0.2
"""


def write(tmp_path, text):
    path = tmp_path / "course_plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_repository_plan_loads_from_the_course_root(monkeypatch):
    monkeypatch.chdir(ROOT / "notebooks")
    plan = load_plan()
    assert find_root() == ROOT
    assert plan == load_plan(ROOT / "assignments" / "course_plan.toml")
    assert [a.name for a in plan.assignments] == [
        "network_map", "pitch", "question_plan", "request_email", "informational_interview"]
    assert plan.assignment("informational_interview").week == 9
    # Every due date falls in the week the plan gives it, whatever term the file is set to.
    assert all(plan.week_of(a.due.date()) == a.week for a in plan.assignments)


def test_a_good_plan_is_parsed_and_sorted_by_week(tmp_path):
    plan = load_plan(write(tmp_path, GOOD))
    assert [a.name for a in plan.assignments] == ["early_one", "late_one"]
    early, late = plan.assignments
    assert early.due == dt.datetime(2026, 9, 10, 17, 0)
    assert late.due == dt.datetime(2026, 9, 25, 23, 59)
    assert (early.title, late.title) == ("Early", "late_one")
    assert (early.late_policy, early.late_penalty_per_day, late.late_policy) == ("per_day", 0.2, "none")
    assert plan.term_end == dt.date(2026, 10, 4)
    assert plan.course_id == "networking"
    with pytest.raises(KeyError, match="no assignment 'nope'"):
        plan.assignment("nope")


@pytest.mark.parametrize("day, week", [("2026-08-01", 1), ("2026-09-07", 1), ("2026-09-13", 1),
                                       ("2026-09-14", 2), ("2026-10-04", 4), ("2027-01-01", 4)])
def test_weeks_are_clamped_to_the_term(day, week):
    assert week_number(dt.date.fromisoformat(day), dt.date(2026, 9, 7), 4) == week


BAD = [
    ("", "missing the \\[term\\] table"),
    ("[term]\nstart = 2026-09-07\nweeks = 4\n", "no \\[\\[assignment\\]\\] entries"),
    ("[term]\nstart = '2026-09-07'\nweeks = 4", "start must be a date"),
    ("[term]\nstart = 2026-09-07\nweeks = 0", "weeks must be a whole number from 1 to 52"),
    ("[term]\nstart = 2026-09-07\nweeks = 4\ncourse_id = 'a b'", "course_id 'a b' is not a simple name"),
    (GOOD.replace('due = 2026-09-25', 'due = 2026-12-25'),
     "assignment 'late_one': due 2026-12-25 is outside the term \\(2026-09-07 to 2026-10-04\\)"),
    (GOOD.replace('week = 3', 'week = 9'), "assignment 'late_one': week must be from 1 to 4, not 9"),
    (GOOD.replace('points = 5', 'points = -1'), "points must be a positive number"),
    (GOOD.replace('name = "late_one"', 'name = "early_one"'), "assignment 'early_one' is listed twice"),
    (GOOD.replace('name = "late_one"', 'name = "../etc"'), "needs a name made of letters"),
    (GOOD.replace('late_penalty_per_day = 0.2', 'late_penalty_per_day = 0'), "'per_day' needs late_penalty"),
    (GOOD.replace('late_policy = "per_day"', 'late_policy = "lenient"'), "late_policy must be one of"),
    (GOOD.replace('points = 5', 'points = 5\ncolour = "red"'), "unknown key\\(s\\): colour"),
    ("[term\nstart=", "not valid TOML"),
]


@pytest.mark.parametrize("text, message", BAD, ids=[m[:28] for _, m in BAD])
def test_bad_plans_are_refused_with_the_reason(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(CoursePlanError, match=message) as info:
        load_plan(path)
    assert str(path) in str(info.value)


def test_missing_files_and_folders_outside_a_course(tmp_path, monkeypatch):
    with pytest.raises(CoursePlanError, match="no course plan file here"):
        load_plan(tmp_path / "nothing.toml")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CoursePlanError, match="not inside a course"):
        find_root()
    with pytest.raises(CoursePlanError, match="missing the \\[term\\] table"):
        parse_plan({})


def test_moving_the_plan_keeps_weeks_weekdays_comments_and_layout(tmp_path):
    text = "# my notes\n" + GOOD.replace("due = 2026-09-25", "due = 2026-09-25  # a Friday")
    path = write(tmp_path, text)
    plan = move_plan_file(path, dt.date(2031, 1, 13))  # a Monday, like 2026-09-07
    moved_text = path.read_text(encoding="utf-8")
    assert moved_text == text.replace("start = 2026-09-07", "start = 2031-01-13").replace(
        "due = 2026-09-25  # a Friday", "due = 2031-01-31  # a Friday").replace(
        "due = 2026-09-10T17:00:00", "due = 2031-01-16T17:00:00")
    assert plan == load_plan(path)
    assert plan.term_start == dt.date(2031, 1, 13) and plan.term_end == dt.date(2031, 2, 9)
    before = parse_plan_text(GOOD)
    for old, new in zip(before.assignments, plan.assignments):
        assert (new.name, new.week, new.due.weekday(), new.due.time()) == (old.name, old.week, old.due.weekday(),
                                                                             old.due.time())
        assert new.due - dt.datetime.combine(plan.term_start, dt.time()) == \
            old.due - dt.datetime.combine(before.term_start, dt.time())
    # Back again: the very file we started from.
    move_plan_file(path, dt.date(2026, 9, 7))
    assert path.read_text(encoding="utf-8") == text


def test_moving_without_writing_leaves_the_file_and_refuses_what_it_cannot_move(tmp_path):
    path = write(tmp_path, GOOD)
    assert move_plan_file(path, dt.date(2030, 1, 7), write=False).term_start == dt.date(2030, 1, 7)
    assert path.read_text(encoding="utf-8") == GOOD
    # A due date inside an inline table is not on a line of its own: refused, never half-moved.
    nested = ('assignment = [{name = "x", week = 1, due = 2026-09-08, points = 1}]\n'
              "[term]\nstart = 2026-09-07\nweeks = 4\n")
    assert parse_plan_text(nested).assignment("x").week == 1
    with pytest.raises(CoursePlanError, match="not all on plain `start = ...` / `due = ...` lines"):
        move_plan_text(nested, dt.date(2030, 1, 7))
