"""The follow-up check: a timely thank-you note, and the next contact asked for and added."""

from __future__ import annotations

import datetime as dt

from ..journal.fields import parse_date
from ..journal.model import as_document
from ..journal.records import latest_interview, newest
from .report import Item, Report

TITLE = "Follow-up check"

THANK_YOU_DAYS = 2


def interview_contact_id(doc: dict, record: dict) -> str | None:
    """The contact an interview record is about: its contact_id, else the one contact of that name."""
    contact_id = record.get("contact_id")
    if any(c["id"] == contact_id for c in doc["contacts"]):
        return contact_id
    name = " ".join(str(record.get("name") or "").casefold().split())
    matches = [c["id"] for c in doc["contacts"] if " ".join(c["name"].casefold().split()) == name]
    return matches[0] if name and len(matches) == 1 else None


def thank_you_due(interview_date: str) -> dt.date | None:
    """The last day a thank-you note for an interview on ``interview_date`` is on time."""
    held = parse_date(interview_date)
    return held + dt.timedelta(days=THANK_YOU_DAYS) if held else None


def check_follow_up(journal, interview_id: str | None = None) -> Report:
    """Judge the follow-up of one interview (the latest one if no id is given)."""
    doc = as_document(journal)
    interviews = doc["interviews"]
    record = next((r for r in interviews if r["id"] == interview_id), None) if interview_id else (
        latest_interview(interviews)
    )
    if record is None:
        missing = "No interview is recorded yet" if not interview_id else f"No interview {interview_id!r} is recorded"
        item = Item("interview_recorded", False, f"{missing}.", "Record the interview first, then follow up.")
        return Report(TITLE, (item,))
    contact_id = interview_contact_id(doc, record)
    held = parse_date(record.get("date"))
    notes = sorted(
        parse_date(i["date"]) for i in doc["interactions"]
        if i["contact_id"] == contact_id and i["kind"] == "thank_you" and parse_date(i["date"])
        and (held is None or parse_date(i["date"]) >= held)
    )
    items = [_thank_you_sent(contact_id, notes), _thank_you_on_time(held, notes)]
    asked = bool(record.get("asked_for_referral"))
    introduced = [c for c in doc["contacts"] if contact_id and c.get("introduced_by") == contact_id]
    items.append(Item(
        "referral_asked", asked or bool(introduced),
        "You asked for the name of someone else to talk to." if asked or introduced
        else "The record does not say you asked for another contact.",
        "Close each interview by asking who else you should speak with.",
    ))
    items.append(Item(
        "referral_added", bool(introduced),
        f"You added {len(introduced)} new contact(s) introduced by {record.get('name') or 'them'}."
        if introduced else "No contact in your journal was introduced by this person yet.",
        "Add the person they suggested, with the interviewee as who introduced you.",
    ))
    return Report(TITLE, tuple(items))


def _thank_you_sent(contact_id, notes) -> Item:
    if contact_id is None:
        return Item("thank_you_sent", False, "This interview is not linked to a contact in your journal.",
                    "Choose the person from your network in the recorder.")
    if not notes:
        return Item("thank_you_sent", False, "No thank-you note is logged for this interview.",
                    "Send a short, specific thank-you note and mark it sent.")
    return Item("thank_you_sent", True, f"Thank-you note sent on {notes[0]}.")


def _thank_you_on_time(held, notes) -> Item:
    if held is None or not notes:
        return Item("thank_you_on_time", False, "A thank-you note is due within two days of the interview.",
                    "Send it within two days, while they still remember the conversation.")
    days = (notes[0] - held).days
    ok = days <= THANK_YOU_DAYS
    return Item("thank_you_on_time", ok,
                f"It went out {days} day(s) after the interview" + (", on time." if ok else ", later than two days."),
                "" if ok else "Next time send it within two days of the interview.")


def from_saved(record: None, doc: dict, today=None) -> Report:
    """Check the follow-up of the interview record saved last."""
    interview = newest(doc["interviews"])
    return check_follow_up(doc, interview["id"] if interview else None)
