"""Follow-up, network-log and network-map checks over real journals."""

import json

import pytest

from workbook.checks.follow_up import check_follow_up, thank_you_due
import workbook
from workbook.checks import selfcheck
from workbook.checks.network import MIN_MAP_CONTACTS, MIN_MAP_GROUPS, check_network, check_network_map
from workbook.journal.location import ENV_VAR
from workbook.journal.model import Journal
from workbook.journal.schema import empty_document
from workbook.journal.vocabulary import CATEGORIES


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


# -- the network map: breadth ------------------------------------------------------------------

GROUPS = list(CATEGORIES)  # family_friends, school, alumni, work, associations, community, online
REASONS_SAID = "say how you know them or why you would talk to them"


def map_of(journal, people, groups=4, noted=None):
    """``people`` contacts dealt round the first ``groups`` groups; the first ``noted`` say how they are known."""
    noted = people if noted is None else noted
    for n in range(people):
        journal.add_contact(name=f"Person {n}", category=GROUPS[n % groups],
                            how_found="We met at the campus job fair" if n < noted else "")
    return journal


def contact(n, **fields):
    return {"id": f"c-{n}", "name": f"Person {n}", "category": "school", **fields}


def test_the_targets_are_ten_people_in_four_groups():
    assert (MIN_MAP_CONTACTS, MIN_MAP_GROUPS) == (10, 4)
    assert workbook.check_network_map is check_network_map
    assert "check_network_map" in workbook.checks.__all__


@pytest.mark.parametrize("people, passed, message", [
    (9, False, "Your map has 9 people; aim for at least 10."),
    (10, True, "Your map has 10 people; the target is at least 10."),
])
def test_enough_contacts_needs_ten_people(journal, people, passed, message):
    report = check_network_map(map_of(journal, people))
    assert report.title == "Network map check"
    assert report.ids == ["enough_contacts", "several_groups", "reasons_noted"]
    assert (report["enough_contacts"].passed, report["enough_contacts"].message) == (passed, message)
    assert report.passed is passed


@pytest.mark.parametrize("groups, passed, message", [
    (3, False, "Your contacts come from 3 of the 7 groups; aim for at least 4. Still empty: "
               "Work (co-workers, supervisors); Associations and clubs; Community; Online."),
    (4, True, "Your contacts come from 4 of the 7 groups; the target is at least 4."),
])
def test_several_groups_needs_four_and_names_the_empty_ones(journal, groups, passed, message):
    report = check_network_map(map_of(journal, 10, groups=groups))
    assert (report["several_groups"].passed, report["several_groups"].message) == (passed, message)
    assert [i.id for i in report.failed] == ([] if passed else ["several_groups"])


@pytest.mark.parametrize("noted, passed, message", [
    (4, False, f"4 of your 10 contact(s) {REASONS_SAID}; aim for at least half (5)."),
    (5, True, f"5 of your 10 contact(s) {REASONS_SAID}."),
])
def test_reasons_noted_for_at_least_half(journal, noted, passed, message):
    report = check_network_map(map_of(journal, 10, noted=noted))
    assert (report["reasons_noted"].passed, report["reasons_noted"].message) == (passed, message)


def test_a_why_counts_as_much_as_a_how_and_blank_or_non_text_notes_do_not():
    """Half of 9 rounds up to 5; whitespace, numbers and lists (a hand-edited file) are not notes."""
    doc = empty_document()
    doc["contacts"] = [contact(0, how_found="Lab partner"), contact(1, why="Works in water policy"),
                       contact(2, how_found="  \n\t ", why=""), contact(3, how_found=42), contact(4, why=["x"]),
                       contact(5, how_found=None), contact(6), contact(7, why="\u00bfQui\u00e9n sabe?"),
                       contact(8, how_found="\u540c\u5b66")]
    report = check_network_map(doc)
    assert report["reasons_noted"].message == f"4 of your 9 contact(s) {REASONS_SAID}; aim for at least half (5)."
    doc["contacts"][6]["why"] = "Knows the county's hiring"
    assert check_network_map(doc)["reasons_noted"].message == f"5 of your 9 contact(s) {REASONS_SAID}."


