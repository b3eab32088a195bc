"""The one-minute commercial check: components, the core three, and timing against 15/30/60 s targets."""

import math

import pytest

from workbook.checks.pitch import (
    PITCH_COMPONENTS,
    WORDS_PER_MINUTE,
    assemble_pitch,
    check_pitch,
    speaking_seconds,
)

KEYS = ["name_studies", "career_interest", "position_sought", "experience", "leadership_teamwork", "fit",
        "why_organization"]
IDS = [f"component_{key}" for key in KEYS] + ["core_components", "supporting_detail", "timing"]

GOOD = {
    "name_studies": "Hi, I'm Maya Chen, a junior majoring in biology with a minor in statistics",
    "career_interest": "I'm drawn to public health research, especially how data shapes policy",
    "position_sought": "I'm looking for a summer research internship",
    "experience": "Last year I cleaned and analysed survey data for a campus nutrition study",
    "leadership_teamwork": "As captain of the debate team I coached six new members",
    "fit": "Your team's mix of field work and analysis matches what I have practised",
    "why_organization": "I admire your county health reports and would love to help with the next one",
}


def _words(n):
    return " ".join(["word"] * n)


def test_components_are_the_seven_parts_in_order():
    assert list(PITCH_COMPONENTS) == KEYS
    assert all(isinstance(label, str) and label for label in PITCH_COMPONENTS.values())


def test_speaking_rate_is_150_words_a_minute_and_documented():
    assert WORDS_PER_MINUTE == 150
    assert "150 words a minute" in speaking_seconds.__doc__


def test_assemble_pitch_orders_components_and_skips_blanks():
    parts = {"position_sought": "I want an internship", "name_studies": "  I'm   Maya  ",
             "fit": "   ", "experience": "Did I mention the lab?"}
    assert assemble_pitch(parts) == "I'm Maya. I want an internship. Did I mention the lab?"


def test_assemble_pitch_of_nothing_is_empty():
    assert assemble_pitch({}) == ""
    assert assemble_pitch({"fit": " \n "}) == ""


def test_speaking_seconds_uses_the_rate():
    assert speaking_seconds(_words(150)) == 60.0
    assert speaking_seconds(_words(75)) == 30.0
    assert speaking_seconds(_words(120), words_per_minute=120) == 60.0
    assert speaking_seconds("") == 0.0


@pytest.mark.parametrize("rate", [0, -150, True, "fast", math.nan, math.inf, None])
def test_speaking_seconds_rejects_a_bad_rate(rate):
    with pytest.raises(ValueError, match="words_per_minute"):
        speaking_seconds("some words here", words_per_minute=rate)


def test_a_full_pitch_within_target_passes_everything():
    report = check_pitch(GOOD, target_seconds=60)
    assert report.title == "Pitch check"
    assert report.ids == IDS
    assert report.passed, str(report)
    assert report["timing"].message.startswith("Your pitch runs about ")
    assert "within your 60 s target" in report["timing"].message


def test_component_needs_three_words():
    report = check_pitch({"name_studies": "Maya Chen", "career_interest": "public health research"}, 15)
    assert report["component_name_studies"].passed is False
    assert "only 2 words so far" in report["component_name_studies"].message
    assert report["component_name_studies"].hint
    assert report["component_career_interest"].review is True  # real words, but no sign of an interest


def test_blank_component_is_not_written_and_optional_ones_are_advice():
    report = check_pitch({"name_studies": "   ", **{k: GOOD[k] for k in KEYS[1:3]}}, 15)
    assert report["component_name_studies"].passed is False
    assert "not written yet." in report["component_name_studies"].message
    assert report["component_fit"].passed is False
    assert report["component_fit"].message == "How your background and goals fit their needs: optional; it can make " \
        "your pitch stronger."


def test_core_components_need_name_interest_and_position():
    parts = {k: GOOD[k] for k in KEYS if k != "position_sought"}
    report = check_pitch(parts)
    assert report["core_components"].passed is False
    assert "the type of position you are seeking" in report["core_components"].message
    assert "career interests" not in report["core_components"].message
    assert report["core_components"].hint


def test_core_alone_lacks_supporting_detail_but_an_experience_said_anywhere_counts():
    report = check_pitch({k: GOOD[k] for k in KEYS[:3]}, 15)
    assert report["core_components"].passed is True
    assert [item.id for item in report.failed] == [f"component_{k}" for k in KEYS[3:]] + ["supporting_detail"]
    whole = check_pitch({"name_studies": " ".join(GOOD[k] for k in KEYS[:4])}, 30)
    assert [(i.id, i.passed) for i in whole.items if i.id in IDS[:3] + ["supporting_detail"]] == [
        ("component_name_studies", True), ("component_career_interest", True),
        ("component_position_sought", True), ("supporting_detail", True)]
    assert whole["component_career_interest"].message == "Your career interests and focus: said elsewhere in your pitch."


