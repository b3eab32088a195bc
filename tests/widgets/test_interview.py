"""The interview recorder widget, headless, on a journal in a temporary folder."""

import datetime as dt

import pytest

from workbook import Journal
from workbook.checks import selfcheck
from workbook.checks.question_bank import required_questions
from workbook.widgets import interview_recorder
from workbook.widgets.interview import InterviewRecorder

HOSTILE = "<img src=x onerror=alert(1)>"
TODAY = dt.date(2026, 10, 20)
ANSWER = "She described planning the week's patient visits, then long shifts on the ward with a team of six."
# Nine different notes: one note pasted into every box is what the interview check refuses.
NOTES = {
    "average_day": ANSWER,
    "working_conditions": "A busy ward of thirty beds, loud at night, with a quiet room for handovers.",
    "likes_dislikes": "Likes the patients and her team; dislikes the charting that eats an hour a day.",
    "preparation": "A BSN, then a year on a medical floor before she moved to oncology.",
    "skills": "Calm under pressure, careful dosing, and explaining treatment to frightened families.",
    "entry_earnings": "New graduate nurses start near $31 an hour, more on nights.",
    "advancement": "Charge nurse after three years, then unit manager or a nurse practitioner degree.",
    "outlook": "Strong: the hospital hires every spring because many senior nurses retire.",
    "advice": "Take the oncology elective and volunteer at the cancer centre before applying.",
}


@pytest.fixture
def ana(path):
    return Journal(path).add_contact(name="Ana Ruiz", category="work", occupation="Nurse", organization="Clinic")


def complete(w, contact_id):
    w.fields["contact_id"].value = contact_id
    w.fields["date"].value = dt.date(2026, 10, 14)
    w.fields["minutes"].value = "25"
    for q in required_questions():
        w.fields[f"answers.{q.id}"].value = NOTES[q.id]
    w.fields["learned"].value = "Night shifts rotate monthly; charting takes an hour a day; unions set the pay scale."
    w.fields["next_steps"].value = "Email the ward manager she named by Friday."
    w.fields["asked_for_referral"].value = True
    w.fields["next_contact"].value = "Dr. Okafor"


def test_choosing_a_contact_fills_who_they_are(path, ana):
    w = interview_recorder(path)
    w.fields["contact_id"].value = ana["id"]
    assert [w.fields[k].value for k in ("name", "occupation", "organization")] == ["Ana Ruiz", "Nurse", "Clinic"]