def test_unknown_categories_are_not_groups():
    doc = empty_document()
    odd = ["pets", "", None, "FAMILY_FRIENDS", "<script>alert(1)</script>", ["work"], "work "]
    doc["contacts"] = [contact(n, category=c, how_found="x") for n, c in enumerate(["school", "alumni", "online"] + odd)]
    report = check_network_map(doc)
    assert report["enough_contacts"].passed
    assert report["several_groups"].message == (
        "Your contacts come from 3 of the 7 groups; aim for at least 4. Still empty: Family and friends; "
        "Work (co-workers, supervisors); Associations and clubs; Community.")
    assert "<script>" not in report._repr_html_()


def test_the_same_person_twice_counts_once_and_hostile_names_stay_text():
    hostile = "<img src=x onerror=alert(1)>"
    doc = empty_document()
    names = [hostile, f"  {hostile.upper()} ", "Zo\u00eb \u00d1\u00fa\u00f1ez", "\u674e\u4f1f", "\u0641\u0627\u0637\u0645\u0629",
             "\u202eevil\u202c", "Sam O'Brien", "Robert'); DROP TABLE students;--", "A", "B"]
    doc["contacts"] = [{"id": f"c-{n}", "name": name, "category": GROUPS[n % 4], "why": name}
                       for n, name in enumerate(names)]
    report = check_network_map(doc)
    assert report["enough_contacts"].message == "Your map has 9 people; aim for at least 10."
    assert report["reasons_noted"].message == f"10 of your 10 contact(s) {REASONS_SAID}."
    html = report._repr_html_()
    assert "<img" not in html and "onerror" not in html
    doc["contacts"].append({"id": "c-x", "name": "C", "category": "online"})
    assert check_network_map(doc).passed


def test_an_empty_journal_fails_every_item(journal):
    report = check_network_map(journal)
    assert report.as_dict() == {"title": "Network map check", "passed": False, "items": [
        {"id": "enough_contacts", "passed": False, "message": "Your map has 0 people; aim for at least 10.",
         "hint": "Go through the groups one at a time and add everyone who fits, not only the people you know best."},
        {"id": "several_groups", "passed": False, "message":
            "Your contacts come from 0 of the 7 groups; aim for at least 4. Still empty: Family and friends; "
            "School (professors, staff, classmates); Alumni; Work (co-workers, supervisors); Associations and clubs; "
            "Community; Online.",
         "hint": "Think of one person from a group you have not used yet."},
        {"id": "reasons_noted", "passed": False, "message": "No contacts yet, so no notes on how you know them.",
         "hint": "For each person, note how you know them and why they could help you learn about a field."},
    ]}
    assert check_network_map(journal.read()).as_dict() == report.as_dict()
    assert check_network_map(journal.path).as_dict() == report.as_dict()


def test_one_person_and_lower_targets():
    doc = empty_document()
    doc["contacts"] = [contact(0, how_found="Neighbour")]
    report = check_network_map(doc, min_contacts=1, min_groups=1)
    assert report.passed
    assert report["enough_contacts"].message == "Your map has 1 person; the target is at least 1."
    assert report["several_groups"].message == "Your contacts come from 1 of the 7 groups; the target is at least 1."


def test_a_huge_map_is_judged_in_full():
    doc = empty_document()
    doc["contacts"] = [contact(n, category=GROUPS[n % 7], why=("word " * 20_000) if n % 3 == 0 else "")
                       for n in range(6_000)]
    report = check_network_map(doc)
    assert [(i.passed, i.message) for i in report.items] == [
        (True, "Your map has 6000 people; the target is at least 10."),
        (True, "Your contacts come from 7 of the 7 groups; the target is at least 4."),
        (False, f"2000 of your 6000 contact(s) {REASONS_SAID}; aim for at least half (3000)."),
    ]


def test_the_map_self_check_reads_the_usual_journal(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere.json"))
    map_of(Journal(tmp_path / "elsewhere.json"), 10)
    assert selfcheck.network_map().passed
    assert selfcheck.network_map(Journal(tmp_path / "other.json"))["enough_contacts"].message == (
        "Your map has 0 people; aim for at least 10.")
