"""Applying the course plan and a roster to nbgrader's gradebook: all-or-nothing, and safe to repeat."""

import datetime as dt
import os
import time

import pytest

from workbook.course.directory import nbgrader_app, open_gradebook
from workbook.course.gradebook import (
    RosterError, apply_plan, apply_roster, count_actions, parse_roster, read_roster, utc_due,
)
from workbook.course.plan import parse_plan
from workbook.course.root import find_root
from workbook.errors import CourseError

CONFIG = 'c = get_config()\nc.CourseDirectory.root = "."\nc.CourseDirectory.course_id = "networking"\n' \
         'c.CourseDirectory.db_url = "sqlite:///gradebook.db"\n'


def plan(*assignments, course_id="networking"):
    raw = {"term": {"course_id": course_id, "start": dt.date(2026, 9, 7), "weeks": 12}, "assignment": [
        {"name": name, "week": 2, "due": due, "points": 5} for name, due in assignments]}
    return parse_plan(raw)


@pytest.fixture(scope="module")
def empty_gradebook(tmp_path_factory):
    """A new gradebook file, made once: nbgrader takes seconds to create one (it runs alembic)."""
    folder = tmp_path_factory.mktemp("template")
    (folder / "nbgrader_config.py").write_text(CONFIG)
    with open_gradebook(nbgrader_app(folder)):
        pass
    return (folder / "gradebook.db").read_bytes()


@pytest.fixture
def course(tmp_path, empty_gradebook):
    (tmp_path / "nbgrader_config.py").write_text(CONFIG)
    (tmp_path / "gradebook.db").write_bytes(empty_gradebook)
    for name in ("pitch", "network_map"):
        (tmp_path / "source" / name).mkdir(parents=True)
    return tmp_path


def assignments(app):
    with open_gradebook(app) as gradebook:
        return {a.name: a.duedate for a in gradebook.assignments}


def students(app):
    with open_gradebook(app) as gradebook:
        return {s.id: (s.first_name, s.last_name, s.email) for s in gradebook.students}


@pytest.fixture
def utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_plan_creates_then_leaves_alone_then_updates_due_dates(course, utc):
    app = nbgrader_app(course)
    first = apply_plan(plan(("pitch", dt.datetime(2026, 9, 20, 23, 59)), ("network_map", dt.date(2026, 9, 13))), app)
    assert [(c.name, c.action, c.detail) for c in first] == [
        ("network_map", "created", "due 2026-09-13 23:59 UTC"), ("pitch", "created", "due 2026-09-20 23:59 UTC")]
    again = apply_plan(plan(("pitch", dt.datetime(2026, 9, 20, 23, 59)), ("network_map", dt.date(2026, 9, 13))), app)
    assert count_actions(again) == "2 unchanged"
    moved = apply_plan(plan(("pitch", dt.datetime(2026, 9, 21, 12, 0))), app)
    assert count_actions(moved) == "1 updated"
    assert assignments(app) == {"network_map": dt.datetime(2026, 9, 13, 23, 59), "pitch": dt.datetime(2026, 9, 21, 12)}


def test_plan_due_dates_are_local_time_stored_as_utc(monkeypatch):
    monkeypatch.setenv("TZ", "America/Toronto")
    time.tzset()
    try:
        assert utc_due(dt.datetime(2026, 9, 20, 23, 59)) == dt.datetime(2026, 9, 21, 3, 59)  # EDT is UTC-4
        assert utc_due(dt.datetime(2026, 12, 1, 9, 0)) == dt.datetime(2026, 12, 1, 14, 0)  # EST is UTC-5
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_plan_naming_a_missing_assignment_changes_nothing(course, utc):
    app = nbgrader_app(course)
    apply_plan(plan(("pitch", dt.datetime(2026, 9, 20, 23, 59))), app)
    bad = plan(("pitch", dt.datetime(2026, 10, 1)), ("interview", dt.datetime(2026, 10, 2)), ("ghost", dt.date(2026, 10, 3)))
    with pytest.raises(CourseError) as caught:
        apply_plan(bad, app)
    assert str(caught.value) == (
        "the plan names assignment(s) with no folder in source/: 'interview', 'ghost'; nothing was changed")
    assert assignments(app) == {"pitch": dt.datetime(2026, 9, 20, 23, 59)}


def test_a_plan_for_another_course_is_refused(course):
    app = nbgrader_app(course)
    with pytest.raises(CourseError, match="the plan is for course 'other' but nbgrader_config.py sets course_id 'networking'"):
        apply_plan(plan(("pitch", dt.date(2026, 9, 20)), course_id="other"), app)
    assert assignments(app) == {}


