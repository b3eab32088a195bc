"""The question bank: its categories, the nine required questions, lookups and students' own questions."""

import dataclasses
import re

import pytest

from workbook.checks.question_bank import (
    QUESTION_CATEGORIES,
    Question,
    bank,
    custom_question,
    get,
    required_questions,
)
from workbook.checks.question_plan import classify_question, is_closed_question, is_prying

REQUIRED_IDS = ["average_day", "working_conditions", "likes_dislikes", "preparation", "skills",
                "entry_earnings", "advancement", "outlook", "advice"]
REQUIRED_CATEGORIES = {
    "average_day": "career_field", "likes_dislikes": "career_field", "preparation": "career_field",
    "skills": "career_field", "advice": "career_field", "working_conditions": "organization_industry",
    "entry_earnings": "growth_salary", "advancement": "growth_salary", "outlook": "growth_salary",
}


def test_categories_have_the_four_keys_in_order():
    assert list(QUESTION_CATEGORIES) == ["career_field", "organization_industry", "growth_salary", "referrals"]
    assert all(isinstance(label, str) and label for label in QUESTION_CATEGORIES.values())


def test_required_questions_have_the_exact_ids_in_order():
    assert [q.id for q in required_questions()] == REQUIRED_IDS
    assert all(q.required for q in required_questions())


def test_required_questions_have_their_categories():
    assert {q.id: q.category for q in required_questions()} == REQUIRED_CATEGORIES


@pytest.mark.parametrize("question_id, phrase", [
    ("average_day", "average day"), ("working_conditions", "working conditions"),
    ("likes_dislikes", "like and dislike"), ("preparation", "education, training and prior experience"),
    ("skills", "skills and aptitudes"), ("entry_earnings", "new employee expect to earn"),
    ("advancement", "growth and advancement"), ("outlook", "outlook"), ("advice", "advice"),
])
def test_required_questions_keep_the_assignment_wording(question_id, phrase):
    assert phrase in get(question_id).text


def test_bank_holds_the_nine_required_questions_first_and_in_order():
    everything = bank()
    assert everything[:9] == required_questions()
    positions = [[q.id for q in everything].index(qid) for qid in REQUIRED_IDS]
    assert positions == sorted(positions)
    assert sum(q.required for q in everything) == 9


def test_bank_ids_are_unique_snake_case():
    ids = [q.id for q in bank()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", qid) for qid in ids)


@pytest.mark.parametrize("category, fragment", [
    ("career_field", "How did you get into this career?"),
    ("career_field", "What did you do before entering this career?"),
    ("career_field", "What do you like most and least about your job?"),
    ("organization_industry", "Describe your work environment."),
    ("organization_industry", "How does your organization fill its job openings?"),
    ("organization_industry", "What other organizations have you worked for?"),
    ("growth_salary", "What is a typical starting salary range in this field?"),
    ("growth_salary", "employment prospects"),
    ("referrals", "Can you recommend other professionals"),
    ("referrals", "May I use your name when I contact them?"),
    ("referrals", "May I contact you again"),
    ("referrals", "publications"),
])
def test_sample_questions_from_the_readings_are_in_their_groups(category, fragment):
    assert any(fragment in q.text for q in bank(category))


def test_every_category_has_several_questions():
    for category in QUESTION_CATEGORIES:
        assert len(bank(category)) >= 4, category


def test_bank_by_category_keeps_bank_order():
    career = bank("career_field")
    assert all(q.category == "career_field" for q in career)
    order = [q.id for q in bank()]
    assert [order.index(q.id) for q in career] == sorted(order.index(q.id) for q in career)


def test_bank_returns_a_fresh_list():
    first = bank()
    first.clear()
    assert len(bank()) > 9
    required = required_questions()
    required.pop()
    assert len(required_questions()) == 9


def test_unknown_category_is_rejected():
    with pytest.raises(ValueError, match="unknown question category 'salary'"):
        bank("salary")


def test_questions_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        get("advice").text = "changed"


def test_question_rejects_an_unknown_category():
    with pytest.raises(ValueError, match="unknown question category"):
        Question("x", "What?", "nonsense")


def test_get_finds_a_question_and_explains_a_missing_one():
    assert get("outlook").category == "growth_salary"
    with pytest.raises(KeyError, match="no question in the bank has the id 'nope'"):
        get("nope")
    with pytest.raises(KeyError):
        get(None)
    with pytest.raises(KeyError):
        get(["advice"])


def test_no_bank_question_is_closed():
    assert [q.text for q in bank() if is_closed_question(q.text)] == []


def test_permission_asks_in_the_bank_start_with_may_i():
    permission = [q for q in bank() if q.text.startswith("May I")]
    assert [q.id for q in permission] == ["use_your_name", "contact_again"]
    assert not any(is_closed_question(q.text) for q in permission)


def test_no_bank_question_pries():
    assert [q.text for q in bank() if is_prying(q.text)] == []


def test_the_classifier_agrees_with_every_bank_category():
    assert [(q.id, classify_question(q.text)) for q in bank() if classify_question(q.text) != q.category] == []


def test_custom_question_strips_and_classifies():
    question = custom_question("   What does the salary\n range look like after five years?  ")
    assert question.text == "What does the salary range look like after five years?"
    assert question.category == "growth_salary"
    assert question.source == "custom"
    assert question.required is False


def test_custom_question_falls_back_to_career_field():
    assert classify_question("What is your favourite book?") is None
    assert custom_question("What is your favourite book?").category == "career_field"


def test_custom_question_keeps_a_given_category():
    assert custom_question("Who else should I meet?", "organization_industry").category == "organization_industry"


def test_custom_question_id_is_stable_and_follows_the_text():
    first = custom_question("What surprised you most in your first year?")
    again = custom_question("  what surprised you most in your  FIRST year?")
    other = custom_question("What surprised you most in your second year?")
    assert re.fullmatch(r"custom-[0-9a-f]{10}", first.id)
    assert first.id == again.id
    assert first.id != other.id


def test_custom_question_accepts_emoji_and_right_to_left_text():
    question = custom_question("\u0645\u0627 \u0647\u0648 \u064a\u0648\u0645\u0643 \u0627\u0644\u0645\u0639\u062a\u0627\u062f\u061f \U0001f642")
    assert question.text.endswith("\U0001f642")
    assert question.category == "career_field"


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_custom_question_rejects_empty_text(text):
    with pytest.raises(ValueError, match="cannot be empty"):
        custom_question(text)


def test_custom_question_length_limit_is_500_characters():
    assert len(custom_question("W" * 499 + "?").text) == 500
    with pytest.raises(ValueError, match="at most 500 characters; this one has 501"):
        custom_question("W" * 500 + "?")


@pytest.mark.parametrize("value", [None, 42, b"What?", ["What?"]])
def test_custom_question_rejects_non_text(value):
    with pytest.raises(ValueError, match="must be text"):
        custom_question(value)


def test_custom_question_treats_an_empty_category_as_not_given():
    assert custom_question("What is the job outlook?", "").category == "growth_salary"


@pytest.mark.parametrize("category", ["salary", "Career_Field", 3])
def test_custom_question_rejects_an_unknown_category(category):
    with pytest.raises(ValueError, match="unknown question category"):
        custom_question("What do you enjoy most?", category)
