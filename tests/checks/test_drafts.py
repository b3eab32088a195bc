"""The first drafts the widgets offer (checks/drafts.py): each passes its own check when the record has the material."""

import pytest

from workbook.checks.drafts import (DETAIL_BLANK, NAME_BLANK, NEXT_STEP_BLANK, draft_linkedin_note,
                                    draft_thank_you)
from workbook.checks.linkedin_note import MAX_CHARACTERS, check_linkedin_note
from workbook.checks.thank_you import check_thank_you

ADVICE = "Take the oncology elective and volunteer at the cancer centre before applying."
RECORDS = {
    "advice": {"name": "Ana Ruiz", "date": "2026-10-14", "answers": {"advice": ADVICE},
               "next_steps": "Email the ward manager she named by Friday."},
    "notes only": {"name": "Marco Bellini", "date": "2026-10-12", "answers": {},
                   "notes": "He sketches every storyboard by hand before the studio's animators touch Blender.",
                   "next_steps": "Sign up for the Saturday life-drawing class at the community college."},
    "learned only": {"name": "Dr. Kwame Mensah", "date": "2026-11-02",
                     "learned": "County epidemiologists spend most mornings cleaning surveillance data in R.",
                     "next_steps": "I will take the R course for public health next term."},
    "long answer": {"name": "Zoë Ñúñez-Okafor", "date": "2026-10-01",
                    "answers": {"advice": " ".join(["Shadow a survey team for a week"] + ["and"] * 60) + "."},
                    "next_steps": "Write to the survey team lead."},
}


@pytest.mark.parametrize("record", RECORDS.values(), ids=RECORDS)
def test_a_thank_you_draft_passes_every_item_but_on_time(record):
    note = draft_thank_you(record, "Sam Lee")
    report = check_thank_you(note, record, "Sam Lee")
    assert [item.id for item in report.items if not item.passed or item.review] == ["on_time"]
    assert check_thank_you(note, record, "Sam Lee", sent=record["date"]).passed


def test_a_thank_you_draft_reads_the_record_in_order():
    lines = draft_thank_you(RECORDS["advice"], "Sam Lee").splitlines()
    assert lines == [
        "Dear Ana Ruiz,", "",
        "Thank you for taking the time to talk with me on Wednesday. What stays with me most is what you told "
        f"me, as I noted it: \u201c{ADVICE}\u201d", "",
        "I will act on your advice straight away; my next step: email the ward manager she named by Friday.", "",
        "Best regards,", "Sam Lee"]
    # A capitalised name or acronym keeps its capitals when the step is run into the sentence.
    assert draft_thank_you({**RECORDS["advice"], "next_steps": "Dr. Okafor first."}).splitlines()[4].endswith(
        "my next step: Dr. Okafor first.")
    long_one = draft_thank_you(RECORDS["long answer"])
    assert "Shadow a survey team for a week and" in long_one and "\u2026\u201d" in long_one


def test_without_the_material_the_draft_leaves_blanks_the_check_names():
    note = draft_thank_you({"name": "Ana Ruiz"})
    assert f"What stays with me most is {DETAIL_BLANK}." in note and NEXT_STEP_BLANK in note
    assert note.splitlines()[2] == f"Thank you for taking the time to talk with me. What stays with me most is {DETAIL_BLANK}."
    assert note.splitlines()[-1] == NAME_BLANK
    report = check_thank_you(note, {"name": "Ana Ruiz", "notes": "Nights rotate monthly."})
    assert not report["specific"].passed and "template blank" in report["specific"].message
    assert not report["polite_close"].passed and not report["next_step"].passed
    assert note.splitlines()[4] == f"{NEXT_STEP_BLANK}."
    assert draft_thank_you({}).startswith("Dear [their name],")


LONG = {
    "contact": {"name": "Maria del Carmen Fernández-Rodríguez de la Vega",
                "field": "environmental and occupational health sciences"},
    "introducer": {"name": "Alexandra Konstantinopoulou-Papadimitriou"},
    "student": "Siddharth Venkataraman Subramanian-Iyer",
}


@pytest.mark.parametrize("contact, introducer, student", [
    ({"name": "Ana Ruiz", "field": "nursing"}, {"name": "Bo Chen"}, "Sam Lee"),
    ({"name": "Dr. Kwame Mensah"}, None, "Zoë Ñúñez-Okafor"),
    (LONG["contact"], LONG["introducer"], LONG["student"]),
    ({"name": LONG["contact"]["name"] * 2, "field": LONG["contact"]["field"] * 2},
     {"name": LONG["introducer"]["name"] * 2}, LONG["student"] * 2),
    ({"name": "李伟 (Li Wei)", "occupation": "Café supervisor"}, {"name": "فاطمة السيد"}, "Alex Rivera"),
])
def test_a_linkedin_draft_fits_300_characters_and_passes_its_check(contact, introducer, student):
    note = draft_linkedin_note(contact, introducer, student)
    assert len(note) <= MAX_CHARACTERS
    assert check_linkedin_note(note, student).passed, note


def test_a_linkedin_draft_gives_way_from_the_optional_sentence_to_first_names():
    assert draft_linkedin_note({"name": "Ana Ruiz", "field": "nursing"}, {"name": "Bo Chen"}, "Sam Lee") == (
        "Hi Ana Ruiz, I'm a student exploring nursing. Bo Chen suggested I contact you. Could we have a 20-minute "
        "call about your work? I'd value your advice; I'm not asking for a job. Thank you, Sam Lee")
    assert draft_linkedin_note(LONG["contact"], LONG["introducer"], LONG["student"]) == (
        "Hi Maria del Carmen Fernández-Rodríguez de la Vega, I'm a student exploring environmental and "
        "occupational health sciences. Alexandra Konstantinopoulou-Papadimitriou suggested I contact you. Could we "
        "have a 20-minute call about your work? Thank you, Siddharth Venkataraman Subramanian-Iyer")
    assert draft_linkedin_note({"name": "Dana Cole"}) == (
        "Hi Dana Cole, I'm a student exploring work like yours. I came across your profile here. Could we have a "
        "20-minute call about your work? I'd value your advice; I'm not asking for a job. Thank you, [Your name]")
    huge = draft_linkedin_note({"name": "x" * 1000})
    assert len(huge) == MAX_CHARACTERS and huge.endswith("\u2026")
