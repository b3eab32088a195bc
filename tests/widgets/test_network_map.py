"""The network map widget, driven headlessly on a journal in a temporary folder."""

import datetime as dt
import re

from workbook.widgets import network_map

HOSTILE = "<img src=x onerror=alert(1)>"


def fill(widget, **values):
    for key, value in values.items():
        widget.fields[key].value = value


def test_new_contact_is_saved_with_every_field(path, on_disk):
    w = network_map(path)
    assert not path.exists()
    fill(w, name="Ana Ruiz", category="school", organization="City College", occupation="Librarian",
         field="Libraries", how_found="My first-year instructor", why="She knows the archives team",
         email="ana@example.org", phone="+1 555 0100", status="requested", priority="high",
         follow_up=dt.date(2099, 1, 5), notes="Prefers email")
    assert w.status.state == "pending"
    assert w.flush() is True
    [contact] = on_disk(path)["contacts"]
    assert {k: v for k, v in contact.items() if k != "id"} == {
        "name": "Ana Ruiz", "category": "school", "organization": "City College", "occupation": "Librarian",
        "field": "Libraries", "how_found": "My first-year instructor", "why": "She knows the archives team",
        "introduced_by": None, "added": dt.date.today().isoformat(), "email": "ana@example.org",
        "phone": "+1 555 0100", "status": "requested", "priority": "high", "follow_up": "2099-01-05",
        "notes": "Prefers email",
    }
    assert re.fullmatch(r"Saved \d\d:\d\d \(added Ana Ruiz\)", w.status.text)
    assert w.chooser.value == contact["id"] == w.contact_id
    assert "Ana Ruiz" in w.table.value and "City College" in w.table.value
    assert "<strong>1 contact(s)</strong>" in w.counts.value
    assert "School (professors, staff, classmates): 1" in w.counts.value


def test_edits_update_the_same_contact_and_come_back_after_a_restart(path, on_disk):
    w = network_map(path)
    fill(w, name="Ana Ruiz", category="work")
    w.save_button.click()
    first = w.contact_id
    w.new_button.click()
    assert w.contact_id is None and w.fields["name"].value == ""
    fill(w, name="Bo Chen", introduced_by=first, category="alumni")
    w.save_button.click()
    second = w.contact_id
    fill(w, occupation="Nurse")
    w.flush()
    contacts = {c["id"]: c for c in on_disk(path)["contacts"]}
    assert len(contacts) == 2
    assert contacts[second]["introduced_by"] == first
    assert contacts[second]["occupation"] == "Nurse"

    again = network_map(path)  # a kernel restart: only the file carries over
    assert [label for label, _ in again.chooser.options] == ["(a new contact)", "Ana Ruiz", "Bo Chen"]
    again.chooser.value = second
    assert again.fields["name"].value == "Bo Chen"
    assert again.fields["occupation"].value == "Nurse"
    assert again.fields["introduced_by"].value == first
    assert again.fields["category"].value == "alumni"
    # Nobody can be chosen as their own introducer.
    assert second not in [v for _, v in again.fields["introduced_by"].options]
    bo_row = next(row for row in again.table.value.split("<tr>") if "Bo Chen" in row)
    cells = re.findall(r"<td[^>]*>(.*?)</td>", bo_row)
    assert cells == ["Bo Chen", "Alumni", "", "Nurse", "To contact", "", "Ana Ruiz", dt.date.today().isoformat()]


def test_hostile_text_is_stored_as_typed_and_shown_escaped(path, on_disk):
    w = network_map(path)
    fill(w, name=HOSTILE, organization="Ünïcødé 株式会社", notes="😀 " + HOSTILE)
    assert w.save()
    [contact] = on_disk(path)["contacts"]
    assert contact["name"] == HOSTILE and contact["organization"] == "Ünïcødé 株式会社"
    assert "<img" not in w.table.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in w.table.value
    # Dropdown labels are plain text in ipywidgets, so the name is kept verbatim there.
    assert (f"{HOSTILE} (Ünïcødé 株式会社)", contact["id"]) in w.chooser.options


