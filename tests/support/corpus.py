"""The labelled corpus of students' writing (tests/checks/corpus/*.toml) and how the checks score on it.

Each example names the items it should fail (``flaws``, with why); every other item it is judged on
should pass. ``verdicts`` runs the real checks on every example and says, per item, whether the verdict
was right, wrong, or sent to a person (review). The judgment benchmark and the corpus tests share it.

One corpus file per check, ``corpus/<check id>.toml``, and one row of ``FEEDS`` saying which of the
check's items the corpus judges and how an example's data is fed to the check. A file holds
``[[example]]`` tables (``id``, ``split`` = "tune" or "heldout", ``persona``, ``why``, ``flaws`` =
{item = "why it should not earn its point"}, and whatever fields the check's feed reads); the question
plan's ``[[question]]`` and the interview's ``[[answer]]`` tables label one question or one box alone.
A new check plugs in with its file and its row: the corpus tests and ``python -m benchmarks judgment``
pick it up from ``FEEDS``.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from workbook.checks import (check_interview, check_linkedin_note, check_pitch, check_request_email, check_thank_you,
                             question_plan)
from workbook.checks.question_bank import required_questions
from workbook.checks.report import Report

CORPUS = Path(__file__).resolve().parents[1] / "checks" / "corpus"
# The interview records the thank-you notes follow: data the examples point at, not examples.
RECORDS = CORPUS / "records" / "interviews.toml"
SPLITS = ("tune", "heldout")
TODAY = dt.date(2026, 11, 1)  # the day interview dates are judged against (the record says 2026-10-20)


# Distinct, specific notes for the boxes an interview example leaves out.
FILLER_ANSWERS = {
    "average_day": "Starts at eight with a stand-up, site visits most mornings, drawings and email after lunch.",
    "working_conditions": "Small office of twelve people, one day a week from home, busy before each deadline.",
    "likes_dislikes": "Likes the variety and the team; dislikes the slow permit approvals from the city.",
    "preparation": "A civil engineering degree, two summer internships, then the licensing exam after four years.",
    "skills": "Careful drafting, clear report writing, AutoCAD, and patience with clients who change their minds.",
    "entry_earnings": "New graduates start near $62,000 here, with a raise once they pass the exam.",
    "advancement": "Project engineer after three years, then project manager; a few become partners.",
    "outlook": "Steady: federal infrastructure money means hiring for the next decade, mostly in water and roads.",
    "advice": "Get an internship before final year and join the student chapter of the engineering society.",
}


@dataclass(frozen=True)
class Example:
    """One labelled example: what it is, what to feed the check, and the items it should fail."""

    check: str
    id: str
    split: str
    why: str
    flaws: dict[str, str]
    good: bool  # the work deserves every point (a plain question need not ask for a referral)
    data: dict = field(repr=False)


@dataclass(frozen=True)
class Verdict:
    """How one item of one example was judged: ``expected`` pass or fail, what the check said, review."""

    example: Example
    item: str
    expected: bool
    passed: bool
    review: bool

    @property
    def wrong(self) -> bool:
        return not self.review and self.passed != self.expected


def _read(check: str) -> dict:
    return tomllib.loads((CORPUS / f"{check}.toml").read_text(encoding="utf-8"))


def _question_flaws(entry: dict) -> dict[str, str]:
    flaws = {}
    if not entry["open"]:
        flaws["open_ended"] = entry["why"]
    if not entry["next_contact"]:
        flaws["next_contact"] = "Does not ask who else to talk to."
    return flaws


def examples(check: str | None = None, split: str | None = None) -> list[Example]:
    """Every example of the corpus (or of one check or split), in file order."""
    found = []
    for name in CHECKS if check is None else (check,):
        raw = _read(name)
        for key, entries in raw.items():
            for entry in entries:
                if key == "question":
                    flaws, good = _question_flaws(entry), entry["open"]
                elif key == "answer":
                    flaws = {} if entry["good"] else {f"answer_{entry['question']}": entry["why"]}
                    good = entry["good"]
                else:
                    flaws = dict(entry.get("flaws", {}))
                    good = not flaws
                found.append(Example(name, entry["id"], entry["split"], entry["why"], flaws, good,
                                     {"kind": key, **entry}))
    return [e for e in found if split is None or e.split == split]


def _question_items(example: Example) -> Iterator[tuple[str, bool, bool]]:
    judged = question_plan.judge_question(example.data["text"])
    yield "open_ended", not judged.closed, judged.closed_unsure
    yield "next_contact", judged.next_contact, judged.next_contact_unsure


def _request_email(data: dict) -> Report:
    return check_request_email(data["text"], sender_name=data.get("sender"))


def _pitch(data: dict) -> Report:
    return check_pitch(data.get("parts", {}), target_seconds=data["target"])


def _question_plan(data: dict) -> Report:
    return question_plan.check_question_plan(data["questions"])


def _interview(data: dict) -> Report:
    answers = dict(FILLER_ANSWERS)
    if data["kind"] == "answer":
        answers[data["question"]] = data["text"]
    else:
        answers.update(data["answers"])
    record = {"name": "Dana Whitfield", "occupation": "Engineer", "organization": "Riverbend Water",
              "date": "2026-10-20", "minutes": 30, "answers": answers,
              "learned": "Permits take months, mentors matter, and the licensing exam shapes the first years.",
              "next_steps": "Email Priya Raman at the state water board by Friday."}
    return check_interview(record, today=TODAY)


def interview_records() -> dict[str, dict]:
    """The interview records the thank-you examples follow, by the name their ``context`` gives."""
    return tomllib.loads(RECORDS.read_text(encoding="utf-8"))["context"]


def _thank_you(data: dict) -> Report:
    return check_thank_you(data["text"], interview_records()[data["context"]], sender_name=data["sender"])


def _linkedin_note(data: dict) -> Report:
    return check_linkedin_note(data["text"], sender_name=data["sender"])


@dataclass(frozen=True)
class Feed:
    """How the corpus judges one check: the items it scores (those carrying points), and the check's
    report on one example's data (the TOML table as read, plus ``kind``, the table's name)."""

    items: tuple[str, ...]
    report: Callable[[dict], Report]


# One row per check the corpus judges, in the order the benchmark reports them.
FEEDS: dict[str, Feed] = {
    "request_email": Feed(("mentions_source", "bounded_time", "at_convenience", "information_not_job",
                           "no_job_request", "polite_close", "short"), _request_email),
    "pitch": Feed(("component_name_studies", "component_career_interest", "component_position_sought",
                   "supporting_detail", "timing"), _pitch),
    "question_plan": Feed(("count", "open_ended", "categories", "next_contact"), _question_plan),
    "interview": Feed(tuple(f"answer_{q.id}" for q in required_questions()), _interview),
    # The note's wording; when it was sent (on_time, a rule on dates) is tested on its own.
    "thank_you": Feed(("addressed", "thanks_for_time", "specific", "next_step", "no_job_request", "polite_close",
                       "short"), _thank_you),
    "linkedin_note": Feed(("who_you_are", "how_found", "what_you_ask", "no_job_request", "limit"), _linkedin_note),
}
CHECKS = tuple(FEEDS)


def report(example: Example) -> Report:
    """The check's report on one example (not a single question: those are judged alone)."""
    return FEEDS[example.check].report(example.data)


def verdicts(example: Example) -> list[Verdict]:
    """The verdict on every item that carries points, for one example."""
    if example.data["kind"] == "question":
        return [Verdict(example, item, item not in example.flaws, passed, review)
                for item, passed, review in _question_items(example)]
    judged = report(example)
    items = [i for i in FEEDS[example.check].items if i in judged]
    if example.data["kind"] == "answer":
        items = [f"answer_{example.data['question']}"]
    return [Verdict(example, item, item not in example.flaws, judged[item].passed, judged[item].review)
            for item in items]
