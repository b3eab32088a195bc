"""One synthetic student's journal as submitted with the informational interview.

The term so far comes from ``demo.synthetic`` (contacts and interactions
grown week by week up to the week before the due date); the interview
itself is then recorded through the workbook's own API, the
``save_typed_interview`` the assignment offers, so the record has exactly
the shape the widgets save. Only the random ids and save times the API
stamps are then replaced by seeded ones, so one seed always gives the same
bytes.

How good the record is depends on the student's profile (``Profile``): how
many answers are thin, whether what they learned is thin, whether the
thank-you went out within two days, and whether they asked for, and
added, someone else to talk to.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import tempfile
from dataclasses import dataclass

from ..checks.question_bank import required_questions
from ..grading import answers
from . import prose
from .synthetic import FAMILY_NAMES, FIRST_NAMES, WORKPLACES, synthetic_journal


@dataclass(frozen=True)
class Profile:
    """How thoroughly a student recorded their interview."""

    thin_answers: tuple[int, int]  # how many of the nine answers are thin: from, to (inclusive)
    thin_learned: bool = False
    thank_you_late: bool = False  # sent three to five days after, not within two
    next_contact: bool = True  # asked for someone else to talk to, and added them
    thin_reflection: bool = False


EXCELLENT = Profile(thin_answers=(0, 0))
SOLID = Profile(thin_answers=(0, 2))
THIN = Profile(thin_answers=(5, 5), thin_learned=True, thank_you_late=True, next_contact=False, thin_reflection=True)


def _days(first: dt.date, last: dt.date, rng: random.Random) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def _new_person(rng: random.Random, doc: dict) -> tuple[str, str, str]:
    """A name and workplace (organization, occupation) that is not in the journal yet."""
    taken = {(c["name"], c["organization"]) for c in doc["contacts"]}
    while True:
        name = f"{rng.choice(FIRST_NAMES)} {rng.choice(FAMILY_NAMES)}"
        organization, occupation, _field = rng.choice(WORKPLACES)
        if (name, organization) not in taken:
            return name, organization, occupation


def _interviewee(rng: random.Random, doc: dict, asked: dt.date) -> dict:
    """A contact the student had not approached yet and already knew before ``asked``.

    Someone who has already introduced a contact is passed over: that
    introduction would count as the interview's referral, and a profile
    without one must stay without one.
    """
    introducers = {c["introduced_by"] for c in doc["contacts"]}
    fresh = [c for c in doc["contacts"] if c["id"] not in introducers]
    waiting = [c for c in fresh if c["status"] == "to_contact" and c["added"] <= asked.isoformat()]
    if not waiting:  # a tiny network: anyone not interviewed yet
        waiting = [c for c in fresh if c["status"] in ("to_contact", "requested")]
    if not waiting:
        raise ValueError("the synthetic journal has no contact left to interview")
    return rng.choice(waiting)


def interview_journal(rng: random.Random, name: str, profile: Profile, term_start: dt.date,
                      due: dt.date, submitted: dt.date, extra: dict | None = None) -> dict:
    """The journal ``name`` submits on ``submitted`` for an interview assignment due on ``due``.

    ``extra`` overrides keys of the typed interview (the demo uses it for one
    student whose pasted notes hold markup).
    """
    weeks = max(1, (due - term_start).days // 7)  # the full weeks before the due week
    doc = synthetic_journal(rng, term_start, weeks, contacts=rng.randint(30, 90))
    doc["student"]["name"] = name
    held = _days(due - dt.timedelta(days=21), submitted - dt.timedelta(days=6), rng)
    asked = held - dt.timedelta(days=rng.randint(5, 12))
    contact = _interviewee(rng, doc, asked)
    thanked = held + dt.timedelta(days=rng.randint(3, 5) if profile.thank_you_late else rng.randint(0, 2))
    first = contact["name"].split()[0]
    next_name, next_organization, next_occupation = _new_person(rng, doc)
    values = {"first": first, "organization": contact["organization"], "field": contact["field"].lower(),
              "next": next_name}

    thin = set(rng.sample(range(9), rng.randint(*profile.thin_answers)))
    typed_answers = {}
    for n, question in enumerate(required_questions()):
        text = prose.thin_answer(rng) if n in thin else prose.good_answer(rng, question.id, values)
        if text:  # a blank note is simply not there
            typed_answers[question.id] = text
    typed = {
        "name": contact["name"], "category": contact["category"], "occupation": contact["occupation"],
        "organization": contact["organization"], "date": held.isoformat(), "minutes": rng.choice((20, 25, 30, 30)),
        "answers": typed_answers,
        "learned": prose.learned(rng, values, thin=profile.thin_learned),
        "next_steps": prose.next_steps(rng, values, thin=profile.thin_learned),
        "thank_you_sent": thanked.isoformat(),
        "next_contact": {"name": next_name, "organization": next_organization, "occupation": next_occupation,
                         "how_found": f"Suggested by {contact['name']}", "added": thanked.isoformat()}
        if profile.next_contact else None,
        "reflection": prose.reflection(rng, values, thin=profile.thin_reflection),
    }
    typed["thank_you_note"] = prose.thank_you_note(values, name, typed["learned"], typed["next_steps"],
                                                   thin=profile.thin_learned)
    typed.update(extra or {})

    with tempfile.TemporaryDirectory(prefix="workbook-demo-") as folder:
        path = answers.journal_file(folder)
        path.write_text(json.dumps(doc), encoding="utf-8")
        book = answers.journal(folder)
        book.log_interaction(contact["id"], "request_email", date=asked.isoformat(),
                             notes="Asked for twenty minutes of advice")
        answers.save_typed_interview(typed, folder=folder)
        saved = book.read()
    return _settle(saved, rng, known={e["id"] for s in ("contacts", "interactions") for e in doc[s]},
                   saved_at=dt.datetime.combine(submitted, dt.time(18, 0)))


def _settle(doc: dict, rng: random.Random, known: set, saved_at: dt.datetime) -> dict:
    """Replace the ids and save times the API drew from the clock and uuid4 with seeded ones."""
    renamed = {}
    for section in ("contacts", "interactions"):
        for entry in doc[section]:
            if entry["id"] not in known:
                prefix = entry["id"].split("-", 1)[0]
                renamed[entry["id"]] = f"{prefix}-{rng.getrandbits(40):010x}"

    def swap(value):
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        return renamed.get(value, value) if isinstance(value, str) else value

    doc = swap(doc)
    for minutes, section in enumerate(("interviews", "reflections", "thank_you_notes")):
        for record in doc[section]:
            record["updated"] = (saved_at + dt.timedelta(minutes=minutes)).isoformat(timespec="microseconds")
    return doc
