"""The thank-you note check: exact verdicts on good, borderline and bad notes after one interview record."""

from __future__ import annotations

import datetime as dt

import pytest

import workbook
from workbook.checks import check_thank_you, registry, selfcheck
from workbook.checks.details import shared_details
from workbook.journal.schema import empty_document

RECORD = {
    "id": "iv-1", "contact_id": "c-marco", "name": "Marco Alvarez", "occupation": "Site reliability engineer",
    "organization": "Brightline Software", "date": "2026-10-20", "minutes": 25,
    "answers": {"average_day": "Stand-up at nine, reviewing alerts, then automation work; on-call one week in six.",
                "advice": "Run your own small server, break it, fix it, and write down what happened."},
    "notes": "He showed me their incident dashboard. Suggested I talk to Mei Chen on the platform team.",
    "learned": "Incidents end in blameless postmortems. Terraform matters as much as coding.",
    "next_steps": "Do the Terraform tutorial this month.", "next_contact": "Mei Chen",
}
GOOD = """Hi Marco,

Thank you for your time on Tuesday and for showing me the incident dashboard. The idea of blameless
postmortems has stuck with me.

I'll start the Terraform tutorial this week and write to Mei Chen as you suggested.

Best regards,
Dana Reyes"""


def verdicts(report):
    return {item.id: (item.passed, item.review) for item in report.items}


def test_a_good_note_passes_every_item_for_sure():
    report = check_thank_you(GOOD, RECORD, sender_name="Dana Reyes", sent="2026-10-21")
    assert report.ids == ["addressed", "thanks_for_time", "specific", "next_step", "no_job_request",
                          "polite_close", "short", "on_time"]
    assert verdicts(report) == dict.fromkeys(report.ids, (True, False))
    # The long words are quoted first: they say most about which conversation this was.
    assert report["specific"].message == ("You mention something from the conversation (\u201cincident\u201d, "
                                          "\u201cdashboard\u201d, \u201cblameless\u201d).")
    assert report["on_time"].message == "Sent 1 day after the interview, on time."


def test_the_same_words_after_another_interview_are_not_specific():
    other = {**RECORD, "name": "Marco Alvarez", "answers": {"advice": "Learn to cook for a crowd of two hundred."},
             "notes": "We toured the kitchen.", "learned": "Chefs start at dawn.", "next_steps": "Apply to the course.",
             "next_contact": "Ana Diaz"}
    report = check_thank_you(GOOD, other, sender_name="Dana Reyes")
    assert verdicts(report)["specific"] == (False, False)
    assert report["specific"].message == ("Nothing in the note comes from your notes on this interview: it would fit "
                                          "any conversation.")


@pytest.mark.parametrize("text, expected", [
    # The person's name, employer and title are in every note, specific or not.
    ("Thank you for meeting me at Brightline Software about site reliability.", (False, False)),
    # One word of the record alone may be the field's own: a person reads it.
    ("Thank you; hearing about the alerts was useful.", (False, True)),
    # A name from the record is a detail on its own.
    ("Thank you; I have written to Mei Chen.", (True, False)),
    # Endings and typos: "postmortem" and "dashbord" still match.
    ("I loved the postmortem idea and the dashbord.", (True, False)),
    # A template blank is never a detail.
    ("I especially enjoyed hearing about [something specific they said].", (False, False)),
])
def test_specific_is_matched_against_the_record(text, expected):
    report = check_thank_you("Hi Marco,\n\n" + text + "\n\nBest,\nDana", RECORD, sender_name="Dana Reyes")
    assert verdicts(report)["specific"] == expected


def test_a_record_with_no_notes_sends_specific_to_a_person():
    bare = {"name": "Marco Alvarez", "date": "2026-10-20"}
    report = check_thank_you(GOOD, bare, sender_name="Dana Reyes")
    assert verdicts(report)["specific"] == (False, True)
    assert check_thank_you(GOOD, None, sender_name="Dana Reyes")["specific"].review is True


@pytest.mark.parametrize("opening, expected", [
    ("Dear Mr. Alvarez,", (True, False)),
    ("Hi Marco!", (True, False)),
    ("Marco, thank you for the chat.", (True, False)),
    ("Dear Mei,", (False, False)),  # another person the record names: a reused note
    ("Dear Mario,", (True, True)),  # a name the check cannot place: a person reads it
    ("Hello,", (False, False)),
    ("Dear Sir or Madam,", (False, False)),
    ("Dear [Name],", (False, False)),
    ("Thank you for your time.", (False, False)),
])
def test_addressed_to_the_person_interviewed(opening, expected):
    text = opening + "\n\nThank you for the incident dashboard tour. I'll do the Terraform tutorial.\n\nBest,\nDana"
    assert verdicts(check_thank_you(text, RECORD, sender_name="Dana Reyes"))["addressed"] == expected


def test_a_network_contact_named_in_the_greeting_is_the_wrong_person():
    text = "Dear Priya,\n\nThank you for the dashboard tour; I'll do the Terraform tutorial.\n\nBest,\nDana"
    assert verdicts(check_thank_you(text, RECORD, "Dana Reyes", others=("Priya Natarajan",)))["addressed"] == (
        False, False)
    assert verdicts(check_thank_you(text, RECORD, "Dana Reyes"))["addressed"] == (True, True)


