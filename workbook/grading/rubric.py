"""The rubric of every graded assignment, as data, and what its test cells call.

Each autograded rubric item names a self-check (a row of the check
registry, workbook.checks.registry) and the ids of that check's items that
must all pass; the rubric holds points, not rules. A test cell is one call::

    from workbook.grading import rubric
    rubric.require("answer_average_day")

which reads the saved answers (workbook.grading.answers), runs the check and
raises RubricFailure with the check's message and hint when the item is not
met. nbgrader then gives the cell's points or none. Items judged by a hidden
test also have a visible part, ``require_saved``, that tells the student
before submitting whether their answers are found at all.

Manual items (the reflection) are graded by a person in the formgrader;
they are listed here only so the points add up in one place.

Points rest only on rules and judgments (the registry's kinds); an advice
item is refused here. When a judgment it rests on is unsure, an Outcome is
``review``: its ``passed`` and ``points`` are the suggestion a person starts
from, ``require`` follows that suggestion in the student's kernel, and
``under_review`` lists such items for the grader.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ..checks import registry, selfcheck
from ..checks.question_bank import required_questions
from ..checks.report import ADVICE
from ..errors import RubricFailure
from .answers import load, submitted_day


@dataclass(frozen=True)
class RubricItem:
    """One autograded item: ``points`` when every listed ``check_items`` of ``check`` passes."""

    id: str
    assignment: str
    points: float
    check: str  # the id of a check registry row: interview, follow_up, network_map, pitch, ...
    check_items: tuple[str, ...]
    hidden: bool = False  # judged in a hidden test; the visible test only requires the record

    def __post_init__(self):
        kinds = registry.get(self.check).kinds  # an unknown check is refused when the rubric is built
        for check_item in self.check_items:
            if check_item not in kinds:
                raise KeyError(f"{self.check} reports no item {check_item!r}")
            if kinds[check_item] == ADVICE:
                raise ValueError(f"{self.check}'s {check_item!r} is advice: it never carries points")


@dataclass(frozen=True)
class ManualItem:
    """One item a grader scores by hand in the formgrader (an nbgrader task cell)."""

    id: str
    assignment: str
    points: float
    description: str


@dataclass(frozen=True)
class Outcome:
    """The judgement of one rubric item on one journal.

    ``review``: a check item it rests on could not be judged for sure, so a
    person decides; ``passed`` and ``points`` are then the suggestion a grader
    starts from.
    """

    item: RubricItem
    passed: bool
    message: str
    review: bool = False

    @property
    def points(self) -> float:
        return self.item.points if self.passed else 0.0


def _interview_items():
    yield RubricItem("interviewee_name", "informational_interview", 1, "interview", ("name",))
    yield RubricItem("interviewee_occupation", "informational_interview", 1, "interview", ("occupation",))
    yield RubricItem("interviewee_organization", "informational_interview", 1, "interview", ("organization",))
    yield RubricItem("interview_date", "informational_interview", 1, "interview", ("date",))
    yield RubricItem("interview_length", "informational_interview", 1, "interview", ("length",))
    for question in required_questions():
        yield RubricItem(f"answer_{question.id}", "informational_interview", 2, "interview",
                         (f"answer_{question.id}",), hidden=True)
    yield RubricItem("learned", "informational_interview", 2, "interview", ("learned",), hidden=True)
    # The note itself: it thanks them and brings back something from this conversation (judgments, so an
    # unsure verdict goes to a person); that it was logged and went out within two days is a rule.
    yield RubricItem("thank_you_note", "informational_interview", 1, "thank_you", ("thanks_for_time", "specific"))
    yield RubricItem("thank_you_on_time", "informational_interview", 1, "follow_up",
                     ("thank_you_sent", "thank_you_on_time"))
    yield RubricItem("next_contact", "informational_interview", 1, "follow_up",
                     ("referral_asked", "referral_added"))


def _weekly_items():
    # The map is judged on its breadth first (network_map), then on being sound (network). Every
    # soundness item needs a contact: an empty journal has no duplicates, but earns nothing for it.
    yield RubricItem("network_enough_contacts", "network_map", 2, "network_map", ("enough_contacts",))
    yield RubricItem("network_groups", "network_map", 1, "network_map", ("several_groups",))
    yield RubricItem("network_reasons", "network_map", 1, "network_map", ("reasons_noted",))
    yield RubricItem("network_sound", "network_map", 1, "network",
                     ("has_contacts", "no_duplicates", "categories_valid"))
    yield RubricItem("network_referrals", "network_map", 1, "network",
                     ("has_contacts", "referrals_resolve", "no_referral_loops"))

    # The optional parts (experience, leadership, fit, the organization) are advice: one of them, or an
    # experience named anywhere, is the supporting detail.
    yield RubricItem("pitch_name_studies", "pitch", 2, "pitch", ("component_name_studies",))
    yield RubricItem("pitch_career_interest", "pitch", 2, "pitch", ("component_career_interest",))
    yield RubricItem("pitch_position_sought", "pitch", 2, "pitch", ("component_position_sought",))
    yield RubricItem("pitch_supporting_detail", "pitch", 1, "pitch", ("supporting_detail",))
    yield RubricItem("pitch_timing", "pitch", 3, "pitch", ("timing",))

    # Prying is advice (a tip beside the question), so its point went to the referral question.
    yield RubricItem("plan_count", "question_plan", 1, "question_plan", ("count",))
    yield RubricItem("plan_open_ended", "question_plan", 1, "question_plan", ("open_ended",))
    yield RubricItem("plan_categories", "question_plan", 1, "question_plan", ("categories",))
    yield RubricItem("plan_next_contact", "question_plan", 2, "question_plan", ("next_contact",))

    yield from _request_email_items()


def _request_email_items():
    for check_item, rubric_id in (("mentions_source", "email_mentions_source"), ("bounded_time", "email_bounded_time"),
                                  ("at_convenience", "email_at_convenience"),
                                  ("information_not_job", "email_information_not_job"),
                                  ("no_job_request", "email_no_job_request"), ("polite_close", "email_polite_close"),
                                  ("short", "email_short")):
        yield RubricItem(rubric_id, "request_email", 1, "request_email", (check_item,))


MANUAL_ITEMS = (
    ManualItem("reflection", "informational_interview", 2,
               "The reflection: what went well, what surprised them, what they would do better, each "
               "specific to this conversation."),
)

ITEMS: tuple[RubricItem, ...] = (*_interview_items(), *_weekly_items())
_BY_ID = {item.id: item for item in ITEMS}
ASSIGNMENTS = tuple(dict.fromkeys(item.assignment for item in ITEMS))


def items(assignment: str) -> list[RubricItem]:
    """The autograded items of ``assignment``, in the order of its test cells."""
    if assignment not in ASSIGNMENTS:
        raise KeyError(f"no rubric for {assignment!r}; there are rubrics for {', '.join(ASSIGNMENTS)}")
    return [item for item in ITEMS if item.assignment == assignment]


def manual_items(assignment: str) -> list[ManualItem]:
    """The hand-graded items of ``assignment``."""
    return [item for item in MANUAL_ITEMS if item.assignment == assignment]


def item(item_id: str) -> RubricItem:
    """The rubric item with ``item_id``."""
    try:
        return _BY_ID[item_id]
    except (KeyError, TypeError):
        raise KeyError(f"no rubric item {item_id!r}") from None


def total_points(assignment: str) -> float:
    """All the points of ``assignment``: autograded and manual."""
    return autograded_points(assignment) + sum(m.points for m in manual_items(assignment))


def autograded_points(assignment: str) -> float:
    """The points of ``assignment`` its test cells award."""
    return float(sum(i.points for i in items(assignment)))


def _report(check: str, doc: dict, today=None):
    return selfcheck.run(check, doc, today=today)


def judge(item_id: str, doc: dict, _reports: dict | None = None, today=None) -> Outcome:
    """Judge one rubric item on a loaded journal ``doc`` as of ``today`` (None: the clock's); pure, reads no file."""
    rubric_item = item(item_id)
    reports = {} if _reports is None else _reports
    try:
        if rubric_item.check not in reports:
            reports[rubric_item.check] = _report(rubric_item.check, doc, today)
        report = reports[rubric_item.check]
    except ValueError as exc:  # a saved record the check cannot read (wrong types, unknown keys)
        return Outcome(rubric_item, False, f"Your saved work could not be checked: {exc}")
    if any(i not in report for i in rubric_item.check_items):
        # Nothing to judge yet (no record saved): the check says so in its failed items.
        why = " ".join(_say(f) for f in report.failed) or f"{report.title} found nothing to judge."
        return Outcome(rubric_item, False, why)
    judged = [report[i] for i in rubric_item.check_items]
    review = any(i.review for i in judged)
    failed = [i for i in judged if not i.passed]
    if failed:
        return Outcome(rubric_item, False, " ".join(_say(f) for f in failed), review)
    return Outcome(rubric_item, True, " ".join(i.message for i in judged), review)


def _say(check_item) -> str:
    return check_item.message + (f" Hint: {check_item.hint}" if check_item.hint else "")


def outcomes(assignment: str, doc: dict, today=None) -> list[Outcome]:
    """Every autograded item of ``assignment`` judged on ``doc`` as of ``today`` (each check runs once)."""
    reports: dict = {}
    return [judge(i.id, doc, reports, today) for i in items(assignment)]


def under_review(assignment: str, doc: dict, today=None) -> list[Outcome]:
    """The items of ``assignment`` a person must decide on ``doc`` (each Outcome holds the suggestion)."""
    return [outcome for outcome in outcomes(assignment, doc, today) if outcome.review]


def score(assignment: str, doc: dict, today=None) -> float:
    """The autograded points ``doc`` earns on ``assignment`` as of ``today``, suggestions included."""
    return float(sum(o.points for o in outcomes(assignment, doc, today)))


# -- what test cells call ------------------------------------------------------

def require(item_id: str, folder: str | os.PathLike | None = None) -> None:
    """Pass quietly when the saved answers meet ``item_id``; else raise RubricFailure saying why."""
    __tracebackhide__ = True  # noqa: F841 -- IPython leaves this frame out of the traceback
    outcome = judge(item_id, load(folder), today=submitted_day(folder))
    if not outcome.passed:
        # An unsure item fails here only as the suggestion says; the grader leaves it to a person.
        tail = " Your instructor will read this item and decide." if outcome.review else ""
        raise RubricFailure(outcome.message + tail)


def require_saved(item_id: str, folder: str | os.PathLike | None = None) -> None:
    """Pass when the saved answers hold the record ``item_id`` is judged on (not whether it is good)."""
    __tracebackhide__ = True  # noqa: F841
    rubric_item = item(item_id)
    try:
        report = _report(rubric_item.check, load(folder), submitted_day(folder))
    except ValueError as exc:
        raise RubricFailure(f"Your saved work could not be checked: {exc}") from None
    if any(i not in report for i in rubric_item.check_items):
        raise RubricFailure(" ".join(_say(f) for f in report.failed) or f"{report.title} found nothing to judge.")
