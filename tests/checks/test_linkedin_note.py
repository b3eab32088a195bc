"""The LinkedIn note check: 300 characters that still say who, how they were found, and what is asked."""

from __future__ import annotations

import pytest

import workbook
from workbook.checks import check_linkedin_note, registry, selfcheck
from workbook.journal.schema import empty_document

GOOD = ("Hi Ms. Okonkwo, I'm a second-year nursing student at Lakeside. Prof. Hale suggested I reach out. "
        "Would you have 20 minutes for a call about your path into oncology nursing? Thank you, Priya")


def verdicts(report):
    return {item.id: (item.passed, item.review) for item in report.items}


def test_a_good_note_passes_every_item_for_sure():
    report = check_linkedin_note(GOOD, sender_name="Priya Natarajan")
    assert report.ids == ["who_you_are", "how_found", "what_you_ask", "no_job_request", "limit"]
    assert verdicts(report) == dict.fromkeys(report.ids, (True, False))
    assert report["limit"].message == f"The note is {len(GOOD)} characters, within LinkedIn's 300."


@pytest.mark.parametrize("length, passed", [(299, True), (300, True), (301, False)])
def test_the_limit_is_300_characters(length, passed):
    text = (GOOD + " " + "x" * 400)[:length]
    item = check_linkedin_note(text)["limit"]
    assert item.passed is passed
    if not passed:
        assert item.message == "The note is 301 characters; LinkedIn allows 300."
        assert item.hint.startswith("Cut 1 characters")


def test_characters_are_counted_as_a_person_sees_them():
    # Accents and emoji are one character each, as LinkedIn counts them; surrounding blank space is not sent.
    text = "  " + "\u00e9" * 150 + "\U0001f600" * 150 + "\n"
    assert check_linkedin_note(text)["limit"].passed is True


@pytest.mark.parametrize("text, who, found, ask", [
    ("Hi Sean, I'm Tyler, a first-year apprentice. We met at the union hall. Could we talk for 15 min?",
     True, True, True),
    ("Hi Dalia, I found your studio through the portfolio night. Would you have 20 minutes for a call?",
     False, True, True),
    ("Hi, would you have time for a quick call? I have some questions about oncology nursing.", False, False, True),
    ("I'd like to add you to my professional network on LinkedIn.", False, False, False),
    ("Hi Marco, fellow Riverside alum here (CS '27). I'd love 15 min to hear how you got into SRE.", True, True, True),
    ("Hello Ms. Ito, I'm a social work student. I'm not asking about jobs, just hoping for 20 minutes of advice.",
     True, False, True),
])
def test_who_how_found_and_the_ask(text, who, found, ask):
    report = check_linkedin_note(text)
    assert (report["who_you_are"].passed, report["how_found"].passed, report["what_you_ask"].passed) == (
        who, found, ask)


def test_linkedin_itself_is_not_how_they_were_found():
    report = check_linkedin_note("I'm a student on LinkedIn. Could we chat for 20 minutes?")
    assert verdicts(report)["how_found"] == (False, False)
    assert report["how_found"].message == "The note does not say how you got their name."


def test_an_ask_for_a_job_is_no_ask_for_a_conversation():
    report = check_linkedin_note("Hi Marco, I'm a CS student at Riverside. Could you refer me for the SRE role?")
    assert verdicts(report)["no_job_request"] == (False, False)
    assert verdicts(report)["what_you_ask"] == (False, False)


def test_an_ask_the_check_cannot_place_goes_to_a_person():
    report = check_linkedin_note("Hi Sean, I'm an apprentice at Byrne & Sons. Would you mind if I followed your work?")
    assert verdicts(report)["what_you_ask"] == (False, True)


def test_a_blank_left_in_the_introduction_costs_the_point():
    item = check_linkedin_note("Hi, I'm a [year] student. Could we chat for 15 minutes?")["who_you_are"]
    assert (item.passed, item.review) == (False, False)


@pytest.mark.parametrize("hostile", ["Would you have " * 6_700, "<img src=x onerror=alert(1)>" * 4_000, "\u0000" * 100_000])
def test_hostile_notes_are_judged_in_one_pass(hostile):
    report = check_linkedin_note(hostile)
    assert len(report.items) == 5 and report["limit"].passed is False


def test_wrong_types_are_refused_with_their_name():
    with pytest.raises(ValueError, match="the note must be text, not NoneType"):
        check_linkedin_note(None)


def test_the_saved_note_is_checked_and_exported():
    assert workbook.check_linkedin_note is check_linkedin_note
    doc = empty_document()
    doc["linkedin_notes"] = [{"id": "li-1", "contact_id": None, "body": GOOD, "sent": None, "updated": "x"}]
    assert verdicts(selfcheck.run("linkedin_note", doc)) == dict.fromkeys(registry.get("linkedin_note").kinds.keys()
                                                                         - {"saved"}, (True, False))
