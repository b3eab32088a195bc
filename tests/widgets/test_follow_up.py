"""Follow-up date rules (pure) and the follow-up tracker widget."""

import datetime as dt

import pytest

from workbook import Journal
from workbook.checks import selfcheck
from workbook.checks.follow_up_dates import (add_working_days, keep_in_touch, next_person, pending_requests,
                                      thank_yous_pending, working_days_between)
from workbook.journal.schema import empty_document
from workbook.widgets import follow_up_tracker

HOSTILE = "<img src=x onerror=alert(1)>"
FRI = dt.date(2026, 10, 2)
SAT = dt.date(2026, 10, 3)


def slow_add(day, count):
    while count:
        day += dt.timedelta(days=1)
        count -= day.weekday() < 5
    return day


def slow_between(start, end):
    return sum((start + dt.timedelta(days=k)).weekday() < 5 for k in range(1, (end - start).days + 1))


def test_working_days_skip_weekends():
    assert add_working_days(FRI, 1) == dt.date(2026, 10, 5)
    assert add_working_days(FRI, 3) == dt.date(2026, 10, 7)
    assert add_working_days(FRI, 7) == dt.date(2026, 10, 13)
    assert add_working_days(SAT, 5) == dt.date(2026, 10, 9)
    assert add_working_days(FRI, 0) == FRI
    assert working_days_between(FRI, dt.date(2026, 10, 5)) == 1
    assert working_days_between(FRI, SAT) == 0
    assert working_days_between(FRI, FRI) == 0 and working_days_between(SAT, FRI) == 0
    with pytest.raises(ValueError):
        add_working_days(FRI, -1)


def test_working_days_agree_with_counting_one_by_one():
    starts = [dt.date(2026, 9, 28) + dt.timedelta(days=i) for i in range(14)]
    for start in starts:
        for count in range(40):
            assert add_working_days(start, count) == slow_add(start, count), (start, count)
        for offset in range(-3, 60):
            end = start + dt.timedelta(days=offset)
            assert working_days_between(start, end) == (slow_between(start, end) if offset > 0 else 0)
    assert working_days_between(dt.date(2000, 1, 3), dt.date(2100, 1, 4)) == slow_between(
        dt.date(2000, 1, 3), dt.date(2100, 1, 4))


def doc_with(contacts=(), interactions=(), interviews=()):
    doc = empty_document()
    doc["contacts"] = [{"status": "to_contact", "priority": None, "follow_up": None, **c} for c in contacts]
    doc["interactions"] = list(interactions)
    doc["interviews"] = list(interviews)
    return doc


def test_thank_you_due_within_two_days_then_overdue():
    doc = doc_with([{"id": "c1", "name": "Ana"}], interviews=[
        {"id": "iv1", "contact_id": "c1", "name": "Ana", "date": "2026-10-05"},
        {"id": "iv2", "contact_id": None, "name": "Nobody", "date": "2026-10-06"},
        {"id": "iv3", "contact_id": "c1", "name": "Ana", "date": "2026-10-30"},  # not held yet
        {"id": "iv4", "name": "Ana", "date": None},
    ])
    notes = thank_yous_pending(doc, dt.date(2026, 10, 7))
    assert [(n.interview_id, n.contact_id, n.due, n.overdue) for n in notes] == [
        ("iv1", "c1", dt.date(2026, 10, 7), False), ("iv2", None, dt.date(2026, 10, 8), False)]
    assert thank_yous_pending(doc, dt.date(2026, 10, 8))[0].overdue is True
    doc["interactions"] = [{"id": "i", "contact_id": "c1", "kind": "thank_you", "date": "2026-10-06"}]
    assert [n.interview_id for n in thank_yous_pending(doc, dt.date(2026, 10, 8))] == ["iv2"]
    # A note sent before the interview does not count for it.
    doc["interactions"][0]["date"] = "2026-10-01"
    assert [n.interview_id for n in thank_yous_pending(doc, dt.date(2026, 10, 8))] == ["iv1", "iv2"]


@pytest.mark.parametrize("today, stage, act_on, waited", [
    (dt.date(2026, 10, 6), "waiting", dt.date(2026, 10, 7), 2),
    (dt.date(2026, 10, 7), "try_next", dt.date(2026, 10, 13), 3),
    (dt.date(2026, 10, 12), "try_next", dt.date(2026, 10, 13), 6),
    (dt.date(2026, 10, 13), "second_nudge", dt.date(2026, 10, 13), 7),
])
def test_request_stages_by_working_days(today, stage, act_on, waited):
    doc = doc_with([{"id": "c1", "name": "Ana", "status": "requested"}],
                   [{"id": "i1", "contact_id": "c1", "kind": "request_email", "date": "2026-10-02"}])
    [request] = pending_requests(doc, today)
    assert (request.stage, request.act_on, request.working_days, request.sent) == (
        stage, act_on, waited, dt.date(2026, 10, 2))


def test_answered_or_reminded_requests():
    base = [{"id": "i1", "contact_id": "c1", "kind": "request_email", "date": "2026-10-02"}]
    contacts = [{"id": "c1", "name": "Ana", "status": "requested"}]
    late = dt.date(2026, 10, 20)
    reminded = base + [{"id": "i2", "contact_id": "c1", "kind": "follow_up", "date": "2026-10-14"}]
    assert pending_requests(doc_with(contacts, reminded), late)[0].stage == "nudged"
    early_reminder = base + [{"id": "i2", "contact_id": "c1", "kind": "follow_up", "date": "2026-10-06"}]
    assert pending_requests(doc_with(contacts, early_reminder), late)[0].stage == "second_nudge"
    called = base + [{"id": "i2", "contact_id": "c1", "kind": "call", "date": "2026-10-05"}]
    assert pending_requests(doc_with(contacts, called), late) == []
    assert pending_requests(doc_with([{**contacts[0], "status": "interviewed"}], base), late) == []
    assert pending_requests(doc_with(contacts, base), dt.date(2026, 10, 1)) == []


