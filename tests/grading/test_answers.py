"""workbook.grading.answers: typed answers saved through the Journal API, safe to run twice."""

from __future__ import annotations

import json

import pytest

from support.paths import JOURNALS
from workbook.errors import JournalFileError, JournalValueError
from workbook.grading import answers
from workbook.grading.review import reflection_html, show_reflection
from workbook.journal.schema import add_missing_sections


def _interview(**changes) -> dict:
    values = {
        "name": "Dana Whitfield", "category": "alumni", "occupation": "Environmental engineer",
        "organization": "Riverbend Water Authority", "date": "2026-10-20", "minutes": 30,
        "answers": {"advice": "Take the hydrology elective and join the student chapter early on, she said."},
        "learned": "Licensing takes four supervised years.", "thank_you_sent": "2026-10-21",
        "next_contact": "Priya Raman", "reflection": {"went_well": "Good pacing.", "surprised": "", "do_better": "Ask less."},
    }
    values.update(changes)
    return values


def test_typed_interview_saves_contact_interactions_record_and_reflection(tmp_path):
    record = answers.save_typed_interview(_interview(), folder=tmp_path)
    doc = answers.load(tmp_path)
    dana, priya = doc["contacts"]
    assert (dana["name"], dana["category"], priya["name"], priya["introduced_by"]) == (
        "Dana Whitfield", "alumni", "Priya Raman", dana["id"])
    assert [(i["kind"], i["date"], i["minutes"]) for i in doc["interactions"]] == [
        ("informational_interview", "2026-10-20", 30), ("thank_you", "2026-10-21", None)]
    assert dana["status"] == "thanked"
    assert (record["id"], record["contact_id"], record["asked_for_referral"], record["next_contact"]) == (
        "typed-interview", dana["id"], True, "Priya Raman")
    assert [r["interview_id"] for r in doc["reflections"]] == ["typed-interview"]


def test_typed_interview_run_again_changes_nothing_but_the_record(tmp_path):
    answers.save_typed_interview(_interview(), folder=tmp_path)
    first = answers.load(tmp_path)
    answers.save_typed_interview(_interview(learned="Something new to add, much later."), folder=tmp_path)
    second = answers.load(tmp_path)
    assert second["contacts"] == first["contacts"]
    assert second["interactions"] == first["interactions"]
    assert [r["learned"] for r in second["interviews"]] == ["Something new to add, much later."]


def test_none_saves_nothing_and_creates_no_file(tmp_path):
    assert answers.save_typed_interview(None, folder=tmp_path) is None
    assert answers.save_typed_contacts(None, folder=tmp_path) == []
    assert answers.save_typed_pitch(None, folder=tmp_path) is None
    assert answers.save_typed_question_plan(None, folder=tmp_path) is None
    assert answers.save_typed_request_email(None, folder=tmp_path) is None
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("values", "message"), [
    (["not", "a", "dict"], "type the interview as a dict of answers, not a list"),
    (_interview(favourite="x"), "unknown key(s) favourite; use name, category"),
    (_interview(thank_you_sent="next Tuesday"), "thank_you: 'next Tuesday' is not a date"),
    (_interview(category="acquaintance"), "category: 'acquaintance' is not a known category"),
    (_interview(next_contact=42), "next_contact: give a name, or a dict with name, organization, occupation"),
    (_interview(name="Dana\x00Whitfield"), "name: contains an invisible control character (U+0000)"),
])
def test_bad_typed_interviews_are_refused_with_a_reason(tmp_path, values, message):
    with pytest.raises(JournalValueError) as caught:
        answers.save_typed_interview(values, folder=tmp_path)
    assert str(caught.value).startswith(message)


def test_typed_contacts_resolve_introducers_by_name_and_update_on_rerun(tmp_path):
    typed = [{"name": "Rosa Alvarez", "category": "family_friends"},
             {"name": "Leo Park", "category": "work", "introduced_by": "rosa  ALVAREZ"}]
    answers.save_typed_contacts(typed, folder=tmp_path)
    typed[1]["occupation"] = "Data analyst"
    answers.save_typed_contacts(typed, folder=tmp_path)
    rosa, leo = answers.load(tmp_path)["contacts"]
    assert (leo["introduced_by"], leo["occupation"]) == (rosa["id"], "Data analyst")
    with pytest.raises(JournalValueError, match="'Nobody' is not a contact yet"):
        answers.save_typed_contacts([{"name": "X", "category": "online", "introduced_by": "Nobody"}], folder=tmp_path)


def test_typed_pitch_plan_and_email_replace_their_own_record(tmp_path):
    answers.save_typed_pitch({"name_studies": "I am Sam."}, target_seconds=15, folder=tmp_path)
    answers.save_typed_pitch({"name_studies": "I am Sam Lee."}, target_seconds=30, folder=tmp_path)
    answers.save_typed_question_plan(["What is a day like?"], folder=tmp_path)
    answers.save_typed_request_email({"your_name": "Sam Lee", "subject": "Hi", "body": "Dear Dana"}, folder=tmp_path)
    doc = answers.load(tmp_path)
    assert [(p["parts"], p["target_seconds"]) for p in doc["pitch_drafts"]] == [({"name_studies": "I am Sam Lee."}, 30)]
    assert doc["question_plans"][0]["questions"] == [
        {"text": "What is a day like?", "category": None, "source": "custom"}]
    assert (doc["student"]["name"], doc["email_drafts"][0]["body"]) == ("Sam Lee", "Dear Dana")


def test_bring_journal_copies_a_sound_journal_and_keeps_an_existing_one(tmp_path):
    source = tmp_path / "chapter.json"
    source.write_bytes((JOURNALS / "complete.json").read_bytes())
    folder = tmp_path / "assignment"
    folder.mkdir()
    assert answers.bring_journal(source, folder=folder) == folder / "journal.json"
    assert answers.load(folder) == add_missing_sections(json.loads(source.read_text(encoding="utf-8")))
    with pytest.raises(FileExistsError, match="pass replace=True"):
        answers.bring_journal(source, folder=folder)
    broken = tmp_path / "broken.json"
    broken.write_bytes((JOURNALS / "corrupt.json").read_bytes())
    with pytest.raises(JournalFileError, match="is not valid JSON"):
        answers.bring_journal(broken, folder=folder, replace=True)
    with pytest.raises(FileNotFoundError):
        answers.bring_journal(tmp_path / "nope.json", folder=folder)


def test_reflection_for_the_grader_is_escaped(tmp_path):
    doc = json.loads((JOURNALS / "complete.json").read_text(encoding="utf-8"))
    page = reflection_html(doc)
    assert "<script>" not in page
    assert "&lt;script&gt;alert(&#x27;not run&#x27;)&lt;/script&gt; caf\u00e9 na\u00efve \u65e5\u672c\u8a9e" in page
    doc["reflections"][0]["surprised"] = "   "
    assert "<dt><strong>What surprised them</strong></dt><dd><em>(blank)</em></dd>" in reflection_html(doc)
    assert show_reflection(tmp_path)._repr_html_().startswith(
        '<div class="wb-reflection"><em>No saved answers: there is no journal.json')
    doc["reflections"] = []
    assert reflection_html(doc) == '<div class="wb-reflection"><em>No reflection is saved in this journal.</em></div>'
    (tmp_path / "journal.json").write_bytes((JOURNALS / "corrupt.json").read_bytes())
    assert "could not be read: is not valid JSON" in show_reflection(tmp_path)._repr_html_()
