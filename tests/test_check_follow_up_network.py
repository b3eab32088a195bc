"""Follow-up and network-log checks over real journals."""

import json

import pytest

from workbook.checks.follow_up import check_follow_up, thank_you_due
from workbook.checks.network import check_network
from workbook.journal import Journal


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.json")


def interview_with(journal, thank_you_on=None, referral=True, asked=True, date="2026-10-20"):
    lena = journal.add_contact(name="Lena Park", category="alumni", added="2026-10-01")
    journal.log_interaction(lena["id"], "informational_interview", date=date, minutes=30)
    record = journal.save_record("interviews", {"contact_id": lena["id"], "name": "Lena Park", "date": date,
                                                "asked_for_referral": asked})
    if thank_you_on:
        journal.log_interaction(lena["id"], "thank_you", date=thank_you_on)
    if referral:
        journal.add_contact(name="Raj Patel", category="work", introduced_by=lena["id"], added="2026-10-21")
    return record


@pytest.mark.parametrize("sent, on_time, message", [
    ("2026-10-20", True, "It went out 0 day(s) after the interview, on time."),
    ("2026-10-22", True, "It went out 2 day(s) after the interview, on time."),
    ("2026-10-23", False, "It went out 3 day(s) after the interview, later than two days."),
    ("2026-10-25", False, "It went out 5 day(s) after the interview, later than two days."),
])
def test_thank_you_within_two_days(journal, sent, on_time, message):
    record = interview_with(journal, thank_you_on=sent)
    report = check_follow_up(journal, record["id"])
    assert report.ids == ["thank_you_sent", "thank_you_on_time", "referral_asked", "referral_added"]
    assert report["thank_you_sent"].passed
    assert report["thank_you_sent"].message == f"Thank-you note sent on {sent}."
    assert (report["thank_you_on_time"].passed, report["thank_you_on_time"].message) == (on_time, message)


def test_a_note_before_the_interview_does_not_count(journal):
    record = interview_with(journal, thank_you_on="2026-10-19")
    report = check_follow_up(journal, record["id"])
    assert not report["thank_you_sent"].passed
    assert not report["thank_you_on_time"].passed


def test_no_referral_asked_or_added(journal):
    record = interview_with(journal, thank_you_on="2026-10-21", referral=False, asked=False)
    report = check_follow_up(journal)
    assert [i.id for i in report.failed] == ["referral_asked", "referral_added"]
    assert report["referral_added"].message == "No contact in your journal was introduced by this person yet."
    assert check_follow_up(journal.read(), record["id"]).as_dict() == report.as_dict()


def test_a_full_follow_up_passes(journal):
    interview_with(journal, thank_you_on="2026-10-21")
    report = check_follow_up(journal)
    assert report.passed
    assert report["referral_added"].message == "You added 1 new contact(s) introduced by Lena Park."


def test_no_interview_yet_and_unknown_ids(journal):
    assert check_follow_up(journal).ids == ["interview_recorded"]
    assert check_follow_up(journal).items[0].message == "No interview is recorded yet."
    assert check_follow_up(journal, "i-nope").items[0].message == "No interview 'i-nope' is recorded."


def test_an_interview_matched_by_name_when_not_linked(journal):
    lena = journal.add_contact(name="Lena Park", category="alumni")
    journal.log_interaction(lena["id"], "thank_you", date="2026-10-21")
    journal.save_record("interviews", {"name": "  lena park ", "date": "2026-10-20"})
    assert check_follow_up(journal)["thank_you_on_time"].passed
    journal.save_record("interviews", {"name": "Somebody Else", "date": "2026-10-20", "id": "x"})
    report = check_follow_up(journal, "x")
    assert report["thank_you_sent"].message == "This interview is not linked to a contact in your journal."


def test_thank_you_due_date():
    assert str(thank_you_due("2026-12-31")) == "2027-01-02"
    assert thank_you_due("soon") is None


def test_a_sound_network_passes(journal):
    ana = journal.add_contact(name="Ana", category="family_friends")
    journal.add_contact(name="Ben", category="work", introduced_by=ana["id"])
    report = check_network(journal)
    assert report.ids == ["has_contacts", "no_duplicates", "categories_valid", "referrals_resolve",
                          "no_referral_loops", "interactions_linked"]
    assert report.passed
    assert report["has_contacts"].message == "Your network has 2 contact(s)."


def test_an_empty_network(journal):
    report = check_network(journal)
    assert [i.id for i in report.failed] == ["has_contacts"]


def test_a_hand_edited_journal_with_every_problem(journal):
    """Entry rules stop these at the widgets, but a hand-edited file can still hold them."""
    doc = journal.read()
    doc["contacts"] = [
        {"id": "a", "name": "Ana", "organization": "Acme", "category": "family_friends", "introduced_by": "b"},
        {"id": "b", "name": "ana ", "organization": "ACME", "category": "family_friends", "introduced_by": "a"},
        {"id": "c", "name": "<b>Cy</b>", "category": "pets", "introduced_by": "ghost"},
    ]
    doc["interactions"] = [{"id": "i", "contact_id": "zz", "kind": "call", "date": "2026-10-01"}]
    journal.path.write_text(json.dumps(doc))
    report = check_network(journal)
    assert [i.id for i in report.failed] == ["no_duplicates", "categories_valid", "referrals_resolve",
                                             "no_referral_loops", "interactions_linked"]
    assert report["no_duplicates"].message == "Listed more than once: Ana, ana."
    assert report["categories_valid"].message == "Unknown category for: <b>Cy</b>."
    assert report["referrals_resolve"].message == "Introduced by someone missing from the journal: <b>Cy</b>."
    assert report["no_referral_loops"].message == "These introductions go round in a circle: Ana, ana."
    assert report["interactions_linked"].message == "1 interaction(s) refer to contacts that are not in the journal."
    assert "<b>Cy</b>" not in report._repr_html_()
    assert "&lt;b&gt;Cy&lt;/b&gt;" in report._repr_html_()
