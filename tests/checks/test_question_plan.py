"""The question plan check and its per-question judges."""


import pytest

from workbook.checks.question_bank import bank, get, required_questions
from workbook.checks.question_plan import (
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    QuestionFlags,
    asks_for_next_contact,
    check_question_plan,
    classify_question,
    is_closed_question,
    is_prying,
    judge_question,
    question_flags,
    reopen_hint,
)

IDS = ["count", "open_ended", "categories", "next_contact", "no_prying"]

# The nine required questions plus a referral ask: ten, every area, open, polite.
GOOD_PLAN = [q.text for q in required_questions()] + [get("recommend_professionals").text]
# Open, polite bank questions beyond the good plan, for growing it to any size.
EXTRA = [q.text for q in bank()[9:] if q.id != "recommend_professionals"]


def test_limits():
    assert (MIN_QUESTIONS, MAX_QUESTIONS) == (10, 15)


def test_a_good_plan_from_the_bank_passes_everything():
    report = check_question_plan(GOOD_PLAN)
    assert report.title == "Question plan check"
    assert report.ids == IDS
    assert report.passed, str(report)
    assert report["count"].message == "You have 10 questions, within the 10\u201315 range."


def test_a_plan_saved_by_the_widget_passes_too():
    saved = [{"text": q.text, "category": q.category, "source": "bank"}
             for q in required_questions() + [get("other_perspectives")]]
    assert check_question_plan(saved).passed


@pytest.mark.parametrize("size, passed, fragment", [
    (9, False, "You have 9 questions; plan at least 10."),
    (10, True, "You have 10 questions, within the 10\u201315 range."),
    (15, True, "You have 15 questions, within the 10\u201315 range."),
    (16, False, "You have 16 questions, more than 15."),
])
def test_count_edges(size, passed, fragment):
    plan = (GOOD_PLAN + EXTRA)[:size]
    item = check_question_plan(plan)["count"]
    assert item.passed is passed
    assert item.message == fragment
    assert bool(item.hint) is not passed


def test_duplicates_count_once_and_are_mentioned():
    plan = GOOD_PLAN[:9] + [GOOD_PLAN[0].upper(), "  " + GOOD_PLAN[1].replace(" ", "   ") + " "]
    item = check_question_plan(plan)["count"]
    assert item.passed is False
    assert item.message == ("You have 9 questions (2 repeated questions were counted once); "
                            "plan at least 10.")
    one = check_question_plan(GOOD_PLAN + [GOOD_PLAN[3]])["count"]
    assert one.passed is True
    assert "(1 repeated question was counted once)" in one.message


def test_blank_questions_are_dropped():
    assert check_question_plan(GOOD_PLAN + ["", "   ", {"text": "\n"}])["count"].message.startswith(
        "You have 10 questions,")


def test_closed_questions_are_quoted_with_a_way_to_reopen_them():
    plan = GOOD_PLAN + ["Do you like working weekends?", "Is the work stressful?"]
    item = check_question_plan(plan)["open_ended"]
    assert item.passed is False
    assert item.message == ("2 questions could be answered with a yes or no: "
                            "\u201cDo you like working weekends?\u201d; \u201cIs the work stressful?\u201d")
    assert "\u201cWhat do you like\u2026\u201d" in item.hint


def test_missing_categories_are_named_by_label():
    career_only = [q.text for q in bank("career_field")]
    item = check_question_plan(career_only)["categories"]
    assert item.passed is False
    assert item.message == ("No questions yet about: The organization and industry, Future growth and pay, "
                            "Referrals and next steps.")


def test_a_given_category_wins_over_the_classifier():
    plan = GOOD_PLAN[:9] + [{"text": "What is your favourite book about work?", "category": "referrals"}]
    assert check_question_plan(plan)["categories"].passed is True
    as_text = GOOD_PLAN[:9] + ["What is your favourite book about work?"]
    assert check_question_plan(as_text)["categories"].passed is False


def test_next_contact_is_required():
    plan = GOOD_PLAN[:9] + [get("contact_again").text]
    item = check_question_plan(plan)["next_contact"]
    assert item.passed is False
    assert item.message == "None of your questions asks who you could talk to next."
    assert check_question_plan(GOOD_PLAN)["next_contact"].message.startswith("You ask who to talk to next:")


