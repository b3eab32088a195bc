"""Names that released notebooks and existing nbgrader_config.py files use keep working on the parts layout."""

from __future__ import annotations

import importlib
import re

import pytest

from support.paths import REPO


def test_old_module_names_are_the_new_modules_themselves():
    import workbook.checks.selfcheck
    import workbook.journal.location
    import workbook.selfcheck
    from workbook import location, selfcheck

    assert selfcheck is workbook.checks.selfcheck is workbook.selfcheck
    assert location is workbook.journal.location


def test_every_name_the_notebooks_use_resolves():
    # Each `from workbook... import name` and each `module.attribute` call in notebooks/ and release/.
    sources = [p.read_text(encoding="utf-8") for p in (*REPO.glob("notebooks/*.ipynb"), *REPO.glob("release/*/*.ipynb"))]
    imports = set()
    for text in sources:
        for module, names in re.findall(r"from (workbook[\w.]*) import ([\w, ]+)", text):
            imports.update((module, name.strip()) for name in names.split(","))
    assert ("workbook.grading", "rubric") in imports and ("workbook", "selfcheck") in imports
    for module, name in sorted(imports):
        assert getattr(importlib.import_module(module), name, None) is not None or \
            importlib.import_module(f"{module}.{name}"), f"from {module} import {name}"
    from workbook import chapter, selfcheck
    from workbook.grading import answers, rubric

    for call in ("chapter.check_quiz", "chapter.quiz_markdown", "chapter.schedule", "answers.journal",
                 "answers.bring_journal", "answers.save_typed_interview", "answers.save_typed_contacts",
                 "answers.save_typed_pitch", "answers.save_typed_question_plan", "answers.save_typed_request_email",
                 "rubric.require", "rubric.require_saved", "selfcheck.pitch", "selfcheck.question_plan",
                 "selfcheck.request_email", "selfcheck.interview", "selfcheck.follow_up", "selfcheck.network",
                 "selfcheck.network_map"):
        owner, attribute = call.split(".")
        assert callable(getattr({"chapter": chapter, "selfcheck": selfcheck, "answers": answers,
                                 "rubric": rubric}[owner], attribute)), call


@pytest.mark.parametrize("dotted", [
    "workbook.grading.execute.ExecuteSkippingDisplays",
    "workbook.grading.hide_tests.HideHiddenTests",
    "workbook.grading.export.StatusCsvExportPlugin",
    "workbook.grading.late.PlanLatePenalty",
])
def test_class_names_in_nbgrader_config_import(dotted):
    assert dotted in (REPO / "nbgrader_config.py").read_text(encoding="utf-8")
    module, name = dotted.rsplit(".", 1)
    assert isinstance(getattr(importlib.import_module(module), name), type)


def test_the_package_exports_what_the_readme_shows():
    import workbook

    assert workbook.Journal is importlib.import_module("workbook.journal.model").Journal
    assert workbook.journal_path is importlib.import_module("workbook.journal.location").journal_path
    for name in ("check_pitch", "check_request_email", "check_question_plan", "check_interview",
                 "check_follow_up", "check_network", "check_network_map"):
        assert callable(getattr(workbook, name)) and name in dir(workbook)
    with pytest.raises(AttributeError, match="no attribute 'check_nothing'"):
        workbook.check_nothing  # noqa: B018
