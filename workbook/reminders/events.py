"""Which reminders a journal calls for: one per thank-you note due, per nudge, per keep-in-touch date.

Pure functions over a journal document and "today", built on the follow-up
date rules (``checks.follow_up_dates``), so the calendar and the follow-up
tracker never disagree about a date. Each reminder carries a UID made from
what it is about (the interview, or the contact and the day the request went
out), never from its date or wording, so exporting again after a date or a
name changed updates the event a calendar already holds instead of adding a
second one.

A calendar file leaves the course (students import it into phone and cloud
calendars), so a reminder names the person only as the student wrote the
name, and carries nothing else from the journal: no e-mail address, phone
number, organization or notes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from ..checks import follow_up_dates as rules

UID_DOMAIN = "networking-workbook"
# Kinds of reminder, in the order a day's reminders are listed.
KINDS = ("thank_you", "try_next", "second_nudge", "keep_in_touch")


@dataclass(frozen=True)
class Reminder:
    """One reminder: an all-day event on ``day`` with an alarm that morning."""

    uid: str
    kind: str
    day: dt.date
    summary: str
    description: str


def _uid(kind: str, *about: str) -> str:
    digest = hashlib.sha256("\x1f".join((kind, *about)).encode("utf-8")).hexdigest()[:24]
    return f"{kind}-{digest}@{UID_DOMAIN}"


def _name(value) -> str:
    return " ".join(str(value or "").split()) or "your contact"


def _thank_yous(doc: dict, today: dt.date) -> list[Reminder]:
    found = []
    for note in rules.thank_yous_pending(doc, today):
        who = _name(note.name)
        found.append(Reminder(
            _uid("thank_you", note.interview_id), "thank_you", note.due,
            f"Send your thank-you note to {who}",
            f"Your informational interview with {who} was on {note.held:%A %d %B}. A thank-you note is on time "
            f"until today: thank them for their time and mention one thing they told you.",
        ))
    return found


def _nudges(doc: dict, today: dt.date) -> list[Reminder]:
    found = []
    for request in rules.pending_requests(doc, today):
        if request.stage == "nudged":
            continue
        who = _name(request.name)
        sent = request.sent.isoformat()
        found.append(Reminder(
            _uid("try_next", request.contact_id, sent), "try_next",
            rules.add_working_days(request.sent, rules.NO_ANSWER_WORKING_DAYS),
            f"No answer from {who} yet? Write to the next person",
            f"You asked {who} for an informational interview on {request.sent:%A %d %B}. If they have not "
            "answered, write to the next person on your list today; keep waiting for this one too.",
        ))
        found.append(Reminder(
            _uid("second_nudge", request.contact_id, sent), "second_nudge",
            rules.add_working_days(request.sent, rules.SECOND_NUDGE_WORKING_DAYS),
            f"One short reminder to {who}",
            f"Still no answer from {who} to your request of {request.sent:%A %d %B}: send one short, polite "
            "reminder, then let it rest.",
        ))
    return found


def _keep_in_touch(doc: dict, today: dt.date) -> list[Reminder]:
    return [Reminder(
        _uid("keep_in_touch", item.contact_id), "keep_in_touch", item.day,
        f"Keep in touch with {_name(item.name)}",
        f"Write to {_name(item.name)}: tell them what you did with their advice and how it went.",
    ) for item in rules.keep_in_touch(doc, today)]


def reminders(doc: dict, today: dt.date) -> list[Reminder]:
    """Every reminder the journal calls for as of ``today``, by day, then kind, then summary."""
    found = [*_thank_yous(doc, today), *_nudges(doc, today), *_keep_in_touch(doc, today)]
    return sorted(found, key=lambda r: (r.day, KINDS.index(r.kind), r.summary.casefold(), r.uid))
