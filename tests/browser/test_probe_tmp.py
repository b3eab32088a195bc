import pytest, time, json
from playwright.sync_api import expect
from tests.browser.lab import open_notebook, run_all, widget_area, menu

@pytest.mark.browser
def test_probe(page, lab_server, workspace):
    open_notebook(page, lab_server, f"{workspace.name}/02_map_your_network.ipynb")
    run_all(page)
    area = widget_area(page)
    area.get_by_label("Name", exact=True).fill("Ana Ruiz")
    area.get_by_label("Notes", exact=True).press_sequentially("typed just before", delay=10)
    menu(page, "Kernel", "Restart Kernel…")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    time.sleep(4)
    print(page.locator(".wb-status-line").all_inner_texts())
    print(page.evaluate("[...document.querySelectorAll('.wb-widget')].map(e => e.className)"))
    j = workspace / "journal.json"
    print(j.exists() and json.loads(j.read_text())["contacts"])