def test_full_record_is_saved_logged_once_and_restored(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    assert 'data-id="length" data-passed="true"' in w.report.value
    assert w.flush()
    assert w.status.text.endswith("(interview logged in your network)")
    doc = on_disk(path)
    [record] = doc["interviews"]
    [interaction] = doc["interactions"]
    assert (interaction["kind"], interaction["date"], interaction["minutes"], interaction["contact_id"]) == (
        "informational_interview", "2026-10-14", 25, ana["id"])
    assert record["interaction_id"] == interaction["id"]
    assert {k: record[k] for k in ("contact_id", "name", "occupation", "organization", "date", "minutes",
                                   "asked_for_referral", "next_contact")} == {
        "contact_id": ana["id"], "name": "Ana Ruiz", "occupation": "Nurse", "organization": "Clinic",
        "date": "2026-10-14", "minutes": 25, "asked_for_referral": True, "next_contact": "Dr. Okafor"}
    assert record["answers"]["skills"] == NOTES["skills"]
    assert doc["contacts"][0]["status"] == "interviewed"
    assert selfcheck.interview(w.journal).passed

    # Saving again (and after a restart) never logs the interview twice.
    w.fields["notes"].value = "Bring a resume next time."
    w.save_button.click()
    again = InterviewRecorder(path, today=TODAY)
    assert again.fields["notes"].value == "Bring a resume next time."
    assert again.fields["answers.outlook"].value == NOTES["outlook"]
    assert again.fields["minutes"].value == "25" and again.fields["date"].value == dt.date(2026, 10, 14)
    assert again.fields["asked_for_referral"].value is True
    assert again.fields["contact_id"].value == ana["id"]
    again.fields["learned"].value = "More."
    again.flush()
    doc = on_disk(path)
    assert len(doc["interactions"]) == 1 and len(doc["interviews"]) == 1


def test_correcting_the_date_or_length_corrects_the_logged_interview(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    w.save()
    [first] = on_disk(path)["interactions"]
    w.fields["date"].value = dt.date(2026, 10, 12)
    w.fields["minutes"].value = "35"
    w.save()
    assert w.status.text.endswith("(the logged interview was corrected to match)")
    [corrected] = on_disk(path)["interactions"]
    assert (corrected["id"], corrected["date"], corrected["minutes"]) == (first["id"], "2026-10-12", 35)


def test_a_second_interview_gets_its_own_record(path, ana, on_disk):
    bo = Journal(path).add_contact(name="Bo", category="alumni")
    w = InterviewRecorder(path, today=TODAY)
    complete(w, ana["id"])
    w.save()
    w.new_button.click()
    assert w.fields["name"].value == "" and w.record_id is None
    w.fields["contact_id"].value = bo["id"]
    w.fields["date"].value = dt.date(2026, 10, 18)
    w.save()
    doc = on_disk(path)
    assert sorted(r["name"] for r in doc["interviews"]) == ["Ana Ruiz", "Bo"]
    assert sorted(i["contact_id"] for i in doc["interactions"]) == sorted([ana["id"], bo["id"]])
    labels = [label for label, _ in w.chooser.options]
    assert labels == ["(a new interview)", "Bo, 2026-10-18", "Ana Ruiz, 2026-10-14"]
    w.chooser.value = next(v for label, v in w.chooser.options if label.startswith("Ana"))
    assert w.fields["next_contact"].value == "Dr. Okafor"


def test_future_date_is_saved_but_not_logged(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    w.fields["contact_id"].value = ana["id"]
    w.fields["date"].value = TODAY + dt.timedelta(days=3)
    assert w.save()
    assert "not logged in your network until the date has come" in w.status.text
    assert on_disk(path)["interactions"] == []
    assert 'data-id="date" data-passed="false"' in w.report.value


def test_bad_minutes_are_refused_inline_and_nothing_is_written(path, ana):
    w = InterviewRecorder(path, today=TODAY)
    before = path.read_bytes()
    w.fields["minutes"].value = "half an hour"
    assert 'data-id="length" data-passed="false"' in w.report.value
    assert w.flush() is False
    assert "is not a number of minutes" in w.form.messages["minutes"].value
    assert path.read_bytes() == before
    assert w.fields["minutes"].value == "half an hour"


def test_hostile_and_huge_text(path, ana, on_disk):
    w = InterviewRecorder(path, today=TODAY)
    w.fields["name"].value = HOSTILE
    w.fields["answers.advice"].value = HOSTILE * 3
    assert "<img" not in w.report.value and "&lt;img src=x onerror=alert(1)&gt;" in w.report.value
    assert w.flush()
    assert on_disk(path)["interviews"][0]["name"] == HOSTILE
    assert ("(no name yet)" not in w.chooser.options[1][0]) and w.chooser.options[1][0].startswith(HOSTILE)
    before = path.read_bytes()
    huge = "é" * 100_000
    w.fields["answers.advice"].value = huge
    assert w.flush() is False
    assert "100,000 characters long" in w.form.messages["answers.advice"].value
    assert w.fields["answers.advice"].value == huge
    assert path.read_bytes() == before


def test_corrupt_journal_is_reported_and_left_alone(path):
    path.write_text('{"schema_version": 99, "kind": "networking-workbook-journal"}')
    before = path.read_bytes()
    w = interview_recorder(path)
    assert "newer workbook" in w.status.text
    w.fields["name"].value = "Ana"
    assert w.save() is False
    assert path.read_bytes() == before and w.fields["name"].value == "Ana"


def test_a_widget_only_student_earns_every_point_of_the_interview_assignment(path, on_disk):
    """The assignment's widgets, on an empty journal, and nothing typed as code."""
    from workbook.grading import rubric
    from workbook.widgets import follow_up_tracker, reflection, thank_you_drafter

    held = TODAY - dt.timedelta(days=1)
    w = InterviewRecorder(path, today=TODAY)
    assert w.fields["contact_id"].options == (("(choose a contact)", ""),)
    w.fields["name"].value = "Dana Whitfield"
    w.fields["occupation"].value = "Environmental engineer"
    w.fields["organization"].value = "Riverbend Water Authority"
    w.group.value = "alumni"
    assert w.add_interviewee() is True
    [dana] = on_disk(path)["contacts"]
    assert (dana["name"], dana["category"], dana["organization"]) == ("Dana Whitfield", "alumni",
                                                                      "Riverbend Water Authority")
    assert w.fields["contact_id"].value == dana["id"]
    assert w.add_message.value.endswith("Added Dana Whitfield to your network and linked this record.</div>")
    w.fields["date"].value = held
    w.fields["minutes"].value = "30"
    for q in required_questions():
        w.fields[f"answers.{q.id}"].value = NOTES[q.id]
    w.fields["learned"].value = "Permits take a year; field work is a third of the job; the pay scale is public."
    w.fields["next_steps"].value = "Email the hydrologist she named before Friday."
    w.fields["next_contact"].value = "Priya Raman"
    assert w.add_next_contact() is True
    priya = next(c for c in on_disk(path)["contacts"] if c["name"] == "Priya Raman")
    assert (priya["introduced_by"], priya["category"]) == (dana["id"], "alumni")
    assert w.fields["asked_for_referral"].value is True
    assert "Added Priya Raman to your network, introduced by Dana Whitfield." in w.link_message.value

    tracker = follow_up_tracker(path, today=TODAY)
    assert len(tracker.thank_you_buttons) == 1
    # The note itself carries a point: drafted from the record, then marked sent, which logs it.
    drafter = thank_you_drafter(path)
    assert drafter.fill()
    drafter.sent_date.value = TODAY
    assert drafter.mark_sent()
    tracker.refresh()
    assert tracker.thank_you_buttons == {}
    note = reflection(path)
    note.fields["went_well"].value = "She answered every question at length and showed me a permit file."
    assert note.flush()

    doc = on_disk(path)
    outcomes = {o.item.id: o for o in rubric.outcomes("informational_interview", doc)}
    assert [item_id for item_id, o in outcomes.items() if not o.passed] == []
    assert rubric.score("informational_interview", doc) == rubric.autograded_points("informational_interview")


def test_the_next_contact_already_in_the_network_is_linked_not_added_twice(path, ana, on_disk):
    bo = Journal(path).add_contact(name="Bo Chen", category="school")
    w = InterviewRecorder(path, today=TODAY)
    w.fields["contact_id"].value = ana["id"]
    w.fields["next_contact"].value = "  bo CHEN "
    assert w.add_next_contact() is True
    contacts = {c["name"]: c for c in on_disk(path)["contacts"]}
    assert len(contacts) == 2 and contacts["Bo Chen"]["introduced_by"] == ana["id"]
    assert "Bo Chen, already in your network, is now introduced by Ana Ruiz." in w.link_message.value
    assert contacts["Bo Chen"]["id"] == bo["id"]


def test_adding_or_linking_needs_the_interviewee_and_a_name(path, ana):
    w = InterviewRecorder(path, today=TODAY)
    assert w.add_next_contact() is False
    assert "First choose or add the person you interviewed, above." in w.link_message.value
    w.fields["contact_id"].value = ana["id"]
    assert w.add_next_contact() is False
    assert "Type the name they gave you first." in w.link_message.value
    w.fields["name"].value = "Ana Ruiz"
    w.fields["organization"].value = "Clinic"
    assert w.add_interviewee() is False
    assert "Name: Ana Ruiz at Clinic is already in your journal" in w.add_message.value


def test_an_interview_edited_in_two_tabs_keeps_both_sets_of_answers(path, ana, on_disk):
    first = InterviewRecorder(path, today=TODAY)
    first.fields["contact_id"].value = ana["id"]
    assert first.save()
    second = InterviewRecorder(path, today=TODAY)
    first.fields["answers.skills"].value = "Skills, typed in the first tab."
    assert first.flush()
    second.fields["answers.advice"].value = "Advice, typed in the second tab."
    assert second.flush()
    [record] = on_disk(path)["interviews"]
    assert record["answers"]["skills"] == "Skills, typed in the first tab."
    assert record["answers"]["advice"] == "Advice, typed in the second tab."
