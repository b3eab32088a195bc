"""The reflection widget, headless, on a journal in a temporary folder."""

import json

import pytest

from workbook import Journal
from workbook.widgets import reflection

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def path(tmp_path):
    j = Journal(tmp_path / "journal.json")
    j.save_record("interviews", {"id": "iv-a", "name": "Ana", "date": "2026-10-05"})
    j.save_record("interviews", {"id": "iv-b", "name": HOSTILE, "date": "2026-10-12"})
    return j.path


def reflections(path):
    return {r["interview_id"]: r for r in json.loads(path.read_text(encoding="utf-8"))["reflections"]}


def test_one_reflection_per_interview_saved_and_restored(path):
    w = reflection(path)
    assert [label for label, _ in w.chooser.options] == [f"{HOSTILE}, 2026-10-12", "Ana, 2026-10-05"]
    assert w.chooser.value == "iv-b"
    w.fields["went_well"].value = "I kept to 25 minutes."
    w.fields["surprised"].value = "Night shifts are optional."
    w.chooser.value = "iv-a"  # switching saves the first reflection
    assert w.fields["went_well"].value == ""
    w.fields["do_better"].value = "Send my questions ahead."
    assert w.flush()
    saved = reflections(path)
    assert saved["iv-b"]["went_well"] == "I kept to 25 minutes."
    assert saved["iv-b"]["surprised"] == "Night shifts are optional."
    assert saved["iv-a"]["do_better"] == "Send my questions ahead."
    again = reflection(path)
    assert again.fields["surprised"].value == "Night shifts are optional."
    again.chooser.value = "iv-a"
    assert again.fields["do_better"].value == "Send my questions ahead."
    again.fields["do_better"].value = "Arrive early."
    again.save_button.click()
    assert len(reflections(path)) == 2 and reflections(path)["iv-a"]["do_better"] == "Arrive early."


def test_without_an_interview_nothing_is_saved_but_the_text_stays(tmp_path):
    w = reflection(tmp_path / "journal.json")
    w.fields["went_well"].value = "Something"
    assert w.save() is False
    assert "Record the interview first" in w.status.text
    assert w.fields["went_well"].value == "Something"
    assert not (tmp_path / "journal.json").exists()


def test_hostile_and_huge_text(path):
    w = reflection(path)
    w.fields["went_well"].value = HOSTILE
    assert w.flush() and reflections(path)["iv-b"]["went_well"] == HOSTILE
    before = path.read_bytes()
    w.fields["surprised"].value = "s" * 100_000
    assert w.flush() is False
    assert "the limit is 20,000" in w.form.messages["surprised"].value
    assert path.read_bytes() == before
    # A failed save keeps the chooser on this interview so nothing on screen is lost.
    w.chooser.value = "iv-a"
    assert w.chooser.value == "iv-b" and w.fields["surprised"].value == "s" * 100_000


def test_corrupt_journal(tmp_path):
    path = tmp_path / "journal.json"
    path.write_text('{"schema_version": "one"}')
    w = reflection(path)
    assert "no usable schema_version" in w.status.text
    assert path.read_text() == '{"schema_version": "one"}'


def test_an_interview_recorded_in_another_notebook_can_be_chosen_when_the_student_comes_back(tmp_path):
    from workbook import Journal

    path = tmp_path / "journal.json"
    w = reflection(path)
    w.fields["went_well"].value = "Typed before the interview was recorded."
    assert w.flush() is False
    Journal(path).save_record("interviews", {"id": "iv-9", "name": "Ana", "date": "2026-10-14"})
    assert w.look() is True
    assert w.chooser.options == (("Ana, 2026-10-14", "iv-9"),)
    assert w.fields["went_well"].value == "Typed before the interview was recorded."
    assert w.save()
    [saved] = Journal(path).records("reflections")
    assert (saved["interview_id"], saved["went_well"]) == ("iv-9", "Typed before the interview was recorded.")
