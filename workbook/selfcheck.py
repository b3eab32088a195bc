"""Self-checks on the journal: what a notebook's check cell and an nbgrader test cell both call.

Each function finds the student's latest saved work in the journal and runs
the matching check on it, so a notebook and the autograder judge exactly the
same thing with exactly the same rules.
"""

from __future__ import annotations

from .checks.report import Item, Report
from .journal import Journal, as_document
from .records import newest


def latest(doc: dict, section: str) -> dict | None:
    """The most recently saved record of ``section``, or None (ties go to the later entry)."""
    return newest(doc[section])


def _doc(journal) -> dict:
    return as_document(journal if journal is not None else Journal())


def _nothing_saved(title: str, what: str) -> Report:
    return Report(title, (Item("saved", False, f"No {what} is saved in your journal yet.",
                               f"Use the widget above to write your {what}; it saves as you type."),))


def pitch(journal=None) -> Report:
    """Check the latest pitch draft."""
    from .checks.pitch import check_pitch

    record = latest(_doc(journal), "pitch_drafts")
    if record is None:
        return _nothing_saved("Pitch check", "pitch")
    return check_pitch(record.get("parts") or {}, target_seconds=record.get("target_seconds", 60))


def question_plan(journal=None) -> Report:
    """Check the latest question plan."""
    from .checks.question_plan import check_question_plan

    record = latest(_doc(journal), "question_plans")
    if record is None:
        return _nothing_saved("Question plan check", "question plan")
    return check_question_plan(record.get("questions") or [])


def request_email(journal=None) -> Report:
    """Check the latest request email draft."""
    from .checks.request_email import check_request_email

    doc = _doc(journal)
    record = latest(doc, "email_drafts")
    if record is None:
        return _nothing_saved("Request email check", "request email")
    return check_request_email(record.get("body") or "", sender_name=doc["student"].get("name") or None)


def interview(journal=None) -> Report:
    """Check the latest interview record."""
    from .checks.interview import check_interview

    record = latest(_doc(journal), "interviews")
    if record is None:
        return _nothing_saved("Interview record check", "interview record")
    return check_interview(record)


def follow_up(journal=None) -> Report:
    """Check the follow-up of the latest interview."""
    from .checks.follow_up import check_follow_up

    doc = _doc(journal)
    record = latest(doc, "interviews")
    return check_follow_up(doc, record["id"] if record else None)


def network(journal=None) -> Report:
    """Check the network log as a whole."""
    from .checks.network import check_network

    return check_network(_doc(journal))


def network_map(journal=None) -> Report:
    """Check the breadth of the network map: enough people, from several groups, with reasons noted."""
    from .checks.network import check_network_map

    return check_network_map(_doc(journal))