def test_prying_questions_are_quoted():
    plan = GOOD_PLAN + ["How much do you make?", "Are you married?"]
    item = check_question_plan(plan)["no_prying"]
    assert item.passed is False
    assert item.message == ("A tip, not a point: these may feel private to them: \u201cHow much do you make?\u201d; "
                            "\u201cAre you married?\u201d")
    assert "typical starting salary" in item.hint


@pytest.mark.parametrize("text, closed, next_contact, prying", [
    ("Q1: Do you like your job?", True, False, False),
    ("Tell me about a project you were proud of", False, False, False),
    ("Can you recommend other nurses I should speak with?", False, True, False),
    ("Who should I talk to next?", False, True, False),
    ("Whom else would you suggest I talk to?", False, True, False),
    ("Do you know any other electricians who'd be up for a chat?", False, True, False),
    ("Would you recommend this field to a new graduate?", True, False, False),
    ("What is your house style?", False, False, False),
    ("Which of your partner agencies do you work with?", False, False, False),
    ("Where are you originally from?", False, False, True),
    ("How much do you have in savings?", False, False, True),
])
def test_questions_are_read_by_form(text, closed, next_contact, prying):
    judged = judge_question(text)
    assert (judged.closed, judged.next_contact, judged.prying) == (closed, next_contact, prying)
    assert not judged.closed_unsure and not judged.next_contact_unsure


def test_prying_is_advice_with_a_salary_hint_only_for_pay():
    private = check_question_plan(GOOD_PLAN + ["Where are you originally from?"])["no_prying"]
    assert "salary" not in private.hint
    assert "salary" in check_question_plan(GOOD_PLAN + ["What's your salary?"])["no_prying"].hint
    assert "How do you have" not in reopen_hint("Do you have kids?")


def test_a_question_of_unknown_form_goes_to_review():
    item = check_question_plan(GOOD_PLAN + ["Your thoughts on remote work?"])["open_ended"]
    assert (item.passed, item.review) == (True, True)
    assert "\u201cYour thoughts on remote work?\u201d" in item.message


def test_an_empty_plan_fails_every_item_without_error():
    report = check_question_plan([])
    assert report.ids == IDS
    assert report.failed == list(report.items)
    assert report["count"].message == "You have 0 questions; plan at least 10."
    assert report["open_ended"].message == "There are no questions to judge yet."


@pytest.mark.parametrize("plan, fragment", [
    ("What do you do?", "must be a list"),
    (None, "must be a list"),
    (42, "must be a list"),
    ([None], "question 1 must be text"),
    (["What?", 7], "question 2 must be text"),
    ([{"category": "referrals"}], 'question 1 has no "text"'),
    ([{"text": "What?", "category": "gossip"}], "question 1 has an unknown category 'gossip'"),
    ([{"text": b"What?"}], "question 1 must be text"),
])
def test_bad_plans_are_rejected(plan, fragment):
    with pytest.raises(ValueError, match=fragment):
        check_question_plan(plan)


def test_markup_in_questions_is_escaped_in_html():
    plan = GOOD_PLAN + ["Do you like it? <img src=x onerror=alert(1)>"]
    report = check_question_plan(plan)
    assert "Do you like it? <img src=x onerror=alert(1)>" in report["open_ended"].message
    html = report._repr_html_()
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html


def test_emoji_and_right_to_left_questions_are_counted():
    plan = GOOD_PLAN[:9] + ["\U0001f642 What do you enjoy most about your work?",
                            "\u0645\u0627 \u0647\u0648 \u064a\u0648\u0645\u0643 \u0627\u0644\u0645\u0639\u062a\u0627\u062f\u061f"]
    item = check_question_plan(plan)["count"]
    assert item.message.startswith("You have 11 questions,")


def test_a_100k_character_question_is_judged():
    huge = "Do you " + "really " * 14_000 + "like it?"
    report = check_question_plan(GOOD_PLAN + [huge])
    assert report["count"].message.startswith("You have 11 questions,")
    # The flagged question is quoted, cut to a readable length.
    assert report["open_ended"].message.endswith("\u201cDo you " + "really " * 13 + "r\u2026\u201d")


