"""Reminders in the student's calendar: the events, their alarms, stable UIDs, privacy and hostile text."""

from __future__ import annotations

import datetime as dt
import stat

import icalendar
import pytest

from workbook import Journal, reminders_ics
from workbook.journal.schema import empty_document
from workbook.reminders import FILENAME, reminders, write_reminders

# A Monday, so working days are easy to count by hand. Nothing here reads the clock.
MONDAY = dt.date(2031, 3, 3)
NOW = dt.datetime(2031, 3, 10, 8, 30, tzinfo=dt.timezone.utc)
DAY = dt.timedelta(days=1)


@pytest.fixture
def journal(tmp_path):
    book = Journal(tmp_path / "journal.json")
    ana = book.add_contact(name="Ana Ruiz", category="school", occupation="Lecturer", organization="City College",
                           email="ana@example.org", phone="+1 555 010 2233", notes="Prefers mornings; private note",
                           added=(MONDAY - 30 * DAY).isoformat(), follow_up=(MONDAY + 60 * DAY).isoformat())
    ben = book.add_contact(name="Ben Ito", category="alumni", organization="Brightline Software",
                           added=(MONDAY - 30 * DAY).isoformat())
    book.log_interaction(ana["id"], "informational_interview", date=(MONDAY + 2 * DAY).isoformat(), minutes=25)
    book.save_record("interviews", {"id": "iv-ana", "contact_id": ana["id"], "name": "Ana Ruiz",
                                    "date": (MONDAY + 2 * DAY).isoformat()})
    book.log_interaction(ben["id"], "request_email", date=MONDAY.isoformat())
    return book, ana, ben


def _events(text: str) -> list:
    calendar = icalendar.Calendar.from_ical(text)
    return [c for c in calendar.walk("VEVENT")]


def _shown(event) -> tuple:
    return (event.decoded("dtstart"), str(event["summary"]))


def test_one_event_per_thank_you_nudge_and_keep_in_touch_date_with_an_alarm_each(journal):
    book, ana, ben = journal
    events = _events(reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW))
    assert [_shown(e) for e in events] == [
        (MONDAY + 3 * DAY, "No answer from Ben Ito yet? Write to the next person"),  # Thursday: 3 working days
        (MONDAY + 4 * DAY, "Send your thank-you note to Ana Ruiz"),  # interview Wednesday + 2 days
        (MONDAY + 9 * DAY, "One short reminder to Ben Ito"),  # 7 working days: the next Wednesday
        (MONDAY + 60 * DAY, "Keep in touch with Ana Ruiz"),
    ]
    for event in events:
        assert event.decoded("dtend") == event.decoded("dtstart") + DAY
        assert isinstance(event.decoded("dtstart"), dt.date) and not isinstance(event.decoded("dtstart"), dt.datetime)
        assert event.decoded("dtstamp") == NOW
        (alarm,) = event.walk("VALARM")
        assert str(alarm["action"]) == "DISPLAY"
        assert alarm.decoded("trigger") == dt.timedelta(hours=9)
        assert alarm["trigger"].params["RELATED"] == "START"
        assert str(alarm["description"]) == str(event["summary"])
        assert str(event["uid"]).endswith("@networking-workbook")
    assert "Wednesday 05 March" in str(events[1]["description"])


def test_a_second_export_updates_the_same_events_instead_of_adding_new_ones(journal):
    book, ana, ben = journal
    first = reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW)
    assert reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW) == first  # the same bytes
    later = reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW + dt.timedelta(days=2))
    uids = [str(e["uid"]) for e in _events(first)]
    assert [str(e["uid"]) for e in _events(later)] == uids and len(set(uids)) == 4
    # A corrected name and a moved keep-in-touch date keep their UIDs: the calendar updates its event.
    book.update_contact(ana["id"], name="Ana María Ruiz", follow_up=(MONDAY + 90 * DAY).isoformat())
    book.save_record("interviews", {"id": "iv-ana", "contact_id": ana["id"], "name": "Ana María Ruiz",
                                    "date": (MONDAY + 2 * DAY).isoformat()})
    moved = {str(e["uid"]): _shown(e) for e in _events(reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW))}
    assert set(moved) == set(uids)
    assert moved[uids[3]] == (MONDAY + 90 * DAY, "Keep in touch with Ana María Ruiz")
    assert moved[uids[1]] == (MONDAY + 4 * DAY, "Send your thank-you note to Ana María Ruiz")


def test_done_follow_ups_leave_the_calendar(journal):
    book, ana, ben = journal
    book.log_interaction(ana["id"], "thank_you", date=(MONDAY + 3 * DAY).isoformat())
    book.log_interaction(ben["id"], "follow_up", date=(MONDAY + 9 * DAY).isoformat())
    summaries = [str(e["summary"]) for e in _events(reminders_ics(book, today=MONDAY + 10 * DAY, now=NOW))]
    assert summaries == ["Keep in touch with Ana Ruiz"]
    book.log_interaction(ben["id"], "call", date=(MONDAY + 10 * DAY).isoformat())  # they answered
    assert [r.kind for r in reminders(book.read(), MONDAY + 10 * DAY)] == ["keep_in_touch"]


def test_a_calendar_carries_no_contact_detail_but_the_name(journal):
    book, ana, ben = journal
    text = reminders_ics(book, today=MONDAY + 3 * DAY, now=NOW)
    unfolded = text.replace("\r\n ", "")
    for private in ("ana@example.org", "555", "Prefers mornings", "private note", "City College", "Lecturer",
                    "Brightline", ana["id"], ben["id"], "iv-ana"):
        assert private not in unfolded, private


@pytest.mark.parametrize("name", [
    "Zoë; O'Brien, \\ \"Ñúñez\"", "<script>alert(1)</script>", "Nadia 🙂 Karim", "Line\r\nBEGIN:VEVENT\r\nUID:evil",
    "x" * 500,
])
def test_hostile_names_come_back_exactly_and_inject_nothing(name):
    doc = empty_document()
    doc["contacts"].append({"id": "c-1", "name": name, "category": "school", "follow_up": MONDAY.isoformat(),
                            "status": "to_contact", "introduced_by": None})
    text = reminders_ics(doc, today=MONDAY, now=NOW)
    events = _events(text)
    assert len(events) == 1 and text.split("\r\n").count("BEGIN:VEVENT") == 1
    assert not any(line.startswith("UID:evil") for line in text.split("\r\n"))
    shown = " ".join(name.split())
    assert str(events[0]["summary"]) == f"Keep in touch with {shown}"
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def test_hand_edited_dates_that_are_not_dates_are_left_out():
    doc = empty_document()
    doc["contacts"].append({"id": "c-1", "name": "Ana", "category": "school", "follow_up": "next spring",
                            "status": "to_contact", "introduced_by": None})
    doc["interviews"].append({"id": "iv", "name": "Ana", "date": 20310303})
    assert _events(reminders_ics(doc, today=MONDAY, now=NOW)) == []


def test_write_reminders_puts_an_owner_only_file_beside_the_journal(journal):
    book, _, _ = journal
    path = write_reminders(book, today=MONDAY + 3 * DAY)
    assert path == book.path.with_name(FILENAME)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [_shown(e)[1] for e in _events(path.read_text(encoding="utf-8"))][0].startswith("No answer from Ben Ito")
    before = path.read_bytes()
    write_reminders(book, today=MONDAY + 3 * DAY)
    assert {str(e["uid"]) for e in _events(path.read_text(encoding="utf-8"))} == {
        str(e["uid"]) for e in _events(before.decode("utf-8"))}
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
