"""The interview record check, on good, borderline and bad records."""

import datetime as dt

import pytest

from workbook.checks.interview import check_interview, substance
from workbook.checks.question_bank import required_questions

TODAY = dt.date(2026, 11, 1)
GOOD_ANSWER = "She starts with stand-up at nine, then reviews designs with two engineers and calls suppliers."


def good_record(**changes):
    record = {
        "name": "Dr. Lena Park", "occupation": "Environmental engineer", "organization": "City Water",
        "date": "2026-10-20", "minutes": 30,
        "answers": {q.id: GOOD_ANSWER for q in required_questions()},
        "learned": "Field work matters more than I thought; permits take months; mentors open most doors here.",
        "next_steps": "Email Raj Patel by Friday and sign up for the water association meeting.",
    }
    record.update(changes)
    return record


ALL_IDS = ["name", "occupation", "organization", "date", "length",
           *[f"answer_{q.id}" for q in required_questions()], "learned", "next_steps"]


def test_a_complete_record_passes_every_item_in_a_fixed_order():
    report = check_interview(good_record(), today=TODAY)
    assert report.ids == ALL_IDS
    assert report.passed
    assert report["length"].message == "It lasted 30 minutes, a respectful length."
    assert report["name"].message == "You noted who you interviewed: Dr. Lena Park."


def test_an_empty_record_fails_everything_with_messages():
    report = check_interview({}, today=TODAY)
    assert report.ids == ALL_IDS
    assert [i.id for i in report.failed] == ALL_IDS
    assert report["answer_advice"].message.endswith(" is missing.")
    assert report["date"].message == "Give the date of the interview as YYYY-MM-DD."


@pytest.mark.parametrize("minutes, passed", [(19, False), (20, True), (30, True), (40, True), (41, False),
                                             (0, False), ("30", False), (None, False), (True, False)])
def test_length_bounds(minutes, passed):
    assert check_interview(good_record(minutes=minutes), today=TODAY)["length"].passed is passed


def test_long_and_short_interviews_are_named_as_such():
    assert "short" in check_interview(good_record(minutes=10), today=TODAY)["length"].message
    assert "long" in check_interview(good_record(minutes=90), today=TODAY)["length"].message


@pytest.mark.parametrize("date, passed, fragment", [
    ("2026-11-01", True, "Held on 2026-11-01."),
    ("2026-11-02", False, "is in the future"),
    ("2026-13-01", False, "YYYY-MM-DD"),
    ("", False, "YYYY-MM-DD"),
    (20261020, False, "YYYY-MM-DD"),
])
def test_date_rules(date, passed, fragment):
    item = check_interview(good_record(date=date), today=TODAY)["date"]
    assert (item.passed, fragment in item.message) == (passed, True)


@pytest.mark.parametrize("answer, passed, fragment", [
    ("one two three four five six seven eight nine ten eleven twelve", True, "has substance (12 words)"),
    ("one two three four five six seven eight nine ten eleven", False, "is thin (11 words; write at least 12)"),
    ("N/A", False, "is only a placeholder"),
    ("  ", False, "is missing"),
    (None, False, "is missing"),
    ("good good good good good good good good good good good good good", False, "repeats the same few words"),
])
def test_answer_substance(answer, passed, fragment):
    answers = {q.id: GOOD_ANSWER for q in required_questions()}
    answers["outlook"] = answer
    item = check_interview(good_record(answers=answers), today=TODAY)["answer_outlook"]
    assert item.passed is passed
    assert fragment in item.message


def test_answers_that_are_not_a_mapping_count_as_missing_and_odd_records_are_refused():
    assert not check_interview(good_record(answers=["x"]), today=TODAY)["answer_average_day"].passed
    with pytest.raises(ValueError, match="must be a mapping, not list"):
        check_interview(["not", "a", "record"])


def test_hostile_and_huge_text_is_judged_and_escaped_in_html():
    record = good_record(name="<img src=x onerror=alert(1)>", learned="word " * 50_000)
    report = check_interview(record, today=TODAY)
    assert report["name"].passed
    assert not report["learned"].passed  # 50,000 words but only one distinct word
    html = report._repr_html_()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_substance_helper_threshold_is_adjustable():
    assert substance("Call Raj on Friday about the job fair", 6) == (True, "has substance (8 words)")
    assert substance("Call Raj", 6) == (False, "is thin (2 words; write at least 6)")