@pytest.mark.parametrize("text", [
    "Do you like your job?", "Is the work stressful?", "So, are you happy here?", "And did you study this?",
    "CAN I shadow you?", "Would you do it again?", "Have you ever thought of leaving?", "Am I too late to start?",
    "1. Does the company train new staff?", "Don't you find it tiring?", "  well, could it be automated?",
    "Are there openings for graduates?",
])
def test_closed_questions(text):
    assert is_closed_question(text) is True


@pytest.mark.parametrize("text", [
    "What do you like about your job?", "How did you get started?", "Could you describe a typical day?",
    "Can you walk me through your first year?", "Would you tell me about the team?",
    "Can you recommend other professionals I should speak with?", "May I use your name?",
    "Describe your work environment.", "Why did you choose this field?",
    "Would you mind telling me how you got started?", "Could I ask how you found this role?", "", "   ",
    "Domestic work: what changed?", "Isolation aside, what is hardest?",
])
def test_open_questions_and_polite_requests(text):
    assert is_closed_question(text) is False


def test_reopen_hints():
    assert "\u201cWhat do you like\u2026\u201d" in reopen_hint("Do you like your job?")
    assert "\u201cMay I\u2026\u201d" in reopen_hint("Can I contact you again?")
    assert "What, How or Why" in reopen_hint("Is it stressful?")


@pytest.mark.parametrize("text", [
    "Are you married?", "Do you have any kids?", "What religion are you?", "Who did you vote for?",
    "How old are you?", "Where do you live?", "How much do you make?", "What is your salary?",
    "What do you earn?", "Do you have any health conditions?", "Are you planning to get pregnant?",
    "What is your home address?", "How much are you paid?", "Does your wife work too?",
])
def test_prying_questions(text):
    assert is_prying(text) is True


@pytest.mark.parametrize("text", [
    "What is a typical starting salary range in this field?",
    "What might a new employee expect to earn in this field?",
    "What do you make of the job market?", "How do you handle office politics?",
    "How do you balance work and family?", "What does a typical day in health care look like?",
    "Which partner organizations do you work with?",
    "How often do you work from your home office?",
    "Are there any health risks in this kind of work?",
])
def test_work_questions_near_private_topics_are_not_prying(text):
    assert is_prying(text) is False


@pytest.mark.parametrize("text, category", [
    ("Who else should I talk to?", "referrals"),
    ("Could you introduce me to a colleague?", "referrals"),
    ("May I use your name?", "referrals"),
    ("What is the salary range?", "growth_salary"),
    ("How fast do people get promoted?", "growth_salary"),
    ("What is the job outlook?", "growth_salary"),
    ("What is the company culture like?", "organization_industry"),
    ("How does your organization hire?", "organization_industry"),
    ("What does a typical day look like?", "career_field"),
    ("What skills do I need?", "career_field"),
    ("What advice do you have?", "career_field"),
    ("What does a human resources manager do all day?", "career_field"),
    ("What is your favourite colour?", None),
    ("", None),
])
def test_classify_question(text, category):
    assert classify_question(text) == category


@pytest.mark.parametrize("text, expected", [
    ("Can you recommend other professionals I should speak with?", True),
    ("Who else should I talk to?", True),
    ("Is there anyone you think I should contact?", True),
    ("Could you suggest names of people I could meet?", True),
    ("Would you introduce me to a colleague?", True),
    ("May I contact you again?", False),
    ("What do you like about your job?", False),
])
def test_asks_for_next_contact(text, expected):
    assert asks_for_next_contact(text) is expected


def test_question_flags_bundle_all_four_judges():
    assert question_flags("Do you like your salary?") == QuestionFlags(
        closed=True, prying=True, category="growth_salary", next_contact=False)


@pytest.mark.parametrize("judge", [is_closed_question, is_prying, classify_question, asks_for_next_contact,
                                   question_flags])
@pytest.mark.parametrize("value", [None, 3, b"Do you?"])
def test_judges_reject_non_text(judge, value):
    with pytest.raises(ValueError, match="must be text"):
        judge(value)
