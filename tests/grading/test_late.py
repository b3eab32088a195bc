"""Late penalties follow the course plan, through nbgrader's own AssignLatePenalties step."""

import datetime as dt
import textwrap

import pytest
from nbgrader.preprocessors import AssignLatePenalties

from support.paths import REPO
from workbook.course.plan import AssignmentPlan
from workbook.grading.late import PlanLatePenalty

DAY = 24 * 60 * 60


def plan(policy, per_day=0.0, points=30.0):
    return AssignmentPlan("a", "A", 1, dt.datetime(2026, 9, 10, 23, 59), points, policy, per_day)


@pytest.mark.parametrize("policy, per_day, seconds_late, score, penalty", [
    ("per_day", 0.1, 0, 28, None),
    ("per_day", 0.1, 1, 28, 3.0),          # a started day counts as a day
    ("per_day", 0.1, DAY, 28, 3.0),
    ("per_day", 0.1, DAY + 1, 28, 6.0),
    ("per_day", 0.1, 5 * DAY, 28, 15.0),
    ("per_day", 0.25, 10 * DAY, 28, 75.0),  # nbgrader caps it at the score
    ("zero", 0.0, 60, 17, 17),
    ("none", 0.0, 10 * DAY, 28, None),
])
def test_plan_penalty(policy, per_day, seconds_late, score, penalty):
    assert plan(policy, per_day).late_penalty(score, seconds_late) == penalty


@pytest.fixture
def course(tmp_path, monkeypatch):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    (tmp_path / "assignments").mkdir()
    (tmp_path / "assignments" / "course_plan.toml").write_text(textwrap.dedent("""
        [term]
        start = 2026-09-07
        weeks = 4
        [[assignment]]
        name = "pitch"
        week = 1
        due = 2026-09-10
        points = 10
        late_policy = "per_day"
        late_penalty_per_day = 0.2
        [[assignment]]
        name = "strict"
        week = 1
        due = 2026-09-10
        points = 10
        late_policy = "zero"
    """))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def plugin_for(assignment_id, **config):
    parent = AssignLatePenalties()
    parent.assignment_id = assignment_id
    return PlanLatePenalty(parent=parent, **config)


def test_the_plugin_reads_the_assignment_from_its_parent(course):
    assert plugin_for("pitch").late_submission_penalty("s1", 9.0, 2 * DAY - 5) == 4.0
    assert plugin_for("strict").late_submission_penalty("s1", 9.0, 30) == 9.0


def test_an_assignment_missing_from_the_plan_falls_back_to_nbgrader_setting(course):
    assert plugin_for("unplanned").late_submission_penalty("s1", 9.0, DAY) is None
    assert plugin_for("unplanned", penalty_method="zero").late_submission_penalty("s1", 9.0, DAY) == 9.0


def test_a_broken_plan_never_stops_grading(course):
    (course / "assignments" / "course_plan.toml").write_text("[term\n")
    assert plugin_for("pitch").late_submission_penalty("s1", 9.0, DAY) is None


def test_an_explicit_plan_file_wins(course, tmp_path_factory):
    other = tmp_path_factory.mktemp("elsewhere") / "plan.toml"
    other.write_text((course / "assignments" / "course_plan.toml").read_text().replace("0.2", "0.5"))
    assert plugin_for("pitch", plan_file=str(other)).late_submission_penalty("s1", 9.0, DAY) == 5.0


def test_the_course_config_uses_the_plan_plugin():

    config = (REPO / "nbgrader_config.py").read_text()
    assert 'c.AssignLatePenalties.plugin_class = "workbook.grading.late.PlanLatePenalty"' in config