ROSTER = (
    "\ufeffID,First_Name,Last_Name,Email,Section\n"
    's001,Zoë,"O\'Brien, Jr.",zoe@example.org,A\n'
    "s002,<img src=x onerror=alert(1)>,Nguyễn,,B\n"
    "\n"
    "s003,,,,\n"
)


def test_roster_reads_excel_csv_with_quotes_unicode_extra_columns_and_blank_lines(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_bytes(ROSTER.encode("utf-8"))
    rows = read_roster(path)
    assert [(r.id, r.first_name, r.last_name, r.email) for r in rows] == [
        ("s001", "Zoë", "O'Brien, Jr.", "zoe@example.org"),
        ("s002", "<img src=x onerror=alert(1)>", "Nguyễn", None),  # data, stored as typed
        ("s003", None, None, None),
    ]


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_kept():
    text = ("id,first_name,last_name,email\n"
            "ok1,A,B,a@b.org\n"
            "bad id,A,B,\n"
            ",A,B,\n"
            "ok1,C,D,\n"
            "../etc,A,B,\n"
            "ok2,A,B,not-an-email\n"
            "ok3,A\n"
            "ok4,A\x07,B,\n")
    with pytest.raises(RosterError) as caught:
        parse_roster(text, where="r.csv")
    assert caught.value.problems == [
        "line 3: id 'bad id' is not a safe nbgrader name (letters, digits, _ . - only, up to 64)",
        "line 4: no id",
        "line 5: id 'ok1' is already on line 2",
        "line 6: id '../etc' is not a safe nbgrader name (letters, digits, _ . - only, up to 64)",
        "line 7: email 'not-an-email' is not an address",
        "line 8: 2 fields, the header has 4",
        "line 9: first_name holds control characters",
    ]
    assert str(caught.value).startswith("r.csv: 7 problems, nothing was changed: line 3: id 'bad id'")
    assert str(caught.value).endswith("; and 2 more")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty; the first row must be the header: id,first_name,last_name,email"),
    (b"s001,Ann,Lee,a@b.org\n", "line 1: the header lacks id, first_name, last_name, email (it must name id, "
                                "first_name, last_name, email)"),
    (b"id,id,first_name,last_name,email\n", "line 1: the header names id twice"),
    (b"id,first_name,last_name,email\n", "has a header but no students"),
    ("id,first_name,last_name,email\ns1,Zo\u00eb,L,\n".encode("latin-1"), "is not UTF-8 text (byte 35); save it as 'CSV UTF-8'"),
    (b'id,first_name,last_name,email\ns1,"unclosed,L,\n', "not valid CSV (unexpected end of data)"),
])
def test_unusable_roster_files_get_one_clear_problem(tmp_path, content, problem):
    path = tmp_path / "roster.csv"
    path.write_bytes(content)
    with pytest.raises(RosterError) as caught:
        read_roster(path)
    assert caught.value.problems == [problem]


def test_a_huge_or_missing_roster_is_refused_before_parsing(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_bytes(b"id,first_name,last_name,email\n" + b"s1,A,B,\n" * 700_000)
    with pytest.raises(RosterError, match=r"is 5,600,030 bytes; a roster is at most 5,000,000"):
        read_roster(path)
    with pytest.raises(RosterError, match="no such file"):
        read_roster(tmp_path / "absent.csv")


def test_roster_is_idempotent_and_updates_changed_names(course):
    app = nbgrader_app(course)
    rows = parse_roster(ROSTER)
    assert count_actions(apply_roster(rows, app)) == "3 created"
    assert count_actions(apply_roster(rows, app)) == "3 unchanged"
    changed = parse_roster("id,first_name,last_name,email\ns003,Sam,Ito,sam@example.org\ns004,,,\n")
    assert [(c.name, c.action) for c in apply_roster(changed, app)] == [("s003", "updated"), ("s004", "created")]
    assert students(app) == {
        "s001": ("Zoë", "O'Brien, Jr.", "zoe@example.org"),
        "s002": ("<img src=x onerror=alert(1)>", "Nguyễn", None),
        "s003": ("Sam", "Ito", "sam@example.org"),
        "s004": (None, None, None),
    }


def test_course_root_is_found_upwards_or_refused(course, monkeypatch, tmp_path_factory):
    (course / "source" / "pitch" / "deep").mkdir()
    monkeypatch.chdir(course / "source" / "pitch" / "deep")
    assert find_root() == course.resolve()
    elsewhere = tmp_path_factory.mktemp("nowhere")
    monkeypatch.chdir(elsewhere)
    with pytest.raises(CourseError, match="no nbgrader_config.py in .* or above"):
        find_root()
    with pytest.raises(CourseError, match="is not a course folder"):
        find_root(elsewhere)
    assert os.getcwd() == str(elsewhere)