def test_keep_in_touch_and_next_person():
    doc = doc_with([
        {"id": "a", "name": "Ana", "follow_up": "2026-10-01", "priority": "low"},
        {"id": "b", "name": "Bo", "follow_up": "2026-10-05", "priority": "high", "status": "requested"},
        {"id": "c", "name": "Cy", "follow_up": "2026-12-01", "priority": "medium"},
        {"id": "d", "name": "Di"},
    ])
    assert [(k.name, k.state) for k in keep_in_touch(doc, dt.date(2026, 10, 5))] == [
        ("Ana", "overdue"), ("Bo", "today"), ("Cy", "upcoming")]
    assert next_person(doc)["name"] == "Cy"
    assert next_person(doc, exclude=["c"])["name"] == "Ana"
    assert next_person(doc, exclude=["a", "c"]) is None


def test_tracker_lists_and_marks_a_thank_you_sent(path, on_disk):
    j = Journal(path)
    ana = j.add_contact(name=HOSTILE, category="work", added="2026-09-01", follow_up="2026-11-01")
    j.save_record("interviews", {"id": "iv1", "contact_id": ana["id"], "name": HOSTILE, "date": "2026-10-05"})
    w = follow_up_tracker(path, today=dt.date(2026, 10, 9))
    shown = w.thank_yous.children[0].children[0].value
    assert "overdue since 2026-10-08" in shown
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "&lt;img src=x onerror=alert(1)&gt; (overdue)" not in w.keep_in_touch.value
    assert "2026-11-01: &lt;img src=x onerror=alert(1)&gt;</li>" in w.keep_in_touch.value
    w.sent_on.value = dt.date(2026, 10, 6)
    w.thank_you_buttons["iv1"].click()
    [note] = on_disk(path)["interactions"]
    assert (note["kind"], note["date"], note["contact_id"]) == ("thank_you", "2026-10-06", ana["id"])
    assert w.thank_you_buttons == {}
    assert "No thank-you notes waiting." in w.thank_yous.children[0].value
    assert w.status.text.endswith("(thank-you note logged)")
    assert selfcheck.follow_up(j)["thank_you_on_time"].passed


def test_tracker_reminder_and_next_person(path, on_disk):
    j = Journal(path)
    ana = j.add_contact(name="Ana", category="work", priority="high")
    j.add_contact(name="Bo", category="work", priority="medium")
    j.log_interaction(ana["id"], "request_email", date="2026-10-02")
    w = follow_up_tracker(path, today=dt.date(2026, 10, 14))
    texts = [getattr(c, "value", "") or c.children[0].value for c in w.requests.children]
    assert "send one short, polite reminder" in texts[0]
    assert texts[-1] == "<p>Next on your list: <strong>Bo</strong>.</p>"
    w.sent_on.value = dt.date(2026, 10, 14)
    w.reminder_buttons[ana["id"]].click()
    assert [i["kind"] for i in on_disk(path)["interactions"]] == ["request_email", "follow_up"]
    assert "Your reminder went out" in w.requests.children[0].value


def test_tracker_on_a_corrupt_journal(path):
    path.write_text("{")
    w = follow_up_tracker(path, today=dt.date(2026, 10, 14))
    assert "is not valid JSON" in w.status.text
    assert w.mark_thank_you("c-missing") is False
    assert path.read_text() == "{"


def test_calendar_button_writes_one_file_beside_the_journal_and_updates_it(path):
    import base64
    import html
    import re

    import icalendar

    j = Journal(path)
    ana = j.add_contact(name=HOSTILE, category="work", added="2026-09-01", follow_up="2026-11-01")
    j.save_record("interviews", {"id": "iv1", "contact_id": ana["id"], "name": HOSTILE, "date": "2026-10-05"})
    w = follow_up_tracker(path, today=dt.date(2026, 10, 6))
    assert w.calendar_info.value == ""
    w.calendar_button.click()
    target = path.with_name("networking_reminders.ics")
    assert target.is_file() and (target.stat().st_mode & 0o077) == 0
    shown = w.calendar_info.value
    assert f"2 reminder(s) written to <code>{html.escape(str(target))}</code>" in shown
    assert "<img" not in shown and "Settings, then Import &amp; export" in shown
    [href] = re.findall(r"href='data:text/calendar;charset=utf-8;base64,([A-Za-z0-9+/=]+)' "
                        r"download='networking_reminders.ics'", shown)
    assert base64.b64decode(href) == target.read_bytes()
    first = {str(e["uid"]): str(e["summary"]) for e in icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")}
    assert sorted(first.values()) == [f"Keep in touch with {HOSTILE}", f"Send your thank-you note to {HOSTILE}"]

    j.update_contact(ana["id"], follow_up="2026-11-08")
    w.calendar_button.click()  # a second click: the same file, the same events, the new date
    again = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert {str(e["uid"]) for e in again} == set(first)
    assert sorted(e.decoded("dtstart") for e in again) == [dt.date(2026, 10, 7), dt.date(2026, 11, 8)]
    assert sorted(p.name for p in path.parent.iterdir() if p.suffix == ".ics") == ["networking_reminders.ics"]


def test_calendar_button_on_a_corrupt_journal_says_why(path):
    path.write_text("{")
    w = follow_up_tracker(path, today=dt.date(2026, 10, 6))
    assert w.export_calendar() is None
    assert "The calendar file could not be written:" in w.calendar_info.value and "not valid JSON" in w.calendar_info.value
    assert not path.with_name("networking_reminders.ics").exists()
