"""The check registry is the one list of self-checks: selfcheck, the rubric, the package and the README follow it."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

import workbook
from support.paths import JOURNALS, REPO
from workbook.checks import registry, selfcheck
from workbook.checks.report import RULE
from workbook.grading import rubric
from workbook.journal.schema import RECORD_SECTIONS, empty_document


def test_every_row_has_a_self_check_and_a_package_export():
    assert [c.id for c in registry.CHECKS] == [
        "pitch", "question_plan", "request_email", "linkedin_note", "interview", "thank_you", "follow_up", "network",
        "network_map"]
    for check in registry.CHECKS:
        function = getattr(selfcheck, check.id)
        assert function.__name__ == check.id and check.title in function.__doc__
        assert getattr(workbook, check.function.__name__) is check.function
        assert check.section is None or check.section in RECORD_SECTIONS


@pytest.mark.parametrize("check", registry.CHECKS, ids=lambda c: c.id)
def test_a_self_check_on_an_empty_journal_says_what_is_missing(check):
    report = selfcheck.run(check.id, empty_document())
    assert report.title == check.title
    if check.section is not None:
        assert [(i.id, i.passed, i.message) for i in report.items] == [
            ("saved", False, f"No {check.noun} is saved in your journal yet.")]


def test_unknown_checks_are_refused_by_name():
    with pytest.raises(KeyError, match="no check 'twitter_dm' in the registry; known: pitch, question_plan"):
        registry.get("twitter_dm")
    with pytest.raises(KeyError, match="no check 'nope'"):
        selfcheck.run("nope", empty_document())
    with pytest.raises(KeyError, match="no check 'nope'"):
        rubric.RubricItem("x", "pitch", 1, "nope", ("timing",))


def test_every_rubric_item_names_a_registry_row():
    for item in rubric.ITEMS:
        assert registry.get(item.check).id == item.check


def test_a_new_row_is_a_new_self_check_by_name(monkeypatch):
    extra = dataclasses.replace(registry.get("network"), id="network_again")
    monkeypatch.setattr(registry, "_BY_ID", {**registry._BY_ID, "network_again": extra})
    assert selfcheck.run("network_again", empty_document()).title == "Network log check"


def test_the_readme_table_lists_every_check_of_the_registry():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `(check_\w+)` \| ([^|]+) \|$", readme, re.M)
    assert listed == [(c.function.__name__, c.judges) for c in registry.CHECKS]


@pytest.mark.parametrize("check", registry.CHECKS, ids=lambda c: c.id)
def test_every_item_a_check_reports_has_its_kind_declared_in_its_row(check):
    # The kind of an item is read from the row alone: an undeclared item would be shown and scored as nothing.
    journals = [JOURNALS / f"{name}.json" for name in ("complete", "partial", "no_thank_you")]
    for path in journals:
        report = selfcheck.run(check.id, json.loads(path.read_text(encoding="utf-8")))
        assert set(report.ids) <= set(check.kinds), (path.name, set(report.ids) - set(check.kinds))
        assert all(report.kind(i) == check.kinds[i] for i in report.ids)
        assert not any(item.review and check.kinds[item.id] == RULE for item in report.items), path.name
