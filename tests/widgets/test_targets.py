"""The interview targets widget, headless, on a journal in a temporary folder."""

import json

import pytest

from workbook import Journal
from workbook.widgets import interview_targets
from workbook.widgets.targets import targets

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture
def people(path):
    j = Journal(path)
    return {
        "ana": j.add_contact(name="Ana", category="work", priority="low", why="Runs the lab"),
        "bo": j.add_contact(name="Bo", category="school", organization=HOSTILE),
        "cy": j.add_contact(name="Cy", category="alumni", priority="high"),
    }


def on_disk(path):
    return {c["name"]: c for c in json.loads(path.read_text(encoding="utf-8"))["contacts"]}


def test_list_shows_people_with_a_priority_highest_first(path, people):
    w = interview_targets(path)
    assert list(w.rows) == [people["cy"]["id"], people["ana"]["id"]]
    assert w.rows[people["ana"]["id"]].fields["why"].value == "Runs the lab"
    assert w.rows[people["ana"]["id"]].fields["priority"].value == "low"
    assert [label for label, _ in w.chooser.options] == ["(choose a contact)", f"Bo ({HOSTILE})"]
    assert targets([{"name": "x", "id": "1", "priority": None}]) == []


def test_adding_and_editing_a_target_is_saved_and_restored(path, people):
    w = interview_targets(path)
    w.chooser.value = people["bo"]["id"]
    w.add_priority.value = "high"
    w.add_button.click()
    assert on_disk(path)["Bo"]["priority"] == "high"
    assert list(w.rows) == [people["bo"]["id"], people["cy"]["id"], people["ana"]["id"]]
    # The organization is shown escaped in the row's heading.
    heading = w.rows[people["bo"]["id"]].heading.value
    assert "<img" not in heading and "&lt;img src=x onerror=alert(1)&gt;" in heading
    row = w.rows[people["bo"]["id"]]
    row.fields["how_found"].value = "Alumni directory"
    row.fields["why"].value = "Works in public health data"
    row.fields["status"].value = "requested"
    assert w.flush()
    bo = on_disk(path)["Bo"]
    assert (bo["how_found"], bo["why"], bo["status"], bo["priority"]) == (
        "Alumni directory", "Works in public health data", "requested", "high")
    again = interview_targets(path)
    assert again.rows[people["bo"]["id"]].fields["why"].value == "Works in public health data"
    assert again.rows[people["bo"]["id"]].fields["status"].value == "requested"


def test_taking_someone_off_the_list_clears_their_priority(path, people):
    w = interview_targets(path)
    w.rows[people["ana"]["id"]].fields["priority"].value = ""
    assert w.flush()
    assert on_disk(path)["Ana"]["priority"] is None
    assert list(w.rows) == [people["cy"]["id"]]
    assert ("Ana", people["ana"]["id"]) in w.chooser.options


def test_add_without_choosing_says_so(path, people):
    w = interview_targets(path)
    assert w.add_target() is False
    assert "Choose a contact to add first." in w.add_message.value


def test_huge_text_is_refused_on_its_row_and_kept_on_screen(path, people):
    w = interview_targets(path)
    before = path.read_bytes()
    row = w.rows[people["cy"]["id"]]
    row.fields["why"].value = "w" * 100_000
    assert w.flush() is False
    assert "the limit is 20,000" in row.form.messages["why"].value
    assert row.fields["why"].value == "w" * 100_000
    assert path.read_bytes() == before
    row.fields["why"].value = HOSTILE
    assert w.flush() and on_disk(path)["Cy"]["why"] == HOSTILE


def test_corrupt_journal(path):
    path.write_text("[]")
    w = interview_targets(path)
    assert "holds a JSON list, not a journal object" in w.status.text
    assert w.rows == {}
    assert path.read_text() == "[]"


def test_a_contact_added_in_another_notebook_is_offered_when_the_student_comes_back(path, people):
    w = interview_targets(path)
    Journal(path).add_contact(name="Dee", category="online")
    assert w.look() is True
    assert [label for label, _ in w.chooser.options] == ["(choose a contact)", f"Bo ({HOSTILE})", "Dee"]


def test_a_priority_set_elsewhere_puts_the_person_on_the_list_and_untouched_fields_follow(path, people):
    w = interview_targets(path)
    journal = Journal(path)
    journal.update_contact(people["bo"]["id"], priority="high")
    journal.update_contact(people["ana"]["id"], status="requested")
    assert w.look() is True
    assert list(w.rows) == [people["bo"]["id"], people["cy"]["id"], people["ana"]["id"]]
    assert w.rows[people["ana"]["id"]].fields["status"].value == "requested"


def test_a_row_edited_here_and_elsewhere_keeps_both_and_asks_about_the_clash(path, people):
    w = interview_targets(path)
    row = w.rows[people["ana"]["id"]]
    Journal(path).update_contact(people["ana"]["id"], why="Hires interns", status="requested")
    row.fields["why"].value = "Knows the archives"
    row.fields["how_found"].value = "Lab open day"
    assert w.flush() is False
    ana = on_disk(path)["Ana"]
    assert (ana["why"], ana["status"], ana["how_found"]) == ("Hires interns", "requested", "Lab open day")
    [clash] = w.conflict_box.children
    assert "<strong>Ana: Why them</strong> was changed" in clash.children[0].value
    clash.children[1].click()  # Keep mine
    assert on_disk(path)["Ana"]["why"] == "Knows the archives"
    assert w.status.state == "saved"
