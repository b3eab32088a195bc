"""What students do that broke widgets: two notebooks on one contact, the keyboard alone, typing then leaving."""

import json

import pytest
from playwright.sync_api import expect

from workbook import Journal

from .lab import menu, open_notebook, run_all, wait_for_file, widget_area


def cells(page):
    return page.locator(".jp-NotebookPanel .jp-Cell").count()


@pytest.mark.browser
def test_two_notebooks_editing_one_contact_keep_both_changes(chromium, lab_server, workspace):
    journal = workspace / "journal.json"
    ana = Journal(journal).add_contact(name="Ana Ruiz", category="work", priority="low", why="Runs the lab")
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        mapping, choosing = context.new_page(), context.new_page()
        open_notebook(mapping, lab_server, f"{workspace.name}/02_map_your_network.ipynb")
        run_all(mapping)
        in_02 = widget_area(mapping)
        in_02.get_by_label("Contact to edit", exact=True).select_option(label="Ana Ruiz")
        expect(in_02.get_by_label("Why talk to them", exact=True)).to_have_value("Runs the lab")

        open_notebook(choosing, lab_server, f"{workspace.name}/04_choose_people.ipynb")
        run_all(choosing)
        in_04 = widget_area(choosing)
        in_04.get_by_label("Status", exact=True).select_option(label="Requested")
        in_04.get_by_label("Why them", exact=True).fill("Hires interns every spring")
        in_04.get_by_role("button", name="Save", exact=True).click()
        wait_for_file(journal, lambda d: d["contacts"][0]["why"] == "Hires interns every spring")

        in_02.get_by_label("Notes", exact=True).fill("Prefers email")
        in_02.get_by_role("button", name="Save", exact=True).click()
        doc = wait_for_file(journal, lambda d: d["contacts"][0]["notes"] == "Prefers email")
        [contact] = doc["contacts"]
        assert (contact["status"], contact["why"]) == ("requested", "Hires interns every spring")
        # 02 now shows what 04 saved.
        expect(in_02.get_by_label("Why talk to them", exact=True)).to_have_value("Hires interns every spring")
        expect(in_02.get_by_label("Status", exact=True)).to_have_value("Requested")

        # A contact added in 02 is offered in 04 as soon as the student comes back to its widget.
        in_02.get_by_role("button", name="Start a new contact").click()
        in_02.get_by_label("Name", exact=True).fill("Bo Chen")
        in_02.get_by_role("button", name="Save", exact=True).click()
        wait_for_file(journal, lambda d: len(d["contacts"]) == 2)
        choosing.bring_to_front()
        in_04.get_by_label("Add someone from your network").hover()
        expect(in_04.get_by_label("Add someone from your network").locator("option")).to_contain_text(
            ["(choose a contact)", "Bo Chen"])
        assert ana["id"] == contact["id"]
    finally:
        context.close()
        lab_server.stop_kernels()


@pytest.mark.browser
def test_keyboard_alone_drives_a_dropdown_the_question_bank_and_a_form(page, lab_server, workspace):
    journal = workspace / "journal.json"
    open_notebook(page, lab_server, f"{workspace.name}/02_map_your_network.ipynb")
    run_all(page)
    area = widget_area(page)
    before = cells(page)
    group = area.get_by_label("Group", exact=True)
    group.focus()
    page.keyboard.press("ArrowDown")
    expect(group).to_have_value("School (professors, staff, classmates)")
    for key in ("a", "b", "d", "d", "ArrowDown", "ArrowUp"):
        page.keyboard.press(key)  # JupyterLab's insert-cell and delete-cell keys, and its cell moves
    assert cells(page) == before
    expect(group).to_be_focused()
    # The whole form by keyboard: Tab into the name, type, Tab on, then Enter on Save.
    area.get_by_label("Contact to edit", exact=True).focus()
    page.keyboard.press("Tab")  # "Start a new contact"
    page.keyboard.press("Tab")
    expect(area.get_by_label("Name", exact=True)).to_be_focused()
    page.keyboard.type("Dana Whitfield")
    page.keyboard.press("Tab")
    expect(group).to_be_focused()
    page.keyboard.press("End")  # the last group: Online
    save = area.get_by_role("button", name="Save", exact=True)
    save.focus()
    page.keyboard.press("Enter")
    doc = wait_for_file(journal, lambda d: d["contacts"] and d["contacts"][0]["category"] == "online")
    assert doc["contacts"][0]["name"] == "Dana Whitfield"
    page.keyboard.press("Space")  # Space presses a button too: a second save, still one contact
    expect(area.locator(".wb-status-line.wb-saved")).to_contain_text("Saved")
    assert len(Journal(journal).contacts()) == 1 and cells(page) == before

    open_notebook(page, lab_server, f"{workspace.name}/05_plan_questions.ipynb")
    run_all(page)
    area = widget_area(page)
    bank = area.get_by_label("Questions in the bank")
    before = cells(page)
    bank.focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    second = bank.locator("option").nth(1).inner_text()
    assert bank.evaluate("el => el.options[el.selectedIndex].text") == second
    assert cells(page) == before
    page.keyboard.press("Tab")
    expect(area.get_by_role("button", name="Add to my plan")).to_be_focused()
    page.keyboard.press("Enter")
    expect(area.get_by_label("My plan, in order").locator("option")).to_have_text([f"1. {second}"])


@pytest.mark.browser
def test_text_typed_just_before_a_restart_or_a_closed_tab_is_saved(chromium, lab_server, workspace):
    journal = workspace / "journal.json"
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        open_notebook(page, lab_server, f"{workspace.name}/02_map_your_network.ipynb")
        run_all(page)
        area = widget_area(page)
        area.get_by_label("Name", exact=True).fill("Ana Ruiz")
        area.get_by_label("Notes", exact=True).press_sequentially("typed just before the restart", delay=5)
        menu(page, "Kernel", "Restart Kernel…")  # well inside the one-second pause of the autosave
        page.locator(".jp-Dialog .jp-mod-accept").click()
        wait_for_file(journal, lambda d: d["contacts"] and d["contacts"][0]["notes"] == "typed just before the restart")
        # The dead widget says so, and no longer promises a save.
        expect(area.locator(".wb-status-line")).to_contain_text("lost its kernel")
        expect(area.locator(".wb-status-line")).not_to_contain_text("saving when you pause typing")
        expect(area.get_by_label("Notes", exact=True)).not_to_be_editable()

        run_all(page)
        area = widget_area(page)
        area.get_by_label("Contact to edit", exact=True).select_option(label="Ana Ruiz")
        notes = area.get_by_label("Notes", exact=True)
        notes.click()
        page.keyboard.press("End")
        page.keyboard.type(", then closed the tab fast", delay=0)
        page.close()  # no pause, no blur: the page going is what saves it
        doc = wait_for_file(journal, lambda d: d["contacts"][0]["notes"].endswith("then closed the tab fast"))
        assert doc["contacts"][0]["notes"] == "typed just before the restart, then closed the tab fast"
    finally:
        context.close()
        lab_server.stop_kernels()
    assert json.loads(journal.read_text())["contacts"][0]["name"] == "Ana Ruiz"
