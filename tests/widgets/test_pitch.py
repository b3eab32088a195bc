"""The pitch builder widget, headless, on a journal in a temporary folder."""

import re

from workbook.checks import selfcheck
from workbook.checks.pitch import PITCH_COMPONENTS
from workbook.widgets import pitch_builder
from workbook.widgets.pitch import timing_line

HOSTILE = "<img src=x onerror=alert(1)>"
PARTS = {
    "name_studies": "I'm Sam Lee, a third-year biology student with a minor in statistics.",
    "career_interest": "I want to work on public health research.",
    "position_sought": "I am looking for a summer research assistant role.",
}


def test_one_labelled_field_per_component(path):
    w = pitch_builder(path)
    assert list(w.fields) == list(PITCH_COMPONENTS)
    assert [w.fields[k].description for k in PITCH_COMPONENTS] == list(PITCH_COMPONENTS.values())
    assert [label for label, _ in w.target.options] == ["15 seconds", "30 seconds", "60 seconds"]


def test_typing_updates_pitch_timing_and_report_then_saves(path, on_disk):
    w = pitch_builder(path)
    for key, text in PARTS.items():
        w.fields[key].value = text
    w.target.value = 30
    assert w.autosave.waiting
    expected = " ".join(PARTS.values())
    assert f"<blockquote class='wb-pitch'>{expected.replace(chr(39), '&#x27;')}</blockquote>" == w.assembled.value
    # 12 + 8 + 9 = 29 words; at 150 words a minute that is 11.6 s.
    assert "29 words: about 12 s of your 30 s target" in w.timing.value
    assert 'data-id="core_components" data-passed="true"' in w.report.value
    assert w.flush()
    [record] = on_disk(path)["pitch_drafts"]
    assert record["target_seconds"] == 30
    assert record["parts"] == {key: PARTS.get(key, "") for key in PITCH_COMPONENTS}
    assert selfcheck.pitch(w.journal)["core_components"].passed


def test_rebuilt_widget_shows_the_saved_draft_and_keeps_its_id(path, on_disk):
    w = pitch_builder(path)
    w.fields["fit"].value = "My lab work matches your team's field studies."
    w.target.value = 15
    w.save_button.click()
    again = pitch_builder(path)
    assert again.fields["fit"].value == "My lab work matches your team's field studies."
    assert again.target.value == 15
    assert not again.autosave.dirty  # loading is not an edit
    again.fields["fit"].value = "Changed."
    again.flush()
    drafts = on_disk(path)["pitch_drafts"]
    assert len(drafts) == 1 and drafts[0]["parts"]["fit"] == "Changed."


def test_hostile_text_is_escaped_in_the_pitch_and_report(path, on_disk):
    w = pitch_builder(path)
    w.fields["name_studies"].value = HOSTILE + " studies art and design"
    assert "<img" not in w.assembled.value + w.report.value + w.timing.value
    assert "&lt;img src=x onerror=alert(1)&gt; studies art and design." in w.assembled.value
    assert w.flush()
    assert on_disk(path)["pitch_drafts"][0]["parts"]["name_studies"] == HOSTILE + " studies art and design"


def test_huge_part_is_refused_inline_and_nothing_is_written(path):
    w = pitch_builder(path)
    w.fields["experience"].value = "I tutored math."
    w.save()
    before = path.read_bytes()
    huge = "word " * 20_000
    w.fields["experience"].value = huge
    assert "20000 words: about 8000 s of your 60 s target" in w.timing.value
    assert w.flush() is False
    assert path.read_bytes() == before
    assert w.fields["experience"].value == huge
    assert "the limit is 20,000" in w.form.messages["experience"].value
    assert w.status.state == "partial"
    assert "pitch_drafts" not in w.status.text and "experience:" not in w.status.text
    assert "A short, targeted summary" in w.status.text or w.form.label("experience") in w.status.text


def test_one_refused_part_does_not_block_the_others(path, on_disk):
    w = pitch_builder(path)
    w.fields["experience"].value = "word " * 20_000
    w.fields["fit"].value = "My survey work fits your team."
    assert w.flush() is False
    [record] = on_disk(path)["pitch_drafts"]
    assert record["parts"]["fit"] == "My survey work fits your team."
    assert record["parts"]["experience"] == ""
    # Stripped before it is measured: 99,999 characters.
    assert w.status.text.endswith("A targeted summary of relevant work, internships, volunteering or class projects: "
                                  "is 99,999 characters long; the limit is 20,000. Shorten it and save again.")


def test_two_tabs_on_one_pitch_keep_each_others_parts(path, on_disk):
    first = pitch_builder(path)
    first.fields["fit"].value = "First tab's fit."
    first.save()
    second = pitch_builder(path)
    first.fields["experience"].value = "Tutoring, from the first tab."
    first.flush()
    second.fields["why_organization"].value = "Your open data, from the second tab."
    second.target.value = 30
    assert second.flush()
    [record] = on_disk(path)["pitch_drafts"]
    assert record["parts"]["experience"] == "Tutoring, from the first tab."
    assert record["parts"]["why_organization"] == "Your open data, from the second tab."
    assert record["target_seconds"] == 30
    assert second.fields["experience"].value == "Tutoring, from the first tab."


def test_corrupt_journal_is_reported_and_left_alone(path):
    path.write_bytes(b"\xff\xfe not json")
    w = pitch_builder(path)
    assert "is not UTF-8 text" in w.status.text
    w.fields["fit"].value = "Something"
    assert w.save() is False
    assert path.read_bytes() == b"\xff\xfe not json"
    assert w.fields["fit"].value == "Something"


def test_timing_line_counts_words_and_rounds_seconds():
    assert timing_line("", 15) == "0 words: about 0 s of your 15 s target"
    assert timing_line("Hello", 60) == "1 word: about 0 s of your 60 s target"
    assert timing_line(" ".join(["word"] * 150), 60) == "150 words: about 60 s of your 60 s target"
    assert re.fullmatch(r"5 words: about 2 s of your 30 s target", timing_line("один два три четыре пять", 30))
