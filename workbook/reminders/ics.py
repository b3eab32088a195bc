"""The reminders as an iCalendar file (RFC 5545), written with the icalendar library.

Each reminder is an all-day event with one display alarm at nine in the
morning of its day. All-day dates carry no time zone, so the event falls on
the same day wherever the student's phone is. The file is written owner-only
(it names people the student talks to) and replaced atomically.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..journal.location import journal_path
from ..journal.model import Journal, as_document
from ..journal.storage import atomic_write_bytes
from .events import reminders

FILENAME = "networking_reminders.ics"
PRODID = "-//Networking and Informational Interviewing workbook//Follow-up reminders//EN"
CALENDAR_NAME = "Networking follow-ups"
ALARM_AFTER_START = dt.timedelta(hours=9)  # 09:00 on the event's day


def _calendar(doc: dict, today: dt.date, now: dt.datetime):
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", CALENDAR_NAME)
    for reminder in reminders(doc, today):
        event = icalendar.Event()
        event.add("uid", reminder.uid)
        event.add("dtstamp", now)
        event.add("dtstart", reminder.day)
        event.add("dtend", reminder.day + dt.timedelta(days=1))
        event.add("summary", reminder.summary)
        event.add("description", reminder.description)
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", reminder.summary)
        alarm.add("trigger", ALARM_AFTER_START, parameters={"RELATED": "START"})
        event.add_component(alarm)
        calendar.add_component(event)
    return calendar


def reminders_ics(journal=None, today: dt.date | None = None, now: dt.datetime | None = None) -> str:
    """The journal's follow-up reminders as iCalendar text (a Journal, a path, a document, or the notebook's own).

    ``today`` decides which reminders are due (default: the clock's date);
    ``now`` is the export's timestamp (DTSTAMP; default: the clock), so a fixed
    ``now`` makes the same journal give the same bytes.
    """
    doc = as_document(journal if journal is not None else Journal())
    now = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).replace(microsecond=0)
    return _calendar(doc, today or dt.date.today(), now).to_ical().decode("utf-8")


def write_reminders(journal=None, path: str | os.PathLike | None = None, today: dt.date | None = None) -> Path:
    """Write the reminders beside the journal (``networking_reminders.ics``) or to ``path``; returns the file."""
    book = journal if isinstance(journal, Journal) else Journal(journal)
    target = Path(path) if path is not None else journal_path(book.path).with_name(FILENAME)
    text = reminders_ics(book, today)
    atomic_write_bytes(target, text.encode("utf-8"))  # a new file is owner-only, like the journal
    return target
