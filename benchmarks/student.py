"""The student's side: import cost, check speed, journal saves."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from workbook.checks import (check_interview, check_linkedin_note, check_network, check_pitch, check_question_plan,
                             check_request_email, check_thank_you)
from workbook.checks.question_bank import bank, required_questions
from workbook.journal.model import Journal

from ._timing import best_of, median_of, rounded, run_python

IMPORT_CODE = (
    "import time; t = time.perf_counter(); import workbook, workbook.checks, workbook.selfcheck; "
    "print(time.perf_counter() - t)"
)


def import_time() -> dict:
    """Cold `import workbook` (with checks and self-checks) in fresh interpreters."""
    runs = sorted(float(run_python(IMPORT_CODE)) for _ in range(5))
    return {"median_s": rounded(runs[2]), "best_s": rounded(runs[0]), "runs": 5}


def _sample_inputs():
    parts = {
        "name_studies": "I am Ana Ruiz, a second-year environmental science student at Bay College.",
        "career_interest": "I want to work on clean water systems for cities.",
        "position_sought": "I am looking for a summer internship in a water utility lab.",
        "experience": "Last year I tested stream samples for a county volunteer program every week.",
        "leadership_teamwork": "I lead a team of four in our campus sustainability club.",
        "fit": "Your work on lead pipe replacement matches what I study.",
        "why_organization": "I admire how City Water publishes its test results openly.",
    }
    email = (
        "Dear Ms. Park,\n\nProfessor Diaz suggested I contact you. I am a student exploring water engineering "
        "and would value 20 minutes of your time, at your convenience, for advice. I am not asking for a job, "
        "only information about your path.\n\nThank you,\nAna Ruiz"
    )
    questions = [q.text for q in bank()][:14]
    record = {"name": "Lena Park", "occupation": "Engineer", "organization": "City Water", "date": "2026-10-20",
              "minutes": 30, "learned": "Permits take months and mentors matter a great deal in this field.",
              "next_steps": "Email Raj Patel by Friday about the association meeting.",
              "answers": {q.id: "A full answer with enough different words to count as substance here." for q in
                          required_questions()}}
    doc = {"contacts": [{"id": f"c{n}", "name": f"Person {n}", "organization": "Org", "category": "work",
                         "introduced_by": f"c{n - 1}" if n else None} for n in range(200)],
           "interactions": []}
    return parts, email, questions, record, doc


THANK_YOU = ("Dear Ms. Park,\n\nThank you for your time on Tuesday. Hearing that permits take months, and why "
             "mentors matter so much, was eye-opening.\n\nI will email Raj Patel by Friday about the association "
             "meeting.\n\nBest regards,\nAna Ruiz")
LINKEDIN = ("Hi Lena, I'm an environmental science student at Bay College; Professor Diaz suggested I reach out. "
            "Would you have 20 minutes for a call about your work at City Water? Thanks, Ana")


def check_times() -> dict:
    """Microseconds per call of each check on realistic inputs."""
    parts, email, questions, record, doc = _sample_inputs()
    today = dt.date(2026, 11, 1)
    calls = {
        "check_pitch": lambda: check_pitch(parts, target_seconds=60),
        "check_request_email": lambda: check_request_email(email, sender_name="Ana Ruiz"),
        "check_question_plan": lambda: check_question_plan(questions),
        "check_interview": lambda: check_interview(record, today=today),
        "check_network_200_contacts": lambda: check_network(doc),
        "check_thank_you": lambda: check_thank_you(THANK_YOU, record, sender_name="Ana Ruiz", sent="2026-10-21"),
        "check_linkedin_note": lambda: check_linkedin_note(LINKEDIN, sender_name="Ana Ruiz"),
        # Worst cases: 100,000 characters shaped to make a careless regex backtrack.
        "check_request_email_100k_hostile": lambda: check_request_email("Are you hiring? " * 6_000),
        "check_question_plan_100k_question": lambda: check_question_plan(
            questions[:10] + ["Do you " + "really " * 14_000 + "like it?"]),
        "check_pitch_100k_part": lambda: check_pitch({**parts, "experience": "I led a lab project. " * 5_000}),
        "check_thank_you_100k_paste": lambda: check_thank_you("Dear Lena, thank you " * 5_000, record),
        "check_linkedin_note_100k_paste": lambda: check_linkedin_note("Would you have " * 6_700),
    }
    return {name: rounded(best_of(fn, repeat=5, number=5 if "100k" in name else 50) * 1e6, 1)
            for name, fn in calls.items()}


def journal_save(contacts: int = 500) -> dict:
    """One more contact added to a journal that already holds ``contacts`` (lock, read, validate, write)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.json"
        doc = Journal(path).read()
        doc["contacts"] = [
            {"id": f"c-{n:05d}", "name": f"Person {n}", "category": "work", "organization": f"Org {n % 40}",
             "occupation": "Analyst", "field": "Data", "how_found": "Career fair", "why": "Works in my field",
             "introduced_by": None, "added": "2026-09-10", "email": "", "phone": "", "status": "to_contact",
             "priority": None, "follow_up": None, "notes": "Met at the fair; follow up in October."}
            for n in range(contacts)
        ]
        path.write_text(json.dumps(doc), encoding="utf-8")
        journal = Journal(path)
        counter = iter(range(10_000))
        seconds = median_of(lambda: journal.add_contact(name=f"New {next(counter)}", category="alumni"), repeat=9)
        size = path.stat().st_size
    return {"contacts": contacts, "median_s": rounded(seconds), "file_kib": round(size / 1024, 1)}


def run() -> dict:
    return {"import_workbook": import_time(), "check_us_per_call": check_times(), "journal_save": journal_save()}
