"""A large class read by several processes gives exactly what one process gives."""

import datetime as dt

import pytest

from workbook.cli import main
from workbook.course.plan import parse_plan
from workbook.demo.synthetic import write_class
from workbook.report import PARALLEL_FROM, folder_journals, read_class

PLAN = parse_plan({"term": {"start": dt.date(2026, 9, 7), "weeks": 12},
                   "assignment": [{"name": "a", "week": 1, "due": dt.date(2026, 9, 10), "points": 1}]})


@pytest.fixture(scope="module")
def big_class(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big-class")
    write_class(folder, PARALLEL_FROM + 10, seed=3, term_start=PLAN.term_start, weeks=PLAN.weeks, contacts=8)
    # Broken journals spread through the class, so their order in the report is tested too.
    for name in ("s0007", "s0205", "s0401"):
        (folder / f"{name}.json").write_text("{not json")
    return folder


def test_two_processes_give_the_same_figures_skips_and_order(big_class):
    sources = folder_journals(big_class)
    assert len(sources) >= PARALLEL_FROM
    one = read_class(sources, PLAN, keep_students=True, jobs=1)
    two = read_class(sources, PLAN, keep_students=True, jobs=2)
    assert two == one
    assert [s.student for s in one[1]] == ["s0007", "s0205", "s0401"]
    assert one[0].students == len(sources) - 3


def test_a_small_class_is_read_in_this_process(tmp_path, monkeypatch):
    write_class(tmp_path, 3, seed=1, term_start=PLAN.term_start, weeks=PLAN.weeks, contacts=5)
    monkeypatch.setattr("multiprocessing.context.ForkContext.Pool", lambda *a, **k: pytest.fail("forked"))
    figures, skipped, _ = read_class(folder_journals(tmp_path), PLAN, jobs=4)
    assert (figures.students, skipped) == (3, ())


def test_jobs_must_be_positive(tmp_path, capsys):
    assert main(["class-report", "--journals", str(tmp_path), "--jobs", "0", "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err == "workbook class-report: --jobs must be at least 1\n"
