"""The class report's pure parts: quantiles, aggregation across students, and the CSV table."""

import datetime as dt

import pytest

from workbook.journal.vocabulary import CATEGORIES
from workbook.report.figures import aggregate, quantile
from workbook.report.read import StudentFigures
from workbook.report.table import WEEK_COLUMNS, number, students_csv, weeks_csv

START = dt.date(2026, 9, 7)


def student(sid, contacts, interviews=(0, 0), thanks=(0, 0), name="", **by_category):
    weeks = len(contacts)
    categories = {key: tuple(by_category.get(key, (0,) * weeks)) for key in CATEGORIES}
    return StudentFigures(sid, name, tuple(contacts), categories, tuple(interviews), tuple(thanks))


@pytest.mark.parametrize(
    "values, p, expected",
    [
        ([7], 0.25, 7),
        ([7], 0.5, 7),
        ([0, 2], 0.25, 0.5),
        ([0, 0, 2, 5], 0.25, 0),
        ([0, 0, 2, 5], 0.5, 1),
        ([0, 0, 2, 5], 0.75, 2.75),
        ([0, 4, 4, 9], 0.75, 5.25),
        ([1, 2, 3, 4, 5], 0.5, 3),
        ([1, 2, 3, 4, 5], 0.0, 1),
        ([1, 2, 3, 4, 5], 1.0, 5),
    ],
)
def test_quantile_interpolates_linearly_between_ranks(values, p, expected):
    assert quantile(values, p) == expected


def test_quantile_refuses_empty_lists_and_probabilities_outside_0_1():
    with pytest.raises(ValueError, match="no values"):
        quantile([], 0.5)
    with pytest.raises(ValueError, match="from 0 to 1"):
        quantile([1, 2], 1.5)


def test_aggregate_gives_exact_quartiles_totals_and_interview_counts():
    figures = aggregate(
        [
            student("a", (0, 2, 3), interviews=(0, 1, 1), thanks=(0, 1, 1), school=(0, 2, 3)),
            student("b", (5, 5, 6), interviews=(0, 0, 2), thanks=(0, 0, 0), work=(5, 5, 5), online=(0, 0, 1)),
            student("c", (0, 0, 0), interviews=(0, 0, 0), thanks=(0, 0, 0)),
            student("d", (1, 3, 9), interviews=(0, 0, 0), thanks=(0, 0, 0), alumni=(1, 3, 9)),
        ],
        START,
        3,
    )
    assert figures.students == 4
    assert figures.series("week") == [1, 2, 3]
    assert figures.series("week_start") == [START, dt.date(2026, 9, 14), dt.date(2026, 9, 21)]
    # Week 1 sorted: 0 0 1 5; week 2: 0 2 3 5; week 3: 0 3 6 9.
    assert figures.series("contacts_total") == [6, 10, 18]
    assert figures.series("contacts_median") == [0.5, 2.5, 4.5]
    assert figures.series("contacts_q1") == [0, 1.5, 2.25]
    assert figures.series("contacts_q3") == [2, 3.5, 6.75]
    assert figures.series("interviews_total") == [0, 1, 3]
    assert figures.series("students_interviewed") == [0, 1, 2]
    assert figures.series("thank_yous_on_time_total") == [0, 1, 1]
    assert figures.category_series("school") == [0, 2, 3]
    assert figures.category_series("work") == [5, 5, 5]
    assert figures.category_series("alumni") == [1, 3, 9]
    assert figures.category_series("online") == [0, 0, 1]
    assert figures.category_series("family_friends") == [0, 0, 0]


def test_aggregate_refuses_no_students_and_mismatched_week_counts():
    with pytest.raises(ValueError, match="no students"):
        aggregate([], START, 3)
    with pytest.raises(ValueError, match="counts for 2 weeks, expected 3"):
        aggregate([student("a", (1, 2))], START, 3)


def test_numbers_are_written_without_needless_decimals():
    assert [number(v) for v in (3, 3.0, 2.5, 2.25, 0.0, 123456789.75)] == ["3", "3", "2.5", "2.25", "0", "123456789.75"]


def test_weeks_csv_has_the_documented_header_and_one_exact_row_per_week():
    figures = aggregate([student("a", (1, 4), school=(1, 3)), student("b", (2, 2), work=(2, 2))], START, 2)
    lines = weeks_csv(figures).splitlines()
    assert lines[0] == (
        "week,week_start,students,contacts_total,contacts_median,contacts_q1,contacts_q3,"
        "contacts_family_friends,contacts_school,contacts_alumni,contacts_work,contacts_associations,"
        "contacts_community,contacts_online,interviews_total,students_interviewed,thank_yous_on_time_total"
    )
    assert lines[1:] == [
        "1,2026-09-07,2,3,1.5,1.25,1.75,0,1,0,2,0,0,0,0,0,0",
        "2,2026-09-14,2,6,3,2.5,3.5,0,3,0,2,0,0,0,0,0,0",
    ]
    assert len(WEEK_COLUMNS) == len(lines[0].split(","))


def test_students_csv_keeps_formula_like_names_as_text():
    rows = students_csv([
        student("s1", (1, 2), name="=HYPERLINK(\"http://x\")", school=(1, 1), work=(0, 1), interviews=(0, 1)),
        student("-s2", (0, 0), name="Zoë, \"Z\" Ng"),
    ]).splitlines()
    assert rows == [
        "student,name,contacts,categories_used,interviews,thank_yous_on_time",
        "s1,\"'=HYPERLINK(\"\"http://x\"\")\",2,2,1,0",
        "'-s2,\"Zoë, \"\"Z\"\" Ng\",0,0,0,0",
    ]
