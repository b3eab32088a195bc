"""The dates of following up: thank-you notes, unanswered requests and keep-in-touch reminders.

Pure functions over a journal document and "today", so the tracker widget,
notebooks and reports all count days the same way. Thank-you notes are due
within two calendar days of the interview (the rule of the follow-up check);
a request with no answer after three working days means it is time to write
to the next person, and after seven working days to send one short reminder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..journal.fields import parse_date
from ..journal.vocabulary import PRIORITIES
from .follow_up import interview_contact_id, thank_you_due

NO_ANSWER_WORKING_DAYS = 3
SECOND_NUDGE_WORKING_DAYS = 7
# Interactions that show the person answered a request (a reminder we sent does not).
ANSWERED_BY = frozenset({"call", "informational_interview", "thank_you", "event"})
_ANSWERED_STATUSES = frozenset({"interviewed", "thanked", "keep_in_touch"})


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday (public holidays are not known here)."""
    return day.weekday() < 5


def add_working_days(day: dt.date, count: int) -> dt.date:
    """The date ``count`` working days after ``day`` (``day`` itself never counts)."""
    if count < 0:
        raise ValueError(f"count must be 0 or more, not {count}")
    # Whole weeks first, so a far-off date costs no more than a near one.
    weeks, rest = divmod(count, 5)
    current = day + dt.timedelta(weeks=weeks)
    if weeks and not is_working_day(day):
        # From a weekend, five working days end on a Friday, not a full week later.
        while not is_working_day(current):
            current -= dt.timedelta(days=1)
    while rest:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            rest -= 1
    return current


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days fall after ``start`` up to and including ``end`` (0 if end <= start)."""
    if end <= start:
        return 0
    days = (end - start).days
    weeks, rest = divmod(days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if is_working_day(start + dt.timedelta(days=weeks * 7 + offset)):
            count += 1
    return count


@dataclass(frozen=True)
class ThankYouNote:
    """A thank-you note not yet sent for an interview already held."""

    interview_id: str
    contact_id: str | None
    name: str
    held: dt.date
    due: dt.date
    overdue: bool


@dataclass(frozen=True)
class PendingRequest:
    """A request for an interview with no answer yet, and what to do about it.

    ``stage`` is "waiting" (give them time), "try_next" (write to the next
    person on your list), "second_nudge" (send one short reminder) or
    "nudged" (the reminder went out; nothing more to send). ``act_on`` is the
    day the next stage begins, or None once nudged.
    """

    contact_id: str
    name: str
    sent: dt.date
    working_days: int
    stage: str
    act_on: dt.date | None


@dataclass(frozen=True)
class KeepInTouch:
    """A contact's keep-in-touch date: "overdue", "today" or "upcoming"."""

    contact_id: str
    name: str
    day: dt.date
    state: str


def thank_yous_pending(doc: dict, today: dt.date) -> list[ThankYouNote]:
    """Interviews held on or before ``today`` with no thank-you note logged since, soonest due first."""
    notes = []
    for record in doc.get("interviews", ()):
        held = parse_date(record.get("date"))
        if held is None or held > today:
            continue
        contact_id = interview_contact_id(doc, record)
        sent = contact_id is not None and any(
            i.get("contact_id") == contact_id and i.get("kind") == "thank_you"
            and (parse_date(i.get("date")) or dt.date.min) >= held
            for i in doc.get("interactions", ())
        )
        if not sent:
            due = thank_you_due(record["date"])
            notes.append(ThankYouNote(record["id"], contact_id, str(record.get("name") or ""), held, due, today > due))
    return sorted(notes, key=lambda n: (n.due, n.name.casefold(), n.interview_id))


def pending_requests(doc: dict, today: dt.date) -> list[PendingRequest]:
    """Each contact's latest request for an interview that has had no answer, oldest first."""
    by_contact: dict[str, list[dict]] = {}
    for interaction in doc.get("interactions", ()):
        if parse_date(interaction.get("date")) is not None:
            by_contact.setdefault(interaction.get("contact_id"), []).append(interaction)
    found = []
    for contact in doc.get("contacts", ()):
        history = by_contact.get(contact["id"], [])
        requests = [parse_date(i["date"]) for i in history if i.get("kind") == "request_email"]
        if not requests or contact.get("status") in _ANSWERED_STATUSES:
            continue
        sent = max(requests)
        if sent > today or any(i.get("kind") in ANSWERED_BY and parse_date(i["date"]) >= sent for i in history):
            continue
        nudge_day = add_working_days(sent, SECOND_NUDGE_WORKING_DAYS)
        waited = working_days_between(sent, today)
        if waited < NO_ANSWER_WORKING_DAYS:
            stage, act_on = "waiting", add_working_days(sent, NO_ANSWER_WORKING_DAYS)
        elif waited < SECOND_NUDGE_WORKING_DAYS:
            stage, act_on = "try_next", nudge_day
        elif any(i.get("kind") == "follow_up" and parse_date(i["date"]) >= nudge_day for i in history):
            stage, act_on = "nudged", None
        else:
            stage, act_on = "second_nudge", nudge_day
        found.append(PendingRequest(contact["id"], contact["name"], sent, waited, stage, act_on))
    return sorted(found, key=lambda r: (r.sent, r.name.casefold()))


def keep_in_touch(doc: dict, today: dt.date) -> list[KeepInTouch]:
    """Every contact with a keep-in-touch date, earliest first."""
    found = []
    for contact in doc.get("contacts", ()):
        day = parse_date(contact.get("follow_up"))
        if day is not None:
            state = "overdue" if day < today else "today" if day == today else "upcoming"
            found.append(KeepInTouch(contact["id"], contact["name"], day, state))
    return sorted(found, key=lambda k: (k.day, k.name.casefold()))


def next_person(doc: dict, exclude=()) -> dict | None:
    """The highest-priority contact on the interview list not yet asked, if any."""
    order = {key: n for n, key in enumerate(PRIORITIES)}
    waiting = [c for c in doc.get("contacts", ())
               if c.get("priority") in order and c.get("status", "to_contact") == "to_contact"
               and c["id"] not in exclude]
    return min(waiting, key=lambda c: (order[c["priority"]], c["name"].casefold()), default=None)
