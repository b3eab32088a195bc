"""The nbgrader assignments: consistent with the rubric and the course plan, and release/ matching source/."""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from support.course import REPO, make_course
from workbook.course.plan import load_plan
from workbook.grading import rubric

ASSIGNMENTS = ("informational_interview", "network_map", "pitch", "question_plan", "request_email")
_ALLOWED_TEST_LINE = re.compile(
    r'^(#.*|from workbook\.grading import rubric|rubric\.require(_saved)?\("[a-z_]+"\)|### (BEGIN|END) HIDDEN TESTS|)$'
)


def _notebook(folder: str, assignment: str) -> dict:
    return json.loads((REPO / folder / assignment / f"{assignment}.ipynb").read_text(encoding="utf-8"))


def _meta(cell) -> dict:
    return cell["metadata"].get("nbgrader", {})


def _source(cell) -> str:
    return "".join(cell["source"])


def _graded_cells(notebook) -> list[dict]:
    return [c for c in notebook["cells"] if _meta(c).get("grade") or _meta(c).get("task")]


def _nbgrader_points(notebook) -> float:
    return sum(float(_meta(c)["points"]) for c in _graded_cells(notebook))


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_plan_points_equal_the_assignment_total(assignment):
    planned = load_plan(REPO / "assignments" / "course_plan.toml").assignment(assignment).points
    assert planned == _nbgrader_points(_notebook("source", assignment)) == rubric.total_points(assignment)


def test_every_planned_assignment_has_a_source_folder():
    plan = load_plan(REPO / "assignments" / "course_plan.toml")
    assert sorted(a.name for a in plan.assignments) == sorted(ASSIGNMENTS)
    assert sorted(p.name for p in (REPO / "source").iterdir() if p.is_dir()) == sorted(ASSIGNMENTS)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_one_test_cell_per_rubric_item_with_its_points(assignment):
    notebook = _notebook("source", assignment)
    tests = {_meta(c)["grade_id"]: c for c in notebook["cells"] if _meta(c).get("grade")}
    assert list(tests) == [f"test_{item.id}" for item in rubric.items(assignment)]
    for item in rubric.items(assignment):
        cell = tests[f"test_{item.id}"]
        assert float(_meta(cell)["points"]) == item.points
        assert cell["cell_type"] == "code" and _meta(cell)["locked"] and not _meta(cell)["solution"]
        if item.hidden:
            assert f'rubric.require_saved("{item.id}")\n### BEGIN HIDDEN TESTS\nrubric.require("{item.id}")\n' \
                   "### END HIDDEN TESTS" in _source(cell)
        else:
            assert _source(cell).endswith(f'rubric.require("{item.id}")')
    tasks = [c for c in notebook["cells"] if _meta(c).get("task")]
    assert [(_meta(c)["grade_id"], float(_meta(c)["points"])) for c in tasks] == [
        (m.id, m.points) for m in rubric.manual_items(assignment)]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_test_cells_hold_no_rule_of_their_own(assignment):
    for cell in _graded_cells(_notebook("source", assignment)):
        if cell["cell_type"] == "code":
            for line in _source(cell).split("\n"):
                assert _ALLOWED_TEST_LINE.match(line), line


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_deleted_test_cells_can_be_put_back(assignment):
    # nbgrader (OverwriteCells.add_missing_cells) re-inserts a deleted test cell after the nbgrader
    # cell before it, and fails when that one is a read-only or task cell: so before each test
    # cell there is another test cell or no nbgrader cell at all, and task cells come last.
    marked = [c for c in _notebook("source", assignment)["cells"] if _meta(c)]
    kinds = ["grade" if _meta(c).get("grade") else "task" if _meta(c).get("task") else "other" for c in marked]
    assert "other" not in kinds
    assert kinds == sorted(kinds, key=lambda kind: kind == "task")


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_released_notebooks_are_light_and_hide_their_hidden_tests(assignment):
    notebook = _notebook("release", assignment)
    code = "\n".join(_source(c) for c in notebook["cells"] if c["cell_type"] == "code")
    assert not re.search(r"^\s*(import|from)\s+(pandas|matplotlib)", code, re.MULTILINE)
    assert "HIDDEN TESTS" not in code
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    assert all(not c.get("outputs") for c in notebook["cells"] if c["cell_type"] == "code")


