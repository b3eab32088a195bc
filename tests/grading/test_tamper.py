"""workbook.grading.tamper and hide_tests: edited locked cells found, hidden tests kept out of feedback."""

from __future__ import annotations

import copy
import json

import nbformat
import pytest

from support.course import REPO
from workbook.grading.hide_tests import HideHiddenTests
from workbook.grading.tamper import TamperedCell, find_tampered_cells, reference_from_notebook, strip_hidden_tests

ASSIGNMENT = "informational_interview"


@pytest.fixture(scope="module")
def released():
    return json.loads((REPO / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def source():
    return json.loads((REPO / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text(encoding="utf-8"))


def _index(notebook, grade_id):
    return next(i for i, c in enumerate(notebook["cells"])
                if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


def test_untouched_notebook_has_no_tampering(released, source):
    assert find_tampered_cells(released, released) == []
    # The source still holds the hidden tests; they are stripped before comparing.
    assert find_tampered_cells(released, source) == []


def test_edits_deletions_and_metadata_changes_are_each_reported(released):
    changed = copy.deepcopy(released)
    changed["cells"][_index(changed, "test_answer_outlook")]["source"] = "assert True"
    edited_meta = changed["cells"][_index(changed, "test_interview_date")]["metadata"]["nbgrader"]
    edited_meta["points"] = 50
    edited_meta["grade"] = False
    edited_meta["locked"] = False
    changed["cells"][_index(changed, "reflection")]["cell_type"] = "code"
    del changed["cells"][_index(changed, "test_learned")]
    assert find_tampered_cells(changed, released) == [
        TamperedCell("test_interview_date", "unlocked", "the cell's nbgrader metadata no longer locks it"),
        TamperedCell("test_interview_date", "points", "points changed from 1 to 50"),
        TamperedCell("test_answer_outlook", "edited",
                     "line 1 reads 'assert True' instead of '# Graded check: your notes on \u201cWhat is the "
                     "current market like for this kind of\u2026'"),
        TamperedCell("test_learned", "deleted", "the cell is missing from the submission"),
        TamperedCell("reflection", "cell_type", "changed from markdown to code"),
    ]


def test_a_final_newline_is_not_tampering_but_an_added_line_is(released):
    changed = copy.deepcopy(released)
    cell = changed["cells"][_index(changed, "test_interviewee_name")]
    cell["source"] = "".join(cell["source"]) + "\n"
    assert find_tampered_cells(changed, released) == []
    cell["source"] += "import os; os.remove('journal.json')"
    (found,) = find_tampered_cells(changed, released)
    assert (found.change, found.detail) == ("edited", "line 4 was added: \"import os; os.remove('journal.json')\"")


def test_hidden_test_markers_slipped_into_a_submission_do_not_hide_an_edit(released):
    changed = copy.deepcopy(released)
    cell = changed["cells"][_index(changed, "test_interviewee_name")]
    cell["source"] = "".join(cell["source"]) + "\n### BEGIN HIDDEN TESTS\nassert True\n### END HIDDEN TESTS"
    assert [t.change for t in find_tampered_cells(changed, released)] == ["edited"]


def test_list_sources_and_nbformat_nodes_are_accepted(released):
    as_node = nbformat.reads(json.dumps(released), as_version=4)
    assert find_tampered_cells(as_node, released) == []
    assert len(reference_from_notebook(released)) == 19  # 18 test cells and the reflection task


def test_strip_hidden_tests():
    assert strip_hidden_tests("a\n### BEGIN HIDDEN TESTS\nb\n### END HIDDEN TESTS\nc") == "a\nc"
    assert strip_hidden_tests("") == ""


def _feedback_cell(source: str, outputs: list) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": "t", "locked": True, "points": 2,
                                 "schema_version": 3, "solution": False, "task": False}
    cell.outputs = [nbformat.from_dict(o) for o in outputs]
    return cell


def test_feedback_preprocessor_removes_hidden_source_and_the_tracebacks_quoting_it():
    error = {"output_type": "error", "ename": "RubricFailure", "evalue": "Answer is thin <b>.",
             "traceback": ["----> 5 rubric.require(\"answer_advice\")", "RubricFailure: Answer is thin <b>."]}
    hidden = _feedback_cell('rubric.require_saved("answer_advice")\n### BEGIN HIDDEN TESTS\n'
                            'rubric.require("answer_advice")\n### END HIDDEN TESTS', [error])
    visible = _feedback_cell('rubric.require("thank_you_sent")', [copy.deepcopy(error)])
    notebook = nbformat.v4.new_notebook(cells=[hidden, visible])
    notebook, _ = HideHiddenTests().preprocess(notebook, {})
    assert notebook.cells[0].source == 'rubric.require_saved("answer_advice")\n# (hidden tests are not shown)'
    assert notebook.cells[0].outputs[0]["traceback"] == ["RubricFailure: Answer is thin <b>."]
    assert notebook.cells[1].source == 'rubric.require("thank_you_sent")'
    assert notebook.cells[1].outputs[0]["traceback"] == error["traceback"]  # nothing hidden to quote


def test_feedback_preprocessor_refuses_an_unclosed_hidden_region():
    cell = _feedback_cell("### BEGIN HIDDEN TESTS\nrubric.require('x')", [])
    with pytest.raises(RuntimeError, match="No end hidden tests statement found"):
        HideHiddenTests().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})


def test_the_feedback_step_accepts_nbconverts_shared_setting_without_a_warning(caplog):
    from traitlets.config import Config

    config = Config()
    config.NbConvertBase.display_data_priority = ["text/html", "text/plain"]
    with caplog.at_level("WARNING"):
        step = HideHiddenTests(config=config)
    assert step.display_data_priority == ["text/html", "text/plain"]
    assert [r.getMessage() for r in caplog.records if "not recognized" in r.getMessage()] == []
