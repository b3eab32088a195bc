"""The saved answers of one assignment: the journal.json inside the assignment's folder.

A student fills an assignment with the widgets, which save to this file; it
travels with the submission, and the autograder's test cells read it back
in a fresh kernel whose working folder is the notebook's folder.

The file is always ``journal.json`` in the notebook's folder. Unlike
``Journal()``, this ignores ``$WORKBOOK_JOURNAL``: an instructor who has it
set while grading must still see each student's own answers.

Students who prefer typing to widgets can call the ``save_typed_*``
functions from the optional cell of each assignment; they write through the
Journal API into the same file, and are safe to run again (the autograder
runs them again): each replaces what it saved before instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from ..errors import JournalFileError, JournalValueError
from ..errors import AnswersError, AnswersMissing, AnswersUnreadable  # noqa: F401 -- their home for callers
from ..journal.location import FILENAME
from ..journal.model import Journal

# nbgrader's record of when a submission was made, beside the notebook.
TIMESTAMP_FILE = "timestamp.txt"


def journal_file(folder: str | os.PathLike | None = None) -> Path:
    """The answers file of the assignment in ``folder`` (default: the current folder)."""
    return Path(folder if folder is not None else Path.cwd()) / FILENAME


def submitted_day(folder: str | os.PathLike | None = None) -> dt.date | None:
    """The day of the submission in ``folder`` (its timestamp.txt), or None outside a submission.

    Dates are judged against this day, as the autograder judges them against
    the submission's own time: a grade never depends on the day it is
    computed. The first ten characters of nbgrader's timestamp are its UTC date.
    """
    try:
        text = (Path(folder if folder is not None else Path.cwd()) / TIMESTAMP_FILE).read_text(
            encoding="utf-8", errors="replace")[:64]
    except OSError:
        return None
    try:
        return dt.date.fromisoformat(text.strip()[:10])
    except ValueError:
        return None


def journal(folder: str | os.PathLike | None = None) -> Journal:
    """A Journal on the assignment's answers file, for the widgets to save into."""
    return Journal(journal_file(folder))


def load(folder: str | os.PathLike | None = None) -> dict:
    """The saved answers as a journal document; AnswersMissing or AnswersUnreadable when unusable.

    Read exactly as the autograder reads a submission (``grading.data.journal_file``: never through
    a link, within size, count and nesting limits), so a test cell and the grader agree.
    """
    from .data.journal_file import read_submitted_journal

    found = read_submitted_journal(journal_file(folder).parent)
    if found.doc is not None:
        return found.doc
    if found.kind == "missing":
        raise AnswersMissing(
            f"No saved answers: there is no {FILENAME} in this assignment's folder. Fill in the widgets "
            f"(or the optional typed-answers cell) in this notebook; they save to {FILENAME} beside it, "
            "and it must be submitted with the notebook."
        )
    problem = found.problem.removeprefix(f"{FILENAME} ")
    raise AnswersUnreadable(
        f"Your saved answers ({FILENAME}) could not be read: {problem}. Restore it from a backup, "
        "or move it aside and fill in the widgets again."
    )


def bring_journal(path: str | os.PathLike, folder: str | os.PathLike | None = None, replace: bool = False) -> Path:
    """Copy a journal kept elsewhere (e.g. the chapter notebooks' one) into the assignment folder.

    The copy is checked first; an existing answers file is kept unless ``replace`` is true.
    """
    source = Path(path).expanduser()
    if not source.is_file():
        raise FileNotFoundError(f"there is no journal at {source}")
    Journal(source).read()  # raises a JournalFileError naming the problem
    target = journal_file(folder)
    if target.exists() and target.resolve() == source.resolve():
        return target
    if target.exists() and not replace:
        raise FileExistsError(f"{target} already exists; pass replace=True to overwrite it with {source}")
    shutil.copyfile(source, target)
    return target


# -- typed answers --------------------------------------------------------------

TYPED_INTERVIEW_ID = "typed-interview"
TYPED_REFLECTION_ID = "typed-reflection"
TYPED_THANK_YOU_ID = "typed-thank-you"
TYPED_PITCH_ID = "typed-pitch"
TYPED_PLAN_ID = "typed-question-plan"
TYPED_EMAIL_ID = "typed-request-email"

INTERVIEW_KEYS = (
    "name", "category", "occupation", "organization", "date", "minutes", "answers", "learned", "next_steps",
    "thank_you_sent", "thank_you_note", "next_contact", "reflection",
)


def _squash(text) -> str:
    return " ".join(str(text or "").casefold().split())


def _find_contact(doc: dict, name: str, organization: str = "") -> dict | None:
    for contact in doc["contacts"]:
        if _squash(contact["name"]) == _squash(name) and (
                not organization or _squash(contact["organization"]) == _squash(organization)):
            return contact
    return None


def _ensure_contact(book: Journal, values: dict) -> dict:
    """The contact named in ``values``, added when the journal does not have them yet."""
    existing = _find_contact(book.read(), values.get("name"), values.get("organization") or "")
    if existing is not None:
        return existing
    return book.add_contact(**{k: v for k, v in values.items() if v not in (None, "")})


def _ensure_interaction(book: Journal, contact_id: str, kind: str, date, minutes=None) -> None:
    from ..journal.fields import date as clean_date

    day = clean_date(kind, date, required=True)
    if not any(i["contact_id"] == contact_id and i["kind"] == kind and i["date"] == day
               for i in book.interactions()):
        book.log_interaction(contact_id, kind, date=day, minutes=minutes)


