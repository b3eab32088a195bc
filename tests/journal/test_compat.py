"""Journals written before the parts layout load unchanged; a record section a journal lacks loads empty."""

from __future__ import annotations

import json
import shutil

import pytest

from support.paths import FIXTURES
from workbook import Journal
from workbook.errors import JournalVersionError
from workbook.journal.schema import RECORD_SECTIONS
from workbook.journal.storage import dump_json

# Record sections added after 0.1.0: an older journal loads them empty.
ADDED_SINCE_0_1_0 = ("thank_you_notes", "linkedin_notes", "quiz_answers")
WRITTEN_BY_0_1_0 = sorted((FIXTURES / "journals" / "written_by_0.1.0").glob("*.json"))


def test_the_sections_added_since_are_record_sections():
    assert set(ADDED_SINCE_0_1_0) <= set(RECORD_SECTIONS)


def test_the_fixture_journals_are_there():
    assert [p.name for p in WRITTEN_BY_0_1_0] == ["api_every_section.json", "interview_excellent.json",
                                                   "synthetic_60.json"]


@pytest.mark.parametrize("fixture", WRITTEN_BY_0_1_0, ids=lambda p: p.stem)
def test_a_journal_of_0_1_0_loads_unchanged_and_saves_in_the_same_form(fixture, tmp_path):
    path = tmp_path / "journal.json"
    shutil.copy(fixture, path)
    doc = Journal(path).read()
    assert {section: doc.pop(section) for section in ADDED_SINCE_0_1_0} == dict.fromkeys(ADDED_SINCE_0_1_0, [])
    assert doc == json.loads(fixture.read_text(encoding="utf-8"))
    assert dump_json(doc) == fixture.read_bytes()
    with Journal(path).transaction():
        pass  # a save that changes nothing but the sections added since, written empty
    assert path.read_bytes() == dump_json({**doc, **dict.fromkeys(ADDED_SINCE_0_1_0, [])})
    assert not list(tmp_path.glob("*.bak.json"))


def test_a_record_section_the_file_lacks_loads_empty_and_is_written_on_the_next_save(tmp_path):
    path = tmp_path / "journal.json"
    doc = json.loads(WRITTEN_BY_0_1_0[0].read_text(encoding="utf-8"))
    del doc["reflections"], doc["email_drafts"]
    path.write_bytes(dump_json(doc))
    loaded = Journal(path).read()
    assert loaded["reflections"] == [] and loaded["email_drafts"] == []
    assert set(RECORD_SECTIONS) <= set(loaded)
    before = path.read_bytes()
    assert Journal(path).read() == loaded and path.read_bytes() == before  # reading writes nothing
    Journal(path).save_record("reflections", {"id": "r-new", "went_well": "It did."})
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert [r["id"] for r in saved["reflections"]] == ["r-new"] and saved["email_drafts"] == []
    assert saved["contacts"] == doc["contacts"]


def test_an_entry_section_the_file_lacks_is_still_refused(tmp_path):
    path = tmp_path / "journal.json"
    doc = json.loads(WRITTEN_BY_0_1_0[0].read_text(encoding="utf-8"))
    del doc["contacts"]
    path.write_bytes(dump_json(doc))
    with pytest.raises(Exception, match="section 'contacts' is NoneType, not a list"):
        Journal(path).read()


def test_a_newer_version_is_refused_and_left_untouched_even_with_sections_missing(tmp_path):
    path = tmp_path / "journal.json"
    doc = json.loads(WRITTEN_BY_0_1_0[0].read_text(encoding="utf-8"))
    doc["schema_version"] = 99
    del doc["reflections"]
    path.write_bytes(dump_json(doc))
    before = path.read_bytes()
    with pytest.raises(JournalVersionError, match="newer workbook"):
        Journal(path).read()
    with pytest.raises(JournalVersionError):
        Journal(path).add_contact(name="Someone", category="school")
    assert path.read_bytes() == before