def test_only_the_model_answers_and_the_vocabulary_ship_with_the_assignments():
    # source/ASSIGNMENT/journal.json is the instructor's model answer; release/ holds the notebook and the
    # course's vocabulary, which every assignment carries so that the student's self-check and the grade
    # judge with the same phrase lists (workbook.checks.vocabulary). (autograde copies every non-notebook
    # file of source/ASSIGNMENT over the submission unless the course config ignores it:
    # tests/course/test_course_files.py proves it never does for the journal.)
    shipped = {folder: sorted(str(p.relative_to(REPO / folder)) for p in (REPO / folder).rglob("*")
                              if p.is_file() and ".ipynb_checkpoints" not in p.parts and p.suffix != ".py")
               for folder in ("source", "release")}
    carried = [f"{a}/{a}.ipynb" for a in ASSIGNMENTS] + [f"{a}/vocabulary.toml" for a in ASSIGNMENTS]
    assert shipped["release"] == sorted(carried)
    assert shipped["source"] == sorted(carried + [f"{a}/journal.json" for a in ASSIGNMENTS])
    assert sorted(p.name for p in (REPO / "source").glob("*.py")) == ["model_answers.py"]


def test_config_uses_the_names_nbgrader_reads():
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(REPO)).load_config()
    assert config.Execute.timeout == 10
    assert config.OverwriteCells.add_missing_cells is True
    assert "workbook.grading.hide_tests.HideHiddenTests" in config.GenerateFeedback.preprocessors
    assert config.ExportApp.plugin_class == "workbook.grading.export.StatusCsvExportPlugin"
    assert "ExecutePreprocessor" not in config
    assert config.Execute.shutdown_kernel == "immediate"
    assert config.AssignLatePenalties.plugin_class == "workbook.grading.late.PlanLatePenalty"
    from nbgrader.preprocessors import AssignLatePenalties, Execute

    # Each name set above is a configurable trait of the class nbgrader really runs.
    for cls, names in ((Execute, ("timeout", "interrupt_on_timeout", "shutdown_kernel")),
                       (AssignLatePenalties, ("plugin_class",))):
        assert set(names) <= set(cls.class_trait_names(config=True)), cls.__name__


# -- the test cells, run in this process on saved answers ---------------------------------------

@contextmanager
def _inside(folder: Path):
    before = Path.cwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def _run_cell(source: str) -> Exception | None:
    try:
        exec(compile(source, "<test cell>", "exec"), {})
    except Exception as exc:  # noqa: BLE001 -- a failing test cell is what is being observed
        return exc
    return None


def _full_journal(assignment: str, folder: Path) -> None:
    # The instructor's model answer (source/model_answers.py): it must earn every point.
    (folder / "journal.json").write_bytes((REPO / "source" / assignment / "journal.json").read_bytes())


def _test_cells(assignment):
    notebook = _notebook("source", assignment)
    return {_meta(c)["grade_id"]: _source(c) for c in notebook["cells"] if _meta(c).get("grade")}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_full_answers_pass_every_test_cell(assignment, tmp_path):
    _full_journal(assignment, tmp_path)
    with _inside(tmp_path):
        failures = {gid: _run_cell(src) for gid, src in _test_cells(assignment).items()}
    assert {gid: str(exc) for gid, exc in failures.items() if exc is not None} == {}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_without_answers_every_test_cell_fails_saying_so(assignment, tmp_path):
    with _inside(tmp_path):
        failures = {gid: _run_cell(src) for gid, src in _test_cells(assignment).items()}
    assert {type(exc).__name__ for exc in failures.values()} == {"AnswersMissing"}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_the_untouched_typed_answers_cell_saves_nothing(assignment, tmp_path):
    typed = [_source(c) for c in _notebook("release", assignment)["cells"]
             if c["cell_type"] == "code" and "answers.save_typed_" in _source(c)]
    assert len(typed) == 1
    with _inside(tmp_path):
        assert _run_cell(typed[0]) is None
    assert list(tmp_path.iterdir()) == []


# -- release/ is what generate_assignment makes of source/ -------------------------------------

_VOLATILE_NOTEBOOK_KEYS = ("widgets",)


def _comparable(notebook: dict) -> dict:
    notebook = json.loads(json.dumps(notebook))
    for key in _VOLATILE_NOTEBOOK_KEYS:
        notebook["metadata"].pop(key, None)
    return notebook


@pytest.mark.slow
def test_release_is_regenerated_from_source_without_drift(tmp_path):
    course = make_course(tmp_path)
    for assignment in ASSIGNMENTS:
        course.nbgrader("generate_assignment", assignment)
    regenerated = sorted(p.relative_to(course.path("release")) for p in course.path("release").rglob("*") if p.is_file())
    committed = sorted(p.relative_to(REPO / "release") for p in (REPO / "release").rglob("*") if p.is_file())
    assert regenerated == committed
    for relative in committed:
        if relative.suffix != ".ipynb":  # the course's vocabulary, shipped as it is
            assert course.path("release", relative).read_bytes() == (REPO / "release" / relative).read_bytes()
            continue
        fresh = json.loads(course.path("release", relative).read_text(encoding="utf-8"))
        kept = json.loads((REPO / "release" / relative).read_text(encoding="utf-8"))
        assert _comparable(fresh) == _comparable(kept), f"release/{relative} differs from source/: regenerate it"