@pytest.mark.parametrize("parts, item_id, fragment", [
    ({"name_studies": "asdf asdf asdf"}, "component_name_studies", "holds no real words yet"),
    ({"name_studies": "Hi, my name is [Your Name] and I study [major]."}, "component_name_studies",
     "\u201c[Your Name]\u201d is a template blank"),
    ({"name_studies": "I am Brandon Lee and I study business at State.",
      "career_interest": "I am Brandon Lee and I study business at State."}, "component_career_interest",
     "repeats another box's text"),
])
def test_filler_templates_and_copies_earn_nothing(parts, item_id, fragment):
    item = check_pitch(parts, 30)[item_id]
    assert (item.passed, item.review) == (False, False)
    assert fragment in item.message


@pytest.mark.parametrize("target, count, passed, fragment", [
    (60, 150, True, "about 60 s (150 words), within your 60 s target"),
    (60, 151, True, "about 60 s (151 words): a touch over your 60 s target"),
    (60, 165, True, "about 66 s (165 words): a touch over your 60 s target"),
    (60, 166, False, "about 66 s (166 words), over your 60 s target"),
    (60, 50, True, "about 20 s (50 words), within your 60 s target"),
    (60, 49, False, "about 20 s (49 words), short of the 20 s minimum for your 60 s target"),
    (30, 82, True, "a touch over your 30 s target"),
    (30, 83, False, "over your 30 s target"),
    (30, 25, True, "about 10 s (25 words)"),
    (30, 24, False, "short of the 10 s minimum"),
    (15, 41, True, "about 16 s (41 words): a touch over your 15 s target"),
    (15, 42, False, "about 17 s (42 words), over your 15 s target"),
    (15, 13, True, "about 5 s (13 words)"),
    (15, 12, False, "short of the 5 s minimum for your 15 s target"),
])
def test_timing_edges(target, count, passed, fragment):
    item = check_pitch({"name_studies": _words(count)}, target_seconds=target)["timing"]
    assert item.passed is passed
    assert fragment in item.message
    assert bool(item.hint) is (not passed or "touch over" in item.message)


def test_timing_follows_a_custom_rate():
    assert check_pitch({"name_studies": _words(132)}, 60, words_per_minute=120)["timing"].passed
    assert not check_pitch({"name_studies": _words(133)}, 60, words_per_minute=120)["timing"].passed


def test_empty_pitch_fails_everything_without_error():
    report = check_pitch({})
    assert report.ids == IDS
    assert report.failed == list(report.items)
    assert "no words yet (0 s)" in report["timing"].message
    assert "60 s target" in report["timing"].message


@pytest.mark.parametrize("target", [45, 0, "60", True, None, 120])
def test_target_must_be_one_of_the_pitch_targets(target):
    with pytest.raises(ValueError, match=r"target_seconds must be one of \(15, 30, 60\)"):
        check_pitch(GOOD, target_seconds=target)


def test_unknown_component_is_named():
    with pytest.raises(ValueError, match="unknown pitch component 'hobbies'"):
        check_pitch({**GOOD, "hobbies": "chess and climbing"})
    with pytest.raises(ValueError, match="unknown pitch component 'hobbies'"):
        assemble_pitch({"hobbies": "chess"})


@pytest.mark.parametrize("value", [None, 5, ["words"], b"bytes"])
def test_non_text_component_is_rejected(value):
    with pytest.raises(ValueError, match="pitch component 'fit' must be text"):
        check_pitch({**GOOD, "fit": value})


@pytest.mark.parametrize("parts", [None, "my pitch", [("fit", "text")]])
def test_parts_must_be_a_mapping(parts):
    with pytest.raises(ValueError, match="must be a mapping"):
        check_pitch(parts)


def test_emoji_are_not_words_but_right_to_left_words_are():
    report = check_pitch({"name_studies": "\U0001f44b \U0001f44b \U0001f44b \U0001f44b",
                          "career_interest": "\u0623\u0647\u062a\u0645 \u0628\u0627\u0644\u0635\u062d\u0629 \u0627\u0644\u0639\u0627\u0645\u0629"}, 15)
    assert report["component_name_studies"].passed is False
    # Arabic words are real words; the check cannot read their meaning, so a person does.
    assert (report["component_career_interest"].passed, report["component_career_interest"].review) == (True, True)


def test_markup_in_a_part_never_reaches_the_html_raw():
    parts = {**GOOD, "fit": "<img src=x onerror=alert(1)> <script>alert(1)</script>"}
    html = check_pitch(parts)._repr_html_()
    assert "<img" not in html and "<script" not in html


def test_a_100k_character_pitch_is_judged():
    parts = {**GOOD, "experience": ("I led a lab project. " * 5_000)[:100_000]}
    report = check_pitch(parts)
    assert report["timing"].passed is False
    assert "over your 60 s target" in report["timing"].message