def test_huge_text_gives_an_inline_error_and_writes_nothing(path, on_disk):
    w = network_map(path)
    fill(w, name="Ana")
    w.save()
    before = path.read_bytes()
    huge = "x" * 100_000
    fill(w, notes=huge)
    assert w.flush() is False
    assert path.read_bytes() == before
    assert w.fields["notes"].value == huge
    assert "Notes: is 100,000 characters long; the limit is 20,000" in w.form.messages["notes"].value
    assert w.status.state == "partial" and "Notes: is 100,000 characters" in w.status.text
    assert "notes:" not in w.status.text  # the label the student sees, never the journal's key
    fill(w, notes="short again")
    assert w.flush() and on_disk(path)["contacts"][0]["notes"] == "short again"
    assert w.form.messages["notes"].value == ""


def test_refused_value_keeps_edits_when_switching_contacts(path, on_disk):
    w = network_map(path)
    fill(w, name="Ana")
    w.save()
    ana = w.contact_id
    w.new_button.click()
    fill(w, name="Bo", email="not an address")
    # The pending save fails, so the chooser stays on the unsaved contact and its text stays.
    w.chooser.value = ana
    assert w.chooser.value == ""
    assert w.fields["name"].value == "Bo" and w.fields["email"].value == "not an address"
    assert "does not look like an e-mail address" in w.form.messages["email"].value
    assert [c["name"] for c in on_disk(path)["contacts"]] == ["Ana"]
    fill(w, email="bo@example.org")
    w.chooser.value = ana
    assert w.fields["name"].value == "Ana"
    assert sorted(c["name"] for c in on_disk(path)["contacts"]) == ["Ana", "Bo"]


def test_duplicate_person_is_refused_inline(path, on_disk):
    w = network_map(path)
    fill(w, name="Ana", organization="Acme")
    w.save()
    w.new_button.click()
    fill(w, name="  ana ", organization="ACME")
    assert w.save() is False
    assert "is already in your journal" in w.form.messages["name"].value
    assert len(on_disk(path)["contacts"]) == 1


def test_nameless_contact_is_not_saved_automatically(path):
    w = network_map(path)
    fill(w, organization="Acme")
    assert w.flush() is False
    assert w.status.state == "info" and "Type the person's name" in w.status.text
    assert not path.exists()
    assert w.save() is False
    assert "Name: is empty" in w.form.messages["name"].value
    assert w.status.text == "Not saved: Name: is empty; please fill it in"


def test_corrupt_journal_shows_the_problem_and_is_never_overwritten(path):
    path.write_bytes(b'{"schema_version": 1, "contacts": [')
    before = path.read_bytes()
    w = network_map(path)
    assert w.status.state == "error" and "is not valid JSON" in w.status.text
    fill(w, name="Ana")
    assert w.save() is False
    assert "is not valid JSON" in w.status.text
    assert w.fields["name"].value == "Ana"
    assert path.read_bytes() == before


def test_brainstorm_prompt_names_every_group(path):
    from workbook.journal.vocabulary import CATEGORIES

    w = network_map(path)
    for label in CATEGORIES.values():
        assert f"<strong>{label}:</strong>" in w.brainstorm.value
    assert "No contacts yet" in w.table.value


# -- two notebooks on one journal ----------------------------------------------------------------


def test_a_note_typed_in_02_keeps_the_status_and_reason_set_in_04(path, on_disk):
    from workbook import Journal
    from workbook.widgets import interview_targets

    ana = Journal(path).add_contact(name="Ana", category="work", priority="low", why="Runs the lab")
    in_02 = network_map(path)
    in_02.chooser.value = ana["id"]
    in_04 = interview_targets(path)
    row = in_04.rows[ana["id"]]
    row.fields["status"].value = "requested"
    row.fields["why"].value = "Hires interns every spring"
    assert in_04.flush()
    fill(in_02, notes="Prefers email")
    assert in_02.flush() is True
    [stored] = on_disk(path)["contacts"]
    assert (stored["status"], stored["why"], stored["notes"]) == ("requested", "Hires interns every spring",
                                                                  "Prefers email")
    # 02 now shows what 04 saved, in the fields its student had not touched.
    assert in_02.fields["status"].value == "requested"
    assert in_02.fields["why"].value == "Hires interns every spring"
    assert re.fullmatch(r"Saved \d\d:\d\d", in_02.status.text)


