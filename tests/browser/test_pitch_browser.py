"""The pitch builder in a real JupyterLab: typed, timed, saved, and back after a kernel restart."""

import pytest
from playwright.sync_api import expect

from .lab import open_notebook, restart_and_run_all, run_all, wait_for_file, widget_area

NAME = "I'm Sam Lee, a third-year biology student with a minor in statistics."
INTEREST = "I want to work on public health research."


@pytest.mark.browser
def test_student_writes_a_pitch_and_finds_it_after_restart(page, lab_server, workspace):
    journal = workspace / "journal.json"
    open_notebook(page, lab_server, f"{workspace.name}/03_your_pitch.ipynb")
    run_all(page)
    area = widget_area(page)
    area.get_by_label("Target length").select_option(label="30 seconds")
    area.get_by_label("Your name, degree or studies, and any relevant minors").fill(NAME)
    area.get_by_label("Your career interests and focus").press_sequentially(INTEREST, delay=5)
    # 12 + 8 words at 150 words a minute: 8 s.
    expect(area.locator(".wb-timing")).to_have_text("20 words: about 8 s of your 30 s target")
    expect(area.locator(".wb-pitch")).to_have_text(f"{NAME} {INTEREST}")
    doc = wait_for_file(journal, lambda d: d["pitch_drafts"]
                        and d["pitch_drafts"][0]["parts"]["career_interest"] == INTEREST)
    assert doc["pitch_drafts"][0]["target_seconds"] == 30
    assert doc["pitch_drafts"][0]["parts"]["name_studies"] == NAME
    expect(area.locator(".wb-status-line")).to_contain_text("Saved")

    restart_and_run_all(page)
    area = widget_area(page)
    expect(area.get_by_label("Your career interests and focus")).to_have_value(INTEREST)
    expect(area.get_by_label("Target length")).to_have_value("30 seconds")
    expect(area.locator(".wb-timing")).to_have_text("20 words: about 8 s of your 30 s target")
    # The notebook's own self-check cell judges the same saved draft.
    expect(page.locator(".jp-NotebookPanel .jp-CodeCell").nth(1)).to_contain_text("Pitch check")