@pytest.mark.parametrize("body, thanks, next_step", [
    ("Thanks a lot for the chat about postmortems. I'll try Terraform.", True, True),
    ("I appreciate the time you gave me. I have signed up for the Terraform tutorial.", True, True),
    ("Great to meet you! The postmortem idea was new to me.", False, False),
    ("Thank you in advance for considering my request.", False, False),
    ("I am not thankful for the alerts. I called Mei Chen yesterday.", False, True),
    ("Thank you. My plan: a small server this weekend.", True, True),
])
def test_thanks_and_next_step_are_read_clause_by_clause(body, thanks, next_step):
    report = check_thank_you(f"Hi Marco,\n\n{body}\n\nBest,\nDana", RECORD, sender_name="Dana")
    assert (report["thanks_for_time"].passed, report["next_step"].passed) == (thanks, next_step)


def test_the_close_a_group_signature_and_a_one_line_message():
    group = "Hi Marco,\n\nThank you for the dashboard tour. I'll do Terraform.\n\nBest regards,\nThe Careers Society"
    assert verdicts(check_thank_you(group, RECORD, "Dana Reyes"))["polite_close"] == (False, False)
    texted = "Hi Marco, thanks for the postmortem tips today. I'll set up the server tonight. Cheers, Dana"
    report = check_thank_you(texted, RECORD, "Dana Reyes")
    assert verdicts(report) == {**dict.fromkeys(report.ids, (True, False)), "on_time": (False, False)}
    own_words = "Dear Marco,\n\nThank you for the dashboard tour. I'll do Terraform.\n\nWith sincere thanks,\nDana Reyes"
    assert verdicts(check_thank_you(own_words, RECORD, "Dana Reyes"))["polite_close"] == (True, False)


def test_a_job_request_in_a_thank_you_note_costs_the_point():
    text = GOOD.replace("as you suggested.", "as you suggested. Are there any openings on your team?")
    report = check_thank_you(text, RECORD, sender_name="Dana Reyes")
    assert verdicts(report)["no_job_request"] == (False, False)
    assert report["no_job_request"].message.startswith("This reads like a job request: \u201cAre there any openings")


@pytest.mark.parametrize("sent, expected, message", [
    ("2026-10-20", True, "Sent 0 days after the interview, on time."),
    ("2026-10-22", True, "Sent 2 days after the interview, on time."),
    (dt.date(2026, 10, 23), False, "Sent 3 days after the interview, later than 2 days."),
    ("2026-10-19", False, "It is marked sent on 2026-10-19, before the interview on 2026-10-20."),
    (None, False, "Not sent yet: it is due by 2026-10-22."),
    ("not a date", False, "Not sent yet: it is due by 2026-10-22."),
])
def test_on_time_is_the_follow_up_rule_of_two_days(sent, expected, message):
    item = check_thank_you(GOOD, RECORD, "Dana Reyes", sent=sent)["on_time"]
    assert (item.passed, item.message) == (expected, message)
    undated = check_thank_you(GOOD, {**RECORD, "date": None}, "Dana Reyes", sent="2026-10-21")["on_time"]
    assert (undated.passed, undated.message) == (
        False, "The interview record has no date, so the note's deadline is unknown.")


def test_length_counts_the_note_not_the_signature_block():
    long = "Hi Marco,\n\n" + "Thank you for the dashboard tour. " * 40 + "\n\nBest,\nDana"
    assert check_thank_you(long, RECORD, "Dana")["short"].message == "The note is 244 words, over the 200-word limit."
    assert check_thank_you("", RECORD)["short"].message == "The note is empty."


@pytest.mark.parametrize("hostile", [
    "Dear Marco, thank you " * 5_000,
    "<script>alert(1)</script>\n" * 3_000,
    "a. " * 40_000,
    "\u202eMarco\u202c " * 10_000,
    "Terraform " * 12_000,
])
def test_hostile_notes_are_judged_in_one_pass(hostile):
    report = check_thank_you(hostile, RECORD, sender_name="Dana")
    assert len(report.items) == 8 and report["short"].passed is False


def test_wrong_types_are_refused_with_their_name():
    with pytest.raises(ValueError, match="the note must be text, not int"):
        check_thank_you(3, RECORD)
    with pytest.raises(ValueError, match="the interview must be a record"):
        check_thank_you("Hi", ["not", "a", "record"])
    with pytest.raises(ValueError, match="sender_name must be text or None, not list"):
        check_thank_you("Hi", RECORD, sender_name=["Dana"])


def test_details_reports_what_it_matched():
    found = shared_details("The dashboard and the postmortems, and Mei Chen.", RECORD)
    assert (found.shared, found.named, found.sure) == (("dashboard", "postmortems", "Mei", "Chen"), ("Mei", "Chen"),
                                                       True)


def test_the_saved_note_is_judged_against_its_interview_and_exported():
    assert workbook.check_thank_you is check_thank_you
    assert registry.get("thank_you").section == "thank_you_notes"
    doc = empty_document()
    doc["student"]["name"] = "Dana Reyes"
    doc["contacts"] = [{"id": "c-marco", "name": "Marco Alvarez"}, {"id": "c-mei", "name": "Mei Chen"}]
    doc["interviews"] = [RECORD]
    doc["thank_you_notes"] = [{"id": "ty-1", "interview_id": "iv-1", "contact_id": "c-marco", "body": GOOD,
                               "sent": "2026-10-22", "updated": "2026-10-22T09:00:00"}]
    report = selfcheck.run("thank_you", doc)
    assert verdicts(report) == dict.fromkeys(report.ids, (True, False))
    doc["thank_you_notes"][0]["body"] = GOOD.replace("Hi Marco,", "Hi Mei,")
    assert verdicts(selfcheck.run("thank_you", doc))["addressed"] == (False, False)
