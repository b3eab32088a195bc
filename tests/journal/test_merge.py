"""The merge rules: what the form loaded, what is on disk now, what the student changed."""

import json

import pytest

from workbook import Journal
from workbook.errors import JournalValueError
from workbook.journal.merge import Conflict, changed, flatten, merge, same, unflatten

BASE = {"name": "Ana", "status": "to_contact", "why": "Runs the lab", "notes": ""}


def test_only_the_students_changes_are_written_and_the_rest_comes_from_disk():
    theirs = {**BASE, "status": "requested", "why": "Hires interns"}  # changed in another notebook
    mine = {**BASE, "notes": "Prefers email"}  # the student typed a note only
    result = merge(BASE, theirs, mine)
    assert result.values == {"name": "Ana", "status": "requested", "why": "Hires interns", "notes": "Prefers email"}
    assert result.applied == ("notes",)
    assert result.conflicts == ()
    assert result.refreshed == {"status": "requested", "why": "Hires interns"}
    assert result.clean


def test_the_same_field_changed_on_both_sides_is_a_conflict_and_the_disk_wins_for_now():
    theirs = {**BASE, "why": "Hires interns"}
    mine = {**BASE, "why": "Knows the archives team", "notes": "Call after 3"}
    result = merge(BASE, theirs, mine)
    assert result.values["why"] == "Hires interns"
    assert result.values["notes"] == "Call after 3"
    assert result.applied == ("notes",)
    assert result.conflicts == (Conflict("why", "Runs the lab", "Hires interns", "Knows the archives team"),)
    assert not result.clean


def test_a_conflict_the_student_settled_for_their_own_version_is_written():
    theirs = {**BASE, "why": "Hires interns"}
    mine = {**BASE, "why": "Knows the archives team"}
    result = merge(BASE, theirs, mine, keep={"why"})
    assert result.values["why"] == "Knows the archives team"
    assert result.applied == ("why",) and result.conflicts == ()


def test_both_sides_making_the_same_change_is_no_conflict():
    theirs = {**BASE, "status": "requested"}
    mine = {**BASE, "status": "requested"}
    result = merge(BASE, theirs, mine)
    assert result.conflicts == () and result.values["status"] == "requested"


def test_spacing_and_empty_values_are_not_changes():
    assert same(" Ana ", "Ana") and same(None, "") and same(None, None)
    assert not same("Ana", "ana") and not same(0, None)
    mine = {**BASE, "name": "Ana  ", "notes": None}
    assert changed(BASE, mine) == []
    assert merge(BASE, {**BASE, "notes": "from disk"}, mine).values["notes"] == "from disk"


def test_nested_objects_merge_field_by_field_and_lists_are_one_value():
    base = {"parts": {"fit": "a", "experience": "b"}, "questions": [1, 2]}
    theirs = {"parts": {"fit": "a", "experience": "B2"}, "questions": [1, 2, 3]}
    mine = {"parts": {"fit": "A2", "experience": "b"}, "questions": [2, 1]}
    result = merge(base, theirs, mine)
    assert result.values == {"parts": {"fit": "A2", "experience": "B2"}, "questions": [1, 2, 3]}
    assert result.applied == ("parts.fit",)
    assert result.conflicts == (Conflict("questions", [1, 2], [1, 2, 3], [2, 1]),)
    assert flatten({"a": {"b": {"c": 1}}, "d": []}) == {"a.b.c": 1, "d": []}
    assert unflatten({"a.b.c": 1, "d": []}) == {"a": {"b": {"c": 1}}, "d": []}
    assert unflatten({"answers": {}, "answers.skills": "x"}) == {"answers": {"skills": "x"}}


def test_a_key_new_on_either_side():
    result = merge({}, {"added_elsewhere": 1}, {"typed_here": "x"})
    assert result.values == {"added_elsewhere": 1, "typed_here": "x"}
    assert result.refreshed == {"added_elsewhere": 1}


# -- applied by the journal, in one transaction ----------------------------------------------


@pytest.fixture
def journal(tmp_path):
    return Journal(tmp_path / "journal.json")


def test_two_notebooks_editing_one_contact_keep_both_changes(journal):
    ana = journal.add_contact(name="Ana", category="work", why="Runs the lab")
    loaded_in_02 = dict(ana)
    journal.update_contact(ana["id"], status="requested", why="Hires interns")  # notebook 04
    contact, result, refused = journal.merge_contact(ana["id"], loaded_in_02, {**loaded_in_02, "notes": "Prefers email"})
    on_disk = json.loads(journal.path.read_text())["contacts"][0]
    assert on_disk == contact
    assert (on_disk["status"], on_disk["why"], on_disk["notes"]) == ("requested", "Hires interns", "Prefers email")
    assert result.refreshed == {"status": "requested", "why": "Hires interns"} and refused == {}


def test_one_refused_value_does_not_block_the_rest_of_the_contact(journal):
    ana = journal.add_contact(name="Ana", category="work")
    mine = {**ana, "notes": "Met at the fair", "email": "not an address", "phone": "+1 555 0100"}
    contact, result, refused = journal.merge_contact(ana["id"], ana, mine)
    assert (contact["notes"], contact["phone"], contact["email"]) == ("Met at the fair", "+1 555 0100", "")
    assert list(refused) == ["email"] and "does not look like an e-mail address" in refused["email"]
    assert result.applied == ("notes", "phone")


def test_a_refusal_not_caused_by_the_students_change_stops_the_save(journal):
    ana = journal.add_contact(name="Ana", category="work", added="2026-09-10", follow_up="2026-09-20")
    before = journal.path.read_bytes()
    with pytest.raises(JournalValueError, match="follow_up: 2026-09-20 is before the contact was added"):
        journal.merge_contact(ana["id"], ana, {**ana, "added": "2026-09-30"})
    assert journal.path.read_bytes() == before


def test_records_merge_by_field_and_refuse_one_answer_alone(journal):
    saved = journal.save_record("interviews", {"id": "iv-1", "name": "Ana", "answers": {"skills": "", "advice": ""}})
    base = {k: v for k, v in saved.items() if k != "updated"}
    journal.save_record("interviews", {**base, "answers": {"skills": "", "advice": "From the other tab"}})
    mine = {**base, "learned": "A lot", "answers": {"skills": "Patience", "advice": ""}, "name": "Ana\u200b"}
    record, result, refused = journal.merge_record("interviews", "iv-1", base, mine)
    assert record["answers"] == {"skills": "Patience", "advice": "From the other tab"}
    assert (record["learned"], record["name"]) == ("A lot", "Ana")
    assert list(refused) == ["name"] and "invisible" in refused["name"]
    assert journal.record("interviews", "iv-1") == record


def test_a_record_not_on_disk_yet_is_inserted(journal):
    record, result, refused = journal.merge_record("reflections", "r-9", {}, {"went_well": "Open questions"})
    assert journal.records("reflections") == [record]
    assert record["id"] == "r-9" and record["went_well"] == "Open questions" and refused == {}
