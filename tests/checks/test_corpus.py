"""The labelled corpus is well formed, and the checks' hardest-won verdicts on it hold.

How well the checks do on the whole corpus is a benchmark figure (``python -m benchmarks judgment``),
not asserted here; these tests hold the corpus to its shape and pin examples the issue named.
"""

from __future__ import annotations

import pytest

from support import corpus
from workbook.checks import registry
from workbook.checks.report import ADVICE


def test_the_corpus_has_two_hundred_labelled_examples_good_and_bad_in_both_splits():
    everything = corpus.examples()
    assert len(everything) >= 200
    assert len({(e.check, e.id) for e in everything}) == len(everything)
    for check in corpus.CHECKS:
        mine = corpus.examples(check)
        assert any(e.good for e in mine) and any(not e.good for e in mine), check
        assert {e.split for e in mine} == set(corpus.SPLITS), check
    assert all(e.why.strip() for e in everything)


def test_every_corpus_file_has_a_feed_that_scores_items_carrying_points():
    assert sorted(p.stem for p in corpus.CORPUS.glob("*.toml")) == sorted(corpus.CHECKS)
    for check, feed in corpus.FEEDS.items():
        kinds = registry.get(check).kinds
        assert feed.items and all(kinds[item] != ADVICE for item in feed.items), check


def test_every_flaw_names_an_item_that_carries_points_and_says_why():
    for example in corpus.examples():
        kinds = registry.get(example.check).kinds
        for item, why in example.flaws.items():
            assert item in kinds and kinds[item] != ADVICE, (example.id, item)
            assert why.strip(), (example.id, item)


@pytest.mark.parametrize("check, example_id, item, passed", [
    ("request_email", "email-nursing-signature-block", "polite_close", True),
    ("request_email", "email-yours-faithfully", "polite_close", True),
    ("request_email", "email-dont-hesitate-openings", "no_job_request", False),
    ("request_email", "email-not-of-course-asking", "no_job_request", True),
    ("request_email", "email-shift-break", "bounded_time", True),
    ("request_email", "email-linkedin-only-in-signature", "mentions_source", False),
    ("pitch", "pitch-all-in-first-box", "component_position_sought", True),
    ("pitch", "pitch-template-unfilled", "component_name_studies", False),
    ("pitch", "pitch-151-words", "timing", True),
    ("question_plan", "q-whom-else", "next_contact", True),
    ("question_plan", "q1-like-job", "open_ended", False),
    ("interview", "a-apprentice-pay", "answer_entry_earnings", True),
    ("interview", "a-it-depends-vague", "answer_entry_earnings", False),
    ("interview", "a-question-pasted", "answer_working_conditions", False),
])
def test_the_examples_the_issue_names_are_judged_right_and_sure(check, example_id, item, passed):
    example = next(e for e in corpus.examples(check) if e.id == example_id)
    verdict = next(v for v in corpus.verdicts(example) if v.item == item)
    assert (verdict.passed, verdict.review) == (passed, False)


def test_one_paragraph_in_all_nine_boxes_fails_every_answer():
    example = next(e for e in corpus.examples("interview") if e.id == "r-one-paragraph-everywhere")
    assert [(v.passed, v.review) for v in corpus.verdicts(example)] == [(False, False)] * 9


def test_every_item_the_text_checks_report_has_a_kind_in_the_registry():
    for example in corpus.examples():
        if example.data["kind"] == "question":
            continue
        report = corpus.report(example)
        kinds = registry.get(example.check).kinds
        assert set(report.ids) <= set(kinds), (example.id, set(report.ids) - set(kinds))
