"""Self-checks find the latest saved work in the journal and judge it with the shared checks."""

import pytest

from workbook.checks import selfcheck
from workbook.journal.location import ENV_VAR
from workbook.journal.model import Journal


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.json")


@pytest.mark.parametrize("name, title, what", [
    ("pitch", "Pitch check", "pitch"),
    ("question_plan", "Question plan check", "question plan"),
    ("request_email", "Request email check", "request email"),
    ("interview", "Interview record check", "interview record"),
])
def test_nothing_saved_yet_gives_one_failing_item(journal, name, title, what):
    report = getattr(selfcheck, name)(journal)
    assert report.title == title
    assert report.ids == ["saved"]
    assert not report.passed
    assert report["saved"].message == f"No {what} is saved in your journal yet."


def test_the_latest_pitch_draft_is_the_one_judged(journal):
    journal.save_record("pitch_drafts", {"id": "old", "parts": {}, "target_seconds": 15})
    journal.save_record("pitch_drafts", {"id": "new", "target_seconds": 30, "parts": {
        "name_studies": "I am Ana Ruiz, studying environmental science at Bay College.",
        "career_interest": "I want to build clean water systems for growing cities.",
        "position_sought": "I am looking for a summer internship in a water utility lab."}})
    report = selfcheck.pitch(journal)
    assert report["core_components"].passed
    assert "30 s" in report["timing"].message


def test_request_email_uses_the_students_name_for_the_close(journal):
    journal.set_student_name("Ana Ruiz")
    body = ("Dear Ms. Park,\n\nProfessor Diaz suggested I write to you. Could we talk for 20 minutes at your "
            "convenience? I am after information and advice, not asking for a job.\n\nThank you,\nAna Ruiz")
    journal.save_record("email_drafts", {"body": body, "contact_id": None, "subject": "Advice"})
    assert selfcheck.request_email(journal).passed
    journal.set_student_name("Someone Else")
    assert not selfcheck.request_email(journal)["polite_close"].passed


def test_question_plan_interview_follow_up_and_network(journal):
    journal.save_record("question_plans", {"questions": [{"text": "What is a typical day like for you?"}]})
    assert selfcheck.question_plan(journal)["count"].message.startswith("You have 1 question")
    lena = journal.add_contact(name="Lena Park", category="alumni")
    journal.save_record("interviews", {"contact_id": lena["id"], "name": "Lena Park", "date": "2026-10-20"})
    assert selfcheck.interview(journal)["name"].passed
    assert selfcheck.follow_up(journal).ids == ["thank_you_sent", "thank_you_on_time", "referral_asked",
                                                "referral_added"]
    assert selfcheck.network(journal)["has_contacts"].message == "Your network has 1 contact(s)."


def test_with_no_argument_the_journal_is_found_by_its_usual_rules(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere.json"))
    Journal(tmp_path / "elsewhere.json").add_contact(name="Kim", category="work")
    assert selfcheck.network()["has_contacts"].passed
