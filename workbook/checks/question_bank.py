"""The bank of informational-interview questions a student builds a plan from.

The nine questions the assignment requires come first, in the assignment's
order; the sample questions of the course readings follow, grouped by
category. Ids are stable: saved interview answers are keyed by them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from ..journal.vocabulary import QUESTION_CATEGORIES
from .questions import classify_question
from .text import normalize


MAX_QUESTION_CHARS = 500


@dataclass(frozen=True)
class Question:
    """One interview question: a stable ``id``, its ``text`` and its category key.

    ``source`` is "assignment" for the nine required questions, "bank" for
    the readings' sample questions and "custom" for a student's own.
    """

    id: str
    text: str
    category: str
    required: bool = False
    source: str = "bank"

    def __post_init__(self):
        if self.category not in QUESTION_CATEGORIES:
            raise ValueError(f"unknown question category {self.category!r}; "
                             f"use one of {list(QUESTION_CATEGORIES)}")


def _required(id_, text, category):
    return Question(id_, text, category, required=True, source="assignment")


_REQUIRED = (
    _required("average_day", "What does an average day (or week) look like for you? "
              "(schedule, duties, activities, hours)", "career_field"),
    _required("working_conditions", "What are the working conditions like? (the work environment)",
              "organization_industry"),
    _required("likes_dislikes", "What do you like and dislike about your job?", "career_field"),
    _required("preparation", "What education, training and prior experience best prepare someone "
              "for this occupation?", "career_field"),
    _required("skills", "What specific skills and aptitudes does this kind of work call for?", "career_field"),
    _required("entry_earnings", "What might a new employee expect to earn in this field at entry level? "
              "(from starting pay to potential wages)", "growth_salary"),
    _required("advancement", "What are the opportunities for growth and advancement in this field?",
              "growth_salary"),
    _required("outlook", "What is the current market like for this kind of work, and what is the "
              "future outlook?", "growth_salary"),
    _required("advice", "What advice do you have for someone like me who is thinking about "
              "pursuing this field?", "career_field"),
)

_SAMPLES = (
    # The career field
    Question("how_got_into_career", "How did you get into this career?", "career_field"),
    Question("before_career", "What did you do before entering this career?", "career_field"),
    Question("typical_day", "What is a typical day like for you?", "career_field"),
    Question("responsibilities", "What are your main responsibilities?", "career_field"),
    Question("advice_preparing", "What advice would you give someone preparing for a career in this field?",
             "career_field"),
    Question("helpful_courses", "Which courses or advanced degrees would be helpful for me?", "career_field"),
    Question("experience_to_enter", "What experience is needed to enter this field?", "career_field"),
    Question("like_most_least", "What do you like most and least about your job?", "career_field"),
    Question("career_path", "How did you get to where you are in your career?", "career_field"),
    Question("prepare_and_enter", "How would you suggest I prepare for and enter this career?",
             "career_field"),
    # The organization and industry
    Question("how_got_into_organization", "How did you come to join this organization and industry?",
             "organization_industry"),
    Question("other_organizations_worked", "What other organizations have you worked for?",
             "organization_industry"),
    Question("unique_to_industry", "What is unique about your industry, organization or office?",
             "organization_industry"),
    Question("work_environment", "Describe your work environment.", "organization_industry"),
    Question("filling_openings", "How does your organization fill its job openings?", "organization_industry"),
    Question("organizations_to_explore", "What other organizations in this field would you recommend "
             "I explore for opportunities?", "organization_industry"),
    Question("working_here", "What is it like to work at your organization?", "organization_industry"),
    # Future growth and pay
    Question("employment_prospects", "What are the employment prospects for someone entering this field?",
             "growth_salary"),
    Question("promotion_potential", "What is the potential for growth and promotion in your field?",
             "growth_salary"),
    Question("job_security", "How secure are positions in your field these days?", "growth_salary"),
    Question("growing_areas", "Which areas of this field are growing or changing?", "growth_salary"),
    Question("starting_salary", "What is a typical starting salary range in this field?", "growth_salary"),
    # Referrals and next steps
    Question("recommend_professionals", "Can you recommend other professionals in this field "
             "I should speak with?", "referrals"),
    Question("use_your_name", "May I use your name when I contact them?", "referrals"),
    Question("contact_again", "May I contact you again if I have more questions?", "referrals"),
    Question("resources", "Which professional publications, organizations or other resources do you "
             "consider worth following?", "referrals"),
    Question("other_perspectives", "Could you suggest names of other people I could meet to gain "
             "different perspectives?", "referrals"),
)

_BANK = _REQUIRED + _SAMPLES
_BY_ID = {q.id: q for q in _BANK}


def bank(category: str | None = None) -> list[Question]:
    """Every bank question (the required nine first), or only those of ``category``."""
    if category is None:
        return list(_BANK)
    if category not in QUESTION_CATEGORIES:
        raise ValueError(f"unknown question category {category!r}; use one of {list(QUESTION_CATEGORIES)}")
    return [q for q in _BANK if q.category == category]


def required_questions() -> list[Question]:
    """The nine questions the assignment requires, in its order."""
    return list(_REQUIRED)


def get(question_id: str) -> Question:
    """The bank question with ``question_id``."""
    try:
        return _BY_ID[question_id]
    except (KeyError, TypeError):
        raise KeyError(f"no question in the bank has the id {question_id!r}") from None


def custom_question(text: str, category: str | None = None) -> Question:
    """A student's own question; its category is guessed from the wording when not given (None or "")."""
    if not isinstance(text, str):
        raise ValueError(f"a question must be text, not {type(text).__name__}")
    text = " ".join(text.split())
    if not text:
        raise ValueError("a question cannot be empty; type your question first")
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(f"a question can be at most {MAX_QUESTION_CHARS} characters; "
                         f"this one has {len(text)}, so split or shorten it")
    if category is None or category == "":
        category = classify_question(text) or "career_field"
    elif category not in QUESTION_CATEGORIES:
        raise ValueError(f"unknown question category {category!r}; use one of {list(QUESTION_CATEGORIES)}")
    # Hashing the normalized text gives a retyped question the same id.
    digest = hashlib.sha1(normalize(text).encode("utf-8")).hexdigest()[:10]
    return Question(f"custom-{digest}", text, category, source="custom")
