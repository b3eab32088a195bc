"""The interview record check, on good, borderline and bad records."""

import datetime as dt

import pytest

from workbook.checks.answers import judge_answer
from workbook.checks.interview import check_interview
from workbook.checks.question_bank import required_questions

TODAY = dt.date(2026, 11, 1)
GOOD_ANSWER = "She starts with stand-up at nine, then reviews designs with two engineers and calls suppliers."


# One distinct, specific note per required question, as a careful student writes them.
NOTES = {
    "average_day": GOOD_ANSWER,
    "working_conditions": "Open-plan office of twelve, one day a week from home, site visits in boots and hard hats.",
    "likes_dislikes": "Likes seeing a plant she designed run; dislikes the months of permit paperwork.",
    "preparation": "Civil engineering degree, two co-op terms, then the licensing exam after four years of practice.",
    "skills": "Hydraulic modelling, AutoCAD, clear report writing, and patience with council meetings.",
    "entry_earnings": "New graduates start near $62,000, with a raise once they are licensed.",
    "advancement": "Project engineer after three years, project manager after about six.",
    "outlook": "Steady: federal money for lead pipe replacement means hiring for a decade.",
    "advice": "Take the water resources elective and join the student chapter of the water association.",
}


def good_record(**changes):
    record = {
        "name": "Dr. Lena Park", "occupation": "Environmental engineer", "organization": "City Water",
        "date": "2026-10-20", "minutes": 30,
        "answers": dict(NOTES),
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
    assert not any(item.review for item in report.items)
    assert report["date"].message == "Give the date of the interview as YYYY-MM-DD."


@pytest.mark.parametrize("minutes, passed", [(14, False), (15, True), (30, True), (45, True), (60, True),
                                             (61, False), (0, False), ("30", False), (None, False), (True, False)])
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


@pytest.mark.parametrize("answer, passed, review, fragment", [
    ("1st yr apprentice about $22/hr plus benefits", True, False, "has substance (8 words)"),
    ("Excel, SQL, attention to detail, explaining numbers to non-finance people", True, False, "has substance"),
    ("It depends on the company and the location and your experience level, so it varies", False, False,
     "is too vague to count"),
    ("I forgot to ask this one, sorry, we ran out of time at the end.", False, False,
     "says the question was not covered"),
    ("What is the current market like for this kind of work, and what is the future outlook?", False, False,
     "repeats the question instead of answering it"),
    ("N/A", False, False, "is only a placeholder"),
    ("Same as above.", False, False, "is only a placeholder"),
    ("  ", False, False, "is missing"),
    (None, False, False, "is missing"),
    ("asdf qwer zxcv asdf qwer zxcv asdf qwer", False, False, "holds no real words"),
    ("good good good good good good good good good good good good good", False, False, "holds no real words"),
    ("She likes a lot of things about it and dislikes some things too.", True, True, "short on detail"),
])
def test_answer_substance(answer, passed, review, fragment):
    answers = {**NOTES, "outlook": answer}
    item = check_interview(good_record(answers=answers), today=TODAY)["answer_outlook"]
    assert (item.passed, item.review) == (passed, review)
    assert fragment in item.message
    assert item.message.startswith("Your answer to \u201cWhat is the current market")


def test_one_note_pasted_into_every_box_earns_nothing_and_two_copies_go_to_review():
    everywhere = check_interview(good_record(answers={q.id: GOOD_ANSWER for q in required_questions()}),
                                 today=TODAY)
    assert all(not everywhere[f"answer_{q.id}"].passed and not everywhere[f"answer_{q.id}"].review
               for q in required_questions())
    assert "is the same note as 8 other answers" in everywhere["answer_skills"].message
    answers = dict(NOTES)
    answers["advancement"] = answers["outlook"] = "Demand is strong because senior surveyors retire; drones help."
    pair = check_interview(good_record(answers=answers), today=TODAY)
    assert [(i.id, i.passed, i.review) for i in pair.items if i.review] == [
        ("answer_advancement", True, True), ("answer_outlook", True, True)]


def test_answers_that_are_not_a_mapping_count_as_missing_and_odd_records_are_refused():
    assert not check_interview(good_record(answers=["x"]), today=TODAY)["answer_average_day"].passed
    with pytest.raises(ValueError, match="must be a mapping, not list"):
        check_interview(["not", "a", "record"])


def test_hostile_and_huge_text_is_judged_and_escaped_in_html():
    record = good_record(name="<img src=x onerror=alert(1)>", learned="word " * 50_000)
    report = check_interview(record, today=TODAY)
    assert report["name"].passed
    assert not report["learned"].passed  # 50,000 words but only one distinct word
    assert report["learned"].message == "What you learned holds no real words."
    html = report._repr_html_()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_a_vague_note_copied_into_two_boxes_is_still_vague():
    answers = {**NOTES, "skills": "It depends on the day.", "advice": "It depends on the day."}
    report = check_interview(good_record(answers=answers), today=TODAY)
    assert [(report[i].passed, report[i].review) for i in ("answer_skills", "answer_advice")] == [(False, False)] * 2


def test_the_answer_judge_reads_the_question_it_answers():
    question = "What specific skills and aptitudes does this kind of work call for?"
    assert judge_answer("The specific skills and aptitudes this kind of work calls for.", question).why == \
        "repeats the question instead of answering it"
    assert judge_answer("Patience, a strong stomach, and calming an angry parent on the phone.", question).passed