def test_the_same_field_edited_in_two_tabs_is_shown_and_never_overwritten(path, on_disk):
    first, second = network_map(path), network_map(path)
    fill(first, name="Ana", why="Runs the lab")
    assert first.save()
    assert second.look() is True  # the second tab sees the new contact in its chooser
    second.chooser.value = first.contact_id
    fill(first, why="Hires interns")
    assert first.flush()
    fill(second, why="Knows the <archives> team", notes="Call after 3")
    assert second.flush() is False
    stored = on_disk(path)["contacts"][0]
    assert (stored["why"], stored["notes"]) == ("Hires interns", "Call after 3")
    assert second.status.state == "partial"
    assert "1 change(s) also made elsewhere wait for your choice below" in second.status.text
    [conflict] = second.conflict_box.children
    text = conflict.children[0].value
    assert "<strong>Why talk to them</strong> was changed in another tab" in text
    assert "There it reads \u201cHires interns\u201d; here you have \u201cKnows the &lt;archives&gt; team\u201d" in text
    assert second.fields["why"].value == "Knows the <archives> team"  # the student's text stays on screen
    # A later save still leaves the other tab's version alone until the student chooses.
    fill(second, phone="555 0100")
    assert second.flush() is False and on_disk(path)["contacts"][0]["why"] == "Hires interns"
    keep, _take = conflict.children[1:]
    assert (keep.description, _take.description) == ("Keep mine", "Use the other")
    keep.click()
    assert on_disk(path)["contacts"][0]["why"] == "Knows the <archives> team"
    assert second.conflict_box.children == () and second.status.state == "saved"


def test_using_the_other_version_puts_it_on_screen(path, on_disk):
    first, second = network_map(path), network_map(path)
    fill(first, name="Ana", why="Runs the lab")
    first.save()
    second.look()
    second.chooser.value = first.contact_id
    fill(first, why="Hires interns")
    first.flush()
    fill(second, why="Mine")
    second.flush()
    second.conflict_box.children[0].children[2].click()
    assert second.fields["why"].value == "Hires interns"
    assert on_disk(path)["contacts"][0]["why"] == "Hires interns"
    assert second.conflict_box.children == () and second.status.state == "saved"


def test_choosers_see_contacts_added_elsewhere_when_the_student_comes_back(path):
    from workbook import Journal

    w = network_map(path)
    assert w.look() is False  # nothing changed: nothing redrawn
    Journal(path).add_contact(name="Bo Chen", category="alumni")
    assert w.look() is True
    assert [label for label, _ in w.chooser.options] == ["(a new contact)", "Bo Chen"]
    assert "Bo Chen" in w.table.value and "<strong>1 contact(s)</strong>" in w.counts.value


def test_hidden_characters_are_removed_from_names_and_the_student_is_told(path, on_disk):
    w = network_map(path)
    fill(w, name="Nadia \u202eredoc\u202c Karim", organization="J\u200bohnson Labs")
    assert w.save()
    [stored] = on_disk(path)["contacts"]
    assert (stored["name"], stored["organization"]) == ("Nadia redoc Karim", "Johnson Labs")
    assert w.fields["name"].value == "Nadia redoc Karim"
    assert ("Removed 2 invisible or direction-changing character(s) from Name (U+202C POP DIRECTIONAL "
            "FORMATTING, U+202E RIGHT-TO-LEFT OVERRIDE): a name holds only characters that show.") in \
        w.form.messages["name"].value
    assert "U+200B ZERO WIDTH SPACE" in w.form.messages["organization"].value


def test_text_the_browser_sends_on_blur_or_page_close_is_saved_at_once(path, on_disk):
    w = network_map(path)
    # The guard's message carries what is in the boxes, which may be ahead of what ipywidgets synced.
    w._typed({w.fields["name"].model_id: "Ana Ruiz", w.fields["notes"].model_id: "typed just before closing"})
    [stored] = on_disk(path)["contacts"]
    assert (stored["name"], stored["notes"]) == ("Ana Ruiz", "typed just before closing")
    assert w.status.state == "saved" and not w.autosave.waiting