def save_typed_interview(values: dict | None, folder=None) -> dict | None:
    """Save an interview typed as a dict (keys: INTERVIEW_KEYS); None saves nothing.

    Adds the interviewee as a contact, logs the interview and the thank-you
    note (its text too, when typed), adds the next contact as introduced by
    the interviewee, and saves the interview record and the reflection. Returns the saved interview record.
    """
    if values is None:
        return None
    if not isinstance(values, dict):
        raise JournalValueError(None, f"type the interview as a dict of answers, not a {type(values).__name__}")
    unknown = sorted(set(values) - set(INTERVIEW_KEYS))
    if unknown:
        raise JournalValueError(None, f"unknown key(s) {', '.join(unknown)}; use {', '.join(INTERVIEW_KEYS)}")
    book = journal(folder)
    contact = _ensure_contact(book, {
        "name": values.get("name"), "category": values.get("category"),
        "occupation": values.get("occupation"), "organization": values.get("organization"),
    })
    if values.get("date"):
        _ensure_interaction(book, contact["id"], "informational_interview", values["date"], values.get("minutes"))
    if values.get("thank_you_sent"):
        _ensure_interaction(book, contact["id"], "thank_you", values["thank_you_sent"])
    next_contact = values.get("next_contact") or None
    if isinstance(next_contact, str):
        next_contact = {"name": next_contact}
    if next_contact is not None:
        if not isinstance(next_contact, dict):
            raise JournalValueError("next_contact", "give a name, or a dict with name, organization, occupation")
        _ensure_contact(book, {"category": contact["category"], **next_contact, "introduced_by": contact["id"]})
    record = book.save_record("interviews", {
        "id": TYPED_INTERVIEW_ID, "contact_id": contact["id"],
        "name": contact["name"], "occupation": contact["occupation"], "organization": contact["organization"],
        "date": values.get("date"), "minutes": values.get("minutes"), "answers": dict(values.get("answers") or {}),
        "notes": "", "learned": values.get("learned") or "", "next_steps": values.get("next_steps") or "",
        "asked_for_referral": next_contact is not None,
        "next_contact": (next_contact or {}).get("name") or "",
    })
    note = values.get("thank_you_note")
    if note:
        if not isinstance(note, str):
            raise JournalValueError("thank_you_note", f"type the note as text, not a {type(note).__name__}")
        book.save_record("thank_you_notes", {
            "id": TYPED_THANK_YOU_ID, "interview_id": TYPED_INTERVIEW_ID, "contact_id": contact["id"],
            "body": note, "sent": values.get("thank_you_sent") or None,
        })
    reflection = values.get("reflection")
    if reflection:
        if not isinstance(reflection, dict):
            raise JournalValueError("reflection", "give a dict with went_well, surprised and do_better")
        book.save_record("reflections", {
            "id": TYPED_REFLECTION_ID, "interview_id": TYPED_INTERVIEW_ID,
            "went_well": reflection.get("went_well") or "", "surprised": reflection.get("surprised") or "",
            "do_better": reflection.get("do_better") or "",
        })
    return record


def save_typed_contacts(contacts: list | None, folder=None) -> list[dict]:
    """Add typed contacts (dicts of contact fields); ``introduced_by`` may name another contact.

    A contact already in the journal (same name and organization) is updated instead.
    """
    if not contacts:
        return []
    if not isinstance(contacts, list) or not all(isinstance(c, dict) for c in contacts):
        raise JournalValueError(None, "type your contacts as a list of dicts, one per person")
    book = journal(folder)
    saved = []
    for values in contacts:
        values = dict(values)
        introducer = values.get("introduced_by")
        if introducer:
            found = _find_contact(book.read(), introducer) or next(
                (c for c in book.contacts() if c["id"] == introducer), None)
            if found is None:
                raise JournalValueError("introduced_by", f"{introducer!r} is not a contact yet; list them first")
            values["introduced_by"] = found["id"]
        existing = _find_contact(book.read(), values.get("name"), values.get("organization") or "")
        if existing is None:
            saved.append(book.add_contact(**values))
        else:
            saved.append(book.update_contact(existing["id"], **values))
    return saved


def save_typed_pitch(parts: dict | None, target_seconds: int = 60, folder=None) -> dict | None:
    """Save a pitch typed as component -> text (see workbook.checks.pitch.PITCH_COMPONENTS)."""
    if parts is None:
        return None
    return journal(folder).save_record("pitch_drafts", {
        "id": TYPED_PITCH_ID, "parts": parts, "target_seconds": target_seconds})


def save_typed_question_plan(questions: list | None, folder=None) -> dict | None:
    """Save a question plan typed as a list of questions (text)."""
    if questions is None:
        return None
    if not isinstance(questions, list):
        raise JournalValueError(None, "type your questions as a list of texts")
    return journal(folder).save_record("question_plans", {
        "id": TYPED_PLAN_ID,
        "questions": [{"text": q, "category": None, "source": "custom"} for q in questions],
    })


def save_typed_request_email(email: dict | None, folder=None) -> dict | None:
    """Save a request email typed as a dict: subject, body, and optionally to (a contact's name), your_name."""
    if email is None:
        return None
    if not isinstance(email, dict):
        raise JournalValueError(None, "type your email as a dict with subject and body")
    book = journal(folder)
    if email.get("your_name"):
        book.set_student_name(email["your_name"])
    contact = _find_contact(book.read(), email["to"]) if email.get("to") else None
    return book.save_record("email_drafts", {
        "id": TYPED_EMAIL_ID, "contact_id": contact["id"] if contact else None,
        "subject": email.get("subject") or "", "body": email.get("body") or "", "sent": email.get("sent"),
    })
